"""Day arithmetic shared by progress, the weekly findings and the program report.

Every count in the insights is about the client's local days: a check-in already carries its
local date, and every instant (a craving log, a session, a crisis) is turned into the local
date of the client's zone before it is counted. Pure: `today` always comes in as an argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.content import OTHER_PREFIX, TRIGGERS
from bot.domain.insights.history import ClientHistory
from bot.locales import t

DAY = timedelta(days=1)
USE_ANSWERS = frozenset({"alcohol", "other"})
USED = "used"


def local_dt(instant: datetime, zone: str) -> datetime:
    """`instant` on the client's wall clock; a naive value is read as UTC, as stored."""
    if instant.utcoffset() is None:
        # SQLite hands back naive datetimes; the store writes them in UTC.
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(ZoneInfo(zone))


def local_day(instant: datetime, zone: str) -> date:
    """The client's local date of `instant`."""
    return local_dt(instant, zone).date()


def enrollment_day(h: ClientHistory) -> date:
    """The local date the client enrolled: day 1 of the program."""
    return local_day(h.enrolled_at, h.timezone)


def days_between(first: date, last: date) -> int:
    """How many days from `first` to `last`, both included (0 when `last` is earlier)."""
    return max(0, (last - first).days + 1)


def checkin_days(h: ClientHistory, first: date, last: date) -> set[date]:
    """The distinct local days from `first` to `last` that have a check-in."""
    return {c.day for c in h.checkins if first <= c.day <= last}


def streak(done: set[date], today: date) -> int:
    """Days in a row with a check-in, ending today, or yesterday while today's is still open."""
    day = today if today in done else today - DAY
    count = 0
    while day in done:
        count += 1
        day -= DAY
    return count


def use_days(h: ClientHistory, first: date, last: date) -> list[date]:
    """Local days from `first` to `last` with a reported use, one entry per report."""
    days = [c.day for c in h.checkins if c.substance_use in USE_ANSWERS]
    days += [local_day(c.at, h.timezone) for c in h.cravings if c.outcome == USED]
    return sorted(d for d in days if first <= d <= last)


def within_span(days: Iterable[date], count: int, span: int = 7) -> bool:
    """Whether `count` of these distinct days fall inside some `span` consecutive days."""
    ordered = sorted(set(days))
    return any(
        (ordered[i + count - 1] - ordered[i]).days < span for i in range(len(ordered) - count + 1)
    )


def trigger_label(lang: str, key: str) -> str:
    """A trigger as the client reads it; 'other:' triggers are the client's own words."""
    if key.startswith(OTHER_PREFIX):
        return key[len(OTHER_PREFIX) :].strip()
    return t(lang, f"trigger.{key}") if key in TRIGGERS else key


def join_labels(lang: str, labels: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' in the client's language."""
    if len(labels) <= 1:
        return "".join(labels)
    return t(lang, "ins.list", head=", ".join(labels[:-1]), last=labels[-1])


def short_date(lang: str, day: date) -> str:
    """'Mar 8' or '8 de mar', for titles."""
    return t(lang, "ins.date", day=day.day, month=t(lang, f"ins.month.{day.month}"))
