"""/progress through the real PTB Application (issue 11, item 6; issue 13): its figures arrive
first, then the person sees "sending a photo" while the charts that have data are drawn, then
those charts. A new client gets the figures alone; a chart's "Show 30 days" swaps that one
picture in place (editMessageMedia), nothing else is sent again."""

from __future__ import annotations

from datetime import timedelta

from tests.tg.conftest import MovableClock, enroll
from tests.tg.driver import Harness, Person, labels


def _sent(harness: Harness, before: int) -> list[str]:
    calls = harness.fake.calls[before:]
    return [c.method for c in calls if c.method not in ("getUpdates", "answerCallbackQuery")]


async def _check_in(pat: Person) -> None:
    await pat.command("checkin")
    await pat.tap_through("5", "3", "No", "OK", "2", "Done ✓", "8")
    if "No" in labels(pat.keyboard()):  # the weekly safety question
        await pat.tap("No")


async def test_a_new_client_gets_the_figures_alone_with_no_empty_picture(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    before = len(harness.fake.calls)
    await pat.command("progress")
    assert _sent(harness, before) == ["sendMessage"]
    figures = str(harness.fake.calls[-1].params["text"])
    assert figures.startswith("📈 Your progress") and "Day 1 of 90" in figures
    assert "Check-ins done: 0 of 1 day." in figures
    assert "charts will appear here" in figures


async def test_progress_sends_its_words_first_then_shows_a_photo_is_coming(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    await _check_in(pat)
    before = len(harness.fake.calls)
    await pat.command("progress")
    calls = [c for c in harness.fake.calls[before:] if c.method != "getUpdates"]
    # A check-in without triggers: the craving and mood chart, no empty trigger bars.
    assert _sent(harness, before) == ["sendMessage", "sendChatAction", "sendPhoto"]
    figures = str(calls[0].params["text"])
    assert figures.startswith("📈 Your progress") and "Day 1 of 90" in figures
    action = next(c for c in calls if c.method == "sendChatAction")
    assert action.params["action"] == "upload_photo"
    assert str(action.params["chat_id"]) == str(pat.id)
    # Enrolled today: a 30-day window would show the same day, so no button offers it.
    assert not labels(pat.shown()[0])


async def test_show_30_days_swaps_the_one_picture_in_place(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    await enroll(pat)
    await _check_in(pat)
    clock.now += timedelta(days=20)
    await _check_in(pat)
    await pat.command("progress")
    chart = pat.keyboard()
    assert labels(chart) == ["Show 30 days"]
    assert chart.text.startswith("Last 14 days")
    before = len(harness.fake.calls)
    await pat.tap("Show 30 days", on=chart)
    assert _sent(harness, before) == ["sendChatAction", "editMessageMedia"]
    edit = harness.fake.calls[-1]
    assert str(edit.params["message_id"]) == str(chart.message_id)
    swapped = pat.shown()[0]
    assert swapped.message_id == chart.message_id
    # The window starts at enrollment: 21 days, not 30 reaching back before the client began.
    assert swapped.text.startswith("Last 21 days")
    assert labels(swapped) == ["Show 14 days"]
