"""Insights at the edges: no data, enrollment today, lapses, streaks, small weeks, DST weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.domain.insights import (
    Finding,
    finding_text,
    progress,
    progress_text,
    report_row,
    summary_text,
    weekly_findings,
)
from bot.domain.insights.history import (
    AttendanceRecord,
    CheckInRecord,
    ClientHistory,
    CopingRecord,
    CravingRecord,
)

NY = "America/New_York"
TODAY = date(2026, 5, 20)  # a Wednesday, summer time in New York (UTC-4)
ENROLLED = TODAY - timedelta(days=29)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def at(day: date, hour: int, minute: int = 0, offset: int = 4) -> datetime:
    """A New York wall time as UTC; `offset` is the hours behind UTC on that day."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) + timedelta(
        hours=offset
    )


def client(enrolled: date = ENROLLED, **fields: Any) -> ClientHistory:
    """A New York client enrolled at 10:00 local on `enrolled`, with only the given records."""
    return ClientHistory(
        client_id=1, pseudo_id="C-1", timezone=NY, enrolled_at=at(enrolled, 10), **fields
    )


def checkins(*ago: int, **values: Any) -> tuple[CheckInRecord, ...]:
    return tuple(CheckInRecord(day=days_ago(n), **values) for n in ago)


# ---- progress -------------------------------------------------------------------------------


def test_no_data_at_all() -> None:
    h = client()
    p = progress(h, TODAY)
    assert (p.day_n, p.days_enrolled, p.program_days) == (30, 30, 90)
    assert (p.checkins_done, p.streak, p.sessions_there) == (0, 0, 0)
    assert (p.cravings_logged, p.cravings_passed, p.days_since_use) == (0, 0, None)
    assert "Days since" not in progress_text(p, "en")
    assert weekly_findings(h, TODAY) == [Finding("few_data", {"checkins": 0, "cravings": 0})]
    row = report_row(h, days_ago(100), TODAY)
    assert (row.days_enrolled, row.checkin_completion, row.lapses) == (30, 0.0, 0)
    assert (row.craving_mean, row.craving_peak) == (None, None)
    assert (row.crisis_by_tier, row.attendance) == ({}, {})
    assert row.flags == ["2 missed check-ins in a row"]


def test_enrollment_today() -> None:
    h = client(TODAY, show_days_since_use=True)
    p = progress(h, TODAY)
    assert (p.day_n, p.days_enrolled, p.checkins_done, p.streak) == (1, 1, 0, 0)
    assert p.days_since_use == 0
    assert "Day 1 of 90" in progress_text(p, "en")
    assert "Today is a new start" in progress_text(p, "en")
    row = report_row(h, days_ago(7), TODAY)
    assert (row.days_enrolled, row.checkin_completion, row.flags) == (1, 0.0, [])
    assert report_row(client(TODAY, checkins=checkins(0)), TODAY, TODAY).checkin_completion == 1


def test_enrollment_day_is_the_local_date() -> None:
    # 01:30 UTC on May 20 is still the evening of May 19 in New York.
    h = ClientHistory(1, "C-1", NY, datetime(2026, 5, 20, 1, 30, tzinfo=UTC))
    assert progress(h, TODAY).day_n == 2


def test_day_n_keeps_counting_past_the_program() -> None:
    h = client(days_ago(99), program_days=90)
    p = progress(h, TODAY)
    assert p.day_n == 100
    assert "past the 90 days" in progress_text(p, "en")


def test_a_lapse_yesterday_does_not_reset_day_n() -> None:
    clean = client(checkins=checkins(3, 2, 1, 0, substance_use="no"))
    lapsed = client(
        checkins=(*checkins(3, 2, 0, substance_use="no"), *checkins(1, substance_use="alcohol")),
        show_days_since_use=True,
    )
    assert progress(lapsed, TODAY).day_n == progress(clean, TODAY).day_n == 30
    assert progress(lapsed, TODAY).days_since_use == 1
    assert progress(lapsed, TODAY).streak == 4  # a check-in that reports use still counts


def test_days_since_use_off_and_on() -> None:
    records: dict[str, Any] = {"checkins": checkins(9, substance_use="other")}
    assert progress(client(**records), TODAY).days_since_use is None
    on = progress(client(**records, show_days_since_use=True), TODAY)
    assert on.days_since_use == 9
    assert "Days since you last used: 9." in progress_text(on, "en")
    assert "Días desde la última vez que consumió: 9." in progress_text(on, "es")
    never = client(checkins=checkins(2, substance_use="private"), show_days_since_use=True)
    assert progress(never, TODAY).days_since_use == 29  # "prefer not to say" is not a use


