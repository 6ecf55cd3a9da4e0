"""The program's tracks, sessions and invites, inside a transaction `StaffDesk` opened.

Every function works inside the caller's transaction and returns the lines to show; a bad
name or id raises `AdminError` before anything is written, so the transaction rolls back
whole. Each one that changes the program writes one audit entry as `actor`, in the same
transaction ("track-add", "session-edit", ...: `bot.store.audit.PROGRAM_ACTIONS`), with ids,
the track's name, kinds and times; never a session's place or an invite's label or counselor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.domain.staff_input import (
    DAY_NAMES,
    AdminError,
    SessionEdit,
    SessionSpec,
    Slot,
    check_counselor,
    check_label,
    check_skip,
    check_track_name,
    check_zone,
    clash,
    describe_when,
    once_not_past,
    parse_date,
    parse_session_id,
)
from bot.locales.formats import counted, program_when
from bot.service import invites
from bot.store import audit, repo, schedules
from bot.store.models import Client, Invite, ProgramSession, Track


async def find_track(s: AsyncSession, name: str) -> Track:
    """The track with this name, or AdminError."""
    track = await schedules.get_track(s, check_track_name(name))
    if track is None:
        raise AdminError(f"no track named {name.strip()!r}; see the track list")
    return track


async def find_client(s: AsyncSession, pseudo_id: str) -> Client:
    """The client with this pseudonymous id (e.g. c-1a2b3c4d), or AdminError."""
    wanted = pseudo_id.strip()
    client = await s.scalar(select(Client).where(Client.pseudo_id == wanted))
    if client is None:
        invite = await s.scalar(select(Invite.id).where(Invite.pseudo_id == wanted))
        if invite is not None:
            raise AdminError(f"no client with id {wanted!r}: invite #{invite} gives that id, "
                             "and nobody has used it; see the invite list")  # fmt: skip
        raise AdminError(f"no client with id {wanted!r}")
    return client


async def add_track(s: AsyncSession, name: str, zone: str, now: datetime, actor: str) -> str:
    """Create a track; its name must be new."""
    name, zone = check_track_name(name), check_zone(zone)
    if await schedules.get_track(s, name) is not None:
        raise AdminError(f"track {name!r} already exists")
    await schedules.create_track(s, name, zone, now)
    await audit.record(s, actor, "track-add", "all", f"track {name} ({zone})", now)
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
        f"{t.name} ({t.timezone}): {counted(sessions.get(t.id, 0), 'session', 'sessions')}, "
        f"{counted(clients.get(t.id, 0), 'client', 'clients')}"
        for t in await schedules.list_tracks(s)
    ]


def _invites(n: int) -> str:
    return counted(n, "pending invite", "pending invites")


def _reminders(n: int) -> str:
    return counted(n, "pending reminder", "pending reminders")


async def remove_track(
    s: AsyncSession, name: str, now: datetime, actor: str, force: bool = False
) -> str:
    """Delete a track and its sessions (their due reminders become missed); clients stay.

    Pending invites for the track refuse it (their clients would join no track), unless
    `force`, which revokes them (each audited): their links then enroll nobody."""
    track = await find_track(s, name)
    pending = await repo.pending_invites(s, now, track=track.name)
    if pending and not force:
        raise AdminError(
            f"track {track.name} has {_invites(len(pending))} "
            f"({', '.join(invites.name_of(i) for i in pending)}); revoke them, "
            "or remove the track with --force, which revokes them"
        )
    voided = await invites.revoke_all(s, pending, now, actor, f", track {track.name} removed")
    sessions = await schedules.list_sessions(s, track_id=track.id)
    for session in sessions:
        await schedules.remove_session(s, session, now)
    clients = await s.scalar(select(func.count()).where(Client.track_id == track.id)) or 0
    await schedules.remove_track(s, track)
    left = f"{counted(clients, 'client', 'clients')} left without a track"
    detail = (
        f"track {track.name} ({track.timezone}): "
        f"{counted(len(sessions), 'session removed', 'sessions removed')}, {left}, "
        f"{_invites(voided)} revoked"
    )
    await audit.record(s, actor, "track-remove", "all", detail, now)
    line = (
        f"removed track {track.name} ({track.timezone}) with "
        f"{counted(len(sessions), 'session', 'sessions')}; {left}"
    )
    return line + (f"; {_invites(voided)} revoked" if voided else "")


async def add_sessions(
    s: AsyncSession, spec: SessionSpec, now: datetime, actor: str
) -> list[str]:
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
    lines, added = [], []
    for weekday in spec.weekdays or (None,):
        session = await schedules.add_session(
            s, **owner, kind=spec.kind, weekday=weekday, once_date=spec.once,
            start_time=spec.start, duration_min=spec.length, place=spec.place,
            timezone=zone, created_at=now,
        )  # fmt: skip
        added.append(session)
        lines.append("added " + await describe(s, session))
    await audit.record(s, actor, "session-add", await _subject(s, added[0]),
                       await _audited(s, added), now)  # fmt: skip
    return lines + warnings


async def _clashes(
    s: AsyncSession, spec: SessionSpec, owner: dict[str, int | None], zone: str,
    now: datetime, editing: int | None = None,
) -> list[str]:  # fmt: skip
    """Warning lines for the sessions the new ones overlap; AdminError for a duplicate.
    Sessions kept in another zone (a client's own beside their track's), one-off sessions
    already past, and the session being edited (`editing`, its id) are not compared."""
    today = now.astimezone(ZoneInfo(zone)).date()
    ours = (owner["track_id"], owner["client_id"])
    found = await schedules.list_sessions(
        s, track_id=owner["track_id"], client_id=owner["client_id"]
    )
    warnings = []
    for old in found:
        if old.id == editing or old.timezone != zone or (
            old.once_date is not None and old.once_date < today
        ):
            continue
        then = Slot(old.weekday, old.once_date, old.start_time, old.duration_min, old.kind)
        seen = [clash(Slot(day, spec.once, spec.start, spec.length, spec.kind), then)
                for day in spec.weekdays or (None,)]  # fmt: skip
        if "duplicate" in seen and (old.track_id, old.client_id) == ours:
            raise AdminError(f"this session exists already: {await describe(s, old)}")
        if any(seen):
            warnings.append(f"warning: overlaps {await describe(s, old)}")
    return warnings


async def _owner(s: AsyncSession, session: ProgramSession) -> str:
    """'track Evening IOP' or 'client c-3f9a1b2c'."""
    if session.track_id is not None:
        track = await s.get(Track, session.track_id)
        return f"track {track.name if track else '?'}"
    client = await s.get(Client, session.client_id)
    return f"client {client.pseudo_id if client else '?'}"


def _when(session: ProgramSession) -> str:
    return describe_when(
        session.weekday, session.once_date, session.start_time, session.duration_min,
        session.timezone,
    )  # fmt: skip


async def describe(s: AsyncSession, session: ProgramSession) -> str:
    """'#12  track Evening IOP  group  Mon 18:00-21:00 America/New_York  Room 4'."""
    parts = [f"#{session.id}", await _owner(s, session), session.kind, _when(session),
             session.place or ""]  # fmt: skip
    return "  ".join(part for part in parts if part)


async def _subject(s: AsyncSession, session: ProgramSession) -> str:
    """The audit log's subject for a session: its client's id, or "all" for a track's."""
    if session.client_id is None:
        return "all"
    client = await s.get(Client, session.client_id)
    return client.pseudo_id if client else "all"


