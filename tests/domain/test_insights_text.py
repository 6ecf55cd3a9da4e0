"""Every finding, progress line and title renders in both languages, with no key missing."""

from __future__ import annotations

import string
from datetime import date

import pytest

from bot.domain.content import SKILLS, TRIGGERS
from bot.domain.insights import (
    BUCKETS,
    Finding,
    Progress,
    finding_text,
    progress_text,
    summary_text,
)
from bot.locales import LANGUAGES, catalog, insights_en, insights_es

FINDINGS = [
    Finding("few_data", {"checkins": 1, "cravings": 0}),
    *(Finding("craving_time", {"when": b, "peak": 9, "triggers": ()}) for b in BUCKETS),
    Finding("craving_time", {"when": "night", "peak": 9, "triggers": tuple(sorted(TRIGGERS))}),
    Finding("craving_checkins", {"peak": 7, "triggers": ("other:payday at work", "bar")}),
    Finding("craving_none"),
    *(Finding("skill_helped", {"skill": s, "helped": 2, "tried": 3}) for s in SKILLS),
    Finding("skill_once", {"skill": "call"}),
    Finding("skill_none_helped", {"tried": 4}),
    Finding("skill_none"),
    Finding("habits", {"checkins": 5, "streak": 12}),
    Finding("habits_sessions", {"checkins": 5, "streak": 2, "there": 2, "late": 1, "cant": 0}),
    Finding("sleep_poor", {"nights": 4}),
]


def progress_cases() -> list[Progress]:
    base = {"program_days": 90, "checkins_done": 3, "streak": 2, "sessions_there": 1}
    counts = {"cravings_logged": 4, "cravings_passed": 3}
    return [
        Progress(day_n=5, days_enrolled=5, **base, **counts),
        Progress(day_n=5, days_enrolled=5, **base, **counts, days_since_use=0),
        Progress(day_n=5, days_enrolled=5, **base, **counts, days_since_use=4),
        Progress(day_n=120, days_enrolled=120, **base, **counts, days_since_use=40),
    ]


def check(text: str) -> None:
    assert text.strip()
    assert "{" not in text and "}" not in text, text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f.key)
def test_every_finding_renders(lang: str, finding: Finding) -> None:
    check(finding_text(finding, lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_progress_variant_renders(lang: str) -> None:
    for p in progress_cases():
        text = progress_text(p, lang)
        check(text)
        assert len(text.splitlines()) == 6 + (p.days_since_use is not None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_summary_renders_for_every_month(lang: str) -> None:
    for month in range(1, 13):
        check(summary_text(FINDINGS[:3], lang, date(2026, month, 28)))


def test_the_languages_differ_where_they_should() -> None:
    finding = Finding("craving_checkins", {"peak": 7, "triggers": ("bar", "other:mi cuñado")})
    en, es = finding_text(finding, "en"), finding_text(finding, "es")
    assert "bar or party and mi cuñado" in en
    assert "bar o fiesta y mi cuñado" in es
    assert finding_text(Finding("skill_once", {"skill": "breathe"}), "es").startswith(
        "Respiración cuadrada"
    )


def test_insights_catalogs_have_the_same_keys_and_placeholders() -> None:
    assert set(insights_en.TEXTS) == set(insights_es.TEXTS)
    fields = string.Formatter()
    for key, text in insights_en.TEXTS.items():
        ours = {f for _, f, _, _ in fields.parse(text) if f}
        theirs = {f for _, f, _, _ in fields.parse(insights_es.TEXTS[key]) if f}
        assert ours == theirs, key


def test_every_key_the_insights_use_is_in_both_catalogs() -> None:
    used = [f"ins.find.{f.key}" for f in FINDINGS] + [f"ins.tod.{b}" for b in BUCKETS]
    used += [f"ins.month.{m}" for m in range(1, 13)]
    for lang in LANGUAGES:
        missing = [k for k in used if k not in catalog(lang)]
        assert not missing, (lang, missing)