def test_a_craving_that_ended_in_use_counts_on_its_local_day() -> None:
    # 03:00 UTC today is 23:00 yesterday in New York.
    used = CravingRecord(at=datetime(2026, 5, 20, 3, 0, tzinfo=UTC), intensity=9, outcome="used")
    h = client(cravings=(used,), show_days_since_use=True)
    assert progress(h, TODAY).days_since_use == 1
    assert report_row(h, days_ago(7), TODAY).lapses == 1


@pytest.mark.parametrize(
    ("done", "streak"),
    [
        ((1, 2, 3, 4), 4),  # today not done yet: the streak still stands
        ((0, 1, 2, 3, 4), 5),
        ((0, 2, 3), 1),  # yesterday missed: only today
        ((2, 3, 4), 0),  # yesterday and today missed
        ((), 0),
    ],
)
def test_streak(done: tuple[int, ...], streak: int) -> None:
    assert progress(client(checkins=checkins(*done)), TODAY).streak == streak


def test_a_second_checkin_on_one_day_counts_once() -> None:
    h = client(checkins=checkins(1, 1, 0))
    assert progress(h, TODAY).checkins_done == 2


# ---- the weekly findings: how much data is enough ---------------------------------------------


def craving(day: date, hour: int, intensity: int = 6, **fields: Any) -> CravingRecord:
    return CravingRecord(at=at(day, hour), intensity=intensity, **fields)


def test_two_checkins_and_one_craving_is_too_little() -> None:
    h = client(checkins=checkins(1, 2, craving=9), cravings=(craving(days_ago(1), 20),))
    found = weekly_findings(h, TODAY)
    assert found == [Finding("few_data", {"checkins": 2, "cravings": 1})]
    text = finding_text(found[0], "en")
    assert "I won't guess" in text and "check-ins: 2 of 7 days" in text


def test_three_checkins_are_enough() -> None:
    h = client(checkins=checkins(1, 2, 3, craving=4, triggers=("bored",)))
    found = weekly_findings(h, TODAY)
    assert [f.key for f in found] == ["craving_checkins", "skill_none", "habits"]
    assert found[0].params == {"peak": 4, "triggers": ("bored",)}
    assert found[2].params == {"checkins": 3, "streak": 3}


def test_two_cravings_are_enough() -> None:
    h = client(cravings=(craving(days_ago(1), 8), craving(days_ago(2), 9)))
    assert [f.key for f in weekly_findings(h, TODAY)] == ["craving_time", "skill_none", "habits"]


def test_checkins_without_cravings() -> None:
    h = client(checkins=checkins(0, 1, 2, craving=0))
    found = weekly_findings(h, TODAY)
    assert found[0] == Finding("craving_none")


def test_the_week_is_seven_local_days() -> None:
    old = checkins(7, 8, 9, 10)  # just before the week
    h = client(checkins=(*old, *checkins(6)))
    assert weekly_findings(h, TODAY)[0].params == {"checkins": 1, "cravings": 0}


@pytest.mark.parametrize(("poor", "count"), [(2, 3), (3, 4)])
def test_poor_sleep_joins_the_findings_from_three_nights(poor: int, count: int) -> None:
    h = client(checkins=(*checkins(*range(poor), sleep="poor"), *checkins(4, 5, sleep="well")))
    found = weekly_findings(h, TODAY)
    assert len(found) == count
    if poor == 3:
        assert found[-1] == Finding("sleep_poor", {"nights": 3})
        assert "slept poorly on 3 nights" in finding_text(found[-1], "en")


# ---- the weekly findings: what each one says --------------------------------------------------


def test_strongest_time_weighs_intensity_and_names_its_triggers() -> None:
    cravings = (
        craving(days_ago(1), 8, 3, triggers=("work",)),
        craving(days_ago(2), 9, 3, triggers=("work",)),
        craving(days_ago(3), 10, 3, triggers=("work",)),  # morning: 3 cravings, 9 in all
        craving(days_ago(1), 20, 10, triggers=("lonely", "homealone", "other:my ex texted")),
        craving(days_ago(4), 21, 9, triggers=("other:my ex texted",)),  # evening: 19
    )
    found = weekly_findings(client(cravings=cravings), TODAY)[0]
    assert found == Finding(
        "craving_time",
        {"when": "evening", "peak": 10, "triggers": ("other:my ex texted", "homealone")},
    )
    assert finding_text(found, "en") == (
        "Your strongest cravings this week came in the evening, up to 10 out of 10. "
        "Triggers that came with them: my ex texted and home alone."
    )
    assert "en la noche" in finding_text(found, "es")
    assert "my ex texted y a solas en casa" in finding_text(found, "es")


def test_equal_weight_goes_to_the_earlier_part_of_the_day() -> None:
    cravings = (craving(days_ago(1), 23, 5), craving(days_ago(2), 6, 5))
    assert weekly_findings(client(cravings=cravings), TODAY)[0].params["when"] == "morning"


