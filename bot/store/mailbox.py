"""The inbox and the outbox: queries over one session (the caller owns the transaction).

Inbox: a Telegram update is written here before the next getUpdates confirms it to Telegram,
and deleted (its id kept in processed_updates) once handled. Outbox: a message is written in
the transaction of the event that decided it and deleted once Telegram accepted it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import (
    Base,
    CrisisEvent,
    InboxUpdate,
    NoticeMessage,
    OutboxMessage,
    ProcessedUpdate,
)
from bot.store.repo import _insert_ignoring_conflicts, _rowcount


async def record_updates(
    s: AsyncSession, updates: Sequence[tuple[int, int | None, dict[str, Any]]], now: datetime
) -> list[int]:
    """Write (update_id, lane, payload) rows; an update handled before (a redelivery) or
    already waiting is skipped. Returns the ids written now, ascending."""
    if not updates:
        return []
    ids = [u[0] for u in updates]
    seen = set(await s.scalars(select(ProcessedUpdate.update_id).where(
        ProcessedUpdate.update_id.in_(ids))))  # fmt: skip
    seen |= set(await s.scalars(select(InboxUpdate.update_id).where(
        InboxUpdate.update_id.in_(ids))))  # fmt: skip
    fresh = [u for u in updates if u[0] not in seen]
    if fresh:  # one Core INSERT (the ORM's unit of work cost more than the writing)
        connection = await s.connection()
        await connection.execute(_INBOX_INSERT, [
            {"update_id": update_id, "lane": lane, "payload": payload, "received_at": now,
             "attempts": 1} for update_id, lane, payload in fresh
        ])  # fmt: skip
    return sorted(u[0] for u in fresh)


async def restart_inbox(
    s: AsyncSession, most: int, now: datetime
) -> tuple[list[InboxUpdate], list[int]]:
    """At start-up: every update a previous run left unhandled, oldest first, each counted as
    one more attempt. Those already tried `most` times are set aside (deleted, marked
    processed) and returned second."""
    rows = list(await s.scalars(select(InboxUpdate).order_by(InboxUpdate.update_id)))
    keep: list[InboxUpdate] = []
    aside: list[int] = []
    for row in rows:
        if row.attempts >= most:
            aside.append(row.update_id)
        else:
            row.attempts += 1
            keep.append(row)
    await finish_updates(s, aside)
    if aside:  # and never fetched again, should Telegram still hold them
        insert = _insert_ignoring_conflicts(s)
        table = Base.metadata.tables[ProcessedUpdate.__tablename__]
        stmt = insert(table).on_conflict_do_nothing(index_elements=["update_id"])
        await s.execute(stmt, [{"update_id": i, "processed_at": now} for i in aside])
    return keep, aside


async def drop_update(s: AsyncSession, update_id: int) -> bool:
    """Delete one update's inbox row inside its event's transaction; whether it was there
    (it may not be written yet, or at all: the poller records a batch beside its handling)."""
    connection = await s.connection()
    return _rowcount(await connection.execute(_INBOX_DROP, {"update_id": update_id})) == 1


async def finish_updates(s: AsyncSession, update_ids: Iterable[int]) -> None:
    """The updates are handled (or set aside): their payload is dropped. Their ids are not
    marked processed here: the event's own transaction does that (`repo.mark_update`), and
    may still be waiting for the database when the door has already answered."""
    ids = list(update_ids)
    if ids:
        await s.execute(delete(InboxUpdate).where(InboxUpdate.update_id.in_(ids)))


async def add_outgoing(
    s: AsyncSession, rows: Sequence[dict[str, Any]], now: datetime, due: datetime | None = None
) -> list[int]:
    """Write outbox rows (chat_id, client_id, update_id, kind, payload: those keys in every
    row); returns their ids in the order given. They are due at `due` (default: now)."""
    if not rows:
        return []
    values = [
        {**row, "status": "pending", "attempts": 0, "next_try_at": due or now, "created_at": now}
        for row in rows
    ]
    # One INSERT for all of them (one object and one statement each otherwise), built once,
    # of the table: the ORM's bulk INSERT path cost more than the statement itself.
    connection = await s.connection()
    return list((await connection.execute(_OUTBOX_INSERT, values)).scalars().all())


_INBOX = Base.metadata.tables[InboxUpdate.__tablename__]
_INBOX_INSERT = insert(_INBOX)
_INBOX_DROP = delete(_INBOX).where(_INBOX.c.update_id == bindparam("update_id"))
_OUTBOX = Base.metadata.tables[OutboxMessage.__tablename__]
_OUTBOX_INSERT = insert(_OUTBOX).returning(_OUTBOX.c.id, sort_by_parameter_order=True)


async def due_outgoing(
    s: AsyncSession, now: datetime, skip: Iterable[int], limit: int
) -> list[OutboxMessage]:
    """Pending rows whose time has come, oldest first, except the ids in `skip` (being sent
    by this process right now)."""
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_try_at <= now)
        .order_by(OutboxMessage.id)
        .limit(limit + len(set(skip)))
    )
    skipped = set(skip)
    return [row for row in await s.scalars(stmt) if row.id not in skipped][:limit]


async def release_outgoing(s: AsyncSession, now: datetime, before: datetime) -> int:
    """After a start: rows a previous run (one that wrote them before `before`) was about to
    send itself, never tried yet, are due now. Returns how many."""
    stmt = (
        update(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.attempts == 0)
        .where(OutboxMessage.next_try_at > now, OutboxMessage.created_at < before)
        .values(next_try_at=now)
    )
    return _rowcount(await s.execute(stmt))


async def release_ids(s: AsyncSession, ids: Iterable[int], now: datetime) -> int:
    """These rows are due now (their sender will not send them itself); returns how many."""
    wanted = list(ids)
    if not wanted:
        return 0
    stmt = (
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(wanted), OutboxMessage.status == "pending")
        .values(next_try_at=now)
    )
    return _rowcount(await s.execute(stmt))


async def sent_outgoing(s: AsyncSession, ids: Iterable[int]) -> None:
    """Telegram accepted these: nothing of them is kept."""
    wanted = list(ids)
    if wanted:
        await s.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(wanted)))


async def retry_outgoing(
    s: AsyncSession, row_id: int, now: datetime, detail: str,
    wait: Callable[[int], timedelta],
) -> None:  # fmt: skip
    """One more failed attempt at this row: try again `wait(attempts)` after `now`."""
    row = await s.get(OutboxMessage, row_id)
    if row is None:
        return
    row.attempts += 1
    row.next_try_at = now + wait(row.attempts)
    row.detail = detail[:64]


async def drop_follow_ups(s: AsyncSession, ids: Iterable[int], keys: Sequence[str]) -> None:
    """These rows' follow-ups were sent already: their payloads keep the rest only."""
    for row_id in ids:
        row = await s.get(OutboxMessage, row_id)
        if row is not None:
            row.payload = {k: v for k, v in row.payload.items() if k not in keys}


