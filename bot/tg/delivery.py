"""Domain replies -> Bot API calls, and the Bot API's answers -> what the dispatcher does next."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

import httpx
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaPhoto,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot

from bot.domain.conversation import model as m
from bot.reminders.sender import Delivery
from bot.tg.bot import GuardedBot
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


async def deliver(bot: ExtBot[Any], chat_id: int, reply: m.Reply,
                  priority: int | None = None) -> int:  # fmt: skip
    """One reply as sendMessage, sendPhoto (a chart) or sendDocument (an export), at the
    pacing's `priority` (None: the bot's own, `bot.tg.pacing`); returns the new message's id."""
    keys = markup(reply)
    caption = clip(reply.text, MAX_CAPTION) or None
    if reply.photo is not None:
        sent = await bot.send_photo(
            chat_id, InputFile(reply.photo, filename="chart.png"), caption=caption,
            reply_markup=keys, protect_content=reply.protect, rate_limit_args=priority,
        )  # fmt: skip
    elif reply.document is not None:
        sent = await bot.send_document(
            chat_id, InputFile(reply.document, filename=reply.filename or "file"),
            caption=caption, reply_markup=keys, protect_content=reply.protect,
            rate_limit_args=priority,
        )  # fmt: skip
    elif isinstance(bot, GuardedBot):  # the answer's id without a PTB Message built from it
        return await bot.send_text(chat_id, clip(reply.text), reply_markup=keys,
                                   protect_content=reply.protect,
                                   rate_limit_args=priority)  # fmt: skip
    else:
        sent = await bot.send_message(chat_id, clip(reply.text), reply_markup=keys,
                                      protect_content=reply.protect,
                                      rate_limit_args=priority)  # fmt: skip
    return sent.message_id


async def edit_photo(bot: ExtBot[Any], chat_id: int, message_id: int, reply: m.Reply,
                     priority: int | None = None) -> None:  # fmt: skip
    """Put `reply`'s picture, caption and buttons in place of the photo `message_id`
    (editMessageMedia). Raises BadRequest when Telegram will not edit it."""
    assert reply.photo is not None
    caption = clip(reply.text, MAX_CAPTION) or None
    media = InputMediaPhoto(reply.photo, caption=caption, filename="chart.png")  # an attached part
    keys = markup(reply)
    await bot.edit_message_media(
        media, chat_id=chat_id, message_id=message_id,
        reply_markup=keys if isinstance(keys, InlineKeyboardMarkup) else None,
        rate_limit_args=priority,
    )  # fmt: skip


async def deliver_reliably(bot: ExtBot[Any], chat_id: int, reply: m.Reply,
                           priority: int | None = None) -> int:  # fmt: skip
    """`deliver` with retries for what did not reach Telegram (5xx, network errors, a 429
    still refused after the rate limiter's own retries). A timeout after the request was
    written is retried only for an urgent reply: its outcome is unknown, and a duplicate help
    text is better than none. Raises at once on 403 (blocked) and 400 (refused); the last
    error once the attempts run out. Returns the new message's id."""
    waits = RETRY_WAITS if reply.urgent else RETRY_WAITS[:2]
    for attempt in range(len(waits) + 1):
        try:
            return await deliver(bot, chat_id, reply, priority)
        except (Forbidden, BadRequest):
            raise
        except RetryAfter as exc:
            wait = seconds(exc.retry_after)
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
    raise AssertionError("unreachable: the last attempt returns or raises")


def seconds(value: float | timedelta) -> float:
    """A Bot API duration (retry_after) in seconds, whichever type PTB gives it."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    """The dispatcher's sender over a PTB bot, whose limiter (bot.tg.pacing) paces the requests.

    Reminders go at most once: what `classify_send_error` calls uncertain is never sent
    again."""

    def __init__(self, bot: ExtBot[Any]) -> None:
        self.bot = bot

    async def send(self, chat_id: int, reply: m.Reply) -> Delivery:
        """sent, or what `classify_send_error` makes of the error."""
        try:
            await deliver(self.bot, chat_id, reply)
        except Exception as exc:
            if not isinstance(exc, TelegramError):
                log.warning("reminder send broke off: %s", exc.__class__.__name__)
            return classify_send_error(exc)
        return Delivery("sent")


# httpx errors raised before any byte of the request reached Telegram: safe to send again.
_NOT_SENT = (
    httpx.ConnectError,  # refused, unreachable, DNS, TLS handshake
    httpx.ConnectTimeout,
    httpx.PoolTimeout,  # no free connection: the request never left
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
)
NOT_SENT_WAIT = timedelta(seconds=30)  # before a send that never reached Telegram is retried


def classify_send_error(exc: BaseException) -> Delivery:
    """What a failed send means for a message that must go at most once (a reminder).

    retry: Telegram certainly did not take it: a connect error or timeout, a pool timeout
    (PTB raises TimedOut and NetworkError `from` the httpx error), an answer with an error
    status such as 500 or 502 (a NetworkError with no transport error behind it), or a 429
    (after its retry_after). uncertain: the request was written and no answer came: a read
    or write timeout, a connection dropped or reset before the answer, or anything else
    unexpected on the wire; Telegram may have delivered it, so it is never repeated.
    blocked on 403; failed on 400 and on the API's other refusals."""
    if isinstance(exc, RetryAfter):
        return Delivery("retry", _delta(exc.retry_after), "429")
    if isinstance(exc, Forbidden):
        return Delivery("blocked", detail="403")
    if isinstance(exc, BadRequest):  # a NetworkError subclass in PTB: test it first
        return Delivery("failed", detail=f"400 {exc.message}"[:64])
    if isinstance(exc, NetworkError):  # TimedOut included
        cause = _transport_error(exc)
        if isinstance(cause, _NOT_SENT):
            return Delivery("retry", NOT_SENT_WAIT, f"not sent: {cause.__class__.__name__}")
        if cause is None and not isinstance(exc, TimedOut):
            return Delivery("retry", NOT_SENT_WAIT, f"not taken: {exc.message}"[:64])
        what = cause.__class__.__name__ if cause is not None else exc.__class__.__name__
        return Delivery("uncertain", detail=f"no answer: {what}"[:64])
    if isinstance(exc, TelegramError):  # ChatMigrated, InvalidToken, Conflict...
        return Delivery("failed", detail=f"{exc.__class__.__name__} {exc.message}"[:64])
    return Delivery("uncertain", detail=f"no answer: {exc.__class__.__name__}"[:64])


def _transport_error(exc: BaseException) -> BaseException | None:
    """The error PTB's HTTP layer raised `exc` from: an httpx error (HTTPXRequest), or
    whatever else broke there ("Unknown error in HTTP implementation"). None when Telegram
    answered: an error status has no cause, or an unreadable answer's TelegramError."""
    below = exc.__cause__ or exc.__context__
    return None if below is None or isinstance(below, TelegramError) else below


def _delta(value: float | timedelta) -> timedelta:
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))
