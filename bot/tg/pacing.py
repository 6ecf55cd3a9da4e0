"""One budget for everything the bot token sends, replies first.

Telegram's limits are per bot token, not per PTB bot object: about 30 messages a second in
all, about 1 a second in one chat (short bursts are tolerated), 20 a minute in one group.
Every message waits for the overall slot; reminders and other bulk sends also for their
chat's bucket (a burst of 3, then one a second); a group's (the staff chat) is 20 a minute
for everything. A reply in a private chat answers what the person just did: their own pace
bounds it, and it does not wait for the chat's bucket. The
interactive bot and the reminder bot share one `Pacing`; each has its own `Limiter` view on
it with a priority, so a reply waits for at most the one message already going out, never
behind a burst of reminders.

Four priorities, best first: ANSWER, the first message answering what a person just did
(what they wait for: a reply's follow-ups, the menu among them, may wait behind another
person's first answer) and every crisis reply and crisis staff notice (first sent, tried
again or repeated); INTERACTIVE, the rest of the replies; BULK, the rest of what the outbox
job sends (a reply tried again after a failure, what a restart left, the flag digest, the
web view's notices); REMINDERS. A call gives its own in `rate_limit_args`. One chat's
messages still go in order: its sender waits for each before the next.

What is paced: messages (send*, edit*, copy*, forward*) to a chat. Not paced: callback
answers (Telegram does not limit them, and a late one misses its 15 s deadline), chat
actions, getUpdates and the set-up calls.

An expected 429 (Telegram's "wait retry_after seconds") holds every paced message of the
token for that long, is logged as one WARNING line without a traceback, and is then tried
again (the interactive bot, `retries` times) or raised to the caller (the reminder bot: its
dispatcher reschedules the row)."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

PER_SECOND = 29.5  # messages a second in all: just under Telegram's 30, evenly spaced
CHAT_BURST = 3  # messages one private chat may get at once before one a second
CHAT_PER_SECOND = 1.0  # then about one a second
GROUP_BURST = 20  # a group or channel: 20 a minute
GROUP_PER_SECOND = 20 / 60
ANSWER = -1  # priorities: lower goes first
INTERACTIVE = 0
BULK = 1
REMINDERS = 2
_EXEMPT = frozenset({"sendChatAction"})
Result = Any  # what the callback answers: bool, a JSON dict or a list of them


def _chat_paced(chat_id: int | str, priority: int) -> bool:
    """Whether a message waits for its chat's bucket: always in a group or channel (the staff
    chat); in a private chat, all but the replies to what the person just did, which their
    own pace bounds (Telegram allows short bursts; a reply and its follow-ups are one)."""
    return priority > INTERACTIVE or isinstance(chat_id, str) or chat_id < 0


def paced(endpoint: str, data: dict[str, Any]) -> bool:
    """Whether Telegram's flood limits count this request: a message to a chat."""
    if data.get("chat_id") is None or endpoint in _EXEMPT:
        return False
    return endpoint.startswith(("send", "edit", "copy", "forward"))


@dataclass
class _Bucket:
    """A chat's token bucket: `tokens` at monotonic time `at`."""

    tokens: float
    at: float


