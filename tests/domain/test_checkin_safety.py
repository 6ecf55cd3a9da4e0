"""A "yes" to the check-in's safety question, as the client sees it: the crisis reply alone,
the check-in saved, and the menu only once the client says they are safe."""

from __future__ import annotations

import pytest

from bot.domain.content import Helplines
from bot.domain.conversation import model as m
from bot.domain.conversation.replies import MENU_ITEMS, numbers
from bot.locales import LANGUAGES, t
from tests.domain.helpers import NOW, Driver

# A low mood (which would bring a coping card), the rest skipped, then the safety question.
ANSWERS = ("1", "skip", "skip", "skip", "skip", "none", "skip")


def transcript(d: Driver, event: m.Event) -> list[str]:
    """What the bot says to `event`: each message's text, then its buttons' labels."""
    d.send(event)
    return [
        r.text + "".join(f"\n[{' | '.join(c.label for c in row)}]" for row in r.buttons)
        for r in d.replies()
    ]


def started(lang: str) -> Driver:
    d = Driver(ctx=m.Ctx(now=NOW, profile=m.Profile(status="active", language=lang)))
    d.cmd("checkin")
    for value in ANSWERS:
        d.tap(value)
    assert d.state is m.State.CI_SAFETY
    return d


def crisis_script(lang: str) -> str:
    safe = f"[{t(lang, 'safe.yes')} | {t(lang, 'safe.no')}]"
    calm = f"[{t(lang, 'skill.breathe')} | {t(lang, 'skill.ground')}]"
    return f"{t(lang, 'crisis.suicidal', **numbers(Helplines(), lang))}\n{safe}\n{calm}"


def menu_rows(lang: str) -> str:
    labels = [t(lang, f"menu.{item}") for item in MENU_ITEMS]
    return "".join(f"\n[{' | '.join(labels[i : i + 2])}]" for i in range(0, len(labels), 2))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_yes_then_im_safe(lang: str) -> None:
    d = started(lang)
    seq = d.draft["seq"]
    assert transcript(d, m.Button(f"s{seq}:yes")) == [crisis_script(lang)]
    assert d.state is m.State.MENU
    assert d.saved(m.SaveCheckIn)[0].values == {
        "mood": 1, "craving": None, "substance_use": None, "sleep": None, "stress": None,
        "triggers": [], "medication": None, "confidence": None, "safety": "yes",
    }  # fmt: skip
    assert d.saved(m.RecordCrisis) == [m.RecordCrisis(2, "checkin", "crisis.suicidal")]
    thanks = t(lang, "safe.thanks", crisis="988")
    menu = f"{thanks}\n\n{t(lang, 'menu.prompt')}{menu_rows(lang)}"
    assert transcript(d, m.Button("g:safe:y")) == [menu]
    assert d.state is m.State.MENU and len(d.saved(m.SaveCheckIn)) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_yes_then_i_need_help_now(lang: str) -> None:
    d = started(lang)
    d.tap("yes")
    assert [r.text for r in d.replies()] == [crisis_script(lang).split("\n[")[0]]
    said = transcript(d, m.Button("g:safe:n"))
    assert said == [t(lang, "safe.danger", emergency="911", crisis="988")]
    assert d.replies()[0].help_key == t(lang, "help.key")
    assert d.saved(m.RecordCrisis)[-1] == m.RecordCrisis(1, "safety_button", "safe.danger")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_still_saves_after_the_coping_card_and_shows_the_menu(lang: str) -> None:
    """The low mood got its coping card on the spot (issue 13), so the end of the check-in
    does not offer a second one: it saves and shows the menu."""
    d = Driver(ctx=m.Ctx(now=NOW, profile=m.Profile(status="active", language=lang)))
    d.cmd("checkin")
    d.tap(ANSWERS[0])
    assert any(c.data.startswith("h:") for c in d.buttons())  # the card, on the spot
    for value in ANSWERS[1:]:
        d.tap(value)
    d.tap("no")
    data = [c.data for c in d.buttons()]
    assert not any(x.startswith("h:") for x in data) and "m:checkin" in data
    assert d.saved(m.SaveCheckIn)[0].values["safety"] == "no"
    assert not d.saved(m.RecordCrisis)


