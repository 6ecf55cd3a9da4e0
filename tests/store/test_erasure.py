"""`/delete` is complete by construction: nothing anywhere still names the client."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Table, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import mailbox, repo, schedules
from bot.store.database import Database
from bot.store.models import Base, Client, CrisisEvent

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _client_columns() -> list[tuple[Table, Column[int]]]:
    """Every column in the schema that refers to a client, by foreign key or by name."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            points_at_client = any(
                fk.column is Client.__table__.c.id for fk in column.foreign_keys
            )
            if points_at_client or column.name == "client_id":
                found.append((table, column))
    return found


async def _rows_naming(s: AsyncSession, client_id: int) -> dict[str, int]:
    """Rows per table that refer to `client_id`, plus its own row in clients."""
    counts = {"clients": await s.scalar(select(func.count()).where(Client.id == client_id))}
    for table, column in _client_columns():
        query = select(func.count()).select_from(table).where(column == client_id)
        counts[table.name] = await s.scalar(query)
    return {name: int(n or 0) for name, n in counts.items()}


async def _enrol_with_history(s: AsyncSession, tg_user_id: int) -> int:
    """A client with at least one row in every table that can hold client data."""
    client = await repo.create_client(
        s, tg_user_id=tg_user_id, chat_id=tg_user_id, now=NOW, language="en", timezone="UTC"
    )
    code, _ = await repo.create_invite(s, now=NOW, expires_at=NOW)
    invite = await repo.find_invite(s, code)
    assert invite is not None
    await repo.use_invite(s, invite, client.id, NOW)
    await repo.add_consent(s, client.id, "v1", NOW)
    await repo.save_conversation(s, client.id, "idle", {"a": 1}, NOW)
    await repo.save_checkin(s, client.id, date(2025, 3, 1), {"mood": 3}, NOW)
    await repo.add_craving(
        s, client.id, NOW, intensity=5, triggers=["x"], action=None, coping_offered=None
    )
    await repo.add_trigger_log(s, client.id, NOW, ["x"], None)
    await repo.add_coping_outcome(s, client.id, NOW, "walk", "yes")
    await repo.add_crisis_event(s, client.id, NOW, 1, "text", "lines")
    own = await schedules.add_session(
        s, client_id=client.id, kind="individual", weekday=0, start_time="10:00",
        duration_min=50, timezone="UTC", created_at=NOW,
    )  # fmt: skip
    reminder = {"client_id": client.id, "kind": "checkin", "occurrence": "x", "due_at": NOW}
    await schedules.add_reminders(s, [reminder], NOW)
    await schedules.save_attendance(s, client.id, own.id, NOW, "there", NOW)
    waiting = {"chat_id": tg_user_id, "client_id": client.id, "update_id": None,
               "kind": "reply", "payload": {"text": "not sent yet"}}  # fmt: skip
    await mailbox.add_outgoing(s, [waiting], NOW)
    return client.id


def test_client_tables_are_every_table_with_a_client_id() -> None:
    names = {model.__tablename__ for model in repo.client_tables()}
    expected = {t.name for t in Base.metadata.tables.values() if "client_id" in t.c}
    assert names == expected
    assert {"invites", "consents", "conversations", "checkins", "crisis_events"} <= names
    assert "clients" not in names


async def test_delete_client_leaves_nothing_that_names_it(store_db: Database) -> None:
    async with store_db.transaction() as s:
        doomed = await _enrol_with_history(s, 1)
        kept = await _enrol_with_history(s, 2)
        await repo.add_crisis_event(s, None, NOW, 1, "text", "lines")
    async with store_db.transaction() as s:
        before = await _rows_naming(s, doomed)
        kept_before = await _rows_naming(s, kept)
    # The fixture really does cover every table, or the test below would prove little.
    assert all(n >= 1 for n in before.values()), before

    async with store_db.transaction() as s:
        deleted = await repo.delete_client(s, doomed)
    assert deleted == before

    async with store_db.transaction() as s:
        assert set((await _rows_naming(s, doomed)).values()) == {0}
        assert await _rows_naming(s, kept) == kept_before
        assert await repo.get_client(s, kept) is not None
        unattached = await s.scalar(select(func.count()).where(CrisisEvent.client_id.is_(None)))
    assert unattached == 1


async def test_delete_unknown_client_deletes_nothing(store_db: Database) -> None:
    async with store_db.transaction() as s:
        deleted = await repo.delete_client(s, 12345)
    assert set(deleted.values()) == {0}
    assert set(deleted) == {m.__tablename__ for m in repo.client_tables()} | {"clients"}
