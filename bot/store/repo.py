"""Repositories: small async queries over one session. They never begin or commit: the
caller (the service layer) owns the transaction, so an event and its effects commit together.

Clients, invites, consent, conversation state, update ids and erasure live here; the patient's
logs live in `bot.store.records` and blocking in `bot.store.blocking`; both are re-exported, so
callers only import this module."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Result, bindparam, delete, func, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm.attributes import set_committed_value

from bot.store.blocking import set_blocked
from bot.store.models import Base, Client, Consent, Conversation, Invite, ProcessedUpdate
from bot.store.records import (
    add_coping_outcome,
    add_craving,
    add_crisis_event,
    add_trigger_log,
    count_since,
    get_checkin,
    get_craving,
    safety_asked_since,
    save_checkin,
)

__all__ = [
    "add_consent",
    "add_coping_outcome",
    "add_craving",
    "add_crisis_event",
    "add_trigger_log",
    "client_and_conversation",
    "client_tables",
    "count_since",
    "create_client",
    "create_invite",
    "delete_client",
    "find_invite",
    "get_checkin",
    "get_client",
    "get_client_by_tg",
    "get_craving",
    "hash_code",
    "invite_open",
    "load_conversation",
    "mark_update",
    "new_pseudo_id",
    "pending_invites",
    "prune_updates",
    "safety_asked_since",
    "save_checkin",
    "save_conversation",
    "save_turn",
    "set_blocked",
    "use_invite",
]

# Letters and digits minus 0/O/o and 1/l/I: codes are read aloud and typed from paper.
# 56 symbols x 12 is about 70 bits, far beyond guessing within an invite's lifetime.
INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
INVITE_LENGTH = 12
# Random ids rarely collide even once; several collisions in a row mean something is broken.
_ATTEMPTS = 8


async def get_client_by_tg(s: AsyncSession, tg_user_id: int) -> Client | None:
    """The client with this Telegram user id, if enrolled."""
    return await s.scalar(select(Client).where(Client.tg_user_id == tg_user_id))


async def get_client(s: AsyncSession, client_id: int) -> Client | None:
    """The client with this primary key."""
    return await s.get(Client, client_id)


async def _taken(
    s: AsyncSession, column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
    value: str,
) -> bool:  # fmt: skip
    """Whether `value` already occurs in a unique string column."""
    return await s.scalar(select(func.count()).where(column == value)) != 0


async def new_pseudo_id(s: AsyncSession) -> str:
    """A pseudonymous client id ("c-" and 8 hex digits) no client or invite has."""
    for _ in range(_ATTEMPTS):
        pseudo_id = "c-" + secrets.token_hex(4)
        if not await _taken(s, Client.pseudo_id, pseudo_id) and not await _taken(
            s, Invite.pseudo_id, pseudo_id
        ):
            return pseudo_id
    raise RuntimeError("could not find a free pseudo_id")


async def create_client(
    s: AsyncSession, *, tg_user_id: int, chat_id: int, now: datetime, language: str,
    timezone: str, invite: Invite | None = None,
) -> Client:  # fmt: skip
    """Insert a client in the "enrolling" status: with the id, label and counselor of the
    invite they redeem (an invite made before revision 0006 has no id: a fresh one)."""
    pseudo_id = invite.pseudo_id if invite is not None and invite.pseudo_id else None
    client = Client(
        pseudo_id=pseudo_id or await new_pseudo_id(s),
        label=invite.label if invite is not None else None,
        counselor=invite.counselor if invite is not None else None,
        tg_user_id=tg_user_id,
        chat_id=chat_id,
        status="enrolling",
        language=language,
        timezone=timezone,
        created_at=now,
    )
    s.add(client)
    await s.flush()
    return client


def _rowcount(result: Result[Any]) -> int:
    """Rows matched by an INSERT, UPDATE or DELETE."""
    # Session.execute is typed as returning a plain Result; for DML it is a CursorResult.
    return int(cast(CursorResult[Any], result).rowcount)


def hash_code(code: str) -> str:
    """The sha256 hex digest under which an invite code is stored."""
    return hashlib.sha256(code.strip().encode()).hexdigest()


async def create_invite(
    s: AsyncSession, *, now: datetime, expires_at: datetime, track: str | None = None,
    label: str | None = None, counselor: str | None = None,
) -> tuple[str, str]:  # fmt: skip
    """Store a new invite; its code (shown once, never stored) and the pseudonymous id the
    client who redeems it will have."""
    for _ in range(_ATTEMPTS):
        code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(INVITE_LENGTH))
        if not await _taken(s, Invite.code_hash, hash_code(code)):
            break
    else:
        raise RuntimeError("could not find a free invite code")
    pseudo_id = await new_pseudo_id(s)
    s.add(Invite(code_hash=hash_code(code), created_at=now, expires_at=expires_at, track=track,
                 pseudo_id=pseudo_id, label=label, counselor=counselor))  # fmt: skip
    await s.flush()
    return code, pseudo_id


async def find_invite(s: AsyncSession, code: str) -> Invite | None:
    """The invite for a typed code, used or expired ones included: the caller decides."""
    # FOR UPDATE (ignored by SQLite, which BEGIN IMMEDIATE already serialises) makes two
    # PostgreSQL transactions redeeming the same code take turns, so the second sees used_at.
    stmt = select(Invite).where(Invite.code_hash == hash_code(code)).with_for_update()
    return await s.scalar(stmt)


def invite_open(invite: Invite, now: datetime) -> bool:
    """Whether an invite still enrolls whoever opens it: not used, not revoked, not expired."""
    expires = invite.expires_at
    expires = expires if expires.tzinfo else expires.replace(tzinfo=UTC)  # SQLite reads naive
    return invite.used_at is None and invite.revoked_at is None and expires > now


async def pending_invites(
    s: AsyncSession, now: datetime, track: str | None = None
) -> Sequence[Invite]:
    """The invites that still enroll someone (`invite_open`), soonest to expire first;
    optionally only those for the track named `track`."""
    stmt = (
        select(Invite)
        .where(Invite.used_at.is_(None), Invite.revoked_at.is_(None), Invite.expires_at > now)
        .order_by(Invite.expires_at, Invite.id)
    )
    if track is not None:
        stmt = stmt.where(Invite.track == track)
    return (await s.scalars(stmt)).all()


async def use_invite(s: AsyncSession, invite: Invite, client_id: int, now: datetime) -> None:
    """Mark an invite as redeemed by a client; refuses an invite already used."""
    if invite.used_at is not None or invite.revoked_at is not None:
        raise ValueError(f"invite {invite.id} was already used or revoked")
    invite.used_at = now
    invite.client_id = client_id
    await s.flush()


async def client_and_conversation(
    s: AsyncSession, tg_user_id: int
) -> tuple[Client | None, Conversation | None]:
    """The client with this Telegram user id and their saved conversation, in one query:
    (None, None) for a stranger, (client, None) before anything was saved. Keep the
    conversation while the transaction lasts: `save_conversation` then finds it without a
    query (the session only holds objects nobody else does weakly)."""
    row = (await s.execute(_CLIENT_AND_CONVERSATION, {"tg": tg_user_id})).first()
    return (None, None) if row is None else (row[0], row[1])


_CLIENT_AND_CONVERSATION = (  # built once: a statement made per call costs its making
    select(Client, Conversation)
    .outerjoin(Conversation, Conversation.client_id == Client.id)
    .where(Client.tg_user_id == bindparam("tg"))
)


async def load_conversation(s: AsyncSession, client_id: int) -> tuple[str, dict[str, Any]] | None:
    """The client's conversation state and a copy of its draft, if any was saved."""
    conv = await s.get(Conversation, client_id)
    if conv is None:
        return None
    return conv.state, dict(conv.draft)


