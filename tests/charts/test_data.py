"""The numbers behind the pictures: one value a local day, gaps kept, logs on their local day."""

from __future__ import annotations

import math
from datetime import timedelta

from bot.charts.series import LOG_SPREAD, daily_series, trigger_counts, window
from bot.domain.insights.history import CheckInRecord, CravingRecord
from tests.charts import builders as b


def test_missing_days_are_gaps_not_guesses() -> None:
    h = b.client(
        checkins=(
            CheckInRecord(day=b.TODAY - timedelta(days=3), mood=2, craving=9),
            CheckInRecord(day=b.TODAY, mood=8, craving=1),
        )
    )
    s = daily_series(h, window(h, b.TODAY, 14))
    assert len(s.craving) == len(s.mood) == 14
    assert s.craving[10] == 9 and s.craving[13] == 1
    assert all(math.isnan(v) for v in s.craving[11:13])  # no line drawn across the gap
    assert all(math.isnan(v) for v in s.mood[:10])
    assert s.checkins == 2


def test_a_day_answered_twice_keeps_the_later_answer() -> None:
    h = b.client(
        checkins=(
            CheckInRecord(day=b.TODAY, mood=2, craving=9),
            CheckInRecord(day=b.TODAY, mood=7, craving=3),
        )
    )
    s = daily_series(h, window(h, b.TODAY, 14))
    assert (s.craving[-1], s.mood[-1], s.checkins) == (3, 7, 1)


def test_craving_logs_sit_on_their_local_day_side_by_side() -> None:
    late = b.local(b.TODAY - timedelta(days=1), 23, 45)  # already today in UTC
    assert late.date() == b.TODAY
    h = b.client(
        cravings=(
            CravingRecord(at=late, intensity=8),
            CravingRecord(at=b.local(b.TODAY, 9), intensity=4),
            CravingRecord(at=b.local(b.TODAY, 10), intensity=6),
            CravingRecord(at=b.local(b.TODAY, 11), intensity=None),  # counted, not drawn
        )
    )
    s = daily_series(h, window(h, b.TODAY, 14))
    assert s.logs == 4
    assert list(zip(s.log_x, s.log_y, strict=True)) == [
        (12, 8),
        (13 - LOG_SPREAD, 4),
        (13 + LOG_SPREAD, 6),
    ]


def test_the_window_is_the_clients_local_days() -> None:
    h = b.full_year()
    win = window(h, b.TODAY, 30)
    assert win.start == b.TODAY - timedelta(days=29)
    assert win.index(win.start) == 0 and win.index(b.TODAY) == 29
    assert win.index(b.TODAY + timedelta(days=1)) is None


def test_typed_triggers_differing_in_case_count_together() -> None:
    h = b.client(
        checkins=(
            CheckInRecord(day=b.TODAY, triggers=("other:Ex  texted me",)),
            CheckInRecord(day=b.TODAY - timedelta(days=1), triggers=("other:ex texted ME",)),
            CheckInRecord(day=b.TODAY - timedelta(days=2), triggers=("work", "other:")),
        )
    )
    counts = trigger_counts(h, window(h, b.TODAY, 14))
    assert counts == [("other:Ex  texted me", 2), ("work", 1)]


def test_at_most_six_triggers() -> None:
    h = b.client(checkins=(CheckInRecord(day=b.TODAY, triggers=b.KEYS),))
    assert len(trigger_counts(h, window(h, b.TODAY, 14))) == 6
