"""repo.set_blocked, on SQLite and PostgreSQL: the status, the reminders a block cancels and an
unblock puts back, and a /stop that outlives a block."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.store import repo, schedules
from bot.store.database import Database
from bot.store.models import Client, Reminder

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


async def _client(db: Database, status: str) -> int:
    """A client in `status` with reminders: one due in an hour, one sent, one due tomorrow."""
    async with db.transaction() as s:
        client = await repo.create_client(
            s, tg_user_id=300, chat_id=300, now=NOW, language="en", timezone="UTC"
        )
        client.status, client.enrolled_at = status, NOW
        rows = [
            {"client_id": client.id, "kind": kind, "occurrence": kind, "due_at": NOW + due}
            for kind, due in (
                ("checkin", HOUR),
                ("checkback", -HOUR),
                ("weekly_summary", 24 * HOUR),
            )
        ]
        await schedules.add_reminders(s, rows, NOW)
        sent = await s.scalar(select(Reminder).where(Reminder.kind == "checkback"))
        assert sent is not None
        await schedules.finish_reminder(s, sent.id, "sent", NOW)
        return client.id


async def _set(db: Database, client_id: int, blocked: bool, now: datetime) -> None:
    async with db.transaction() as s:
        client = await s.get(Client, client_id)
        assert client is not None
        await repo.set_blocked(s, client, blocked, now)


async def _state(
    db: Database, client_id: int
) -> tuple[str, str | None, dict[str, tuple[str, str | None]]]:
    async with db.transaction() as s:
        client = await s.get(Client, client_id)
        assert client is not None
        rows = {r.kind: (r.status, r.detail) for r in await s.scalars(select(Reminder))}
        return client.status, client.status_before_block, rows


@pytest.mark.parametrize("status", ["active", "stopped", "enrolling"])
async def test_block_cancels_waiting_reminders_and_unblock_restores(
    store_db: Database, status: str
) -> None:
    cid = await _client(store_db, status)
    await _set(store_db, cid, True, NOW)
    await _set(store_db, cid, True, NOW)  # told twice (a 403, then my_chat_member): same
    assert await _state(store_db, cid) == ("blocked", status, {
        "checkin": ("missed", "blocked"),
        "checkback": ("sent", None),  # what went out stays as it was
        "weekly_summary": ("missed", "blocked"),
    })  # fmt: skip
    await _set(store_db, cid, False, NOW + 2 * HOUR)  # the check-in's time has passed
    assert await _state(store_db, cid) == (status, None, {
        "checkin": ("missed", "blocked"),
        "checkback": ("sent", None),
        "weekly_summary": ("due", None),  # still ahead: back in line
    })  # fmt: skip


async def test_unblock_of_a_client_who_is_not_blocked_changes_nothing(store_db: Database) -> None:
    cid = await _client(store_db, "stopped")
    before = await _state(store_db, cid)
    await _set(store_db, cid, False, NOW)
    assert await _state(store_db, cid) == before


async def test_a_blocked_client_with_no_status_remembered_returns_as_enrolled(
    store_db: Database,
) -> None:
    cid = await _client(store_db, "blocked")
    await _set(store_db, cid, False, NOW)
    status, before, _ = await _state(store_db, cid)
    assert (status, before) == ("active", None)
