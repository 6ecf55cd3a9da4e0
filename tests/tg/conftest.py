"""Ring-3 fixtures: real Application, real Service on a migrated SQLite file, fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram.ext import CallbackContext

from bot.config import Settings, load_settings
from bot.service.conversation import Clock, Service
from bot.store.database import Database
from bot.tg.application import build_application
from tests.tg.driver import Harness, Person
from tests.tg.fakerequest import FakeRequest

TOKEN = "123:ABC"
NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


class MovableClock:
    """The service's clock: NOW until a test moves it (`clock.now += ...`)."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


def staff_settings(enrollment: str, chat_id: int, **more: str) -> Settings:
    """The ring-3 settings with a staff chat (and whatever else `more` sets)."""
    return load_settings(
        telegram_bot_token=TOKEN, enrollment=enrollment, staff_chat_id=chat_id,
        _env_file=None, **more,
    )  # fmt: skip


@pytest.fixture
def enrollment() -> str:
    """Override in a test module (or parametrize) for invite mode."""
    return "open"


@pytest.fixture
def settings(enrollment: str) -> Settings:
    # No .env: the tests must not depend on a developer's local settings.
    return load_settings(telegram_bot_token=TOKEN, enrollment=enrollment, _env_file=None)


@pytest.fixture
def service(db: Database, settings: Settings, clock: Clock) -> Service:
    return Service(db, settings, clock)


@pytest.fixture
def fake() -> FakeRequest:
    return FakeRequest(now=int(NOW.timestamp()))


@pytest.fixture
async def harness(
    db: Database, settings: Settings, service: Service, fake: FakeRequest
) -> AsyncIterator[Harness]:
    """The initialized Application; fails the test on any call Telegram would refuse."""
    app = build_application(settings, service, request=fake)
    h = Harness(app, fake, db)

    async def collect(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
        assert context.error is not None
        h.handler_errors.append(context.error)

    app.add_error_handler(collect)
    async with app:
        yield h
    assert fake.errors == [], "calls the Bot API would refuse"
    assert h.handler_errors == [], "handler errors the test did not expect"


@pytest.fixture
def pat(harness: Harness) -> Person:
    return harness.person(5550001)


async def enroll(person: Person) -> None:
    """Open-mode /start, then the quickest taps through enrollment (English, defaults)."""
    await person.command("start")
    await person.tap_through("English", "I agree", "New York", "8:00 PM", "No", "Skip ▶")
    await person.tap("Skip ▶")