async def save_conversation(
    s: AsyncSession, client_id: int, state: str, draft: dict[str, Any], now: datetime
) -> None:
    """Insert or replace the client's conversation state and draft."""
    conv = await s.get(Conversation, client_id)
    if conv is None:
        conv = Conversation(client_id=client_id)
        s.add(conv)
    conv.state = state
    # A fresh dict: the JSON column only notices assignment, so re-saving the same dict object
    # after mutating it in place would otherwise be skipped at flush.
    conv.draft = dict(draft)
    conv.updated_at = now
    await s.flush()


_CLIENTS = Base.metadata.tables[Client.__tablename__]
_CONVERSATIONS = Base.metadata.tables[Conversation.__tablename__]
# Built once: a statement made per call costs its construction and its cache key each time.
_SEEN = (
    update(_CLIENTS).where(_CLIENTS.c.id == bindparam("cid")).values(last_seen_at=bindparam("now"))
)
_SAVED = (
    update(_CONVERSATIONS)
    .where(_CONVERSATIONS.c.client_id == bindparam("cid"))
    .values(state=bindparam("state"), draft=bindparam("draft"), updated_at=bindparam("now"))
)


async def save_turn(
    s: AsyncSession, client: Client, conv: Conversation | None, state: str,
    draft: dict[str, Any], now: datetime,
) -> None:  # fmt: skip
    """After an event: the client was seen at `now`, and their conversation is `state` and
    `draft`. `conv` is their saved conversation as loaded in this transaction
    (`client_and_conversation`), None when there was none. Two UPDATE statements rather
    than the ORM's unit of work (a fifth of the database's share of an update); the objects
    in the session are told the values, so nothing is written twice."""
    mine = s.sync_session
    if conv is None or inspect(conv).session is not mine or inspect(client).session is not mine:
        client.last_seen_at = now
        await save_conversation(s, client.id, state, draft, now)
        return
    fresh = dict(draft)  # the row's own copy, as save_conversation gives it
    connection = await s.connection()
    await connection.execute(_SEEN, {"cid": client.id, "now": now})
    await connection.execute(
        _SAVED, {"cid": client.id, "state": state, "draft": fresh, "now": now}
    )
    set_committed_value(client, "last_seen_at", now)
    for key, value in (("state", state), ("draft", fresh), ("updated_at", now)):
        set_committed_value(conv, key, value)


