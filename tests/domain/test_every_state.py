"""Every state against input that does not fit it: one clear reply, nothing changed or saved.

Also: help works in every state without losing the flow, and every button fits Telegram's
64-byte callback_data limit."""

from __future__ import annotations

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.machine import TABLE, step
from bot.domain.conversation.steps import FLOWS, STEPS
from tests.domain.helpers import NOW, Driver

CTX = m.Ctx(now=NOW, profile=m.Profile(status="active", takes_medication=True))


def _flow_of(state: m.State) -> str:
    return next(f for f, states in FLOWS.items() if state in states)


def draft_for(state: m.State) -> dict[str, object]:
    """A plausible draft for someone sitting in `state`."""
    draft: dict[str, object] = {"seq": 7, "a": {"support_name": "Ana"}, "date": "2026-11-26"}
    if state in STEPS:
        draft["flow"] = _flow_of(state)
    return draft


NON_STRANGER = [s for s in m.State if s is not m.State.STRANGER]
DATA_EFFECTS = (m.SaveCheckIn, m.SaveCraving, m.SaveTriggerLog, m.DeleteClient, m.Enroll)


def _data(effects: list[m.Effect]) -> list[m.Effect]:
    return [e for e in effects if not isinstance(e, m.Reply)]


@pytest.mark.parametrize("state", NON_STRANGER, ids=str)
@pytest.mark.parametrize(
    "event",
    [m.Media("photo"), m.Media("sticker"), m.Button("s3:old"), m.Button("zz:?"),
     m.Command("frobnicate"), m.Button("m:nonsense"), m.Button("c:notaskill")],
    ids=["photo", "sticker", "stale", "garbage", "unknown-cmd", "bad-menu", "bad-skill"],
)  # fmt: skip
def test_unexpected_input_changes_nothing(state: m.State, event: m.Event) -> None:
    draft = draft_for(state)
    out = step(state, draft, event, CTX)
    assert out.state is state
    assert out.draft.get("a") == draft.get("a") and out.draft.get("flow") == draft.get("flow")
    assert _data(out.effects) == []
    replies = [e for e in out.effects if isinstance(e, m.Reply)]
    assert replies, "every message gets a reply"


@pytest.mark.parametrize("state", [s for s in STEPS if STEPS[s].kind in ("choice", "scale")])
def test_wrong_typed_answer_on_a_button_step_is_refused(state: m.State) -> None:
    out = step(state, draft_for(state), m.Text("purple"), CTX)
    assert out.state is state
    assert _data(out.effects) == []
    assert "tap" in out.effects[0].text.lower()  # type: ignore[union-attr]


@pytest.mark.parametrize("state", NON_STRANGER, ids=str)
@pytest.mark.parametrize(
    "event", [m.Command("help"), m.Command("sos"), m.Command("ayuda"), m.Text("🆘 Help now")]
)
def test_help_works_in_every_state_and_keeps_the_flow(state: m.State, event: m.Event) -> None:
    draft = draft_for(state)
    out = step(state, draft, event, CTX)
    first = out.effects[0]
    assert isinstance(first, m.Reply) and "988" in first.text and "911" in first.text
    assert out.state is state and out.draft.get("a") == draft.get("a")
    assert _data(out.effects) == []


@pytest.mark.parametrize(
    "state", [s for s in NON_STRANGER if s in STEPS and _flow_of(s) != "enroll"]
)
def test_cancel_leaves_any_flow_and_saves_nothing(state: m.State) -> None:
    out = step(state, draft_for(state), m.Command("cancel"), CTX)
    assert out.state is m.State.MENU
    assert not [e for e in out.effects if isinstance(e, DATA_EFFECTS)]
    assert "Nothing" in out.effects[0].text  # type: ignore[union-attr]


def test_table_covers_every_flow_state() -> None:
    for state in STEPS:
        assert (state, "button") in TABLE and (state, "text") in TABLE


def test_crisis_text_in_any_state_comes_first_and_keeps_the_flow() -> None:
    for state in NON_STRANGER:
        draft = draft_for(state)
        out = step(state, draft, m.Text("I want to kill myself"), CTX)
        assert isinstance(out.effects[0], m.Reply) and "988" in out.effects[0].text
        assert m.RecordCrisis(2, "text", "crisis.suicidal") in out.effects
        if state is m.State.CI_SAFETY:  # the words are the safety question's yes: the
            continue  # check-in ends there (test_checkin_safety.py, issue 8 item 6)
        assert out.state is state and out.draft.get("a") == draft.get("a")


def test_double_tap_on_last_checkin_button_saves_once() -> None:
    d = Driver(
        ctx=m.Ctx(
            now=NOW, profile=m.Profile(status="active"), today=m.Today(safety_asked_this_week=True)
        )
    )
    d.cmd("checkin")
    for value in ("7", "2", "no", "ok", "3", "none"):
        d.tap(value)
    last = m.Button(f"s{d.draft['seq']}:9")
    d.send(last)
    d.send(last)
    assert len(d.saved(m.SaveCheckIn)) == 1
    assert "older message" in d.said()


def test_every_button_fits_telegram_callback_limit() -> None:
    d = Driver(ctx=CTX)
    seen: list[str] = []
    d.cmd("checkin")
    while d.state is not m.State.MENU:
        seen += [c.data for c in d.buttons()]
        d.tap("k:people") if STEPS[d.state].kind == "multi" else None
        seen += [c.data for c in d.buttons()]
        d.tap("done" if STEPS[d.state].kind == "multi" else "skip")
    d.cmd("settings")
    seen += [c.data for c in d.buttons()]
    d.tap("timezone")
    seen += [c.data for c in d.buttons()]
    assert seen
    assert max(len(s.encode()) for s in seen) <= 64
