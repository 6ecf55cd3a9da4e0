"""`recovery-bot health` reads the heartbeats (issue 11, item 5): unhealthy when either part,
the poller or the reminder dispatcher, is stale while the other still beats; healthy again
once both beat. A real migrated SQLite file; the times are given, not waited for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.service.health import STALE, Heart, check
from bot.store.database import Database

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("stale", "fresh"), [("dispatcher", "poller"), ("poller", "dispatcher")])
async def test_either_part_stale_alone_is_unhealthy(db: Database, stale: str, fresh: str) -> None:
    late = NOW - STALE - timedelta(minutes=1)
    await Heart(db, lambda: late).beat(stale)
    await Heart(db, lambda: NOW).beat(fresh)
    verdict = await check(db, NOW)
    assert not verdict.ok
    assert f"{stale}: last seen 240 s ago (more than 180 s)" in verdict.lines
    assert f"{fresh}: seen 0 s ago" in verdict.lines
    await Heart(db, lambda: NOW).beat(stale)  # it comes back
    assert (await check(db, NOW + timedelta(seconds=5))).ok


async def test_a_part_never_seen_is_unhealthy(db: Database) -> None:
    await Heart(db, lambda: NOW).beat("poller")
    verdict = await check(db, NOW)
    assert not verdict.ok
    assert "dispatcher: never seen (is `recovery-bot run` running?)" in verdict.lines
