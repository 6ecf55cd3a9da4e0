"""Sixty days of one client's seeded, varied data, checked against answers worked out by hand.

The generator keeps its own record of each event's local day and hour, and turns local times
into UTC with the 2026 US rules written out (not zoneinfo). The expected figures below are
plain loops over that record; none of them calls the insights code or its helpers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.content import SKILLS, TRIGGERS
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
    CrisisRecord,
    TriggerRecord,
)

ZONE = "America/New_York"
ENROLL_DAY = date(2026, 1, 19)  # a Monday
DAYS = 60
TODAY = ENROLL_DAY + timedelta(days=DAYS - 1)  # Thursday 2026-03-19, after the spring change
SPRING = datetime(2026, 3, 8, 2, 0)  # local wall time the clocks jump from
LAPSE_WEEK = range(28, 35)  # week 5, as day indexes from enrollment
HOURS = [h for h in range(24) if h != 2]  # 2 a.m. does not exist on the spring-change day
SESSION_DAYS = (0, 2, 3)  # Monday, Wednesday, Thursday
COMMON_TRIGGERS = ("stressed", "bored", "lonely", "usedwith", "payday", "tired", "homealone")
USES = ("alcohol", "other")
HELPERS = ("breathe", "call", "surf")


def to_utc(day: date, hour: int, minute: int = 0) -> datetime:
    """A New York wall time in UTC under the 2026 rules: EST (-5) until March 8, 2 a.m."""
    wall = datetime(day.year, day.month, day.day, hour, minute)
    offset = 4 if wall >= SPRING else 5
    return (wall + timedelta(hours=offset)).replace(tzinfo=UTC)


@dataclass
class Truth:
    """What the generator made, by local day and hour, kept beside the history."""

    checkins: dict[date, CheckInRecord] = field(default_factory=dict)
    cravings: list[tuple[date, int, CravingRecord]] = field(default_factory=list)
    coping: list[tuple[date, CopingRecord]] = field(default_factory=list)
    sessions: list[tuple[date, AttendanceRecord]] = field(default_factory=list)
    crises: list[tuple[date, CrisisRecord]] = field(default_factory=list)


def _checkin(rng: random.Random, i: int, day: date) -> CheckInRecord:
    craving = rng.randint(5, 10) if i in LAPSE_WEEK else rng.choice([0, 1, 2, 3, 3, 4, 5, 6, 8])
    if i in (29, 30):
        craving = 9 if i == 29 else 8  # two high days running, the flag's own case
    use = rng.choices(["no", "private"], [12, 1])[0]
    if i == 30:
        use = "alcohol"
    return CheckInRecord(
        day=day,
        mood=rng.randint(1, 9),
        craving=craving if rng.random() > 0.05 else None,
        substance_use=use,
        sleep=rng.choices(["poor", "ok", "well", None], [3, 4, 4, 1])[0],
        stress=rng.randint(0, 10),
        triggers=tuple(rng.sample(COMMON_TRIGGERS, rng.randint(0, 2))),
        medication=rng.choices(["yes", "missed", "unsure"], [10, 1, 1])[0],
        confidence=rng.randint(2, 10),
    )


def _craving(rng: random.Random, i: int, day: date, hour: int) -> CravingRecord:
    outcome = rng.choice(["passed", "passed", "passed", "strong", None])
    if i == 31 and hour == 21:
        outcome = "used"
    triggers = list(rng.sample(COMMON_TRIGGERS, rng.randint(1, 2)))
    if rng.random() < 0.1:
        triggers.append("other:my ex texted")
    return CravingRecord(
        at=to_utc(day, hour, rng.randint(0, 59)),
        intensity=rng.randint(7, 10) if i in LAPSE_WEEK else rng.randint(2, 9),
        triggers=tuple(triggers),
        action=rng.choice([*SKILLS[:6], "breathe", "nothing"]),
        coping_offered=rng.choice(SKILLS),
        outcome=outcome,
        helped=rng.choice(HELPERS) if outcome == "passed" and rng.random() < 0.5 else None,
    )


def _day(rng: random.Random, truth: Truth, i: int) -> None:
    """One day of the client's life: maybe a check-in, some cravings, coping, a session."""
    day = ENROLL_DAY + timedelta(days=i)
    gap = i in (12, 13) or i == DAYS - 1  # two missed in a row, and today not done yet
    if not gap and (i >= 52 or i in (29, 30) or rng.random() < 0.82):
        truth.checkins[day] = _checkin(rng, i, day)
    hours = sorted(rng.sample(HOURS, rng.choice([0, 1, 1, 2, 3])))
    if i == 31:
        hours = sorted({*hours, 21})
    for hour in hours:
        truth.cravings.append((day, hour, _craving(rng, i, day, hour)))
    if rng.random() < 0.35:
        skill = rng.choice(["breathe", "ground", "call", "distract", "leave"])
        helped = rng.choice(["y", "y", "b", "n", None])
        truth.coping.append((day, CopingRecord(to_utc(day, rng.choice(HOURS)), skill, helped)))
    if day.weekday() in SESSION_DAYS and rng.random() < 0.9:
        answer = rng.choices(["there", "late", "cant"], [6, 1, 2])[0]
        truth.sessions.append((day, AttendanceRecord(to_utc(day, 18), answer)))
    if i in (10, 30, 45):
        tier = {10: 2, 30: 1, 45: 1}[i]
        truth.crises.append((day, CrisisRecord(to_utc(day, rng.choice(HOURS)), tier)))


