"""Invites: a single-use code and its t.me deep link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.store import repo
from bot.store.database import Database

PLACEHOLDER_BOT = "<your_bot>"


async def bot_username(settings: Settings) -> str:
    """The bot's @username from getMe when a token is set; a placeholder otherwise."""
    if not settings.token:
        return PLACEHOLDER_BOT
    from telegram import Bot
    from telegram.error import TelegramError

    api = settings.telegram_api_url
    bot = Bot(settings.token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot")
    try:
        async with bot:
            return bot.username
    except TelegramError:
        return PLACEHOLDER_BOT


async def create_invite_link(
    settings: Settings, expires: timedelta, track: str | None = None
) -> tuple[str, str, datetime]:
    """Store a new invite; return its code, its deep link and when it expires."""
    now = datetime.now(UTC)
    until = now + expires
    db = Database(settings.database_url)
    try:
        async with db.transaction() as s:
            code = await repo.create_invite(s, now=now, expires_at=until, track=track)
    finally:
        await db.dispose()
    name = await bot_username(settings)
    return code, f"https://t.me/{name}?start={code}", until
