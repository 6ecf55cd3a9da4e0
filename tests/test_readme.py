"""What the README shows is what the code does: the conversation diagram, the staff commands,
the configuration table (every setting, its default) and the commands table."""

from __future__ import annotations

import argparse
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


# ---- the operator's tables (issue 11, item 8) ----------------------------------------------

# Settings that are not the operator's: the tests' simulated clock.
TESTS_ONLY = {"CLOCK_FILE"}


def _table(heading: str) -> list[list[str]]:
    """The rows (cells, stripped) of the first table under `### heading` in the README."""
    section = README.read_text().split(f"\n### {heading}\n", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    assert rows, f"no table under '{heading}'"
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_the_configuration_table_is_every_setting_with_its_default() -> None:
    from bot.config import Settings

    fields = {name.upper(): field for name, field in Settings.model_fields.items()}
    shown: dict[str, str] = {}
    for variables, default, _meaning in _table("Configuration"):
        names = re.findall(r"`([A-Z_]+)`", variables)
        defaults = [d.strip(" `") for d in default.split(",")]
        for index, name in enumerate(names):
            shown[name] = defaults[index] if len(defaults) == len(names) else default
    assert set(shown) == set(fields) - TESTS_ONLY, "the README's configuration table"
    for name, default in shown.items():
        value = fields[name].default
        if value is None:
            assert default.startswith("(none)") or " for " in default, (name, default)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            assert float(default) == float(value), (name, default, value)
        elif isinstance(value, str):
            assert default == value, (name, default, value)


def _cli_commands() -> dict[str, object]:
    from bot.cli.main import _parser

    [sub] = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_the_commands_tables_name_every_command_and_only_options_it_takes() -> None:
    """The README's commands table and the generated staff table, against the parser the
    CLI's --help is printed from: every command is in one of them; every option, choice of
    subcommand and argument the commands table shows is one the command takes."""
    commands = _cli_commands()
    text = README.read_text()
    staff = text.split("\n## Staff commands\n", 1)[1].split("\n## ", 1)[0]
    listed: set[str] = set(re.findall(r"`recovery-bot ([a-z-]+)", staff))
    for cell, _what in _table("Commands"):
        usage = re.fullmatch(r"`recovery-bot (.*)`", cell)
        assert usage, cell
        words = usage[1].replace("\\|", "|").split()
        if words[0] == "--version":
            continue
        name, rest = words[0], words[1:]
        assert name in commands, f"the README lists 'recovery-bot {name}': no such command"
        listed.add(name)
        parser = commands[name]
        help_text = parser.format_help()  # type: ignore[attr-defined]
        for option in re.findall(r"--[a-z-]+", " ".join(rest)):
            taken = re.search(re.escape(option) + r"(?![a-z-])", help_text)
            assert taken, f"recovery-bot {name} takes no {option}"
        choices = [w for w in rest if re.fullmatch(r"[a-z-]+(\|[a-z-]+)*", w)]
        if choices:  # `track add|list|remove ...` or `db backup PATH`: the subcommands
            [sub] = [a for a in parser._actions  # type: ignore[attr-defined]
                     if isinstance(a, argparse._SubParsersAction)]  # fmt: skip
            shown = choices[0].split("|")
            assert set(shown) <= set(sub.choices), (name, shown)
            if len(shown) > 1:
                assert set(shown) == set(sub.choices), f"recovery-bot {name}: {set(sub.choices)}"
    assert set(commands) <= listed, f"not in the README: {set(commands) - listed}"
