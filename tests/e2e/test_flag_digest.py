"""The daily flag digest end to end: the real `recovery-bot run` process against the fake Bot
API, on a movable clock. It goes to the staff chat at FLAG_DIGEST_AT in the program's zone and
not before, once that day even across a restart, and a staff member takes it with its "I'm on
it" button for everyone to see."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.e2e.conftest import BotProcess
from tests.e2e.test_kill9 import quick_enroll
from tests.e2e.test_never_lost import eventually
from tests.e2e.test_reminders_e2e import SimClock, stored_time
from tests.fakeapi import FakeTelegram

STAFF = -1009201
NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 12, 1, 10, 0, tzinfo=NEW_YORK)  # Tue Dec 1, 10:00: enrollment
DUE = datetime(2026, 12, 3, 9, 0, tzinfo=NEW_YORK)  # Thu Dec 3, 09:00: two days without a check-in


def test_the_digest_goes_at_its_time_once_and_is_taken_with_the_button(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    fake.add_chat({"id": STAFF, "type": "supergroup", "title": "Staff"})
    clock = SimClock(tmp_path / "clock.txt", START.astimezone(UTC))
    bot = BotProcess(
        fake, tmp_path, ENROLLMENT="open", STAFF_CHAT_ID=str(STAFF),
        CLOCK_FILE=str(tmp_path / "clock.txt"), FLAG_DIGEST_AT="09:00",
    )  # fmt: skip
    try:
        bot.start()
        quick_enroll(fake, 661)
        [[pseudo_id]] = bot.rows("select pseudo_id from clients")
        # Tuesday's digest was looked at (after 09:00) and found nobody: no message.
        eventually(lambda: bot.rows("select clients, messages from flag_digests") == [(0, 0)])
        clock.jump(DUE - timedelta(seconds=20) - clock.now())  # Thursday, 08:59:40
        eventually(lambda: len(fake.sent(STAFF)) == 1, timeout=60)
        [digest] = fake.sent(STAFF)
        text = str(digest["text"])
        assert text.startswith("Daily flags, Thu Dec 03\n1 client to look at today.")
        assert f"• {pseudo_id}: no check-in the last 2 days" in text
        [(digest_id, created, clients)] = bot.rows(
            "select id, created_at, clients from flag_digests where clients > 0"
        )
        made = stored_time(str(created))
        assert made is not None and made >= DUE  # not a second before 09:00 in New York
        assert clients == 1
        data = digest["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        assert data == f"flags:{digest_id}"
        # A restart later that morning: the job runs again (5 s after start), sends nothing.
        bot.stop()
        bot.start()
        time.sleep(8)
        assert len(fake.sent(STAFF)) == 1
        dana = fake.user(7301, first_name="Dana")
        dana.press_on(fake.sent(STAFF)[0], "I'm on it")
        eventually(lambda: "✅ Dana is on it" in str(fake.sent(STAFF)[0]["text"]))
        assert "reply_markup" not in fake.sent(STAFF)[0]  # the button is gone for everyone
        assert str(fake.sent(STAFF)[0]["text"]).startswith(text)
        taken = bot.rows(f"select ack_by, ack_name from flag_digests where id = {digest_id}")
        assert taken == [("staff:7301", "Dana")]
        assert bot.rows("select actor, action, subject from audit_log order by id") == [
            ("bot", "digest", pseudo_id), ("staff:7301", "ack", "all"),
        ]  # fmt: skip
        assert len(fake.sent(STAFF)) == 1
        log = bot.log()
        assert "Dana" not in log and "no check-in" not in log
    finally:
        bot.stop()
        clock.close()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"
