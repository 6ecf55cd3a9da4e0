"""Relative words in a session reminder ("Tomorrow", "In one hour") are judged against the
moment the message goes out, not the reminder's usual slot: a session added for later today
is announced as today, one reached after a night's quiet hours too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_all
from bot.store import schedules
from bot.store.database import Database
from tests.reminders.conftest import add_client
from tests.reminders.fakes import Clock, FakeSender

NY = "America/New_York"
MORNING = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)  # Tuesday 10:00 in New York


async def add_once(db: Database, client_id: int, day: str, start: str, when: datetime) -> None:
    async with db.transaction() as s:
        await schedules.add_session(
            s, client_id=client_id, kind="individual", weekday=None,
            once_date=datetime.fromisoformat(day).date(), start_time=start, duration_min=50,
            timezone=NY, created_at=when,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "added", "day", "start", "first_line"),
    [
        # Added at 10:00 for 19:01 the same day: "at once" is today, not tomorrow.
        ("en", MORNING, "2026-03-03", "19:01", "Today at 7:01 PM: one-on-one session."),
        ("es", MORNING, "2026-03-03", "19:01", "Hoy a las 19:01: sesión individual."),
        # Added at 23:30 (quiet) for 11:00 next day: it waits for 08:00, the session's own day.
        (
            "en",
            MORNING + timedelta(hours=13, minutes=30),
            "2026-03-04",
            "11:00",
            "Today at 11:00 AM: one-on-one session.",
        ),
        # Added in the morning for tomorrow: the usual 18:00 the evening before says tomorrow.
        ("en", MORNING, "2026-03-04", "09:30", "Tomorrow at 9:30 AM: one-on-one session."),
    ],
)
async def test_day_before_names_the_day_as_sent(
    db: Database, lang: str, added: datetime, day: str, start: str, first_line: str
) -> None:
    clock = Clock(added)
    sender = FakeSender(clock)
    dispatcher = Dispatcher(db, sender, clock)
    c = await add_client(db, 31, NY, "21:00", when=added - timedelta(days=7), lang=lang)
    await add_once(db, c.id, day, start, added)
    end = added + timedelta(hours=30)
    while clock.now < end:
        await plan_all(db, clock.now)
        await dispatcher.run_once()
        clock.now += timedelta(minutes=30)
    told = [m.text for m in sender.sent if "\n" in m.text and ":" in m.text.split("\n")[0]]
    assert told, [m.text for m in sender.sent]
    assert told[0].split("\n")[0] == first_line


async def test_hour_before_sent_late_does_not_promise_an_hour(db: Database) -> None:
    """After downtime an hour-before reminder may still go out 20 minutes before the start:
    it then says the start time without "in one hour"."""
    start = MORNING + timedelta(hours=2)
    clock = Clock(start - timedelta(minutes=20))
    sender = FakeSender(clock)
    c = await add_client(db, 32, NY, "21:00", when=MORNING - timedelta(days=7))
    async with db.transaction() as s:
        session = await schedules.add_session(
            s, client_id=c.id, kind="group", weekday=None, once_date=start.date(),
            start_time="12:00", duration_min=50, timezone=NY, created_at=MORNING,
        )  # fmt: skip
        row = {"client_id": c.id, "kind": "session_hour_before", "occurrence": "x",
               "due_at": start - timedelta(hours=1), "session_id": session.id,
               "session_start": start}  # fmt: skip
        await schedules.add_reminders(s, [row], MORNING)
    await Dispatcher(db, sender, clock).run_once()
    assert len(sender.sent) == 1
    first = sender.sent[0].text.split("\n")[0]
    assert "one hour" not in first and "12:00 PM" in first, first
