"""The captions say in words what the charts show, with figures computed here independently."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.charts.captions import CAPTION_MAX, fit_caption, shorten
from bot.charts.draw import mood_craving_chart, trigger_bars_chart
from bot.domain.insights.history import CheckInRecord, ClientHistory, CravingRecord, TriggerRecord
from bot.locales import catalog, t
from tests.charts import builders as b

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
}
# (day of November, craving, mood); days 18, 21, 24 and 27 have no check-in.
DAYS = [(16, 8, 4), (17, 5, 5), (19, 3, 6), (20, 8, 5), (22, 4, 6)]
DAYS += [(23, 2, 7), (25, 3, 7), (26, 4, 6), (28, 3, 7), (29, 2, 8)]


def nov(day: int) -> date:
    return date(2026, 11, day)


def fortnight() -> ClientHistory:
    """Fourteen days to Nov 29 with figures picked by hand, plus records just outside."""
    trig = {16: ("stressed", "stressed"), 17: ("stressed", "lonely"), 20: ("bar",)}
    checkins = [CheckInRecord(day=nov(15), mood=0, craving=10, triggers=("bar",) * 3)]
    checkins += [
        CheckInRecord(day=nov(d), mood=m, craving=c, triggers=trig.get(d, ())) for d, c, m in DAYS
    ]
    cravings = [
        CravingRecord(at=b.local(nov(15), 23, 30), intensity=10, triggers=("bar",)),  # outside
        CravingRecord(at=b.local(nov(16), 0, 10), intensity=6, triggers=("stressed",)),
        CravingRecord(at=b.local(nov(20), 21), intensity=9, triggers=("lonely", "bar")),
        CravingRecord(at=b.local(nov(20), 22), intensity=None, triggers=("stressed",)),
        CravingRecord(at=b.local(nov(25), 18), intensity=5),
        CravingRecord(at=b.local(nov(29), 23, 30), intensity=4, triggers=("lonely",)),
    ]
    triggers = [
        TriggerRecord(at=b.local(nov(22), 12), triggers=("stressed", "lonely")),
        TriggerRecord(at=b.local(nov(23), 12), triggers=("stressed",)),
        TriggerRecord(at=b.local(nov(30), 0, 30), triggers=("bar", "bar")),  # tomorrow
    ]
    return b.client(tuple(checkins), tuple(cravings), tuple(triggers))


MOOD_CRAVING = {
    "en": "Last 14 days: 10 check-ins. Craving averaged 4.2 (highest 8 on Nov 20). "
    "Mood averaged 6.1. 5 craving logs.",
    "es": "Últimos 14 días: 10 registros diarios. Las ganas de consumir promediaron 4,2 "
    "(máximo 8 el 20 nov). El ánimo promedió 6,1. 5 registros de ganas de consumir.",
}
TRIGGERS = {
    "en": "Top triggers, last 14 days: stressed (6), lonely (4), bar or party (2).",
    "es": "Detonantes más frecuentes, últimos 14 días: estrés (6), soledad (4), bar o fiesta (2).",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_mood_craving_caption_by_hand(lang: str) -> None:
    # The log at 23:30 on Nov 15 is Nov 16 in UTC but not in Chicago: it stays out, and the
    # one at 23:30 on Nov 29 (Nov 30 in UTC) is in.
    assert mood_craving_chart(fortnight(), b.TODAY, 14, lang).caption == MOOD_CRAVING[lang]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_trigger_caption_by_hand(lang: str) -> None:
    # Each record counts a trigger once; the Nov 30 trigger log is tomorrow in Chicago.
    assert trigger_bars_chart(fortnight(), b.TODAY, 14, lang).caption == TRIGGERS[lang]


def mean_text(values: list[int], lang: str) -> str:
    text = f"{sum(values) / len(values):.1f}"
    return text.replace(".", ",") if lang == "es" else text


def expected_mood_craving(h: ClientHistory, days: int, lang: str) -> list[str]:
    """The figures the caption must state, from the raw records (one check-in a day)."""
    start = b.TODAY - timedelta(days=days - 1)
    zone = ZoneInfo(h.timezone)
    inside = [c for c in h.checkins if start <= c.day <= b.TODAY]
    cravings = [(c.craving, c.day) for c in inside if c.craving is not None]
    moods = [c.mood for c in inside if c.mood is not None]
    logs = [c for c in h.cravings if start <= c.at.astimezone(zone).date() <= b.TODAY]
    peak, on = max(cravings)  # the latest day wins a tie, as (value, day) sorts
    month = MONTHS[lang][on.month - 1]
    day = f"{month} {on.day}" if lang == "en" else f"{on.day} {month}"
    avg_c = mean_text([c for c, _ in cravings], lang)
    avg_m = mean_text(moods, lang)
    if lang == "en":
        return [
            f"Last {days} days: {len(inside)} check-ins.",
            f"Craving averaged {avg_c} (highest {peak} on {day}).",
            f"Mood averaged {avg_m}.",
            f"{len(logs)} craving logs.",
        ]
    return [
        f"Últimos {days} días: {len(inside)} registros diarios.",
        f"promediaron {avg_c} (máximo {peak} el {day}).",
        f"El ánimo promedió {avg_m}.",
        f"{len(logs)} registros de ganas de consumir.",
    ]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("days", [14, 30])
def test_mood_craving_caption_over_a_year(lang: str, days: int) -> None:
    caption = mood_craving_chart(b.full_year(), b.TODAY, days, lang).caption
    for part in expected_mood_craving(b.full_year(), days, lang):
        assert part in caption


def expected_triggers(h: ClientHistory, days: int) -> list[tuple[str, int]]:
    start = b.TODAY - timedelta(days=days - 1)
    zone = ZoneInfo(h.timezone)
    records = [(c.day, c.triggers) for c in h.checkins]
    records += [(r.at.astimezone(zone).date(), r.triggers) for r in h.cravings]
    records += [(r.at.astimezone(zone).date(), r.triggers) for r in h.triggers]
    counts: Counter[str] = Counter()
    for day, keys in records:
        if start <= day <= b.TODAY:
            # "other:" texts that differ only in case are one trigger
            counts.update({k.lower() for k in keys})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]


TOP = {
    "en": "Top triggers, last {days} days: ",
    "es": "Detonantes más frecuentes, últimos {days} días: ",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("days", [14, 30])
def test_trigger_caption_over_a_year(lang: str, days: int) -> None:
    caption = trigger_bars_chart(b.full_year(), b.TODAY, days, lang).caption
    expected = expected_triggers(b.full_year(), days)
    assert len(expected) == 6
    items = [
        f"{key[len('other:') :] if key.startswith('other:') else t(lang, f'trigger.{key}')} ({n})"
        for key, n in expected
    ]
    # Case aside: a typed trigger keeps whichever spelling the client used first.
    assert caption.lower() == (TOP[lang].format(days=days) + ", ".join(items) + ".").lower()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_captions_with_no_data(lang: str) -> None:
    mood = mood_craving_chart(b.empty(), b.TODAY, 30, lang).caption
    bars = trigger_bars_chart(b.empty(), b.TODAY, 30, lang).caption
    if lang == "en":
        assert mood == "Last 30 days: no check-ins yet."
        assert bars == "No triggers noted in the last 30 days."
    else:
        assert mood == "Últimos 30 días: aún no hay registros diarios."
        assert bars == "No se anotaron detonantes en los últimos 30 días."


def test_one_day_uses_the_singular() -> None:
    h = b.one_day()
    assert mood_craving_chart(h, b.TODAY, 14, "en").caption == (
        "Last 14 days: 1 check-in. Craving averaged 4.0 (highest 4 on Nov 29). "
        "Mood averaged 6.0. 1 craving log."
    )
    assert trigger_bars_chart(h, b.TODAY, 14, "en").caption == (
        "Top triggers, last 14 days: lonely (1), stressed (1)."
    )


def test_craving_logs_without_check_ins() -> None:
    h = b.client(cravings=(CravingRecord(at=b.local(b.TODAY, 8), intensity=6),) * 2)
    caption = mood_craving_chart(h, b.TODAY, 14, "en").caption
    assert caption == "Last 14 days: no check-ins yet. 2 craving logs."


def test_mood_only_check_ins_leave_craving_out() -> None:
    h = b.client(checkins=(CheckInRecord(day=b.TODAY, mood=3),))
    caption = mood_craving_chart(h, b.TODAY, 14, "es").caption
    assert caption == "Últimos 14 días: 1 registro diario. El ánimo promedió 3,0."


def test_typed_triggers_show_their_text_and_stay_under_the_limit() -> None:
    long_texts = tuple(f"other:{i} " + "x" * 55 for i in range(8))
    h = b.client(checkins=(CheckInRecord(day=b.TODAY, mood=5, triggers=long_texts),))
    caption = trigger_bars_chart(h, b.TODAY, 14, "en").caption
    assert len(caption) <= CAPTION_MAX
    assert caption.count("(1)") == 6  # the top six, each in full
    assert f"0 {'x' * 55} (1)" in caption


def test_an_unknown_trigger_key_shows_as_is() -> None:
    h = b.client(checkins=(CheckInRecord(day=b.TODAY, triggers=("retired_key",)),))
    assert trigger_bars_chart(h, b.TODAY, 14, "es").caption.endswith("retired_key (1).")


def test_long_texts_are_cut_with_an_ellipsis() -> None:
    assert shorten("short") == "short"
    cut = shorten("a" * 80, 30)
    assert len(cut) == 30 and cut.endswith("…")
    assert len(fit_caption("word " * 400)) == CAPTION_MAX


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_trigger_name_fits_a_bar_uncut(lang: str) -> None:
    names = [v for k, v in catalog(lang).items() if k.startswith("trigger.")]
    assert names and all(shorten(name) == name for name in names)
