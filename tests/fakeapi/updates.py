"""The update queue behind getUpdates: ids, confirmation by offset, long polling, redelivery."""

from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass
from typing import Any

from .spec import ApiError

Json = dict[str, Any]
FIRST_UPDATE_ID = 100_001
DEFAULT_EXCLUDED = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


def update_kind(update: Json) -> str:
    """'message', 'callback_query', ... (the one key besides update_id)."""
    return next((key for key in update if key != "update_id"), "")


@dataclass
class _Entry:
    update: Json
    forced: bool = False
    delivered: bool = False

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])


class UpdateQueue:
    """Pending updates. All methods expect the caller to hold ``cond`` (it is re-entrant)."""

    def __init__(self, cond: threading.Condition) -> None:
        self.cond = cond
        self.pending: list[_Entry] = []
        self.history: dict[int, Json] = {}
        self.next_id = FIRST_UPDATE_ID
        self.allowed: list[str] | None = None
        self.dropped: list[Json] = []
        self.delivered: list[Json] = []
        self.stopping = False
        self._generation = 0

    def push(self, update: Json) -> Json:
        """Queue an update; an update_id is assigned when missing."""
        with self.cond:
            if "update_id" not in update:
                update = {"update_id": self.next_id, **update}
            self.next_id = max(self.next_id, int(update["update_id"]) + 1)
            self.history[int(update["update_id"])] = update
            self.pending.append(_Entry(update))
            self.cond.notify_all()
            return update

    def add(self, kind: str, payload: Json) -> Json:
        return self.push({kind: payload})

    def redeliver(self, update_id: int) -> Json:
        """Queue an already delivered update again, same update_id (to test deduplication)."""
        with self.cond:
            if update_id not in self.history:
                known = sorted(self.history)[-10:]
                raise KeyError(f"no update with update_id={update_id}; recent ids: {known}")
            update = copy.deepcopy(self.history[update_id])
            self.pending.append(_Entry(update, forced=True))
            self.cond.notify_all()
            return update

    def drop_pending(self) -> None:
        with self.cond:
            self.pending.clear()

    def stop(self) -> None:
        with self.cond:
            self.stopping = True
            self.cond.notify_all()

    def poll(self, offset: int | None, limit: int, timeout: float) -> list[Json]:
        """getUpdates: confirm by offset, then wait up to ``timeout`` s for something to return."""
        self._generation += 1
        generation = self._generation
        self.cond.notify_all()  # an older waiting poll is terminated with 409 like on Telegram
        if offset is not None:
            self._confirm(offset)
        deadline = time.monotonic() + max(0.0, timeout)
        while not self.stopping:
            if generation != self._generation:
                raise ApiError(CONFLICT, 409)
            batch = self._batch(max(1, min(limit, 100)))
            remaining = deadline - time.monotonic()
            if batch or remaining <= 0:
                return batch
            self.cond.wait(remaining)
        return []

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            self.pending = self.pending[offset:]
            return
        self.pending = [
            entry
            for entry in self.pending
            if entry.update_id >= offset or (entry.forced and not entry.delivered)
        ]

    def _batch(self, limit: int) -> list[Json]:
        """Next updates to hand out; a redelivered update always travels alone so the client's
        next offset (last id + 1) cannot re-confirm or re-fetch anything else."""
        batch: list[_Entry] = []
        for entry in list(self.pending):
            if not self._is_allowed(entry.update):
                self.pending.remove(entry)
                self.dropped.append(entry.update)
                continue
            if entry.forced and batch:
                break
            batch.append(entry)
            if entry.forced or len(batch) >= limit:
                break
        for entry in batch:
            entry.delivered = True
            self.delivered.append(entry.update)
        return [copy.deepcopy(entry.update) for entry in batch]

    def _is_allowed(self, update: Json) -> bool:
        kind = update_kind(update)
        if self.allowed:
            return kind in self.allowed
        return kind not in DEFAULT_EXCLUDED
