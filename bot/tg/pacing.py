"""One budget for everything the bot token sends, replies first.

Telegram's limits are per bot token, not per PTB bot object: about 30 messages a second in
all, about 1 a second in one chat (short bursts are tolerated), 20 a minute in one group.
Every message waits for room in the overall budget: at most `PER_WINDOW` messages in any
`WINDOW` seconds (29 in any second), so a burst goes at once and nothing waits while fewer
went out in the last second. A message counts from the moment it is granted until `WINDOW`
seconds after Telegram answered it: Telegram counts it when it arrives, somewhere in between,
so however late a request reaches it, no second of Telegram's holds more than the budget.
Bulk sends and reminders leave `RESERVE` of it to the replies, so a reply finds room at once
even in the middle of a burst of reminders. Reminders and other bulk sends also wait for their
chat's bucket (a burst of 3, then one a second); a group's (the staff chat) is 20 a minute
for everything. A reply in a private chat answers what the person just did: their own pace
bounds it, and it does not wait for the chat's bucket. The interactive bot and the reminder
bot share one `Pacing`; each has its own `Limiter` view on it with a priority.

Four priorities, best first: ANSWER, the first message answering what a person just did
(what they wait for: a reply's follow-ups, the menu among them, may wait behind another
person's first answer) and every crisis reply and crisis staff notice (first sent, tried
again or repeated); INTERACTIVE, the rest of the replies; BULK, the rest of what the outbox
job sends (a reply tried again after a failure, what a restart left, the flag digest, the
web view's notices); REMINDERS. When the budget is spent, the room that frees up goes to the
best waiting, then the first come. A call gives its own in `rate_limit_args`. One chat's
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
import contextlib
import heapq
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

PER_WINDOW = 29  # messages in all in any WINDOW seconds: just under Telegram's 30 a second
WINDOW = 1.0  # seconds
RESERVE = 4  # of PER_WINDOW, the room bulk sends and reminders leave to the replies
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
    """The token's shared budget: at most `per_window` messages in any `window` seconds,
    handed out by priority (bulk and reminders only while `reserve` of them stay free), and a
    token bucket per chat. `hold(seconds)` stops every message for that long (a 429).

    All times are `time.monotonic()` seconds; safe to share between bots of one event loop."""

    def __init__(
        self, per_window: int = PER_WINDOW, window: float = WINDOW, reserve: int = RESERVE,
        chat_burst: float = CHAT_BURST, chat_per_second: float = CHAT_PER_SECOND,
        group_burst: float = GROUP_BURST, group_per_second: float = GROUP_PER_SECOND,
    ) -> None:  # fmt: skip
        if not 0 <= reserve < per_window:
            raise ValueError(f"reserve must be at least 0 and below per_window ({per_window})")
        self.per_window, self.window, self.reserve = per_window, window, reserve
        self.chat = (chat_burst, chat_per_second)
        self.group = (group_burst, group_per_second)
        self._sent: deque[float] = deque()  # when each answered message of the last window was
        self._flying = 0  # granted, not answered yet
        self._held_until = 0.0
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._pump: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None  # set when someone joins the queue
        self._buckets: dict[int | str, _Bucket] = {}
        self.count_429 = 0

    def hold(self, seconds: float) -> None:
        """Telegram said to wait: no paced message goes for `seconds` from now."""
        self._held_until = max(self._held_until, time.monotonic() + seconds)

    async def slot(self, chat_id: int | str, priority: int = INTERACTIVE) -> None:
        """Return when a message to `chat_id` may go: the chat's bucket has a token, and the
        budget has room for this caller (lower `priority` first, then first come)."""
        wait = self.chat_wait(chat_id) if _chat_paced(chat_id, priority) else 0.0
        if wait > 0:
            await asyncio.sleep(wait)
        now = time.monotonic()
        better = not self._waiting or self._waiting[0][0] > priority  # than all who wait
        if better and self.free_at(priority, now) <= now:
            self._flying += 1
            return
        loop = asyncio.get_running_loop()
        turn: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), turn))
        pump = self._pump
        if pump is None or pump.done() or pump.get_loop() is not loop:
            self._wake = asyncio.Event()
            self._pump = loop.create_task(self._hand_out(self._wake))
        elif self._wake is not None:
            self._wake.set()  # it may be a better priority than the one the pump waits for
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # granted as its caller was cancelled
                self.sent()
            raise

    def sent(self) -> None:
        """The message `slot` let go has its answer (or failed): it counts for `window`
        seconds from now. Every granted `slot` must be followed by one call."""
        self._flying -= 1
        self._sent.append(time.monotonic())

    def free_at(self, priority: int, now: float) -> float:
        """The monotonic time from which a message at `priority` fits in the budget: `now`
        when fewer than its share (`per_window`, less `reserve` below INTERACTIVE) are on
        their way or were answered in the last `window` seconds, and no 429 holds the
        token. While messages on their way fill the share, `now + window` (the earliest
        any of them can leave it); the pump looks again then."""
        sent, window = self._sent, self.window
        while sent and sent[0] <= now - window:
            sent.popleft()
        share = self.per_window if priority <= INTERACTIVE else self.per_window - self.reserve
        used = len(sent) + self._flying
        if used < share:
            at = now
        else:  # the oldest `used - share + 1` answered ones must leave the window first
            k = used - share
            at = sent[k] + window if k < len(sent) else now + window
        return max(at, self._held_until)

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

    async def _hand_out(self, wake: asyncio.Event) -> None:
        """Give the waiting callers their turns as the budget frees up, best first."""
        while self._waiting:
            priority, _, turn = self._waiting[0]
            if turn.done():  # its caller was cancelled
                heapq.heappop(self._waiting)
                continue
            now = time.monotonic()
            at = self.free_at(priority, now)
            if at > now:
                wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), at - now)
                continue
            heapq.heappop(self._waiting)
            self._flying += 1
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
            finally:  # answered, refused or failed: it counts from now for a window
                self.pacing.sent()
        raise AssertionError("unreachable")  # pragma: no cover


def _seconds(value: Any) -> float:
    return float(value.total_seconds()) if hasattr(value, "total_seconds") else float(value)