def seeded(seed: int = 20260119, show_days_since_use: bool = True) -> tuple[ClientHistory, Truth]:
    """The client's 60 days and the generator's own record of them."""
    rng = random.Random(seed)
    truth = Truth()
    for i in range(DAYS):
        _day(rng, truth, i)
    upcoming = ENROLL_DAY + timedelta(days=DAYS + 3)  # next Monday, answered ahead of time
    truth.sessions.append((upcoming, AttendanceRecord(to_utc(upcoming, 18), "there")))
    history = ClientHistory(
        client_id=7,
        pseudo_id="C-7f3a",
        timezone=ZONE,
        enrolled_at=to_utc(ENROLL_DAY, 15, 30),
        status="active",
        show_days_since_use=show_days_since_use,
        last_contact=to_utc(TODAY - timedelta(days=1), 20, 5),
        checkins=tuple(truth.checkins.values()),
        cravings=tuple(c for _, _, c in truth.cravings),
        triggers=(TriggerRecord(to_utc(ENROLL_DAY + timedelta(days=3), 9), ("work",)),),
        coping=tuple(c for _, c in truth.coping),
        attendance=tuple(a for _, a in truth.sessions),
        crises=tuple(c for _, c in truth.crises),
    )
    return history, truth


H, TRUTH = seeded()


