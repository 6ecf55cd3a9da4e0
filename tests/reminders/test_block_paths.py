"""A block reported by Telegram's my_chat_member (through the service) and one found by a 403
(in the dispatcher) mean the same thing: one function, repo.set_blocked, decides both."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.reminders.dispatcher import Dispatcher
from bot.service.conversation import Service
from bot.store import schedules
from bot.store.database import Database
from bot.store.models import Client, Reminder
from tests.reminders.conftest import add_client
from tests.reminders.fakes import Clock, FakeSender
from tests.reminders.test_dispatcher import NY, T0

USER = 51


async def _state(db: Database) -> tuple[str, str | None, dict[str, tuple[str, str | None]]]:
    async with db.transaction() as s:
        client = await s.scalar(select(Client))
        assert client is not None
        rows = {r.kind: (r.status, r.detail) for r in await s.scalars(select(Reminder))}
        return client.status, client.status_before_block, rows


@pytest.mark.parametrize("path", ["my_chat_member", "403"])
async def test_both_paths_block_alike_and_an_unblock_undoes_either(
    path: str, db: Database, dispatcher: Dispatcher, clock: Clock, sender: FakeSender
) -> None:
    settings = load_settings(program_timezone=NY, _env_file=None)
    service = Service(db, settings, clock)
    client = await add_client(db, USER, NY, "09:00")
    async with db.transaction() as s:
        rows = [
            {"client_id": client.id, "kind": "checkin", "occurrence": "today", "due_at": T0},
            {"client_id": client.id, "kind": "weekly_summary", "occurrence": "w",
             "due_at": T0 + timedelta(hours=1)},
        ]  # fmt: skip
        await schedules.add_reminders(s, rows, T0)
    clock.now = T0
    if path == "my_chat_member":
        await service.set_blocked(USER, True)
    else:
        sender.blocked.add(USER)
    await dispatcher.run_once()
    status, before, reminders = await _state(db)
    assert (status, before) == ("blocked", "active")
    assert reminders["weekly_summary"] == ("missed", "blocked")  # never tried
    expected = ("missed", "blocked") if path == "my_chat_member" else ("failed", "blocked (403)")
    assert reminders["checkin"] == expected
    assert sender.sent == []
    sender.blocked.clear()
    await service.set_blocked(USER, False)
    status, before, reminders = await _state(db)
    assert (status, before) == ("active", None)
    assert reminders["weekly_summary"] == ("due", None)  # its hour has not come: back in line
    clock.now = T0 + timedelta(hours=1)
    await dispatcher.run_once()
    assert [s.chat_id for s in sender.sent] == [USER]
