"""The patient's logs (bot.store.records, re-exported by repo), on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.store import records, repo, schedules
from bot.store.database import Database
from bot.store.models import CheckIn, CopingOutcome, Craving, CrisisEvent, TriggerLog

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
DAY = date(2025, 3, 1)


async def _client(db: Database, tg_user_id: int = 100) -> int:
    async with db.transaction() as s:
        client = await repo.create_client(
            s,
            tg_user_id=tg_user_id,
            chat_id=tg_user_id + 1,
            now=NOW,
            language="es",
            timezone="America/Bogota",
        )
    return client.id


async def test_checkin_is_one_row_per_day_and_replaced_whole(store_db: Database) -> None:
    client_id = await _client(store_db)
    first = {"mood": 2, "craving": 7, "sleep": "poor", "triggers": ["stress", "people"]}
    async with store_db.transaction() as s:
        assert await repo.get_checkin(s, client_id, DAY) is None
        await repo.save_checkin(s, client_id, DAY, first, NOW)
        await repo.save_checkin(s, client_id, DAY + timedelta(days=1), {"mood": 5}, NOW)
    async with store_db.transaction() as s:
        redone = await repo.save_checkin(
            s, client_id, DAY, {"mood": 4, "safety": "safe"}, NOW + timedelta(hours=1)
        )
        rows = await s.scalar(select(func.count()).select_from(CheckIn))
    assert rows == 2
    async with store_db.transaction() as s:
        stored = await repo.get_checkin(s, client_id, DAY)
    assert stored is not None and stored.id == redone.id
    assert (stored.mood, stored.safety) == (4, "safe")
    # Answers missing from the redo are cleared, not kept from the first attempt.
    assert (stored.craving, stored.sleep, stored.triggers) == (None, None, [])
    assert stored.created_at == NOW


async def test_checkin_refuses_unknown_answers(store_db: Database) -> None:
    client_id = await _client(store_db)
    async with store_db.transaction() as s:
        with pytest.raises(ValueError, match="moood"):
            await repo.save_checkin(s, client_id, DAY, {"moood": 3}, NOW)


async def test_logs_are_recorded(store_db: Database) -> None:
    client_id = await _client(store_db)
    async with store_db.transaction() as s:
        craving = await repo.add_craving(
            s,
            client_id,
            NOW,
            intensity=8,
            triggers=["bar"],
            action="urge_surf",
            coping_offered="breathing",
        )
        log = await repo.add_trigger_log(s, client_id, NOW, ["payday"], "got paid")
        outcome = await repo.add_coping_outcome(s, client_id, NOW, "breathing", "yes")
        await repo.add_crisis_event(s, client_id, NOW, 2, "text", "crisis_lines")
        await repo.add_crisis_event(s, None, NOW, 1, "text", "crisis_lines")
    async with store_db.transaction() as s:
        assert (await s.get(Craving, craving.id)) is not None
        assert (await s.get(TriggerLog, log.id)) is not None
        assert (await s.get(CopingOutcome, outcome.id)) is not None
        events = (await s.scalars(select(CrisisEvent).order_by(CrisisEvent.id))).all()
    assert (craving.intensity, craving.triggers, craving.action) == (8, ["bar"], "urge_surf")
    assert craving.coping_offered == "breathing" and craving.created_at == NOW
    assert (log.triggers, log.note) == (["payday"], "got paid")
    assert (outcome.skill, outcome.helped) == ("breathing", "yes")
    assert [(e.client_id, e.tier, e.source, e.shown) for e in events] == [
        (client_id, 2, "text", "crisis_lines"),
        (None, 1, "text", "crisis_lines"),
    ]


async def test_count_since(store_db: Database) -> None:
    client_id = await _client(store_db, 1)
    other_id = await _client(store_db, 2)
    since = NOW - timedelta(days=7)
    async with store_db.transaction() as s:
        for when in (since - timedelta(seconds=1), since, NOW):
            await repo.add_craving(
                s,
                client_id,
                when,
                intensity=None,
                triggers=[],
                action=None,
                coping_offered=None,
            )
            await repo.add_trigger_log(s, client_id, when, [], None)
        await repo.add_coping_outcome(s, client_id, NOW, "walk", None)
        await repo.add_coping_outcome(s, other_id, NOW, "walk", None)
    async with store_db.transaction() as s:
        assert await repo.count_since(s, client_id, since) == {
            "cravings": 2,
            "triggers": 2,
            "coping": 1,
        }
        assert await repo.count_since(s, other_id, NOW + timedelta(seconds=1)) == {
            "cravings": 0,
            "triggers": 0,
            "coping": 0,
        }


async def test_today_figures_in_one_query_agree_with_the_three_it_replaces(
    store_db: Database,
) -> None:
    """Today's figures read at once (issue 12) are those the separate queries give: the
    counts since midnight, the check-ins of yesterday and today (not the day before, not
    another client's), the safety question within the week (not eight days ago)."""
    client_id = await _client(store_db, 1)
    other_id = await _client(store_db, 2)
    midnight = NOW - timedelta(hours=12)
    async with store_db.transaction() as s:
        for when in (midnight - timedelta(seconds=1), midnight, NOW):
            await repo.add_craving(s, client_id, when, intensity=None, triggers=[], action=None,
                                   coping_offered=None)  # fmt: skip
        await repo.add_trigger_log(s, client_id, NOW, [], None)
        await repo.add_trigger_log(s, other_id, NOW, [], None)
        await repo.save_checkin(s, client_id, DAY - timedelta(days=2), {"mood": 3}, NOW)
        await repo.save_checkin(s, client_id, DAY - timedelta(days=8), {"safety": "safe"}, NOW)
        await repo.save_checkin(s, other_id, DAY, {"safety": "safe"}, NOW)
    async with store_db.transaction() as s:
        first = await records.today_figures(s, client_id, midnight, DAY)
        assert first == records.TodayFigures(2, 1, frozenset(), False)
        await repo.save_checkin(s, client_id, DAY - timedelta(days=1), {"mood": 4}, NOW)
        await repo.save_checkin(s, client_id, DAY - timedelta(days=6), {"safety": "safe"}, NOW)
        second = await records.today_figures(s, client_id, midnight, DAY)
        assert second == records.TodayFigures(2, 1, frozenset({DAY - timedelta(days=1)}), True)
        await repo.save_checkin(s, client_id, DAY, {"mood": 5}, NOW)
        third = await records.today_figures(s, client_id, midnight, DAY)
        counts = await repo.count_since(s, client_id, midnight)
        dates = await schedules.recent_checkin_dates(s, client_id, DAY - timedelta(days=1))
        asked = await repo.safety_asked_since(s, client_id, DAY - timedelta(days=6))
        assert third.checked_in == frozenset(dates) == {DAY - timedelta(days=1), DAY}
        assert (third.cravings, third.triggers) == (counts["cravings"], counts["triggers"])
        assert third.safety_asked is asked is True
        assert await records.today_figures(s, other_id, midnight, DAY) == records.TodayFigures(
            0, 1, frozenset({DAY}), True
        )


async def test_times_are_stored_as_utc_instants(store_db: Database) -> None:
    """An aware non-UTC time is the same instant on both backends and reads back aware."""
    client_id = await _client(store_db)
    plus_two = timezone(timedelta(hours=2))
    local_noon = datetime(2025, 3, 1, 12, 0, tzinfo=plus_two)  # 10:00 UTC
    async with store_db.transaction() as s:
        craving = await repo.add_craving(
            s, client_id, local_noon, intensity=1, triggers=[], action=None, coping_offered=None
        )
    async with store_db.transaction() as s:
        stored = await s.get(Craving, craving.id, populate_existing=True)
        counts = await repo.count_since(s, client_id, datetime(2025, 3, 1, 11, 0, tzinfo=UTC))
    assert stored is not None
    assert stored.created_at == local_noon and stored.created_at.utcoffset() == timedelta(0)
    # Compared as instants: 12:00+02:00 is before 11:00Z, even though "12:00" > "11:00".
    assert counts["cravings"] == 0