def test_the_skill_that_helped_most_often() -> None:
    coping = tuple(
        CopingRecord(at(days_ago(n), 12), "breathe", helped)
        for n, helped in ((1, "y"), (2, "b"), (3, "n"), (4, "y"), (5, None))
    )
    also = (CopingRecord(at(days_ago(1), 13), "distract", "y"),)
    h = client(coping=coping + also, checkins=checkins(1, 2, 3))
    found = weekly_findings(h, TODAY)[1]
    assert found == Finding("skill_helped", {"skill": "breathe", "helped": 3, "tried": 4})
    assert finding_text(found, "en") == (
        "Box breathing helped you most often: 3 of the 4 times you tried it."
    )


def test_the_craving_follow_up_credits_the_skill_it_names() -> None:
    cravings = (
        craving(days_ago(1), 9, action="delay", outcome="passed"),  # delay gets the credit
        craving(days_ago(2), 9, action="delay", outcome="passed", helped="surf"),  # surf does
        craving(days_ago(3), 9, action="delay", outcome="strong"),
        craving(days_ago(4), 9, action="delay"),  # no follow-up answer: not counted
    )
    found = weekly_findings(client(cravings=cravings), TODAY)[1]
    # delay helped 1 of 3, surf 1 of 1: equal helps, surf's rate is better.
    assert found == Finding("skill_once", {"skill": "surf"})


def test_skills_tried_but_none_helped() -> None:
    coping = (CopingRecord(at(days_ago(1), 12), "call", "n"),)
    h = client(coping=coping, checkins=checkins(1, 2, 3))
    assert weekly_findings(h, TODAY)[1] == Finding("skill_none_helped", {"tried": 1})


def test_checkins_streak_and_sessions() -> None:
    sessions = tuple(
        AttendanceRecord(at(days_ago(n), 18), answer)
        for n, answer in ((0, "there"), (1, "late"), (6, "there"), (7, "cant"), (-5, "cant"))
    )
    h = client(checkins=checkins(1, 2, 3, 8, 9), attendance=sessions)
    found = weekly_findings(h, TODAY)[2]
    params = {"checkins": 3, "streak": 3, "there": 2, "late": 1, "cant": 0}
    assert found == Finding("habits_sessions", dict(params))
    assert progress(h, TODAY).sessions_there == 2


# ---- DST weeks: the time of day is the client's wall clock -------------------------------------


def test_spring_forward_week_uses_summer_time_after_the_change() -> None:
    sunday, saturday = date(2026, 3, 8), date(2026, 3, 14)
    cravings = (
        # 16:30 UTC is 12:30 after the change (afternoon); at winter offset it was 11:30.
        *(CravingRecord(datetime(2026, 3, d, 16, 30, tzinfo=UTC), 6) for d in (9, 10, 11)),
        CravingRecord(datetime(2026, 3, 12, 15, 30, tzinfo=UTC), 7),  # 11:30: morning
        # 04:30 UTC on March 8 is 23:30 on March 7: the day before this week.
        CravingRecord(datetime(2026, 3, 8, 4, 30, tzinfo=UTC), 10),
        CravingRecord(datetime(2026, 3, 5, 14, 0, tzinfo=UTC), 3),  # 9:00, the week before
    )
    h = ClientHistory(1, "C-1", NY, datetime(2026, 2, 1, 15, tzinfo=UTC), cravings=cravings)
    found = weekly_findings(h, saturday)[0]
    assert found.params == {"when": "afternoon", "peak": 6, "triggers": ()}
    assert weekly_findings(h, sunday - timedelta(days=1))[0].params["peak"] == 10


def test_fall_back_week_uses_winter_time_after_the_change() -> None:
    cravings = (
        # 21:30 UTC is 16:30 after the change (afternoon); at summer offset it was 17:30.
        *(CravingRecord(datetime(2026, 11, d, 21, 30, tzinfo=UTC), 5) for d in (2, 3, 4)),
        CravingRecord(datetime(2026, 11, 1, 23, 30, tzinfo=UTC), 8),  # 18:30: evening
    )
    h = ClientHistory(1, "C-1", NY, datetime(2026, 9, 1, 15, tzinfo=UTC), cravings=cravings)
    assert weekly_findings(h, date(2026, 11, 7))[0].params["when"] == "afternoon"


def test_summary_title_and_bullets() -> None:
    h = client(checkins=checkins(1, 2, 3))
    text = summary_text(weekly_findings(h, TODAY), "en", TODAY)
    assert text.splitlines()[0] == "🗓 Your week, May 14 to May 20"
    assert len(text.splitlines()) == 4 and all(
        line.startswith("• ") for line in text.splitlines()[1:]
    )
