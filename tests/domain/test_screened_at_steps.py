"""A lapse, a poisoning or the safety check typed where a step waits for an answer (issue 8).

Every step of every flow and every other state, in both languages, with messages the real
screener answers: the reply comes first; where the step would not take the words as its
answer, the step is shown again under "when you are ready", as for tiers 1 and 2, and never a
refusal that quotes the words back ("I don't know the time zone 'I relapsed last night'").
Where the step asks for the person's own words (reasons, a note, a trigger of their own) the
words are kept as the answer, under the reply: the safety check also fires on ordinary answers
there ("to stay alive for my kids", "saw my old dealer"), and asking again would refuse them.
"""

from __future__ import annotations

import copy

import pytest

from bot.domain.content import OTHER_PREFIX
from bot.domain.conversation import flows, machine
from bot.domain.conversation import model as m
from bot.domain.conversation.machine import step
from bot.domain.conversation.replies import step_reply
from bot.domain.conversation.steps import FLOWS, STEPS
from bot.domain.conversation.views import CONFIRMS
from bot.domain.crisis.screen import Tier, screen
from bot.locales import LANGUAGES, t
from tests.domain.helpers import NOW

# Messages the screener answers with each non-urgent tier, as people type them.
SCREENED: dict[str, tuple[tuple[Tier, str], ...]] = {
    "en": (
        (Tier.LAPSE, "I relapsed last night"),
        (Tier.LAPSE, "relapsed"),
        (Tier.POISON, "my 4yo drank bleach"),
        (Tier.CHECK, "I am not ok"),
    ),
    "es": (
        (Tier.LAPSE, "volví a usar"),
        (Tier.LAPSE, "recai anoche"),
        (Tier.POISON, "mi hijo se tomó cloro"),
        (Tier.CHECK, "no se si estoy bien, todo pesa mucho"),
    ),
}
# Steps that keep the person's own words: the answer, under the reply.
KEEPS = {
    m.State.REASONS, m.State.TL_NOTE, m.State.CI_TRIGGERS, m.State.CR_TRIGGERS,
    m.State.TL_TRIGGERS,
}  # fmt: skip
# What a refusal of a typed answer says, in any language: none may follow a screened reply.
REFUSALS = (
    "step.use_buttons", "step.use_scale", "step.too_long", "step.did_you_mean",
    "enroll.timezone_bad", "enroll.time_bad", "enroll.phone_bad", "enroll.name_bad",
    "enroll.consent_again",
)  # fmt: skip


def _ctx(lang: str) -> m.Ctx:
    profile = m.Profile(status="active", language=lang, takes_medication=True)
    return m.Ctx(now=NOW, profile=profile)


def _draft(state: m.State, lang: str) -> dict[str, object]:
    draft: dict[str, object] = {"seq": 7, "a": {"support_name": "Ana"}, "date": "2026-11-26"}
    if state in STEPS:
        draft["flow"] = next(f for f, states in FLOWS.items() if state in states)
        if state is not m.State.LANGUAGE:  # past the first step, a language was chosen
            draft["lang"] = lang
    return draft


def _refusal_openings(lang: str) -> list[str]:
    return [t(lang, key, value="", limit=0).split("{")[0][:18] for key in REFUSALS]


CASES = [(lang, tier, text) for lang in LANGUAGES for tier, text in SCREENED[lang]]


@pytest.mark.parametrize(("lang", "tier", "text"), CASES)
def test_the_messages_are_screened_as_their_tier(lang: str, tier: Tier, text: str) -> None:
    assert screen(text) is tier


