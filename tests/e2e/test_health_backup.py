"""Operations (issue 11, items 4 and 5): `recovery-bot health` as the container's HEALTHCHECK
runs it, beside the real bot process, and `recovery-bot db backup` of a live SQLite database
that the bot goes on writing."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.e2e.conftest import BotProcess
from tests.e2e.test_kill9 import quick_enroll
from tests.e2e.test_never_lost import eventually
from tests.e2e.test_reminders_e2e import SimClock
from tests.fakeapi import FakeTelegram


def command(bot: BotProcess, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], env=bot.env, cwd=bot.cwd,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_health_follows_the_running_bot(fake: FakeTelegram, tmp_path: Path) -> None:
    clock = SimClock(tmp_path / "clock.txt", datetime.now(UTC))
    bot = BotProcess(fake, tmp_path, CLOCK_FILE=str(tmp_path / "clock.txt"))
    try:
        before = command(bot, "health")  # no database yet: unhealthy, and nothing is made
        assert before.returncode == 1 and "no file at" in before.stdout
        assert not bot.db_path.exists()
        bot.start()
        eventually(lambda: command(bot, "health").returncode == 0, 30.0)
        healthy = command(bot, "health").stdout.splitlines()
        assert healthy[0] == "healthy" and healthy[1] == "database: answering"
        assert healthy[2].startswith("poller: seen") and healthy[3].startswith("dispatcher: seen")
        bot.kill9()
        clock.jump(timedelta(minutes=4))  # the container's clock goes on; nobody beats
        dead = command(bot, "health")
        assert dead.returncode == 1 and dead.stdout.startswith("unhealthy")
        assert "poller: last seen" in dead.stdout and "more than 180 s" in dead.stdout
    finally:
        bot.stop()
        clock.close()


def test_a_backup_of_the_live_database_is_whole_and_private(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    bot = BotProcess(fake, tmp_path, ENROLLMENT="open")
    (tmp_path / "backups").mkdir()
    try:
        bot.start()
        for user in range(641, 645):
            quick_enroll(fake, user)
        writer = fake.user(641)
        for _ in range(5):  # the bot keeps writing while the copy is made
            writer.send_command("/help")
        done = command(bot, "db", "backup", "backups/monday.db")
        assert done.returncode == 0, done.stderr
        assert "integrity check: ok" in done.stdout
        copy = tmp_path / "backups" / "monday.db"
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        with sqlite3.connect(copy) as conn:
            assert conn.execute("select count(*) from clients").fetchone() == (4,)
            assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert not (tmp_path / "backups" / "monday.db-wal").exists()  # one file
        again = command(bot, "db", "backup", "backups/monday.db")
        assert again.returncode == 2 and "never overwrites" in again.stderr
    finally:
        bot.stop()