async def _audited(s: AsyncSession, sessions: Sequence[ProgramSession]) -> str:
    """The audit detail of sessions added together (one per weekday): '#1, #2: track Evening
    IOP group Mon, Wed 18:00-21:00 America/New_York'. Never the place (staff text that may
    hold a video link's passcode)."""
    first = sessions[0]
    when = _when(first)
    if first.weekday is not None and len(sessions) > 1:
        days = ", ".join(DAY_NAMES[x.weekday] for x in sessions if x.weekday is not None)
        when = days + when[len(DAY_NAMES[first.weekday]):]
    ids = ", ".join(f"#{x.id}" for x in sessions)
    return f"{ids}: {await _owner(s, first)} {first.kind} {when}"


async def session_lines(
    s: AsyncSession, now: datetime, track: str | None = None, client: str | None = None
) -> list[str]:
    """All sessions, a track's, or those a client attends (their own and their track's);
    a weekly session's skipped dates from today on follow it, "(skipped: 2026-12-24)"."""
    found: Sequence[ProgramSession]
    if track is not None:
        found = await schedules.list_sessions(s, track_id=(await find_track(s, track)).id)
    elif client is not None:
        found = await schedules.list_sessions(s, client_id=(await find_client(s, client)).id)
    else:
        found = await schedules.list_sessions(s)
    skips = await schedules.skipped_dates(
        s, [session.id for session in found], since=now.date() - timedelta(days=1)
    )
    lines = []
    for session in found:
        today = now.astimezone(ZoneInfo(session.timezone)).date()
        ahead = sorted(day for day in skips.get(session.id, ()) if day >= today)
        skipped = f"  (skipped: {', '.join(d.isoformat() for d in ahead)})" if ahead else ""
        lines.append(await describe(s, session) + skipped)
    return lines


