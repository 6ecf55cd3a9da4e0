"""What a block means, in one place: Telegram's my_chat_member update (through the service) and
a 403 from sending a reminder (in the dispatcher) both end here. Never begins or commits.

A block sets the status to "blocked", remembering the one before, and cancels the reminders
still waiting (missed, "blocked"), so none is ever tried against a 403. An unblock restores
the remembered status, so a client who had sent /stop stays stopped, and puts back the
cancelled reminders whose time has not come: the planner cannot plan those occurrences again
(a reminder is unique per client, kind and occurrence)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Update, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Client, Reminder

BLOCKED = "blocked"  # the client's status, and the detail on the reminders a block cancelled


async def set_blocked(s: AsyncSession, client: Client, blocked: bool, now: datetime) -> None:
    """The person blocked (or unblocked) the bot: set the status and stop (or resume) their
    waiting reminders."""
    if blocked:
        if client.status != BLOCKED:
            client.status_before_block, client.status = client.status, BLOCKED
        await s.execute(_reminders(client, "due").values(status="missed", detail=BLOCKED))
    elif client.status == BLOCKED:
        fallback = "active" if client.enrolled_at else "enrolling"
        client.status = client.status_before_block or fallback
        client.status_before_block = None
        cancelled = _reminders(client, "missed").where(
            Reminder.detail == BLOCKED, Reminder.due_at > now
        )
        await s.execute(cancelled.values(status="due", detail=None))


def _reminders(client: Client, status: str) -> Update:
    """An UPDATE of the client's reminders in `status`."""
    return update(Reminder).where(Reminder.client_id == client.id, Reminder.status == status)
