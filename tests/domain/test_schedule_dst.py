"""Three simulated weeks around each 2026 US daylight-saving change, re-planned every 6 hours.

The planning job is replayed as it runs in production: `plan_client` every 6 hours of simulated
time, rows merged by (client, kind, occurrence) as the unique constraint merges them. What
arrives is compared with an oracle that knows the 2026 US rules by hand, not through zoneinfo.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from bot.domain.schedule.plan import ClientPlan, Planned, SessionRule, is_quiet, plan_client
from tests.domain.test_schedule import LA, LONG_AGO, NY, utc

SPRING, FALL = date(2026, 3, 8), date(2026, 11, 1)  # both at 02:00 local
STANDARD_OFFSET = {NY: 5, LA: 8}  # hours behind UTC in winter
HORIZON = timedelta(hours=48)
EVENING_IOP = tuple(
    SessionRule(sid, "group", weekday, None, time(18, 0), 180, NY, LONG_AGO)
    for sid, weekday in ((1, 0), (2, 2), (3, 3))  # Monday, Wednesday, Thursday
)
CLIENTS = (
    ClientPlan(1, LA, time(9, 0), LONG_AGO, {}, EVENING_IOP),
    ClientPlan(2, NY, time(1, 30), LONG_AGO, {}, EVENING_IOP),  # the repeated hour in fall
    ClientPlan(3, NY, time(2, 30), LONG_AGO, {}, EVENING_IOP),  # the skipped hour in spring
)
Key = tuple[int, str, str]


def oracle(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of a wall time under the 2026 US rules, worked out by hand."""
    if day == SPRING and time(2, 0) <= at < time(3, 0):
        at = time(3, 0)  # skipped: the first minute that exists
    daylight = (SPRING, time(2, 0)) <= (day, at) < (FALL, time(2, 0))  # a repeat: the first
    offset = STANDARD_OFFSET[zone] - (1 if daylight else 0)
    return datetime.combine(day, at, UTC) + timedelta(hours=offset)


@cache
def simulate(change: date, phase: timedelta) -> tuple[dict[Key, Planned], datetime, datetime]:
    """Run the planner every 6 h for 3 weeks around `change`; rows merged by their key."""
    first = datetime.combine(change - timedelta(days=10), time(0), UTC) + phase
    runs = [first + timedelta(hours=6 * k) for k in range(21 * 4)]
    merged: dict[Key, Planned] = {}
    for now in runs:
        for plan in CLIENTS:
            rows = plan_client(plan, now)
            keys = [(row.client_id, row.kind, row.occurrence) for row in rows]
            assert len(set(keys)) == len(keys)
            for key, row in zip(keys, rows, strict=True):
                assert now <= row.due_at < now + HORIZON
                # Re-planning never changes an occurrence: not its due time, not anything.
                assert merged.setdefault(key, row) == row
    return merged, first, runs[-1] + HORIZON


def expected(start: datetime, end: datetime) -> dict[Key, datetime]:
    """Every reminder due in [start, end) for CLIENTS, from the oracle."""
    due: dict[Key, datetime] = {}
    day = start.date() - timedelta(days=2)
    while day <= end.date() + timedelta(days=2):
        for plan in CLIENTS:
            zone, cid = plan.timezone, plan.client_id
            due[cid, "checkin", day.isoformat()] = oracle(day, plan.checkin_time, zone)
            if day.weekday() == 6:
                week = f"{day.isocalendar().year}-W{day.isocalendar().week:02d}"
                due[cid, "weekly_summary", week] = oracle(day, time(18, 0), zone)
            # 18:00 in New York is 15:00 in Los Angeles: the same date for every client.
            hour_before = time(14, 0) if zone == LA else time(17, 0)
            for rule in EVENING_IOP:
                if day.weekday() == rule.weekday:
                    key = f"s{rule.id}@{day.isoformat()}T18:00"
                    evening = oracle(day - timedelta(days=1), time(18, 0), zone)
                    due[cid, "session_day_before", key] = evening
                    due[cid, "session_hour_before", key] = oracle(day, hour_before, zone)
        day += timedelta(days=1)
    return {key: at for key, at in due.items() if start <= at < end}


