"""Repositories for program schedules and reminders. They never begin or commit.

Reminder rows move due -> claimed -> sending -> sent | uncertain | failed, or to missed when
they are not worth sending any more (`bot.store.models.Reminder` says each). Claiming happens
in its own short transaction: on PostgreSQL with FOR UPDATE SKIP LOCKED, so two dispatchers
never take the same row; on SQLite the BEGIN IMMEDIATE write lock serialises claimers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.blocking import BLOCKED
from bot.store.models import Attendance, Client, ProgramSession, Reminder, SessionSkip, Track
from bot.store.repo import _insert_ignoring_conflicts, _rowcount

# ---- tracks and sessions --------------------------------------------------------------------


async def create_track(s: AsyncSession, name: str, timezone: str, now: datetime) -> Track:
    track = Track(name=name, timezone=timezone, created_at=now)
    s.add(track)
    await s.flush()
    return track


async def get_track(s: AsyncSession, name: str) -> Track | None:
    return await s.scalar(select(Track).where(Track.name == name))


async def list_tracks(s: AsyncSession) -> Sequence[Track]:
    return (await s.scalars(select(Track).order_by(Track.name))).all()


async def remove_track(s: AsyncSession, track: Track) -> None:
    """Delete a track and its sessions; its clients stay, without a track."""
    await s.execute(update(Client).where(Client.track_id == track.id).values(track_id=None))
    sessions = await s.scalars(select(ProgramSession).where(ProgramSession.track_id == track.id))
    for session in list(sessions):
        await s.execute(
            update(Reminder)
            .where(Reminder.session_id == session.id, Reminder.status == "due")
            .values(status="missed", detail="session removed")
        )
        await s.delete(session)
    await s.delete(track)


async def add_session(s: AsyncSession, **fields: Any) -> ProgramSession:
    session = ProgramSession(**fields)
    s.add(session)
    await s.flush()
    return session


async def get_session(s: AsyncSession, session_id: int) -> ProgramSession | None:
    return await s.get(ProgramSession, session_id)


async def list_sessions(
    s: AsyncSession, *, track_id: int | None = None, client_id: int | None = None
) -> Sequence[ProgramSession]:
    """Sessions of a track, of a client (their own and their track's), or all."""
    stmt = select(ProgramSession).order_by(ProgramSession.id)
    if client_id is not None:
        client = await s.get(Client, client_id)
        track = client.track_id if client else None
        stmt = stmt.where(
            or_(ProgramSession.client_id == client_id, ProgramSession.track_id == track)
            if track is not None
            else ProgramSession.client_id == client_id
        )
    elif track_id is not None:
        stmt = stmt.where(ProgramSession.track_id == track_id)
    return (await s.scalars(stmt)).all()


async def remove_session(s: AsyncSession, session: ProgramSession, now: datetime) -> int:
    """Delete a session; its reminders still due are marked missed ("removed")."""
    result = await s.execute(
        update(Reminder)
        .where(Reminder.session_id == session.id, Reminder.status == "due")
        .values(status="missed", detail="session removed")
    )
    await s.delete(session)
    return _rowcount(result)


async def drop_planned(
    s: AsyncSession, session_ids: Sequence[int], now: datetime, client_id: int | None = None
) -> int:
    """Delete the reminders of these sessions (only one client's, when given) not sent yet,
    after the session changed or the client left its track: the rows still due, and those a
    block set aside whose time has not come (an unblock would put them back). They are plans;
    the planner writes what still holds from the new schedule. Returns the due rows deleted."""
    if not session_ids:
        return 0
    mine: ColumnElement[bool] = Reminder.session_id.in_(list(session_ids))
    if client_id is not None:
        mine = and_(mine, Reminder.client_id == client_id)
    due = await s.execute(delete(Reminder).where(mine, Reminder.status == "due"))
    set_aside = and_(Reminder.status == "missed", Reminder.detail == BLOCKED,
                     Reminder.due_at > now)  # fmt: skip
    await s.execute(delete(Reminder).where(mine, set_aside))
    return _rowcount(due)


# ---- dates a weekly session does not meet ---------------------------------------------------


async def add_skip(s: AsyncSession, session: ProgramSession, day: date, now: datetime) -> bool:
    """Record that `session` does not meet on `day` (its own zone's date); False when that
    date was skipped already."""
    found = await s.scalar(
        select(SessionSkip.id).where(
            SessionSkip.session_id == session.id, SessionSkip.skip_date == day
        )
    )
    if found is not None:
        return False
    s.add(SessionSkip(session_id=session.id, skip_date=day, created_at=now))
    await s.flush()
    return True


async def skipped_dates(
    s: AsyncSession, session_ids: Iterable[int] | None = None, since: date | None = None
) -> dict[int, frozenset[date]]:
    """The skipped dates by session id: of these sessions (all when None), from `since` on."""
    stmt = select(SessionSkip.session_id, SessionSkip.skip_date)
    if session_ids is not None:
        stmt = stmt.where(SessionSkip.session_id.in_(list(session_ids)))
    if since is not None:
        stmt = stmt.where(SessionSkip.skip_date >= since)
    found: dict[int, set[date]] = defaultdict(set)
    for session_id, day in (await s.execute(stmt)).all():
        found[session_id].add(day)
    return {session_id: frozenset(days) for session_id, days in found.items()}


async def drop_skips(s: AsyncSession, session_id: int, keep_weekday: int | None) -> int:
    """Forget a session's skipped dates that are not on `keep_weekday` (all when None): after
    its day changed they name no meeting."""
    rows = await s.scalars(select(SessionSkip).where(SessionSkip.session_id == session_id))
    dropped = 0
    for row in list(rows):
        if keep_weekday is None or row.skip_date.weekday() != keep_weekday:
            await s.delete(row)
            dropped += 1
    return dropped


async def cancel_session_day(
    s: AsyncSession, session: ProgramSession, day: date, detail: str
) -> int:
    """Mark the reminders still due of `session` meeting on `day` (in the session's zone)
    missed with `detail`; returns how many."""
    zone = ZoneInfo(session.timezone)
    rows = await s.scalars(
        select(Reminder).where(Reminder.session_id == session.id, Reminder.status == "due")
    )
    cancelled = 0
    for row in list(rows):
        if row.session_start is not None and row.session_start.astimezone(zone).date() == day:
            row.status, row.detail = "missed", detail
            cancelled += 1
    await s.flush()
    return cancelled


# ---- reminders ----------------------------------------------------------------------------

# The detail of a row a crash left "sending": handed to Telegram, answer never seen.
INTERRUPTED = "interrupted: sent or not, unknown"


async def add_reminders(s: AsyncSession, rows: list[dict[str, Any]], now: datetime) -> int:
    """Insert planned reminders; one already there (same client, kind, occurrence) is kept."""
    if not rows:
        return 0
    insert = _insert_ignoring_conflicts(s)
    # Every row gets every optional column, so one multi-row INSERT fits them all.
    blank = {"session_id": None, "session_start": None, "ref_id": None}
    values = [{"status": "due", "attempts": 0, "created_at": now, **blank, **r} for r in rows]
    keys = ["client_id", "kind", "occurrence"]
    if s.get_bind().dialect.supports_sane_multi_rowcount:  # SQLite: one statement, compiled
        # once and cached, run for every row (a multi-row VALUES is compiled anew each time:
        # most of the planner's time for 10,000 clients)
        stmt = insert(Reminder.__table__).on_conflict_do_nothing(index_elements=keys)
        return _rowcount(await s.execute(stmt, values))
    added = 0  # the driver does not count an executemany's rows: multi-row INSERTs
    for start in range(0, len(values), 500):  # stay under SQLite's bound-variable limit
        stmt = insert(Reminder.__table__).values(values[start : start + 500])
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
        added += _rowcount(await s.execute(stmt))
    return added


async def claim_due(
    s: AsyncSession, now: datetime, limit: int, clients: Collection[int] | None = None
) -> list[Reminder]:
    """Take up to `limit` reminders that are due now (only these `clients`' if given)."""
    ready = or_(Reminder.next_try_at.is_(None), Reminder.next_try_at <= now)
    stmt = (
        select(Reminder)
        .where(Reminder.status == "due", Reminder.due_at <= now, ready)
        .order_by(Reminder.due_at, Reminder.id)
        .limit(limit)
    )
    if clients is not None:
        stmt = stmt.where(Reminder.client_id.in_(list(clients)))
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    rows = list((await s.scalars(stmt)).all())
    for row in rows:
        row.status, row.claimed_at = "claimed", now
    await s.flush()
    return rows


async def mark_sending(s: AsyncSession, reminder_id: int, now: datetime) -> None:
    """The moment before the message is handed to Telegram: from here on a crash leaves it
    undecided (delivered or not), so it must never be sent a second time."""
    await s.execute(
        update(Reminder).where(Reminder.id == reminder_id).values(status="sending", claimed_at=now)
    )


async def expire_claims(s: AsyncSession, now: datetime, stale: timedelta) -> tuple[int, int]:
    """Rows a dead dispatcher left behind. Claimed but never handed to Telegram: back to due
    (the lateness rules then decide). Handed over (sending): Telegram may have delivered it,
    so it is recorded as uncertain ("interrupted"), never sent twice. Returns (requeued,
    interrupted)."""
    old = Reminder.claimed_at < now - stale
    requeued = await s.execute(
        update(Reminder).where(Reminder.status == "claimed", old).values(status="due")
    )
    interrupted = await s.execute(
        update(Reminder)
        .where(Reminder.status == "sending", old)
        .values(status="uncertain", detail=INTERRUPTED)
    )
    return _rowcount(requeued), _rowcount(interrupted)


async def finish_reminder(
    s: AsyncSession, reminder_id: int, status: str, now: datetime, detail: str | None = None
) -> None:
    """Mark a claimed reminder sent, missed, failed or uncertain."""
    values: dict[str, Any] = {"status": status, "detail": detail}
    if status == "sent":
        values["sent_at"] = now
    await s.execute(update(Reminder).where(Reminder.id == reminder_id).values(**values))


async def retry_reminder(s: AsyncSession, reminder_id: int, at: datetime, detail: str) -> None:
    """Put a claimed reminder back, to be tried again at `at`."""
    await s.execute(
        update(Reminder)
        .where(Reminder.id == reminder_id)
        .values(status="due", next_try_at=at, detail=detail, attempts=Reminder.attempts + 1)
    )


async def get_reminder(s: AsyncSession, reminder_id: int) -> Reminder | None:
    return await s.get(Reminder, reminder_id)


async def last_sent(s: AsyncSession, client_id: int, kind: str) -> datetime | None:
    stmt = select(Reminder.sent_at).where(
        Reminder.client_id == client_id, Reminder.kind == kind, Reminder.status == "sent"
    )
    return await s.scalar(stmt.order_by(Reminder.sent_at.desc()).limit(1))


async def cancel_due(s: AsyncSession, client_id: int, detail: str) -> int:
    """Mark every reminder of the client still due missed with `detail` (a discharge):
    they are never sent, and the planner cannot write the same occurrences again."""
    result = await s.execute(
        update(Reminder)
        .where(Reminder.client_id == client_id, Reminder.status == "due")
        .values(status="missed", detail=detail)
    )
    return _rowcount(result)


async def delete_unsent(s: AsyncSession, client_id: int, kinds: Sequence[str]) -> int:
    """Delete a client's planned rows of these kinds that are still due (never sent, never
    claimed): they are plans, and the planner writes them again from the new settings."""
    result = await s.execute(
        delete(Reminder).where(
            Reminder.client_id == client_id, Reminder.kind.in_(kinds), Reminder.status == "due"
        )
    )
    return _rowcount(result)


# ---- attendance ---------------------------------------------------------------------------


async def save_attendance(
    s: AsyncSession,
    client_id: int,
    session_id: int | None,
    session_start: datetime,
    answer: str,
    now: datetime,
) -> None:
    """One answer per client and session occurrence; a later tap replaces the answer."""
    insert = _insert_ignoring_conflicts(s)
    stmt = insert(Attendance.__table__).values(
        client_id=client_id, session_id=session_id, session_start=session_start,
        answer=answer, answered_at=now,
    )  # fmt: skip
    stmt = stmt.on_conflict_do_update(
        index_elements=["client_id", "session_id", "session_start"],
        set_={"answer": answer, "answered_at": now},
    )
    await s.execute(stmt)


async def recent_checkin_dates(s: AsyncSession, client_id: int, since: date) -> list[date]:
    from bot.store.models import CheckIn

    stmt = select(CheckIn.local_date).where(
        CheckIn.client_id == client_id, CheckIn.local_date >= since
    )
    return list((await s.scalars(stmt)).all())
