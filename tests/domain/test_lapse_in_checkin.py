"""A lapse typed during a check-in gets one lapse reply, and at "Did you use today?" it is the
answer when it says what was taken (issue 8, found trying the terminal).

"volví a tomar" typed at that step got the lapse reply and the step again, and the tap on
"Sí, alcohol" that followed gave a second lapse reply. A lapse reported in words is the
check-in's answer when the words name the substance (alcohol, or another drug); when they do
not ("recaí anoche") the step is asked again, and a tap that says what the reply already
covered adds nothing. A lapse typed at an earlier step of the check-in is the same: the use
step's tap does not say it all again. Alcohol after a reply without it still gets alcohol's
own advice (it says something the first did not).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.conversation import model as m
from bot.domain.crisis.screen import Tier, screen
from bot.locales import t
from tests.domain.helpers import ACTIVE, NOW, Driver

NAMED = {  # (lang, words, the check-in's answer, the script said)
    ("en", "I drank again last night", "alcohol", "crisis.lapse_alcohol"),
    ("es", "volví a tomar", "alcohol", "crisis.lapse_alcohol"),
    ("es", "volvi a tomar anoche 😔", "alcohol", "crisis.lapse_alcohol"),
    ("en", "relapsed on meth", "other", "crisis.lapse_non_opioid"),
    ("en", "i used heroin again", "other", "crisis.lapse"),
    ("es", "recaí con la heroína", "other", "crisis.lapse"),
}
UNNAMED = {("en", "I relapsed last night"), ("es", "recai anoche")}


def _at_use(lang: str) -> Driver:
    profile = replace(ACTIVE, language=lang)
    d = Driver(ctx=m.Ctx(now=NOW, profile=profile))
    d.cmd("checkin")
    while d.state is not m.State.CI_USE:
        d.text("5")
    return d


def _lapse_replies(effects: list[m.Effect], lang: str) -> list[str]:
    scripts = ("crisis.lapse", "crisis.lapse_alcohol", "crisis.lapse_non_opioid")
    openings = {t(lang, key).splitlines()[0] for key in scripts}
    return [
        e.text for e in effects if isinstance(e, m.Reply) and e.text.splitlines()[0] in openings
    ]


@pytest.mark.parametrize(("lang", "words", "value", "script"), sorted(NAMED))
def test_a_named_lapse_typed_at_the_use_step_is_its_answer_with_one_reply(
    lang: str, words: str, value: str, script: str
) -> None:
    assert screen(words) is Tier.LAPSE
    d = _at_use(lang)
    d.text(words)
    assert d.state is not m.State.CI_USE, "the typed lapse answers the step"
    assert d.draft["a"]["use"] == value
    records = d.saved(m.RecordCrisis)
    assert [(r.tier, r.shown) for r in records] == [(3, script)]
    assert len(_lapse_replies(d.last, lang)) == 1
    assert t(lang, "crisis.resume") not in d.said()
    assert words not in d.said()


@pytest.mark.parametrize(("lang", "words"), sorted(UNNAMED))
def test_an_unnamed_lapse_asks_the_step_again_and_a_tap_adds_no_second_reply(
    lang: str, words: str
) -> None:
    d = _at_use(lang)
    d.text(words)
    assert d.state is m.State.CI_USE, "nothing says what was taken: the step is asked again"
    d.tap("other")
    assert d.state is not m.State.CI_USE and d.draft["a"]["use"] == "other"
    assert _lapse_replies(d.effects, lang) and len(_lapse_replies(d.effects, lang)) == 1


@pytest.mark.parametrize(("lang", "words"), sorted(UNNAMED))
def test_alcohol_tapped_after_a_reply_without_it_gets_alcohols_advice(
    lang: str, words: str
) -> None:
    d = _at_use(lang)
    d.text(words)
    d.tap("alcohol")
    assert _lapse_replies(d.last, lang) == [t(lang, "crisis.lapse_alcohol")]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_lapse_typed_earlier_in_the_checkin_is_not_said_again_at_the_use_step(lang: str) -> None:
    profile = replace(ACTIVE, language=lang)
    d = Driver(ctx=m.Ctx(now=NOW, profile=profile))
    d.cmd("checkin")
    assert d.state is m.State.CI_MOOD
    d.text("volví a tomar" if lang == "es" else "I drank again")
    assert d.state is m.State.CI_MOOD and len(_lapse_replies(d.last, lang)) == 1
    while d.state is not m.State.CI_USE:
        d.text("5")
    d.tap("alcohol")
    assert d.draft["a"]["use"] == "alcohol"
    assert len(_lapse_replies(d.effects, lang)) == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_tap_with_no_lapse_typed_still_gets_the_reply(lang: str) -> None:
    """The reply a tap gives on its own is unchanged."""
    d = _at_use(lang)
    d.tap("alcohol")
    assert _lapse_replies(d.last, lang) == [t(lang, "crisis.lapse_alcohol")]
    d = _at_use(lang)
    d.tap("other")
    assert _lapse_replies(d.last, lang) == [t(lang, "crisis.lapse")]
