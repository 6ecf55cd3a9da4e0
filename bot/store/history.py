"""Read clients' records from the database as `ClientHistory`, the plain data that insights,
charts, the weekly summary and the program report are computed from.

`load_histories` takes a fixed number of queries however many clients it is given: one for the
client rows and one per kind of record, each an IN query over every id, grouped in Python. Only
the columns the records need are selected, as plain rows rather than ORM objects, which is what
keeps a 1,000-client report inside its time budget."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.insights.history import (
    AttendanceRecord,
    CheckInRecord,
    ClientHistory,
    CopingRecord,
    CravingRecord,
    CrisisRecord,
    ReminderRecord,
    TriggerRecord,
)
from bot.store.models import (
    Attendance,
    Base,
    CheckIn,
    Client,
    CopingOutcome,
    Craving,
    CrisisEvent,
    Reminder,
    TriggerLog,
)

# Each id of an IN list is one bound parameter, and both SQLite (32,766) and asyncpg (32,767)
# cap the parameters of one statement; a bigger roster is read in slices of this size.
SLICE = 10_000


@dataclass(frozen=True)
class _Source:
    """Where one tuple field of ClientHistory comes from."""

    field: str  # the ClientHistory field
    model: type[Base]
    record: type[Any]
    order: str  # the column the records are sorted by
    renamed: tuple[tuple[str, str], ...] = (("at", "created_at"),)  # (record field, column)


SOURCES = (
    _Source("checkins", CheckIn, CheckInRecord, "local_date", (("day", "local_date"),)),
    _Source("cravings", Craving, CravingRecord, "created_at"),
    _Source("triggers", TriggerLog, TriggerRecord, "created_at"),
    _Source("coping", CopingOutcome, CopingRecord, "created_at"),
    _Source("attendance", Attendance, AttendanceRecord, "session_start"),
    _Source("crises", CrisisEvent, CrisisRecord, "created_at"),
    _Source("reminders", Reminder, ReminderRecord, "due_at"),
)

_CLIENT_COLUMNS = (
    Client.id, Client.pseudo_id, Client.timezone, Client.enrolled_at, Client.created_at,
    Client.status, Client.language, Client.show_days_since_use, Client.last_seen_at,
)  # fmt: skip


def _query(source: _Source, ids: Sequence[int]) -> Select[Any]:
    """The source's record columns (in the record's field order) for these clients."""
    table = source.model.__table__
    renamed = dict(source.renamed)
    columns = [table.c[renamed.get(f.name, f.name)] for f in fields(source.record)]
    return (
        select(table.c.client_id, *columns)
        .where(table.c.client_id.in_(ids))
        .order_by(table.c.client_id, table.c[source.order], table.c.id)
    )


def _record(source: _Source, row: Row[Any]) -> Any:
    """One record from a row of `_query`, JSON lists turned into the records' tuples."""
    values: tuple[Any, ...] = tuple(row)[1:]
    return source.record(*(tuple(v) if isinstance(v, list) else v for v in values))


def _history(
    client: Row[*tuple[Any, ...]], records: dict[str, Any], program_days: int
) -> ClientHistory:
    """A ClientHistory from a client row and its records grouped per field."""
    return ClientHistory(
        client_id=client.id,
        pseudo_id=client.pseudo_id,
        timezone=client.timezone,
        # Someone still enrolling has no enrollment date yet; the day they started is the
        # nearest truthful stand-in (their history is empty anyway).
        enrolled_at=client.enrolled_at or client.created_at,
        status=client.status,
        language=client.language,
        program_days=program_days,
        show_days_since_use=bool(client.show_days_since_use),
        last_contact=client.last_seen_at,
        **records,
    )


async def _load_slice(
    s: AsyncSession, ids: Sequence[int], program_days: int
) -> list[ClientHistory]:
    """Histories of up to SLICE clients in 1 + len(SOURCES) queries, in the order of `ids`."""
    rows = await s.execute(select(*_CLIENT_COLUMNS).where(Client.id.in_(ids)))
    clients = {row.id: row for row in rows}
    grouped: dict[str, defaultdict[int, list[Any]]] = {}
    for source in SOURCES:
        per_client: defaultdict[int, list[Any]] = defaultdict(list)
        for row in await s.execute(_query(source, ids)):
            per_client[row[0]].append(_record(source, row))
        grouped[source.field] = per_client
    return [
        _history(
            clients[cid], {f: tuple(per.get(cid, ())) for f, per in grouped.items()}, program_days
        )
        for cid in ids
        if cid in clients
    ]


async def load_histories(
    s: AsyncSession, client_ids: Iterable[int], *, program_days: int = 90
) -> list[ClientHistory]:
    """The histories of these clients, in the order given; unknown ids are skipped."""
    ids = list(dict.fromkeys(client_ids))  # de-duplicated, order kept
    histories: list[ClientHistory] = []
    for start in range(0, len(ids), SLICE):
        histories += await _load_slice(s, ids[start : start + SLICE], program_days)
    return histories


async def load_history(
    s: AsyncSession, client_id: int, *, program_days: int = 90
) -> ClientHistory | None:
    """One client's whole history, or None when there is no such client."""
    found = await load_histories(s, [client_id], program_days=program_days)
    return found[0] if found else None
