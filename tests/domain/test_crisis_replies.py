"""What the bot says once a tier is known (CLINICAL.md 3.3), in English and Spanish."""

from __future__ import annotations

import pytest

from bot.domain.conversation import machine
from bot.domain.conversation import model as m
from bot.domain.conversation.crisis_replies import crisis_effects
from bot.domain.crisis.screen import Tier
from bot.locales import LANGUAGES, t
from tests.domain.helpers import NOW, Driver

CTX = m.Ctx(now=NOW, profile=m.Profile(status="active"))
CHECK = {
    "en": "That sounds heavy. Are you safe right now?",
    "es": "Eso suena muy duro. ¿Está a salvo ahora mismo?",
}
SAFE_BUTTONS = {
    "en": ("I'm safe", "I need help now"),
    "es": ("Estoy a salvo", "Necesito ayuda ya"),
}


def driver(
    lang: str, state: m.State = m.State.MENU, name: str | None = None, phone: str | None = None
) -> Driver:
    """A client speaking `lang`, sitting in `state`, with a support person if given."""
    profile = m.Profile(status="active", language=lang, support_name=name, support_phone=phone)
    return Driver(state, m.Ctx(now=NOW, profile=profile))


def test_check_is_tier_5() -> None:
    assert Tier.CHECK == 5 and Tier(5) is Tier.CHECK


@pytest.mark.parametrize("lang", LANGUAGES)
def test_safety_check_is_short_calm_and_asks_with_two_buttons(lang: str) -> None:
    reply, record = crisis_effects(5, "text", CTX, lang)
    assert isinstance(reply, m.Reply)
    assert reply.text == CHECK[lang]
    assert [[(c.label, c.data) for c in row] for row in reply.buttons] == [
        [(SAFE_BUTTONS[lang][0], "g:safe:y"), (SAFE_BUTTONS[lang][1], "g:safe:n")]
    ]
    assert record == m.RecordCrisis(5, "text", "crisis.check")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("tap", "key", "recorded"),
    [
        ("g:safe:y", "safe.thanks", []),
        ("g:safe:n", "safe.danger", [m.RecordCrisis(1, "safety_button", "safe.danger")]),
    ],
)
def test_the_check_is_answered_by_the_safety_buttons(
    lang: str, tap: str, key: str, recorded: list[m.Effect]
) -> None:
    d = driver(lang, m.State.CI_MOOD)
    d.draft = {"flow": "checkin", "a": {}, "seq": 3, "date": "2026-11-26"}
    d.send(m.Button(tap))
    first = t(lang, key, crisis="988", emergency="911").split("\n")[0]
    assert d.said().startswith(first)
    assert [e for e in d.last if isinstance(e, m.RecordCrisis)] == recorded
    assert d.state is m.State.CI_MOOD  # a tap on "Are you safe?" never leaves a step


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_screened_check_comes_first_and_the_step_goes_on(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(machine, "screen", lambda text: Tier.CHECK)
    d = driver(lang)
    d.cmd("checkin")
    d.text("5")
    assert d.replies()[0].text == CHECK[lang]
    assert m.RecordCrisis(5, "text", "crisis.check") in d.last
    assert d.state is m.State.CI_CRAVING and d.draft["a"]["mood"] == 5
