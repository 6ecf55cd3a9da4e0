"""Wall-clock maths for reminders: local times to UTC across DST changes, and quiet hours.

Pure and standard library only. A wall time that a spring-forward gap skips moves forward to
the first minute the clocks really show; one that a fall-back day shows twice means the first.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

QUIET_START = time(22, 0)
QUIET_END = time(8, 0)

_DAY = timedelta(days=1)
# The longest gap on record is a whole skipped day (Pacific/Apia, 2011-12-30).
_MAX_GAP = timedelta(days=2)


def local_to_utc(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of wall-clock `at` on `day` in `zone`; gaps move forward, repeats first."""
    tz = ZoneInfo(zone)
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    limit = wall + _MAX_GAP
    while not _exists(wall, tz) and wall < limit:
        # Inside a gap: the first whole minute the clocks really show is the one we want.
        wall = wall.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return wall.replace(tzinfo=tz).astimezone(UTC)


def _exists(wall: datetime, tz: ZoneInfo) -> bool:
    """Whether clocks in `tz` ever show the naive wall time `wall`."""
    there = wall.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)
    return there.replace(tzinfo=None) == wall


def as_utc(instant: datetime) -> datetime:
    """`instant` in UTC; a naive one would silently mean the host's zone, so it is refused."""
    if instant.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got {instant!r}")
    return instant.astimezone(UTC)


def local_days(start: datetime, end: datetime, zone: str) -> list[date]:
    """Every local date in `zone` from that of `start` to that of `end`, both included."""
    tz = ZoneInfo(zone)
    day, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    days = []
    while day <= last:
        days.append(day)
        day += _DAY
    return days


def is_quiet(instant: datetime, zone: str) -> bool:
    """Whether `instant` falls in quiet hours (22:00 <= local < 08:00) in `zone`."""
    clock = as_utc(instant).astimezone(ZoneInfo(zone)).time()
    return clock >= QUIET_START or clock < QUIET_END


def out_of_quiet(instant: datetime, zone: str) -> datetime:
    """`instant` itself, or 08:00 local at the end of the quiet hours it falls in."""
    if not is_quiet(instant, zone):
        return instant
    local = instant.astimezone(ZoneInfo(zone))
    morning = local.date() if local.time() < QUIET_END else local.date() + _DAY
    return local_to_utc(morning, QUIET_END, zone)
