"""`load_history` and `load_histories`: the database read into ClientHistory, in a fixed number
of queries however many clients there are."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, insert
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
from bot.store import history, repo, schedules
from bot.store.database import Database
from bot.store.models import (
    Attendance,
    CheckIn,
    Client,
    CopingOutcome,
    Craving,
    CrisisEvent,
    Reminder,
    TriggerLog,
)
from tests.export.seed import DAY, NOW, seed_client


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    """The SQL statements run on the engine meanwhile."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", seen)


def test_every_record_tuple_of_the_history_has_a_source() -> None:
    tuples = {f.name for f in dataclasses.fields(ClientHistory) if f.default == ()}
    assert {source.field for source in history.SOURCES} == tuples


async def test_one_client_read_back_as_records(store_db: Database) -> None:
    async with store_db.transaction() as s:
        mine = await seed_client(s, 7770001)
        other = await seed_client(s, 8880002)
        await repo.add_crisis_event(s, None, NOW, 3, "text", "lines")
        await repo.save_checkin(s, mine.id, date(2025, 2, 27), {"mood": 5}, NOW)
    async with store_db.transaction() as s:
        h = await history.load_history(s, mine.id, program_days=60)
        assert await history.load_history(s, 424242) is None
    assert h is not None
    assert (h.client_id, h.pseudo_id, h.timezone, h.status, h.language) == (
        mine.id, mine.pseudo_id, "UTC", "active", "en",
    )  # fmt: skip
    assert (h.enrolled_at, h.last_contact, h.program_days, h.show_days_since_use) == (
        NOW, NOW + DAY, 60, True,
    )  # fmt: skip
    assert h.checkins == (
        CheckInRecord(day=date(2025, 2, 27), mood=5),
        CheckInRecord(day=date(2025, 3, 1), mood=3),
        CheckInRecord(
            day=date(2025, 3, 2), mood=2, craving=8, substance_use="no", sleep="poor", stress=4,
            triggers=("stress", "people"), medication="missed", confidence=3, safety="no",
        ),
    )  # fmt: skip
    assert h.cravings == (
        CravingRecord(at=NOW, intensity=5, triggers=("x",)),
        CravingRecord(
            at=NOW + DAY, intensity=9, triggers=("payday",), action="urge_surf",
            coping_offered="urge_surf", outcome="passed", helped="urge_surf",
        ),
    )  # fmt: skip
    assert h.triggers == (
        TriggerRecord(NOW, ("x",)),
        TriggerRecord(NOW + DAY, ("boredom", "home")),
    )
    assert h.coping == (CopingRecord(NOW, "walk", "yes"), CopingRecord(NOW + DAY, "call", "y"))
    assert h.attendance == (AttendanceRecord(NOW, "there"),)
    assert h.crises == (CrisisRecord(NOW, 1), CrisisRecord(NOW + DAY, 2))
    assert h.reminders == (
        ReminderRecord(NOW, "checkin", "due"), ReminderRecord(NOW + DAY, "weekly", "due"),
    )  # fmt: skip
    assert other.id != mine.id


async def test_someone_still_enrolling_counts_from_their_first_contact(db: Database) -> None:
    async with db.transaction() as s:
        client = await repo.create_client(
            s, tg_user_id=1, chat_id=1, now=NOW, language="es", timezone="America/Bogota"
        )
        client.reminder_prefs = None
    async with db.transaction() as s:
        h = await history.load_history(s, client.id)
    assert h == ClientHistory(
        client_id=client.id, pseudo_id=client.pseudo_id, timezone="America/Bogota",
        enrolled_at=NOW, status="enrolling", language="es",
    )  # fmt: skip


async def _seed_many(s: AsyncSession, n: int) -> list[int]:
    """`n` clients with one row of every record kind each, inserted in bulk."""
    created = datetime(2025, 1, 1, tzinfo=UTC)
    await s.execute(
        insert(Client),
        [{"pseudo_id": f"c-{i:08x}", "tg_user_id": 10_000 + i, "chat_id": 10_000 + i,
          "created_at": created, "enrolled_at": created, "status": "active"}
         for i in range(n)],
    )  # fmt: skip
    ids = sorted((await s.scalars(Client.__table__.select().with_only_columns(Client.id))).all())
    session = await schedules.add_session(
        s, kind="group", weekday=0, start_time="18:00", duration_min=60, timezone="UTC",
        created_at=created,
    )  # fmt: skip
    one = {"created_at": created}
    rows: dict[Any, dict[str, Any]] = {
        CheckIn: {"local_date": date(2025, 1, 2), "created_at": created, "triggers": ["t"]},
        Craving: {**one, "intensity": 6, "triggers": []},
        TriggerLog: {**one, "triggers": ["t"]},
        CopingOutcome: {**one, "skill": "walk"},
        Attendance: {"session_id": session.id, "session_start": created, "answer": "late",
                     "answered_at": created},
        CrisisEvent: {**one, "tier": 1, "source": "text", "shown": "lines"},
        Reminder: {**one, "kind": "checkin", "occurrence": "x", "due_at": created,
                   "status": "sent", "attempts": 1},
    }  # fmt: skip
    for model, values in rows.items():
        await s.execute(insert(model), [{"client_id": cid, **values} for cid in ids])
    return ids


async def test_a_thousand_clients_in_a_fixed_number_of_queries(store_db: Database) -> None:
    async with store_db.transaction() as s:
        ids = await _seed_many(s, 1000)
    queries = 1 + len(history.SOURCES)
    for wanted in (ids[:3], ids):
        async with store_db.transaction() as s:
            await s.connection()  # the transaction's own BEGIN is not what is counted here
            with counting(store_db) as statements:
                found = await history.load_histories(s, reversed(wanted))
        assert len(statements) == queries, statements
        assert [h.client_id for h in found] == list(reversed(wanted))
    assert {len(getattr(h, f.field)) for h in found for f in history.SOURCES} == {1}


async def test_a_huge_roster_is_read_in_slices(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with db.transaction() as s:
        ids = await _seed_many(s, 250)
        whole = await history.load_histories(s, [*ids, 999_999, ids[0]])
    monkeypatch.setattr(history, "SLICE", 100)
    async with db.transaction() as s:
        await s.connection()
        with counting(db) as statements:
            sliced = await history.load_histories(s, [*ids, 999_999, ids[0]])
    assert len(statements) == 3 * (1 + len(history.SOURCES))
    assert sliced == whole and len(whole) == 250
