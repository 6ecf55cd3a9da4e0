"""Seeding a migrated database quickly: thousands of active clients and their due reminders.

Rows go in through the models' own tables (bulk INSERTs in one transaction), so timestamps
are stored exactly as the bot stores them, on SQLite and on PostgreSQL alike. The schema must
exist first (`recovery-bot db upgrade`, or `bot.store.database.upgrade`)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from bot.store import schedules
from bot.store.database import Database
from bot.store.models import Client, Reminder
from tests.fakeapi import FakeTelegram

SEED_TRACK = "seeded sessions"  # a track no client belongs to: the planner adds nothing for it
_CHUNK = 1000


async def add_clients(
    db: Database, tg_ids: Sequence[int], *, zone: str, checkin: str, now: datetime,
    lang: str = "en",
) -> dict[int, int]:  # fmt: skip
    """Active, enrolled clients (chat id = Telegram user id); returns tg id -> client id."""
    rows = [
        {
            "pseudo_id": f"s-{tg:010d}"[-16:], "tg_user_id": tg, "chat_id": tg,
            "status": "active", "language": lang, "timezone": zone, "checkin_time": checkin,
            "takes_medication": False, "created_at": now - timedelta(hours=2),
            "enrolled_at": now - timedelta(hours=1), "reminder_prefs": {},
        }
        for tg in tg_ids
    ]  # fmt: skip
    async with db.transaction() as s:
        for start in range(0, len(rows), _CHUNK):
            await s.execute(insert(Client), rows[start : start + _CHUNK])
        found = await s.execute(
            select(Client.tg_user_id, Client.id).where(Client.tg_user_id.in_(list(tg_ids)))
        )
        return {int(tg): int(cid) for tg, cid in found.all()}


async def add_once_session(db: Database, start: datetime, zone: str, now: datetime) -> int:
    """A one-off group session at `start` on the seed track; returns its id."""
    local = start.astimezone(ZoneInfo(zone))
    async with db.transaction() as s:
        track = await schedules.get_track(s, SEED_TRACK)
        if track is None:
            track = await schedules.create_track(s, SEED_TRACK, zone, now)
        session = await schedules.add_session(
            s, track_id=track.id, kind="group", weekday=None, once_date=local.date(),
            start_time=f"{local:%H:%M}", duration_min=60, place="Room 2", timezone=zone,
            created_at=now,
        )  # fmt: skip
        return session.id


async def add_reminders(db: Database, rows: Iterable[dict[str, Any]], now: datetime) -> int:
    """Due reminder rows (client_id, kind, occurrence, due_at and the optional session_id,
    session_start, ref_id) through the planner's own upsert; returns rows added."""
    # One multi-row INSERT needs the same columns in every row, as the planner's rows have.
    full = [{"session_id": None, "session_start": None, "ref_id": None, **row} for row in rows]
    async with db.transaction() as s:
        return await schedules.add_reminders(s, full, now)


async def max_reminder_id(db: Database) -> int:
    """The highest reminder id so far (seeded rows are those up to it)."""
    async with db.transaction() as s:
        return int(await s.scalar(select(func.coalesce(func.max(Reminder.id), 0))) or 0)


def checkin_row(client_id: int, due: datetime, zone: str) -> dict[str, Any]:
    """Today's check-in prompt, keyed as the planner keys it (the client's local date)."""
    return {
        "client_id": client_id, "kind": "checkin", "occurrence": local_day(due, zone).isoformat(),
        "due_at": due,
    }  # fmt: skip


def session_row(
    client_id: int, kind: str, session_id: int, start: datetime, due: datetime
) -> dict[str, Any]:
    """A day-before or hour-before reminder of the session `session_id` starting at `start`."""
    key = f"s{session_id}@{start:%Y-%m-%dT%H:%M}"
    return {
        "client_id": client_id, "kind": kind, "occurrence": key, "due_at": due,
        "session_id": session_id, "session_start": start,
    }  # fmt: skip


def followup_row(client_id: int, craving_id: int, due: datetime) -> dict[str, Any]:
    """The "did the craving pass?" follow-up of craving `craving_id`."""
    return {
        "client_id": client_id, "kind": "craving_followup", "occurrence": f"craving:{craving_id}",
        "due_at": due, "ref_id": craving_id,
    }  # fmt: skip


async def seed_checkin_burst(
    db: Database, tg_ids: Sequence[int], *, due: datetime, zone: str, now: datetime
) -> dict[int, int]:
    """`len(tg_ids)` active clients, each with one check-in prompt due at `due`."""
    checkin = f"{due.astimezone(ZoneInfo(zone)):%H:%M}"
    ids = await add_clients(db, tg_ids, zone=zone, checkin=checkin, now=now)
    await add_reminders(db, (checkin_row(cid, due, zone) for cid in ids.values()), now)
    return ids


def local_day(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


class TimedFake(FakeTelegram):
    """The fake, noting when each bot message was accepted (for messages per second;
    CLOCK_MONOTONIC is the same in every process on the machine)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stamps: list[float] = []

    def publish(self, message: dict[str, Any]) -> None:
        self.stamps.append(time.monotonic())
        super().publish(message)

    def delivered(self) -> list[dict[str, Any]]:
        """Every message the bot got through, in order."""
        with self.cond:
            return list(self.outbox)
