"""/progress through the real PTB Application (issue 11, item 6): its figures arrive first, then
the person sees "sending a photo" while the two charts are drawn, then the charts."""

from __future__ import annotations

from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person


async def test_progress_sends_its_words_first_then_shows_a_photo_is_coming(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    before = len(harness.fake.calls)
    await pat.command("progress")
    calls = [c for c in harness.fake.calls[before:] if c.method != "getUpdates"]
    sent = [c.method for c in calls if c.method != "answerCallbackQuery"]
    assert sent == ["sendMessage", "sendChatAction", "sendPhoto", "sendPhoto"], sent
    figures = str(calls[0].params["text"])
    assert figures.startswith("📈 Your progress") and "Day 1 of 90" in figures
    action = next(c for c in calls if c.method == "sendChatAction")
    assert action.params["action"] == "upload_photo"
    assert str(action.params["chat_id"]) == str(pat.id)
