"""The weekly summary: three plain findings from the client's own last seven local days.

A finding is data (a key and language-free params) so it can be tested and shared without a
language; `finding_text` puts it into words. The three are always: when the strongest cravings
came and what went with them, the coping skill that most often helped, and check-ins, streak
and session answers. Poor sleep three or more times is added when it happened
(docs/clinical.md, Daily check-in).
With too little data there is a single finding that says so, because a pattern read from one
or two answers would be a guess dressed up as a fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.domain.content import SKILLS
from bot.domain.insights.days import (
    DAY,
    checkin_days,
    enrollment_day,
    join_labels,
    local_day,
    local_dt,
    short_date,
    streak,
    trigger_label,
)
from bot.domain.insights.history import CheckInRecord, ClientHistory, CravingRecord
from bot.locales import t

Param = str | int | tuple[str, ...]
BUCKETS: tuple[str, ...] = ("morning", "afternoon", "evening", "night")
HELPED_ANSWERS = frozenset({"y", "b"})  # "yes" and "a bit" both mean it helped
MIN_CHECKINS = 3
MIN_CRAVINGS = 2
TOP_TRIGGERS = 2
POOR_SLEEP_NIGHTS = 3


@dataclass(frozen=True)
class Finding:
    """One finding: `key` names its text, `params` hold keys and counts, never words."""

    key: str
    params: dict[str, Param] = field(default_factory=dict)


def time_bucket(hour: int) -> str:
    """Morning 5-12, afternoon 12-17, evening 17-22, night 22-5 (local hours)."""
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


def weekly_findings(h: ClientHistory, week_end: date) -> list[Finding]:
    """Three findings over the 7 local days ending on `week_end`, plus poor sleep if 3+."""
    first = week_end - 6 * DAY
    checkins = [c for c in h.checkins if first <= c.day <= week_end]
    cravings = [c for c in h.cravings if first <= local_day(c.at, h.timezone) <= week_end]
    days = {c.day for c in checkins}
    if len(days) < MIN_CHECKINS and len(cravings) < MIN_CRAVINGS:
        return [Finding("few_data", {"checkins": len(days), "cravings": len(cravings)})]
    found = [
        _craving_finding(h.timezone, cravings, checkins),
        _skill_finding(h, first, week_end),
        _habits_finding(h, first, week_end),
    ]
    poor = len({c.day for c in checkins if c.sleep == "poor"})
    if poor >= POOR_SLEEP_NIGHTS:
        found.append(Finding("sleep_poor", {"nights": poor}))
    return found


def _top(scores: dict[str, int]) -> tuple[str, ...]:
    """The highest-scoring keys, ties in key order so the answer never depends on input order."""
    ranked = sorted((k for k, v in scores.items() if v > 0), key=lambda k: (-scores[k], k))
    return tuple(ranked[:TOP_TRIGGERS])


def _craving_finding(
    zone: str, cravings: list[CravingRecord], checkins: list[CheckInRecord]
) -> Finding:
    """Which part of the day held the most craving strength, and the triggers that came then."""
    weight = dict.fromkeys(BUCKETS, 0)
    for c in cravings:
        weight[time_bucket(local_dt(c.at, zone).hour)] += c.intensity or 0
    # max() keeps the first of equal weights, so ties go to the earlier part of the day.
    best = max(BUCKETS, key=lambda b: weight[b])
    if weight[best] == 0:
        return _checkin_craving_finding(checkins)
    chosen = [
        c for c in cravings if c.intensity and time_bucket(local_dt(c.at, zone).hour) == best
    ]
    scores: dict[str, int] = {}
    for c in chosen:
        for trig in set(c.triggers):
            scores[trig] = scores.get(trig, 0) + (c.intensity or 0)
    peak = max(c.intensity or 0 for c in chosen)
    return Finding("craving_time", {"when": best, "peak": peak, "triggers": _top(scores)})


def _checkin_craving_finding(checkins: list[CheckInRecord]) -> Finding:
    """Without craving logs, the strongest craving the check-ins reported and their triggers."""
    peak = max((c.craving for c in checkins if c.craving is not None), default=0)
    if peak == 0:
        return Finding("craving_none")
    scores: dict[str, int] = {}
    for c in checkins:
        for trig in set(c.triggers):
            scores[trig] = scores.get(trig, 0) + 1
    return Finding("craving_checkins", {"peak": peak, "triggers": _top(scores)})


def skill_tally(h: ClientHistory, first: date, last: date) -> dict[str, tuple[int, int]]:
    """Per coping skill, (times it helped, times it was tried with a known result)."""
    tally: dict[str, tuple[int, int]] = {}

    def add(skill: str, helped: bool) -> None:
        """Count one try of `skill`, and one help if it helped."""
        done, tried = tally.get(skill, (0, 0))
        tally[skill] = (done + helped, tried + 1)

    for rec in h.coping:
        if rec.skill in SKILLS and rec.helped and first <= local_day(rec.at, h.timezone) <= last:
            add(rec.skill, rec.helped in HELPED_ANSWERS)
    for c in h.cravings:
        if not first <= local_day(c.at, h.timezone) <= last:
            continue
        named = c.helped if c.helped in SKILLS else None
        if named:
            add(named, True)
        # The skill used at the time gets the credit for a craving that passed, unless the
        # follow-up named another skill as the one that helped.
        if c.action in SKILLS and c.action != named and c.outcome:
            add(c.action, c.outcome == "passed" and named is None)
    return tally


def _skill_finding(h: ClientHistory, first: date, last: date) -> Finding:
    """The coping skill that most often helped: most helps, then best rate, then menu order."""
    tally = skill_tally(h, first, last)
    helped = [s for s, (done, _) in tally.items() if done]
    if not helped:
        tried = sum(n for _, n in tally.values())
        return Finding("skill_none_helped", {"tried": tried}) if tried else Finding("skill_none")
    best = min(helped, key=lambda s: (-tally[s][0], -tally[s][0] / tally[s][1], SKILLS.index(s)))
    done, tried = tally[best]
    if tried == 1:
        return Finding("skill_once", {"skill": best})
    return Finding("skill_helped", {"skill": best, "helped": done, "tried": tried})


def _habits_finding(h: ClientHistory, first: date, last: date) -> Finding:
    """Check-ins this week, the streak as of its last day, and the session answers."""
    all_days = checkin_days(h, enrollment_day(h), last)
    params: dict[str, Param] = {
        "checkins": len({d for d in all_days if d >= first}),
        "streak": streak(all_days, last),
    }
    answers = [
        a.answer for a in h.attendance if first <= local_day(a.session_start, h.timezone) <= last
    ]
    if not answers:
        return Finding("habits", params)
    for answer in ("there", "late", "cant"):
        params[answer] = answers.count(answer)
    return Finding("habits_sessions", params)


def _words(lang: str, name: str, value: Param) -> str:
    """One param in the client's language: parts of the day, skills and triggers get labels."""
    if isinstance(value, tuple):
        return join_labels(lang, [trigger_label(lang, k) for k in value])
    if name == "when":
        return t(lang, f"ins.tod.{value}")
    if name == "skill":
        return t(lang, f"skill.{value}")
    return str(value)


def finding_text(f: Finding, lang: str) -> str:
    """One finding in plain words; the triggers, when any, as a sentence of their own."""
    words = {name: _words(lang, name, value) for name, value in f.params.items()}
    text = t(lang, f"ins.find.{f.key}", **words)
    if words.get("triggers"):
        text += " " + t(lang, "ins.find.triggers", triggers=words["triggers"])
    return text


def summary_text(findings: list[Finding], lang: str, week_end: date) -> str:
    """The weekly message: a title with the dates, then each finding as a bullet."""
    first = week_end - 6 * DAY
    start, end = short_date(lang, first), short_date(lang, week_end)
    title = t(lang, "ins.summary.title", start=start, end=end)
    return "\n".join([title, *(f"• {finding_text(f, lang)}" for f in findings)])
