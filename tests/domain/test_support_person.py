"""The client's support person, named in help and in the replies where someone may be in
danger (tiers 1, 2 and 5, and "I need help now"), in English and Spanish."""

from __future__ import annotations

import pytest

from bot.domain.content import Helplines
from bot.domain.conversation import model as m
from bot.domain.conversation.crisis_replies import crisis_effects
from bot.domain.conversation.replies import help_reply
from bot.locales import LANGUAGES, t
from tests.domain.helpers import NOW, Driver

LINE = {"en": "Your support person: ", "es": "Su persona de apoyo: "}
AUTOMATED = {"en": "I am an automated assistant", "es": "Soy un asistente automático"}


def ctx(lang: str, name: str | None = "Ana", phone: str | None = "+1 555 0100") -> m.Ctx:
    profile = m.Profile(status="active", language=lang, support_name=name, support_phone=phone)
    return m.Ctx(now=NOW, profile=profile)


def first_text(effects: list[m.Effect]) -> str:
    return next(e.text for e in effects if isinstance(e, m.Reply))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("name", "phone", "shown"),
    [
        ("Ana", "+1 555 0100", "Ana, +1 555 0100"),
        ("Ana", None, "Ana"),
        (None, None, None),
    ],
)
def test_help_names_the_support_person_before_the_automated_line(
    lang: str, name: str | None, phone: str | None, shown: str | None
) -> None:
    text = help_reply(lang, Helplines(), ctx(lang, name, phone).profile).text
    if shown is None:
        assert LINE[lang] not in text
        assert text == help_reply(lang, Helplines()).text
        return
    assert f"\n\n{LINE[lang]}{shown}\n\n{AUTOMATED[lang]}" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_without_a_profile_still_renders(lang: str) -> None:
    """The path used when the database is down: no profile, the static text."""
    reply = help_reply(lang, Helplines())
    assert "911" in reply.text and "988" in reply.text and LINE[lang] not in reply.text
    assert reply.help_key == t(lang, "help.key")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("tier", "named"), [(1, True), (2, True), (3, False), (4, False), (5, True)]
)
def test_crisis_replies_name_the_support_person_where_someone_may_be_in_danger(
    lang: str, tier: int, named: bool
) -> None:
    text = first_text(crisis_effects(tier, "text", ctx(lang), lang))
    assert (f"{LINE[lang]}Ana, +1 555 0100" in text) is named
    bare = first_text(crisis_effects(tier, "text", ctx(lang, None, None), lang))
    assert LINE[lang] not in bare


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calm_check_keeps_its_question_first(lang: str) -> None:
    text = first_text(crisis_effects(5, "text", ctx(lang), lang))
    assert text == f"{t(lang, 'crisis.check')}\n\n{LINE[lang]}Ana, +1 555 0100"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "event", [m.Command("help"), m.Text("I want to kill myself"), m.Text("he's not breathing"),
              m.Button("g:safe:n")],
    ids=["help", "tier2", "tier1", "need-help"],
)  # fmt: skip
def test_a_client_with_a_support_person_sees_them_in_every_state(
    lang: str, event: m.Event
) -> None:
    for state in (m.State.MENU, m.State.CI_MOOD, m.State.SETTINGS):
        d = Driver(state, ctx(lang))
        if state is m.State.CI_MOOD:
            d.draft = {"flow": "checkin", "a": {}, "seq": 2, "date": "2026-11-26"}
        d.send(event)
        assert f"{LINE[lang]}Ana, +1 555 0100" in d.replies()[0].text, state
