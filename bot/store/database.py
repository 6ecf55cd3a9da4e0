"""The async engine, one-transaction sessions, and programmatic Alembic upgrades."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import sqlite3
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, ExceptionContext, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.store.models import Base
from bot.store.onetrip import one_trip

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_ASYNC_SCHEMES = {"sqlite+aiosqlite", "postgresql+asyncpg"}
_SYNC_TO_ASYNC = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
}

# Applied to every new SQLite connection. WAL lets readers run beside the writer; FULL syncs
# the WAL on every commit so a power cut loses nothing acknowledged; the busy timeout makes
# a writer wait its turn instead of failing; SQLite leaves foreign keys off unless asked.
_SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=10000",
    "PRAGMA foreign_keys=ON",
)


def async_url(url: str) -> str:
    """Map a sqlite:// or postgresql:// URL to its async driver; refuse anything else."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ValueError(f"not a database URL (no '://'): {url[:20]!r}...")
    if scheme in _ASYNC_SCHEMES:
        return url
    if scheme in _SYNC_TO_ASYNC:
        return f"{_SYNC_TO_ASYNC[scheme]}://{rest}"
    # Only the scheme goes into the message: the rest may carry a password.
    raise ValueError(
        f"unsupported database URL scheme {scheme!r}: "
        "use sqlite:///PATH or postgresql://USER@HOST/DB"
    )


def ensure_sqlite_dir(url: str | URL) -> None:
    """Create the folder of a SQLite database file (0700) and the file itself (0600, empty:
    SQLite reads an empty file as an empty database) if they do not exist yet. SQLite gives
    the -wal and -shm the file's mode, so they are private too; under a usual umask all
    three were world-readable. An existing file or folder is left as it is."""
    path = sqlite_path(url)
    if path is None:
        return
    missing = [p for p in [path.parent, *path.parent.parents] if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)  # mkdir's mode passes through the umask
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        path.chmod(0o600)


def sqlite_path(url: str | URL) -> Path | None:
    """The database file of a SQLite URL; None for memory and URI databases, and for any
    other backend (PostgreSQL's database name is no file)."""
    parsed = make_url(url)
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path:
        return None
    if path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path).expanduser()


def _writable(path: Path) -> bool:
    """Whether this process may write `path` (with its effective ids, as SQLite opens it)."""
    return os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def unwritable(database: Path) -> str | None:
    """What keeps a SQLite database from being written, or None: the file, its -wal or -shm,
    or (while the -wal does not exist yet) its folder, as this process's effective ids see
    them. Read-only mode bits, an immutable file (chattr +i) and a read-only mount all count."""
    parts = [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]
    for path in parts:
        if path.exists() and not _writable(path):
            return path.name
    if not parts[1].exists() and not _writable(database.parent):
        return "its folder"
    return None


def _on_sqlite_connect(database: Path | None, dbapi_connection: Any, _record: Any) -> None:
    """Refuse a connection to a file this process may not write, then take transaction
    control from the driver and set the pragmas.

    SQLite opens a file it may not write read-only without a word, and such a connection stays
    read-only after the file is writable again. Worse, while one is open anywhere in the
    process, SQLite's shared memory for that file stays read-only for every new connection too,
    so one left in a pool (or waiting for the garbage collector) kept every write failing after
    the fault had passed. Refusing it here (the pool closes it at once) means no read-only
    connection is ever handed out: the transaction fails as it would have anyway, and the
    next connection, opened once the file is writable, works.

    Raises sqlite3.OperationalError ("... is not writable") for such a file."""
    if database is not None and database.exists() and (part := unwritable(database)):
        raise sqlite3.OperationalError(f"attempt to write a readonly database ({part})")
    one_trip(dbapi_connection)  # one trip to aiosqlite's thread per statement (bot.store.onetrip)
    # The sqlite3 module otherwise issues its own deferred BEGIN before a write; with it
    # off, the "begin" hook below decides how every transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    """Start every transaction with the write lock."""
    # A deferred BEGIN takes the write lock only at the first write; two read-modify-write
    # transactions then both read the old value and one of them loses its update or fails with
    # "database is locked". IMMEDIATE makes the second wait (busy_timeout) before reading.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


# Lock waits and conflicts (SQLite's busy timeout; PostgreSQL's lock timeout, deadlocks and
# serialization failures) leave the connection as good as it was.
_TRANSIENT = (
    "database is locked", "database table is locked", "database is busy",
    "lock timeout", "deadlock detected", "could not serialize",
)  # fmt: skip


def _transient(error: BaseException | None) -> bool:
    """A lock or a conflict, which passes by itself (no new connection needed)."""
    message = str(error).lower() if error is not None else ""
    return any(transient in message for transient in _TRANSIENT)