def _insert_ignoring_conflicts(s: AsyncSession) -> Any:
    """The dialect's INSERT construct, the one that knows ON CONFLICT."""
    name = s.get_bind().dialect.name
    if name == "sqlite":
        return sqlite.insert
    if name == "postgresql":
        return postgresql.insert
    raise NotImplementedError(f"no ON CONFLICT insert for {name}")


async def mark_update(s: AsyncSession, update_id: int, now: datetime) -> bool:
    """Record a Telegram update id; False when it was recorded before (a redelivery)."""
    # One statement, no read-then-insert: two workers handed the same update cannot both see
    # it as new, and the loser does not abort its transaction with an IntegrityError.
    insert = _insert_ignoring_conflicts(s)
    stmt = _MARKS.get(insert)
    if stmt is None:  # built once per dialect (its construction cost as much as running it)
        stmt = _MARKS[insert] = (
            insert(Base.metadata.tables[ProcessedUpdate.__tablename__])
            .values(update_id=bindparam("update_id"), processed_at=bindparam("now"))
            .on_conflict_do_nothing(index_elements=["update_id"])
        )
    connection = await s.connection()
    result = await connection.execute(stmt, {"update_id": update_id, "now": now})
    return _rowcount(result) == 1


_MARKS: dict[Any, Any] = {}  # the dialect's INSERT construct -> mark_update's statement


async def prune_updates(s: AsyncSession, before: datetime) -> int:
    """Forget update ids processed before `before`; returns how many."""
    stmt = delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < before)
    return _rowcount(await s.execute(stmt))


async def add_consent(s: AsyncSession, client_id: int, version: str, now: datetime) -> Consent:
    """Record that the client accepted consent text `version`."""
    consent = Consent(client_id=client_id, version=version, accepted_at=now)
    s.add(consent)
    await s.flush()
    return consent


def client_tables() -> list[type[Base]]:
    """Every model with a client_id column, dependents before the tables they reference."""
    classes = {mapper.local_table: mapper.class_ for mapper in Base.registry.mappers}
    return [
        classes[table]
        for table in reversed(Base.metadata.sorted_tables)
        if "client_id" in table.c and table in classes
    ]


async def delete_client(s: AsyncSession, client_id: int) -> dict[str, int]:
    """Erase the client and every row that names it; returns rows deleted per table."""
    # Explicit deletes rather than trusting ON DELETE CASCADE: that needs foreign_keys=ON on
    # every SQLite connection, and the counts make the erasure auditable.
    counts: dict[str, int] = {}
    for model in client_tables():
        table = model.__table__
        result = await s.execute(delete(model).where(table.c.client_id == client_id))
        counts[str(model.__tablename__)] = _rowcount(result)
    result = await s.execute(delete(Client).where(Client.id == client_id))
    counts[Client.__tablename__] = _rowcount(result)
    return counts
