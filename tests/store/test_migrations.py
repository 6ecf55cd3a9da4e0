"""Alembic: the hand-written revision builds exactly the schema the models describe."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from bot.store.database import Database, alembic_config, upgrade
from bot.store.models import Base

ROOT = Path(__file__).resolve().parents[2]


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
    # Below revisions 0010 and 0011 their tables are simply not there yet: the older
    # revisions' tests look at what they changed, not at that (their own tests check their
    # tables directly).
    absent = (TABLES_0010 | {"notice_messages"}) - tables
    return [e for e in diff if not (e[0] in _ADDS and _table_of(e) in absent)], tables


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


def _start_upgrade(url: str, folder: Path) -> subprocess.Popen[str]:
    """`recovery-bot db upgrade` on `url`, as its own process."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "db", "upgrade"], env=env, cwd=folder,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_processes_starting_at_once_all_migrate(store_url: str, tmp_path: Path) -> None:
    """`docker compose up` starts the bot and the web view together on a new database: each
    migrates at start (and a command run meanwhile). All must come up, none failing on the
    tables another is creating."""
    starts = [_start_upgrade(store_url, tmp_path) for _ in range(4)]
    done = [(p.wait(timeout=120), *p.communicate()) for p in starts]
    outcomes = [(code, out.strip()) for code, out, _ in done]
    assert outcomes == [(0, "database is up to date")] * 4, [err[-600:] for *_, err in done]
    assert asyncio.run(_inspect(store_url))[0] == []


# ---- 0004: days_since_use leaves reminder_prefs for a column of its own ----------------------

