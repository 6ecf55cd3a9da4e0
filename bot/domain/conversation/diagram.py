"""The conversation as a mermaid state diagram, generated from the flows and the table.

The README embeds the output; a test fails when the two differ, so the picture cannot drift
from the code. Each arrow also says how a person takes it: the event (a command, typed text,
or a tap on a button of the last message) and the facts about the person it needs (a valid
invite, a check-in already done today). tests/domain/test_diagram.py walks the machine to
every arrow's source, sends that event and checks that the machine lands on the drawn target,
so an arrow drawn wrong fails a test. Flow arrows come from `FLOWS` and `STEPS`, the data
`step()` itself follows; the others are drawn by hand below. Back (to the previous step),
/cancel (to the menu), /help and crisis replies work in every step and are left out to keep
the picture readable."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bot.domain.conversation.finish import SETTINGS_FLOWS
from bot.domain.conversation.model import Command, Ctx, State, Text
from bot.domain.conversation.steps import FLOWS, STEPS


@dataclass(frozen=True)
class Tap:
    """A tap on the button of the last message whose data is `<prefix>:<value>`."""

    value: str


Trigger = Command | Text | Tap


@dataclass(frozen=True)
class Given:
    """A named fact about the person that an arrow needs: `field` of the Ctx is `value`."""

    name: str
    field: str  # "invite_ok", or "today.checkin_done": a field of one of Ctx's parts
    value: bool | str

    def apply(self, ctx: Ctx) -> Ctx:
        """`ctx` with this fact made true."""
        part, _, name = self.field.rpartition(".")
        change: dict[str, Any] = {name: self.value}
        if part:
            change = {part: replace(getattr(ctx, part), **change)}
        return replace(ctx, **change)


@dataclass(frozen=True)
class Edge:
    """One drawn arrow, and how a person takes it."""

    source: State
    target: State
    label: str
    trigger: Trigger
    givens: tuple[Given, ...] = ()
    flow: str = ""  # the flow this arrow starts, continues or ends; "" for none
    setup: tuple[Trigger, ...] = ()  # sent first, at the source, without leaving it


INVITE = Given("a valid invite", "invite_ok", True)
OPEN = Given("open enrollment", "open_enrollment", True)
NOT_DONE = Given("no check-in today", "today.checkin_done", False)
DONE = Given("checked in today", "today.checkin_done", True)
ON_MEDICATION = Given("on medication", "profile.takes_medication", True)
NO_MEDICATION = Given("not on medication", "profile.takes_medication", False)
SAFETY_DUE = Given("safety not asked this week", "today.safety_asked_this_week", False)
SAFETY_ASKED = Given("safety asked this week", "today.safety_asked_this_week", True)
REASONS_SAVED = Given("reasons saved", "profile.reasons", "My kids")
SUPPORT_SAVED = Given("a support person saved", "profile.support_name", "Ana")

# A valid answer to every step, as a person gives it; the last event moves on. Scales get a
# middle value and choices a calm one, so no follow-up rule fires unless an arrow asks for it.
ANSWERS: dict[State, tuple[Trigger, ...]] = {
    State.LANGUAGE: (Tap("en"),),
    State.CONSENT: (Tap("yes"),),
    State.TIMEZONE: (Tap("America/Chicago"),),
    State.CHECKIN_TIME: (Tap("20:00"),),
    State.MEDICATION: (Tap("yes"),),
    State.SUPPORT_NAME: (Text("Ana"),),
    State.SUPPORT_PHONE: (Text("555-123-4567"),),
    State.REASONS: (Text("My kids"),),
    State.CI_MOOD: (Tap("5"),),
    State.CI_CRAVING: (Tap("5"),),
    State.CI_USE: (Tap("no"),),
    State.CI_SLEEP: (Tap("ok"),),
    State.CI_STRESS: (Tap("5"),),
    State.CI_TRIGGERS: (Tap("none"),),
    State.CI_MEDICATION: (Tap("yes"),),
    State.CI_CONFIDENCE: (Tap("5"),),
    State.CI_SAFETY: (Tap("no"),),
    State.CR_INTENSITY: (Tap("5"),),
    State.CR_TRIGGERS: (Tap("none"),),
    State.CR_ACTION: (Tap("nothing"),),
    State.TL_TRIGGERS: (Tap("k:life"), Tap("t:work"), Tap("done")),  # a log needs one trigger
    State.TL_NOTE: (Text("after work"),),
}
assert set(ANSWERS) == set(STEPS)


@dataclass(frozen=True)
class Case:
    """One way a conditional step comes to apply, or not: facts, or the answer before it."""

    givens: tuple[Given, ...] = ()
    answer: tuple[Trigger, ...] = ()  # instead of the usual answer to the step just before


# For each step with a `when`: the cases in which it applies, then the case in which it is
# skipped. The drawn label is the step's `when_label`; these make it true or false.
CASES: dict[State, tuple[tuple[Case, ...], Case]] = {
    State.SUPPORT_PHONE: ((Case(answer=(Text("Ana"),)),), Case(answer=(Tap("skip"),))),
    State.CI_MEDICATION: ((Case((ON_MEDICATION,)),), Case((NO_MEDICATION,))),
    State.CI_SAFETY: (
        (Case((SAFETY_DUE,)), Case((SAFETY_ASKED,), (Tap("2"),))),  # weekly; low confidence
        Case((SAFETY_ASKED,)),
    ),
}
assert set(CASES) == {state for state, step in STEPS.items() if step.when is not None}


def _arrow(source: State, target: State, label: str, flow: str, *cases: Case) -> Edge:
    """A flow arrow taken by answering `source`, in the given cases."""
    events = next((c.answer for c in reversed(cases) if c.answer), ANSWERS[source])
    givens = tuple(g for c in cases for g in c.givens)
    return Edge(source, target, label, events[-1], givens, flow, events[:-1])


def _flow_edges(flow: str) -> list[Edge]:
    states = FLOWS[flow]
    done = State.SETTINGS if flow.startswith("set_") else State.MENU
    edges: list[Edge] = []
    for i, src in enumerate(states):
        skipped: list[Case] = []
        for dst in (*states[i + 1 :], None):
            label = "answer" + (" (otherwise)" if skipped else "")
            if dst is not None and dst in CASES:
                applies, skip = CASES[dst]
                label = f"{label}, if {STEPS[dst].when_label}"
                edges.extend(_arrow(src, dst, label, flow, *skipped, case) for case in applies)
                skipped.append(skip)
                continue
            if dst is None:
                dst, label = done, label.replace("answer", "saved")
            edges.append(_arrow(src, dst, label, flow, *skipped))
            break
    return edges


def _entry(flow: str, source: State, label: str, trigger: Trigger, *givens: Given) -> Edge:
    """Into a flow, at its first step (where `flows.start_flow` begins it)."""
    return Edge(source, FLOWS[flow][0], label, trigger, givens, flow)


_STRANGER = Edge(State.STRANGER, State.STRANGER, "anything else: help + how to join", Text("hi"))
# Where each flow starts from, and how (these mirror commands.COMMANDS and the stranger's door).
_ENTRIES: list[Edge] = [
    _entry("enroll", State.STRANGER, "/start with a valid invite", Command("start", "C"), INVITE),
    _entry("enroll", State.STRANGER, "any message, open enrollment", Text("hi"), OPEN),
    _entry("checkin", State.MENU, "check in", Command("checkin"), NOT_DONE),
    _entry("craving", State.MENU, "log a craving", Command("craving")),
    _entry("trigger", State.MENU, "log a trigger", Command("trigger")),
]
_AGAIN = "check in, already done today"
_TAKEN = "yes: the zip is sent, or no"
_SHARED = "yes: summary to staff, or no"
_EXTRA: list[Edge] = [
    Edge(State.CONSENT, State.CONSENT, "decline (nothing more is asked)", Tap("no"), (), "enroll"),
    Edge(State.MENU, State.CHECKIN_REPLACE, _AGAIN, Command("checkin"), (DONE,)),
    Edge(State.CHECKIN_REPLACE, State.CI_MOOD, "replace", Tap("yes"), (), "checkin"),
    Edge(State.CHECKIN_REPLACE, State.MENU, "keep", Tap("no")),
    Edge(State.MENU, State.SETTINGS, "/settings", Command("settings")),
    Edge(State.SETTINGS, State.MENU, "close", Tap("close")),
    Edge(State.SETTINGS, State.REMINDERS, "reminders", Tap("reminders")),
    Edge(State.REMINDERS, State.REMINDERS, "turn a kind on or off", Tap("t:checkin")),
    Edge(State.REMINDERS, State.SETTINGS, "done", Tap("close")),
    Edge(State.REASONS, State.SETTINGS, "remove", Tap("clear"), (REASONS_SAVED,), "set_reasons"),
    Edge(
        State.SUPPORT_NAME, State.SETTINGS, "remove", Tap("clear"), (SUPPORT_SAVED,), "set_support"
    ),
    Edge(State.MENU, State.DELETE_CONFIRM, "/delete", Command("delete")),
    Edge(State.DELETE_CONFIRM, State.STRANGER, "yes: every row erased", Tap("yes")),
    Edge(State.DELETE_CONFIRM, State.MENU, "no", Tap("no")),
    Edge(State.MENU, State.EXPORT_CONFIRM, "/export", Command("export")),
    Edge(State.EXPORT_CONFIRM, State.MENU, _TAKEN, Tap("yes")),
    Edge(State.EXPORT_CONFIRM, State.MENU, _TAKEN, Tap("no")),
    Edge(State.MENU, State.SHARE_CONFIRM, "/share", Command("share")),
    Edge(State.SHARE_CONFIRM, State.MENU, _SHARED, Tap("yes")),
    Edge(State.SHARE_CONFIRM, State.MENU, _SHARED, Tap("no")),
]


def all_edges() -> list[Edge]:
    """Every arrow with every way to take it; one drawn arrow may be taken several ways."""
    found = [_STRANGER, *_ENTRIES]
    setting = {flow: value for value, flow in SETTINGS_FLOWS.items()}
    for flow in FLOWS:
        if flow in setting:
            change = Tap(setting[flow])
            found.append(_entry(flow, State.SETTINGS, f"change {setting[flow]}", change))
        found.extend(_flow_edges(flow))
    return [*found, *_EXTRA]


def edges() -> list[Edge]:
    """Every drawn arrow once, in a stable order (the first way to take it)."""
    unique: dict[tuple[State, State, str], Edge] = {}
    for edge in all_edges():
        unique.setdefault((edge.source, edge.target, edge.label), edge)
    return list(unique.values())


def mermaid() -> str:
    """The diagram as mermaid source (stateDiagram-v2)."""
    lines = ["stateDiagram-v2", "    [*] --> STRANGER"]
    for edge in edges():
        lines.append(f"    {edge.source.name} --> {edge.target.name}: {edge.label}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(mermaid(), end="")
