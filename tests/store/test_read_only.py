"""A database file that was read-only for a while: no connection SQLite opened read-only
outlives the spell (issue 9).

SQLite opens a file it may not write read-only without a word. While one such connection is
open anywhere in the process, every new connection to that file fails to write too (the WAL's
shared memory stays read-only), even after the file is writable again. These tests make the
fault for real (mode bits under the effective uid of nobody, a real SQLite file) and hold on
to whatever the engine hands out during the spell, as a busy bot's other tasks do."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.database import Database, unwritable
from tests.faults import as_nobody, set_mode


@pytest.fixture
async def folder_db() -> AsyncIterator[tuple[Path, Database]]:
    """A database in a folder of its own under /tmp (pytest's is root's, closed to nobody)."""
    folder = Path(tempfile.mkdtemp(prefix="readonly-"))
    os.chmod(folder, 0o755)  # mkdtemp makes it 0700
    db = Database(f"sqlite:///{folder}/bot.db")
    async with db.engine.begin() as c:
        await c.execute(text("CREATE TABLE notes (n INTEGER)"))
    try:
        yield folder, db
    finally:
        await db.dispose()
        shutil.rmtree(folder, ignore_errors=True)


async def write(db: Database, n: int) -> None:
    async with db.transaction() as s:
        await s.execute(text("INSERT INTO notes VALUES (:n)"), {"n": n})


async def test_a_connection_is_not_handed_out_while_the_file_is_read_only(
    folder_db: tuple[Path, Database],
) -> None:
    folder, db = folder_db
    with as_nobody(folder):
        set_mode(folder, writable=False)
        await db.dispose()  # start from no connection, as after a restart
        assert unwritable(folder / "bot.db") == "bot.db"
        with pytest.raises(OperationalError, match="readonly"):
            await db.engine.connect()
        set_mode(folder, writable=True)
        assert unwritable(folder / "bot.db") is None
        await write(db, 1)


async def test_writes_work_once_the_file_is_writable_whatever_was_opened_meanwhile(
    folder_db: tuple[Path, Database],
) -> None:
    """The bug this guards against: a connection opened during the spell, still open (held by
    another task, left in a disposed pool, or waiting for the garbage collector), kept every
    new connection's writes failing with "attempt to write a readonly database"."""
    folder, db = folder_db
    held: list[AsyncConnection] = []
    with as_nobody(folder):
        set_mode(folder, writable=False)
        await db.dispose()
        for _ in range(3):  # reads and writes as other tasks would try them, kept open
            try:
                c = await db.engine.connect()
            except OperationalError:
                continue
            held.append(c)
            with contextlib.suppress(OperationalError):
                await c.execute(text("SELECT count(*) FROM notes"))
        with pytest.raises(OperationalError):
            await write(db, 1)
        set_mode(folder, writable=True)
        await write(db, 2)  # no restart, no dispose in between, the others still open
        async with db.transaction() as s:
            assert await s.scalar(text("SELECT group_concat(n) FROM notes")) == "2"
    for c in held:
        await c.close()


def test_unwritable_names_what_is_in_the_way() -> None:
    folder = Path(tempfile.mkdtemp(prefix="readonly-"))
    folder.chmod(0o755)
    database = folder / "bot.db"
    try:
        assert unwritable(database) is None  # nothing there yet, the folder writable
        for name in ("bot.db", "bot.db-wal", "bot.db-shm"):
            (folder / name).write_bytes(b"")
        with as_nobody(folder):
            assert unwritable(database) is None
            for name in ("bot.db-shm", "bot.db-wal", "bot.db"):
                (folder / name).chmod(0o444)
                assert unwritable(database) == name
            set_mode(folder, writable=True)
            (folder / "bot.db-wal").unlink()
            folder.chmod(0o555)  # the -wal must be made, in a folder that cannot take it
            assert unwritable(database) == "its folder"
            set_mode(folder, writable=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
