"""The chart's days start no earlier than enrollment, and the y axis says what 0 and 10 mean
(issue 13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.charts.draw import scale_words
from bot.charts.series import window
from tests.charts.builders import TODAY, client


@pytest.mark.parametrize(
    ("enrolled_days_ago", "asked", "shown"), [(5, 30, 6), (40, 30, 30), (0, 14, 1)]
)
def test_window_starts_at_enrollment(enrolled_days_ago: int, asked: int, shown: int) -> None:
    start = datetime(TODAY.year, TODAY.month, TODAY.day, 18, tzinfo=UTC)
    h = replace(client(), enrolled_at=start - timedelta(days=enrolled_days_ago))
    win = window(h, TODAY, asked)
    assert win.days == shown
    assert win.start == TODAY - timedelta(days=shown - 1)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "Craving: 0 = none, 10 = extreme  ·  Mood: 0 = very bad, 10 = very good"),
     ("es", "Ganas de consumir: 0 = nada, 10 = extremas  ·  Ánimo: 0 = muy mal, 10 = muy bien")],
)  # fmt: skip
def test_the_scale_is_said_for_mood_and_for_craving(lang: str, words: str) -> None:
    assert scale_words(lang) == words


def test_a_checkin_counted_for_the_evening_before_enrollment_stays_in_sight() -> None:
    """A check-in made after midnight can count for the evening before: the window reaches
    back to it rather than hide it."""
    from bot.domain.insights.history import CheckInRecord

    start = datetime(TODAY.year, TODAY.month, TODAY.day, 7, tzinfo=UTC)  # 01:00 in Chicago
    evening = TODAY - timedelta(days=1)
    h = replace(
        client(checkins=(CheckInRecord(day=evening, mood=5, craving=2),)), enrolled_at=start
    )
    win = window(h, TODAY, 14)
    assert win.start == evening and win.days == 2
