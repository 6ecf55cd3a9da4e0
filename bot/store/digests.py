"""The daily flag digest's rows: one per program day, claimed in one statement.

Like the other repositories these flush but never begin or commit."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Base, FlagDigest
from bot.store.repo import _insert_ignoring_conflicts


async def sent_on(s: AsyncSession, day: date) -> bool:
    """Whether the digest of this program day was already made (sent, or found nothing)."""
    return await s.scalar(select(FlagDigest.id).where(FlagDigest.day == day)) is not None


async def claim(
    s: AsyncSession, day: date, now: datetime, clients: int, messages: int
) -> int | None:
    """Write the day's digest row; its id, or None when another run wrote it first."""
    # One statement, no read-then-insert: two processes at the same minute cannot both send
    # the day's digest, and the loser's transaction does not fail.
    table = Base.metadata.tables[FlagDigest.__tablename__]
    stmt = (
        _insert_ignoring_conflicts(s)(table)
        .values(day=day, created_at=now, clients=clients, messages=messages)
        .on_conflict_do_nothing(index_elements=["day"])
        .returning(table.c.id)
    )
    found = (await s.execute(stmt)).scalar_one_or_none()
    return int(found) if found is not None else None


async def for_update(s: AsyncSession, digest_id: int) -> FlagDigest | None:
    """The digest row, locked for the rest of the transaction (PostgreSQL)."""
    return await s.get(FlagDigest, digest_id, with_for_update=True)
