"""Loggers whose lines would carry the bot token, kept quiet wherever logging is set up."""

from __future__ import annotations

import logging


def quiet_token_loggers() -> None:
    """httpx logs every request URL (the token is in it), and PTB's bots log their API URL at
    DEBUG when built: keep them at WARNING and at INFO or above, whatever LOG_LEVEL says."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in ("telegram.Bot", "telegram.ext.ExtBot"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