@pytest.mark.parametrize("change", [SPRING, FALL], ids=["spring", "fall"])
@pytest.mark.parametrize("phase", [timedelta(0), timedelta(hours=3, minutes=17)], ids=str)
def test_three_weeks_every_reminder_once_at_its_local_time(change: date, phase: timedelta) -> None:
    merged, start, end = simulate(change, phase)
    assert {key: row.due_at for key, row in merged.items()} == expected(start, end)
    for (cid, kind, occurrence), row in merged.items():
        assert kind == "checkin" or not is_quiet(row.due_at, CLIENTS[cid - 1].timezone)
        if kind.startswith("session_"):
            day = date.fromisoformat(occurrence.split("@")[1][:10])
            assert row.session_start == oracle(day, time(18, 0), NY)
            assert row.session_id == int(occurrence[1 : occurrence.index("@")])


@pytest.mark.parametrize("change", [SPRING, FALL], ids=["spring", "fall"])
def test_one_checkin_a_day_without_a_gap(change: date) -> None:
    merged, _, _ = simulate(change, timedelta(0))
    for plan in CLIENTS:
        days = sorted(
            date.fromisoformat(occurrence)
            for cid, kind, occurrence in merged
            if cid == plan.client_id and kind == "checkin"
        )
        assert len(days) == 23  # 20.75 days of runs, each planning 48 h ahead
        assert days == [days[0] + timedelta(days=n) for n in range(len(days))]


@pytest.mark.parametrize("change", [SPRING, FALL], ids=["spring", "fall"])
def test_local_times_each_day_of_the_simulation(change: date) -> None:
    merged, _, _ = simulate(change, timedelta(0))
    times: dict[tuple[int, str], set[time]] = {}
    for (cid, kind, _), row in merged.items():
        local = row.due_at.astimezone(ZoneInfo(CLIENTS[cid - 1].timezone))
        times.setdefault((cid, kind), set()).add(local.time())
    assert times[1, "checkin"] == {time(9, 0)}
    assert times[1, "session_day_before"] == {time(18, 0)}
    assert times[1, "session_hour_before"] == {time(14, 0)}
    assert times[2, "session_hour_before"] == {time(17, 0)}
    assert times[2, "session_day_before"] == times[1, "weekly_summary"] == {time(18, 0)}
    assert times[2, "checkin"] == {time(1, 30)}  # once on the fall-back day: the first
    # The spring gap has no 02:30: that day's prompt comes at 03:00, every other day at 02:30.
    gap = {time(3, 0)} if change == SPRING else set()
    assert times[3, "checkin"] == {time(2, 30)} | gap


@pytest.mark.parametrize(
    ("change", "key", "due"),
    [
        (SPRING, (1, "checkin", "2026-03-07"), utc(2026, 3, 7, 17)),
        (SPRING, (1, "checkin", "2026-03-08"), utc(2026, 3, 8, 16)),
        (SPRING, (2, "checkin", "2026-03-08"), utc(2026, 3, 8, 6, 30)),
        (SPRING, (3, "checkin", "2026-03-08"), utc(2026, 3, 8, 7)),  # 02:30 skipped: 03:00 EDT
        (SPRING, (1, "session_day_before", "s1@2026-03-09T18:00"), utc(2026, 3, 9, 1)),
        (SPRING, (1, "session_hour_before", "s1@2026-03-09T18:00"), utc(2026, 3, 9, 21)),
        (SPRING, (2, "session_hour_before", "s1@2026-03-02T18:00"), utc(2026, 3, 2, 22)),
        (SPRING, (1, "weekly_summary", "2026-W10"), utc(2026, 3, 9, 1)),
        (FALL, (2, "checkin", "2026-11-01"), utc(2026, 11, 1, 5, 30)),  # 01:30 EDT, the first
        (FALL, (3, "checkin", "2026-11-01"), utc(2026, 11, 1, 7, 30)),  # 02:30 EST
        (FALL, (1, "checkin", "2026-11-01"), utc(2026, 11, 1, 17)),
        (FALL, (1, "session_day_before", "s1@2026-11-02T18:00"), utc(2026, 11, 2, 2)),
        (FALL, (2, "session_hour_before", "s1@2026-11-02T18:00"), utc(2026, 11, 2, 22)),
        (FALL, (2, "weekly_summary", "2026-W44"), utc(2026, 11, 1, 23)),
    ],
)
def test_spot_checks_around_the_changes(change: date, key: Key, due: datetime) -> None:
    merged, _, _ = simulate(change, timedelta(0))
    assert merged[key].due_at == due
