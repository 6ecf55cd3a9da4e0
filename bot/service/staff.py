"""Staff operations, each in one transaction: the desk every staff door works at.

The command line (`bot.cli`) and the Telegram staff commands (`bot.tg.staff`) parse what staff
typed with one parser (`bot.service.staff_commands`), then call one `StaffDesk` method. The
method opens the transaction, checks against the rows (`bot.service.program`,
`bot.service.invites`, `bot.service.clients`), writes the audit entry where data leaves the
bot and wherever the program changes (a track, a session, an invite, a client's track,
discharge, readmission, erasure, who may sign in to the web view: one entry per command that
changed something, in its transaction), and returns the text to show. The web view's forms
are these commands too (`bot.web.commands`), so all three doors are audited here. A bad
name or id raises `AdminError` (nothing is written); a Telegram update seen before raises
`AlreadyHandled`.

Who is at the desk is its `actor`, the name the audit log keeps: `cli_actor()` names a person
at the command line ("cli:alice", from `--as alice` or the operating-system user), the
Telegram door names a staff member "staff:<telegram id>"."""

from __future__ import annotations

import getpass
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.staff_input import AdminError, SessionEdit, SessionSpec
from bot.locales.formats import counted
from bot.service import clients, digest, export, invites, notices, program, report
from bot.service.clock import Clock
from bot.service.web_auth import WebAuth
from bot.store import audit, repo
from bot.store.database import Database

CLI_PREFIX = "cli:"
# audit_log.actor is a String(64): "cli:" and a name of at most 60 characters fill it.
MAX_ACTOR_NAME = 64 - len(CLI_PREFIX)


def _fit_name(name: str) -> str | None:
    """The name with outer spaces trimmed when it may name a person in the audit log
    (1-MAX_ACTOR_NAME printable characters); None otherwise."""
    name = name.strip()
    return name if 0 < len(name) <= MAX_ACTOR_NAME and name.isprintable() else None


def cli_actor(name: str | None = None) -> str:
    """Who is at the command line, as the audit log names them: "cli:NAME".

    Args:
        name: what `--as NAME` gave, or None to name the operating-system user
            (`getpass.getuser()`: LOGNAME, USER, LNAME or USERNAME, else the password
            database). When that user cannot be found, or is not a fit name, the actor is
            "cli:uid-<number>" (the process's user id), or "cli:unknown" where there is none.

    Returns:
        The actor, at most 64 characters, e.g. "cli:alice".

    Raises:
        AdminError: `name` is empty, longer than MAX_ACTOR_NAME (60) characters, or holds a
            character that is not printable (a newline, a tab, a control character).
    """
    if name is not None:
        fit = _fit_name(name)
        if fit is None:
            raise AdminError(
                f"--as must be 1-{MAX_ACTOR_NAME} printable characters (a name the audit log "
                "keeps)"
            )
        return CLI_PREFIX + fit
    try:
        found = _fit_name(getpass.getuser())
    except (OSError, KeyError, ImportError):  # no such user in the password database
        found = None
    if found is not None:
        return CLI_PREFIX + found
    getuid = getattr(os, "getuid", None)
    return f"{CLI_PREFIX}uid-{getuid()}" if getuid is not None else f"{CLI_PREFIX}unknown"


class AlreadyHandled(Exception):
    """The Telegram update carrying this command was handled (and answered) before."""


