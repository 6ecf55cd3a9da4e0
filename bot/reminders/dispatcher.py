"""The dispatcher job: claims due reminder rows, sends them, and records what happened.

A row is claimed in one short transaction, sent with no transaction open, and marked in
another: a reminder is marked sent only after Telegram accepted it. After downtime the
lateness rules decide what is still worth sending; what is dropped is marked missed with a
reason, never silently lost. Reminders go at most once. A send that certainly did not reach
Telegram (a connect error, a 5xx, a 429) is tried again; one whose outcome is unknown (the
request went out and no answer came: a read timeout, a dropped connection) is recorded as
"uncertain" and never repeated, because Telegram may have delivered it. Each row is marked
"sending" just before it is handed to Telegram: after a crash, rows still only claimed go
back to due, and rows that were sending are recorded as uncertain ("interrupted") for the
same reason. Small batches and few sends in flight (the rate limiter paces them anyway) keep
that set to a handful."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.conversation.model import Reply
from bot.domain.conversation.reminder_replies import ReminderView, merge_due, render_reminder
from bot.domain.schedule.kinds import SESSION_KINDS, Kind, wants
from bot.domain.schedule.plan import QUIET_END, is_quiet, lateness_verdict, local_to_utc
from bot.reminders.sender import Delivery, Sender
from bot.store import repo, schedules
from bot.store.database import Database
from bot.store.models import CheckIn, Client, ProgramSession, Reminder

log = logging.getLogger(__name__)
Composer = Callable[[int, datetime], Awaitable[Reply | None]]
MERGE_MAX = 20  # a client's other rows due at once, claimed with them to be merged


@dataclass
class Stats:
    sent: int = 0
    missed: int = 0
    failed: int = 0
    retried: int = 0
    blocked: int = 0
    uncertain: int = 0  # may have been delivered (no answer, or a crash mid-send): not retried
    misses: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    reminder_id: int
    client_id: int
    chat_id: int
    view: ReminderView


class Dispatcher:
    """Claims small batches and sends each concurrently (the rate limiter paces them); each
    result is recorded the moment Telegram answers, so a crash leaves at most the messages
    in flight undecided."""

    def __init__(
        self, db: Database, sender: Sender, clock: Callable[[], datetime],
        batch: int = 16, concurrency: int = 8, stale: timedelta = timedelta(minutes=2),
        composers: dict[str, Composer] | None = None, pace: float = 0.0,
        clients: Iterable[int] | None = None,
    ) -> None:  # fmt: skip
        self.db, self.sender, self.clock = db, sender, clock
        # Only these clients' reminders (the terminal sends its own client's, never those of
        # Telegram clients on the same database); None: everyone's.
        self.clients = None if clients is None else frozenset(clients)
        self.batch, self.concurrency, self.stale = batch, concurrency, stale
        # Seconds between two sends. Pacing here, before a row is marked "sending", keeps
        # the rows a crash leaves undecided to the ones really on the wire.
        self.pace = pace
        self._slot = 0.0
        self._slot_lock = asyncio.Lock()
        # Kinds whose message needs more than the row (the weekly summary needs the week).
        self.composers = composers or {}

    async def run_once(self) -> Stats:
        """Send everything due now; returns what happened."""
        stats = Stats()
        async with self.db.transaction() as s:
            _, interrupted = await schedules.expire_claims(s, self.clock(), self.stale)
            stats.uncertain += interrupted
        while True:
            jobs = await self._claim(self.clock(), stats)
            if jobs is None:
                return stats
            await self._send_all(jobs, stats)

    async def _claim(self, now: datetime, stats: Stats) -> list[Job] | None:
        async with self.db.transaction() as s:
            rows = await schedules.claim_due(s, now, self.batch, clients=self.clients)
            if not rows:
                return None
            ids = {r.client_id for r in rows}
            # The same clients' other rows due now go with them: merged into one message.
            rows += await schedules.claim_due(s, now, MERGE_MAX, clients=ids)
            found = await s.scalars(select(Client).where(Client.id.in_(ids)))
            clients = {c.id: c for c in found}
            done = await _checked_in(s, clients.values(), now)
            places = await _places(s, [r.session_id for r in rows if r.session_id])
            skips = await schedules.skipped_dates(s, places) if places else {}
            jobs: list[Job] = []
            for row in rows:
                client = clients.get(row.client_id)
                reason = _skip_reason(row, client, now, done) or _skipped(row, places, skips)
                later = _postponed(row, client, now) if reason == "quiet hours" else None
                if later is not None:
                    await schedules.retry_reminder(s, row.id, later, "after quiet hours")
                    continue
                if reason is not None or client is None:
                    await schedules.finish_reminder(s, row.id, "missed", now, reason)
                    stats.missed += 1
                    stats.misses[reason or "?"] = stats.misses.get(reason or "?", 0) + 1
                    continue
                jobs.append(
                    Job(row.id, client.id, client.chat_id, _view(row, client, places, now))
                )
            return jobs

    async def _send_all(self, jobs: list[Job], stats: Stats) -> None:
        gate = asyncio.Semaphore(self.concurrency)
        by_client: dict[int, list[Job]] = {}
        for job in jobs:
            by_client.setdefault(job.client_id, []).append(job)

        async def one(group: list[Job]) -> None:
            async with gate:
                parts = [(job.view.kind, await self._compose(job)) for job in group]
                for carried, reply in merge_due(parts):
                    await self._send(group[0].chat_id, [group[i] for i in carried], reply, stats)

        await asyncio.gather(*(one(g) for g in by_client.values()))

    async def _send(self, chat_id: int, jobs: list[Job], reply: Reply, stats: Stats) -> None:
        """One message carrying `jobs`' reminders; each row is marked with its outcome."""
        await self._wait_for_slot()
        async with self.db.transaction() as s:
            for job in jobs:
                await schedules.mark_sending(s, job.reminder_id, self.clock())
        result = await self.sender.send(chat_id, reply)
        async with self.db.transaction() as s:
            for job in jobs:
                await _apply(s, job, result, self.clock(), stats)

    async def _wait_for_slot(self) -> None:
        if self.pace <= 0:
            return
        async with self._slot_lock:
            now = time.monotonic()
            wait = max(0.0, self._slot - now)
            self._slot = max(now, self._slot) + self.pace
        if wait:
            await asyncio.sleep(wait)

    async def _compose(self, job: Job) -> Reply:
        composer = self.composers.get(job.view.kind)
        composed = await composer(job.client_id, self.clock()) if composer else None
        return composed or render_reminder(job.view)


