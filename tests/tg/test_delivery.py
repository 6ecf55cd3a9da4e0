"""Redelivered updates, taps on older messages and double taps change nothing twice."""

from __future__ import annotations

from bot.locales import t
from bot.store.models import CheckIn, Conversation, ProcessedUpdate
from tests.tg import updates as u
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person, button_data


async def to_safety(pat: Person) -> None:
    await enroll(pat)
    await pat.tap("✅ Check in")
    await pat.tap_through("7", "2", "No", "Well", "3", "None today", "8")
    assert pat.keyboard().text == t("en", "ci.safety")


async def test_redelivered_message_is_processed_once(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    update = u.command(harness.next_id(), pat.user, "checkin")
    await harness.deliver(update)
    calls = len(harness.fake.calls)
    assert harness.fake.texts()[-1].startswith(t("en", "ci.mood"))
    await harness.deliver(update)
    assert len(harness.fake.calls) == calls  # nothing sent, nothing answered
    assert await harness.count(ProcessedUpdate, update_id=update["update_id"]) == 1
    [conv] = await harness.rows(Conversation)
    assert conv.state == "ci_mood"


async def test_redelivered_tap_saves_one_checkin(harness: Harness, pat: Person) -> None:
    await to_safety(pat)
    update = await pat.tap("No")
    assert await harness.count(CheckIn) == 1
    sent = len(harness.fake.of("sendMessage"))
    await harness.deliver(update)
    assert len(harness.fake.of("sendMessage")) == sent
    assert await harness.count(CheckIn) == 1
    assert harness.fake.of("editMessageText") == []


async def test_tap_on_an_older_message_shows_the_current_step(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    await pat.tap("✅ Check in")
    mood = pat.keyboard()
    await pat.tap("7")
    craving = pat.keyboard()
    assert craving.text.startswith(t("en", "ci.craving"))
    sent = len(harness.fake.texts())
    await pat.tap("5", on=mood)
    new = harness.fake.texts()[sent:]
    assert new == [t("en", "step.expired"), craving.text]
    [conv] = await harness.rows(Conversation)
    assert conv.state == "ci_craving" and conv.draft["a"] == {"mood": 7}
    assert len(harness.fake.answered) == len(pat.query_ids)


async def test_double_tap_on_the_last_button_saves_once(harness: Harness, pat: Person) -> None:
    await to_safety(pat)
    safety = pat.keyboard()
    data = button_data(safety, "No")
    await pat.tap_data(data, safety)
    sent = len(harness.fake.texts())
    await pat.tap_data(data, safety)
    [row] = await harness.rows(CheckIn)
    assert row.safety == "no"
    new = harness.fake.texts()[sent:]
    assert new[0] == t("en", "step.expired") and t("en", "ci.saved") not in new
    assert harness.fake.answered == pat.query_ids
