"""The engine: URL mapping, SQLite pragmas and locking, transactions, ping."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.store import repo
from bot.store.database import Database, async_url
from bot.store.models import Client

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///data/bot.db", "sqlite+aiosqlite:///data/bot.db"),
        ("sqlite:////abs/bot.db", "sqlite+aiosqlite:////abs/bot.db"),
        ("sqlite+aiosqlite:///data/bot.db", "sqlite+aiosqlite:///data/bot.db"),
        ("postgresql://u:p@h:5432/db", "postgresql+asyncpg://u:p@h:5432/db"),
        ("postgres://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ],
)
def test_async_url_maps_to_async_drivers(given: str, expected: str) -> None:
    assert async_url(given) == expected


@pytest.mark.parametrize(
    "given", ["mysql://u:secret@h/db", "postgresql+psycopg2://u@h/db", "bot.db", ""]
)
def test_async_url_refuses_other_urls(given: str) -> None:
    with pytest.raises(ValueError, match="URL") as caught:
        async_url(given)
    assert "secret" not in str(caught.value)


async def test_database_creates_the_sqlite_folder(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path}/nested/deeper/bot.db")
    try:
        assert (tmp_path / "nested" / "deeper").is_dir()
        assert database.dialect == "sqlite"
        assert await database.ping()
    finally:
        await database.dispose()


async def test_ping_is_false_when_nothing_listens() -> None:
    # Port 1 on loopback: refused at once, no network involved.
    database = Database("postgresql://postgres@127.0.0.1:1/none")
    try:
        assert database.dialect == "postgresql"
        assert not await database.ping()
    finally:
        await database.dispose()


async def test_sqlite_pragmas_are_on(db: Database) -> None:
    async with db.transaction() as s:
        values = {
            name: (await s.execute(text(f"PRAGMA {name}"))).scalar_one()
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        }
    # synchronous: 2 is FULL.
    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 10000,
        "foreign_keys": 1,
    }


async def test_transaction_commits_on_success(store_db: Database) -> None:
    async with store_db.transaction() as s:
        await repo.create_client(
            s, tg_user_id=1, chat_id=1, now=NOW, language="en", timezone="UTC"
        )
    async with store_db.transaction() as s:
        assert await repo.get_client_by_tg(s, 1) is not None


async def test_transaction_rolls_back_on_exception(store_db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        async with store_db.transaction() as s:
            await repo.create_client(
                s, tg_user_id=1, chat_id=1, now=NOW, language="en", timezone="UTC"
            )
            await repo.mark_update(s, 7, NOW)
            raise RuntimeError("boom")
    async with store_db.transaction() as s:
        assert await s.scalar(select(func.count()).select_from(Client)) == 0
        assert await repo.mark_update(s, 7, NOW)  # the id was not kept either


def _try_write_lock(path: str) -> bool:
    """Whether another connection could take the write lock right now, without waiting."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return False
    finally:
        other.close()


async def test_every_transaction_takes_the_write_lock_up_front(
    db: Database, tmp_path: Path
) -> None:
    path = str(tmp_path / "test.db")
    async with db.transaction() as s:
        await s.execute(select(func.count()).select_from(Client))  # a read, nothing written
        assert not _try_write_lock(path)
    assert _try_write_lock(path)


async def _start_counter(database: Database) -> int:
    """A client whose conversation draft holds a counter at 0."""
    async with database.transaction() as s:
        client = await repo.create_client(
            s, tg_user_id=1, chat_id=1, now=NOW, language="en", timezone="UTC"
        )
        await repo.save_conversation(s, client.id, "idle", {"n": 0}, NOW)
    return client.id


async def _counter(database: Database, client_id: int) -> int:
    async with database.transaction() as s:
        loaded = await repo.load_conversation(s, client_id)
    assert loaded is not None
    return int(loaded[1]["n"])


async def _increment(database: Database, client_id: int) -> None:
    """Read the counter, let every other task run, then write it back plus one."""
    async with database.transaction() as s:
        loaded = await repo.load_conversation(s, client_id)
        assert loaded is not None
        state, draft = loaded
        await asyncio.sleep(0)  # a yield, not a wait: the other writers get their turn here
        draft["n"] += 1
        await repo.save_conversation(s, client_id, state, draft, NOW)


async def test_concurrent_writers_on_one_file_lose_no_update(db: Database, db_url: str) -> None:
    # Two engines on the same file stand in for two processes; 20 tasks share them.
    other = Database(db_url)
    try:
        client_id = await _start_counter(db)
        await asyncio.gather(*(_increment((db, other)[i % 2], client_id) for i in range(20)))
        assert await _counter(db, client_id) == 20
    finally:
        await other.dispose()


def _deferred_sessions(url: str) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession]]:
    """An engine like Database's but with SQLite's default deferred BEGIN (the control)."""
    engine = create_async_engine(async_url(url), connect_args={"timeout": 0})

    def no_driver_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    def deferred(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    event.listen(engine.sync_engine, "connect", no_driver_begin)
    event.listen(engine.sync_engine, "begin", deferred)
    return engine, async_sessionmaker(engine, expire_on_commit=False)


async def test_deferred_begin_is_what_breaks_read_modify_write(db: Database, db_url: str) -> None:
    """Control: the same two interleaved read-modify-writes, with a plain BEGIN, conflict."""
    client_id = await _start_counter(db)
    engine, sessions = _deferred_sessions(db_url)
    try:
        async with sessions() as first, sessions() as second:
            loaded_first = await repo.load_conversation(first, client_id)
            loaded_second = await repo.load_conversation(second, client_id)
            assert loaded_first is not None and loaded_second is not None
            await repo.save_conversation(first, client_id, "idle", {"n": 1}, NOW)
            await first.commit()
            # Both read 0; the second cannot upgrade its stale snapshot to a write.
            with pytest.raises(OperationalError, match="locked"):
                await repo.save_conversation(second, client_id, "idle", {"n": 1}, NOW)
    finally:
        await engine.dispose()
    assert await _counter(db, client_id) == 1
