"""The invites still waiting for their client: listed, and revoked, inside a transaction
`StaffDesk` opened. Making one is `bot.service.program.new_invite`.

An invite is pending while it is not used, not revoked and not expired
(`bot.store.repo.invite_open`); only a pending invite enrolls whoever opens its link. Its code
is never stored (only a hash), so staff name an invite by the client id it gives
(c-3f9a1b2c), by its number in the list (#12), or by the code or link itself.

Times are shown in the program's zone (`formats.program_when`). Each revocation is one audit
entry ("invite-revoke", subject the client id the invite gives, detail its number)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.staff_input import (
    INVITE_BY_CLIENT,
    INVITE_BY_ID,
    AdminError,
    parse_invite_ref,
)
from bot.locales.formats import program_day, program_when
from bot.store import audit, repo
from bot.store.models import Invite


def name_of(invite: Invite) -> str:
    """'#12 (c-3f9a1b2c)', or '#12' for an invite made before client ids were."""
    return f"#{invite.id} ({invite.pseudo_id})" if invite.pseudo_id else f"#{invite.id}"


def subject_of(invite: Invite) -> str:
    """The audit log's subject for an invite: the client id it gives ("all" for an invite
    made before client ids were)."""
    return invite.pseudo_id or "all"


async def invite_lines(s: AsyncSession, now: datetime, zone: str) -> list[str]:
    """One line per pending invite, soonest to expire first:
    '#12  c-3f9a1b2c  track Evening IOP  label A-17  counselor Dana R  expires 2026-12-03
    1:00 PM EST' (in `zone`, the program's; what is not set is left out); empty when none is
    pending."""
    lines = []
    for invite in await repo.pending_invites(s, now):
        parts = [
            f"#{invite.id}", invite.pseudo_id or "",
            f"track {invite.track}" if invite.track else "",
            f"label {invite.label}" if invite.label else "",
            f"counselor {invite.counselor}" if invite.counselor else "",
            f"expires {program_when(invite.expires_at, zone)}",
        ]  # fmt: skip
        lines.append("  ".join(part for part in parts if part))
    return lines


async def find_invite(s: AsyncSession, ref: str) -> Invite:
    """The invite staff named (see the module docstring), pending or not, or AdminError."""
    how, value = parse_invite_ref(ref)
    if how == INVITE_BY_ID:
        invite = await s.get(Invite, int(value))
        missing = f"no invite #{value}; see the invite list"
    elif how == INVITE_BY_CLIENT:
        invite = await s.scalar(select(Invite).where(Invite.pseudo_id == value))
        missing = f"no invite gives the client id {value}; see the invite list"
    else:
        invite = await repo.find_invite(s, value)
        missing = "no invite has that code; see the invite list"  # the code is not echoed
    if invite is None:
        raise AdminError(missing)
    return invite


async def revoke_invite(
    s: AsyncSession, ref: str, now: datetime, zone: str, actor: str
) -> str:
    """Revoke a pending invite, audited as `actor`: its link enrolls nobody from now on. A
    used, expired or already revoked invite raises AdminError saying which (dates and times
    in `zone`, the program's)."""
    invite = await find_invite(s, ref)
    if invite.used_at is not None:
        raise AdminError(
            f"invite {name_of(invite)} was used on {program_day(invite.used_at, zone)}; to "
            "end that client's messages, discharge them"
        )
    if invite.revoked_at is not None:
        raise AdminError(
            f"invite {name_of(invite)} was revoked on {program_day(invite.revoked_at, zone)}"
        )
    if not repo.invite_open(invite, now):
        raise AdminError(
            f"invite {name_of(invite)} expired on {program_when(invite.expires_at, zone)}"
        )
    await revoke_all(s, [invite], now, actor)
    return f"revoked invite {name_of(invite)}: its link no longer enrolls anyone"


async def revoke_all(
    s: AsyncSession, invites: Sequence[Invite], now: datetime, actor: str, why: str = ""
) -> int:
    """Mark these invites revoked, each audited as `actor` ("invite-revoke", its number and
    `why`); returns how many."""
    for invite in invites:
        invite.revoked_at = now
        await audit.record(s, actor, "invite-revoke", subject_of(invite),
                           f"invite #{invite.id}{why}", now)  # fmt: skip
    await s.flush()
    return len(invites)
