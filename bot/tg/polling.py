"""Long polling with a durable inbox, in place of PTB's updater.

PTB's updater confirms a batch to Telegram (the next getUpdates offset) as soon as it has
fetched it, while the application is still working through it: a crash then loses every
update of the batch not yet handled, and Telegram never sends them again. Here a batch is
written to the inbox while its updates are handed to their lanes, and only the next
getUpdates (offset = last id + 1) confirms it, once it is recorded; each
update is deleted from the inbox once handled (by its event's own transaction, when it has
one and the row was written by then; else here, a few at a time). At start-up, what a
previous run left is handled first. Updates of one chat are handled in order, one at a time;
different chats do not wait for each other (at most `CONCURRENCY` at once). Help never waits
for the database: while a batch cannot be written, it is handled anyway and the poll loop goes
on fetching past it without confirming it (Telegram sends it again with what is new; it is
skipped), so a crash before it is recorded leaves it with Telegram for the next start. That
lasts while the record waits (its turn, then SQLite's busy timeout: 10 to 20 s under a lock);
once it has failed, or past `HOLD_MOST` such updates (getUpdates returns at most 100 at a
time, and new messages must still come in), they are all confirmed, and a crash then loses
what was not recorded (README, "Never lost, never twice")."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from bot.service.conversation import Service
from bot.service.health import Heart
from bot.tg.bot import GuardedBot
from bot.tg.delivery import seconds
from bot.tg.handlers import ALLOWED_UPDATES, answer_query

log = logging.getLogger(__name__)
CONCURRENCY = 64  # updates handled at once, across chats
FETCH_WAITS = (1.0, 2.0, 5.0, 10.0, 30.0)  # seconds between failed getUpdates calls
HOLD_MOST = 50  # handled updates left unconfirmed while their inbox record waits
HOLD_WAIT = 0.2  # seconds between fetches that bring back only those (else they come at once)
TAKE_WAIT = 0.5  # seconds a batch may hold up the next fetch while neither recorded nor handled
AnyApp = Application[Any, Any, Any, Any, Any, Any]
Lane = tuple[Update, "asyncio.Future[None]"]  # an update, and what is told once it is handled
Fetched = tuple[Update, dict[str, Any]]  # an update, and the JSON it came as (for the inbox)


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
        self.lanes: dict[int, asyncio.Queue[Lane]] = {}
        self.seen: set[int] = set()  # ids handed to a lane by this run (a refetch is skipped)
        self.finished: list[int] = []  # handled, not yet deleted from the inbox
        self.marker: asyncio.Task[None] | None = None
        self.recording: set[asyncio.Future[Any]] = set()  # inbox records outliving their batch
        self.holding: set[int] = set()  # their updates: not confirmed to Telegram meanwhile
        self.recorded = asyncio.Event()  # set when a late record lands
        self.tasks: set[asyncio.Task[None]] = set()
        self.gate = asyncio.Semaphore(CONCURRENCY)
        self.failed = 0  # updates whose handling raised: set aside, counted here and logged
        self.heart = Heart(service.db, service.clock)  # for `recovery-bot health`
        # Updates whose callback query the handler must not answer (bot.tg.handlers): done
        # here already, or left by the last run.
        self.answered: set[int] = app.bot_data.extra.setdefault("answered", set())

    async def run(self, stop: asyncio.Event) -> None:
        """Handle what the last run left, then poll until `stop` is set; then let the
        updates in hand finish (they stay in the inbox if they cannot)."""
        left = await self.service.inbox.restart()
        # Their callback queries were answered at once last time, if it got that far; a
        # second answer is refused, and the first came too long ago anyway: not answered.
        self.answered.update(update_id for update_id, _ in left)
        for update_id, payload in left:
            self._hand(_parse(payload, self.app, update_id))
        after_last: int | None = None  # the id after the last update fetched
        failures = 0
        while not stop.is_set():
            offset = None if after_last is None else self._confirming(after_last)
            fetch = asyncio.ensure_future(self._fetch(offset))
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not fetch.done():
                fetch.cancel()
                break
            stopping.cancel()
            try:
                updates = fetch.result()
            except InvalidToken:
                raise  # a wrong or revoked token: stop, loudly
            except Conflict as exc:  # another instance polls with this token
                log.error("another process is polling with this bot token (Telegram: %s); run "
                          "one process per token; trying again", exc.message)  # fmt: skip
                await _sleep(stop, FETCH_WAITS[-1])
                continue
            except RetryAfter as exc:
                await _sleep(stop, seconds(exc.retry_after))
                continue
            except TelegramError as exc:
                wait = FETCH_WAITS[min(failures, len(FETCH_WAITS) - 1)]
                failures += 1
                log.warning("getUpdates failed (%s: %s); again in %.0f s", type(exc).__name__,
                            exc.message, wait)  # fmt: skip
                await _sleep(stop, wait)
                continue
            failures = 0
            self.heart.beat_soon("poller")
            if updates:
                taken = await self._take(updates)
                after_last = max(after_last or 0, updates[-1][0].update_id + 1)
                if not taken and self._confirming(after_last) < after_last:  # held ones again
                    await self._pause(stop)
        await self.drain()

    def _confirming(self, after_last: int) -> int:
        """The next getUpdates offset: past the last update fetched, unless a handled batch
        still waits for its inbox record (then from its first update, while at most
        `HOLD_MOST` are held)."""
        if self.holding and len(self.holding) <= HOLD_MOST:
            return min(after_last, min(self.holding))
        self.holding.clear()  # confirmed now: Telegram will not send them again
        return after_last

    async def _pause(self, stop: asyncio.Event) -> None:
        """Wait `HOLD_WAIT` seconds, or less if a late record lands or `stop` is set."""
        self.recorded.clear()
        landed = asyncio.ensure_future(self.recorded.wait())
        stopping = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({landed, stopping}, timeout=HOLD_WAIT,
                               return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
        finally:
            landed.cancel()
            stopping.cancel()

    async def _fetch(self, offset: int | None) -> list[Fetched]:
        bot = self.app.bot
        if isinstance(bot, GuardedBot):  # the JSON as it came, each update parsed once
            return await bot.fetch_updates(offset, self.timeout, ALLOWED_UPDATES)
        updates = await bot.get_updates(
            offset=offset, timeout=self.timeout, allowed_updates=ALLOWED_UPDATES
        )
        return [(update, update.to_dict()) for update in updates]

    async def _take(self, updates: list[Fetched]) -> int:
        """Hand the batch to its lanes and record it in the inbox at the same time; return
        once it is recorded, or handled, or after `TAKE_WAIT` seconds, how many updates were
        new. Help does not wait for the database: a record still waiting then goes on beside
        the poll loop (the next update may be a crisis, and it must be fetched), its updates
        held unconfirmed meanwhile (`holding`)."""
        taken = [(u, raw) for u, raw in updates if u.update_id not in self.seen]
        if not taken:
            return 0
        fresh = [u for u, _ in taken]
        for update in fresh:
            self._answer_now(update)
        rows = [(u.update_id, lane_of(u), raw) for u, raw in taken]
        record = asyncio.ensure_future(self.service.inbox.record(rows))
        handled = asyncio.gather(*(self._hand(u) for u in fresh))
        pending: set[asyncio.Future[Any]] = {record, handled}
        deadline = asyncio.get_running_loop().time() + TAKE_WAIT
        while pending:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:  # an ordinary message waiting for a locked database: the next
                break  # batch (a crisis, maybe, in another chat) must be fetched all the same
            _, pending = await asyncio.wait(
                pending, timeout=left, return_when=asyncio.FIRST_COMPLETED
            )
            if record.done() and record.exception() is None:
                return len(fresh)
            if handled.done():
                break
        if record.done():  # it failed: the batch is handled from memory
            self._unrecorded(record)
            return len(fresh)
        self.recording.add(record)
        ids = [u.update_id for u in fresh]
        self.holding.update(ids)
        record.add_done_callback(lambda task: self._recorded_late(task, ids))
        return len(fresh)

    def _recorded_late(self, record: asyncio.Future[Any], ids: list[int]) -> None:
        """A batch's record landed after `_take` returned: its rows are deleted again (the
        handled ones may have been deleted before they were written)."""
        self.recording.discard(record)
        self.holding.difference_update(ids)
        self.recorded.set()
        if record.cancelled() or record.exception() is not None:
            self._unrecorded(record)
            return
        for update_id in ids:
            self._finish(update_id)

    @staticmethod
    def _unrecorded(record: asyncio.Future[Any]) -> None:
        why = "cancelled" if record.cancelled() else type(record.exception()).__name__
        log.error("the inbox could not be written (%s); the batch was handled from memory",
                  why)  # fmt: skip

    def _answer_now(self, update: Update) -> None:
        """A client's tap: its callback query answered the moment it is fetched, before it
        waits for its turn (Telegram refuses an answer after 15 s; the replies may wait for
        the pacing and the database). Staff taps in the staff chat are answered by their
        handler, with what it did, and so are staff's (STAFF_USER_IDS) in their own chats:
        a crisis notice forwarded there is taken with the same button."""
        query = update.callback_query
        message = query.message if query is not None else None
        if query is None or message is None or message.chat.type != "private":
            return
        settings = self.app.bot_data.settings
        if settings is not None and query.from_user.id in settings.staff_user_ids:
            return
        self.answered.add(update.update_id)
        task = asyncio.create_task(answer_query(query))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _hand(self, update: Update) -> asyncio.Future[None]:
        """Queue `update` in its chat's lane; the future is done once it was handled."""
        self.seen.add(update.update_id)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        key = lane_of(update)
        queue = self.lanes.get(key)
        if queue is None:
            queue = self.lanes[key] = asyncio.Queue()
            task = asyncio.create_task(self._lane(key, queue))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        queue.put_nowait((update, done))
        return done

    async def _lane(self, key: int, queue: asyncio.Queue[Lane]) -> None:
        """One chat's updates, in order; the lane ends when it runs dry."""
        while not queue.empty():
            update, done = queue.get_nowait()
            async with self.gate:
                await self._handle(update)
            if not done.done():
                done.set_result(None)
        del self.lanes[key]

    async def _handle(self, update: Update) -> None:
        try:
            await self.app.process_update(update)
        except Exception as exc:  # PTB passes handler errors to on_error; this is the rest
            self.failed += 1
            log.error("update %d could not be handled (%s) and was set aside; %d so far",
                      update.update_id, type(exc).__name__, self.failed)  # fmt: skip
        waiting = self.service.spool.unsettled(update.update_id)
        if waiting is not None and not waiting.done():  # answered, not written yet
            update_id = update.update_id
            waiting.add_done_callback(lambda _: self._finish(update_id))
        elif not self.service.inbox.dropped(update.update_id):  # else gone with its event
            self._finish(update.update_id)

    def _finish(self, update_id: int) -> None:
        """`update_id` is handled and its event written: delete it from the inbox soon."""
        self.finished.append(update_id)
        if self.marker is None or self.marker.done():
            self.marker = asyncio.create_task(self._mark())

    async def _mark(self) -> None:
        """Delete handled updates from the inbox, a few at a time, beside the lanes: a
        locked database must not hold up the next update of the chat (help among them)."""
        while self.finished:
            ids, self.finished = self.finished, []
            try:
                await self.service.inbox.finish(ids)
            except Exception as exc:  # they stay in the inbox: a restart sees them handled
                log.error("%d handled updates not marked (%s)", len(ids), type(exc).__name__)

    async def drain(self, within: float = 10.0) -> None:
        """Wait (at most `within` seconds) for the updates in hand."""
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=within)
        if self.recording:
            await asyncio.wait(set(self.recording), timeout=within)
        if self.marker is not None:
            await asyncio.wait({self.marker}, timeout=within)


def _parse(payload: dict[str, Any], app: AnyApp, update_id: int) -> Update:
    try:
        parsed = Update.de_json(payload, app.bot)
    except Exception:  # recorded by an older version, or damaged: a bare update
        parsed = None
    return parsed if parsed is not None else Update(update_id)


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
