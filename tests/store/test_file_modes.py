"""What the bot writes to disk is private to its user (issue 11, item 4): the SQLite database
with its -wal and -shm, the terminal's charts, exports and reports. Made for real under the
usual umask 022, which left them world-readable before."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.service.files import UnsafePath, private_folder, write_private
from bot.store.database import Database

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


async def test_the_database_its_wal_and_shm_are_0600_in_a_0700_folder(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path}/data/deeper/bot.db")
    try:
        async with db.transaction() as s:
            await s.execute(text("CREATE TABLE t (x INTEGER)"))
            await s.execute(text("INSERT INTO t VALUES (1)"))
        folder = tmp_path / "data" / "deeper"
        files = sorted(folder.iterdir())
        assert [f.name for f in files] == ["bot.db", "bot.db-shm", "bot.db-wal"]
        assert {f.name: mode(f) for f in files} == dict.fromkeys(
            ["bot.db", "bot.db-shm", "bot.db-wal"], 0o600
        )
        assert mode(folder) == mode(folder.parent) == 0o700
    finally:
        await db.dispose()


async def test_an_existing_database_is_left_as_it_is(tmp_path: Path) -> None:
    existing = tmp_path / "bot.db"
    existing.write_bytes(b"")
    existing.chmod(0o640)  # the operator's choice (a backup group, say)
    db = Database(f"sqlite:///{existing}")
    try:
        assert await db.ping()
        assert mode(existing) == 0o640
    finally:
        await db.dispose()


def test_write_private_makes_0600_and_refuses_a_planted_link(tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "exports" / "2026")
    assert mode(folder) == mode(folder.parent) == 0o700
    target = write_private(folder / "report.csv", b"id,flags\n")
    assert mode(target) == 0o600
    target.chmod(0o644)
    write_private(target, b"again\n")  # replacing a file someone made readable
    assert mode(target) == 0o600 and target.read_bytes() == b"again\n"
    elsewhere = tmp_path / "elsewhere.csv"
    (folder / "planted.csv").symlink_to(elsewhere)
    with pytest.raises(UnsafePath, match="symbolic link"):
        write_private(folder / "planted.csv", b"health information")
    assert not elsewhere.exists()
    with pytest.raises(UnsafePath, match="no folder"):
        write_private(tmp_path / "missing" / "x.csv", b"")


def test_terminal_charts_are_private_per_user_and_never_overwritten(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/chat.db", "ENROLLMENT": "open",
           "TELEGRAM_BOT_TOKEN": "", "PYTHONPATH": str(ROOT)}  # fmt: skip
    # A craving logged first: with nothing to chart, /progress sends the figures alone.
    script = ["/start", "English", "I agree", "Los Angeles", "21:30", "No", "Skip", "Skip",
              "/craving", "5", "None today", "Skip", "/progress"]  # fmt: skip
    saved = []
    for user in ("ana", "ben", "ana"):
        done = subprocess.run(
            [sys.executable, "-m", "bot", "chat", "--user", user],
            input="\n".join(script) + "\n",
            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        saved.append(done.stdout.count("saved to"))
    assert saved[0] >= 1 and saved == [saved[0]] * 3  # the same charts each run
    out = tmp_path / "data" / "out"
    users = sorted(out.iterdir())
    assert len(users) == 2  # one folder per user
    charts = [f for u in users for f in u.iterdir()]
    assert len(charts) == sum(saved)  # three runs: none overwritten
    assert all(mode(u) == 0o700 for u in users) and mode(out) == 0o700
    assert all(mode(c) == 0o600 for c in charts)
