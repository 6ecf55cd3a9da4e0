"""Which day a check-in counts for: the day of the evening prompt it answers, even when
finished after midnight; otherwise the client's own calendar day. Through the real service,
planner and dispatcher on a real database, with a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import delete, select

from bot.domain.conversation import model as m
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_all
from bot.service.conversation import Service
from bot.store import schedules
from bot.store.models import CheckIn, Client, Reminder
from tests.reminders.fakes import Clock as SenderClock
from tests.reminders.fakes import FakeSender
from tests.service.test_service import ANA, Clock, Person, clock, enroll, service

__all__ = ["clock", "service"]  # the fixtures

ANSWERS = ("6", "3", "no", "ok", "4", "none", "7", "no")


def chicago(day: int, hour: int, minute: int = 0) -> datetime:
    """A November 2026 wall time in Chicago (UTC-6), as UTC."""
    return (
        datetime(2026, 11, day, hour + 6, minute, tzinfo=UTC)
        if hour < 18
        else datetime(2026, 11, day + 1, hour - 18, minute, tzinfo=UTC)
    )


async def check_in(p: Person, start: bool = True) -> None:
    """A whole check-in (the weekly safety question only when it is asked)."""
    if start:
        await p.send(m.Command("checkin"))
    for value in ANSWERS:
        await p.tap(value)
        if "check-in is saved" in p.text():
            return
    raise AssertionError(p.text())


async def prompts(service: Service, clock: Clock, at: datetime) -> tuple[int, list[str]]:
    """Plan and dispatch at `at`: (prompts sent, why check-in prompts were not)."""
    clock.now = at
    sender = FakeSender(SenderClock(at))
    await plan_all(service.db, at)
    await Dispatcher(service.db, sender, clock).run_once()
    async with service.db.transaction() as s:
        rows = (await s.scalars(select(Reminder).where(Reminder.kind == "checkin"))).all()
    missed = [r.detail or "" for r in rows if r.status == "missed"]
    return len(sender.sent), missed


async def days(service: Service) -> list[date]:
    async with service.db.transaction() as s:
        return sorted((await s.scalars(select(CheckIn.local_date))).all())


async def test_evening_prompt_answered_after_midnight_counts_for_its_evening(
    service: Service, clock: Clock
) -> None:
    p = await enroll(service, ANA)  # Chicago, prompt at 20:00
    assert (await prompts(service, clock, chicago(26, 20)))[0] == 1
    clock.now = chicago(27, 0, 30)
    await check_in(p)
    assert await days(service) == [date(2026, 11, 26)]
    sent, missed = await prompts(service, clock, chicago(27, 20))
    assert (sent, missed) == (1, [])  # the 27th's prompt is not "already checked in"
    clock.now = chicago(27, 20, 10)
    await check_in(p)
    assert await days(service) == [date(2026, 11, 26), date(2026, 11, 27)]


async def test_after_the_night_or_with_the_evening_done_it_is_the_clients_day(
    service: Service, clock: Clock
) -> None:
    p = await enroll(service, ANA)
    clock.now = chicago(27, 9)  # the morning: the 26th's prompt is no longer being answered
    await check_in(p)
    clock.now = chicago(28, 0, 30)  # the 27th is done: a check-in now is the 28th's
    await p.send(m.Command("checkin"))
    assert "already checked in" not in p.text()
    await check_in(p, start=False)
    assert await days(service) == [date(2026, 11, 27), date(2026, 11, 28)]


async def test_a_late_prompt_is_judged_by_its_own_day(service: Service, clock: Clock) -> None:
    """A 23:00 prompt held up by downtime and sent at 00:30 is needless if the client checked
    in that evening; a check-in for the new day does not make it so."""
    p = await enroll(service, ANA)
    clock.now = chicago(26, 22)
    await check_in(p)
    async with service.db.transaction() as s:
        client = (await s.scalars(select(Client))).one()
        client.checkin_time = "23:00"
        await s.execute(delete(Reminder))  # the 20:00 rows planned at enrollment
        row = {"client_id": client.id, "kind": "checkin", "occurrence": "2026-11-26",
               "due_at": chicago(26, 23)}  # fmt: skip
        await schedules.add_reminders(s, [row], chicago(26, 12))
    sent, missed = await prompts(service, clock, chicago(27, 0, 30))
    assert (sent, missed) == (0, ["already checked in"])
