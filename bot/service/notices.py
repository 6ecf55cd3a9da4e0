"""The staff chat's notices: who a client is, and the crisis notice with its "I'm on it" button.

Staff notices are in English (the staff chat's language) and name a client by pseudonymous id
with the staff-only label and counselor from their invite; never a name, a Telegram id or
anything the client wrote. Times are in the program's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.conversation.reminder_replies import clock_time
from bot.locales import t
from bot.locales.formats import counted
from bot.store import audit, mailbox
from bot.store.database import Database
from bot.store.models import Client, CrisisEvent

LANG = "en"
REPEATS = 3  # times a notice nobody took is sent again to the staff chat; then, privately
ACK_PREFIX = "ack:"  # callback data "ack:<crisis_events.id>": an opaque row id, nothing more


def who(client: Client) -> str:
    """'c-1a2b3c4d (label A-17, counselor Dana)', or the bare id when neither was given."""
    parts = [t(LANG, "staff.who.label", label=client.label) if client.label else "",
             t(LANG, "staff.who.counselor", counselor=client.counselor) if client.counselor
             else ""]  # fmt: skip
    extra = ", ".join(part for part in parts if part)
    return f"{client.pseudo_id} ({extra})" if extra else client.pseudo_id


def program_time(instant: datetime, zone: str) -> str:
    """'Mon Nov 30 2:05 AM EST': the program's local day, time and zone abbreviation."""
    local = instant.astimezone(ZoneInfo(zone))
    return f"{local:%a %b %d} {clock_time(instant, zone, LANG)} {local:%Z}"


def crisis_text(client: Client, tier: int, at: datetime, zone: str, repeat: int = 0) -> str:
    """The crisis notice: who, what the tier means, when; a repeat says it is one."""
    text = t(LANG, "staff.crisis", client=who(client), tier=tier,
             meaning=t(LANG, f"staff.tier.{tier}"), time=program_time(at, zone))  # fmt: skip
    if repeat > REPEATS:
        text = t(LANG, "staff.crisis.escalated") + "\n" + text
    elif repeat:
        text = t(LANG, "staff.crisis.repeat", n=repeat) + "\n" + text
    return text


def ack_button(event_id: int) -> tuple[tuple[m.Choice, ...], ...]:
    """The one-button keyboard of a crisis notice."""
    return ((m.Choice(t(LANG, "staff.ack.button"), f"{ACK_PREFIX}{event_id}"),),)


def crisis_notice(
    client: Client, event_id: int, tier: int, at: datetime, zone: str, chat_id: int,
    repeat: int = 0,
) -> m.Reply:  # fmt: skip
    """The notice for the staff chat (or, escalated, one staff member's private chat)."""
    return m.Reply(crisis_text(client, tier, at, zone, repeat), ack_button(event_id),
                   chat_id=chat_id)  # fmt: skip


def parse_ack(data: str) -> int | None:
    """The crisis_events row id of an "I'm on it" tap's callback data, or None."""
    head, _, rest = data.partition(":")
    if f"{head}:" != ACK_PREFIX or not rest.isdigit() or len(rest) > 18:
        return None
    return int(rest)


@dataclass(frozen=True)
class Ack:
    """What an "I'm on it" tap found: `first` when this tap took the notice; `text` is the
    notice as everyone should now see it (None when the notice is gone: the client erased
    their data); `toast` answers the person who tapped."""

    first: bool
    text: str | None
    toast: str


async def acknowledge(
    s: AsyncSession, event_id: int, actor: str, name: str, now: datetime, zone: str
) -> Ack:
    """Record the first tap on a crisis notice (who, when, in the audit log too); a later
    tap changes nothing and is told who took it."""
    event = await s.get(CrisisEvent, event_id, with_for_update=True)
    client = await s.get(Client, event.client_id) if event and event.client_id else None
    if event is None or client is None:
        return Ack(False, None, t(LANG, "staff.ack.gone"))
    first = event.ack_at is None
    if first:
        event.ack_by, event.ack_name, event.ack_at = actor, name[:64], now
        detail = f"crisis notice {event.id}, tier {event.tier}"
        await audit.record(s, actor, "ack", client.pseudo_id, detail, now)
    taker = event.ack_name or event.ack_by or "?"
    assert event.ack_at is not None
    done = t(LANG, "staff.ack.done", name=taker, time=program_time(event.ack_at, zone))
    text = crisis_text(client, event.tier, event.created_at, zone) + "\n\n✅ " + done
    toast = done if first else t(LANG, "staff.ack.taken", name=taker)
    return Ack(first, text, toast)


async def renotify_due(db: Database, now: datetime, settings: Settings) -> int:
    """Send again, through the outbox, each crisis notice nobody took within
    CRISIS_RENOTIFY_MINUTES: to the staff chat REPEATS times, then once privately to every
    STAFF_USER_IDS id. Each is audited ("renotify"). Returns how many outbox rows were written."""
    from bot.service.mailbox import notice_row  # the outbox row of a staff message

    if settings.staff_chat_id is None:
        return 0
    wait = timedelta(minutes=settings.crisis_renotify_minutes)
    zone, written = settings.program_timezone, 0
    async with db.transaction() as s:
        stmt = (
            select(CrisisEvent, Client)
            .join(Client, Client.id == CrisisEvent.client_id)
            .where(CrisisEvent.ack_at.is_(None), CrisisEvent.noticed_at.is_not(None),
                   CrisisEvent.notices <= REPEATS, CrisisEvent.noticed_at <= now - wait)
            .order_by(CrisisEvent.id)
            .with_for_update(of=CrisisEvent, skip_locked=True)
        )  # fmt: skip
        for event, client in (await s.execute(stmt)).all():
            repeat = event.notices + 1
            chats = (
                [settings.staff_chat_id] if repeat <= REPEATS else list(settings.staff_user_ids)
            )
            rows = [
                notice_row(chat, crisis_notice(client, event.id, event.tier, event.created_at,
                                               zone, chat, repeat))
                for chat in chats
            ]  # fmt: skip
            await mailbox.add_outgoing(s, rows, now)
            event.notices, event.noticed_at = repeat, now
            ids = counted(len(chats), "staff id", "staff ids")
            where = "staff chat" if repeat <= REPEATS else f"{ids} privately"
            detail = f"crisis notice {event.id}, tier {event.tier}, repeat {repeat} to {where}"
            await audit.record(s, "bot", "renotify", client.pseudo_id, detail, now)
            written += len(rows)
    return written
