"""The Telegram door: updates become events, replies become Bot API calls; no SQL here."""
