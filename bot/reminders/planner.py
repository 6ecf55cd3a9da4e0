"""The planning job: expands every active client's schedule into due reminder rows.

It runs every few minutes and at start-up. Rows are unique per client, kind and
occurrence, so running it again (or from two processes) adds nothing twice."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.schedule.kinds import PLANNED_KINDS, Kind, wants
from bot.domain.schedule.plan import ClientPlan, Planned, SessionRule, plan_client, reengage_due
from bot.store import schedules
from bot.store.database import Database
from bot.store.models import CheckIn, Client, ProgramSession, Reminder

log = logging.getLogger(__name__)


def session_rule(row: ProgramSession, skipped: frozenset[date] = frozenset()) -> SessionRule:
    """A stored session as the pure planner's rule, without its `skipped` dates. A session
    staff changed counts as added when it was changed (its new time is announced)."""
    return SessionRule(
        id=row.id, kind=row.kind, weekday=row.weekday, once_date=row.once_date,
        start_time=_hhmm(row.start_time), duration_min=row.duration_min,
        timezone=row.timezone, created_at=row.updated_at or row.created_at, skipped=skipped,
    )  # fmt: skip


def _hhmm(text: str) -> time:
    hour, minute = (int(x) for x in text.split(":"))
    return time(hour, minute)


def client_plan(client: Client, rules: Sequence[SessionRule]) -> ClientPlan:
    return ClientPlan(
        client_id=client.id, timezone=client.timezone, checkin_time=_hhmm(client.checkin_time),
        enrolled_at=client.enrolled_at or client.created_at,
        prefs=dict(client.reminder_prefs or {}), sessions=tuple(rules),
    )  # fmt: skip


async def _rules(
    s: AsyncSession, now: datetime
) -> tuple[dict[int, list[SessionRule]], dict[int, list[SessionRule]]]:
    """Every session as a rule (with its skipped dates still ahead), by track and client."""
    by_track: dict[int, list[SessionRule]] = defaultdict(list)
    by_client: dict[int, list[SessionRule]] = defaultdict(list)
    # Two days back: a date in any zone that the planning window can still reach.
    skips = await schedules.skipped_dates(s, since=now.date() - timedelta(days=2))
    for row in (await s.scalars(select(ProgramSession))).all():
        rule = session_rule(row, skips.get(row.id, frozenset()))
        if row.track_id is not None:
            by_track[row.track_id].append(rule)
        if row.client_id is not None:
            by_client[row.client_id].append(rule)
    return by_track, by_client


async def _reengage_inputs(
    s: AsyncSession, ids: list[int], since: datetime
) -> tuple[dict[int, list[Any]], dict[int, datetime]]:
    """Recent check-in dates and the last re-engagement sent, for a batch of clients. One
    recorded uncertain counts from when it was handed to Telegram: it may have arrived, and
    "one every three days" is a ceiling."""
    recent: dict[int, list[Any]] = defaultdict(list)
    dates = select(CheckIn.client_id, CheckIn.local_date).where(
        CheckIn.client_id.in_(ids), CheckIn.local_date >= since.date()
    )
    for cid, day in (await s.execute(dates)).all():
        recent[cid].append(day)
    uncertain = Reminder.status == "uncertain"
    handed_over = case((uncertain, Reminder.claimed_at), else_=Reminder.sent_at)
    sent = (
        select(Reminder.client_id, func.max(handed_over))
        .where(Reminder.client_id.in_(ids), Reminder.kind == Kind.REENGAGE)
        .group_by(Reminder.client_id)
    )
    last = {cid: at for cid, at in (await s.execute(sent)).all() if at is not None}
    return recent, last


def _plan_one(
    client: Client, rules: list[SessionRule], recent: list[Any], last: datetime | None,
    now: datetime,
) -> list[Planned]:  # fmt: skip
    planned = plan_client(client_plan(client, rules), now)
    today = now.astimezone(ZoneInfo(client.timezone)).date()
    enrolled = (client.enrolled_at or now).astimezone(ZoneInfo(client.timezone)).date()
    if wants(client.reminder_prefs, Kind.REENGAGE) and today - enrolled >= timedelta(2):
        nudge = reengage_due(
            client.id, client.timezone, _hhmm(client.checkin_time),
            recent, today, last, now,
        )  # fmt: skip
        if nudge is not None:
            planned.append(nudge)
    return planned


async def plan_all(db: Database, now: datetime) -> int:
    """Add the rows due in the next two days for every active client; returns rows added.
    Stateless (every client planned); the bot's job uses `Planner`, which plans only what
    changed or came into the window."""
    return await Planner(db).run(now, everyone=True)


# A client's plan made at `now` holds until something it was made from changes, or time
# brings a new row into the two-day window. Re-planned at least this often (a row is then
# planned at least 42 hours ahead), and at each local midnight (a re-engagement is judged by
# the client's calendar day).
REPLAN_EVERY = timedelta(hours=6)
# Seconds between two batches. SQLite's lock is not fair: a writer waiting for it sleeps up
# to 100 ms between two looks, and without a pause the next batch takes it first every time.
PAUSE = 0.12
Fingerprint = tuple[Any, ...]


class Planner:
    """The planning job with a memory: what each active client's plan was made from and
    until when it holds. A run reads the clients' planning columns and the sessions (one
    short transaction), and plans, in batches of `batch` clients each in its own short
    transaction with a pause between two, only the clients whose inputs changed (settings,
    status, track, sessions, skipped dates: from any process, since they are read each
    time), whose plan ran out of time, or who are new to it. A run with nothing to add
    costs one short read.

    Rows are unique per client, kind and occurrence, so planning again adds nothing twice;
    a restart (an empty memory) plans everyone once."""

    def __init__(self, db: Database, batch: int = 100, pause: float = PAUSE) -> None:
        self.db, self.batch, self.pause = db, batch, pause
        self.known: dict[int, tuple[Fingerprint, datetime]] = {}  # client -> inputs, holds until

    async def run(self, now: datetime, everyone: bool = False) -> int:
        """Plan what is needed at `now` (every active client when `everyone`); returns rows
        added."""
        async with self.db.transaction() as s:
            by_track, by_client = await _rules(s, now)
            cols = (Client.id, Client.status, Client.timezone, Client.checkin_time,
                    Client.enrolled_at, Client.created_at, Client.reminder_prefs,
                    Client.track_id)  # fmt: skip
            rows = (await s.execute(select(*cols).where(Client.status == "active"))).all()
        wanted: list[int] = []
        prints: dict[int, Fingerprint] = {}
        for row in rows:
            cid = row[0]
            rules = by_track.get(row[7] if row[7] is not None else -1, []) + by_client.get(cid, [])
            prefs = tuple(sorted((row[6] or {}).items()))
            prints[cid] = (*row[1:6], prefs, row[7], tuple(rules))
            known = self.known.get(cid)
            if everyone or known is None or known[0] != prints[cid] or known[1] <= now:
                wanted.append(cid)
        for gone in set(self.known) - set(prints):
            del self.known[gone]
        added = 0
        for start in range(0, len(wanted), self.batch):
            batch = wanted[start : start + self.batch]
            async with self.db.transaction() as s:
                clients = (await s.scalars(select(Client).where(Client.id.in_(batch)))).all()
                added += await plan_clients(s, clients, now, (by_track, by_client))
            for cid in batch:  # prints[cid][1]: the zone
                self.known[cid] = (prints[cid], _holds_until(prints[cid][1], now))
            if start + self.batch < len(wanted):  # let the updates waiting for the lock in
                await asyncio.sleep(self.pause)
        if added:
            log.info("planned %d reminders for %d of %d clients", added, len(wanted), len(rows))
        return added


def _holds_until(zone: str, now: datetime) -> datetime:
    """When a plan made at `now` must be made again: REPLAN_EVERY later, or the client's
    next local midnight if that comes first."""
    local = now.astimezone(ZoneInfo(zone))
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), ZoneInfo(zone))
    return min(now + REPLAN_EVERY, midnight.astimezone(now.tzinfo))


Rules = tuple[dict[int, list[SessionRule]], dict[int, list[SessionRule]]]


async def plan_clients(
    s: AsyncSession, clients: Sequence[Client], now: datetime, rules: Rules | None = None
) -> int:
    """Plan these clients inside the caller's transaction (with the session `rules` by
    track and by client, when the caller read them already); returns rows added."""
    by_track, by_client = rules if rules is not None else await _rules(s, now)
    ids = [c.id for c in clients]
    recent, last = await _reengage_inputs(s, ids, now - timedelta(days=3))
    rows: list[dict[str, Any]] = []
    for c in clients:
        if c.status != "active":
            continue
        mine = by_track.get(c.track_id or -1, []) + by_client.get(c.id, [])
        planned = _plan_one(c, mine, recent.get(c.id, []), last.get(c.id), now)
        rows.extend(dict(vars(p)) for p in planned)  # asdict deep-copies: 20% of the time
    if not rows:
        return 0
    # Most of a re-plan is there already: only the new rows are written.
    occurrences = sorted({r["occurrence"] for r in rows})
    have = select(Reminder.client_id, Reminder.kind, Reminder.occurrence).where(
        Reminder.client_id.in_(ids), Reminder.occurrence.in_(occurrences)
    )
    there = {(cid, kind, occ) for cid, kind, occ in (await s.execute(have)).all()}
    fresh = [r for r in rows if (r["client_id"], r["kind"], r["occurrence"]) not in there]
    return await schedules.add_reminders(s, fresh, now)


async def replan_client(s: AsyncSession, client: Client, now: datetime) -> None:
    """After a change of check-in time or time zone: drop the client's planned, unsent
    rows of the kinds that depend on them, and plan again at once (same transaction)."""
    await schedules.delete_unsent(s, client.id, PLANNED_KINDS)
    await plan_clients(s, [client], now)
