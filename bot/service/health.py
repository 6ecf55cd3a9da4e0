"""Is the running bot alive? Heartbeats written by its parts, and the check that reads them.

The poller beats after each getUpdates round, the reminder dispatcher after each round of
sends, at most every BEAT_EVERY (30 s) each, into the `heartbeats` table (no client data).
`recovery-bot health` (the container's HEALTHCHECK) reads them from another process: healthy
when the database answers and both parts were seen within STALE (3 minutes: a long poll is
at most 50 s, a dispatcher round 3 s apart)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings
from bot.service.clock import Clock, make_clock
from bot.store.database import Database, sqlite_path
from bot.store.models import Heartbeat

log = logging.getLogger(__name__)
PARTS = ("poller", "dispatcher")
BEAT_EVERY = timedelta(seconds=30)
STALE = timedelta(minutes=3)


class Heart:
    """One process's heartbeats: `beat(part)` writes when the last write of that part is
    BEAT_EVERY old. A failed write (the database down) is not the caller's problem: the
    heartbeat then goes stale, which is what `health` should see."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        self._last: dict[str, datetime] = {}
        self._writing: dict[str, asyncio.Task[None]] = {}

    def beat_soon(self, part: str) -> None:
        """`beat` in the background: the caller (the poll loop) never waits for the database,
        which may be locked or slow; one write per part at a time."""
        running = self._writing.get(part)
        if running is not None and not running.done():
            return
        last = self._last.get(part)
        if last is not None and self.clock() - last < BEAT_EVERY:
            return
        self._writing[part] = asyncio.create_task(self.beat(part), name=f"heartbeat-{part}")

    async def beat(self, part: str) -> None:
        now = self.clock()
        last = self._last.get(part)
        if last is not None and now - last < BEAT_EVERY:
            return
        try:
            async with self.db.transaction() as s:
                await s.merge(Heartbeat(name=part, at=now))
        except Exception as exc:  # the database failing: health will say so
            log.info("heartbeat of the %s not written (%s)", part, exc.__class__.__name__)
            return
        self._last[part] = now


@dataclass(frozen=True)
class Health:
    """The verdict and one line per thing checked."""

    ok: bool
    lines: list[str]


async def check(db: Database, now: datetime) -> Health:
    """Read the heartbeats: healthy when the database answers and every part of PARTS was
    seen within STALE of `now` (UTC)."""
    try:
        async with db.transaction() as s:
            seen = {h.name: h.at for h in await s.scalars(select(Heartbeat))}
    except (SQLAlchemyError, OSError) as exc:
        return Health(False, [f"database: not answering ({exc.__class__.__name__})"])
    lines, ok = ["database: answering"], True
    for part in PARTS:
        at = seen.get(part)
        if at is None:
            ok = False
            lines.append(f"{part}: never seen (is `recovery-bot run` running?)")
            continue
        ago = int((now - at).total_seconds())
        if now - at > STALE:
            ok = False
            lines.append(f"{part}: last seen {ago} s ago (more than {int(STALE.seconds)} s)")
        else:
            lines.append(f"{part}: seen {ago} s ago")
    return Health(ok, lines)


async def check_health(settings: Settings, clock: Clock | None = None) -> Health:
    """`check` on the configured database, without creating or migrating anything: a SQLite
    file that is not there is unhealthy, not made."""
    path = sqlite_path(settings.database_url)
    if path is not None and not path.exists():
        return Health(False, [f"database: no file at {path}"])
    db = Database(settings.database_url)
    try:
        return await check(db, (clock or make_clock(settings))())
    finally:
        await db.dispose()
