"""What the web view's caseload reads: every client's row, their check-ins of the last few
days, their crisis notices nobody has taken, the track names. Four queries however many
clients, plain rows rather than ORM objects, and only recent check-ins (the caseload's
figures and flags look at the last 7 local days), which keeps 1,000 clients with 90 days
of data each well inside the page's time budget."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.insights.history import CheckInRecord
from bot.store.models import CheckIn, Client, CrisisEvent, FlagDigest, Track


def same_counselor(counselor: str | None, name: str) -> bool:
    """Whether a client whose counselor is `counselor` (as their invite wrote it) belongs to
    the staff member named `name`: the same name without case or surrounding spaces, in
    every alphabet (Python's casefold; SQL's lower() folds only ASCII in SQLite)."""
    return counselor is not None and counselor.strip().casefold() == name.strip().casefold()


@dataclass(frozen=True)
class OpenAlerts:
    """A client's crisis notices nobody has taken: how many, and the most urgent tier."""

    count: int
    tier: int


@dataclass(frozen=True)
class CaseData:
    """The rows the caseload is computed from."""

    clients: list[Any]  # Row: id, pseudo_id, label, counselor, status, track_id, timezone,
    # enrolled_at, created_at, last_seen_at
    checkins: dict[int, tuple[CheckInRecord, ...]]
    alerts: dict[int, OpenAlerts]
    tracks: dict[int, str]


_COLUMNS = (
    Client.id, Client.pseudo_id, Client.label, Client.counselor, Client.status,
    Client.track_id, Client.timezone, Client.enrolled_at, Client.created_at,
    Client.last_seen_at,
)  # fmt: skip


async def case_data(s: AsyncSession, since: date, counselor: str | None = None) -> CaseData:
    """Every client (or only those whose counselor is `counselor`, compared without case),
    with their check-ins from local date `since` on (day, craving, sleep and medication only:
    the records' other fields are left empty)."""
    stmt = select(*_COLUMNS).order_by(Client.pseudo_id)
    clients = list((await s.execute(stmt)).all())
    if counselor is not None:
        clients = [c for c in clients if same_counselor(c.counselor, counselor)]
    ids = [c.id for c in clients]
    found: defaultdict[int, list[CheckInRecord]] = defaultdict(list)
    alerts: dict[int, OpenAlerts] = {}
    if ids:
        # Only what the caseload's figures and flags read (the day, craving, sleep and
        # medication): the triggers' JSON would cost more to decode than all the rest.
        recent = select(CheckIn.client_id, CheckIn.local_date, CheckIn.craving, CheckIn.sleep,
                        CheckIn.medication).where(CheckIn.local_date >= since)  # fmt: skip
        if counselor is not None:  # a few ids: an IN list; everyone: no list at all
            recent = recent.where(CheckIn.client_id.in_(ids))
        for cid, day, craving, sleep, medication in await s.execute(recent):
            found[cid].append(
                CheckInRecord(day=day, craving=craving, sleep=sleep, medication=medication)
            )
        open_rows = await s.execute(
            select(CrisisEvent.client_id, func.count(), func.min(CrisisEvent.tier))
            .where(CrisisEvent.ack_at.is_(None), CrisisEvent.client_id.is_not(None))
            .group_by(CrisisEvent.client_id)
        )  # fmt: skip
        alerts = {cid: OpenAlerts(n, tier) for cid, n, tier in open_rows if cid is not None}
    tracks = {tid: name for tid, name in await s.execute(select(Track.id, Track.name))}
    return CaseData(clients, {k: tuple(v) for k, v in found.items()}, alerts, tracks)


async def open_crises(s: AsyncSession, counselor: str | None = None) -> list[Any]:
    """Crisis events nobody has taken, most urgent tier first, then oldest first: rows of
    (id, created_at, tier, notices, pseudo_id, label, counselor); only the clients of
    `counselor` when given."""
    stmt = (
        select(CrisisEvent.id, CrisisEvent.created_at, CrisisEvent.tier, CrisisEvent.notices,
               Client.pseudo_id, Client.label, Client.counselor)
        .join(Client, Client.id == CrisisEvent.client_id)
        .where(CrisisEvent.ack_at.is_(None))
        .order_by(CrisisEvent.tier, CrisisEvent.created_at)
    )  # fmt: skip
    rows = list((await s.execute(stmt)).all())
    if counselor is not None:
        rows = [r for r in rows if same_counselor(r.counselor, counselor)]
    return rows


async def open_digests(s: AsyncSession) -> list[Any]:
    """Daily flag digests that listed someone and nobody has taken, newest first: rows of
    (id, day, clients)."""
    stmt = (
        select(FlagDigest.id, FlagDigest.day, FlagDigest.clients)
        .where(FlagDigest.ack_at.is_(None), FlagDigest.clients > 0)
        .order_by(FlagDigest.day.desc())
    )
    return list((await s.execute(stmt)).all())
