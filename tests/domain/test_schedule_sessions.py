"""Session reminders: added late, near quiet hours, and across time zones."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.domain.schedule.plan import Planned, SessionRule, plan_client
from tests.domain.test_schedule import LA, LONG_AGO, NY, ONLY_SESSIONS, client, once, utc

THURSDAY = date(2026, 3, 12)  # after the spring change: New York is UTC-4, Los Angeles UTC-7


def dues(rows: list[Planned], kind: str) -> list[datetime]:
    return [row.due_at for row in rows if row.kind == kind]


@pytest.mark.parametrize(
    ("created", "now", "at", "expected"),
    [
        # existing long before: 18:00 the evening before
        (LONG_AGO, utc(2026, 3, 11, 12), time(18, 0), utc(2026, 3, 11, 22)),
        # added at 20:00 the evening before: at once, and the same whenever re-planned
        (utc(2026, 3, 12, 0), utc(2026, 3, 12, 0), time(18, 0), utc(2026, 3, 12, 0)),
        (utc(2026, 3, 12, 0), utc(2026, 3, 12, 6), time(18, 0), utc(2026, 3, 12, 0)),
        (utc(2026, 3, 12, 0), utc(2026, 3, 12, 19, 59), time(18, 0), utc(2026, 3, 12, 0)),
        # re-planned when the session is no longer more than 2 h away: gone
        (utc(2026, 3, 12, 0), utc(2026, 3, 12, 20), time(18, 0), None),
        # added at 23:00, in quiet hours: 08:00 next morning, if still over 2 h before
        (utc(2026, 3, 12, 3), utc(2026, 3, 12, 3), time(18, 0), utc(2026, 3, 12, 12)),
        (utc(2026, 3, 12, 3), utc(2026, 3, 12, 3), time(9, 30), None),
        # added the same afternoon: at once with 3 h to go, nothing with 1.5 h to go
        (utc(2026, 3, 12, 19), utc(2026, 3, 12, 19), time(18, 0), utc(2026, 3, 12, 19)),
        (utc(2026, 3, 12, 20, 30), utc(2026, 3, 12, 20, 30), time(18, 0), None),
    ],
)
def test_day_before_of_a_session_added_later(
    created: datetime, now: datetime, at: time, expected: datetime | None
) -> None:
    rule = once(5, THURSDAY, at, created=created)
    rows = plan_client(client(NY, rule, prefs=ONLY_SESSIONS), now)
    assert dues(rows, "session_day_before") == ([expected] if expected else [])
    assert {row.occurrence for row in rows} <= {f"s5@2026-03-12T{at:%H:%M}"}


def test_session_within_two_hours_still_gets_its_hour_before() -> None:
    rule = once(5, THURSDAY, time(18, 0), created=utc(2026, 3, 12, 20, 30))
    rows = plan_client(client(NY, rule, prefs=ONLY_SESSIONS), utc(2026, 3, 12, 20, 30))
    assert [(row.kind, row.due_at) for row in rows] == [
        ("session_hour_before", utc(2026, 3, 12, 21))
    ]


def test_a_client_enrolled_after_the_usual_evening_gets_it_at_once() -> None:
    weekly = SessionRule(8, "group", 3, None, time(18, 0), 180, NY, LONG_AGO)
    enrolled = utc(2026, 3, 12, 1)  # 21:00 Wednesday
    plan = client(NY, weekly, prefs=ONLY_SESSIONS, enrolled_at=enrolled)
    assert dues(plan_client(plan, enrolled), "session_day_before") == [enrolled]
    next_week = plan_client(plan, utc(2026, 3, 17, 12))
    assert dues(next_week, "session_day_before") == [utc(2026, 3, 18, 22)]


@pytest.mark.parametrize(
    ("zone", "at", "expected"),
    [
        (NY, time(8, 30), utc(2026, 3, 12, 12)),  # 07:30 is quiet: 08:00 instead
        (NY, time(7, 30), None),  # 08:00 would be after the start: dropped
        (NY, time(8, 0), None),  # 08:00 is the start itself: dropped
        (NY, time(9, 0), utc(2026, 3, 12, 12)),  # 08:00 exactly, not quiet
        (NY, time(22, 30), utc(2026, 3, 13, 1, 30)),  # 21:30, not yet quiet
        (NY, time(23, 0), None),  # 22:00 is quiet, next 08:00 is after the start
        (LA, time(18, 0), utc(2026, 3, 12, 21)),  # 14:00 in Los Angeles
        (LA, time(10, 30), None),  # 06:30 Los Angeles, session at 07:30 there
        (LA, time(11, 30), utc(2026, 3, 12, 15)),  # 07:30 LA is quiet: 08:00 LA
    ],
)
def test_hour_before_in_quiet_hours_moves_to_eight_or_is_dropped(
    zone: str, at: time, expected: datetime | None
) -> None:
    rule = once(6, THURSDAY, at)  # the session's own zone is New York
    rows = plan_client(client(zone, rule, prefs=ONLY_SESSIONS), utc(2026, 3, 11, 12))
    assert dues(rows, "session_hour_before") == ([expected] if expected else [])


def test_no_hour_before_once_its_time_has_passed() -> None:
    rule = once(6, THURSDAY, time(18, 0))
    rows = plan_client(client(NY, rule, prefs=ONLY_SESSIONS), utc(2026, 3, 12, 21, 30))
    assert rows == []


def test_day_before_is_the_evening_before_in_the_clients_own_zone() -> None:
    # 01:00 Friday in New York is 22:00 Thursday in Los Angeles: the evening before is Wednesday.
    rule = once(4, date(2026, 3, 13), time(1, 0))
    rows = plan_client(client(LA, rule, prefs=ONLY_SESSIONS), utc(2026, 3, 11, 12))
    assert dues(rows, "session_day_before") == [utc(2026, 3, 12, 1)]  # 18:00 PDT Wednesday
    assert {row.occurrence for row in rows} == {"s4@2026-03-13T01:00"}
    # 00:00 in New York, but quiet hours are the client's: 21:00 in Los Angeles is fine.
    assert dues(rows, "session_hour_before") == [utc(2026, 3, 13, 4)]