@pytest.mark.parametrize("state", list(STEPS), ids=str)
@pytest.mark.parametrize(("lang", "tier", "text"), CASES)
def test_at_every_step_the_reply_then_the_step_or_the_words_kept(
    state: m.State, lang: str, tier: Tier, text: str
) -> None:
    ctx, draft = _ctx(lang), _draft(state, lang)
    out = step(state, draft, m.Text(text), ctx)
    replies = [e for e in out.effects if isinstance(e, m.Reply)]
    records = [e for e in out.effects if isinstance(e, m.RecordCrisis)]
    assert [r.tier for r in records] == [int(tier)]
    assert out.effects[1] == records[0], "the tier's reply comes first"
    assert replies[0].urgent
    for reply in replies[1:]:
        assert not any(reply.text.startswith(o) for o in _refusal_openings(lang)), reply.text
    if state in KEEPS:
        if STEPS[state].kind == "multi":
            assert OTHER_PREFIX + text in out.draft["sel"]
        else:  # the last step of its flow: the words are saved with it
            saved = [e for e in out.effects if not isinstance(e, m.Reply | m.RecordCrisis)]
            assert out.state is not state and text in repr(saved)
        return
    assert out.state is state and out.draft["a"] == draft["a"]
    shown = step_reply(state, ctx, copy.deepcopy(out.draft), lang)
    texts = [r.text for r in replies]
    assert texts[1:] == [t(lang, "crisis.resume"), shown.text]
    assert all(text not in said for said in texts), "the words are never quoted back"


@pytest.mark.parametrize("state", [*CONFIRMS, m.State.SETTINGS, m.State.REMINDERS], ids=str)
@pytest.mark.parametrize(("lang", "tier", "text"), CASES)
def test_at_a_question_or_the_settings_the_reply_stands_alone(
    state: m.State, lang: str, tier: Tier, text: str
) -> None:
    """As for tiers 1 and 2 there: the reply, and the buttons already shown stay live."""
    draft = _draft(state, lang)
    out = step(state, draft, m.Text(text), _ctx(lang))
    assert [type(e) for e in out.effects] == [m.Reply, m.RecordCrisis]
    assert out.effects[1].tier == tier  # type: ignore[union-attr]
    assert out.state is state and out.draft == draft


# An answer each step takes whole, typed: these stay answers even when screened.
def _answer(state: m.State, lang: str, ctx: m.Ctx, draft: dict[str, object]) -> str:
    typed = {
        m.State.TIMEZONE: "Chicago", m.State.CHECKIN_TIME: "8:30 PM",
        m.State.SUPPORT_PHONE: "555-123-4567",
    }  # fmt: skip
    if state in typed:
        return typed[state]
    if STEPS[state].kind == "scale":
        return "5"
    first = step_reply(state, ctx, copy.deepcopy(draft), lang).buttons[0][0]
    return first.label


PARSED = [s for s in STEPS if s not in KEEPS and s is not m.State.SUPPORT_NAME]


@pytest.mark.parametrize("state", PARSED, ids=str)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tier", [Tier.LAPSE, Tier.POISON, Tier.CHECK])
def test_a_screened_message_the_step_takes_is_its_answer_under_the_reply(
    state: m.State, lang: str, tier: Tier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A time, a zone, a number or a label is still the answer when the screener speaks."""
    monkeypatch.setattr(machine, "screen", lambda text: tier)
    ctx, draft = _ctx(lang), _draft(state, lang)
    typed = _answer(state, lang, ctx, draft)
    assert flows.takes_screened(state, draft, typed, ctx)
    out = step(state, draft, m.Text(typed), ctx)
    if tier is Tier.CHECK and STEPS[state].key == "safety":
        # Its first button is its yes: the crisis script ends the check-in there, and "are
        # you safe?" over it would ask again what was just answered.
        records = [e.tier for e in out.effects if isinstance(e, m.RecordCrisis)]
        assert records == [Tier.CRISIS] and out.state is m.State.MENU
        return
    assert isinstance(out.effects[1], m.RecordCrisis) and out.effects[1].tier == tier
    assert out.state is not state or out.draft["a"] != draft["a"], "the answer was taken"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_screened_message_is_never_taken_as_the_support_persons_name(lang: str) -> None:
    ctx, draft = _ctx(lang), _draft(m.State.SUPPORT_NAME, lang)
    text = SCREENED[lang][2][1]
    out = step(m.State.SUPPORT_NAME, draft, m.Text(text), ctx)
    assert out.state is m.State.SUPPORT_NAME and out.draft["a"] == draft["a"]
    assert m.RecordCrisis(4, "text", "crisis.poison") in out.effects
    assert all(text not in e.text for e in out.effects if isinstance(e, m.Reply))