# Thoughts of suicide or an emergency typed as the answer to the safety question (issue 8,
# found trying the terminal): they are its "yes". Before, the script came with "when you are
# ready" and the question again under it, and the "Yes" that followed gave the script twice.
TYPED_YES = {
    "en": (("yes i want to die", 2), ("i wish i was dead", 2), ("yes 😞", 2)),
    "es": (
        ("sí, me quiero morir", 2), ("a veces pienso que estaría mejor muerta", 2),
        ("sí 😔", 2),
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "words", "tier"),
    [(lang, w, tier) for lang in LANGUAGES for w, tier in TYPED_YES[lang]],
)
def test_crisis_words_typed_at_the_safety_question_are_its_yes(
    lang: str, words: str, tier: int
) -> None:
    d = started(lang)
    said = transcript(d, m.Text(words))
    assert said == [crisis_script(lang)], "the script alone: no question again, no menu"
    assert d.state is m.State.MENU
    assert d.saved(m.SaveCheckIn)[0].values["safety"] == "yes"
    assert [r.tier for r in d.saved(m.RecordCrisis)] == [tier]
    assert all(words not in s for s in said)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_emergency_typed_at_the_safety_question_ends_the_checkin_with_its_script(
    lang: str,
) -> None:
    d = started(lang)
    words = "tengo las pastillas en la mano" if lang == "es" else "I have the pills in my hand"
    said = transcript(d, m.Text(words))
    assert [r.tier for r in d.saved(m.RecordCrisis)] == [1]
    assert len(said) == 1 and "911" in said[0]
    assert d.state is m.State.MENU
    assert d.saved(m.SaveCheckIn)[0].values["safety"] == "yes"


# A yes with more words, or a hedge, typed at the safety question (found by the critic:
# "yeah sometimes" got "Please tap one of the buttons below", a poor answer to a disclosure).
HEDGED = {
    "en": ("yeah sometimes", "yes kind of", "sometimes", "maybe a little", "kinda tbh"),
    "es": ("si a veces", "sí, un poco", "a veces", "tal vez", "mas o menos"),
}
PLAIN_NO = {
    "en": ("no, im good", "nope", "no. just tired"),
    "es": ("no, estoy bien", "no gracias"),
}
# Not a no: "no" there begins "no sé" or "no estoy bien" (asked again, or screened).
NOT_NO = {"en": ("no idea honestly", "not really sure"), "es": ("no sé", "no estoy bien")}


@pytest.mark.parametrize(
    ("lang", "words"), [(lang, w) for lang in LANGUAGES for w in HEDGED[lang]]
)
def test_a_hedged_answer_at_the_safety_question_is_its_yes(lang: str, words: str) -> None:
    d = started(lang)
    said = transcript(d, m.Text(words))
    assert said == [crisis_script(lang)]
    assert d.saved(m.SaveCheckIn)[0].values["safety"] == "yes"
    assert [r.tier for r in d.saved(m.RecordCrisis)] == [2]


@pytest.mark.parametrize(
    ("lang", "words"), [(lang, w) for lang in LANGUAGES for w in PLAIN_NO[lang]]
)
def test_a_no_with_more_words_at_the_safety_question_is_its_no(lang: str, words: str) -> None:
    d = started(lang)
    d.send(m.Text(words))
    assert d.saved(m.SaveCheckIn)[0].values["safety"] == "no"
    # "just tired" after a no is a denial: the calm check at most, never a tier's script
    assert {r.tier for r in d.saved(m.RecordCrisis)} <= {5}


@pytest.mark.parametrize(
    ("lang", "words"), [(lang, w) for lang in LANGUAGES for w in NOT_NO[lang]]
)
def test_a_no_that_begins_other_words_is_not_taken_for_a_no(lang: str, words: str) -> None:
    d = started(lang)
    d.send(m.Text(words))
    assert all(c.values["safety"] != "no" for c in d.saved(m.SaveCheckIn))
