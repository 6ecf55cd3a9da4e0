"""Delivering one message, with Telegram's answers mapped to what the dispatcher does next."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.domain.conversation.model import Reply
from bot.tg.delivery import deliver

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    """sent; retry (after `wait`); blocked (403: never retry); failed (400: record, no retry)."""

    outcome: str
    wait: timedelta = timedelta(0)
    detail: str = ""


class Sender(Protocol):
    async def send(self, chat_id: int, reply: Reply) -> Delivery: ...


class TelegramSender:
    """Sends through PTB's bot, whose AIORateLimiter already paces to 30 messages a second
    and waits out a 429 a few times before it gives up and raises RetryAfter."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, reply: Reply) -> Delivery:
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
