"""Flood control (sliding windows) and one-shot fault injection: an error answer, or a
request that is performed but answered late, or not at all."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from .spec import ApiError

FLOOD_METHODS = frozenset({"copyMessage", "copyMessages", "forwardMessage", "forwardMessages"})


def is_flood_limited(method: str) -> bool:
    """send*/edit* (and copy/forward) count against flood limits; chat actions do not."""
    if method == "sendChatAction":
        return False
    return method.startswith(("send", "edit")) or method in FLOOD_METHODS


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(f"Too Many Requests: retry after {retry_after}", 429, retry_after)


class SlidingWindow:
    """Timestamps of accepted calls per key; answers how long to wait before the next one."""

    def __init__(self) -> None:
        self._hits: dict[Hashable, deque[float]] = {}

    def retry_after(self, key: Hashable, now: float, limit: int, window: float) -> int | None:
        """Seconds to wait (>= 1) if ``limit`` calls already happened within ``window``."""
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - window:
            hits.popleft()
        if len(hits) < limit:
            return None
        return max(1, math.ceil(hits[0] + window - now))

    def record(self, key: Hashable, now: float) -> None:
        self._hits.setdefault(key, deque()).append(now)

    def reset(self) -> None:
        self._hits.clear()


@dataclass(frozen=True)
class Injection:
    error_code: int
    description: str
    retry_after: int | None = None
    migrate_to_chat_id: int | None = None

    def error(self) -> ApiError:
        return ApiError(
            self.description, self.error_code, self.retry_after, self.migrate_to_chat_id
        )


@dataclass(frozen=True)
class LateAnswer:
    """The request is performed; its answer is written `seconds` later."""

    seconds: float


@dataclass(frozen=True)
class DroppedAnswer:
    """The request is performed; the connection is then closed without an answer (with a
    TCP reset when `reset`, else an orderly close)."""

    reset: bool = False


Fault = Injection | LateAnswer | DroppedAnswer


class Injections:
    """Faults queued by ``fail_next``, ``delay_next`` and ``drop_next``; each one is consumed
    by the next call of its method."""

    def __init__(self) -> None:
        # Per method, in order: [the chat id it waits for (None: any), calls to let through
        # first, the fault].
        self._queued: dict[str, deque[list[Any]]] = {}

    def add(
        self, method: str, fault: Fault, chat_id: int | str | None = None, skip: int = 0
    ) -> None:
        chat = None if chat_id is None else str(chat_id)
        self._queued.setdefault(method.lower(), deque()).append([chat, skip, fault])

    def pop(self, method: str, chat_id: object = None) -> Fault | None:
        """The first fault queued for `method` that waits for this chat (or for any); None
        when there is none, or when that fault lets this call through first."""
        queued = self._queued.get(method.lower())
        for entry in queued or ():
            if entry[0] is None or entry[0] == str(chat_id):
                if entry[1] > 0:
                    entry[1] -= 1
                    return None
                queued.remove(entry)  # type: ignore[union-attr]
                return entry[2]  # type: ignore[no-any-return]
        return None

    def pending(self) -> int:
        return sum(len(queue) for queue in self._queued.values())
