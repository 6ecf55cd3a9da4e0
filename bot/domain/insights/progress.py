"""/progress: where the client is in the program, in figures and in plain words.

Days in the program only ever grow: a reported lapse never resets them (a slip does not erase
progress: docs/clinical.md, Wording). "Days since last use" is a separate count that the
client turns on for themselves, and it restarts without comment when a use is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.domain.insights.days import (
    checkin_days,
    days_between,
    enrollment_day,
    local_day,
    streak,
    use_days,
)
from bot.domain.insights.history import ClientHistory
from bot.locales import t, tn


@dataclass(frozen=True)
class Progress:
    """The /progress figures as of one local day."""

    day_n: int
    program_days: int
    days_enrolled: int
    checkins_done: int
    streak: int
    sessions_there: int
    cravings_logged: int
    cravings_passed: int
    days_since_use: int | None = None


def progress(h: ClientHistory, today: date) -> Progress:
    """The client's progress as of `today` (their local date)."""
    start = enrollment_day(h)
    # At least 1: a loaded client has enrolled, and ratios must never divide by zero.
    days = max(1, days_between(start, today))
    done = checkin_days(h, start, today)
    cravings = [c for c in h.cravings if local_day(c.at, h.timezone) <= today]
    return Progress(
        day_n=days,
        program_days=h.program_days,
        days_enrolled=days,
        checkins_done=len(done),
        streak=streak(done, today),
        # An answer counts once given, even for a session later than today.
        sessions_there=sum(1 for a in h.attendance if a.answer == "there"),
        cravings_logged=len(cravings),
        cravings_passed=sum(1 for c in cravings if c.outcome == "passed"),
        days_since_use=_days_since_use(h, start, today) if h.show_days_since_use else None,
    )


def _days_since_use(h: ClientHistory, start: date, today: date) -> int:
    """Days since the last local day with a reported use, or since enrollment if none."""
    used = use_days(h, start, today)
    last = used[-1] if used else start
    return max(0, (today - last).days)


def progress_text(p: Progress, lang: str) -> str:
    """The /progress message: one plain line per figure."""
    if p.day_n > p.program_days:
        day = t(lang, "ins.progress.day_after", day=p.day_n, total=p.program_days)
    else:
        day = t(lang, "ins.progress.day", day=p.day_n, total=p.program_days)
    lines = [
        t(lang, "ins.progress.title"),
        day,
        tn(lang, "ins.progress.checkins", p.days_enrolled, done=p.checkins_done),
        t(lang, "ins.progress.streak", streak=p.streak),
        t(lang, "ins.progress.sessions", there=p.sessions_there),
        t(lang, "ins.progress.cravings", logged=p.cravings_logged, passed=p.cravings_passed),
    ]
    if p.days_since_use is not None:
        key = "ins.progress.since_use" if p.days_since_use else "ins.progress.since_use_today"
        lines.append(t(lang, key, days=p.days_since_use))
    return "\n".join(lines)
