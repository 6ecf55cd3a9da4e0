"""The audit log: every export, report, roster listing, share, daily flag digest, notice taken
and reading of this log itself, written in the same transaction as the data it lets out, so a
disclosure and its record commit together; and every change staff make to the program (tracks,
sessions, invites, a client's track, discharge, readmission, erasure, who may sign in to the
web view), in the transaction that makes it.

Like the other repositories these flush but never begin or commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import AuditEntry

# "ack": a staff member took a crisis notice or a daily flag digest ("I'm on it");
# "renotify": a crisis notice nobody took was sent again (or, the last time, to every staff id
# privately); "digest": a client's flags went to the staff chat in the daily digest; "audit":
# someone read this log (who saw who saw what). "discharge", "readmit": staff ended (or
# resumed) a client's program; "erase": staff erased a client's whole record, as the client's
# own /delete does (the subject is the id it had). "view": a staff member opened a page of the
# web view that shows a client (the subject) or the caseload ("all").
# The program's changes, one entry per command that changed something, named as the command:
# "track-add", "track-remove", "session-add", "session-edit", "session-skip", "session-remove"
# (subject "all", or the client whose own session it is), "invite" and "invite-revoke" (the
# client id the invite gives), "set-track" (the client), "staff-add", "staff-remove" (who may
# sign in to the web view; subject "all"). Their details hold ids, track names, kinds and
# times; never a session's place, an invite's label or counselor, or a staff member's name.
PROGRAM_ACTIONS = frozenset({
    "track-add", "track-remove", "session-add", "session-edit", "session-skip",
    "session-remove", "invite", "invite-revoke", "set-track", "staff-add", "staff-remove",
})  # fmt: skip
ACTIONS = frozenset({
    "export", "report", "clients", "share", "ack", "renotify", "digest", "audit", "discharge",
    "readmit", "erase", "view", *PROGRAM_ACTIONS,
})  # fmt: skip
_DETAIL_MAX = 200  # audit_log.detail is a String(200)


async def record(
    s: AsyncSession, actor: str, action: str, subject: str, detail: str, now: datetime
) -> AuditEntry:
    """Add one audit entry, e.g. ("cli", "export", "c-3f9a1b2c", "41 rows in 12 tables")."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not actor or len(actor) > 64 or not subject or len(subject) > 32:
        raise ValueError(f"bad audit actor or subject: {actor!r}, {subject!r}")
    # The detail is free text: shortened rather than refused, so a long description can never
    # be the reason an export goes unrecorded (or, on PostgreSQL, fails outright).
    entry = AuditEntry(
        at=now, actor=actor, action=action, subject=subject, detail=detail[:_DETAIL_MAX]
    )
    s.add(entry)
    await s.flush()
    return entry


async def entries(
    s: AsyncSession, *, action: str | None = None, subject: str | None = None, limit: int = 100
) -> Sequence[AuditEntry]:
    """The newest entries first, optionally of one action or one subject."""
    stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if action is not None:
        stmt = stmt.where(AuditEntry.action == action)
    if subject is not None:
        stmt = stmt.where(AuditEntry.subject == subject)
    return (await s.scalars(stmt)).all()


async def entries_since(s: AsyncSession, since: datetime | None) -> Sequence[AuditEntry]:
    """Every entry at or after `since` (every entry when None), oldest first, in the order
    they were written."""
    stmt = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    return (await s.scalars(stmt)).all()
