"""A daily check-in and a craving log, tapped through the real Application."""

from __future__ import annotations

from bot.locales import t
from bot.store.models import CheckIn, Client, Craving
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person, labels
from tests.tg.fakerequest import NOT_MODIFIED

CI_PROMPTS = ("ci.mood", "ci.craving", "ci.use", "ci.sleep", "ci.stress", "ci.triggers",
              "ci.confidence", "ci.safety")  # fmt: skip


async def to_triggers(pat: Person) -> None:
    """Enroll, start a check-in, and answer up to the trigger picker."""
    await enroll(pat)
    await pat.tap("✅ Check in")
    await pat.tap_through("7", "2", "No", "Well", "3")
    assert pat.keyboard().text.startswith(t("en", "ci.triggers"))


async def test_checkin_then_craving_are_saved(harness: Harness, pat: Person) -> None:
    await to_triggers(pat)
    await pat.tap_through("Feelings", "stressed", "◀ Groups", "Done ✓", "8", "No")
    [row] = await harness.rows(CheckIn)
    assert (row.mood, row.craving, row.substance_use, row.sleep, row.stress) == (
        7, 2, "no", "well", 3,
    )  # fmt: skip
    assert (row.triggers, row.medication, row.confidence, row.safety) == (
        ["stressed"], None, 8, "no",
    )  # fmt: skip
    assert str(row.local_date) == "2026-11-26"
    sends = harness.fake.of("sendMessage")
    heads = tuple(t("en", key) for key in CI_PROMPTS)
    prompts = [c for c in sends if c.params["text"].startswith(heads)]
    assert len(prompts) == len(CI_PROMPTS)  # one message per step; the picker was edited
    assert all(c.params.get("protect_content") is True for c in prompts)
    saved = [c for c in sends if c.params["text"] == t("en", "ci.saved")]
    assert len(saved) == 1 and saved[0].params["protect_content"] is True

    await pat.tap_through("🌊 Log a craving", "6", "None today", "Nothing yet")
    [craving] = await harness.rows(Craving)
    assert (craving.intensity, craving.triggers, craving.action) == (6, [], "nothing")
    assert craving.coping_offered is not None
    [client] = await harness.rows(Client)
    assert craving.client_id == client.id == row.client_id
    assert sorted(harness.fake.answered) == sorted(pat.query_ids)
    assert len(harness.fake.answered) == len(set(harness.fake.answered))


async def test_mood_prompt_is_protected(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.tap("✅ Check in")
    mood = pat.keyboard()
    assert mood.text.startswith(t("en", "ci.mood")) and mood.protect
    assert labels(mood)[:11] == [str(n) for n in range(11)]


async def test_trigger_picker_edits_in_place(harness: Harness, pat: Person) -> None:
    await to_triggers(pat)
    picker = pat.keyboard()
    sent = len(harness.fake.of("sendMessage"))
    await pat.tap_through("Feelings", "stressed", "lonely", "◀ Groups")
    assert len(harness.fake.of("sendMessage")) == sent
    edits = harness.fake.of("editMessageText")
    assert len(edits) == 4
    assert {c.params["message_id"] for c in edits} == {picker.message_id}
    assert {c.params["chat_id"] for c in edits} == {pat.id}
    now = pat.keyboard()
    assert now.message_id == picker.message_id
    assert t("en", "tr.selected", items="stressed and lonely") in now.text
    assert "Feelings (2)" in labels(now)
    assert len(harness.fake.answered) == len(pat.query_ids)


async def test_edit_refused_sends_the_picker_anew(harness: Harness, pat: Person) -> None:
    await to_triggers(pat)
    picker = pat.keyboard()
    harness.fake.fail_next("editMessageText", 400, NOT_MODIFIED)
    await pat.tap("Feelings")
    redrawn = pat.keyboard()
    assert redrawn.message_id != picker.message_id
    assert "stressed" in labels(redrawn) and redrawn.protect
    assert harness.handler_errors == []