class Pacing:
    """The token's shared budget: evenly spaced slots (`per_second`), handed out by priority,
    and a token bucket per chat. `hold(seconds)` stops every slot for that long (a 429).

    All times are `time.monotonic()` seconds; safe to share between bots of one event loop."""

    def __init__(
        self, per_second: float = PER_SECOND, chat_burst: float = CHAT_BURST,
        chat_per_second: float = CHAT_PER_SECOND, group_burst: float = GROUP_BURST,
        group_per_second: float = GROUP_PER_SECOND,
    ) -> None:  # fmt: skip
        self.spacing = 1 / per_second
        self.chat = (chat_burst, chat_per_second)
        self.group = (group_burst, group_per_second)
        self._next = 0.0  # the next free slot
        self._held_until = 0.0
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._pump: asyncio.Task[None] | None = None
        self._buckets: dict[int | str, _Bucket] = {}
        self.count_429 = 0

    def hold(self, seconds: float) -> None:
        """Telegram said to wait: no paced message goes for `seconds` from now."""
        self._held_until = max(self._held_until, time.monotonic() + seconds)

    async def slot(self, chat_id: int | str, priority: int = INTERACTIVE) -> None:
        """Return when a message to `chat_id` may go: the chat's bucket has a token and the
        overall slot is this caller's (lower `priority` first, then first come)."""
        wait = self.chat_wait(chat_id) if _chat_paced(chat_id, priority) else 0.0
        if wait > 0:
            await asyncio.sleep(wait)
        now = time.monotonic()
        if not self._waiting and now >= self._next and now >= self._held_until:
            self._next = now + self.spacing
            return
        loop = asyncio.get_running_loop()
        turn: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), turn))
        pump = self._pump
        if pump is None or pump.done() or pump.get_loop() is not loop:
            self._pump = loop.create_task(self._hand_out())
        await turn

    def chat_wait(self, chat_id: int | str) -> float:
        """Take a token from the chat's bucket (it may go negative: a debt); seconds until
        that token is there."""
        group = isinstance(chat_id, str) or chat_id < 0
        burst, rate = self.group if group else self.chat
        now = time.monotonic()
        bucket = self._buckets.get(chat_id)
        if bucket is None:
            if len(self._buckets) > 10_000:  # forget full buckets now and then
                self._forget(now)
            bucket = self._buckets[chat_id] = _Bucket(burst, now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * rate) - 1
        bucket.at = now
        return 0.0 if bucket.tokens >= 0 else -bucket.tokens / rate

    def _forget(self, now: float) -> None:
        for key, b in list(self._buckets.items()):
            burst = (self.group if isinstance(key, str) or key < 0 else self.chat)[0]
            rate = (self.group if isinstance(key, str) or key < 0 else self.chat)[1]
            if b.tokens + (now - b.at) * rate >= burst:
                del self._buckets[key]

    async def _hand_out(self) -> None:
        """Give the waiting callers their slots, one every `spacing` seconds, best first."""
        while self._waiting:
            now = time.monotonic()
            at = max(self._next, self._held_until)
            if at > now:
                await asyncio.sleep(at - now)
                continue
            _, _, turn = heapq.heappop(self._waiting)
            if turn.done():  # its caller was cancelled
                continue
            self._next = now + self.spacing
            turn.set_result(None)

    def limiter(self, priority: int = INTERACTIVE, retries: int = 3) -> Limiter:
        """A view for one bot: its messages at `priority`; a 429 tried again `retries`
        times (0: raised at once, after the hold is set)."""
        return Limiter(self, priority, retries)


class Limiter(BaseRateLimiter[int]):
    """PTB's rate limiter interface over a shared `Pacing`. `rate_limit_args`, when a call
    gives it, is that call's priority."""

    def __init__(self, pacing: Pacing, priority: int, retries: int) -> None:
        self.pacing, self.priority, self.retries = pacing, priority, retries

    async def initialize(self) -> None:
        """Nothing to set up: the pacing is shared."""

    async def shutdown(self) -> None:
        """Nothing to release: the pacing is shared."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Wait for the request's slot (messages to a chat only), send it, and on a 429
        hold the whole token for retry_after, then try again or raise RetryAfter."""
        if not paced(endpoint, data):
            return await callback(*args, **kwargs)
        chat_id = data["chat_id"]
        priority = self.priority if rate_limit_args is None else rate_limit_args
        for attempt in range(self.retries + 1):
            await self.pacing.slot(chat_id, priority)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = _seconds(exc.retry_after)
                self.pacing.hold(wait)
                self.pacing.count_429 += 1
                last = attempt == self.retries
                log.warning("Telegram answered 429 to %s: every message waits %.1f s%s",
                            endpoint, wait, "" if last else "; then sent again")  # fmt: skip
                if last:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover


def _seconds(value: Any) -> float:
    return float(value.total_seconds()) if hasattr(value, "total_seconds") else float(value)
