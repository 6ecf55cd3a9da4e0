"""The web view's rows: staff members and their roles, one-time sign-in links, sessions.

Tokens are never stored, only their SHA-256 (`token_hash`). Like the other repositories these
flush but never begin or commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import StaffMember, WebSession, WebSignIn


async def staff_member(s: AsyncSession, tg_user_id: int) -> StaffMember | None:
    return await s.get(StaffMember, tg_user_id)


async def staff_members(s: AsyncSession) -> Sequence[StaffMember]:
    """Every staff member, by name."""
    return (await s.scalars(select(StaffMember).order_by(StaffMember.name))).all()


async def put_staff(
    s: AsyncSession, tg_user_id: int, name: str, role: str, now: datetime
) -> tuple[StaffMember, bool]:
    """Add the staff member, or change the name and role of one already there; (row, added)."""
    row = await s.get(StaffMember, tg_user_id, with_for_update=True)
    if row is None:
        row = StaffMember(tg_user_id=tg_user_id, name=name, role=role, created_at=now)
        s.add(row)
        await s.flush()
        return row, True
    row.name, row.role = name, role
    await s.flush()
    return row, False


async def remove_staff(s: AsyncSession, tg_user_id: int) -> bool:
    """Delete the staff member with their sign-in links and sessions; whether one was there."""
    row = await s.get(StaffMember, tg_user_id)
    if row is None:
        return False
    await s.execute(delete(WebSession).where(WebSession.staff_id == tg_user_id))
    await s.execute(delete(WebSignIn).where(WebSignIn.staff_id == tg_user_id))
    await s.delete(row)
    await s.flush()
    return True


async def add_sign_in(
    s: AsyncSession, token_hash: str, staff_id: int, now: datetime, expires: datetime
) -> None:
    s.add(WebSignIn(token_hash=token_hash, staff_id=staff_id, created_at=now, expires_at=expires))
    await s.flush()


async def sign_in(s: AsyncSession, token_hash: str) -> WebSignIn | None:
    """The sign-in link with this hash, locked for its one use; None when unknown."""
    stmt = select(WebSignIn).where(WebSignIn.token_hash == token_hash).with_for_update()
    return (await s.scalars(stmt)).first()


async def drop_old_sign_ins(s: AsyncSession, before: datetime) -> None:
    """Forget the links that expired before `before` (used or not)."""
    await s.execute(delete(WebSignIn).where(WebSignIn.expires_at < before))


async def add_session(
    s: AsyncSession, token_hash: str, staff_id: int, csrf: str, now: datetime
) -> WebSession:
    row = WebSession(token_hash=token_hash, staff_id=staff_id, csrf=csrf, created_at=now,
                     seen_at=now)  # fmt: skip
    s.add(row)
    await s.flush()
    return row


async def session(s: AsyncSession, token_hash: str) -> WebSession | None:
    return (await s.scalars(select(WebSession).where(WebSession.token_hash == token_hash))).first()


async def end_sessions(
    s: AsyncSession, *, session_id: int | None = None, staff_id: int | None = None
) -> int:
    """End one session (`session_id`) or every session of a staff member; how many ended."""
    stmt = delete(WebSession)
    if session_id is not None:
        stmt = stmt.where(WebSession.id == session_id)
    elif staff_id is not None:
        stmt = stmt.where(WebSession.staff_id == staff_id)
    else:
        raise ValueError("end_sessions needs a session or a staff member")
    result = await s.execute(stmt)
    return int(getattr(result, "rowcount", 0) or 0)
