"""The terminal runs the bot's planner and dispatcher for its own client (issue 13): a
check-in reminder, a craving follow-up and the Sunday look-back appear in the terminal when
they fall due, and a Telegram client's reminders on the same database are left to the bot."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.console.chat import Console, console_address, due_messages, run_console
from bot.reminders.planner import plan_all
from bot.service.conversation import Service
from bot.store.database import Database
from bot.store.models import Reminder
from tests.reminders.conftest import add_client
from tests.reminders.fakes import Clock

T0 = datetime(2026, 3, 20, 16, 0, tzinfo=UTC)  # a Friday, 09:00 in Los Angeles
ENROLL = ["/start", "English", "I agree", "Los Angeles", "21:30", "No", "Skip", "Skip"]


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def console(db: Database, clock: Clock, tmp_path: Path) -> tuple[Console, list[str]]:
    settings = load_settings(enrollment="open", program_timezone="America/Los_Angeles",
                             _env_file=None)  # fmt: skip
    lines: list[str] = []
    service = Service(db, settings, clock)
    return Console(service, console_address("tester", "en"), lines.append, tmp_path), lines


async def say(console: Console, *lines: str) -> None:
    for line in lines:
        await console.send(line)


async def test_the_check_in_reminder_appears_when_it_is_due(
    console: tuple[Console, list[str]], clock: Clock
) -> None:
    term, out = console
    assert await due_messages(term) == 0  # not enrolled: nothing planned
    await say(term, *ENROLL)
    assert await due_messages(term) == 0  # 09:00: the 21:30 check-in is not due yet
    clock.now = T0 + timedelta(hours=12, minutes=31)  # 21:31 in Los Angeles
    out.clear()
    assert await due_messages(term) == 1
    assert any("Time for today's check-in" in line for line in out), out
    assert await due_messages(term) == 0  # sent once


async def test_a_craving_follow_up_appears_and_its_buttons_work(
    console: tuple[Console, list[str]], clock: Clock
) -> None:
    term, out = console
    await say(term, *ENROLL, "/craving", "6", "Done", "Nothing yet")
    clock.now = T0 + timedelta(hours=1)
    out.clear()
    assert await due_messages(term) >= 1
    assert any("Did the craving pass?" in line for line in out), out
    out.clear()
    await say(term, "It passed")  # the follow-up's button, typed as its label
    assert any("What helped most?" in line for line in out), out


async def test_a_telegram_clients_reminders_are_left_to_the_bot(
    console: tuple[Console, list[str]], clock: Clock, db: Database
) -> None:
    term, _ = console
    other = await add_client(db, 777, "America/Los_Angeles", "09:30", when=T0 - timedelta(days=2))
    await say(term, *ENROLL)
    await plan_all(db, clock.now)  # the bot's planner: the other client's 09:30 check-in
    clock.now = T0 + timedelta(hours=12, minutes=31)  # due for both clients now
    assert await due_messages(term) == 1
    async with db.transaction() as s:
        theirs = (await s.scalars(select(Reminder).where(Reminder.client_id == other.id))).all()
    assert theirs and all(r.status == "due" for r in theirs)


def test_piped_terminal_prints_what_is_due(db: Database, clock: Clock) -> None:
    settings = load_settings(enrollment="open", program_timezone="America/Los_Angeles",
                             _env_file=None)  # fmt: skip
    service = Service(db, settings, clock)
    addr = console_address("piped", "en")
    out = io.StringIO()
    asyncio.run(run_console(service, addr, io.StringIO("\n".join(ENROLL) + "\n"), out))
    clock.now = T0 + timedelta(hours=12, minutes=31)
    out = io.StringIO()
    asyncio.run(run_console(service, addr, io.StringIO("/today\n"), out))
    assert "Time for today's check-in" in out.getvalue()
