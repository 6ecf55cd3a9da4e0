"""The daily flag digest through the real Application: the job sends it to the staff chat, a
staff member's "I'm on it" takes it for everyone, and nobody else's tap changes anything."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.config import Settings
from bot.store.models import AuditEntry, Client, FlagDigest
from bot.tg.application import _flag_digest
from tests.tg import updates as u
from tests.tg.conftest import MovableClock, enroll, staff_settings
from tests.tg.driver import Harness, Person, button_data
from tests.tg.fakerequest import Shown

STAFF_CHAT = -4001


@pytest.fixture
def settings(enrollment: str) -> Settings:
    """The ring-3 settings with a staff chat and one staff id."""
    return staff_settings(enrollment, STAFF_CHAT, staff_user_ids="7001")


async def digest_job(harness: Harness) -> list[Shown]:
    """Run the digest job as the JobQueue would; the staff chat's messages afterwards."""

    class Ctx:
        bot = harness.app.bot
        bot_data = harness.app.bot_data

    await _flag_digest(Ctx())  # type: ignore[arg-type]
    return [s for (chat, _), s in harness.fake.messages.items() if chat == STAFF_CHAT]


async def test_the_job_sends_the_digest_and_the_first_staff_tap_takes_it(
    harness: Harness, pat: Person, clock: MovableClock, caplog: pytest.LogCaptureFixture
) -> None:
    await enroll(pat)  # Thu Nov 26, 13:00 in New York; no check-in after that
    [client] = await harness.rows(Client)
    assert await digest_job(harness) == []  # nobody flagged today: nothing sent
    clock.now += timedelta(days=2)  # Sat Nov 28, 13:00: two days without a check-in
    with caplog.at_level(logging.INFO):
        [notice] = await digest_job(harness)
        assert notice.text.startswith("Daily flags, Sat Nov 28\n1 client to look at today.")
        assert f"• {client.pseudo_id}: no check-in the last 2 days" in notice.text
        assert await digest_job(harness) == [notice]  # once a day
        empty, row = await harness.rows(FlagDigest)
        assert (empty.clients, row.clients) == (0, 1)  # Thursday looked and found nobody
        assert button_data(notice, "I'm on it") == f"flags:{row.id}"
        # A client's tap with the same data, in their own chat, changes nothing.
        await pat.tap_data(f"flags:{row.id}", pat.shown()[0])
        assert (await harness.rows(FlagDigest, id=row.id))[0].ack_at is None
        dana = Person(harness, u.user(9999, "en", "Dana"))  # in the staff chat: may take it
        await dana.tap_data(button_data(notice, "I'm on it"), notice)
        assert notice.text.endswith("\n\n✅ Dana is on it (Sat Nov 28 1:00 PM EST).")
        assert notice.text.startswith("Daily flags, Sat Nov 28\n")
        assert notice.markup is None  # the button is gone for everyone
        lee = Person(harness, u.user(7001, "en", "Lee"))
        await lee.tap_data(f"flags:{row.id}", notice)  # a stale copy of the keyboard
    [row] = await harness.rows(FlagDigest, id=row.id)
    assert (row.ack_by, row.ack_name) == ("staff:9999", "Dana")
    answers = [c.params.get("text") for c in harness.fake.of("answerCallbackQuery")][-2:]
    assert answers == ["Dana is on it (Sat Nov 28 1:00 PM EST).", "Already taken by Dana."]
    assert [(e.actor, e.subject) for e in await harness.rows(AuditEntry, action="ack")] == [
        ("staff:9999", "all")
    ]
    assert [(e.actor, e.subject) for e in await harness.rows(AuditEntry, action="digest")] == [
        ("bot", client.pseudo_id)
    ]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "flag digest" in logged and "Dana" not in logged