async def _apply(s: AsyncSession, job: Job, result: Delivery, now: datetime, stats: Stats) -> None:
    """Mark one reminder after its delivery attempt."""
    if result.outcome == "sent":
        await schedules.finish_reminder(s, job.reminder_id, "sent", now)
        stats.sent += 1
    elif result.outcome == "retry":
        await schedules.retry_reminder(s, job.reminder_id, now + result.wait, result.detail)
        stats.retried += 1
    elif result.outcome == "uncertain":
        await schedules.finish_reminder(s, job.reminder_id, "uncertain", now, result.detail)
        stats.uncertain += 1
    elif result.outcome == "blocked":
        await schedules.finish_reminder(s, job.reminder_id, "failed", now, "blocked (403)")
        client = await s.get(Client, job.client_id)
        if client is not None:
            await repo.set_blocked(s, client, True, now)
        stats.blocked += 1
        log.info(
            "client %s blocked the bot; reminders stopped", client.pseudo_id if client else "?"
        )
    else:
        await schedules.finish_reminder(s, job.reminder_id, "failed", now, result.detail)
        stats.failed += 1


def _skip_reason(
    row: Reminder, client: Client | None, now: datetime, done: set[tuple[int, date]]
) -> str | None:
    """Why this reminder should not go out now, or None to send it."""
    if client is None or client.status != "active":
        return f"client {client.status if client else 'gone'}"
    if not wants(client.reminder_prefs, row.kind):
        return "turned off"
    if row.kind in SESSION_KINDS and row.session_id is None:
        return "session removed"
    if lateness_verdict(row.kind, row.due_at, now, row.session_start) == "miss":
        return "too late"
    zone = client.timezone
    if is_quiet(now, zone) and not (row.kind == Kind.CHECKIN and is_quiet(row.due_at, zone)):
        return "quiet hours"
    if row.kind in (Kind.CHECKIN, Kind.REENGAGE) and (
        (client.id, _answered_day(row, zone, now)) in done
    ):
        return "already checked in"
    return None


def _skipped(
    row: Reminder, places: dict[int, ProgramSession], skips: dict[int, frozenset[date]]
) -> str | None:
    """ "session skipped" when staff took the row's date off its session after it was planned
    (the planner plans none then, and `session skip` cancels those still due: this catches a
    row a block had set aside and an unblock put back)."""
    session = places.get(row.session_id or -1)
    if session is None or row.session_start is None:
        return None
    day = row.session_start.astimezone(ZoneInfo(session.timezone)).date()
    return "session skipped" if day in skips.get(session.id, frozenset()) else None


def _postponed(row: Reminder, client: Client | None, now: datetime) -> datetime | None:
    """A day-before reminder that reached quiet hours (a session added at 21:58) waits for
    08:00, when that is still more than two hours before the session."""
    if client is None or row.kind != Kind.SESSION_DAY_BEFORE or row.session_start is None:
        return None
    local = now.astimezone(ZoneInfo(client.timezone))
    day = local.date() if local.time() < QUIET_END else local.date() + timedelta(days=1)
    morning = local_to_utc(day, QUIET_END, client.timezone)
    return morning if morning < row.session_start - timedelta(hours=2) else None


def _view(
    row: Reminder, client: Client, places: dict[int, ProgramSession], now: datetime
) -> ReminderView:
    session = places.get(row.session_id or -1)
    return ReminderView(
        reminder_id=row.id, kind=row.kind, lang=client.language, zone=client.timezone,
        session_start=row.session_start, session_kind=session.kind if session else None,
        place=session.place if session else None, ref_id=row.ref_id, sent_at=now,
    )  # fmt: skip


async def _checked_in(
    s: AsyncSession, clients: Iterable[Client], now: datetime
) -> set[tuple[int, date]]:
    """(client id, day) of these clients' check-ins from the day before their local today."""
    wanted = {c.id: now.astimezone(ZoneInfo(c.timezone)).date() for c in clients}
    if not wanted:
        return set()
    earliest = min(wanted.values()) - timedelta(days=2)
    stmt = select(CheckIn.client_id, CheckIn.local_date).where(
        CheckIn.client_id.in_(wanted), CheckIn.local_date >= earliest
    )
    return {(cid, day) for cid, day in (await s.execute(stmt)).all()}


def _answered_day(row: Reminder, zone: str, now: datetime) -> date:
    """The day whose check-in makes this row needless: a prompt's own day (its occurrence;
    a check-in after midnight may count for it), otherwise the client's today."""
    if row.kind == Kind.CHECKIN:
        with contextlib.suppress(ValueError):
            return date.fromisoformat(row.occurrence)
    return now.astimezone(ZoneInfo(zone)).date()


async def _places(s: AsyncSession, ids: list[int]) -> dict[int, ProgramSession]:
    if not ids:
        return {}
    rows = await s.scalars(select(ProgramSession).where(ProgramSession.id.in_(ids)))
    return {r.id: r for r in rows}