async def find_session(s: AsyncSession, session_id: str | int) -> ProgramSession:
    """The session with this id ('12', '#12' or 12), or AdminError."""
    number = session_id if isinstance(session_id, int) else parse_session_id(session_id)
    session = await schedules.get_session(s, number)
    if session is None:
        raise AdminError(f"no session {number}; see the session list")
    return session


async def remove_session(s: AsyncSession, session_id: str, now: datetime, actor: str) -> str:
    """Delete one session by id; its reminders still due are recorded as missed."""
    session = await find_session(s, session_id)
    line, detail = await describe(s, session), await _audited(s, [session])
    subject = await _subject(s, session)
    dropped = await schedules.remove_session(s, session, now)
    cancelled = f" ({_reminders(dropped)} cancelled)" if dropped else ""
    await audit.record(s, actor, "session-remove", subject, detail + cancelled, now)
    return f"removed {line}{cancelled}"


async def new_invite(
    s: AsyncSession, now: datetime, expires_at: datetime, track: str | None,
    label: str | None, counselor: str | None, *, actor: str, zone: str,
) -> tuple[str, str]:  # fmt: skip
    """Store an invite, optionally for a track that must exist, with a staff-only label and
    counselor; return the code and the pseudonymous id its client will have. Audited as
    `actor` ("invite": its number, track and expiry in `zone`; not the label or counselor)."""
    label, counselor = check_label(label), check_counselor(counselor)
    name = (await find_track(s, track)).name if track is not None else None
    code, pseudo_id = await repo.create_invite(
        s, now=now, expires_at=expires_at, track=name, label=label, counselor=counselor
    )
    number = await s.scalar(select(Invite.id).where(Invite.pseudo_id == pseudo_id))
    on = f", track {name}" if name else ""
    detail = f"invite #{number}{on}, expires {program_when(expires_at, zone)}"
    await audit.record(s, actor, "invite", pseudo_id, detail, now)
    return code, pseudo_id


# ---- one date off, and changes -------------------------------------------------------------

SKIPPED = "session skipped"  # the detail of a reminder a skipped date cancelled


async def skip_session(
    s: AsyncSession, session_id: str, day: str, now: datetime, actor: str
) -> str:
    """Take one date (in the session's zone, YYYY-MM-DD) off a weekly session: its reminders
    still due for that date are recorded missed ("session skipped"), the planner plans none
    for it, and neither /sessions nor the session list shows it as a meeting."""
    session = await find_session(s, session_id)
    when = parse_date(day)
    check_skip(session.id, session.weekday, session.once_date, when, session.timezone, now,
               session.start_time)  # fmt: skip
    if not await schedules.add_skip(s, session, when, now):
        raise AdminError(f"session #{session.id} is skipped on {when.isoformat()} already")
    cancelled = await schedules.cancel_session_day(s, session, when, SKIPPED)
    told = f" ({_reminders(cancelled)} cancelled)" if cancelled else ""
    await audit.record(s, actor, "session-skip", await _subject(s, session),
                       f"#{session.id} on {when:%a} {when.isoformat()}{told}", now)  # fmt: skip
    return f"skipping {await describe(s, session)} on {when:%a} {when.isoformat()}{told}"


