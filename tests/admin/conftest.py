"""Admin fixtures: the ring-3 harness of tests/tg, with one staff member in the settings."""

from __future__ import annotations

import pytest

from bot.config import Settings, load_settings
from bot.tg.staff import STAFF_GROUP, register_staff_handlers
from tests.tg import conftest as tg
from tests.tg.driver import Harness

# The ring-3 fixtures as they are; `harness` and `service` take the `settings` defined below.
clock, enrollment, fake, harness, service = (
    tg.clock,
    tg.enrollment,
    tg.fake,
    tg.harness,
    tg.service,
)

STAFF_ID = 4440001


@pytest.fixture
def settings(enrollment: str) -> Settings:
    """The tg settings plus STAFF_USER_IDS; `harness` and `service` pick this one up."""
    return load_settings(
        telegram_bot_token=tg.TOKEN, enrollment=enrollment, staff_user_ids=(STAFF_ID,),
        _env_file=None,
    )  # fmt: skip


@pytest.fixture
def staff_app(harness: Harness, settings: Settings) -> Harness:
    """The real Application with the staff handlers (registered here until setup.py does)."""
    if STAFF_GROUP not in harness.app.handlers:
        register_staff_handlers(harness.app, settings)
    return harness
