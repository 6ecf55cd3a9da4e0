"""PNG charts of a client's own record, each with a caption in words; no database, no Telegram."""