def days_from(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def lapse_days(truth: Truth) -> list[date]:
    days = [d for d, c in truth.checkins.items() if c.substance_use in USES]
    return days + [d for d, _, c in truth.cravings if c.outcome == "used"]


# ---- the data is what the test says it is -------------------------------------------------


def test_the_seeded_data_is_varied() -> None:
    assert 40 <= len(TRUTH.checkins) < DAYS
    assert TODAY not in TRUTH.checkins
    assert {a.answer for _, a in TRUTH.sessions} == {"there", "late", "cant"}
    lapses = lapse_days(TRUTH)
    assert lapses and all((d - ENROLL_DAY).days in LAPSE_WEEK for d in lapses)
    assert len({hour for _, hour, _ in TRUTH.cravings}) >= 12
    assert set(COMMON_TRIGGERS) <= TRIGGERS
    assert {c.outcome for _, _, c in TRUTH.cravings} >= {"passed", "strong", "used", None}


# ---- progress -------------------------------------------------------------------------------


def test_progress_figures() -> None:
    p = progress(H, TODAY)
    streak, day = 0, TODAY - timedelta(days=1)  # today is not done yet: count from yesterday
    while day in TRUTH.checkins:
        streak, day = streak + 1, day - timedelta(days=1)
    cravings = [c for d, _, c in TRUTH.cravings if d <= TODAY]
    assert p.day_n == DAYS and p.days_enrolled == DAYS and p.program_days == 90
    assert p.checkins_done == len(TRUTH.checkins)
    assert p.streak == streak and streak >= 7
    assert p.sessions_there == sum(1 for _, a in TRUTH.sessions if a.answer == "there")
    assert p.cravings_logged == len(cravings)
    assert p.cravings_passed == sum(1 for c in cravings if c.outcome == "passed")
    assert p.days_since_use == (TODAY - max(lapse_days(TRUTH))).days


def test_progress_on_an_earlier_day_ignores_later_records() -> None:
    day = ENROLL_DAY + timedelta(days=20)
    p = progress(H, day)
    assert p.day_n == 21
    assert p.checkins_done == sum(1 for d in TRUTH.checkins if d <= day)
    assert p.cravings_logged == sum(1 for d, _, _ in TRUTH.cravings if d <= day)
    assert p.days_since_use == 20  # no use yet: counted from enrollment


def test_progress_text_says_the_figures() -> None:
    p = progress(H, TODAY)
    text = progress_text(p, "en")
    assert f"Day {DAYS} of 90" in text
    assert f"Days since you last used: {p.days_since_use}." in text
    assert "a slip does not erase them" in text


# ---- the weekly findings --------------------------------------------------------------------


def bucket(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


def top_two(scores: dict[str, int]) -> tuple[str, ...]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(k for k, _ in ranked[:2])


def expected_craving(truth: Truth, week: list[date]) -> Finding:
    totals = {"morning": 0, "afternoon": 0, "evening": 0, "night": 0}
    for d, hour, c in truth.cravings:
        if d in week:
            totals[bucket(hour)] += c.intensity or 0
    best = "morning"
    for name in ("afternoon", "evening", "night"):
        if totals[name] > totals[best]:
            best = name
    if totals[best] == 0:
        return expected_checkin_craving(truth, week)
    scores: dict[str, int] = {}
    peak = 0
    for d, hour, c in truth.cravings:
        if d in week and bucket(hour) == best and c.intensity:
            peak = max(peak, c.intensity)
            for trig in set(c.triggers):
                scores[trig] = scores.get(trig, 0) + c.intensity
    return Finding("craving_time", {"when": best, "peak": peak, "triggers": top_two(scores)})


def expected_checkin_craving(truth: Truth, week: list[date]) -> Finding:
    checkins = [truth.checkins[d] for d in week if d in truth.checkins]
    peak = max((c.craving for c in checkins if c.craving is not None), default=0)
    if not peak:
        return Finding("craving_none", {})
    counts: dict[str, int] = {}
    for c in checkins:
        for trig in set(c.triggers):
            counts[trig] = counts.get(trig, 0) + 1
    return Finding("craving_checkins", {"peak": peak, "triggers": top_two(counts)})


def skill_counts(truth: Truth, week: list[date]) -> tuple[dict[str, int], dict[str, int]]:
    """Per skill, times it helped and times it was tried with a known result."""
    helped: dict[str, int] = dict.fromkeys(SKILLS, 0)
    tried: dict[str, int] = dict.fromkeys(SKILLS, 0)
    for d, rec in truth.coping:
        if d in week and rec.helped is not None:
            tried[rec.skill] += 1
            helped[rec.skill] += rec.helped in ("y", "b")
    for d, _, c in truth.cravings:
        if d not in week:
            continue
        if c.helped:
            tried[c.helped] += 1
            helped[c.helped] += 1
        if c.action in SKILLS and c.action != c.helped and c.outcome is not None:
            tried[c.action] += 1
            helped[c.action] += c.outcome == "passed" and c.helped is None
    return helped, tried


def expected_skill(truth: Truth, week: list[date]) -> Finding:
    helped, tried = skill_counts(truth, week)
    best = None
    for skill in SKILLS:  # in menu order, so a tie keeps the earlier skill
        if helped[skill] == 0:
            continue
        mine = (helped[skill], helped[skill] / tried[skill])
        if best is None or mine > (helped[best], helped[best] / tried[best]):
            best = skill
    if best is None:
        total = sum(tried.values())
        return Finding("skill_none_helped", {"tried": total}) if total else Finding("skill_none")
    if tried[best] == 1:
        return Finding("skill_once", {"skill": best})
    return Finding("skill_helped", {"skill": best, "helped": helped[best], "tried": tried[best]})


def expected_habits(truth: Truth, week: list[date]) -> Finding:
    streak = 0
    day = week[-1] if week[-1] in truth.checkins else week[-1] - timedelta(days=1)
    while day in truth.checkins:
        streak, day = streak + 1, day - timedelta(days=1)
    params: dict[str, str | int | tuple[str, ...]] = {
        "checkins": sum(1 for d in week if d in truth.checkins),
        "streak": streak,
    }
    answers = [a.answer for d, a in truth.sessions if d in week]
    if not answers:
        return Finding("habits", params)
    for name in ("there", "late", "cant"):
        params[name] = answers.count(name)
    return Finding("habits_sessions", params)


def expected_findings(truth: Truth, week_end: date) -> list[Finding]:
    week = days_from(week_end - timedelta(days=6), week_end)
    checkins = [truth.checkins[d] for d in week if d in truth.checkins]
    cravings = [c for d, _, c in truth.cravings if d in week]
    if len(checkins) < 3 and len(cravings) < 2:
        return [Finding("few_data", {"checkins": len(checkins), "cravings": len(cravings)})]
    found = [
        expected_craving(truth, week),
        expected_skill(truth, week),
        expected_habits(truth, week),
    ]
    poor = sum(1 for c in checkins if c.sleep == "poor")
    if poor >= 3:
        found.append(Finding("sleep_poor", {"nights": poor}))
    return found


WEEK_ENDS = [ENROLL_DAY + timedelta(days=i) for i in range(6, DAYS, 7)] + [TODAY]


@pytest.mark.parametrize("week_end", WEEK_ENDS, ids=str)
def test_weekly_findings_match_the_data(week_end: date) -> None:
    assert weekly_findings(H, week_end) == expected_findings(TRUTH, week_end)


def test_weekly_findings_cover_each_kind() -> None:
    """The seeded weeks are not all alike: the test above sees every main kind of finding."""
    keys = {f.key for week_end in WEEK_ENDS for f in weekly_findings(H, week_end)}
    assert keys >= {"craving_time", "skill_helped", "habits_sessions", "sleep_poor"}
    assert all(len(weekly_findings(H, w)) in (3, 4) for w in WEEK_ENDS)


def test_the_last_full_week_in_words() -> None:
    sunday = date(2026, 3, 15)
    findings = weekly_findings(H, sunday)
    text = summary_text(findings, "en", sunday)
    assert text.startswith("🗓 Your week, March 9 to March 15")
    assert text.count("\n• ") == len(findings)
    craving = findings[0]
    assert craving.key == "craving_time"
    assert f"up to {craving.params['peak']} out of 10" in finding_text(craving, "en")
    es = summary_text(findings, "es", sunday)
    assert es.startswith("🗓 Su semana, del 9 de marzo al 15 de marzo")


# ---- the report row -------------------------------------------------------------------------


def expected_flags(truth: Truth, window: list[date], today: date) -> list[str]:
    ins = {d: truth.checkins[d] for d in window if d in truth.checkins}

    def high(d: date) -> bool:
        return d in ins and (ins[d].craving or 0) >= 8

    def most_in_seven(name: str, value: str) -> int:
        best = 0
        for first in window:
            span = [first + timedelta(days=k) for k in range(7)]
            best = max(best, sum(1 for d in span if d in ins and getattr(ins[d], name) == value))
        return best

    flags = []
    if any(high(d) and high(d + timedelta(days=1)) for d in window):
        flags.append("craving>=8 two days running")
    if most_in_seven("medication", "missed") >= 2:
        flags.append("2 missed medication days in 7")
    if most_in_seven("sleep", "poor") >= 3:
        flags.append("poor sleep 3x in a week")
    if all(today - timedelta(days=k) not in truth.checkins for k in (1, 2)):
        flags.append("2 missed check-ins in a row")
    return flags


def expected_row_counts(truth: Truth, start: date, window: list[date]) -> dict[str, object]:
    answers = [truth.checkins[d].craving for d in window if d in truth.checkins]
    cravings = [a for a in answers if a is not None]
    tiers: dict[int, int] = {}
    for d, crisis in sorted(truth.crises, key=lambda dc: dc[1].tier):
        if d in window:
            tiers[crisis.tier] = tiers.get(crisis.tier, 0) + 1
    attendance: dict[str, int] = {}
    for d, a in truth.sessions:
        if d >= start:
            attendance[a.answer] = attendance.get(a.answer, 0) + 1
    done = sum(1 for d in window if d in truth.checkins)
    return {
        "checkin_completion": round(done / len(window), 2),
        "craving_mean": round(sum(cravings) / len(cravings), 1) if cravings else None,
        "craving_peak": max(cravings) if cravings else None,
        "lapses": sum(1 for d in lapse_days(truth) if d in window),
        "crisis_by_tier": tiers,
        "attendance": attendance,
    }


@pytest.mark.parametrize("since", [date(2025, 12, 1), date(2026, 2, 2), TODAY], ids=str)
def test_report_row_matches_the_data(since: date) -> None:
    start = max(since, ENROLL_DAY)
    window = days_from(start, TODAY)
    row = report_row(H, since, TODAY)
    assert row.pseudo_id == "C-7f3a" and row.status == "active"
    assert row.days_enrolled == DAYS
    assert row.last_contact == H.last_contact
    for name, value in expected_row_counts(TRUTH, start, window).items():
        assert getattr(row, name) == value, name
    assert row.flags == expected_flags(TRUTH, window, TODAY)


def test_the_full_window_raises_the_lapse_week_flag() -> None:
    row = report_row(H, ENROLL_DAY, TODAY)
    assert "craving>=8 two days running" in row.flags
    assert row.lapses >= 2
    assert list(row.crisis_by_tier) == sorted(row.crisis_by_tier)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6, 7, 8])
def test_other_seeds_agree_too(seed: int) -> None:
    """The same independent checks on other seeded clients, so no one seed hides a bug."""
    history, truth = seeded(seed)
    for week_end in WEEK_ENDS:
        assert weekly_findings(history, week_end) == expected_findings(truth, week_end)
    window = days_from(ENROLL_DAY, TODAY)
    row = report_row(history, ENROLL_DAY, TODAY)
    for name, value in expected_row_counts(truth, ENROLL_DAY, window).items():
        assert getattr(row, name) == value, name
    assert row.flags == expected_flags(truth, window, TODAY)
