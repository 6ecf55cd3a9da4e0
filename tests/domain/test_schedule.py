"""The pure reminder-planning rules, one rule at a time, with concrete UTC instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.domain.schedule.kinds import SWITCHES
from bot.domain.schedule.plan import (
    ClientPlan,
    Planned,
    SessionRule,
    is_quiet,
    local_to_utc,
    plan_client,
    session_occurrences,
)

NY = "America/New_York"
LA = "America/Los_Angeles"
LONG_AGO = datetime(2025, 12, 1, tzinfo=UTC)
ONLY_SESSIONS = {"checkin": False, "weekly_summary": False}


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def wall(instant: datetime, zone: str) -> datetime:
    """The naive local wall time of `instant` in `zone`, for readable asserts."""
    return instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def once(
    sid: int, day: date, at: time, zone: str = NY, created: datetime = LONG_AGO
) -> SessionRule:
    return SessionRule(sid, "individual", None, day, at, 60, zone, created)


def client(
    zone: str = NY,
    *sessions: SessionRule,
    prefs: dict[str, bool] | None = None,
    enrolled_at: datetime = LONG_AGO,
) -> ClientPlan:
    return ClientPlan(7, zone, time(9, 0), enrolled_at, prefs or {}, sessions)


# --- local_to_utc ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        (NY, date(2026, 3, 7), utc(2026, 3, 7, 14)),
        (NY, date(2026, 3, 8), utc(2026, 3, 8, 13)),
        (NY, date(2026, 3, 9), utc(2026, 3, 9, 13)),
        (NY, date(2026, 10, 31), utc(2026, 10, 31, 13)),
        (NY, date(2026, 11, 1), utc(2026, 11, 1, 14)),
        (NY, date(2026, 11, 2), utc(2026, 11, 2, 14)),
        (LA, date(2026, 3, 7), utc(2026, 3, 7, 17)),
        (LA, date(2026, 3, 8), utc(2026, 3, 8, 16)),
        (LA, date(2026, 3, 9), utc(2026, 3, 9, 16)),
        (LA, date(2026, 10, 31), utc(2026, 10, 31, 16)),
        (LA, date(2026, 11, 1), utc(2026, 11, 1, 17)),
        (LA, date(2026, 11, 2), utc(2026, 11, 2, 17)),
    ],
)
def test_nine_am_is_nine_am_local_around_both_changes(
    zone: str, day: date, expected: datetime
) -> None:
    got = local_to_utc(day, time(9, 0), zone)
    assert got == expected
    assert wall(got, zone) == datetime.combine(day, time(9, 0))


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected", "local"),
    [
        # spring-forward gap 02:00-03:00: forward to 03:00, the first minute that exists
        (NY, date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 7), time(3, 0)),
        (NY, date(2026, 3, 8), time(2, 0), utc(2026, 3, 8, 7), time(3, 0)),
        (NY, date(2026, 3, 8), time(2, 59), utc(2026, 3, 8, 7), time(3, 0)),
        (NY, date(2026, 3, 8), time(2, 30, 45), utc(2026, 3, 8, 7), time(3, 0)),
        (NY, date(2026, 3, 8), time(1, 59), utc(2026, 3, 8, 6, 59), time(1, 59)),
        (NY, date(2026, 3, 8), time(3, 0), utc(2026, 3, 8, 7), time(3, 0)),
        (LA, date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 10), time(3, 0)),
        # fall-back repeat 01:00-02:00: the first occurrence (still daylight time)
        (NY, date(2026, 11, 1), time(1, 30), utc(2026, 11, 1, 5, 30), time(1, 30)),
        (NY, date(2026, 11, 1), time(1, 0), utc(2026, 11, 1, 5), time(1, 0)),
        (NY, date(2026, 11, 1), time(2, 0), utc(2026, 11, 1, 7), time(2, 0)),
        (LA, date(2026, 11, 1), time(1, 30), utc(2026, 11, 1, 8, 30), time(1, 30)),
        # a half-hour gap (02:00-02:30) and a whole skipped day
        (
            "Australia/Lord_Howe",
            date(2026, 10, 4),
            time(2, 15),
            utc(2026, 10, 3, 15, 30),
            time(2, 30),
        ),
        ("Pacific/Apia", date(2011, 12, 30), time(9, 0), utc(2011, 12, 30, 10), time(0, 0)),
    ],
)
def test_gaps_move_forward_and_repeats_take_the_first(
    zone: str, day: date, at: time, expected: datetime, local: time
) -> None:
    got = local_to_utc(day, at, zone)
    assert got == expected
    assert got.astimezone(ZoneInfo(zone)).time() == local
    assert got.astimezone(ZoneInfo(zone)).fold == 0


@pytest.mark.parametrize("zone", [NY, LA])
@pytest.mark.parametrize("day", [date(2026, 3, 8), date(2026, 11, 1)])
def test_every_minute_of_a_change_day_resolves_in_order(zone: str, day: date) -> None:
    instants = [local_to_utc(day, time(m // 60, m % 60), zone) for m in range(24 * 60)]
    assert instants == sorted(instants)
    for minute, instant in enumerate(instants):
        at = time(minute // 60, minute % 60)
        in_gap = day.month == 3 and time(2, 0) <= at < time(3, 0)
        assert wall(instant, zone).time() == (time(3, 0) if in_gap else at)


# --- is_quiet and session_occurrences ----------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "quiet"),
    [
        (utc(2026, 3, 10, 1, 59), False),  # 21:59 EDT
        (utc(2026, 3, 10, 2, 0), True),  # 22:00
        (utc(2026, 3, 10, 11, 59), True),  # 07:59
        (utc(2026, 3, 10, 12, 0), False),  # 08:00
        (utc(2026, 3, 6, 12, 30), True),  # 07:30 EST, a week earlier
        (utc(2026, 3, 6, 13, 0), False),  # 08:00 EST
    ],
)
def test_quiet_hours_are_22_to_08_local(instant: datetime, quiet: bool) -> None:
    assert is_quiet(instant, NY) is quiet


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        is_quiet(datetime(2026, 3, 10, 12), NY)


def test_weekly_session_keeps_its_local_time_across_both_changes() -> None:
    monday = SessionRule(1, "group", 0, None, time(18, 0), 180, NY, LONG_AGO)
    spring = session_occurrences(monday, utc(2026, 3, 2), utc(2026, 3, 17))
    fall = session_occurrences(monday, utc(2026, 10, 26), utc(2026, 11, 10))
    assert spring == [utc(2026, 3, 2, 23), utc(2026, 3, 9, 22), utc(2026, 3, 16, 22)]
    assert fall == [utc(2026, 10, 26, 22), utc(2026, 11, 2, 23), utc(2026, 11, 9, 23)]


def test_occurrence_window_is_half_open() -> None:
    monday = SessionRule(1, "group", 0, None, time(18, 0), 180, NY, LONG_AGO)
    got = session_occurrences(monday, utc(2026, 3, 2, 23), utc(2026, 3, 9, 22))
    assert got == [utc(2026, 3, 2, 23)]


def test_weekly_session_in_the_gap_starts_at_the_first_valid_minute() -> None:
    sunday = SessionRule(1, "group", 6, None, time(2, 30), 60, NY, LONG_AGO)
    got = session_occurrences(sunday, utc(2026, 3, 1), utc(2026, 3, 16))
    assert got == [utc(2026, 3, 1, 7, 30), utc(2026, 3, 8, 7), utc(2026, 3, 15, 6, 30)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (utc(2026, 3, 10), utc(2026, 3, 14), [utc(2026, 3, 12, 22)]),
        (utc(2026, 3, 13), utc(2026, 3, 20), []),
        (utc(2026, 3, 1), utc(2026, 3, 12, 22), []),
    ],
)
def test_one_off_session_occurs_once(
    start: datetime, end: datetime, expected: list[datetime]
) -> None:
    rule = once(9, date(2026, 3, 12), time(18, 0))
    assert session_occurrences(rule, start, end) == expected


def test_rule_with_neither_weekday_nor_date_never_occurs() -> None:
    rule = SessionRule(9, "family", None, None, time(18, 0), 60, NY, LONG_AGO)
    assert session_occurrences(rule, utc(2026, 1, 1), utc(2027, 1, 1)) == []


# --- plan_client: check-ins, summaries, prefs -------------------------------------------------


def test_checkins_and_summary_in_a_48_hour_window() -> None:
    rows = plan_client(client(LA), utc(2026, 3, 7, 17))  # 09:00 PST Saturday
    assert rows == [
        Planned(7, "checkin", "2026-03-07", utc(2026, 3, 7, 17)),
        Planned(7, "checkin", "2026-03-08", utc(2026, 3, 8, 16)),
        Planned(7, "weekly_summary", "2026-W10", utc(2026, 3, 9, 1)),
        Planned(7, "checkin", "2026-03-09", utc(2026, 3, 9, 16)),
    ]


@pytest.mark.parametrize(
    ("switch", "kinds"),
    [
        ("checkin", {"checkin"}),
        ("session", {"session_day_before", "session_hour_before"}),  # one switch, two kinds
        ("weekly_summary", {"weekly_summary"}),
    ],
)
def test_a_switched_off_kind_is_not_planned_and_the_rest_are(switch: str, kinds: set[str]) -> None:
    rule = once(3, date(2026, 3, 9), time(18, 0))
    everything = plan_client(client(NY, rule), utc(2026, 3, 8))
    assert {row.kind for row in everything} == {
        "checkin",
        "session_day_before",
        "session_hour_before",
        "weekly_summary",
    }
    off = plan_client(client(NY, rule, prefs={switch: False}), utc(2026, 3, 8))
    on = plan_client(client(NY, rule, prefs={switch: True}), utc(2026, 3, 8))
    assert off == [row for row in everything if row.kind not in kinds]
    assert on == everything


def test_prefs_all_off_plans_nothing() -> None:
    plan = client(NY, once(3, date(2026, 3, 9), time(18, 0)), prefs=dict.fromkeys(SWITCHES, False))
    assert plan_client(plan, utc(2026, 3, 7, 12)) == []


# --- plan_client: sessions ---------------------------------------------------------------------


def test_one_off_session_gets_day_before_and_hour_before_once() -> None:
    rule = once(12, date(2026, 3, 9), time(18, 0))
    rows = plan_client(client(NY, rule, prefs=ONLY_SESSIONS), utc(2026, 3, 8, 12))
    start = utc(2026, 3, 9, 22)
    assert rows == [
        Planned(7, "session_day_before", "s12@2026-03-09T18:00", utc(2026, 3, 8, 22), 12, start),
        Planned(7, "session_hour_before", "s12@2026-03-09T18:00", utc(2026, 3, 9, 21), 12, start),
    ]
    a_week_later = plan_client(client(NY, rule), utc(2026, 3, 15))
    assert [row for row in a_week_later if row.session_id is not None] == []


def test_occurrence_key_uses_the_session_zone_and_fits_64_chars() -> None:
    rule = once(2**62, date(2026, 3, 9), time(18, 0))
    rows = plan_client(client(LA, rule, prefs=ONLY_SESSIONS), utc(2026, 3, 8, 12))
    assert len(rows) == 2  # 15:00 in Los Angeles, but keyed by the session's own 18:00
    assert {row.occurrence for row in rows} == {f"s{2**62}@2026-03-09T18:00"}
    assert all(len(row.occurrence) <= 64 for row in rows)


@pytest.mark.parametrize(
    ("zone", "prompt", "local", "done", "expected"),
    [
        ("America/Chicago", "21:00", "2026-11-27T00:30", set(), "2026-11-26"),
        ("Europe/Madrid", "23:30", "2026-11-27T04:59", set(), "2026-11-26"),
        # The night is over, or the evening was answered, or today's prompt already came.
        ("America/Chicago", "21:00", "2026-11-27T05:00", set(), "2026-11-27"),
        ("America/Chicago", "21:00", "2026-11-27T00:30", {"2026-11-26"}, "2026-11-27"),
        ("America/Chicago", "00:15", "2026-11-27T00:30", set(), "2026-11-27"),
        # Yesterday's prompt was never sent (a 02:00 prompt before the client's 00:30).
        ("America/Chicago", "02:00", "2026-11-27T00:30", set(), "2026-11-27"),
        ("America/Chicago", "20:00", "2026-11-27T14:00", set(), "2026-11-27"),
    ],
)
def test_checkin_day(zone: str, prompt: str, local: str, done: set[str], expected: str) -> None:
    from bot.domain.schedule.plan import checkin_day

    now = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))
    days = frozenset(date.fromisoformat(d) for d in done)
    at = time.fromisoformat(prompt)
    assert checkin_day(now, zone, at, days) == date.fromisoformat(expected)


def test_a_client_enrolled_after_last_nights_prompt_checks_in_for_today() -> None:
    """Enrolled at 00:10 with a 21:00 prompt, checking in at 00:30: no prompt was ever sent to
    them the evening before, so the check-in is today's (it used to count for the evening
    before enrollment, and /progress said "0 of 1 day")."""
    from bot.domain.schedule.plan import checkin_day

    zone = "America/Chicago"
    now = datetime(2026, 11, 27, 0, 30, tzinfo=ZoneInfo(zone))
    enrolled = datetime(2026, 11, 27, 0, 10, tzinfo=ZoneInfo(zone))
    assert checkin_day(now, zone, time(21, 0), frozenset(), enrolled) == date(2026, 11, 27)
    earlier = datetime(2026, 11, 26, 20, 0, tzinfo=ZoneInfo(zone))  # before that prompt
    assert checkin_day(now, zone, time(21, 0), frozenset(), earlier) == date(2026, 11, 26)

