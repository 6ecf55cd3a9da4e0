"""Reminders go at most once: a send whose outcome is unknown, and a row a crash left on the
wire, are recorded "uncertain" and never sent again; what certainly did not reach Telegram is
tried again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_all
from bot.reminders.sender import Delivery
from bot.store import schedules
from bot.store.database import Database
from bot.store.models import Reminder
from tests.reminders.conftest import add_client
from tests.reminders.fakes import Clock, FakeSender
from tests.reminders.test_dispatcher import NY, T0, seed


async def rows(db: Database) -> dict[int, Reminder]:
    async with db.transaction() as s:
        return {r.client_id: r for r in await s.scalars(select(Reminder))}


async def test_an_unknown_outcome_is_recorded_and_never_repeated(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    a = await add_client(db, 31, NY, "09:00")
    b = await add_client(db, 32, NY, "09:00")
    await seed(db, a.id, "checkin", T0)
    await seed(db, b.id, "checkin", T0 + timedelta(seconds=1))
    sender.script = [
        Delivery("uncertain", detail="no answer: ReadTimeout"),
        Delivery("retry", timedelta(seconds=30), "not sent: ConnectError"),
    ]
    clock.now = T0 + timedelta(seconds=1)
    stats = await dispatcher.run_once()
    assert (stats.uncertain, stats.retried, stats.sent) == (1, 1, 0)
    got = await rows(db)
    assert (got[a.id].status, got[a.id].detail) == ("uncertain", "no answer: ReadTimeout")
    assert (got[a.id].attempts, got[a.id].sent_at) == (0, None)
    assert (got[b.id].status, got[b.id].attempts) == ("due", 1)
    clock.now += timedelta(minutes=5)
    stats = await dispatcher.run_once()
    assert (stats.sent, stats.uncertain) == (1, 0)
    assert [s.chat_id for s in sender.sent] == [32]  # the retry; never the uncertain one
    got = await rows(db)
    assert got[a.id].status == "uncertain" and got[b.id].status == "sent"


async def test_a_row_a_crash_left_sending_is_uncertain(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    """The dead dispatcher had handed one row to Telegram and only claimed the other."""
    on_wire = await add_client(db, 33, NY, "09:00")
    claimed = await add_client(db, 34, NY, "09:00")
    await seed(db, on_wire.id, "checkin", T0)
    await seed(db, claimed.id, "checkin", T0)
    async with db.transaction() as s:
        taken = await schedules.claim_due(s, T0, 10)
        wire = next(r.id for r in taken if r.client_id == on_wire.id)
        await schedules.mark_sending(s, wire, T0)
    clock.now = T0 + timedelta(minutes=3)  # past the 2 minutes after which claims are stale
    stats = await dispatcher.run_once()
    assert (stats.uncertain, stats.sent) == (1, 1)
    got = await rows(db)
    assert (got[on_wire.id].status, got[on_wire.id].detail) == (
        "uncertain",
        schedules.INTERRUPTED,
    )
    assert got[claimed.id].status == "sent"
    assert [s.chat_id for s in sender.sent] == [34]


async def test_a_fresh_claim_is_left_to_its_dispatcher(db: Database, sender: FakeSender) -> None:
    """A row another dispatcher is sending right now is not touched."""
    c = await add_client(db, 35, NY, "09:00")
    await seed(db, c.id, "checkin", T0)
    async with db.transaction() as s:
        [row] = await schedules.claim_due(s, T0, 10)
        await schedules.mark_sending(s, row.id, T0)
    stats = await Dispatcher(db, sender, Clock(T0 + timedelta(seconds=30))).run_once()
    assert stats.uncertain == 0
    assert (await rows(db))[c.id].status == "sending"


async def test_an_uncertain_nudge_counts_toward_one_every_three_days(db: Database) -> None:
    """ "A gentle word" after two missed check-ins comes at most once every three days; one
    whose answer never came may have arrived, so it counts from when it was handed over."""
    c = await add_client(db, 36, NY, "09:00", when=T0 - timedelta(days=10))
    yesterday = T0 - timedelta(days=1)
    async with db.transaction() as s:
        await schedules.add_reminders(
            s, [{"client_id": c.id, "kind": "reengage", "occurrence": "reengage:yesterday",
                 "due_at": yesterday}], yesterday,
        )  # fmt: skip
        [row] = await schedules.claim_due(s, yesterday, 1)
        await schedules.mark_sending(s, row.id, yesterday)
        await schedules.finish_reminder(s, row.id, "uncertain", yesterday, "no answer")

    async def nudges_planned() -> int:
        await plan_all(db, T0)
        async with db.transaction() as s:
            found = await s.scalars(select(Reminder).where(Reminder.kind == "reengage"))
            return len(found.all())

    assert await nudges_planned() == 1  # none today: yesterday's may have arrived
    async with db.transaction() as s:  # had it certainly failed, today's would be planned
        await schedules.finish_reminder(s, row.id, "failed", yesterday, "400")
    assert await nudges_planned() == 2
