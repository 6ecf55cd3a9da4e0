"""How staff commands are typed: argparse parsers built from one table, for both doors.

A `Command` is one staff operation: its words on the command line (`track add`), its name in
Telegram (`track_add`), its arguments (`Arg`: argparse's own flags and keywords) and what it
does at the `StaffDesk` (`run`). `bot.cli` adds every command to `recovery-bot`'s parser
(`add_to_cli`); `bot.tg.staff` builds each Telegram command's parser from the same arguments
(`telegram_parser`) and gives it the message split by `bot.domain.staff_input.split_words`. So
an option, a quoted name, a missing value or a bad date is read, and refused, the same way in
both. An argument may be for one door only (`--out` writes a file on the server: command
line only). A command with `confirm` runs only with `--yes`, in both doors.

What a command produces (`Outcome`) each door shows its own way: lines of text, a `Table`
(stdout or a file on the command line; a monospaced block or a CSV document in Telegram), a
`File`, a `NewInvite` (the link needs the bot's @username)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.domain.staff_input import AdminError, OptionError
from bot.service.staff import StaffDesk

CLI, TELEGRAM = "cli", "telegram"
WEB = "web"  # the staff web view's forms: the arguments Telegram takes, by name (`web_args`)
BOTH = frozenset({CLI, TELEGRAM})
CLI_ONLY = frozenset({CLI})
Subparsers = argparse._SubParsersAction


class UsageError(AdminError):
    """What staff typed does not parse (an unknown option, a value missing); one line."""


class HelpAsked(Exception):
    """`--help` typed in Telegram: the command's help is the answer."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Value(argparse.Action):
    """Store an option's value, refusing a second one (`--track A --track B`). With nargs="+"
    the words are joined by one space, so a name needs no quotes (`--track Evening IOP`).

    The default is always None ("not given"); the command applies its own default."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        if kwargs.get("default") is not None:
            raise ValueError(f"{dest}: a staff option's default is None; the command sets it")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
        values: str | Sequence[Any] | None, option_string: str | None = None,
    ) -> None:  # fmt: skip
        if getattr(namespace, self.dest, None) is not None:
            raise argparse.ArgumentError(self, "given twice")
        setattr(namespace, self.dest, " ".join(values) if isinstance(values, list) else values)


class _Help(argparse.Action):
    """`--help` in Telegram: raise HelpAsked with the command's help (nothing is printed)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
        values: str | Sequence[Any] | None, option_string: str | None = None,
    ) -> None:  # fmt: skip
        raise HelpAsked(parser.format_help())


class Formatter(argparse.HelpFormatter):
    """argparse's, showing a value of several words as its METAVAR, not "NAME [NAME ...]"."""

    def _format_args(self, action: argparse.Action, default_metavar: str) -> str:
        if isinstance(action, _Value) and action.nargs == "+":
            return str(self._metavar_formatter(action, default_metavar)(1)[0])
        return super()._format_args(action, default_metavar)


def _one_line(prog: str) -> Formatter:
    """A formatter that never wraps the usage line (Telegram and the README wrap it)."""
    return Formatter(prog, width=10_000)


@dataclass(frozen=True)
class Arg:
    """One argument: `add_argument`'s flags and keywords, and the doors that take it."""

    flags: tuple[str, ...]
    options: Mapping[str, Any]
    doors: frozenset[str] = BOTH

    @property
    def dest(self) -> str:
        """The attribute its value is in (argparse's rule)."""
        long = [f for f in self.flags if f.startswith("--")]
        name = self.options.get("dest") or (long or self.flags)[0]
        return str(name).lstrip("-").replace("-", "_")

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(*self.flags, **self.options)


def arg(*flags: str, words: bool = False, doors: frozenset[str] = BOTH, **options: Any) -> Arg:
    """An argument as `add_argument` takes it. Unless an `action` is given, its value is kept
    as typed (None when not given) and a second use refused; with `words`, the value may be
    several words (a name, a place), joined by one space."""
    if "action" not in options:
        options = {"action": _Value, **({"nargs": "+"} if words else {}), **options}
    return Arg(flags, options, doors)


@dataclass(frozen=True)
class Call:
    """One staff command being carried out: the desk (acting as one staff member), the
    parsed arguments, and the door it came through (CLI or TELEGRAM)."""

    desk: StaffDesk
    args: argparse.Namespace
    door: str


@dataclass(frozen=True)
class Lines:
    """Text to show, one line each."""

    lines: Sequence[str]


@dataclass(frozen=True)
class Table:
    """Rows for staff, as `text` in `fmt` ("csv", "md", or "text": aligned columns), what
    they are (`title`, one line) and, on the command line, the file they go to (None: stdout).
    Telegram asks for "csv"."""

    text: str
    fmt: str
    title: str
    path: Path | None = None


