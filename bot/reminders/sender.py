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
    """What became of one send, and so of its row:

    - sent: Telegram accepted it;
    - retry (after `wait`): it certainly did not reach Telegram (a connect error, a 5xx
      answer, a 429), so it is safe to send again;
    - uncertain: the request went out and no answer came (a read timeout, a dropped
      connection), so Telegram may have delivered it: recorded, never sent again;
    - blocked (403: never retry); failed (400 and other refusals: record, no retry).

    `detail` says why, in a few words, for the row."""

    outcome: str
    wait: timedelta = timedelta(0)
    detail: str = ""


class Sender(Protocol):
    async def send(self, chat_id: int, reply: Reply) -> Delivery: ...
