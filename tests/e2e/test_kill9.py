"""kill -9 in the middle of a check-in: the client continues where they were, nothing is
lost or doubled. Also: redelivered updates, media, groups, blocking, with a real process."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.conftest import BotProcess
from tests.fakeapi import FakeTelegram


@pytest.fixture
def open_bot(fake: FakeTelegram, tmp_path: Path) -> BotProcess:
    bot = BotProcess(fake, tmp_path, ENROLLMENT="open")
    yield bot  # type: ignore[misc]
    bot.stop()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"


def quick_enroll(fake: FakeTelegram, user_id: int) -> None:
    user = fake.user(user_id, first_name="Ben", language_code="en")
    user.send_command("/start")
    user.wait_reply("Which language")
    for label, prompt in [
        ("English", "Before we start"), ("I agree", "time zone"), ("New York", "What time"),
        ("8:00 PM", "medication"), ("No", "someone you can call"), ("Skip ▶", "why does"),
        ("Skip ▶", "What would you like"),
    ]:  # fmt: skip
        user.press(label)
        user.wait_reply(prompt)


def test_kill9_mid_checkin_then_continue(fake: FakeTelegram, open_bot: BotProcess) -> None:
    open_bot.start()
    quick_enroll(fake, 601)
    ben = fake.user(601)
    ben.press("✅ Check in")
    ben.wait_reply("mood")
    ben.press("5")
    ben.wait_reply("craving")
    open_bot.kill9()
    open_bot.start()
    ben.press("8")  # the button on the message sent before the crash
    ben.wait_reply("alcohol or drug")
    for label, prompt in [("No", "sleep"), ("OK", "stressed"), ("2", "set off")]:
        ben.press(label)
        ben.wait_reply(prompt)
    ben.press("None today")
    ben.wait_reply("How sure")
    ben.press("9")
    ben.wait_reply("better off dead")  # craving 8 fires the safety question
    ben.press("No")
    ben.wait_reply("check-in is saved")
    assert open_bot.rows("select mood, craving, sleep, stress, confidence from checkins") == [
        (5, 8, "ok", 2, 9)
    ]


def test_kill9_while_an_answer_is_in_flight(fake: FakeTelegram, open_bot: BotProcess) -> None:
    """The answer may or may not have been handled when the process died: either way it
    counts once, and the client gets to the end with one check-in row."""
    open_bot.start()
    quick_enroll(fake, 602)
    ben = fake.user(602)
    ben.press("✅ Check in")
    mood = ben.wait_reply("mood")
    in_flight = ben.press("6")
    time.sleep(0.05)
    open_bot.kill9()
    open_bot.start()
    try:
        ben.wait_reply("craving", timeout=5)
    except AssertionError:  # handled before the kill, reply lost: tapping again shows the step
        ben.press_on(mood, "6")
        ben.wait_reply("craving")
    for label, prompt in [
        ("3", "alcohol"), ("No", "sleep"), ("Well", "stressed"), ("1", "set off"),
    ]:  # fmt: skip
        ben.press(label)
        ben.wait_reply(prompt)
    ben.press("None today")
    ben.wait_reply("How sure")
    ben.press("7")
    ben.wait_reply("better off dead")  # asked weekly, and this is the first check-in
    ben.press("No")
    ben.wait_reply("saved")
    assert open_bot.rows("select mood, craving, confidence from checkins") == [(6, 3, 7)]
    # The tap is answered as it is fetched, before its inbox record: killed in between (a
    # loaded machine widens it), Telegram sends it again, the next start answers it again and
    # Telegram refuses that (README, inbox). Only that tap's answer may be refused; the
    # fixture asserts nothing else was.
    again = [r for r in fake.refused if r.method == "answerCallbackQuery"
             and r.params.get("callback_query_id") == in_flight]  # fmt: skip
    assert len(again) <= 1
    for refusal in again:
        fake.refused.remove(refusal)


def test_redelivery_media_group_and_block(fake: FakeTelegram, open_bot: BotProcess) -> None:
    open_bot.start()
    quick_enroll(fake, 603)
    cara = fake.user(603)
    cara.press("🌊 Log a craving")
    cara.wait_reply("How strong")
    cara.press("4")
    cara.wait_reply("set it off")
    cara.press("None today")
    cara.wait_reply("What did you do")
    update = fake.user(603)  # same helper; press returns the callback id
    update.press("Nothing yet")
    cara.wait_reply("Try this")
    last_id = max(fake.updates.history)
    fake.redeliver(last_id)
    cara.send_photo()
    cara.wait_reply("only read text")
    assert open_bot.rows("select count(*) from cravings") == [(1,)]
    cara.edit_last_text("edited")
    fake.group_message(-100777, "hello bot", user=cara)
    fake.wait_for(lambda m: m["chat"]["id"] == -100777 and "private" in m["text"])
    fake.block(603)
    deadline = time.monotonic() + 10
    while open_bot.rows("select status from clients") != [("blocked",)]:
        assert time.monotonic() < deadline, open_bot.rows("select status from clients")
        time.sleep(0.05)