async def fail_outgoing(s: AsyncSession, ids: Iterable[int], detail: str) -> None:
    """These can never be delivered: kept as failed, their words dropped."""
    wanted = list(ids)
    if wanted:
        await s.execute(
            update(OutboxMessage).where(OutboxMessage.id.in_(wanted))
            .values(status="failed", payload={}, detail=detail[:64])
        )  # fmt: skip


async def fail_chat(s: AsyncSession, chat_id: int, detail: str) -> int:
    """Every pending row for `chat_id` fails (the person blocked the bot); returns how many."""
    stmt = (
        update(OutboxMessage)
        .where(OutboxMessage.chat_id == chat_id, OutboxMessage.status == "pending")
        .values(status="failed", payload={}, detail=detail[:64])
    )
    return _rowcount(await s.execute(stmt))


async def move_chat(s: AsyncSession, old: int, new: int) -> None:
    """A group became a supergroup: rows still waiting for it go to its new id."""
    waiting = (OutboxMessage.chat_id == old, OutboxMessage.status == "pending")
    await s.execute(update(OutboxMessage).where(*waiting).values(chat_id=new))


async def notices_shown(
    s: AsyncSession, shown: Iterable[tuple[int, int, int]], now: datetime
) -> None:
    """Remember where crisis notices were delivered: (crisis event id, chat id, message id).
    A notice whose event is gone meanwhile (the client erased) is not remembered."""
    rows = list(shown)
    if not rows:
        return
    ids = {event_id for event_id, _, _ in rows}
    alive = set(await s.scalars(select(CrisisEvent.id).where(CrisisEvent.id.in_(ids))))
    for event_id, chat_id, message_id in rows:
        if event_id in alive:
            s.add(NoticeMessage(event_id=event_id, chat_id=chat_id, message_id=message_id,
                                sent_at=now))  # fmt: skip


async def notice_messages(s: AsyncSession, event_id: int) -> list[tuple[int, int]]:
    """Where crisis notice `event_id` was delivered, as (chat id, message id), oldest first."""
    rows = await s.execute(
        select(NoticeMessage.chat_id, NoticeMessage.message_id)
        .where(NoticeMessage.event_id == event_id).order_by(NoticeMessage.id)
    )  # fmt: skip
    return [(int(chat), int(message)) for chat, message in rows]
