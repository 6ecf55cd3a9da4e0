"""Staff operations, each in one transaction: the desk both staff doors work at.

The command line (`bot.cli`) and the Telegram staff commands (`bot.tg.staff`) parse what staff
typed with one parser (`bot.service.staff_commands`), then call one `StaffDesk` method. The
method opens the transaction, checks against the rows (`bot.service.program`), writes the
audit entry where data leaves the bot, and returns the text to show. A bad name or id raises
`AdminError` (nothing is written); a Telegram update seen before raises `AlreadyHandled`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.staff_input import SessionSpec
from bot.service import export, notices, program, report
from bot.service.clock import Clock
from bot.store import repo
from bot.store.database import Database


class AlreadyHandled(Exception):
    """The Telegram update carrying this command was handled (and answered) before."""


class StaffDesk:
    """One staff member's operations; `actor` names them in the audit log ("cli",
    "staff:<telegram id>"). With `update_id`, each operation records that update in its
    transaction, so a redelivered command changes nothing twice."""

    def __init__(
        self, db: Database, settings: Settings, clock: Clock, *, actor: str = "cli",
        update_id: int | None = None,
    ) -> None:  # fmt: skip
        self.db, self.settings, self.clock = db, settings, clock
        self.actor, self.update_id = actor, update_id

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[tuple[AsyncSession, datetime]]:
        now = self.clock()
        async with self.db.transaction() as s:
            if self.update_id is not None and not await repo.mark_update(s, self.update_id, now):
                raise AlreadyHandled(str(self.update_id))
            yield s, now

    async def add_track(self, name: str, zone: str | None = None) -> str:
        """Create a track in `zone` (default PROGRAM_TIMEZONE); "added track NAME (ZONE)"."""
        async with self._tx() as (s, now):
            zone = zone if zone is not None else self.settings.program_timezone
            return await program.add_track(s, name, zone, now)

    async def track_lines(self) -> list[str]:
        """One line per track: name, zone, how many sessions and clients."""
        async with self._tx() as (s, _):
            return await program.track_lines(s)

    async def track_name(self, name: str) -> str:
        """The exact name of an existing track (AdminError if there is none)."""
        async with self._tx() as (s, _):
            return (await program.find_track(s, name)).name

    async def remove_track(self, name: str) -> str:
        async with self._tx() as (s, now):
            return await program.remove_track(s, name, now)

    async def add_sessions(self, spec: SessionSpec) -> list[str]:
        """The sessions added ("added #12 ..."), then a "warning: overlaps ..." line per
        session they overlap; AdminError for the same session twice."""
        async with self._tx() as (s, now):
            return await program.add_sessions(s, spec, now)

    async def session_lines(self, track: str | None, client: str | None) -> list[str]:
        async with self._tx() as (s, _):
            return await program.session_lines(s, track, client)

    async def remove_session(self, session_id: str) -> str:
        async with self._tx() as (s, now):
            return await program.remove_session(s, session_id, now)

    async def new_invite(
        self, valid_for: timedelta, track: str | None, label: str | None = None,
        counselor: str | None = None,
    ) -> tuple[str, str, datetime]:  # fmt: skip
        """A single-use invite code, the client id it will give, and when it expires (UTC)."""
        async with self._tx() as (s, now):
            until = now + valid_for
            code, pseudo_id = await program.new_invite(s, now, until, track, label, counselor)
            return code, pseudo_id, until

    async def acknowledge(self, event_id: int, name: str) -> notices.Ack:
        """An "I'm on it" tap on crisis notice `event_id` by this staff member (`name` as
        Telegram shows them); the first is recorded and audited."""
        zone = self.settings.program_timezone
        async with self._tx() as (s, now):
            return await notices.acknowledge(s, event_id, self.actor, name, now, zone)

    async def report(self, since: date, fmt: str) -> str:
        """The program report since `since` as CSV or markdown, audited."""
        days = self.settings.program_length_days
        async with self._tx() as (s, now):
            return await report.build_report(
                s, since, fmt, now, actor=self.actor, program_days=days
            )

    async def roster(self, fmt: str = "text") -> str:
        """Every client and pending invite as a text table (or, `fmt` "csv", as CSV), audited."""
        async with self._tx() as (s, now):
            return await report.build_roster(s, now, actor=self.actor, fmt=fmt)

    async def export(self, pseudo_id: str) -> tuple[str, bytes]:
        """One client's whole record: the zip's file name and bytes, audited."""
        async with self._tx() as (s, now):
            client = await program.find_client(s, pseudo_id)
            return await export.build_export(s, client.id, now, actor=self.actor)
