"""Store fixtures: a migrated SQLite file per test, and a throwaway PostgreSQL database."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import pytest
from sqlalchemy.engine import URL, make_url

from bot.store.database import Database, async_url, upgrade

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A SQLite file of this test's own."""
    return f"sqlite:///{tmp_path}/test.db"


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    """A migrated SQLite database, disposed after the test."""
    upgrade(db_url)
    database = Database(db_url)
    yield database
    await database.dispose()


def _server_url() -> tuple[URL, bool]:
    """The admin URL of the test server (asyncpg spelling) and whether it was configured."""
    configured = os.environ.get("TEST_POSTGRES_URL")
    url = make_url(async_url(configured or DEFAULT_PG_URL)).set(drivername="postgresql")
    return url, configured is not None


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database for this test, dropped afterwards."""
    server, configured = _server_url()
    where = f"{server.host}:{server.port or 5432}"  # never the password
    try:
        admin = await asyncpg.connect(server.render_as_string(hide_password=False), timeout=2)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        if configured:  # asked for by name: a broken setup must not pass as a skip
            pytest.fail(f"TEST_POSTGRES_URL is set but {where} is not reachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {where}; store tests ran on SQLite only")
    # A database per test, not a schema: nothing (sequences, types, alembic_version) leaks.
    name = f"t_{secrets.token_hex(6)}"
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield server.set(database=name).render_as_string(hide_password=False)
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """An empty database URL on each backend in turn."""
    return str(request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
async def store_db(store_url: str) -> AsyncIterator[Database]:
    """A migrated database on each backend in turn, disposed after the test."""
    upgrade(store_url)
    database = Database(store_url)
    yield database
    await database.dispose()
