"""Crisis notices reach the staff chat after it became a supergroup."""

from __future__ import annotations

import logging

import pytest

from bot.config import Settings, load_settings
from tests.tg.conftest import TOKEN, enroll
from tests.tg.driver import Harness, Person

STAFF_CHAT = -4001
SUPERGROUP = -1004001
UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"


@pytest.fixture
def settings(enrollment: str) -> Settings:
    """The ring-3 settings with a staff chat."""
    return load_settings(
        telegram_bot_token=TOKEN, enrollment=enrollment, staff_chat_id=STAFF_CHAT,
        _env_file=None,
    )  # fmt: skip


async def test_a_notice_follows_the_staff_chat_to_its_supergroup(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await enroll(pat)
    harness.fake.fail_next(
        "sendMessage", 400, UPGRADED, migrate_to_chat_id=SUPERGROUP, chat_id=STAFF_CHAT
    )
    with caplog.at_level(logging.WARNING, logger="bot.tg.handlers"):
        await pat.say("i want to kill myself")
        await pat.say("i want to kill myself")
    to_staff = [c.params["chat_id"] for c in harness.fake.of("sendMessage")
                if int(c.params["chat_id"]) < 0]  # fmt: skip
    # The first notice tried the old id, then went to the supergroup; the second went there.
    assert [int(c) for c in to_staff] == [STAFF_CHAT, SUPERGROUP, SUPERGROUP]
    said = [r.getMessage() for r in caplog.records if "STAFF_CHAT_ID" in r.getMessage()]
    assert said == [f"the staff chat became a supergroup: set STAFF_CHAT_ID={SUPERGROUP}"]
    assert harness.handler_errors == []
