"""The staff chat's notices: who a client is, and the crisis notice with its "I'm on it" button.

Staff notices are in English (the staff chat's language) and name a client by pseudonymous id
with the staff-only label and counselor from their invite; never a name, a Telegram id or
anything the client wrote. Times are in the program's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.conversation import model as m
from bot.domain.conversation.reminder_replies import clock_time
from bot.locales import t
from bot.store.models import Client

LANG = "en"
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
    if repeat:
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