class StaffDesk:
    """One staff member's operations; `actor` names them in the audit log ("cli:alice" from
    `cli_actor`, "staff:<telegram id>"). With `update_id`, each operation records that update
    in its transaction, so a redelivered command changes nothing twice."""

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
            return await program.add_track(s, name, zone, now, self.actor)

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
            return await program.remove_track(s, name, now, self.actor, force=force)

    async def add_sessions(self, spec: SessionSpec) -> list[str]:
        """The sessions added ("added #12 ..."), then a "warning: overlaps ..." line per
        session they overlap; AdminError for the same session twice."""
        async with self._tx() as (s, now):
            return await program.add_sessions(s, spec, now, self.actor)

    async def session_lines(self, track: str | None, client: str | None) -> list[str]:
        """One line per session (all, a track's, or a client's own and their track's), with
        the dates ahead a weekly session skips: "#12  track Evening IOP  group  Mon
        18:00-21:00 America/New_York  Room 4  (skipped: 2026-12-21)". Empty when none.

        AdminError: no such track or client."""
        async with self._tx() as (s, now):
            return await program.session_lines(s, now, track, client)

    async def remove_session(self, session_id: str) -> str:
        async with self._tx() as (s, now):
            return await program.remove_session(s, session_id, now, self.actor)

    async def skip_session(self, session_id: str, day: str) -> str:
        """Take one date off a weekly session (a holiday): `session_id` as listed ("12" or
        "#12"), `day` as YYYY-MM-DD in the session's zone. Its reminders for that date are
        not sent (those pending are cancelled, none is planned) and the client's /sessions
        and `session_lines` do not show it as a meeting. There is no un-skip.

        Returns "skipping #12 ... on Thu 2026-12-24 (N pending reminders cancelled)".
        AdminError: no such session; a one-off session; a date not on the session's
        weekday; a date past (or today once the session began); a date skipped already."""
        async with self._tx() as (s, now):
            return await program.skip_session(s, session_id, day, now, self.actor)

    async def edit_session(self, session_id: str, edit: SessionEdit) -> list[str]:
        """Change session `session_id` ("12" or "#12") in place; `edit` comes from
        `staff_input.session_edit(opts)` (--kind, --start, --length, --place [- clears],
        --weekly DAY or --once DATE), in both doors.
        The same checks as `add_sessions`; its reminders not sent yet are replaced from the
        new times at once.

        Returns "changed #12 ... (was Mon 18:00-21:00 America/New_York)[; N pending
        reminders replaced]", then a "warning: overlaps ..." line per overlap (or one line
        "no change to #12 ..."). AdminError: no such session; the same session exists (for
        the same track or client); a one-off date in the past."""
        async with self._tx() as (s, now):
            return await program.edit_session(s, session_id, edit, now, self.actor)

    async def invite_lines(self) -> list[str]:
        """One line per pending invite (not used, revoked or expired), soonest to expire
        first: "#12  c-3f9a1b2c  track Evening IOP  label A-17  counselor Dana R  expires
        2026-12-03 1:00 PM EST" (in PROGRAM_TIMEZONE; unset parts left out). Empty when there
        is none. Codes are never stored, so never shown."""
        async with self._tx() as (s, now):
            return await invites.invite_lines(s, now, self.settings.program_timezone)

    async def revoke_invite(self, ref: str) -> str:
        """Revoke a pending invite named by the client id it gives ("c-3f9a1b2c"), its
        number ("#12") or its code (or the whole link): its link enrolls nobody from now on.

        Returns "revoked invite #12 (c-3f9a1b2c): its link no longer enrolls anyone".
        AdminError: no such invite; used (discharge the client instead), expired or revoked
        already."""
        async with self._tx() as (s, now):
            zone = self.settings.program_timezone
            return await invites.revoke_invite(s, ref, now, zone, self.actor)

    async def set_track(self, pseudo_id: str, track: str | None) -> str:
        """Put client `pseudo_id` on track `track`, move them there, or (None: the door's
        `--none`) take them off their track. Their old track's reminders not sent yet are
        dropped and the new track's are planned at once.

        Returns "c-... put on track X", "c-... moved from track X to Y", "c-... taken off
        track X", or "c-... is on track X already". AdminError: no such client (or the id of
        an unused invite) or track."""
        async with self._tx() as (s, now):
            return await clients.set_track(s, pseudo_id, track, now, self.actor)

    async def discharge(self, pseudo_id: str) -> str:
        """End the program for client `pseudo_id`, audited ("discharge"). No message of any
        kind goes to them any more (pending reminders cancelled, nothing planned); the
        record is kept and the roster shows "discharged" and the date. They still get
        answers when they write, help and crisis screening included. Neither /start nor a
        new invite readmits them (the program decides that: `readmit`).

        Returns "discharged c-...: no more messages to them (N pending reminders
        cancelled); ...". AdminError: no such client; discharged already."""
        async with self._tx() as (s, now):
            zone = self.settings.program_timezone
            return await clients.discharge(s, pseudo_id, now, self.actor, zone)

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
        """A single-use invite code, the client id it will give, and when it expires (an aware
        time: the doors show it in PROGRAM_TIMEZONE, `formats.program_when`)."""
        async with self._tx() as (s, now):
            until = now + valid_for
            code, pseudo_id = await program.new_invite(
                s, now, until, track, label, counselor, actor=self.actor,
                zone=self.settings.program_timezone,
            )  # fmt: skip
            return code, pseudo_id, until

    async def acknowledge(self, event_id: int, name: str) -> notices.Ack:
        """An "I'm on it" tap on crisis notice `event_id` by this staff member (`name` as
        Telegram shows them); the first is recorded and audited."""
        zone = self.settings.program_timezone
        async with self._tx() as (s, now):
            return await notices.acknowledge(s, event_id, self.actor, name, now, zone)

    async def take_digest(self, digest_id: int, name: str, shown: str | None) -> notices.Ack:
        """An "I'm on it" tap on daily flag digest `digest_id` by this staff member (`name` as
        Telegram shows them; `shown`, the text of the message tapped); the first is recorded
        and audited. The Ack's text is `shown` with the "is on it" line (None: no edit)."""
        zone = self.settings.program_timezone
        async with self._tx() as (s, now):
            return await digest.acknowledge(s, digest_id, self.actor, name, now, zone, shown)

    async def audit_lines(self, since: date | None = None) -> list[str]:
        """The audit log, oldest first, one line per entry: the time in PROGRAM_TIMEZONE, who,
        what, the pseudonymous client id (or "all") and the detail, each column but the last
        padded to its widest, e.g.
        "2026-11-30 02:07 EST  staff:7101  ack  c-3f9a1b2c  crisis notice 4, tier 1".

        Reading the log is itself audited ("audit", subject "all", as this desk's actor), in
        the same transaction: the log says who saw what, and so who looked at that is kept
        too. The entry is not among the lines it returns (the next reading shows it).

        Args:
            since: the first program-local day to show (from its midnight in
                PROGRAM_TIMEZONE); None for the whole log.

        Returns:
            The lines, without a header; an empty list when nothing was recorded since.

        Raises:
            AdminError: `since` is after today in PROGRAM_TIMEZONE (nothing is audited).
        """
        zone = ZoneInfo(self.settings.program_timezone)
        async with self._tx() as (s, now):
            today = now.astimezone(zone).date()
            if since is not None and since > today:
                raise AdminError(f"since: {since} is after today ({today})")
            start = datetime.combine(since, time(0), zone) if since is not None else None
            entries = await audit.entries_since(s, start)
            window = f"since {since}" if since is not None else "whole log"
            read = counted(len(entries), "entry", "entries")
            await audit.record(s, self.actor, "audit", "all", f"{window}: {read}", now)
        rows = [(f"{e.at.astimezone(zone):%Y-%m-%d %H:%M %Z}", e.actor, e.action, e.subject,
                 e.detail) for e in entries]  # fmt: skip
        widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
        return [
            "  ".join([*(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)), row[4]])
            .rstrip()
            for row in rows
        ]  # fmt: skip

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
            return await report.build_roster(
                s, now, actor=self.actor, zone=self.settings.program_timezone, fmt=fmt
            )

    async def add_staff(self, tg_user_id: int, name: str, role: str) -> str:
        """Add a web view staff member (`WebAuth.add_staff`), audited ("staff-add"); the line
        to show."""
        return await WebAuth(self.db, self.clock).add_staff(tg_user_id, name, role, self.actor)

    async def staff_lines(self) -> list[str]:
        return await WebAuth(self.db, self.clock).staff_lines()

    async def remove_staff(self, tg_user_id: int) -> str:
        """Take a staff member off the web view (`WebAuth.remove_staff`), audited
        ("staff-remove")."""
        return await WebAuth(self.db, self.clock).remove_staff(tg_user_id, self.actor)

    async def export(self, pseudo_id: str) -> tuple[str, bytes]:
        """One client's whole record: the zip's file name and bytes, audited."""
        async with self._tx() as (s, now):
            client = await program.find_client(s, pseudo_id)
            return await export.build_export(s, client.id, now, actor=self.actor)
