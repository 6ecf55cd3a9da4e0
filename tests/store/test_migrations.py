"""Alembic: the hand-written revision builds exactly the schema the models describe."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from bot.store.database import Database, alembic_config, upgrade
from bot.store.models import Base


def _compare(connection: Connection) -> list[Any]:
    return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def _inspect(url: str, *, drop_index: str | None = None) -> tuple[list[Any], set[str]]:
    """Differences from the models, and the table names, of the database at `url`."""
    database = Database(url)
    try:
        async with database.engine.begin() as connection:
            if drop_index:
                await connection.execute(text(f"DROP INDEX {drop_index}"))
            diff = await connection.run_sync(_compare)
            tables = await connection.run_sync(_tables)
    finally:
        await database.dispose()
    return diff, tables


async def test_migrated_schema_matches_the_models(store_url: str) -> None:
    upgrade(store_url)
    diff, tables = await _inspect(store_url)
    assert diff == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


async def test_the_comparison_does_notice_drift(store_url: str) -> None:
    """Control: an empty diff above means something, since a missing index shows up."""
    upgrade(store_url)
    diff, _ = await _inspect(store_url, drop_index="ix_cravings_client_id")
    assert [entry[0] for entry in diff] == ["add_index"]


async def test_downgrade_drops_the_whole_schema(store_url: str) -> None:
    upgrade(store_url)
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "base")
    _, tables = await _inspect(store_url)
    assert tables == {"alembic_version"}


def _sqlite_version(path: str) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_upgrade_from_plain_sync_code_is_repeatable(db_url: str, tmp_path: Path) -> None:
    upgrade(db_url)
    upgrade(db_url)  # already at head: nothing to do, no error
    heads = ScriptDirectory.from_config(alembic_config(db_url)).get_heads()
    assert [_sqlite_version(str(tmp_path / "test.db"))] == heads


async def test_upgrade_inside_a_running_loop(db_url: str) -> None:
    asyncio.get_running_loop()  # the point: a loop is running in this thread
    upgrade(db_url)
    diff, _ = await _inspect(db_url)
    assert diff == []
