"""A made-up client with a realistic year of data, for the README image and the benchmark.

Seeded, so the same call gives the same history (and the same picture) every time. The
pattern is the common one in early recovery: cravings ease over the weeks, come back on
weekends and paydays, and mood moves the other way."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.insights.history import CheckInRecord, ClientHistory, CravingRecord, TriggerRecord

DEMO_TODAY = date(2026, 11, 30)
DEMO_ZONE = "America/Chicago"
# The README example: five weeks into the program, a seed whose month shows the usual story
# (cravings easing, mood rising) with a couple of missed days to show the gaps.
EXAMPLE_DAYS = 35
EXAMPLE_SEED = 2021
_WEEKDAY_TRIGGERS = ("stressed", "tired", "work", "lonely", "anxious", "conflict")
_WEEKEND_TRIGGERS = ("bar", "usedwith", "bored", "homealone", "celebrate", "lonely")


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def _day_triggers(rng: random.Random, day: date) -> tuple[str, ...]:
    pool = _WEEKEND_TRIGGERS if day.weekday() >= 4 else _WEEKDAY_TRIGGERS
    picks = rng.sample(pool, rng.choice((0, 1, 1, 2)))
    if day.day in (1, 15) and rng.random() < 0.6:
        picks.append("payday")
    return tuple(picks)


def _checkin(rng: random.Random, day: date, progress: float) -> CheckInRecord:
    weekend = 1.6 if day.weekday() >= 4 else 0.0
    craving = _clamp(6.5 - 3.5 * progress + weekend + rng.gauss(0, 0.9))
    mood = _clamp(5.5 + 3.0 * progress - 0.4 * craving + rng.gauss(0, 0.7))
    return CheckInRecord(
        day=day,
        mood=mood,
        craving=craving,
        substance_use="no",
        sleep="ok",
        triggers=_day_triggers(rng, day),
    )


def _logs(rng: random.Random, rec: CheckInRecord, zone: ZoneInfo) -> list[CravingRecord]:
    """Craving logs on the harder days, in the evening when cravings tend to peak."""
    craving = rec.craving or 0
    count = 0 if craving < 6 else rng.choice((0, 1, 1, 2))
    logs = []
    for _ in range(count):
        local = datetime.combine(rec.day, time(rng.randint(16, 22), rng.randint(0, 59)), zone)
        logs.append(
            CravingRecord(
                at=local.astimezone(UTC),
                intensity=_clamp(craving - rng.choice((0, 0, 1, 2))),
                triggers=rec.triggers[:1],
                action="surf",
                outcome="passed",
            )
        )
    return logs


def demo_history(today: date = DEMO_TODAY, days: int = 365, seed: int = 2026) -> ClientHistory:
    """`days` days of check-ins (about one in ten skipped) ending `today`, with logs."""
    rng = random.Random(seed)
    zone = ZoneInfo(DEMO_ZONE)
    start = today - timedelta(days=days - 1)
    checkins: list[CheckInRecord] = []
    cravings: list[CravingRecord] = []
    triggers: list[TriggerRecord] = []
    for i in range(days):
        day = start + timedelta(days=i)
        if rng.random() < 0.08 + (0.1 if day.weekday() == 5 else 0):
            continue  # a missed check-in, a little likelier on Saturdays
        rec = _checkin(rng, day, i / max(1, days - 1))
        checkins.append(rec)
        cravings += _logs(rng, rec, zone)
        if rng.random() < 0.1:  # a trigger noted on its own, without a craving
            noon = datetime.combine(day, time(12, 30), zone).astimezone(UTC)
            noted = rng.choice(("stressed", "conflict", "other:my ex's birthday"))
            triggers.append(TriggerRecord(at=noon, triggers=(noted,)))
    return ClientHistory(
        client_id=1,
        pseudo_id="demo",
        timezone=DEMO_ZONE,
        enrolled_at=datetime.combine(start, time(15, 0), UTC),
        language="en",
        checkins=tuple(checkins),
        cravings=tuple(cravings),
        triggers=tuple(triggers),
    )


def example_history() -> ClientHistory:
    return demo_history(DEMO_TODAY, EXAMPLE_DAYS, EXAMPLE_SEED)


def main(argv: Sequence[str] | None = None) -> None:
    """Draw the README's example chart (docs/chart-example.png unless a path is given)."""
    from bot.charts.draw import mood_craving_chart  # matplotlib only when drawing

    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0] if args else "docs/chart-example.png")
    chart = mood_craving_chart(example_history(), DEMO_TODAY, 30, "en")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(chart.png)
    print(f"{path}: {chart.caption}")


if __name__ == "__main__":
    main()
