"""The bot's profile: its description (the first screen a person sees after opening an invite
link, before they press Start) and short description (the profile page, shared links), in
every language of the catalogs, set at start."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import TelegramError

from bot.locales import LANGUAGES, t

log = logging.getLogger(__name__)
DEFAULT_LANGUAGE = "en"  # shown to everyone whose app language has no text of its own


async def set_profile(bot: Bot) -> None:
    """setMyDescription and setMyShortDescription for each language (English as the default
    for all others). Telegram refusing is logged and not fatal: the bot works without them."""
    for lang in LANGUAGES:
        code = None if lang == DEFAULT_LANGUAGE else lang
        try:
            await bot.set_my_description(t(lang, "bot.description"), language_code=code)
            await bot.set_my_short_description(
                t(lang, "bot.short_description"), language_code=code
            )
        except TelegramError as exc:
            log.warning("the bot's description (%s) was not set: %s", lang, exc.message)
