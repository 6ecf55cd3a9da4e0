"""Fixtures for driving the real planner and dispatcher on a real database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.reminders.dispatcher import Dispatcher
from bot.store import repo, schedules
from bot.store.database import Database
from bot.store.models import Client
from tests.reminders.fakes import Clock, FakeSender

START = datetime(2026, 2, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def sender(clock: Clock) -> FakeSender:
    return FakeSender(clock)


@pytest.fixture
def dispatcher(db: Database, sender: FakeSender, clock: Clock) -> Dispatcher:
    return Dispatcher(db, sender, clock)


async def add_client(
    db: Database, tg_id: int, zone: str, checkin: str, track: str | None = None,
    when: datetime = START, lang: str = "en",
) -> Client:  # fmt: skip
    """An enrolled, active client (optionally on a track)."""
    async with db.transaction() as s:
        client = await repo.create_client(
            s, tg_user_id=tg_id, chat_id=tg_id, now=when, language=lang, timezone=zone
        )
        client.status, client.checkin_time, client.enrolled_at = "active", checkin, when
        if track is not None:
            found = await schedules.get_track(s, track)
            assert found is not None
            client.track_id = found.id
        return client


async def add_track(
    db: Database, name: str, zone: str, days: list[int], start: str, minutes: int,
    when: datetime = START,
) -> None:  # fmt: skip
    """A track with one weekly group session per day in `days` (0 = Monday)."""
    async with db.transaction() as s:
        track = await schedules.create_track(s, name, zone, when)
        for day in days:
            await schedules.add_session(
                s, track_id=track.id, kind="group", weekday=day, start_time=start,
                duration_min=minutes, timezone=zone, created_at=when, place="Room 2",
            )  # fmt: skip
