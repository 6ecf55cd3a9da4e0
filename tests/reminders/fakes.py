"""A recording sender and a settable clock for driving the reminder jobs without Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.conversation.model import Reply
from bot.reminders.sender import Delivery


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Sent:
    chat_id: int
    text: str
    at: datetime
    reply: Reply


@dataclass
class FakeSender:
    """Records every message with the (simulated) time it went out; scripted failures."""

    clock: Clock
    sent: list[Sent] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    script: list[Delivery] = field(default_factory=list)

    async def send(self, chat_id: int, reply: Reply) -> Delivery:
        if chat_id in self.blocked:
            return Delivery("blocked", detail="403")
        if self.script:
            result = self.script.pop(0)
            if result.outcome != "sent":
                return result
        self.sent.append(Sent(chat_id, reply.text, self.clock(), reply))
        return Delivery("sent")


def hours(n: float) -> timedelta:
    return timedelta(hours=n)
