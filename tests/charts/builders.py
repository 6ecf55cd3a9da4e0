"""Client histories for the chart tests, built here rather than taken from the demo module so
the tests do not check the code against data it produced itself."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.insights.history import CheckInRecord, ClientHistory, CravingRecord, TriggerRecord

TODAY = date(2026, 11, 29)
ZONE = "America/Chicago"
KEYS = ("stressed", "lonely", "bar", "tired", "conflict", "work", "bored", "payday", "media")
OTHERS = ("other:Ex texted me", "other:ex texted me", "other:smell of beer at the game")


def client(
    checkins: tuple[CheckInRecord, ...] = (),
    cravings: tuple[CravingRecord, ...] = (),
    triggers: tuple[TriggerRecord, ...] = (),
    zone: str = ZONE,
) -> ClientHistory:
    return ClientHistory(
        client_id=7,
        pseudo_id="c7",
        timezone=zone,
        enrolled_at=datetime(2025, 11, 1, 15, tzinfo=UTC),
        checkins=checkins,
        cravings=cravings,
        triggers=triggers,
    )


def local(day: date, hour: int, minute: int = 0, zone: str = ZONE) -> datetime:
    """An aware UTC instant at a local wall-clock time, as the store keeps them."""
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone)).astimezone(UTC)


def empty() -> ClientHistory:
    return client()


def one_day() -> ClientHistory:
    return client(
        checkins=(CheckInRecord(day=TODAY, mood=6, craving=4, triggers=("stressed",)),),
        cravings=(CravingRecord(at=local(TODAY, 20), intensity=7, triggers=("lonely",)),),
    )


def _pick(rng: random.Random) -> tuple[str, ...]:
    pool = KEYS + OTHERS if rng.random() < 0.15 else KEYS
    return tuple(rng.sample(pool, rng.randint(0, 3)))


def _maybe(rng: random.Random, value: int, p_missing: float) -> int | None:
    return None if rng.random() < p_missing else value


def full_year(seed: int = 11) -> ClientHistory:
    """365 days ending TODAY: skipped days, half-answered check-ins, craving logs at all hours
    (some just before local midnight, a different UTC date), and trigger logs."""
    rng = random.Random(seed)
    checkins: list[CheckInRecord] = []
    cravings: list[CravingRecord] = []
    triggers: list[TriggerRecord] = []
    for back in range(364, -1, -1):
        day = TODAY - timedelta(days=back)
        if rng.random() > 0.2:
            craving = _maybe(rng, rng.randint(0, 10), 0.1)
            mood = _maybe(rng, rng.randint(0, 10), 0.1)
            checkins.append(
                CheckInRecord(day=day, mood=mood, craving=craving, triggers=_pick(rng))
            )
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            at = local(day, rng.choice((0, 7, 13, 19, 23)), rng.randint(0, 59))
            intensity = _maybe(rng, rng.randint(1, 10), 0.1)
            cravings.append(CravingRecord(at=at, intensity=intensity, triggers=_pick(rng)))
        if rng.random() < 0.3:
            triggers.append(TriggerRecord(at=local(day, 12), triggers=_pick(rng)))
    return client(tuple(checkins), tuple(cravings), tuple(triggers))