@dataclass(frozen=True)
class File:
    """A file for the command line to write in `folder` (a client's export)."""

    name: str
    data: bytes
    folder: Path


@dataclass(frozen=True)
class NewInvite:
    """A single-use invite: its code, the client id it will give, when it expires (aware;
    every door shows it in PROGRAM_TIMEZONE)."""

    code: str
    pseudo_id: str
    until: datetime


Outcome = Lines | Table | File | NewInvite
Run = Callable[[Call], Awaitable[Outcome]]


@dataclass(frozen=True)
class Command:
    """One staff command, for both doors.

    `words`: its words on the command line, e.g. ("track", "add"); `telegram`: its Telegram
    name, e.g. "track_add" (None: command line only); `summary`: one line for help and menus;
    `args`: its arguments; `run`: what it does, with exactly one `StaffDesk` call (one
    transaction: a redelivered Telegram update is recorded in it, so it changes nothing
    twice), after checking the arguments. `confirm`: what the command cannot undo; it then
    takes `--yes` and runs only with it. `old_form`: Telegram words in a form the command
    took before it took the command line's options, rewritten to those (or returned as they
    are)."""

    words: tuple[str, ...]
    telegram: str | None
    summary: str
    run: Run
    args: tuple[Arg, ...] = ()
    confirm: str | None = None
    old_form: Callable[[list[str]], list[str]] | None = field(default=None, compare=False)

    def arguments(self, door: str) -> tuple[Arg, ...]:
        """The arguments this door takes, with `--yes` for a command that needs it."""
        mine = tuple(a for a in self.args if door in a.doors)
        if self.confirm is None:
            return mine
        return (*mine, arg("--yes", action="store_true", help=f"go ahead: {self.confirm}"))

    def build(self, parser: argparse.ArgumentParser, door: str) -> None:
        """Add this door's arguments to `parser`; another door's are None ("not given")."""
        for argument in self.arguments(door):
            argument.add_to(parser)
        parser.set_defaults(**{a.dest: None for a in self.args if door not in a.doors})


async def carry_out(command: Command, call: Call) -> Outcome:
    """Run `command`; one with `confirm` only when --yes was given (AdminError otherwise)."""
    if command.confirm is not None and not getattr(call.args, "yes", False):
        raise AdminError(f"{command.confirm}: to go ahead, give the command again with --yes")
    return await command.run(call)


def web_args(command: Command, values: Mapping[str, object]) -> argparse.Namespace:
    """The arguments a web form gives `command`, as its parsers would: each argument Telegram
    takes too, from the form field named as its `dest` (blank text is "not given", inner
    runs of spaces one space); a command-line-only one (a file to write) is None; a switch
    is True when the field was sent; `yes` (a command's `confirm`) from the field "yes".

    Raises OptionError (the option, or a positional argument's name) for a required one
    left blank, as argparse refuses it in the other doors."""
    found: dict[str, object] = {}
    for a in command.args:
        value = values.get(a.dest)
        if a.options.get("action") == "store_true":
            found[a.dest] = bool(value) and TELEGRAM in a.doors
        elif TELEGRAM in a.doors and isinstance(value, str) and value.strip():
            found[a.dest] = " ".join(value.split())
        else:
            found[a.dest] = None
        positional = not a.flags[0].startswith("-")
        if found[a.dest] is None and TELEGRAM in a.doors and (positional or a.options.get(
                "required")):  # fmt: skip
            raise OptionError(a.flags[0], f"{a.options.get('metavar') or a.dest} is required")
    found["yes"] = bool(values.get("yes"))
    return argparse.Namespace(**found)


# ---- the parsers ---------------------------------------------------------------------------


def add_to_cli(sub: Subparsers, commands: Sequence[Command], groups: Mapping[str, str]) -> None:
    """Each command as a `recovery-bot` subcommand: `track add` is subcommand `add` of
    `track` (whose help is `groups["track"]` and the words under it). The chosen command is
    `args.staff_command`. A command whose words begin a longer one's (`invite`, then
    `invite list`) comes first in `commands`; it keeps its options and takes the further word
    optionally. `sub` is made with `parser_class=StaffParser`, so a command at its level
    reads an id after a name as the ones below it do."""
    leaves = {c.words for c in commands}
    parsers: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    subs: dict[tuple[str, ...], Subparsers] = {(): sub}
    for command in commands:
        for depth in range(1, len(command.words)):
            prefix = command.words[:depth]
            if prefix not in parsers:
                under = dict.fromkeys(c.words[depth] for c in commands
                                      if len(c.words) > depth and c.words[:depth] == prefix)
                text = ", ".join(under)
                help_text = f"{groups[prefix[-1]]}: {text}" if prefix[-1] in groups else text
                parsers[prefix] = subs[prefix[:-1]].add_parser(prefix[-1], help=help_text)
            if prefix not in subs:
                subs[prefix] = parsers[prefix].add_subparsers(
                    dest="action", required=prefix not in leaves, parser_class=StaffParser
                )
        if command.words in parsers:
            raise ValueError(f"{' '.join(command.words)}: list it before the longer commands")
        parser = subs[command.words[:-1]].add_parser(
            command.words[-1], help=command.summary, description=command.summary,
            formatter_class=Formatter,
        )  # fmt: skip
        parsers[command.words] = parser
        command.build(parser, CLI)
        parser.add_argument(
            "--as", dest="actor", metavar="NAME",
            help="who you are, as the audit log names you (default: your login name)",
        )  # fmt: skip
        parser.set_defaults(staff_command=command)


