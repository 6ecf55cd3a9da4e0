"""Counts take the plural form Babel's CLDR rules give for the language ('1 check-in',
'2 check-ins', '0 registros', 'de 1 día'), never one form for every number."""

from __future__ import annotations

import re
from datetime import UTC

import pytest

from bot.charts.captions import mood_craving_caption
from bot.charts.series import Series, Window
from bot.domain.insights.progress import Progress, progress_text
from bot.locales import LANGUAGES, catalog, formats, tn
from bot.service.digest import digest_texts


@pytest.mark.parametrize(
    ("lang", "n", "form"),
    [("en", 0, "other"), ("en", 1, "one"), ("en", 2, "other"),
     ("es", 0, "other"), ("es", 1, "one"), ("es", 5, "other"), ("es", 1_000_000, "many")],
)  # fmt: skip
def test_plural_category_comes_from_cldr(lang: str, n: int, form: str) -> None:
    assert formats.plural(n, lang) == form


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_family_has_its_other_form(lang: str) -> None:
    """A family ('x.one', 'x.other') is complete: the 'other' text is the fallback for any
    form a language has and the catalog does not (Spanish 'many', for a million)."""
    texts = catalog(lang)
    families = {k.rsplit(".", 1)[0] for k in texts if k.rsplit(".", 1)[-1] in ("one", "many")}
    assert families
    for family in families:
        assert f"{family}.other" in texts, family


@pytest.mark.parametrize(
    ("lang", "n", "text"),
    [("en", 1, "1 check-in"), ("en", 0, "0 check-ins"), ("en", 3, "3 check-ins"),
     ("es", 1, "1 registro diario"), ("es", 0, "0 registros diarios"),
     ("es", 1_000_000, "1000000 registros diarios")],
)  # fmt: skip
def test_counted_words_agree_with_the_count(lang: str, n: int, text: str) -> None:
    assert tn(lang, "chart.mc.checkins", n) == text


def _progress(days: int, done: int) -> Progress:
    return Progress(
        day_n=days, program_days=90, days_enrolled=days, checkins_done=done, streak=done,
        sessions_there=0, cravings_logged=0, cravings_passed=0,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "days", "line"),
    [("en", 1, "Check-ins done: 0 of 1 day."), ("en", 2, "Check-ins done: 0 of 2 days."),
     ("es", 1, "Registros diarios hechos: 0 de 1 día."),
     ("es", 2, "Registros diarios hechos: 0 de 2 días.")],
)  # fmt: skip
def test_progress_days_take_their_plural(lang: str, days: int, line: str) -> None:
    assert line in progress_text(_progress(days, 0), lang).splitlines()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_caption_counts_one_checkin_and_one_log_in_the_singular(lang: str) -> None:
    from datetime import date

    win = Window(date(2026, 11, 14), 14, UTC)
    values = (5.0,) + (float("nan"),) * 13
    s = Series(craving=values, mood=values, log_x=(0.0,), log_y=(5.0,), checkins=1, logs=1)
    caption = mood_craving_caption(lang, win, s)
    assert not re.search(r"\b1 (check-ins|registros|craving logs)\b", caption), caption
    assert ("1 check-in" if lang == "en" else "1 registro diario") in caption


def test_staff_digest_counts_one_client() -> None:
    from datetime import date

    from bot.service.digest import FLAG_KEYS, Flagged

    flagged = Flagged(pseudo_id="c-1", who="c-1", status="active", flags=(next(iter(FLAG_KEYS)),))
    one = digest_texts(date(2026, 11, 26), [flagged])
    assert "1 client to look at" in one[0]
