"""The terminal door: typed lines become events, replies become printed text."""
