"""Long polling with a durable inbox, in place of PTB's updater.

PTB's updater confirms a batch to Telegram (the next getUpdates offset) as soon as it has
fetched it, while the application is still working through it: a crash then loses every
update of the batch not yet handled, and Telegram never sends them again. Here a batch is
written to the inbox first, and only the next getUpdates (offset = last id + 1) confirms it;
each update is deleted from the inbox once handled. At start-up, what a previous run left is
handled first. Updates of one chat are handled in order, one at a time; different chats do
not wait for each other (at most `CONCURRENCY` at once).

While the database cannot be written, a batch is handled from memory and confirmed anyway,
so help still goes out; a crash in that window loses those updates (README, "Never lost")."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from bot.service.conversation import Service
from bot.tg.handlers import ALLOWED_UPDATES

log = logging.getLogger(__name__)
CONCURRENCY = 64  # updates handled at once, across chats
FETCH_WAITS = (1.0, 2.0, 5.0, 10.0, 30.0)  # seconds between failed getUpdates calls
AnyApp = Application[Any, Any, Any, Any, Any, Any]


def lane_of(update: Update) -> int:
    """The key whose updates are handled in order: the chat, else the person, else 0."""
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return user.id if user is not None else 0


class Poller:
    """Fetches updates into the inbox and hands each chat's to the application in order."""

    def __init__(self, app: AnyApp, service: Service, timeout: int) -> None:
        self.app, self.service, self.timeout = app, service, timeout
        self.lanes: dict[int, asyncio.Queue[tuple[Update, bool]]] = {}
        self.tasks: set[asyncio.Task[None]] = set()
        self.gate = asyncio.Semaphore(CONCURRENCY)
        self.failed = 0  # updates whose handling raised: set aside, counted here and logged

    async def run(self, stop: asyncio.Event) -> None:
        """Handle what the last run left, then poll until `stop` is set; then let the
        updates in hand finish (they stay in the inbox if they cannot)."""
        for update_id, payload in await self.service.inbox.restart():
            self._hand(_parse(payload, self.app, update_id), durable=True)
        offset: int | None = None
        failures = 0
        while not stop.is_set():
            fetch = asyncio.ensure_future(self._fetch(offset))
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not fetch.done():
                fetch.cancel()
                break
            stopping.cancel()
            try:
                updates = fetch.result()
            except (InvalidToken, Conflict):
                raise  # a wrong token, or another instance polling: stop, loudly
            except RetryAfter as exc:
                await _sleep(stop, _seconds(exc.retry_after))
                continue
            except TelegramError as exc:
                wait = FETCH_WAITS[min(failures, len(FETCH_WAITS) - 1)]
                failures += 1
                log.warning("getUpdates failed (%s); again in %.0f s", type(exc).__name__, wait)
                await _sleep(stop, wait)
                continue
            failures = 0
            if updates:
                await self._take(updates)
                offset = updates[-1].update_id + 1
        await self.drain()

    async def _fetch(self, offset: int | None) -> tuple[Update, ...]:
        return await self.app.bot.get_updates(
            offset=offset, timeout=self.timeout, allowed_updates=ALLOWED_UPDATES
        )

    async def _take(self, updates: tuple[Update, ...]) -> None:
        """Record the batch, then hand the new ones to their lanes."""
        rows = [(u.update_id, lane_of(u), u.to_dict()) for u in updates]
        try:
            fresh = set(await self.service.inbox.record(rows))
            durable = True
        except Exception as exc:  # the database: help must still go out
            log.error("the inbox could not be written (%s): handling from memory",
                      type(exc).__name__)  # fmt: skip
            fresh, durable = {u.update_id for u in updates}, False
        for update in updates:
            if update.update_id in fresh:
                self._hand(update, durable)

    def _hand(self, update: Update, durable: bool) -> None:
        key = lane_of(update)
        queue = self.lanes.get(key)
        if queue is None:
            queue = self.lanes[key] = asyncio.Queue()
            task = asyncio.create_task(self._lane(key, queue))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        queue.put_nowait((update, durable))

    async def _lane(self, key: int, queue: asyncio.Queue[tuple[Update, bool]]) -> None:
        """One chat's updates, in order; the lane ends when it runs dry."""
        while not queue.empty():
            update, durable = queue.get_nowait()
            async with self.gate:
                await self._handle(update, durable)
        del self.lanes[key]

    async def _handle(self, update: Update, durable: bool) -> None:
        try:
            await self.app.process_update(update)
        except Exception as exc:  # PTB passes handler errors to on_error; this is the rest
            self.failed += 1
            log.error("update %d could not be handled (%s) and was set aside; %d so far",
                      update.update_id, type(exc).__name__, self.failed)  # fmt: skip
        if not durable:
            return
        try:
            await self.service.inbox.finish([update.update_id])
        except Exception as exc:  # it stays in the inbox; the service knows it was handled
            log.error("update %d handled but not marked (%s)", update.update_id,
                      type(exc).__name__)  # fmt: skip

    async def drain(self, within: float = 10.0) -> None:
        """Wait (at most `within` seconds) for the updates in hand."""
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=within)


def _parse(payload: dict[str, Any], app: AnyApp, update_id: int) -> Update:
    try:
        parsed = Update.de_json(payload, app.bot)
    except Exception:  # recorded by an older version, or damaged: a bare update
        parsed = None
    return parsed if parsed is not None else Update(update_id)


def _seconds(value: Any) -> float:
    return float(value.total_seconds()) if hasattr(value, "total_seconds") else float(value)


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
