"""The program report: one row per client, with a pseudonymous id and the clinical flags.

The flags and why: docs/clinical.md, Report flags.

The window runs from `since` (or enrollment, if later) to today, in the client's local days.
A flag is a reason for staff to reach out gently, so the rules are the clinical ones, word for
word, and each is checked at its boundary by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bot.domain.insights.days import (
    DAY,
    checkin_days,
    days_between,
    enrollment_day,
    local_day,
    use_days,
    within_span,
)
from bot.domain.insights.history import ClientHistory, CrisisRecord

FLAG_CRAVING = "craving>=8 two days running"
FLAG_MEDICATION = "2 missed medication days in 7"
FLAG_SLEEP = "poor sleep 3x in a week"
FLAG_MISSED = "2 missed check-ins in a row"
HIGH_CRAVING = 8
DIGEST_DAYS = 7  # the daily flag digest reads the report's rules over the last 7 local days
ATTENDANCE_ORDER: tuple[str, ...] = ("there", "late", "cant")

REPORT_COLUMNS: tuple[str, ...] = (
    "pseudo_id",
    "label",
    "counselor",
    "days_enrolled",
    "checkin_completion",
    "craving_mean",
    "craving_peak",
    "lapses",
    "crisis_by_tier",
    "attendance",
    "status",
    "last_contact",
    "flags",
    "crisis_notices",
    "notices_taken",
    "taken_by",
    "notice_repeats",
)


@dataclass(frozen=True)
class ReportRow:
    """One client's line in the program report."""

    pseudo_id: str
    days_enrolled: int
    checkin_completion: float
    craving_mean: float | None
    craving_peak: int | None
    lapses: int
    crisis_by_tier: dict[int, int]
    attendance: dict[str, int]
    status: str
    last_contact: datetime | None
    flags: list[str]
    # Staff-only, from the invite: who the pseudonymous id is in the program's records.
    label: str | None = None
    counselor: str | None = None
    # The staff notices of the window's crises: how many went, how many were taken ("I'm on
    # it"), by whom and how long after the client's message ("Dana (7 min)", in order), and how
    # many repeats went out because nobody had taken one yet.
    crisis_notices: int = 0
    notices_taken: int = 0
    taken_by: list[str] = field(default_factory=list)
    notice_repeats: int = 0


def report_row(h: ClientHistory, since: date, today: date) -> ReportRow:
    """The client's row for the window from `since` (or enrollment, if later) to `today`."""
    start = max(since, enrollment_day(h))
    window = days_between(start, today)
    done = checkin_days(h, start, today)
    cravings = [c.craving for c in h.checkins if start <= c.day <= today and c.craving is not None]
    crises = [c for c in h.crises if start <= local_day(c.at, h.timezone) <= today]
    noticed = [c for c in crises if c.noticed_at is not None]
    taken = [c for c in noticed if c.ack_at is not None]
    return ReportRow(
        pseudo_id=h.pseudo_id,
        days_enrolled=days_between(enrollment_day(h), today),
        checkin_completion=round(len(done) / window, 2) if window else 0.0,
        craving_mean=round(sum(cravings) / len(cravings), 1) if cravings else None,
        craving_peak=max(cravings) if cravings else None,
        lapses=len(use_days(h, start, today)),
        crisis_by_tier=_tiers(crises),
        attendance=_attendance(h, start),
        status=h.status,
        last_contact=h.last_contact,
        flags=flags(h, start, today),
        crisis_notices=len(noticed),
        notices_taken=len(taken),
        taken_by=[taken_by(c) for c in taken],
        notice_repeats=sum(c.notices for c in noticed),
    )


def taken_by(c: CrisisRecord) -> str:
    """'Dana (7 min)': who took a crisis notice, as Telegram showed their name when they
    tapped, and the whole minutes from the client's message to the tap ('<1 min' under one)."""
    assert c.ack_at is not None
    minutes = int((c.ack_at - c.at).total_seconds() // 60)
    return f"{c.ack_name or 'staff'} ({f'{minutes} min' if minutes >= 1 else '<1 min'})"


def _tiers(crises: list[CrisisRecord]) -> dict[int, int]:
    """The window's crisis events by tier, lowest tier first."""
    counts: dict[int, int] = {}
    for c in crises:
        counts[c.tier] = counts.get(c.tier, 0) + 1
    return dict(sorted(counts.items()))


def _attendance(h: ClientHistory, start: date) -> dict[str, int]:
    """Session answers from `start` on; an answer for an upcoming session is already given."""
    counts: dict[str, int] = {}
    for a in h.attendance:
        if local_day(a.session_start, h.timezone) >= start:
            counts[a.answer] = counts.get(a.answer, 0) + 1
    known = [k for k in ATTENDANCE_ORDER if k in counts]
    return {k: counts[k] for k in [*known, *sorted(set(counts) - set(known))]}


def flags(h: ClientHistory, start: date, today: date) -> list[str]:
    """The flags that fire in the window, in the order of docs/clinical.md, Report flags."""
    ins = [c for c in h.checkins if start <= c.day <= today]
    high = {c.day for c in ins if c.craving is not None and c.craving >= HIGH_CRAVING}
    out = []
    if any(day + DAY in high for day in high):
        out.append(FLAG_CRAVING)
    if within_span((c.day for c in ins if c.medication == "missed"), 2):
        out.append(FLAG_MEDICATION)
    if within_span((c.day for c in ins if c.sleep == "poor"), 3):
        out.append(FLAG_SLEEP)
    if _missed_two(h, today):
        out.append(FLAG_MISSED)
    return out


def digest_flags(h: ClientHistory, today: date) -> list[str]:
    """The flags of the staff's daily digest: the report's rules over the client's last
    DIGEST_DAYS local days, `today` included (or from enrollment, if later). The same as the
    `flags` column of a report run since DIGEST_DAYS - 1 days ago."""
    return flags(h, max(today - (DIGEST_DAYS - 1) * DAY, enrollment_day(h)), today)


def _missed_two(h: ClientHistory, today: date) -> bool:
    """No check-in on either of the two days before today, both days of enrollment."""
    # Today does not count: its check-in may simply not be due yet.
    days = (today - 2 * DAY, today - DAY)
    done = {c.day for c in h.checkins}
    return days[0] >= enrollment_day(h) and not any(d in done for d in days)


def _cell(value: object) -> str:
    """One value as report text: empty for none, 'k=v;k=v' for counts, '; ' between flags."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return str(value)


def report_csv_row(r: ReportRow) -> list[str]:
    """The row's cells in REPORT_COLUMNS order, as text for a CSV writer."""
    return [_cell(getattr(r, name)) for name in REPORT_COLUMNS]


def report_md_table(rows: list[ReportRow]) -> str:
    """The rows as a markdown table with a header line."""
    lines = ["| " + " | ".join(REPORT_COLUMNS) + " |", "|" + "---|" * len(REPORT_COLUMNS)]
    for r in rows:
        cells = (c.replace("|", "\\|") for c in report_csv_row(r))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
