"""Alembic environment: runs migrations through the app's own async engine."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from bot.store.database import Database
from bot.store.models import Base

config = context.config


def _url() -> str:
    """The URL given by `upgrade()` (attributes skip configparser's % interpolation)."""
    url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: call bot.store.database.upgrade(url)")
    return str(url)


# Any fixed number: the PostgreSQL advisory lock that migrations take (see `_run`).
MIGRATION_LOCK = 0x7265636F76657279  # "recovery"


def _run(connection: Connection) -> None:
    """Run the pending revisions on one connection, in one transaction.

    Processes starting together on one database (compose starts the bot and the web view at
    once) each migrate: they take turns, the second waiting for the first to commit and then
    finding nothing to do (without it, it failed on the tables the first was creating). On
    PostgreSQL the transaction first takes an advisory lock. On SQLite every revision runs in
    the one transaction too (Alembic would commit after each, assuming SQLite's DDL is not
    transactional; it is), begun by the Database's BEGIN IMMEDIATE, which holds the write
    lock from the first read of the version to the commit."""
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=sqlite,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


async def _run_online() -> None:
    """Connect with the same engine settings (pragmas, BEGIN IMMEDIATE) the bot uses."""
    db = Database(_url())
    try:
        async with db.engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        await db.dispose()


def _run_offline() -> None:
    """Emit SQL instead of executing it (`alembic upgrade --sql`)."""
    context.configure(url=_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
else:
    asyncio.run(_run_online())
