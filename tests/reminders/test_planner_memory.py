"""The planning job's memory (bot.reminders.planner.Planner): it plans everyone at its first
run, then only the clients whose inputs changed (from any process) or whose plan ran out of
time, and a run with nothing to plan writes nothing and reads only the planning columns."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, select, update

from bot.domain.schedule.kinds import Kind
from bot.reminders.planner import REPLAN_EVERY, Planner
from bot.store.database import Database
from bot.store.models import Client, ProgramSession, Reminder
from tests.reminders.conftest import START, add_client, add_track

NY = "America/New_York"


async def _rows(db: Database, client_id: int, kind: str) -> list[str]:
    async with db.transaction() as s:
        found = await s.scalars(select(Reminder.occurrence).where(
            Reminder.client_id == client_id, Reminder.kind == kind))  # fmt: skip
        return sorted(found)


def _statements(db: Database) -> list[str]:
    said: list[str] = []

    def note(conn: object, cursor: object, statement: str, *rest: object) -> None:
        said.append(statement.split()[0].upper())

    event.listen(db.engine.sync_engine, "before_cursor_execute", note)
    return said


async def test_a_run_with_nothing_new_reads_and_writes_nothing_else(db: Database) -> None:
    await add_track(db, "Evening", NY, [1, 3], "18:00", 90)
    ana = await add_client(db, 1001, NY, "20:00", track="Evening")
    await add_client(db, 1002, NY, "09:00")
    planner = Planner(db, pause=0)
    assert await planner.run(START) > 0  # everyone, the first time
    said = _statements(db)
    assert await planner.run(START + timedelta(minutes=5)) == 0
    assert "INSERT" not in said and "UPDATE" not in said
    # The sessions, their skipped dates and the clients' planning columns: nothing per client.
    assert said.count("SELECT") <= 3
    assert await _rows(db, ana.id, Kind.CHECKIN)  # what the first run planned is there


async def test_a_change_from_another_process_is_planned_at_the_next_run(db: Database) -> None:
    ana = await add_client(db, 1001, NY, "20:00")
    planner = Planner(db, pause=0)
    await planner.run(START)
    assert await _rows(db, ana.id, Kind.SESSION_HOUR_BEFORE) == []
    await add_track(db, "Morning", NY, [0, 1, 2, 3, 4, 5, 6], "10:00", 60)
    async with db.transaction() as s:  # as `recovery-bot` or another instance would
        track = await s.scalar(select(ProgramSession.track_id))
        await s.execute(update(Client).where(Client.id == ana.id).values(track_id=track))
    await planner.run(START + timedelta(minutes=5))
    assert await _rows(db, ana.id, Kind.SESSION_HOUR_BEFORE)  # her new track's sessions
    async with db.transaction() as s:  # a session of that track moved: planned again
        await s.execute(update(ProgramSession).values(start_time="11:00",
                                                      updated_at=START))  # fmt: skip
    await planner.run(START + timedelta(minutes=10))
    assert any("T11:00" in key for key in await _rows(db, ana.id, Kind.SESSION_HOUR_BEFORE))


async def test_time_brings_new_rows_into_the_window(db: Database) -> None:
    ana = await add_client(db, 1001, NY, "20:00")
    planner = Planner(db, pause=0)
    await planner.run(START)
    first = await _rows(db, ana.id, Kind.CHECKIN)
    await planner.run(START + timedelta(minutes=5))
    assert await _rows(db, ana.id, Kind.CHECKIN) == first  # nothing new yet
    await planner.run(START + REPLAN_EVERY + timedelta(days=1))
    later = await _rows(db, ana.id, Kind.CHECKIN)
    assert len(later) > len(first) and set(first) <= set(later)


async def test_a_client_who_is_no_longer_active_is_forgotten(db: Database) -> None:
    ana = await add_client(db, 1001, NY, "20:00")
    planner = Planner(db, pause=0)
    await planner.run(START)
    assert ana.id in planner.known
    async with db.transaction() as s:
        await s.execute(update(Client).where(Client.id == ana.id).values(status="paused"))
    await planner.run(START + timedelta(minutes=5))
    assert ana.id not in planner.known
