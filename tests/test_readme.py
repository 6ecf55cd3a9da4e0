"""The README's conversation diagram is the one the code generates."""

from __future__ import annotations

import re
from pathlib import Path

from bot.domain.conversation.diagram import edges, mermaid
from bot.domain.conversation.steps import FLOWS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_diagram_matches_the_transition_table() -> None:
    blocks = re.findall(r"```mermaid\n(.*?)```", README.read_text(), flags=re.S)
    assert blocks, "the README has no mermaid diagram"
    hint = "regenerate: python -m bot.domain.conversation.diagram"
    assert blocks[0] == mermaid(), hint


def test_every_flow_state_is_in_the_diagram() -> None:
    drawn = {s for edge in edges() for s in (edge.source, edge.target)}
    for states in FLOWS.values():
        assert set(states) <= drawn


def test_readme_lists_every_staff_command() -> None:
    from bot.service.staff_commands import readme_table

    hint = "regenerate: python -m bot.service.staff_commands"
    assert readme_table() in README.read_text(), hint
