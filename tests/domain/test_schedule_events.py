"""Event-driven reminders (craving follow-up, check-back, re-engagement) and lateness."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from bot.domain.schedule.kinds import SESSION_KINDS, Kind
from bot.domain.schedule.plan import (
    MAX_LATENESS,
    Planned,
    checkback,
    craving_followup,
    lateness_verdict,
    reengage_due,
)
from tests.domain.test_schedule import NY, utc

SECOND = timedelta(seconds=1)


# --- craving follow-up -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("logged", "due"),
    [
        (utc(2026, 3, 10, 16), utc(2026, 3, 10, 16, 25)),  # 12:00 -> 12:25 EDT
        (utc(2026, 3, 11, 1, 34), utc(2026, 3, 11, 1, 59)),  # 21:34 -> 21:59
        (utc(2026, 3, 11, 1, 35), None),  # 21:35 -> 22:00, quiet
        (utc(2026, 3, 10, 11, 34), None),  # 07:34 -> 07:59, quiet
        (utc(2026, 3, 10, 11, 35), utc(2026, 3, 10, 12)),  # 07:35 -> 08:00
    ],
)
def test_craving_followup_25_minutes_later_unless_quiet(
    logged: datetime, due: datetime | None
) -> None:
    expected = Planned(3, "craving_followup", "craving:41", due, ref_id=41) if due else None
    assert craving_followup(3, 41, logged, NY) == expected


# --- check-back --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "morning", "due"),
    [
        (utc(2026, 3, 8, 19), "2026-03-09", utc(2026, 3, 9, 13)),  # 15:00 -> 09:00 next day
        (utc(2026, 3, 9, 3, 30), "2026-03-09", utc(2026, 3, 9, 13)),  # 23:30 the night before
        (utc(2026, 3, 9, 5), "2026-03-09", utc(2026, 3, 9, 13)),  # 01:00: same night
        (utc(2026, 3, 9, 8, 59), "2026-03-09", utc(2026, 3, 9, 13)),  # 04:59: same night
        (utc(2026, 3, 9, 9), "2026-03-10", utc(2026, 3, 10, 13)),  # 05:00: a new day
        (utc(2026, 3, 7, 17), "2026-03-08", utc(2026, 3, 8, 13)),  # 09:00 EDT on the change
        (utc(2026, 10, 31, 17), "2026-11-01", utc(2026, 11, 1, 14)),  # 09:00 EST on the change
    ],
)
def test_checkback_is_09_00_the_next_morning(event: datetime, morning: str, due: datetime) -> None:
    expected = Planned(3, "checkback", f"checkback:{morning}", due, ref_id=77)
    assert checkback(3, event, NY, 77) == expected


def test_several_crises_in_one_day_and_night_give_one_checkback() -> None:
    events = [utc(2026, 3, 8, 14), utc(2026, 3, 8, 19), utc(2026, 3, 9, 3, 30), utc(2026, 3, 9, 5)]
    rows = [checkback(3, at, NY, event_id) for event_id, at in enumerate(events)]
    assert {(row.kind, row.occurrence, row.due_at) for row in rows} == {
        ("checkback", "checkback:2026-03-09", utc(2026, 3, 9, 13))
    }


# --- re-engagement -----------------------------------------------------------------------------

TODAY = date(2026, 3, 10)
NOON_TODAY = utc(2026, 3, 10, 16)  # 12:00 EDT
MORNING_NOW = utc(2026, 3, 10, 10)  # 06:00 EDT, before the noon send


@pytest.mark.parametrize(
    ("checkins", "last", "now", "planned"),
    [
        ([], None, MORNING_NOW, True),
        ([date(2026, 3, 7), date(2026, 3, 1)], None, MORNING_NOW, True),  # older ones only
        ([date(2026, 3, 9)], None, MORNING_NOW, False),  # yesterday done
        ([date(2026, 3, 8)], None, MORNING_NOW, False),  # the day before done
        ([TODAY], None, MORNING_NOW, False),  # already back today
        # never more than one every three days of the client's calendar (a 72 h rule would
        # push every nudge after a daylight-saving change off noon for good)
        ([], MORNING_NOW - timedelta(hours=48), MORNING_NOW, False),  # sent on the 8th
        ([], utc(2026, 3, 9, 3, 59), MORNING_NOW, False),  # 23:59 EDT on the 8th
        ([], utc(2026, 3, 8, 4, 59), MORNING_NOW, True),  # 23:59 EST on the 7th
        ([], MORNING_NOW - timedelta(hours=80), MORNING_NOW, True),
        ([], NOON_TODAY - timedelta(hours=71), MORNING_NOW, True),  # noon on the 7th, EST
        ([], utc(2026, 3, 7, 20, 30), utc(2026, 3, 10, 20), True),  # after a restart too
    ],
)
def test_reengage_after_two_missed_days_at_most_every_three_days(
    checkins: list[date], last: datetime | None, now: datetime, planned: bool
) -> None:
    got = reengage_due(3, NY, time(9, 0), checkins, TODAY, last, now)
    expected = Planned(3, "reengage", "reengage:2026-03-10", NOON_TODAY) if planned else None
    assert got == expected


def test_reengage_noon_is_local_on_the_spring_change() -> None:
    got = reengage_due(3, NY, time(9, 0), [], date(2026, 3, 8), None, utc(2026, 3, 8, 10))
    assert got is not None and got.due_at == utc(2026, 3, 8, 16)


# --- lateness ----------------------------------------------------------------------------------

DUE = utc(2026, 3, 10, 13)
START = utc(2026, 3, 10, 22)


@pytest.mark.parametrize(
    ("kind", "due", "now", "verdict"),
    [
        ("checkin", DUE, DUE, "send"),
        ("checkin", DUE, DUE + timedelta(hours=3), "send"),
        ("checkin", DUE, DUE + timedelta(hours=3) + SECOND, "miss"),
        ("craving_followup", DUE, DUE + timedelta(hours=3), "send"),
        ("craving_followup", DUE, DUE + timedelta(hours=3) + SECOND, "miss"),
        ("checkback", DUE, DUE + timedelta(hours=6), "send"),
        ("checkback", DUE, DUE + timedelta(hours=6) + SECOND, "miss"),
        ("reengage", DUE, DUE + timedelta(hours=12), "send"),
        ("reengage", DUE, DUE + timedelta(hours=12) + SECOND, "miss"),
        ("weekly_summary", DUE, DUE + timedelta(hours=12), "send"),
        ("weekly_summary", DUE, DUE + timedelta(hours=12) + SECOND, "miss"),
        ("session_hour_before", START - timedelta(hours=1), START - SECOND, "send"),
        ("session_hour_before", START - timedelta(hours=1), START, "miss"),
        ("session_day_before", START - timedelta(hours=28), START - timedelta(hours=2), "send"),
        (
            "session_day_before",
            START - timedelta(hours=28),
            START - timedelta(hours=2) + SECOND,
            "miss",
        ),
    ],
)
def test_lateness_verdict_at_each_kinds_boundary(
    kind: str, due: datetime, now: datetime, verdict: str
) -> None:
    assert lateness_verdict(kind, due, now, START) == verdict


def test_max_lateness_table() -> None:
    assert {
        "checkin": timedelta(hours=3),
        "craving_followup": timedelta(hours=3),
        "checkback": timedelta(hours=6),
        "reengage": timedelta(hours=12),
        "weekly_summary": timedelta(hours=12),
    } == MAX_LATENESS
    assert set(MAX_LATENESS) | set(SESSION_KINDS) == set(Kind)
    assert {"session_day_before", "session_hour_before"} == set(SESSION_KINDS)


@pytest.mark.parametrize("kind", ["session_day_before", "session_hour_before"])
def test_session_reminder_without_its_session_is_missed(kind: str) -> None:
    assert lateness_verdict(kind, DUE, DUE, None) == "miss"


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown reminder kind"):
        lateness_verdict("birthday", DUE, DUE, None)