CLIENTS_0003 = sa.table(
    "clients",
    *(sa.column(name, sa.String()) for name in ("pseudo_id", "status", "language", "timezone")),
    *(sa.column(name, sa.Integer()) for name in ("id", "tg_user_id", "chat_id")),
    sa.column("checkin_time", sa.String()),
    sa.column("takes_medication", sa.Boolean()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("reminder_prefs", sa.JSON()),
)
PREFS_0003 = {  # client id -> reminder_prefs as 0003 stored them
    1: {"days_since_use": True, "checkin": False},
    2: {"days_since_use": False},
    3: {"session": False},
    4: None,
}


async def _read(url: str, stmt: sa.Executable) -> list[tuple[Any, ...]]:
    database = Database(url)
    try:
        async with database.engine.connect() as connection:
            return [tuple(row) for row in await connection.execute(stmt)]
    finally:
        await database.dispose()


async def _clients(url: str, *columns: str) -> dict[int, tuple[Any, ...]]:
    """Each client's `columns` by id (reminder_prefs read as JSON)."""
    types = {"reminder_prefs": sa.JSON(), "show_days_since_use": sa.Boolean()}
    table = sa.table("clients", sa.column("id"), *(sa.column(c, types[c]) for c in columns))
    return {row[0]: row[1:] for row in await _read(url, sa.select(table))}


async def _seed_0003(url: str) -> None:
    """Clients as revision 0003 stored them, and a consent hanging off the first."""
    await asyncio.to_thread(command.upgrade, alembic_config(url), "0003")
    database = Database(url)
    try:
        async with database.engine.begin() as connection:
            await connection.execute(sa.insert(CLIENTS_0003), [
                {"id": cid, "pseudo_id": f"c-{cid}", "tg_user_id": cid, "chat_id": cid,
                 "status": "active", "language": "en", "timezone": "UTC", "checkin_time": "20:00",
                 "takes_medication": False, "created_at": datetime(2026, 1, 1, tzinfo=UTC),
                 "reminder_prefs": prefs}
                for cid, prefs in PREFS_0003.items()
            ])  # fmt: skip
            await connection.execute(
                text("INSERT INTO consents (client_id, version, accepted_at) "
                     "VALUES (1, 'v1', '2026-01-01 00:00:00+00:00')")
            )  # fmt: skip
    finally:
        await database.dispose()


# The tables revision 0010 adds (the web view's staff, sign-in links and sessions).
TABLES_0010 = {"staff_members", "web_sign_ins", "web_sessions"}
_ADDS = ("add_table", "add_index")


def _table_of(entry: tuple[Any, ...]) -> str:
    """The table an Alembic diff entry is about: ('add_table', Table), ('add_index', Index),
    ('add_column', schema, table name, Column)."""
    if entry[0] == "add_table":
        return str(entry[1].name)
    if entry[0] == "add_index":
        return str(entry[1].table.name)
    return str(entry[2])


# The tables revisions 0007 and 0009 add (the digests, the heartbeats), absent at any earlier
# revision too.
TABLES_0007 = {"flag_digests", "heartbeats"}
# The columns and index revision 0006 adds, absent at any earlier revision too.
COLUMNS_0006 = {
    "pseudo_id", "label", "counselor", "ack_by", "ack_name", "ack_at", "notices", "noticed_at",
}  # fmt: skip


def _of_0006(entry: tuple[Any, ...]) -> bool:
    if entry[0] == "add_index":
        return str(entry[1].name) == "ix_invites_pseudo_id"
    return entry[0] == "add_column" and str(entry[3].name) in COLUMNS_0006


# What revision 0008 adds: three columns and the session_skips table (with its index).
COLUMNS_0008 = {"discharged_at", "revoked_at", "updated_at"}


def _of_0008(entry: tuple[Any, ...]) -> bool:
    if entry[0] in ("add_table", "add_index"):
        return _table_of(entry) == "session_skips"
    return entry[0] == "add_column" and str(entry[3].name) in COLUMNS_0008


async def test_0004_moves_days_since_use_into_its_column_and_back(store_url: str) -> None:
    await _seed_0003(store_url)
    upgrade(store_url)
    assert await _clients(store_url, "reminder_prefs", "show_days_since_use") == {
        1: ({"checkin": False}, True),
        2: ({}, False),
        3: ({"session": False}, False),
        4: (None, False),
    }
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0003")
    assert await _clients(store_url, "reminder_prefs") == {
        1: ({"checkin": False, "days_since_use": True},),
        2: ({},),  # an explicit false reads the same as no key: off
        3: ({"session": False},),
        4: (None,),
    }
    diff, _ = await _inspect(store_url)
    later = {"inbox", "outbox", *TABLES_0007}  # tables of later revisions, absent at 0003 too
    on_clients = [
        e for e in diff if _table_of(e) not in later and not _of_0006(e) and not _of_0008(e)
    ]
    assert [entry[0] for entry in on_clients] == ["add_column"]  # the column is gone again
    # Dropping the column did not rebuild the clients table (which would cascade-delete).
    assert await _read(store_url, text("SELECT client_id FROM consents")) == [(1,)]


async def test_downgrading_below_0002_keeps_every_clients_rows(store_url: str) -> None:
    """0002's downgrade drops columns of clients and cravings. On SQLite a batch table rebuild
    with foreign keys on would cascade-delete every row hanging off a client: it must not."""
    await _seed_0003(store_url)
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0001")
    assert await _read(store_url, text("SELECT client_id FROM consents")) == [(1,)]
    assert len(await _read(store_url, text("SELECT id FROM clients"))) == len(PREFS_0003)
    await asyncio.to_thread(upgrade, store_url)
    diff, _ = await _inspect(store_url)
    assert diff == []


# ---- 0006: who a client is, and who followed up a crisis notice --------------------------------


async def test_0006_adds_columns_keeping_every_row_and_drops_them_again(store_url: str) -> None:
    await _seed_0003(store_url)
    await asyncio.to_thread(command.upgrade, alembic_config(store_url), "0005")
    await _write(
        store_url,
        "INSERT INTO crisis_events (client_id, created_at, tier, source, "
        "shown) VALUES (1, '2026-01-01 00:00:00+00:00', 1, 'text', 'crisis')",
    )
    upgrade(store_url)
    assert await _read(store_url, text("SELECT label, counselor FROM clients WHERE id = 1")) == [
        (None, None)
    ]
    assert await _read(store_url, text("SELECT notices, ack_by FROM crisis_events")) == [(0, None)]
    assert (await _inspect(store_url))[0] == []
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0005")
    diff, _ = await _inspect(store_url)
    diff = [entry for entry in diff if _table_of(entry) not in TABLES_0007]
    assert any(_of_0006(entry) for entry in diff)
    assert all(_of_0006(entry) or _of_0008(entry) for entry in diff)
    # Dropping the columns did not rebuild clients (which would cascade-delete).
    assert await _read(store_url, text("SELECT client_id FROM consents")) == [(1,)]
    assert await _read(store_url, text("SELECT client_id FROM crisis_events")) == [(1,)]


async def _write(url: str, statement: str) -> None:
    database = Database(url)
    try:
        async with database.engine.begin() as connection:
            await connection.execute(text(statement))
    finally:
        await database.dispose()


# ---- 0007: the daily flag digest --------------------------------------------------------------


async def test_0007_adds_the_digest_table_and_drops_it_again(store_url: str) -> None:
    upgrade(store_url)
    await _write(
        store_url,
        "INSERT INTO flag_digests (day, created_at, clients, messages) "
        "VALUES ('2026-12-01', '2026-12-01 14:00:00+00:00', 2, 1)",
    )
    # The day is the idempotency key: a second digest for it cannot be written.
    with pytest.raises(sa.exc.IntegrityError):
        await _write(
            store_url,
            "INSERT INTO flag_digests (day, created_at, clients, messages) "
            "VALUES ('2026-12-01', '2026-12-01 15:00:00+00:00', 1, 1)",
        )
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0006")
    diff, tables = await _inspect(store_url)
    # the later revisions went too
    diff = [e for e in diff if not _of_0008(e) and _table_of(e) != "heartbeats"]
    assert [(entry[0], _table_of(entry)) for entry in diff] == [("add_table", "flag_digests")]
    assert "flag_digests" not in tables


# ---- 0008: discharge, revoked invites, changed and skipped sessions ---------------------------


async def test_0008_adds_columns_and_a_table_keeping_every_row_and_drops_them(
    store_url: str,
) -> None:
    await _seed_0003(store_url)
    await asyncio.to_thread(command.upgrade, alembic_config(store_url), "0007")
    upgrade(store_url)
    assert await _read(store_url, text("SELECT discharged_at FROM clients WHERE id = 1")) == [
        (None,)
    ]
    assert (await _inspect(store_url))[0] == []
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0007")
    diff, tables = await _inspect(store_url)
    assert "session_skips" not in tables
    diff = [e for e in diff if _table_of(e) != "heartbeats"]  # 0009 went too
    assert {_table_of(e) for e in diff} == {"clients", "invites", "sessions", "session_skips"}
    assert all(_of_0008(entry) for entry in diff)
    # Dropping the columns did not rebuild clients (which would cascade-delete).
    assert await _read(store_url, text("SELECT client_id FROM consents")) == [(1,)]
    assert len(await _read(store_url, text("SELECT id FROM clients"))) == len(PREFS_0003)


# ---- 0009: heartbeats ---------------------------------------------------------------------


async def test_0009_adds_the_heartbeats_and_drops_them_again(store_url: str) -> None:
    upgrade(store_url)
    await _write(store_url, "INSERT INTO heartbeats (name, at) VALUES "
                            "('poller', '2026-12-01 14:00:00+00:00')")  # fmt: skip
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0008")
    diff, tables = await _inspect(store_url)
    assert [(entry[0], _table_of(entry)) for entry in diff] == [("add_table", "heartbeats")]
    assert "heartbeats" not in tables


# ---- 0010: the staff web view ----------------------------------------------------------------


async def test_0010_adds_the_web_tables_and_drops_them_again(store_url: str) -> None:
    upgrade(store_url)
    await _write(store_url, "INSERT INTO staff_members (tg_user_id, name, role, created_at) "
                            "VALUES (7101, 'Dana', 'admin', '2026-12-01 14:00:00Z')")  # fmt: skip
    await _write(store_url, "INSERT INTO web_sessions (token_hash, staff_id, csrf, created_at, "
                            "seen_at) VALUES ('h', 7101, 'c', '2026-12-01 14:00:00+00:00', "
                            "'2026-12-01 14:00:00+00:00')")  # fmt: skip
    # A session names a staff member who exists.
    with pytest.raises(sa.exc.IntegrityError):
        await _write(store_url, "INSERT INTO web_sign_ins (token_hash, staff_id, created_at, "
                                "expires_at) VALUES ('x', 1, '2026-12-01 14:00:00+00:00', "
                                "'2026-12-01 14:05:00+00:00')")  # fmt: skip
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0009")
    _, tables = await _inspect(store_url)
    assert tables & TABLES_0010 == set()
    await asyncio.to_thread(upgrade, store_url)
    assert (await _inspect(store_url))[0] == []


# ---- 0011: where crisis notices were delivered --------------------------------------------


async def test_0011_adds_notice_messages_and_drops_them_again(store_url: str) -> None:
    upgrade(store_url)
    # A notice message names a crisis event that exists.
    with pytest.raises(sa.exc.IntegrityError):
        await _write(store_url, "INSERT INTO notice_messages (event_id, chat_id, "
                                "message_id, sent_at) VALUES (1, -4001, 7, "
                                "'2026-12-01 14:00:00+00:00')")  # fmt: skip
    await asyncio.to_thread(command.downgrade, alembic_config(store_url), "0010")
    _, tables = await _inspect(store_url)
    assert "notice_messages" not in tables
    await asyncio.to_thread(upgrade, store_url)
    assert (await _inspect(store_url))[0] == []

