"""The program's tracks, sessions and invites, inside a transaction `StaffDesk` opened.

Every function works inside the caller's transaction and returns the lines to show; a bad
name or id raises `AdminError` before anything is written, so the transaction rolls back
whole."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.domain.staff_input import (
    AdminError,
    SessionSpec,
    Slot,
    check_counselor,
    check_label,
    check_track_name,
    check_zone,
    clash,
    describe_when,
    once_not_past,
    parse_session_id,
)
from bot.store import repo, schedules
from bot.store.models import Client, ProgramSession, Track


async def find_track(s: AsyncSession, name: str) -> Track:
    """The track with this name, or AdminError."""
    track = await schedules.get_track(s, check_track_name(name))
    if track is None:
        raise AdminError(f"no track named {name.strip()!r}; see the track list")
    return track


async def find_client(s: AsyncSession, pseudo_id: str) -> Client:
    """The client with this pseudonymous id (e.g. c-1a2b3c4d), or AdminError."""
    client = await s.scalar(select(Client).where(Client.pseudo_id == pseudo_id.strip()))
    if client is None:
        raise AdminError(f"no client with id {pseudo_id.strip()!r}")
    return client


async def add_track(s: AsyncSession, name: str, zone: str, now: datetime) -> str:
    """Create a track; its name must be new."""
    name, zone = check_track_name(name), check_zone(zone)
    if await schedules.get_track(s, name) is not None:
        raise AdminError(f"track {name!r} already exists")
    await schedules.create_track(s, name, zone, now)
    return f"added track {name} ({zone})"


async def _count_by_track(
    s: AsyncSession, column: InstrumentedAttribute[int | None]
) -> dict[int | None, int]:
    """Rows per track id of the table `column` belongs to."""
    rows = await s.execute(select(column, func.count()).group_by(column))
    return {track_id: count for track_id, count in rows}


async def track_lines(s: AsyncSession) -> list[str]:
    """One line per track: name, zone, how many sessions and clients."""
    sessions = await _count_by_track(s, ProgramSession.track_id)
    clients = await _count_by_track(s, Client.track_id)
    return [
        f"{t.name} ({t.timezone}): {_count(sessions.get(t.id, 0), 'session')}, "
        f"{_count(clients.get(t.id, 0), 'client')}"
        for t in await schedules.list_tracks(s)
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


async def remove_track(s: AsyncSession, name: str, now: datetime) -> str:
    """Delete a track and its sessions (their due reminders become missed); clients stay."""
    track = await find_track(s, name)
    sessions = await schedules.list_sessions(s, track_id=track.id)
    for session in sessions:
        await schedules.remove_session(s, session, now)
    clients = await s.scalar(select(func.count()).where(Client.track_id == track.id))
    await schedules.remove_track(s, track)
    return (
        f"removed track {track.name} ({track.timezone}) with {_count(len(sessions), 'session')}; "
        f"{_count(clients or 0, 'client')} left without a track"
    )


async def add_sessions(s: AsyncSession, spec: SessionSpec, now: datetime) -> list[str]:
    """Create the sessions of a `session add`: one row per weekday, or one for a date;
    returns a line per session added ("added #12 ...") and per warning.

    The same session twice for one track or client (same day, start and kind) is refused;
    one that overlaps another the same people attend is added, with a warning line."""
    owner: dict[str, int | None] = {"track_id": None, "client_id": None}
    if spec.track is not None:
        track = await find_track(s, spec.track)
        owner["track_id"], zone = track.id, track.timezone
    else:
        client = await find_client(s, spec.client or "")
        owner["client_id"], zone = client.id, client.timezone
    if spec.once is not None:
        once_not_past(spec.once, zone, now, spec.start)
    warnings = await _clashes(s, spec, owner, zone, now)
    lines = []
    for weekday in spec.weekdays or (None,):
        session = await schedules.add_session(
            s, **owner, kind=spec.kind, weekday=weekday, once_date=spec.once,
            start_time=spec.start, duration_min=spec.length, place=spec.place,
            timezone=zone, created_at=now,
        )  # fmt: skip
        lines.append("added " + await describe(s, session))
    return lines + warnings


async def _clashes(
    s: AsyncSession, spec: SessionSpec, owner: dict[str, int | None], zone: str,
    now: datetime,
) -> list[str]:  # fmt: skip
    """Warning lines for the sessions the new ones overlap; AdminError for a duplicate.
    Sessions kept in another zone (a client's own beside their track's) and one-off
    sessions already past are not compared."""
    today = now.astimezone(ZoneInfo(zone)).date()
    ours = (owner["track_id"], owner["client_id"])
    found = await schedules.list_sessions(
        s, track_id=owner["track_id"], client_id=owner["client_id"]
    )
    warnings = []
    for old in found:
        if old.timezone != zone or (old.once_date is not None and old.once_date < today):
            continue
        then = Slot(old.weekday, old.once_date, old.start_time, old.duration_min, old.kind)
        seen = [clash(Slot(day, spec.once, spec.start, spec.length, spec.kind), then)
                for day in spec.weekdays or (None,)]  # fmt: skip
        if "duplicate" in seen and (old.track_id, old.client_id) == ours:
            raise AdminError(f"this session exists already: {await describe(s, old)}")
        if any(seen):
            warnings.append(f"warning: overlaps {await describe(s, old)}")
    return warnings


async def describe(s: AsyncSession, session: ProgramSession) -> str:
    """'#12  track Evening IOP  group  Mon 18:00-21:00 America/New_York  Room 4'."""
    if session.track_id is not None:
        track = await s.get(Track, session.track_id)
        owner = f"track {track.name if track else '?'}"
    else:
        client = await s.get(Client, session.client_id)
        owner = f"client {client.pseudo_id if client else '?'}"
    when = describe_when(
        session.weekday, session.once_date, session.start_time, session.duration_min,
        session.timezone,
    )  # fmt: skip
    parts = [f"#{session.id}", owner, session.kind, when, session.place or ""]
    return "  ".join(part for part in parts if part)


async def session_lines(
    s: AsyncSession, track: str | None = None, client: str | None = None
) -> list[str]:
    """All sessions, a track's, or those a client attends (their own and their track's)."""
    found: Sequence[ProgramSession]
    if track is not None:
        found = await schedules.list_sessions(s, track_id=(await find_track(s, track)).id)
    elif client is not None:
        found = await schedules.list_sessions(s, client_id=(await find_client(s, client)).id)
    else:
        found = await schedules.list_sessions(s)
    return [await describe(s, session) for session in found]


async def remove_session(s: AsyncSession, session_id: str, now: datetime) -> str:
    """Delete one session by id; its reminders still due are recorded as missed."""
    session = await schedules.get_session(s, parse_session_id(session_id))
    if session is None:
        raise AdminError(f"no session {session_id.strip()}; see the session list")
    line = await describe(s, session)
    dropped = await schedules.remove_session(s, session, now)
    return f"removed {line}" + (f" ({dropped} pending reminders cancelled)" if dropped else "")


async def new_invite(
    s: AsyncSession, now: datetime, expires_at: datetime, track: str | None,
    label: str | None = None, counselor: str | None = None,
) -> tuple[str, str]:  # fmt: skip
    """Store an invite, optionally for a track that must exist, with a staff-only label and
    counselor; return the code and the pseudonymous id its client will have."""
    label, counselor = check_label(label), check_counselor(counselor)
    name = (await find_track(s, track)).name if track is not None else None
    return await repo.create_invite(
        s, now=now, expires_at=expires_at, track=name, label=label, counselor=counselor
    )
