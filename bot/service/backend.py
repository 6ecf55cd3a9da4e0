"""Opening the database for one run of a door: a command, the terminal chat, or the bot.

Every CLI command goes through `open_backend`, so each opens and closes the database the same
way, migrated first; the doors never import the store themselves."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings
from bot.service.clock import Clock, make_clock
from bot.service.conversation import Service
from bot.service.screener import use_table_file
from bot.service.staff import StaffDesk, cli_actor
from bot.store.database import Database, backup_sqlite, sqlite_path, upgrade


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
    """A backend for a long run (the bot); the caller disposes of `db` when done. The crisis
    screener's encoder reads its table from a file in the cache folder (`screener`); set
    before the conversation service loads it."""
    use_table_file()
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


# What a database error's text says, and the fix: matched on the lower-cased message.
_DB_CAUSES = (
    ("file is not a database", "is not a SQLite database (damaged, or another kind of file)",
     "restore it from a backup, or set DATABASE_URL to another file"),
    ("database disk image is malformed", "is damaged (some of its pages are corrupt)",
     "stop every process using it and restore it from a backup (see the README, Backups)"),
    ("unable to open database file", "cannot be opened (a missing or unwritable folder)",
     "check the path and its permissions in DATABASE_URL"),
    ("readonly database", "cannot be written (read-only file or file system)",
     "give the bot's user write access to the file, its -wal and -shm and its folder"),
    ("disk i/o error", "cannot be read or written (a disk error)", "check the disk"),
    ("database or disk is full", "cannot be written: the disk is full", "free some space"),
    ("does not exist", "names a database or user that does not exist",
     "create it (createdb) or fix DATABASE_URL"),
    ("password authentication failed", "was refused: wrong password",
     "fix the password in DATABASE_URL"),
    ("no pg_hba.conf entry", "was refused by the server's pg_hba.conf",
     "allow this host and user there, or fix DATABASE_URL"),
    ("connect call failed", "cannot be reached (nothing answers there)",
     "start PostgreSQL, or fix the host and port in DATABASE_URL"),
    ("connection refused", "cannot be reached (nothing answers there)",
     "start PostgreSQL, or fix the host and port in DATABASE_URL"),
    ("name or service not known", "names a host that cannot be found",
     "fix the host in DATABASE_URL"),
    ("timeout", "did not answer in time", "check that the server is up and reachable"),
)  # fmt: skip


def database_failure(exc: BaseException, settings: Settings) -> str | None:
    """One line naming the cause and the fix when `exc` is the database failing at start
    (a damaged SQLite file, PostgreSQL down, a wrong password...), or None if it is not.
    The URL is shown without its password."""
    module = type(exc).__module__.split(".")[0]
    if not isinstance(exc, SQLAlchemyError | OSError) and module not in ("asyncpg", "sqlite3"):
        return None
    text = f"{exc} {getattr(exc, 'orig', '') or ''}".lower()
    url = make_url(settings.database_url)
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(True)
    for needle, cause, fix in _DB_CAUSES:
        if needle in text:
            return f"database {where} {cause}: {fix}"
    if isinstance(exc, SQLAlchemyError):
        return f"database {where} failed ({type(exc).__name__}): check DATABASE_URL and the server"
    return None


class BackupError(Exception):
    """A backup that cannot be made; the message is one line naming the cause and the fix."""


def backup_database(settings: Settings, target: Path) -> str:
    """Copy the SQLite database to `target` (a new file, 0600) while the bot may run; the
    line to print. Raises BackupError for PostgreSQL (pg_dump is the tool), a target that
    exists, is a link or has no folder, a database file that is not there."""
    source = sqlite_path(settings.database_url)
    if source is None:
        raise BackupError(
            "DATABASE_URL is not a SQLite file: back PostgreSQL up with pg_dump (see the "
            "README, Backups)"
        )
    if not source.is_file():
        raise BackupError(f"no database file at {source}")
    if target.is_symlink() or target.exists():
        raise BackupError(f"{target} exists; a backup never overwrites: give a new file name")
    if not target.parent.is_dir():
        raise BackupError(f"no folder {str(target.parent)!r}")
    try:
        verdict = backup_sqlite(source, target)
    except sqlite3.Error as exc:
        raise BackupError(f"{source} could not be copied: {exc}") from None
    size = target.stat().st_size
    return f"backed up {source} to {target} ({size:,} bytes, integrity check: {verdict})"
