"""The Telegram door when the database is locked: the crisis reply goes out at once, and the
replay job sends the staff notice once the lock is gone."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.store.database import Database
from bot.store.models import CrisisEvent
from bot.tg import application
from tests.faults import write_lock
from tests.tg.conftest import enroll, staff_settings
from tests.tg.driver import Harness, Person

STAFF_CHAT = -4001


@pytest.fixture
def settings(enrollment: str) -> Settings:
    """The ring-3 settings with a staff chat."""
    return staff_settings(enrollment, STAFF_CHAT)


def to_staff(harness: Harness) -> list[str]:
    return [str(c.params["text"]) for c in harness.fake.of("sendMessage")
            if int(c.params["chat_id"]) == STAFF_CHAT]  # fmt: skip


async def test_a_crisis_under_a_lock_then_the_notice_from_the_replay_job(
    harness: Harness, pat: Person, db: Database
) -> None:
    await enroll(pat)
    path = make_url(db.url).database
    assert path is not None
    holder = await write_lock(path)
    try:
        start = time.monotonic()
        await pat.say("i want to end my life tonight")
        took = time.monotonic() - start
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert took < 2.0
    assert harness.fake.texts()[-1].startswith("This may be an emergency. Call 911 now.")
    assert to_staff(harness) == []  # not yet: the event's transaction was still waiting
    context = harness.app.context_types.context(harness.app)
    for _ in range(50):
        await application._replay(context)
        if to_staff(harness):
            break
        await asyncio.sleep(0.1)
    assert len(to_staff(harness)) == 1 and "tier 1" in to_staff(harness)[0]
    assert await harness.count(CrisisEvent) == 1
