"""Seeded clients for the export, history and report tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import repo, schedules
from bot.store.models import Client
from tests.store.test_erasure import _enrol_with_history

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


async def seed_client(s: AsyncSession, tg_user_id: int, track_id: int | None = None) -> Client:
    """An enrolled client with rows in every client table (the erasure test's seeding) and
    more besides: text that needs care in CSV, non-ASCII, nulls, lists and a JSON draft."""
    client_id = await _enrol_with_history(s, tg_user_id)
    client = await repo.get_client(s, client_id)
    assert client is not None
    client.status, client.enrolled_at, client.last_seen_at = "active", NOW, NOW + DAY
    client.support_name, client.support_phone = "Ana María, hermana", "+1 555 0100"
    client.reasons = "=my kids\n- staying well"  # a formula start and a line break
    client.reminder_prefs, client.show_days_since_use = {"checkin": False}, True
    client.track_id, client.takes_medication = track_id, True
    answers = {
        "mood": 2, "craving": 8, "sleep": "poor", "stress": 4, "triggers": ["stress", "people"],
        "medication": "missed", "substance_use": "no", "confidence": 3, "safety": "no",
    }  # fmt: skip
    await repo.save_checkin(s, client_id, date(2025, 3, 2), answers, NOW + DAY)
    craving = await repo.add_craving(
        s, client_id, NOW + DAY, intensity=9, triggers=["payday"], action="urge_surf",
        coping_offered="urge_surf",
    )  # fmt: skip
    craving.outcome, craving.outcome_at, craving.helped = "passed", NOW + 2 * DAY, "urge_surf"
    await repo.add_trigger_log(s, client_id, NOW + DAY, ["boredom", "home"], "@home, alone")
    await repo.add_coping_outcome(s, client_id, NOW + DAY, "call", "y")
    await repo.add_crisis_event(s, client_id, NOW + DAY, 2, "checkin", "helplines")
    await repo.save_conversation(s, client_id, "checkin_mood", {"mood": 4, "note": "ñ"}, NOW)
    await schedules.add_reminders(
        s, [{"client_id": client_id, "kind": "weekly", "occurrence": "2025-03-02",
             "due_at": NOW + DAY}], NOW,
    )  # fmt: skip
    await s.flush()
    return client