_NEGATIVE = re.compile(r"^-\d+$|^-\d*\.\d+$")


def _is_option(word: str) -> bool:
    """Whether argparse reads `word` as an option (its rule, less abbreviations): "-" alone,
    a negative number and words with a space are values."""
    return len(word) > 1 and word[0] == "-" and " " not in word and not _NEGATIVE.match(word)


class StaffParser(argparse.ArgumentParser):
    """argparse's parser, reading an id typed after a name the way staff mean it.

    A name or place may be several words without quotes: it runs to the next option. So the
    id every usage line shows last (`[--track NAME] PSEUDO_ID`, `[--place TEXT] ID`) would be
    read as the name's last word, and the id found missing. When a command's arguments
    without a dash are one word each (ids), none of them is typed before or between the
    options, and the last several-word value holds more words than they need, its last words
    are those ids. A name typed alone (quoted, or one word) still leaves the id missing."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if args is not None:
            args = self._ids_after_a_name(list(args))
        return super().parse_known_args(args, namespace)

    def _ids_after_a_name(self, words: list[str]) -> list[str]:
        positionals = [a for a in self._actions if not a.option_strings]
        if not positionals or any(a.nargs is not None for a in positionals):
            return words
        options = self._option_string_actions
        free, run, i = 0, None, 0
        while i < len(words):
            word = words[i]
            i += 1
            if word == "--":
                return words  # argparse's own "the rest are values"
            if not _is_option(word):
                free += 1  # a word no option takes: an id typed before or between them
                continue
            flag, equals, _ = word.partition("=")
            action = options.get(flag)
            if action is None:
                return words  # unknown or abbreviated: argparse says what is wrong
            if equals or action.nargs == 0:
                continue
            if action.nargs is None:  # one value
                i += 1 if i < len(words) and not _is_option(words[i]) else 0
                continue
            if not (isinstance(action, _Value) and action.nargs == "+"):
                return words
            start = i
            while i < len(words) and not _is_option(words[i]):
                i += 1
            run = (start, i)
        need = len(positionals)
        if free or run is None or run[1] - run[0] <= need:
            return words
        cut, end = run[1] - need, run[1]
        return [*words[cut:end], *words[:cut], *words[end:]]


class TelegramParser(StaffParser):
    """A Telegram command's parser: an error raises UsageError (one line, the usage after
    it) where argparse would print and exit; `--help` raises HelpAsked."""

    def error(self, message: str) -> Any:
        raise UsageError(f"{message}; usage: {usage(self)}")


def door_parser(command: Command, door: str) -> argparse.ArgumentParser:
    """The command's parser for `door`, named as staff type it there (`/track_add`,
    `recovery-bot track add`); in Telegram a TelegramParser with a hidden --help."""
    if door == TELEGRAM:
        if command.telegram is None:
            raise ValueError(f"{' '.join(command.words)} is not a Telegram command")
        parser: argparse.ArgumentParser = TelegramParser(
            prog=f"/{command.telegram}", description=command.summary, add_help=False,
            formatter_class=_one_line,
        )  # fmt: skip
        parser.add_argument("-h", "--help", action=_Help, nargs=0, help=argparse.SUPPRESS)
    else:
        parser = StaffParser(
            prog=f"recovery-bot {' '.join(command.words)}", description=command.summary,
            add_help=False, formatter_class=_one_line,
        )  # fmt: skip
    command.build(parser, door)
    return parser


def telegram_parser(command: Command) -> TelegramParser:
    parser = door_parser(command, TELEGRAM)
    assert isinstance(parser, TelegramParser)
    return parser


def usage(parser: argparse.ArgumentParser) -> str:
    """The parser's usage on one line, without "usage: "."""
    return " ".join(parser.format_usage().removeprefix("usage: ").split())