async def edit_session(
    s: AsyncSession, session_id: str, edit: SessionEdit, now: datetime, actor: str
) -> list[str]:
    """Change a session in place (same id): its kind, start, length, place, or its day
    (`weekday`, or a date with `once`). The same checks as `add_sessions`: the same session
    twice is refused, a one-off in the past is refused, an overlap is added with a warning
    line. Its reminders not sent yet are replaced at once from the new times (a new time is
    announced like a new session: the day-before reminder goes at once if its evening has
    passed); skipped dates that are no longer its day are forgotten.

    Returns "changed #12 ... (was ...)" and a "warning: overlaps ..." line per overlap."""
    session = await find_session(s, session_id)
    weekday, once = session.weekday, session.once_date
    if edit.weekday is not None or edit.once is not None:
        weekday, once = edit.weekday, edit.once
    place = None if edit.clear_place else (edit.place or session.place)
    spec = SessionSpec(
        kind=edit.kind or session.kind, start=edit.start or session.start_time,
        length=edit.length or session.duration_min,
        weekdays=(weekday,) if once is None and weekday is not None else (),
        once=once, place=place,
    )  # fmt: skip
    old = (session.kind, session.weekday, session.once_date, session.start_time,
           session.duration_min, session.place)  # fmt: skip
    new = (spec.kind, weekday if once is None else None, once, spec.start, spec.length, place)
    if new == old:
        return [f"no change to {await describe(s, session)}"]
    if once is not None:
        once_not_past(once, session.timezone, now, spec.start)
    owner = {"track_id": session.track_id, "client_id": session.client_id}
    warnings = await _clashes(s, spec, owner, session.timezone, now, editing=session.id)
    before = _parts(session)
    session.kind, session.weekday, session.once_date = spec.kind, new[1], once
    session.start_time, session.duration_min, session.place = spec.start, spec.length, place
    session.updated_at = now
    await schedules.drop_skips(s, session.id, session.weekday)
    replaced = await schedules.drop_planned(s, [session.id], now)
    await s.flush()
    await _plan_attendees(s, session, now)
    after = _parts(session)
    was = [part for part in before if part not in after]
    line = f"changed {await describe(s, session)} (was {', '.join(was)})"
    if replaced:
        line += f"; {_reminders(replaced)} replaced"
    # The place is staff text (a room, a video link and its passcode): only that it changed.
    changes = [f"{old} -> {new}" for old, new in zip(before[:2], after[:2], strict=True)
               if old != new]  # fmt: skip
    if before[2] != after[2]:
        changes.append("place changed")
    await audit.record(s, actor, "session-edit", await _subject(s, session),
                       f"#{session.id}: {', '.join(changes)}", now)  # fmt: skip
    return [line, *warnings]


def _parts(session: ProgramSession) -> list[str]:
    """What `edit_session` may change, as `describe` shows it: kind, when, place."""
    return [session.kind, _when(session), session.place or "no place"]


async def _plan_attendees(s: AsyncSession, session: ProgramSession, now: datetime) -> None:
    """Plan the reminders of everyone who attends `session` (its client, or its track's
    clients) at once, in the caller's transaction."""
    from bot.reminders.planner import plan_clients  # the planner imports the store

    if session.client_id is not None:
        who = Client.id == session.client_id
    else:
        who = Client.track_id == session.track_id
    clients = (await s.scalars(select(Client).where(who, Client.status == "active"))).all()
    if clients:
        await plan_clients(s, clients, now)
