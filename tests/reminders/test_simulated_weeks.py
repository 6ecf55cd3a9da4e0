"""Weeks of simulated time through the real planner and dispatcher, across both 2026 US
daylight-saving changes: every reminder exactly once, at the right local time, none in quiet
hours. The clock is injected: the loop jumps from one due time to the next, nothing sleeps."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_all
from bot.store.database import Database
from bot.store.models import Reminder
from tests.reminders.conftest import add_client, add_track
from tests.reminders.fakes import Clock, FakeSender

NY, LA = "America/New_York", "America/Los_Angeles"
PARTS = ("Hi! Time", "In one hour", "Tomorrow", "Today at", "Hi, just", "It's Sunday",
         "Good morning", "Checking back")  # fmt: skip
PLAN_EVERY = timedelta(hours=3)  # the real job runs every 5 minutes; rows are idempotent


async def next_due(db: Database) -> datetime | None:
    async with db.transaction() as s:
        due = await s.scalar(select(func.min(Reminder.due_at)).where(Reminder.status == "due"))
        later = await s.scalar(
            select(func.min(Reminder.next_try_at)).where(Reminder.status == "due")
        )
    times = [t for t in (due, later) if t is not None]
    return max(min(times), due or min(times)) if times else None


async def simulate(db: Database, dispatcher: Dispatcher, clock: Clock, until: datetime) -> None:
    """Run the planner every 3 hours of simulated time and dispatch at every due time."""
    next_plan = clock.now
    while clock.now < until:
        if clock.now >= next_plan:
            await plan_all(db, clock.now)
            next_plan = clock.now + PLAN_EVERY
        await dispatcher.run_once()
        due = await next_due(db)
        step = min(t for t in (due, next_plan, until) if t is not None and t > clock.now)
        clock.now = step


def local(sent_at: datetime, zone: str) -> datetime:
    return sent_at.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def expected_daily(
    start: datetime, end: datetime, zone: str, hour: int, minute: int
) -> list[datetime]:
    """Every local day's hour:minute in `zone` that falls inside [start, end), as local times."""
    found = []
    for d in _all_days(start, end, zone):
        at = datetime(d.year, d.month, d.day, hour, minute, tzinfo=ZoneInfo(zone))
        if start <= at < end:
            found.append(at.replace(tzinfo=None))
    return found


@pytest.mark.parametrize(
    ("start", "end"),
    [(datetime(2026, 2, 28, 12, tzinfo=UTC), datetime(2026, 3, 21, 12, tzinfo=UTC)),
     (datetime(2026, 10, 24, 12, tzinfo=UTC), datetime(2026, 11, 14, 12, tzinfo=UTC))],
    ids=["spring-forward", "fall-back"],
)  # fmt: skip
async def test_three_weeks_across_a_dst_change(
    db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender,
    start: datetime, end: datetime,
) -> None:  # fmt: skip
    clock.now = start
    await add_track(db, "Evening IOP", NY, [0, 2, 3], "18:00", 180, when=start)
    await add_client(db, 11, LA, "09:00", "Evening IOP", when=start)
    await add_client(db, 12, NY, "07:30", "Evening IOP", when=start)
    await simulate(db, dispatcher, clock, end)

    # Reminders due together for one client come as one message (Sunday 18:00: the look-back
    # and Monday's session): each part of a message starts with its reminder's first words.
    by_chat: dict[int, list[tuple[str, datetime]]] = {11: [], 12: []}
    for item in sender.sent:
        zone = LA if item.chat_id == 11 else NY
        for line in item.text.split("\n"):
            if line.startswith(PARTS):
                by_chat[item.chat_id].append((line[:25], local(item.at, zone)))
    async with db.transaction() as s:
        kinds = Counter(
            (r.client_id, r.kind, r.status) for r in (await s.scalars(select(Reminder))).all()
        )
    # Nothing twice: one part per (client, kind, occurrence) and every row accounted for.
    parts = sum(len(v) for v in by_chat.values())
    assert parts == sum(n for (_, _, status), n in kinds.items() if status == "sent")
    # Never two messages for one client in the same minute.
    minutes = Counter((m.chat_id, m.at.replace(second=0, microsecond=0)) for m in sender.sent)
    assert max(minutes.values()) == 1
    assert len(sender.sent) < parts  # some were merged

    la_checkins = sorted(at for text, at in by_chat[11] if text.startswith("Hi! Time"))
    assert la_checkins == expected_daily(start, end, LA, 9, 0)
    ny_checkins = sorted(at for text, at in by_chat[12] if text.startswith("Hi! Time"))
    assert ny_checkins == expected_daily(start, end, NY, 7, 30)  # in quiet hours: asked for

    for chat, zone in ((11, LA), (12, NY)):
        hour_before = [at for text, at in by_chat[chat] if text.startswith("In one hour")]
        day_before = [at for text, at in by_chat[chat] if text.startswith("Tomorrow")]
        session_days = [d for d in _days(start, end, NY) if d.weekday() in (0, 2, 3)]
        expected_hour = sorted(
            local(datetime(d.year, d.month, d.day, 17, tzinfo=ZoneInfo(NY)), zone)
            for d in session_days
        )
        assert sorted(hour_before) == expected_hour
        assert sorted(day_before) == _expected_day_before(start, end, zone)
        nudges = sorted(at for text, at in by_chat[chat] if text.startswith("Hi, just"))
        assert nudges and all(at.hour == 12 and at.minute == 0 for at in nudges)
        assert all(b - a >= timedelta(days=3) for a, b in itertools.pairwise(nudges))
        quiet = [(t, at) for t, at in by_chat[chat] if (at.hour >= 22 or at.hour < 8)]
        assert quiet == [(t, at) for t, at in quiet if t.startswith("Hi! Time")]  # only check-ins
        sundays = [at for text, at in by_chat[chat] if text.startswith("It's Sunday")]
        assert sundays and all(at.weekday() == 6 and at.hour == 18 for at in sundays)


def _expected_day_before(start: datetime, end: datetime, zone: str) -> list[datetime]:
    """18:00 client-local the day before each session; a session too soon after the track
    was created gets it at once (if still more than 2 h ahead), as staff added it late."""
    found = []
    for d in _all_days(start, end + timedelta(days=2), NY):
        if d.weekday() not in (0, 2, 3):
            continue
        session = datetime(d.year, d.month, d.day, 18, tzinfo=ZoneInfo(NY))
        eve = session.astimezone(ZoneInfo(zone)).date() - timedelta(days=1)
        due = datetime(eve.year, eve.month, eve.day, 18, tzinfo=ZoneInfo(zone))
        if due < start:
            due = start if start < session - timedelta(hours=2) else None  # type: ignore[assignment]
        if due is not None and start <= due < end:
            found.append(local(due, zone))
    return sorted(found)


def _all_days(start: datetime, end: datetime, zone: str) -> list[date]:
    first = start.astimezone(ZoneInfo(zone)).date()
    last = end.astimezone(ZoneInfo(zone)).date()
    return [first + timedelta(n) for n in range((last - first).days + 1)]


def _days(start: datetime, end: datetime, zone: str) -> list[date]:
    days = _all_days(start, end, zone)
    # only sessions whose hour-before falls inside the simulated window
    return [
        d for d in days
        if start <= datetime(d.year, d.month, d.day, 17, tzinfo=ZoneInfo(zone)) < end
    ]  # fmt: skip
