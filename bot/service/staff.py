"""Staff operations, each in one transaction: the desk both staff doors work at.

The command line (`bot.cli`) and the Telegram staff commands (`bot.tg.staff`) parse what staff
typed with `bot.domain.staff_input`, then call one `StaffDesk` method. The method opens the
transaction, checks against the rows (`bot.service.program`, `bot.service.invites`,
`bot.service.clients`), writes the audit entry where data leaves the bot or a client's
program changes (discharge, readmission, erasure), and returns the text to show. A bad name
or id raises `AdminError` (nothing is written); a Telegram update seen before raises
`AlreadyHandled`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.staff_input import SessionEdit, SessionSpec
from bot.service import clients, export, invites, notices, program, report
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

    async def remove_track(self, name: str, force: bool = False) -> str:
        """Delete track `name` and its sessions (their pending reminders cancelled); its
        clients stay, on no track. Returns "removed track NAME (ZONE) with N sessions; M
        clients left without a track[; K pending invites revoked]".

        AdminError: no such track; or pending invites name it and `force` is False (the line
        names them). With `force` those invites are revoked (their links enroll nobody)."""
        async with self._tx() as (s, now):
            return await program.remove_track(s, name, now, force=force)

    async def add_sessions(self, spec: SessionSpec) -> list[str]:
        """The sessions added ("added #12 ..."), then a "warning: overlaps ..." line per
        session they overlap; AdminError for the same session twice."""
        async with self._tx() as (s, now):
            return await program.add_sessions(s, spec, now)

    async def session_lines(self, track: str | None, client: str | None) -> list[str]:
        """One line per session (all, a track's, or a client's own and their track's), with
        the dates ahead a weekly session skips: "#12  track Evening IOP  group  Mon
        18:00-21:00 America/New_York  Room 4  (skipped: 2026-12-21)". Empty when none.

        AdminError: no such track or client."""
        async with self._tx() as (s, now):
            return await program.session_lines(s, now, track, client)

    async def remove_session(self, session_id: str) -> str:
        async with self._tx() as (s, now):
            return await program.remove_session(s, session_id, now)

    async def skip_session(self, session_id: str, day: str) -> str:
        """Take one date off a weekly session (a holiday): `session_id` as listed ("12" or
        "#12"), `day` as YYYY-MM-DD in the session's zone. Its reminders for that date are
        not sent (those pending are cancelled, none is planned) and the client's /sessions
        and `session_lines` do not show it as a meeting. There is no un-skip.

        Returns "skipping #12 ... on Thu 2026-12-24 (N pending reminders cancelled)".
        AdminError: no such session; a one-off session; a date not on the session's
        weekday; a date past (or today once the session began); a date skipped already."""
        async with self._tx() as (s, now):
            return await program.skip_session(s, session_id, day, now)

    async def edit_session(self, session_id: str, edit: SessionEdit) -> list[str]:
        """Change session `session_id` ("12" or "#12") in place; `edit` comes from
        `staff_input.session_edit(opts)` (--kind, --start, --length, --place [- clears],
        --weekly DAY or --once DATE) or, on Telegram, `staff_input.parse_session_edit`.
        The same checks as `add_sessions`; its reminders not sent yet are replaced from the
        new times at once.

        Returns "changed #12 ... (was Mon 18:00-21:00 America/New_York)[; N pending
        reminders replaced]", then a "warning: overlaps ..." line per overlap (or one line
        "no change to #12 ..."). AdminError: no such session; the same session exists (for
        the same track or client); a one-off date in the past."""
        async with self._tx() as (s, now):
            return await program.edit_session(s, session_id, edit, now)

    async def invite_lines(self) -> list[str]:
        """One line per pending invite (not used, revoked or expired), soonest to expire
        first: "#12  c-3f9a1b2c  track Evening IOP  label A-17  counselor Dana R  expires
        2026-12-03 18:00 UTC" (unset parts left out). Empty when there is none. Codes are
        never stored, so never shown."""
        async with self._tx() as (s, now):
            return await invites.invite_lines(s, now)

    async def revoke_invite(self, ref: str) -> str:
        """Revoke a pending invite named by the client id it gives ("c-3f9a1b2c"), its
        number ("#12") or its code (or the whole link): its link enrolls nobody from now on.

        Returns "revoked invite #12 (c-3f9a1b2c): its link no longer enrolls anyone".
        AdminError: no such invite; used (discharge the client instead), expired or revoked
        already."""
        async with self._tx() as (s, now):
            return await invites.revoke_invite(s, ref, now)

    async def set_track(self, pseudo_id: str, track: str | None) -> str:
        """Put client `pseudo_id` on track `track`, move them there, or (None: the door's
        `--none`) take them off their track. Their old track's reminders not sent yet are
        dropped and the new track's are planned at once.

        Returns "c-... put on track X", "c-... moved from track X to Y", "c-... taken off
        track X", or "c-... is on track X already". AdminError: no such client (or the id of
        an unused invite) or track."""
        async with self._tx() as (s, now):
            return await clients.set_track(s, pseudo_id, track, now)

    async def discharge(self, pseudo_id: str) -> str:
        """End the program for client `pseudo_id`, audited ("discharge"). No message of any
        kind goes to them any more (pending reminders cancelled, nothing planned); the
        record is kept and the roster shows "discharged" and the date. They still get
        answers when they write, help and crisis screening included. Neither /start nor a
        new invite readmits them (the program decides that: `readmit`).

        Returns "discharged c-...: no more messages to them (N pending reminders
        cancelled); ...". AdminError: no such client; discharged already."""
        async with self._tx() as (s, now):
            return await clients.discharge(s, pseudo_id, now, self.actor)

    async def readmit(self, pseudo_id: str) -> str:
        """Undo the discharge of client `pseudo_id`, audited ("readmit"): active again (or
        enrolling, if they never finished) and their reminders planned at once.

        Returns "readmitted c-...: active, messages resume". AdminError: no such client;
        not discharged."""
        async with self._tx() as (s, now):
            return await clients.readmit(s, pseudo_id, now, self.actor)

    async def erase(self, pseudo_id: str) -> str:
        """Erase client `pseudo_id`'s whole record: exactly the client's own /delete, audited
        ("erase", the actor and the pseudonymous id only). Irreversible: the door asks for
        confirmation before calling this; this method erases what it is asked to. The
        client is not told; if they write again they are a stranger.

        Returns "erased c-...: N rows (...); nothing of theirs is left". AdminError: no such
        client (or the id of an unused invite: revoke that instead)."""
        async with self._tx() as (s, now):
            return await clients.erase(s, pseudo_id, now, self.actor)

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

    async def roster(self) -> str:
        """Every client and pending invite as a text table, audited."""
        async with self._tx() as (s, now):
            return await report.build_roster(s, now, actor=self.actor)

    async def export(self, pseudo_id: str) -> tuple[str, bytes]:
        """One client's whole record: the zip's file name and bytes, audited."""
        async with self._tx() as (s, now):
            client = await program.find_client(s, pseudo_id)
            return await export.build_export(s, client.id, now, actor=self.actor)
