"""What the dispatcher needs of a sender: one message out, and what to do next.

The Telegram sender (`bot.tg.delivery.TelegramSender`) maps the Bot API's answers onto
`Delivery`; the tests use a fake. Nothing here knows Telegram."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from bot.domain.conversation.model import Reply


@dataclass(frozen=True)
class Delivery:
    """sent; retry (after `wait`); blocked (403: never retry); failed (400: record, no retry)."""

    outcome: str
    wait: timedelta = timedelta(0)
    detail: str = ""


class Sender(Protocol):
    async def send(self, chat_id: int, reply: Reply) -> Delivery: ...
