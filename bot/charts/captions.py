"""The words of the charts: labels, dates, numbers and the captions that say in words what
the pictures show (for screen readers), in the client's language."""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache

from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font

from bot.charts.series import Series, Window
from bot.domain.content import OTHER_PREFIX, TRIGGERS
from bot.locales import t, tn

CAPTION_MAX = 1024  # Telegram's limit for a photo caption
LABEL_MAX = 36  # a typed "other:" text on a bar; the caption carries it whole


def num(lang: str, value: float) -> str:
    """One decimal, with the language's decimal separator ("4.2", "4,2")."""
    return f"{value:.1f}".replace(".", t(lang, "chart.decimal"))


@lru_cache(maxsize=8)
def _months(lang: str) -> tuple[str, ...]:
    return tuple(t(lang, "chart.months").split())


def day_text(lang: str, day: date) -> str:
    """A date in a sentence: "Nov 20", "20 nov"."""
    return t(lang, "chart.day", day=day.day, month=_months(lang)[day.month - 1])


def axis_day(lang: str, day: date) -> str:
    """A date under the x axis: "11/26", "26/11"."""
    return t(lang, "chart.axis_day", day=day.day, month=day.month)


def trigger_label(lang: str, key: str) -> str:
    """The client-facing name of a trigger key: typed "other:" text shows as typed."""
    if key.startswith(OTHER_PREFIX):
        return " ".join(key[len(OTHER_PREFIX) :].split())
    # A key no longer offered still shows up in old records; its key beats a crash.
    return t(lang, f"trigger.{key}") if key in TRIGGERS else key


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fit_caption(text: str) -> str:
    return shorten(text, CAPTION_MAX)


def _count(lang: str, key: str, n: int) -> str:
    return tn(lang, key, n)


def _peak(win: Window, values: tuple[float, ...]) -> tuple[int, date]:
    """The highest value and the latest day it was reached (the one the client remembers)."""
    best = max(v for v in values if not math.isnan(v))
    last = max(i for i, v in enumerate(values) if v == best)
    return int(best), win.start + timedelta(days=last)


def _mean(values: tuple[float, ...]) -> float | None:
    present = [v for v in values if not math.isnan(v)]
    return sum(present) / len(present) if present else None


def mood_craving_caption(lang: str, win: Window, s: Series) -> str:
    if not s.checkins:
        parts = [tn(lang, "chart.mc.cap.none", win.days, days=win.days)]
    else:
        checkins = _count(lang, "chart.mc.checkins", s.checkins)
        parts = [tn(lang, "chart.mc.cap.head", win.days, days=win.days, checkins=checkins)]
        craving = _mean(s.craving)
        if craving is not None:
            peak, on = _peak(win, s.craving)
            avg, day = num(lang, craving), day_text(lang, on)
            parts.append(t(lang, "chart.mc.cap.craving", avg=avg, max=peak, day=day))
        mood = _mean(s.mood)
        if mood is not None:
            parts.append(t(lang, "chart.mc.cap.mood", avg=num(lang, mood)))
    if s.logs:
        parts.append(_count(lang, "chart.mc.cap.logs", s.logs))
    return fit_caption(" ".join(parts))


def triggers_caption(lang: str, win: Window, counts: list[tuple[str, int]]) -> str:
    if not counts:
        return fit_caption(tn(lang, "chart.tr.cap.none", win.days, days=win.days))
    items = ", ".join(f"{trigger_label(lang, key)} ({n})" for key, n in counts)
    return fit_caption(tn(lang, "chart.tr.cap", win.days, days=win.days, items=items))


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    return frozenset(FT2Font(findfont(FontProperties())).get_charmap())


def drawable(text: str) -> str:
    """`text` without characters the font lacks (emoji, say), which matplotlib would warn
    about and draw as boxes."""
    glyphs = _glyphs()
    kept = "".join(c for c in text if ord(c) in glyphs)
    return " ".join(kept.split()) or "…"
