"""The conversation as a mermaid state diagram, generated from the flows and the table.

The README embeds the output; a test fails when the two differ, so the picture cannot drift
from the code. Back (to the previous step), /cancel (to the menu), /help and crisis replies
work in every step and are left out to keep the picture readable."""

from __future__ import annotations

from bot.domain.conversation.model import State
from bot.domain.conversation.steps import FLOWS, STEPS

Edge = tuple[State, State, str]

# Where each flow starts from, and how (these mirror globals_.COMMANDS and the confirms).
_ENTRIES: dict[str, tuple[State, str]] = {
    "enroll": (State.STRANGER, "/start with a valid invite"),
    "checkin": (State.MENU, "check in"),
    "craving": (State.MENU, "log a craving"),
    "trigger": (State.MENU, "log a trigger"),
}
_EXTRA: list[Edge] = [
    (State.CONSENT, State.CONSENT, "decline (nothing more is asked)"),
    (State.MENU, State.CHECKIN_REPLACE, "check in, already done today"),
    (State.CHECKIN_REPLACE, State.CI_MOOD, "replace"),
    (State.CHECKIN_REPLACE, State.MENU, "keep"),
    (State.MENU, State.SETTINGS, "/settings"),
    (State.SETTINGS, State.MENU, "close"),
    (State.SETTINGS, State.REMINDERS, "reminders"),
    (State.REMINDERS, State.REMINDERS, "turn a kind on or off"),
    (State.REMINDERS, State.SETTINGS, "done"),
    (State.MENU, State.DELETE_CONFIRM, "/delete"),
    (State.DELETE_CONFIRM, State.STRANGER, "yes: every row erased"),
    (State.DELETE_CONFIRM, State.MENU, "no"),
    (State.MENU, State.EXPORT_CONFIRM, "/export"),
    (State.EXPORT_CONFIRM, State.MENU, "yes: the zip is sent, or no"),
    (State.MENU, State.SHARE_CONFIRM, "/share"),
    (State.SHARE_CONFIRM, State.MENU, "yes: summary to staff, or no"),
]


def _flow_edges(flow: str) -> list[Edge]:
    states = FLOWS[flow]
    done = State.SETTINGS if flow.startswith("set_") else State.MENU
    edges: list[Edge] = []
    for i, src in enumerate(states):
        skipped: list[str] = []
        for dst in (*states[i + 1 :], None):
            step = STEPS[dst] if dst is not None else None
            label = "answer" + (" (otherwise)" if skipped else "")
            if step is not None and step.when is not None:
                edges.append((src, dst, f"{label}, if {step.when_label}"))  # type: ignore[arg-type]
                skipped.append(step.when_label)
                continue
            edges.append((src, dst or done, label if dst else label.replace("answer", "saved")))
            break
    return edges


def edges() -> list[Edge]:
    """Every drawn transition, in a stable order, without duplicates."""
    found: list[Edge] = [(State.STRANGER, State.STRANGER, "anything else: help + how to join")]
    for flow, (origin, label) in _ENTRIES.items():
        found.append((origin, FLOWS[flow][0], label))
    for flow in FLOWS:
        if flow.startswith("set_"):
            found.append((State.SETTINGS, FLOWS[flow][0], f"change {flow.removeprefix('set_')}"))
        found.extend(_flow_edges(flow))
    found.extend(_EXTRA)
    unique: list[Edge] = []
    for edge in found:
        if edge not in unique:
            unique.append(edge)
    return unique


def mermaid() -> str:
    """The diagram as mermaid source (stateDiagram-v2)."""
    lines = ["stateDiagram-v2", "    [*] --> STRANGER"]
    for src, dst, label in edges():
        lines.append(f"    {src.name} --> {dst.name}: {label}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(mermaid(), end="")
