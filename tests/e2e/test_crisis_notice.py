"""The crisis notice acted on, end to end: the real `recovery-bot run` process against the fake
Bot API; a staff member presses "I'm on it" in the staff group and everyone sees who took it;
a notice nobody takes comes back, then goes to each staff id privately."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.e2e.conftest import BotProcess
from tests.e2e.test_kill9 import quick_enroll
from tests.e2e.test_never_lost import CRISIS, eventually
from tests.e2e.test_reminders_e2e import SimClock
from tests.fakeapi import FakeTelegram

STAFF = -1009101


def test_a_crisis_notice_is_taken_by_the_first_staff_member_who_presses(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    fake.add_chat({"id": STAFF, "type": "supergroup", "title": "Staff"})
    bot = BotProcess(fake, tmp_path, ENROLLMENT="open", STAFF_CHAT_ID=str(STAFF))
    try:
        bot.start()
        quick_enroll(fake, 631)
        fake.user(631).send_text(CRISIS)
        eventually(lambda: len(fake.sent(STAFF)) == 1)
        [notice] = fake.sent(STAFF)
        assert str(notice["text"]).startswith("Crisis notice, tier 1")
        [pseudo_id] = [row[0] for row in bot.rows("select pseudo_id from clients")]
        assert f"Client {pseudo_id}." in str(notice["text"])
        dana = fake.user(7101, first_name="Dana")
        lee = fake.user(7102, first_name="Lee")
        first = dana.press_on(notice, "I'm on it")
        eventually(lambda: "Dana is on it" in str(fake.sent(STAFF)[0]["text"]))
        assert "reply_markup" not in fake.sent(STAFF)[0]  # the button is gone for everyone
        # Lee's phone still showed the button: the press reaches the bot after Dana's.
        data = notice["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        second = fake.new_callback_query(lee.info, fake.sent(STAFF)[0], data)
        eventually(lambda: second in fake.answers)
        toasts = [fake.answers[q].get("text") for q in (first, second)]
        assert toasts[1] == "Already taken by Dana." and "Dana is on it" in str(toasts[0])
        assert bot.rows("select ack_by, ack_name from crisis_events") == [("staff:7101", "Dana")]
        assert bot.rows("select actor, action, subject from audit_log where action = 'ack'") == [
            ("staff:7101", "ack", pseudo_id)
        ]
        assert "Dana" not in bot.log() and "end my life" not in bot.log()
    finally:
        bot.stop()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"


def test_a_notice_nobody_takes_comes_back_three_times_then_to_each_staff_id(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    fake.add_chat({"id": STAFF, "type": "supergroup", "title": "Staff"})
    dana, lee = fake.user(7201, first_name="Dana"), fake.user(7202, first_name="Lee")
    clock = SimClock(tmp_path / "clock.txt", datetime.now(UTC))
    bot = BotProcess(
        fake, tmp_path, ENROLLMENT="open", STAFF_CHAT_ID=str(STAFF),
        STAFF_USER_IDS="7201,7202", CLOCK_FILE=str(tmp_path / "clock.txt"),
    )  # fmt: skip
    try:
        bot.start()
        quick_enroll(fake, 641)
        fake.user(641).send_text(CRISIS)
        eventually(lambda: len(fake.sent(STAFF)) == 1)
        for n in (1, 2, 3):  # CRISIS_RENOTIFY_MINUTES: 15 by default; the job looks every 30 s
            clock.jump(timedelta(minutes=16))
            eventually(lambda n=n: len(fake.sent(STAFF)) == 1 + n, timeout=60)  # type: ignore[misc]
            assert str(fake.sent(STAFF)[n]["text"]).startswith(f"Not yet taken (reminder {n}):")
        clock.jump(timedelta(minutes=16))
        eventually(lambda: bool(dana.messages()) and bool(lee.messages()), timeout=60)
        assert str(dana.last_message()["text"]).startswith("Nobody in the staff chat has taken")
        clock.jump(timedelta(minutes=16))
        dana.press("I'm on it")
        eventually(lambda: "Dana is on it" in str(dana.last_message()["text"]))
        assert bot.rows("select ack_by, notices from crisis_events") == [("staff:7201", 4)]
        assert bot.rows("select count(*) from audit_log where action = 'renotify'") == [(4,)]
        assert len(fake.sent(STAFF)) == 4 and len(lee.messages()) == 1  # nothing more
    finally:
        bot.stop()
        clock.close()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"
