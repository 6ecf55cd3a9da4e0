"""Opening the database for one run of a door: a command, the terminal chat, or the bot.

Every CLI command goes through `open_backend`, so each opens and closes the database the same
way, migrated first; the doors never import the store themselves."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.config import Settings
from bot.service.clock import Clock, make_clock
from bot.service.conversation import Service
from bot.service.staff import StaffDesk, cli_actor
from bot.store.database import Database, upgrade


@dataclass(frozen=True)
class Backend:
    """The use cases over one open database."""

    db: Database
    settings: Settings
    clock: Clock

    @property
    def conversation(self) -> Service:
        return Service(self.db, self.settings, self.clock)

    def staff(self, actor: str | None = None) -> StaffDesk:
        """The staff desk, audited as `actor`; by default the person at the command line,
        "cli:<operating-system user>" (`cli_actor()`; give `cli_actor(NAME)` for `--as`)."""
        return StaffDesk(self.db, self.settings, self.clock, actor=actor or cli_actor())


def upgrade_database(settings: Settings) -> None:
    """Apply every migration not yet applied (Alembic); safe to run again."""
    upgrade(settings.database_url)


def connect(settings: Settings, clock: Clock | None = None) -> Backend:
    """A backend for a long run (the bot); the caller disposes of `db` when done."""
    return Backend(Database(settings.database_url), settings, clock or make_clock(settings))


@asynccontextmanager
async def open_backend(settings: Settings, *, migrate: bool = True) -> AsyncIterator[Backend]:
    """The database migrated (by default) and opened for one command, closed after it."""
    if migrate:
        await asyncio.to_thread(upgrade_database, settings)
    backend = connect(settings)
    try:
        yield backend
    finally:
        await backend.db.dispose()
