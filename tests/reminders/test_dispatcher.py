"""The dispatcher on a real database: lateness after downtime, delivery errors, /stop,
switched-off kinds, and two dispatchers that never send the same row."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain.conversation.model import Reply
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.sender import Delivery
from bot.store import schedules
from bot.store.database import Database
from bot.store.models import Client, Reminder
from tests.reminders.conftest import START, add_client
from tests.reminders.fakes import Clock, FakeSender

T0 = START.replace(hour=17)  # 12:00 in New York: daytime
NY = "America/New_York"


async def seed(db: Database, client_id: int, kind: str, due: datetime, **extra: object) -> None:
    row = {"client_id": client_id, "kind": kind, "occurrence": f"{kind}:{due.isoformat()}",
           "due_at": due, **extra}  # fmt: skip
    async with db.transaction() as s:
        if kind.startswith("session_"):
            session = await schedules.add_session(
                s, client_id=client_id, kind="individual", weekday=None, once_date=due.date(),
                start_time="12:00", duration_min=50, timezone=NY, created_at=START,
            )  # fmt: skip
            row["session_id"] = session.id
        await schedules.add_reminders(s, [row], due)


async def statuses(db: Database) -> dict[str, tuple[str, str | None]]:
    async with db.transaction() as s:
        rows = (await s.scalars(select(Reminder))).all()
    return {r.kind: (r.status, r.detail) for r in rows}


async def test_lateness_rules_after_downtime(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    c = await add_client(db, 21, NY, "09:00")
    await seed(db, c.id, "checkin", T0 - timedelta(hours=2, minutes=59))
    await seed(db, c.id, "session_hour_before", T0 - timedelta(minutes=61),
               session_start=T0 - timedelta(minutes=1))  # fmt: skip
    await seed(db, c.id, "session_day_before", T0 - timedelta(hours=20),
               session_start=T0 + timedelta(hours=1, minutes=59))  # fmt: skip
    await seed(db, c.id, "craving_followup", T0 - timedelta(hours=3, minutes=1), ref_id=1)
    clock.now = T0
    stats = await dispatcher.run_once()
    got = await statuses(db)
    assert got["checkin"] == ("sent", None)  # 2 h 59 min late: still worth it
    assert got["session_hour_before"] == ("missed", "too late")  # the session has started
    assert got["session_day_before"] == ("missed", "too late")  # under 2 h to go
    assert got["craving_followup"] == ("missed", "too late")
    assert (stats.sent, stats.missed) == (1, 3)
    assert [s.chat_id for s in sender.sent] == [21]


async def test_quiet_hours_and_switched_off_kinds(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    night = START.replace(hour=4)  # 23:00 in New York
    c = await add_client(db, 22, NY, "09:00")
    await seed(db, c.id, "weekly_summary", night - timedelta(minutes=5))
    await seed(db, c.id, "checkback", night)
    async with db.transaction() as s:
        client = await s.get(Client, c.id)
        assert client is not None
        client.reminder_prefs = {"checkback": False}
    clock.now = night
    await dispatcher.run_once()
    got = await statuses(db)
    assert got["weekly_summary"] == ("missed", "quiet hours")
    assert got["checkback"] == ("missed", "turned off")
    assert sender.sent == []


async def test_day_before_reaching_quiet_hours_waits_for_morning(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    night = START.replace(hour=3)  # 22:00 in New York
    c = await add_client(db, 23, NY, "09:00")
    session = night + timedelta(hours=20)
    await seed(db, c.id, "session_day_before", night, session_start=session)
    clock.now = night
    await dispatcher.run_once()
    assert sender.sent == []
    clock.now = night + timedelta(hours=10)  # 08:00 in New York
    await dispatcher.run_once()
    assert [s.at for s in sender.sent] == [night + timedelta(hours=10)]


async def test_stopped_and_blocked_clients_get_nothing(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    stopped = await add_client(db, 24, NY, "09:00")
    blocked = await add_client(db, 25, NY, "09:00")
    async with db.transaction() as s:
        (await s.get(Client, stopped.id)).status = "stopped"  # type: ignore[union-attr]
    await seed(db, stopped.id, "checkin", T0)
    await seed(db, blocked.id, "checkin", T0)
    await seed(db, blocked.id, "weekly_summary", T0 + timedelta(hours=1))
    sender.blocked.add(25)
    clock.now = T0
    await dispatcher.run_once()
    async with db.transaction() as s:
        rows = {
            (r.client_id, r.kind): (r.status, r.detail) for r in await s.scalars(select(Reminder))
        }
        assert (await s.get(Client, blocked.id)).status == "blocked"  # type: ignore[union-attr]
    assert rows[(stopped.id, "checkin")] == ("missed", "client stopped")
    assert rows[(blocked.id, "checkin")] == ("failed", "blocked (403)")
    assert rows[(blocked.id, "weekly_summary")] == ("missed", "blocked")  # never retried
    assert sender.sent == []


async def test_retry_after_429_and_network_errors_no_retry_after_400(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    a = await add_client(db, 26, NY, "09:00")
    b = await add_client(db, 27, NY, "09:00")
    await seed(db, a.id, "checkin", T0)
    await seed(db, b.id, "checkin", T0 + timedelta(seconds=1))
    sender.script = [
        Delivery("retry", timedelta(seconds=7), "429"),
        Delivery("failed", detail="400 chat not found"),
    ]
    clock.now = T0 + timedelta(seconds=1)
    await dispatcher.run_once()
    async with db.transaction() as s:
        rows = {r.client_id: r for r in await s.scalars(select(Reminder))}
    assert (rows[a.id].status, rows[a.id].attempts) == ("due", 1)
    assert rows[b.id].status == "failed" and rows[b.id].detail == "400 chat not found"
    clock.now += timedelta(seconds=5)
    await dispatcher.run_once()
    assert sender.sent == []  # not before retry_after
    clock.now += timedelta(seconds=3)
    await dispatcher.run_once()
    assert [s.chat_id for s in sender.sent] == [26]


async def test_checkin_prompt_skipped_when_already_done(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    from bot.store import repo

    c = await add_client(db, 28, NY, "09:00")
    async with db.transaction() as s:
        await repo.save_checkin(s, c.id, T0.date(), {"mood": 5}, T0)
    await seed(db, c.id, "checkin", T0)
    clock.now = T0
    await dispatcher.run_once()
    assert (await statuses(db))["checkin"] == ("missed", "already checked in")


class SlowSender(FakeSender):
    async def send(self, chat_id: int, reply: Reply) -> Delivery:
        await asyncio.sleep(0)  # let the other dispatcher run between claims and sends
        return await super().send(chat_id, reply)


async def test_two_dispatchers_never_send_the_same_row(store_db: Database) -> None:
    """On PostgreSQL the claim uses SKIP LOCKED; on SQLite BEGIN IMMEDIATE serialises it."""
    clock = Clock(T0)
    sender = SlowSender(clock)
    for n in range(60):
        c = await add_client(store_db, 1000 + n, NY, "09:00")
        await seed(store_db, c.id, "checkin", T0)
    first = Dispatcher(store_db, sender, clock, batch=7)
    second = Dispatcher(store_db, sender, clock, batch=5)
    await asyncio.gather(first.run_once(), second.run_once())
    chats = [s.chat_id for s in sender.sent]
    assert sorted(chats) == [1000 + n for n in range(60)]
