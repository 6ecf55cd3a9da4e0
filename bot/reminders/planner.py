"""The planning job: expands every active client's schedule into due reminder rows.

It runs every few minutes and at start-up. Rows are unique per client, kind and
occurrence, so running it again (or from two processes) adds nothing twice."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
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
BATCH = 500  # clients per transaction: keeps SQLite's write lock short


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
    """Add the rows due in the next two days for every active client; returns rows added."""
    async with db.transaction() as s:
        ids = list((await s.scalars(select(Client.id).where(Client.status == "active"))).all())
    added = 0
    for start in range(0, len(ids), BATCH):
        async with db.transaction() as s:
            batch = ids[start : start + BATCH]
            clients = (await s.scalars(select(Client).where(Client.id.in_(batch)))).all()
            added += await plan_clients(s, clients, now)
    if added:
        log.info("planned %d reminders for %d clients", added, len(ids))
    return added


async def plan_clients(s: AsyncSession, clients: Sequence[Client], now: datetime) -> int:
    """Plan these clients inside the caller's transaction; returns rows added."""
    by_track, by_client = await _rules(s, now)
    ids = [c.id for c in clients]
    recent, last = await _reengage_inputs(s, ids, now - timedelta(days=3))
    rows: list[dict[str, Any]] = []
    for c in clients:
        if c.status != "active":
            continue
        rules = by_track.get(c.track_id or -1, []) + by_client.get(c.id, [])
        planned = _plan_one(c, rules, recent.get(c.id, []), last.get(c.id), now)
        rows.extend(asdict(p) for p in planned)
    return await schedules.add_reminders(s, rows, now)


async def replan_client(s: AsyncSession, client: Client, now: datetime) -> None:
    """After a change of check-in time or time zone: drop the client's planned, unsent
    rows of the kinds that depend on them, and plan again at once (same transaction)."""
    await schedules.delete_unsent(s, client.id, PLANNED_KINDS)
    await plan_clients(s, [client], now)