def _on_error(context: ExceptionContext) -> None:
    """Treat a failing database as a lost connection, so the pool drops every connection it
    holds and opens new ones. SQLite opens a file it may not write read-only without a word,
    and such a connection stays read-only after the file is writable again: without this,
    no write succeeded until a restart. A lock or a conflict needs no new connection."""
    if context.is_disconnect or not isinstance(context.sqlalchemy_exception, OperationalError):
        return
    if not _transient(context.original_exception):
        context.is_disconnect = True  # the pool invalidates all connections older than now


COMMITTED = "recovery_bot.after_commit"  # session.info key: what to call once committed


def after_commit(s: AsyncSession, hook: Callable[[], None]) -> None:
    """Call `hook` once the transaction of `s` (opened by `Database.transaction`) committed;
    never when it rolls back."""
    s.info.setdefault(COMMITTED, []).append(hook)


class Database:
    """An async engine plus the one way the app opens transactions."""

    def __init__(self, url: str) -> None:
        self.url = async_url(url)
        if make_url(self.url).get_backend_name() == "sqlite":
            ensure_sqlite_dir(self.url)
            # An error's message never carries the values: they are what clients wrote.
            self.engine: AsyncEngine = create_async_engine(self.url, hide_parameters=True)
            on_connect = functools.partial(_on_sqlite_connect, sqlite_path(self.url))
            event.listen(self.engine.sync_engine, "connect", on_connect)
            event.listen(self.engine.sync_engine, "begin", _on_sqlite_begin)
        else:
            # pre_ping replaces connections the server dropped while they sat in the pool.
            self.engine = create_async_engine(self.url, pool_pre_ping=True, hide_parameters=True)
        event.listen(self.engine.sync_engine, "handle_error", _on_error)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # SQLite: this process's transactions take turns here, first come first served. At
        # SQLite's lock each waiter sleeps and looks again (up to 100 ms between two looks),
        # so with many chats handled at once the lock went to whoever looked at the right
        # moment, and a person's answer waited hundreds of milliseconds for nothing. Other
        # processes (`recovery-bot` commands) still meet the busy timeout.
        self._turns: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
        self._holder: asyncio.Task[Any] | None = None
        self._serial = self.engine.dialect.name == "sqlite"

    @property
    def dialect(self) -> str:
        """The backend name: "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One session in one transaction: commit on success, roll back on any exception.
        After a database error other than a lock or a conflict, every pooled connection is
        closed too (one opened while the file was read-only would stay read-only; the
        `handle_error` hook alone did not always reach a connection failing at BEGIN). What
        `after_commit` registered on the session is called once it committed."""
        turn: contextlib.AbstractAsyncContextManager[None] = (
            self._turn() if self._serial else contextlib.nullcontext()
        )
        try:
            async with turn, self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            if not _transient(exc.orig):
                await self.engine.dispose()
            raise
        for hook in session.info.pop(COMMITTED, ()):
            hook()

    @asynccontextmanager
    async def _turn(self) -> AsyncIterator[None]:
        """Wait for this process's turn at SQLite (first come first served). A transaction
        opened inside one its own task already holds goes straight to SQLite's lock, as
        before (it would wait for itself here)."""
        loop = asyncio.get_running_loop()
        if self._turns is None or self._turns[0] is not loop:  # a Database may outlive a loop
            self._turns = (loop, asyncio.Lock())
        me = asyncio.current_task()
        if me is not None and self._holder is me:
            yield
            return
        async with self._turns[1]:
            self._holder = me
            try:
                yield
            finally:
                self._holder = None

    async def create_all(self) -> None:
        """Create the tables straight from the models (tests; the app uses `upgrade`)."""
        async with self.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)

    async def ping(self) -> bool:
        """Tell whether the database answers a trivial query."""
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return False
        return True

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()


def alembic_config(url: str) -> Config:
    """An Alembic config for the migrations shipped in this package; no alembic.ini needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Passed as an attribute, not a main option: configparser would choke on a "%" in an
    # URL-encoded password.
    config.attributes["url"] = url
    return config


def _upgrade_now(url: str) -> None:
    """Run `alembic upgrade head` in this thread."""
    command.upgrade(alembic_config(url), "head")


def upgrade(url: str) -> None:
    """Migrate the database at `url` to the newest revision; safe inside a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        _upgrade_now(url)
        return
    # env.py drives the async engine with asyncio.run, which refuses to nest in a running
    # loop; a worker thread has no loop of its own. This blocks the caller's loop meanwhile,
    # which is acceptable for a start-up step.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="alembic") as pool:
        pool.submit(_upgrade_now, url).result()


def backup_sqlite(source: Path, target: Path) -> str:
    """A consistent copy of a live SQLite database at `target` (SQLite's online backup API:
    the bot may go on writing meanwhile), created 0600, then checked with integrity_check.
    Returns "ok" or what integrity_check found. Raises FileExistsError if `target` exists
    (a backup never overwrites), sqlite3.Error for a source that is not a database."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o600)  # fmt: skip
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(
            sqlite3.connect(target)
        ) as dst:
            src.backup(dst)
            found = dst.execute("PRAGMA integrity_check").fetchone()
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return str(found[0]) if found else "?"
