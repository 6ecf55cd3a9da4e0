"""Domain replies -> Bot API calls, and the Bot API's answers -> what the dispatcher does next."""

from __future__ import annotations

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
