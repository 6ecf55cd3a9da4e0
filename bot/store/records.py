"""Repositories for what a patient logs: check-ins, cravings, triggers, coping, crises.

Like every repository they flush but never begin or commit; `bot.store.repo` re-exports them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import CheckIn, CopingOutcome, Craving, CrisisEvent, TriggerLog

# Check-in columns a patient answers; everything else is bookkeeping.
_CHECKIN_ANSWERS = tuple(
    column.key
    for column in CheckIn.__table__.columns
    if column.key not in {"id", "client_id", "local_date", "created_at"}
)


async def get_checkin(s: AsyncSession, client_id: int, local_date: date) -> CheckIn | None:
    """The client's check-in for one local date."""
    stmt = select(CheckIn).where(CheckIn.client_id == client_id, CheckIn.local_date == local_date)
    return await s.scalar(stmt)


async def save_checkin(
    s: AsyncSession, client_id: int, local_date: date, values: dict[str, Any], now: datetime
) -> CheckIn:
    """Insert the day's check-in, or replace every answer of the one already there."""
    unknown = set(values) - set(_CHECKIN_ANSWERS)
    if unknown:
        raise ValueError(f"not check-in answers: {sorted(unknown)}")
    checkin = await get_checkin(s, client_id, local_date)
    if checkin is None:
        checkin = CheckIn(client_id=client_id, local_date=local_date, created_at=now)
        s.add(checkin)
    # Every answer is written, the missing ones as empty, so a redone check-in never keeps a
    # stale answer from the first attempt.
    for key in _CHECKIN_ANSWERS:
        value = values.get(key)
        setattr(checkin, key, list(value or []) if key == "triggers" else value)
    await s.flush()
    return checkin


async def add_craving(
    s: AsyncSession,
    client_id: int,
    now: datetime,
    *,
    intensity: int | None,
    triggers: list[str],
    action: str | None,
    coping_offered: str | None,
) -> Craving:
    """Record a craving episode."""
    craving = Craving(
        client_id=client_id,
        created_at=now,
        intensity=intensity,
        triggers=list(triggers),
        action=action,
        coping_offered=coping_offered,
    )
    s.add(craving)
    await s.flush()
    return craving


async def add_trigger_log(
    s: AsyncSession, client_id: int, now: datetime, triggers: list[str], note: str | None
) -> TriggerLog:
    """Record triggers the client noted outside a craving."""
    log = TriggerLog(client_id=client_id, created_at=now, triggers=list(triggers), note=note)
    s.add(log)
    await s.flush()
    return log


async def add_coping_outcome(
    s: AsyncSession, client_id: int, now: datetime, skill: str, helped: str | None
) -> CopingOutcome:
    """Record whether a coping skill helped."""
    outcome = CopingOutcome(client_id=client_id, created_at=now, skill=skill, helped=helped)
    s.add(outcome)
    await s.flush()
    return outcome


async def add_crisis_event(
    s: AsyncSession, client_id: int | None, now: datetime, tier: int, source: str, shown: str
) -> int:
    """Record a crisis detection: tier and what was shown, never the message. Returns its id."""
    event = CrisisEvent(client_id=client_id, created_at=now, tier=tier, source=source, shown=shown)
    s.add(event)
    await s.flush()
    return event.id


async def count_since(s: AsyncSession, client_id: int, since: datetime) -> dict[str, int]:
    """How many cravings, trigger logs and coping outcomes the client logged since `since`."""
    models: dict[str, type[Craving] | type[TriggerLog] | type[CopingOutcome]] = {
        "cravings": Craving,
        "triggers": TriggerLog,
        "coping": CopingOutcome,
    }
    # One round trip: each count is a scalar subquery of a single SELECT.
    columns = [
        select(func.count())
        .where(model.client_id == client_id, model.created_at >= since)
        .scalar_subquery()
        .label(key)
        for key, model in models.items()
    ]
    row = (await s.execute(select(*columns))).one()
    return {key: int(row._mapping[key]) for key in models}


@dataclass(frozen=True)
class TodayFigures:
    """What the context's `m.Today` is made of, read in one round trip."""

    cravings: int
    triggers: int
    checked_in: frozenset[date]  # of (yesterday, today): the days with a check-in
    safety_asked: bool  # a check-in from `today` - 6 on answered the safety question


async def today_figures(
    s: AsyncSession, client_id: int, midnight: datetime, today: date
) -> TodayFigures:
    """Cravings and trigger logs since `midnight` (UTC), whether yesterday and today (local
    dates) have a check-in, and whether the week's check-ins answered the safety question:
    one SELECT of scalar subqueries (three queries before, one round trip each)."""
    yesterday, week = today - timedelta(days=1), today - timedelta(days=6)
    params = {"cid": client_id, "midnight": midnight, "today": today, "yesterday": yesterday,
              "week": week}  # fmt: skip
    row = (await s.execute(_TODAY, params)).one()
    days = frozenset(day for day, done in ((yesterday, row[2]), (today, row[3])) if done)
    return TodayFigures(int(row[0]), int(row[1]), days, bool(row[4]))


def _today_statement() -> Any:
    """today_figures' SELECT, built once (its construction cost as much as running it)."""
    cid: Any = bindparam("cid")

    def logged(model: type[Craving] | type[TriggerLog]) -> Any:
        since = (model.client_id == cid, model.created_at >= bindparam("midnight"))
        return select(func.count()).where(*since).scalar_subquery()

    def checkin(*where: Any) -> Any:
        return select(CheckIn.id).where(CheckIn.client_id == cid, *where).exists()

    return select(
        logged(Craving), logged(TriggerLog),
        checkin(CheckIn.local_date == bindparam("yesterday")),
        checkin(CheckIn.local_date == bindparam("today")),
        checkin(CheckIn.local_date >= bindparam("week"), CheckIn.safety.is_not(None)),
    )  # fmt: skip


_TODAY = _today_statement()


async def safety_asked_since(s: AsyncSession, client_id: int, since: date) -> bool:
    """Whether any check-in from `since` (a local date) on answered the safety question."""
    stmt = (
        select(func.count())
        .select_from(CheckIn)
        .where(
            CheckIn.client_id == client_id,
            CheckIn.local_date >= since,
            CheckIn.safety.is_not(None),
        )
    )
    return bool(await s.scalar(stmt))


async def get_craving(s: AsyncSession, client_id: int, craving_id: int) -> Craving | None:
    """A craving of this client (None when the id is another client's or unknown)."""
    craving = await s.get(Craving, craving_id)
    return craving if craving is not None and craving.client_id == client_id else None
