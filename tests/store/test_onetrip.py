"""SQLite statements in one trip to aiosqlite's thread each (bot.store.onetrip, issue 12):
every kind of statement the bot runs gives what it gave before, errors included."""

from __future__ import annotations

from datetime import UTC, datetime

import aiosqlite
import pytest
from sqlalchemy import delete, event, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from bot.store import mailbox, repo
from bot.store.database import Database
from bot.store.models import Client, ProcessedUpdate
from bot.store.onetrip import OneTripConnection

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The calls made on aiosqlite's thread, by the name of the function run there."""
    made: list[str] = []
    real = aiosqlite.Connection._execute

    async def counted(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(getattr(fn, "__name__", type(fn).__name__))
        return await real(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return made


async def test_each_statement_is_one_trip_and_gives_what_it_did(
    db: Database, trips: list[str]
) -> None:
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    async with db.transaction() as s:  # the pooled connection opened (its set-up calls)
        await s.execute(text("SELECT 1"))
    trips.clear()
    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        async with db.transaction() as s:
            raw = (await s.connection()).sync_connection
            assert raw is not None
            assert type(raw.connection.dbapi_connection) is OneTripConnection
            client = await repo.create_client(s, tg_user_id=7, chat_id=7, now=NOW,
                                              language="en", timezone="UTC")  # fmt: skip
            assert await repo.mark_update(s, 1, NOW) is True  # ON CONFLICT: its rowcount
            assert await repo.mark_update(s, 1, NOW) is False
            rows = [{"chat_id": 7, "client_id": client.id, "update_id": 1, "kind": "reply",
                     "payload": {"text": str(n)}} for n in range(3)]  # fmt: skip
            ids = await mailbox.add_outgoing(s, rows, NOW)  # INSERT ... RETURNING
            assert len(ids) == 3 and ids == sorted(ids)
            updates = [(5, 7, {"update_id": 5}), (6, 7, {"update_id": 6})]
            assert await mailbox.record_updates(s, updates, NOW) == [5, 6]  # executemany
            assert await s.scalar(select(func.count()).select_from(ProcessedUpdate)) == 1
            found = (await s.execute(select(Client.id, Client.tg_user_id))).all()
            assert found == [(client.id, 7)]
            changed = await s.execute(update(Client).values(language="es").where(Client.id > 0))
            assert changed.rowcount == 1  # type: ignore[attr-defined]
            added = await s.execute(insert(ProcessedUpdate).values(update_id=9, processed_at=NOW))
            assert added.inserted_primary_key == (9,)
            assert (await s.execute(text("SELECT 1 WHERE 0"))).all() == []
            await s.execute(delete(ProcessedUpdate).where(ProcessedUpdate.update_id == 9))
            assert len(statements) >= 12
            assert trips == ["_run"] * len(statements)  # BEGIN IMMEDIATE among them
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    async with db.transaction() as s:
        outbox = await s.execute(text("SELECT id, payload FROM outbox ORDER BY id"))
        assert [(row[0], row[1]) for row in outbox] == [
            (ids[n], f'{{"text": "{n}"}}') for n in range(3)
        ]


async def test_a_failing_statement_raises_as_before_and_the_connection_goes_on(
    db: Database,
) -> None:
    async with db.transaction() as s:
        await repo.mark_update(s, 1, NOW)
    with pytest.raises(IntegrityError):
        async with db.transaction() as s:
            await s.execute(insert(ProcessedUpdate).values(update_id=1, processed_at=NOW))
    async with db.transaction() as s:  # the same pooled connection, rolled back
        assert await repo.mark_update(s, 2, NOW) is True
        assert await s.scalar(select(func.count()).select_from(ProcessedUpdate)) == 2
