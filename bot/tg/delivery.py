"""Domain replies -> Bot API calls, and the Bot API's answers -> what the dispatcher does next."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.domain.conversation import model as m
from bot.reminders.sender import Delivery
from bot.tg.limits import MAX_CAPTION, clip

log = logging.getLogger(__name__)
# Seconds between attempts at one reply: all of them for help and risk scripts (at least
# once), the first two for the rest. About 15 s in all: a bound, so one chat cannot stall
# the bot for long while Telegram is down (a durable outbox is the next step).
RETRY_WAITS: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)


def markup(reply: m.Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """Inline buttons when the reply has some, else the persistent Help key when asked."""
    if reply.buttons:
        rows = [
            [InlineKeyboardButton(c.label, callback_data=c.data) for c in row]
            for row in reply.buttons
        ]
        return InlineKeyboardMarkup(rows)
    if reply.help_key:
        key = KeyboardButton(reply.help_key)
        return ReplyKeyboardMarkup([[key]], resize_keyboard=True, is_persistent=True)
    return None


async def deliver(bot: Bot, chat_id: int, reply: m.Reply) -> None:
    """One reply as sendMessage, sendPhoto (a chart) or sendDocument (an export)."""
    keys = markup(reply)
    caption = clip(reply.text, MAX_CAPTION) or None
    if reply.photo is not None:
        await bot.send_photo(
            chat_id, InputFile(reply.photo, filename="chart.png"), caption=caption,
            reply_markup=keys, protect_content=reply.protect,
        )  # fmt: skip
    elif reply.document is not None:
        await bot.send_document(
            chat_id, InputFile(reply.document, filename=reply.filename or "file"),
            caption=caption, reply_markup=keys, protect_content=reply.protect,
        )  # fmt: skip
    else:
        await bot.send_message(chat_id, clip(reply.text), reply_markup=keys,
                               protect_content=reply.protect)  # fmt: skip


async def deliver_reliably(bot: Bot, chat_id: int, reply: m.Reply) -> None:
    """`deliver` with retries for what did not reach Telegram (5xx, network errors, a 429
    still refused after the rate limiter's own retries). A timeout after the request was
    written is retried only for an urgent reply: its outcome is unknown, and a duplicate help
    text is better than none. Raises at once on 403 (blocked) and 400 (refused); the last
    error once the attempts run out."""
    waits = RETRY_WAITS if reply.urgent else RETRY_WAITS[:2]
    for attempt in range(len(waits) + 1):
        try:
            await deliver(bot, chat_id, reply)
            return
        except (Forbidden, BadRequest):
            raise
        except RetryAfter as exc:
            wait = _seconds(exc.retry_after)
            if attempt == len(waits):
                raise
        except TimedOut:
            if not reply.urgent or attempt == len(waits):
                raise
            wait = waits[attempt]
        except NetworkError:
            if attempt == len(waits):
                raise
            wait = waits[attempt]
        log.info("reply not delivered, attempt %d; trying again in %.1f s", attempt + 1, wait)
        await asyncio.sleep(wait)


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    """The dispatcher's sender over a PTB bot, whose AIORateLimiter paces the requests."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, reply: m.Reply) -> Delivery:
        """sent; retry after 429's retry_after or 30 s on a network error; blocked on 403;
        failed on another 400."""
        try:
            await deliver(self.bot, chat_id, reply)
        except RetryAfter as exc:
            wait = exc.retry_after
            delay = wait if isinstance(wait, timedelta) else timedelta(seconds=float(wait))
            return Delivery("retry", delay, "429")
        except Forbidden:
            return Delivery("blocked", detail="403")
        except BadRequest as exc:
            return Delivery("failed", detail=f"400 {exc.message}"[:64])
        except (TimedOut, NetworkError) as exc:
            return Delivery("retry", timedelta(seconds=30), exc.__class__.__name__[:64])
        return Delivery("sent")
