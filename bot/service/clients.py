"""A client's place in the program, as staff change it, inside a transaction `StaffDesk`
opened: their track, their discharge (and readmission), and the erasure of their record.

Discharge ends the program for a client while keeping their record: status "discharged" and
`discharged_at`. From then on no message of any kind goes to them on the bot's own initiative:
the reminders still due are recorded missed ("discharged"), the planner plans nothing for a
client who is not active, and neither a craving log nor a crisis plans a follow-up for them.
What they write is still answered, and help and crisis screening work for them as for
anyone (a crisis still reaches the staff chat). Neither /start nor a new invite readmits
them: the end of a program is the program's decision, and only staff undo it (`readmit`).
An invite opened from their Telegram account is not redeemed (the account already has a
record); it stays pending until it expires or is revoked. The record is kept until the
client erases it (/delete) or staff do (`erase`).

Erasure is exactly the client's own /delete (`erase_client`, which the conversation calls
too); staff's is audited with the pseudonymous id only.

Each change is one audit entry as the staff member (`actor`): "set-track", "discharge",
"readmit", "erase"."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.staff_input import AdminError
from bot.locales.formats import counted, program_day
from bot.reminders.planner import plan_clients
from bot.service.program import find_client, find_track
from bot.store import audit, repo, schedules
from bot.store.models import DISCHARGED, Client, Reminder, Track


async def erase_client(s: AsyncSession, client: Client) -> dict[str, int]:
    """Erase the client and every row that names them (the client's /delete, and staff's
    `erase`); returns the rows deleted per table."""
    return await repo.delete_client(s, client.id)


async def erase(s: AsyncSession, pseudo_id: str, now: datetime, actor: str) -> str:
    """Erase a client's whole record, as their own /delete would, audited ("erase", the
    pseudonymous id and the rows deleted). The client is not told; should they write
    again, the bot treats them as a stranger."""
    client = await find_client(s, pseudo_id)
    counts = await erase_client(s, client)
    total = sum(counts.values())
    tables = sum(1 for n in counts.values() if n)
    rows = counted(total, "row", "rows")
    await audit.record(s, actor, "erase", client.pseudo_id,
                       f"{rows} in {counted(tables, 'table', 'tables')}", now)  # fmt: skip
    listed = ", ".join(f"{table}: {n}" for table, n in counts.items() if n)
    return f"erased {client.pseudo_id}: {rows} ({listed}); nothing of theirs is left"


async def discharge(
    s: AsyncSession, pseudo_id: str, now: datetime, actor: str, zone: str
) -> str:
    """Discharge a client (see the module docstring), audited. A client discharged already
    raises AdminError (naming the day, in `zone`: the program's)."""
    client = await find_client(s, pseudo_id)
    if client.status == DISCHARGED:
        when = program_day(client.discharged_at, zone) if client.discharged_at else "before"
        raise AdminError(f"{client.pseudo_id} was discharged on {when} already")
    before = client.status
    client.status, client.discharged_at, client.status_before_block = DISCHARGED, now, None
    cancelled = await schedules.cancel_due(s, client.id, DISCHARGED)
    await audit.record(s, actor, "discharge", client.pseudo_id, f"was {before}", now)
    return (
        f"discharged {client.pseudo_id}: no more messages to them "
        f"({counted(cancelled, 'pending reminder', 'pending reminders')} cancelled); the "
        "record is kept and shows as discharged in the roster"
    )


async def readmit(s: AsyncSession, pseudo_id: str, now: datetime, actor: str) -> str:
    """Undo a discharge, audited: the client is active again (or enrolling, if they never
    finished enrolling) and their reminders are planned at once. One who had sent /stop
    before the discharge gets messages again and can /stop again. A client who is not
    discharged raises AdminError."""
    client = await find_client(s, pseudo_id)
    if client.status != DISCHARGED:
        raise AdminError(f"{client.pseudo_id} is not discharged (status {client.status})")
    client.status = "active" if client.enrolled_at is not None else "enrolling"
    client.discharged_at = None
    # What the discharge cancelled and is still ahead is planned afresh (a session may have
    # changed or skipped a date since).
    await s.execute(
        delete(Reminder).where(
            Reminder.client_id == client.id, Reminder.status == "missed",
            Reminder.detail == DISCHARGED, Reminder.due_at > now,
        )
    )  # fmt: skip
    await s.flush()
    await plan_clients(s, [client], now)
    await audit.record(s, actor, "readmit", client.pseudo_id, f"now {client.status}", now)
    return f"readmitted {client.pseudo_id}: {client.status}, messages resume"


async def set_track(
    s: AsyncSession, pseudo_id: str, track_name: str | None, now: datetime, actor: str
) -> str:
    """Put a client on a track, move them to another, or (`track_name` None) take them off,
    audited as `actor` ("set-track"; nothing is when they are there already). The reminders
    of their old track's sessions not sent yet are dropped and the new track's are planned at
    once (for an active client; others get theirs when they are active)."""
    client = await find_client(s, pseudo_id)
    track = await find_track(s, track_name) if track_name is not None else None
    old = await s.get(Track, client.track_id) if client.track_id is not None else None
    if (track.id if track else None) == client.track_id:
        where = f"on track {track.name}" if track else "on no track"
        return f"{client.pseudo_id} is {where} already"
    if old is not None:
        sessions = await schedules.list_sessions(s, track_id=old.id)
        await schedules.drop_planned(s, [x.id for x in sessions], now, client_id=client.id)
    client.track_id = track.id if track else None
    await s.flush()
    await plan_clients(s, [client], now)
    if track is None:
        done = f"taken off track {old.name if old else '?'}"
    elif old is None:
        done = f"put on track {track.name}"
    else:
        done = f"moved from track {old.name} to {track.name}"
    await audit.record(s, actor, "set-track", client.pseudo_id, done, now)
    return f"{client.pseudo_id} {done}"
