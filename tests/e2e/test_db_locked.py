"""A crisis message while the database is locked, with the bot as a real process: the crisis
reply within 2 s, and the record, the check-back and the staff notice once the lock is gone."""

from __future__ import annotations

import re
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import TOKEN, BotProcess
from tests.e2e.test_journey import SECRET, enroll
from tests.fakeapi import FakeTelegram
from tests.fakeapi.users import FakeUser

STAFF = -4001
CRISIS = "i want to end my life tonight"


@pytest.fixture
def staffed(fake: FakeTelegram, tmp_path: Path) -> Iterator[BotProcess]:
    fake.add_chat({"id": STAFF, "type": "group", "title": "Program staff"})
    process = BotProcess(fake, tmp_path, STAFF_CHAT_ID=str(STAFF))
    yield process
    process.stop()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"
    assert TOKEN not in process.log(), "the bot token leaked into the log"


def enrolled_then_locked(
    fake: FakeTelegram, bot: BotProcess, user_id: int
) -> tuple[FakeUser, sqlite3.Connection]:
    """`user_id` enrolled with an invite in the running bot, then the database's write lock
    held by another connection (as another process would): the person, and that connection
    (roll it back and close it when done)."""
    made = bot.command("invite", "--expires", "72h")
    code = re.search(r"invite code: (\S+)", made.stdout).group(1)  # type: ignore[union-attr]
    bot.start()
    enroll(fake, bot, user_id, code)
    holder = sqlite3.connect(bot.db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    return fake.user(user_id), holder


def test_crisis_while_the_database_is_locked(fake: FakeTelegram, staffed: BotProcess) -> None:
    bot = staffed
    ana, holder = enrolled_then_locked(fake, bot, 501)
    try:
        start = time.monotonic()
        ana.send_text(CRISIS)
        ana.wait_reply("This may be an emergency", timeout=5)
        took = time.monotonic() - start
        print(f"\ncrisis reply with the database locked (real process): {took:.2f} s")
        assert took < 2.0
        assert fake.sent(STAFF) == []  # the event's transaction is still waiting
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    deadline = time.monotonic() + 20
    while not fake.sent(STAFF):
        assert time.monotonic() < deadline, "no staff notice after the lock\n" + bot.log()
        time.sleep(0.1)
    notices = [m["text"] for m in fake.sent(STAFF)]
    assert len(notices) == 1 and "Crisis notice" in notices[0] and "tier 1" in notices[0]
    assert bot.rows("SELECT tier, source FROM crisis_events") == [(1, "text")]
    assert bot.rows("SELECT count(*) FROM reminders WHERE kind = 'checkback'") == [(1,)]
    log = bot.log()
    assert CRISIS not in log and SECRET not in log and "Ana" not in log


def test_a_crash_before_the_crisis_is_written_loses_nothing(
    fake: FakeTelegram, staffed: BotProcess
) -> None:
    """The crisis is answered without the database, and the process is killed before the
    lock is gone: the update could not be written to the inbox either, so it was not
    confirmed to Telegram, which sends it again to the next start; that start writes the
    record and sends the staff notice (the person may get the reply a second time). Once a
    race: killed a moment later, after the next getUpdates had confirmed it, the record was
    lost."""
    bot = staffed
    ana, holder = enrolled_then_locked(fake, bot, 502)
    try:
        ana.send_text(CRISIS)
        ana.wait_reply("This may be an emergency", timeout=10)
        time.sleep(1.5)  # the poll loop fetches again meanwhile: it must not confirm the update
        bot.kill9()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert fake.sent(STAFF) == []
    bot.start()
    deadline = time.monotonic() + 30
    while not fake.sent(STAFF):
        assert time.monotonic() < deadline, "no staff notice after the restart\n" + bot.log()
        time.sleep(0.1)
    notices = [m["text"] for m in fake.sent(STAFF)]
    assert len(notices) == 1 and "tier 1" in notices[0]
    assert bot.rows("SELECT tier, source FROM crisis_events") == [(1, "text")]
    deadline = time.monotonic() + 15
    while bot.rows("SELECT count(*) FROM inbox") != [(0,)]:
        assert time.monotonic() < deadline, "the inbox kept the update"
        time.sleep(0.1)


def test_a_stop_while_the_update_is_held_records_the_crisis_once(
    fake: FakeTelegram, staffed: BotProcess
) -> None:
    """Stopped (SIGINT) while the crisis waits for a locked database: the held record is
    written as the lock goes, and the update, never confirmed to Telegram, comes again to the
    next start, which must not record it a second time (a critic saw two records and two
    staff notices: the held record's transaction did not mark the update handled)."""
    bot = staffed
    ana, holder = enrolled_then_locked(fake, bot, 503)
    try:
        ana.send_text(CRISIS)
        ana.wait_reply("This may be an emergency", timeout=10)
        time.sleep(2.0)
        assert bot.proc is not None
        bot.proc.send_signal(signal.SIGINT)
        # Past the busy timeouts: the event's transaction gives up and its record is held
        # in memory, written when the lock goes (during the stop).
        time.sleep(30.0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    bot.proc.wait(timeout=60)
    bot.start()
    deadline = time.monotonic() + 30
    while not fake.sent(STAFF):
        assert time.monotonic() < deadline, "no staff notice\n" + bot.log()
        time.sleep(0.1)
    time.sleep(5)  # the update sent again is handled meanwhile
    assert bot.rows("SELECT count(*) FROM crisis_events") == [(1,)]
    assert len(fake.sent(STAFF)) == 1

