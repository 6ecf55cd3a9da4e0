"""What the charts show, as plain numbers: a client's check-ins, craving logs and triggers over
the last N local days. Free of matplotlib, so the captions and the tests can use it cheaply."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.content import OTHER_PREFIX
from bot.domain.insights.days import days_between
from bot.domain.insights.history import CheckInRecord, ClientHistory

MAX_DAYS = 366
TOP_TRIGGERS = 6
# Several craving logs on one day are spread this far either side of the day, so each stays
# visible instead of hiding behind the others.
LOG_SPREAD = 0.28


@dataclass(frozen=True)
class Window:
    """The last `days` local days up to and including `end` (the client's today)."""

    end: date
    days: int
    zone: tzinfo

    @property
    def start(self) -> date:
        return self.end - timedelta(days=self.days - 1)

    def index(self, day: date) -> int | None:
        """Position of `day` in the window (0 = first day), or None outside it."""
        i = (day - self.start).days
        return i if 0 <= i < self.days else None

    def local_day(self, at: datetime) -> date:
        # Naive datetimes are taken as UTC, which is what the store means by them.
        return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(self.zone).date()


def window(h: ClientHistory, today: date, days: int) -> Window:
    """The last `days` local days up to `today`, cut to start no earlier than enrollment.
    Raises ValueError for `days` outside 1..MAX_DAYS."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 1..{MAX_DAYS}, not {days}")
    try:
        zone: tzinfo = ZoneInfo(h.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        # A bad zone must not cost the client their chart; UTC is off by hours at most.
        zone = UTC
    # Never before the day the client enrolled (a new client's axis starts on their day 1),
    # nor after a day that has data: a check-in made after midnight can count for the
    # evening before, and must not drop out of sight.
    probe = Window(today, days, zone)
    logged = [probe.local_day(c.at) for c in h.cravings]
    logged += [probe.local_day(x.at) for x in h.triggers]
    first = min([probe.local_day(h.enrolled_at), *(c.day for c in h.checkins), *logged])
    return Window(today, max(1, min(days, days_between(first, today))), zone)


@dataclass(frozen=True)
class Series:
    """One value per window day (NaN where there is none) and the craving logs as points."""

    craving: tuple[float, ...]
    mood: tuple[float, ...]
    log_x: tuple[float, ...]
    log_y: tuple[float, ...]
    checkins: int  # days in the window with a check-in
    logs: int  # craving logs in the window, with or without an intensity


def _latest_per_day(h: ClientHistory, win: Window) -> dict[int, CheckInRecord]:
    # A day answered twice keeps its later answer, as the replace flow does.
    by_day: dict[int, CheckInRecord] = {}
    for rec in h.checkins:
        i = win.index(rec.day)
        if i is not None:
            by_day[i] = rec
    return by_day


def daily_series(h: ClientHistory, win: Window) -> Series:
    by_day = _latest_per_day(h, win)
    craving = [math.nan] * win.days
    mood = [math.nan] * win.days
    for i, rec in by_day.items():
        craving[i] = math.nan if rec.craving is None else float(rec.craving)
        mood[i] = math.nan if rec.mood is None else float(rec.mood)
    logs, per_day = _logs_per_day(h, win)
    log_x: list[float] = []
    log_y: list[float] = []
    for i in sorted(per_day):
        values = per_day[i]
        for k, value in enumerate(values):
            offset = 0.0 if len(values) == 1 else LOG_SPREAD * (2 * k / (len(values) - 1) - 1)
            log_x.append(i + offset)
            log_y.append(float(value))
    return Series(tuple(craving), tuple(mood), tuple(log_x), tuple(log_y), len(by_day), logs)


def _logs_per_day(h: ClientHistory, win: Window) -> tuple[int, dict[int, list[int]]]:
    """How many craving logs fall in the window, and the intensities given, per window day."""
    count = 0
    per_day: dict[int, list[int]] = {}
    for log in h.cravings:
        i = win.index(win.local_day(log.at))
        if i is None:
            continue
        count += 1
        if log.intensity is not None:
            per_day.setdefault(i, []).append(log.intensity)
    return count, per_day


def trigger_key(raw: str) -> str:
    """The counting key: typed "other:" texts that differ only in case count together."""
    if raw.startswith(OTHER_PREFIX):
        return OTHER_PREFIX + " ".join(raw[len(OTHER_PREFIX) :].split()).casefold()
    return raw


def trigger_counts(h: ClientHistory, win: Window) -> list[tuple[str, int]]:
    """The most frequent triggers in the window, most first (ties by key), with counts.

    Each check-in, craving log and trigger log counts a trigger at most once. Keys are as
    stored, except that an "other:" text keeps the spelling it was first seen with."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    groups: list[tuple[date, tuple[str, ...]]] = [(c.day, c.triggers) for c in h.checkins]
    groups += [(win.local_day(c.at), c.triggers) for c in h.cravings]
    groups += [(win.local_day(t.at), t.triggers) for t in h.triggers]
    for day, triggers in groups:
        if win.index(day) is None:
            continue
        # Ordered de-duplication (not a set) keeps the first spelling the same in every run.
        once = {trigger_key(raw): raw for raw in reversed(triggers)}
        for key, raw in once.items():
            if key == OTHER_PREFIX:
                continue  # an "other" with no text says nothing to chart
            spelling.setdefault(key, raw)
            counts[key] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TRIGGERS]
    return [(spelling[key], n) for key, n in ranked]
