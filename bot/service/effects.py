"""Carrying out the domain's data effects inside the service's transaction.

Also where a saved fact schedules what follows from it: a craving log its follow-up, a
crisis its morning check-back. Returns a notice for the staff chat when one is due."""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.conversation.reminder_replies import clock_time
from bot.domain.crisis.screen import Tier
from bot.domain.schedule.kinds import Kind, wants
from bot.domain.schedule.plan import checkback, craving_followup
from bot.locales import t
from bot.service import notices
from bot.store import repo, schedules
from bot.store.models import DISCHARGED, Client, CrisisEvent

log = logging.getLogger(__name__)
_FOLLOWED_UP = (1, 2)  # the tiers that get a morning check-back and a staff notice


async def save(
    s: AsyncSession, client: Client | None, effect: m.Effect, now: datetime, settings: Settings
) -> m.Reply | None:
    """Persist one effect. Crisis records are kept even for strangers (no client)."""
    if isinstance(effect, m.RecordCrisis):
        return await _crisis(s, client, effect, now, settings)
    if client is None:
        return None
    if isinstance(effect, m.SetProfile):
        await _profile(s, client, effect, now)
    elif isinstance(effect, m.RecordConsent):
        await repo.add_consent(s, client.id, effect.version, now)
    elif isinstance(effect, m.SaveCheckIn):
        await repo.save_checkin(s, client.id, effect.local_date, effect.values, now)
    elif isinstance(effect, m.SaveCraving):
        await _craving(s, client, effect, now)
    elif isinstance(effect, m.SaveTriggerLog):
        await repo.add_trigger_log(s, client.id, now, effect.triggers, effect.note)
    elif isinstance(effect, m.SaveCopingOutcome):
        await repo.add_coping_outcome(s, client.id, now, effect.skill, effect.helped)
    elif isinstance(effect, m.SaveAttendance):
        return await _attendance(s, client, effect, now, settings)
    elif isinstance(effect, m.SaveCravingOutcome | m.SaveCravingHelped):
        await _craving_answer(s, client, effect, now)
    return None


async def _profile(s: AsyncSession, client: Client, effect: m.SetProfile, now: datetime) -> None:
    """Apply settings; a new check-in time, zone or status re-plans the client's reminders.
    A discharged client's status is staff's to change: /start, /stop and finishing the
    enrollment leave it as it is."""
    before = (client.checkin_time, client.timezone, client.status)
    for key, value in effect.fields.items():
        if not (key == "status" and client.status == DISCHARGED):
            setattr(client, key, value)
    if effect.fields.get("status") == "active" and client.enrolled_at is None:
        client.enrolled_at = now
    if client.status == "active" and before != (client.checkin_time, client.timezone, "active"):
        from bot.reminders.planner import replan_client  # the planner imports the store

        await replan_client(s, client, now)


def _wants(client: Client, kind: Kind) -> bool:
    """Whether to plan a reminder of `kind` for the client: they did not turn it off, and
    were not discharged (nothing at all goes to them then)."""
    return client.status != DISCHARGED and wants(client.reminder_prefs, kind)


async def _craving(s: AsyncSession, client: Client, effect: m.SaveCraving, now: datetime) -> None:
    craving = await repo.add_craving(
        s, client.id, now, intensity=effect.intensity, triggers=effect.triggers,
        action=effect.action, coping_offered=effect.coping_offered,
    )  # fmt: skip
    planned = craving_followup(client.id, craving.id, now, client.timezone)
    if planned is not None and _wants(client, Kind.CRAVING_FOLLOWUP):
        await schedules.add_reminders(s, [asdict(planned)], now)


async def _crisis(
    s: AsyncSession, client: Client | None, effect: m.RecordCrisis, now: datetime,
    settings: Settings,
) -> m.Reply | None:  # fmt: skip
    """Record it; for an enrolled client's tier 1-2, plan the check-back and tell staff.

    A lapse (3), a poison question (4) or a calm safety check (5) is recorded only: a check
    is asked when nothing clear was said, and a notice for each would bury the real ones."""
    cid = client.id if client is not None else None
    event_id = await repo.add_crisis_event(s, cid, now, effect.tier, effect.source, effect.shown)
    # Which client is in the database and the staff notice, never in the log: a line tying a
    # pseudonymous id to a crisis tier is health information about a person.
    who = "a stranger" if client is None else "a client" if client.enrolled_at else "a newcomer"
    # A safety check is asked often and is no alarm: INFO, so WARNING stays for the tiers.
    level = logging.INFO if effect.tier == int(Tier.CHECK) else logging.WARNING
    log.log(level, "crisis tier %s (%s) for %s", effect.tier, effect.source, who)
    if client is None or client.enrolled_at is None or effect.tier not in _FOLLOWED_UP:
        return None
    if _wants(client, Kind.CHECKBACK):
        planned = checkback(client.id, now, client.timezone, event_id)
        await schedules.add_reminders(s, [asdict(planned)], now)
    if settings.staff_chat_id is None:
        return None
    event = await s.get(CrisisEvent, event_id)
    if event is not None:  # when the notice went, for sending it again if nobody takes it
        event.noticed_at = now
    return notices.crisis_notice(
        client, event_id, effect.tier, now, settings.program_timezone, settings.staff_chat_id
    )


async def _attendance(
    s: AsyncSession, client: Client, effect: m.SaveAttendance, now: datetime, settings: Settings
) -> m.Reply | None:
    """Store the answer if the reminder is this client's; late or absent goes to staff."""
    reminder = await schedules.get_reminder(s, effect.reminder_id)
    if reminder is None or reminder.client_id != client.id or reminder.session_start is None:
        return None
    start = reminder.session_start
    await schedules.save_attendance(s, client.id, reminder.session_id, start, effect.answer, now)
    if effect.answer == "there" or settings.staff_chat_id is None:
        return None
    when = clock_time(start, settings.program_timezone, "en")
    day = start.astimezone(ZoneInfo(settings.program_timezone)).strftime("%a %b %d")
    text = t("en", "staff.attendance", client=notices.who(client), answer=effect.answer,
             time=f"{day} {when}")  # fmt: skip
    return m.Reply(text, chat_id=settings.staff_chat_id)


async def _craving_answer(
    s: AsyncSession, client: Client, effect: m.SaveCravingOutcome | m.SaveCravingHelped,
    now: datetime,
) -> None:  # fmt: skip
    craving = await repo.get_craving(s, client.id, effect.craving_id)
    if craving is None:
        return
    if isinstance(effect, m.SaveCravingOutcome):
        craving.outcome, craving.outcome_at = effect.outcome, now
    else:
        craving.helped = effect.skill
