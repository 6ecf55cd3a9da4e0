"""Reminder planning: the reminder rows a client is due, in UTC, and whether late ones still go.

Pure and standard library only (no clock reads, no I/O). The store's planning job calls
`plan_client` every few hours and upserts the rows, unique per (client, kind, occurrence); so
every rule here depends only on its arguments, and an occurrence is planned with the same
`due_at` whenever it is planned, across daylight-saving changes too. Wall-clock times resolve
through zoneinfo: a time that a spring-forward gap skips moves forward to the first minute that
exists, and a time that a fall-back day shows twice means its first occurrence.

Quiet hours (22:00-08:00 client-local) hold for everything but the check-in prompt, whose time
the client chose. The dispatcher asks `lateness_verdict` before sending a row it finds late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.schedule.kinds import SESSION_KINDS, Kind, wants
from bot.domain.schedule.local_time import (
    QUIET_END,
    QUIET_START,
    as_utc,
    is_quiet,
    local_days,
    local_to_utc,
    out_of_quiet,
)

__all__ = [
    "MAX_LATENESS",
    "QUIET_END",
    "QUIET_START",
    "ClientPlan",
    "Planned",
    "SessionRule",
    "checkback",
    "checkin_day",
    "craving_followup",
    "is_quiet",
    "lateness_verdict",
    "local_to_utc",
    "plan_client",
    "reengage_due",
    "session_occurrences",
]

EVENING = time(18, 0)  # day-before reminders and the weekly summary
NOON = time(12, 0)  # re-engagement
MORNING = time(9, 0)  # check-back after a crisis
NIGHT_ENDS = time(5, 0)  # before this, a crisis belongs to the night before
SUNDAY = 6
HOUR_BEFORE = timedelta(minutes=60)
DAY_BEFORE_CUTOFF = timedelta(hours=2)
CRAVING_DELAY = timedelta(minutes=25)
REENGAGE_GAP_DAYS = timedelta(days=3)
# How late a reminder may still go out; session reminders are judged by their session instead.
MAX_LATENESS: dict[Kind, timedelta] = {
    Kind.CHECKIN: timedelta(hours=3),
    Kind.CRAVING_FOLLOWUP: timedelta(hours=3),
    Kind.CHECKBACK: timedelta(hours=6),
    Kind.REENGAGE: timedelta(hours=12),
    Kind.WEEKLY_SUMMARY: timedelta(hours=12),
}

_DAY = timedelta(days=1)
# A day-before reminder precedes its session by at most about 31 h (18:00 the evening before a
# start just before midnight, plus a DST hour), so look that far past the planning window.
_DAY_BEFORE_REACH = timedelta(days=2)


@dataclass(frozen=True)
class SessionRule:
    """A program session as stored: weekly on `weekday` or once on `once_date`, except on the
    `skipped` dates (a holiday: dates in the session's zone). `created_at` is when its
    reminders count "added later" from: when it was added, or last changed."""

    id: int
    kind: str
    weekday: int | None
    once_date: date | None
    start_time: time
    duration_min: int
    timezone: str
    created_at: datetime
    skipped: frozenset[date] = frozenset()


@dataclass(frozen=True)
class ClientPlan:
    """What the planner knows about one client."""

    client_id: int
    timezone: str
    checkin_time: time
    enrolled_at: datetime
    prefs: dict[str, bool]  # the client's /settings switches, read through `kinds.wants`
    sessions: tuple[SessionRule, ...]


@dataclass(frozen=True)
class Planned:
    """One reminder row to upsert, unique per (client, kind, occurrence)."""

    client_id: int
    kind: str
    occurrence: str
    due_at: datetime
    session_id: int | None = None
    session_start: datetime | None = None
    ref_id: int | None = None


def session_occurrences(rule: SessionRule, start: datetime, end: datetime) -> list[datetime]:
    """UTC start instants of the session in [start, end), wall-clock steady in its zone;
    none on a skipped date."""
    start, end = as_utc(start), as_utc(end)
    if rule.weekday is None:
        days = [rule.once_date] if rule.once_date is not None else []
    else:
        # A day of slack each side: a start moved out of a gap can land on another date.
        around = local_days(start - _DAY, end + _DAY, rule.timezone)
        days = [day for day in around if day.weekday() == rule.weekday]
    days = [day for day in days if day not in rule.skipped]
    instants = (local_to_utc(day, rule.start_time, rule.timezone) for day in days)
    return [instant for instant in instants if start <= instant < end]


def plan_client(
    plan: ClientPlan, now: datetime, horizon: timedelta = timedelta(hours=48)
) -> list[Planned]:
    """Every reminder row due for this client in [now, now + horizon), in due order."""
    now = as_utc(now)
    end = now + horizon
    rows = [*_checkins(plan, now, end), *_weekly_summaries(plan, now, end)]
    for rule in plan.sessions:
        rows.extend(_session_rows(plan, rule, now, end))
    wanted = [row for row in rows if wants(plan.prefs, row.kind)]
    return sorted(wanted, key=lambda row: (row.due_at, row.kind, row.occurrence))


def _checkins(plan: ClientPlan, now: datetime, end: datetime) -> list[Planned]:
    """The daily check-in prompts in the window; quiet hours allowed, the client chose them."""
    rows = []
    # From the day before: a prompt moved out of a gap past midnight belongs to its own date.
    for day in local_days(now - _DAY, end, plan.timezone):
        due = local_to_utc(day, plan.checkin_time, plan.timezone)
        if now <= due < end:
            rows.append(Planned(plan.client_id, Kind.CHECKIN, day.isoformat(), due))
    return rows


def _weekly_summaries(plan: ClientPlan, now: datetime, end: datetime) -> list[Planned]:
    """The Sunday 18:00 summary hooks in the window, keyed by ISO week."""
    rows = []
    for day in local_days(now, end, plan.timezone):
        due = local_to_utc(day, EVENING, plan.timezone)
        if day.weekday() == SUNDAY and now <= due < end:
            year, week, _ = day.isocalendar()
            key = f"{year}-W{week:02d}"
            rows.append(Planned(plan.client_id, Kind.WEEKLY_SUMMARY, key, due))
    return rows


def _session_rows(
    plan: ClientPlan, rule: SessionRule, now: datetime, end: datetime
) -> list[Planned]:
    """The day-before and hour-before reminders of one session rule due in the window."""
    # A session is "added later" for a client who enrolled after it was created, too.
    added = max(as_utc(rule.created_at), as_utc(plan.enrolled_at))
    session_tz = ZoneInfo(rule.timezone)
    rows = []
    for start in session_occurrences(rule, now, end + _DAY_BEFORE_REACH):
        key = f"s{rule.id}@{start.astimezone(session_tz):%Y-%m-%dT%H:%M}"
        dues = (
            (Kind.SESSION_DAY_BEFORE, _day_before_due(plan.timezone, start, added, now)),
            (Kind.SESSION_HOUR_BEFORE, _hour_before_due(plan.timezone, start, now)),
        )
        for kind, due in dues:
            if due is not None and due < end:
                rows.append(Planned(plan.client_id, kind, key, due, rule.id, start))
    return rows


def _day_before_due(zone: str, start: datetime, added: datetime, now: datetime) -> datetime | None:
    """When the day-before reminder of a session at `start` is due, if it is planned now."""
    evening = start.astimezone(ZoneInfo(zone)).date() - _DAY
    usual = local_to_utc(evening, EVENING, zone)
    if usual >= added:
        return usual if usual >= now else None
    # Added after its usual evening: "at once" is the moment it was added (unlike `now`, that
    # stays put when re-planned), out of quiet hours, while the session is over 2 h away.
    due = out_of_quiet(added, zone)
    return due if start - max(due, now) > DAY_BEFORE_CUTOFF else None


def _hour_before_due(zone: str, start: datetime, now: datetime) -> datetime | None:
    """When the hour-before reminder is due: quiet hours push it to 08:00 or drop it."""
    due = out_of_quiet(start - HOUR_BEFORE, zone)
    return due if now <= due < start else None


def craving_followup(
    client_id: int, craving_id: int, logged_at: datetime, zone: str
) -> Planned | None:
    """The "did it pass?" follow-up 25 minutes after a craving log, unless that is quiet time."""
    due = as_utc(logged_at) + CRAVING_DELAY
    if is_quiet(due, zone):
        return None
    key = f"craving:{craving_id}"
    return Planned(client_id, Kind.CRAVING_FOLLOWUP, key, due, ref_id=craving_id)


def checkback(client_id: int, event_at: datetime, zone: str, event_id: int) -> Planned:
    """The 09:00 check-back the morning after a crisis; one per morning however many crises."""
    local = as_utc(event_at).astimezone(ZoneInfo(zone))
    # Someone writing at 03:00 has not slept yet: their "next morning" is this one.
    morning = local.date() if local.time() < NIGHT_ENDS else local.date() + _DAY
    due = local_to_utc(morning, MORNING, zone)
    key = f"checkback:{morning.isoformat()}"
    return Planned(client_id, Kind.CHECKBACK, key, due, ref_id=event_id)


def checkin_day(
    now: datetime, zone: str, checkin_time: time, done: frozenset[date],
    enrolled_at: datetime | None = None,
) -> date:  # fmt: skip
    """The day a check-in made at `now` counts for: the day of the evening prompt it answers,
    or else the client's own calendar day. After midnight and before the night ends (05:00),
    with today's prompt still to come and yesterday's (05:00 or later) sent and not yet
    answered (not in `done`), it is yesterday's: someone answering the 21:00 prompt at 00:30
    has not started a new day, and counting it for today would drop today's prompt and miss
    yesterday. A client who enrolled (`enrolled_at`, UTC) after yesterday's prompt time was
    never sent it: their first night's check-in is today's."""
    local = as_utc(now).astimezone(ZoneInfo(zone))
    today = local.date()
    yesterday = today - _DAY
    # A prompt in the small hours (before 05:00) belongs to its own night, not an evening.
    evening_prompt = checkin_time >= NIGHT_ENDS
    last_prompt = local_to_utc(yesterday, checkin_time, zone)
    enrolled_before = enrolled_at is None or as_utc(enrolled_at) <= last_prompt
    prompted = evening_prompt and last_prompt <= now and enrolled_before
    still_night = local.time() < NIGHT_ENDS
    before_todays = now < local_to_utc(today, checkin_time, zone)
    if still_night and prompted and before_todays and yesterday not in done:
        return yesterday
    return today


def reengage_due(
    client_id: int,
    zone: str,
    checkin_time: time,
    last_checkins: list[date],
    today: date,
    last_reengage: datetime | None,
    now: datetime,
) -> Planned | None:
    """A 12:00 re-engagement today after two missed check-ins, at most one every 3 days."""
    # `checkin_time` is not needed: both days judged are over whatever time the prompt came.
    done = set(last_checkins)
    if done & {today, today - _DAY, today - 2 * _DAY}:
        return None
    # "One every three days" in the client's calendar: with a 72 h gap measured in hours, a
    # daylight-saving change would push every later nudge off noon for good.
    if last_reengage is not None:
        last_day = as_utc(last_reengage).astimezone(ZoneInfo(zone)).date()
        if today - last_day < REENGAGE_GAP_DAYS:
            return None
    due = local_to_utc(today, NOON, zone)
    return Planned(client_id, Kind.REENGAGE, f"reengage:{today.isoformat()}", due)


def lateness_verdict(
    p_kind: str, due_at: datetime, now: datetime, session_start: datetime | None
) -> str:
    """Whether a reminder found late is still sent ("send") or recorded as missed ("miss")."""
    now = as_utc(now)
    if p_kind in SESSION_KINDS:
        if session_start is None:  # a session reminder cannot be judged without its session
            return "miss"
        if p_kind == Kind.SESSION_HOUR_BEFORE:
            return "miss" if now >= as_utc(session_start) else "send"
        return "miss" if now > as_utc(session_start) - DAY_BEFORE_CUTOFF else "send"
    if p_kind not in MAX_LATENESS:
        raise ValueError(f"unknown reminder kind {p_kind!r}")
    return "miss" if now - as_utc(due_at) > MAX_LATENESS[Kind(p_kind)] else "send"
