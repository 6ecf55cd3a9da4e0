"""SQLite statements in one trip to aiosqlite's thread each.

aiosqlite runs every sqlite3 call on its own thread; SQLAlchemy's adapter makes four calls
for each statement (open a cursor, execute, fetch the rows, close the cursor), each a trip
there and back (a queue, a thread woken, a future set from the other thread). Measured under
load (issue 12), those trips cost more CPU than SQLite itself: a quarter of the bot's. Here
one function does all four on that thread, so a statement is one trip; the statements, their
order and the transactions are the same. The adapter's own handling of errors is kept.

PostgreSQL (asyncpg) is not concerned. Relies on SQLAlchemy 2.1's aiosqlite adapter and
aiosqlite's queue (`Connection._execute`), as pinned in requirements.lock; a test runs every
kind of statement through it."""

from __future__ import annotations

import collections
import sqlite3
from typing import Any

from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

Found = tuple[Any, list[Any], int, int | None]  # description, rows, rowcount, lastrowid


def _run(conn: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> Found:
    """On aiosqlite's thread: the statement, from cursor to closed cursor."""
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """The adapter's cursor, each execute one trip; its results kept here."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:  # no cursor opened: one trip later
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        """fetchmany's default size; the rows are all here already."""

    async def _trip(self, operation: Any, parameters: Any, many: bool) -> None:
        async with self._adapt_connection._execute_mutex:
            aio = self._connection
            found: Found = await aio._execute(_run, aio._conn, operation, parameters, many)
        self._description, rows, self._rowcount, self._lastrowid = found
        self._rows = collections.deque(rows)

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        try:
            await_(self._trip(operation, parameters, False))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        try:
            await_(self._trip(operation, seq_of_parameters, True))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _async_soft_close(self) -> None:
        """Nothing open on the other thread: the trip closed its cursor."""

    def close(self) -> None:
        self._rows.clear()


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """The adapter's connection, with `OneTripCursor`."""

    __slots__ = ()
    _cursor_cls = OneTripCursor


def one_trip(dbapi_connection: Any) -> None:
    """Make a new aiosqlite connection (as SQLAlchemy's connect hook gets it) run each
    statement in one trip; any other connection is left as it is."""
    if type(dbapi_connection) is AsyncAdapt_aiosqlite_connection:
        dbapi_connection.__class__ = OneTripConnection
