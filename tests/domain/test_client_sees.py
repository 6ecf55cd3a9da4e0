"""What the client sees (issue 13): the coping card, settings, check-in responses, wording."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from bot.domain.content import SKILLS
from bot.domain.conversation import model as m
from bot.domain.conversation.replies import coping_reply
from tests.domain.helpers import NOW, Driver

LANGS = ("en", "es")


def driver(lang: str = "en", **profile: object) -> Driver:
    base = m.Profile(status="active", timezone="America/New_York", language=lang)
    return Driver(ctx=m.Ctx(now=NOW, profile=replace(base, **profile)))  # type: ignore[arg-type]


def _labels(reply: m.Reply) -> list[str]:
    return [c.label.lstrip("📞 ") for row in reply.buttons for c in row]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("skill", SKILLS)
def test_coping_card_offers_call_someone_once(lang: str, skill: str) -> None:
    ctx = m.Ctx(now=NOW, profile=m.Profile(status="active", language=lang))
    others = [s for s in ("call", "surf", "delay", "breathe") if s != skill]
    reply = coping_reply(skill, ctx, lang, others)
    calls = [c for row in reply.buttons for c in row if c.data == "c:call"]
    assert len(calls) == (0 if skill == "call" else 1)
    counts = Counter(_labels(reply))
    assert all(n == 1 for n in counts.values()), counts
    shown = [c.data for row in reply.buttons for c in row]
    more = [d for d in shown if d.startswith("c:") and d != "c:call"]
    assert len(more) == 2  # two other ideas, even when "call" was among those given


@pytest.mark.parametrize("lang", LANGS)
def test_no_to_did_that_help_offers_the_next_skill_now(lang: str) -> None:
    d = driver(lang)
    d.cmd("craving")
    d.text("5")
    d.tap("done")
    d.tap("nothing")
    card = [c.data for c in d.buttons() if c.data.startswith("h:")]
    skill = card[0].split(":")[1]
    d.send(m.Button(card[-1]))  # "No"
    assert d.saved(m.SaveCopingOutcome)[-1] == m.SaveCopingOutcome(skill, "n")
    offered = [c.data for c in d.buttons() if c.data.startswith("h:")]
    assert offered and offered[0].split(":")[1] != skill
    assert "next time" not in d.said() and "próxima vez" not in d.said()


def _open_setting(d: Driver, name: str) -> None:
    d.cmd("settings")
    d.tap(name)


@pytest.mark.parametrize("lang", LANGS)
def test_reasons_in_settings_show_the_saved_words_and_can_be_removed(lang: str) -> None:
    d = driver(lang, reasons="My kids")
    _open_setting(d, "reasons")
    assert '"My kids"' in d.said()
    assert "Last one" not in d.said() and "Última pregunta" not in d.said()
    d.tap("clear")
    assert d.saved(m.SetProfile)[-1] == m.SetProfile({"reasons": None})
    assert d.state is m.State.SETTINGS
    assert d.ctx.profile.reasons is None
    _open_setting(d, "reasons")
    assert not [c for c in d.buttons() if c.data.endswith(":clear")]  # nothing left to remove


@pytest.mark.parametrize("lang", LANGS)
def test_support_person_in_settings_shows_who_and_can_be_removed(lang: str) -> None:
    d = driver(lang, support_name="Ana", support_phone="555-123-4567")
    _open_setting(d, "support")
    assert "Ana, 555-123-4567" in d.said()
    assert "Last one" not in d.said()
    remove = [c for c in d.buttons() if c.data.endswith(":clear")]
    assert len(remove) == 1
    d.text(remove[0].label)  # typed, as the terminal does
    assert d.saved(m.SetProfile)[-1] == m.SetProfile({"support_name": None, "support_phone": None})
    assert "Ana" not in d.replies()[-1].text


def test_settings_summary_says_which_reminders_are_off() -> None:
    d = driver("en", reminder_prefs={"checkback": False, "weekly_summary": False})
    d.cmd("settings")
    assert "Reminders: all on except Morning check-back and Sunday look-back" in d.said()
    d = driver("es")
    d.cmd("settings")
    assert "Recordatorios: todos activos" in d.said()


def test_spanish_settings_agree_with_reasons() -> None:
    d = driver("es", reasons="Mis hijos")
    d.cmd("settings")
    assert "Mis razones: guardadas" in d.said()
