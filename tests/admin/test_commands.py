"""One parser for both doors: the staff commands' table, read the same way by `recovery-bot`
and in Telegram (where the message is split as a shell splits a line, phone typography and
all). Parsing only: the commands at the desk are in test_cli.py and test_staff.py."""

from __future__ import annotations

import argparse
import re
import shlex
from datetime import date
from typing import cast

import pytest

from bot.cli.main import _parser
from bot.domain.staff_input import (
    SESSION_OPTIONS,
    AdminError,
    SessionSpec,
    session_spec,
    split_words,
)
from bot.service.staff import StaffDesk
from bot.service.staff_commands import COMMANDS, telegram_commands
from bot.service.staff_syntax import (
    CLI,
    TELEGRAM,
    Call,
    Command,
    HelpAsked,
    Lines,
    Outcome,
    UsageError,
    add_to_cli,
    arg,
    carry_out,
    door_parser,
    telegram_parser,
    usage,
)

BY_NAME = {c.telegram: c for c in telegram_commands()}


def telegram(name: str, text: str) -> argparse.Namespace:
    """`/name text` as the Telegram door reads it."""
    command = BY_NAME[name]
    words = split_words(text)
    if command.old_form is not None:
        words = command.old_form(words)
    return telegram_parser(command).parse_args(words)


def cli(*argv: str) -> argparse.Namespace:
    """`recovery-bot argv...` as the command line reads it."""
    return _parser().parse_args(argv)


# ---- splitting what was typed -------------------------------------------------------------

SPLITS = [
    ('"Evening IOP" --kind group', ["Evening IOP", "--kind", "group"]),
    ("“Evening IOP” —kind group –weekly mon",
     ["Evening IOP", "--kind", "group", "--weekly", "mon"]),
    ("„Abendgruppe“ «Day Program» ‘Night’", ["Abendgruppe", "Day Program", "Night"]),
    ("--counselor 'Dana O'Brien'", ["--counselor", "Dana O'Brien"]),
    ("--counselor “Dana O’Brien”", ["--counselor", "Dana O’Brien"]),
    ("--counselor Dana O’Brien", ["--counselor", "Dana", "O’Brien"]),
    ("#12", ["#12"]),  # not a comment
    (r"--place C:\rooms\4", ["--place", r"C:\rooms\4"]),  # no shell here: kept as typed
    ("--place Room 4 — 2nd floor", ["--place", "Room", "4", "—", "2nd", "floor"]),
    ("--track=Evening\n--kind\u00a0group", ["--track=Evening", "--kind", "group"]),
    ("", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words"), SPLITS)
def test_split_words(text: str, words: list[str]) -> None:
    assert split_words(text) == words


OPEN_QUOTES = ['"Evening IOP', "“Evening IOP", "'Evening", '--track "A" --place "B']


@pytest.mark.parametrize("text", OPEN_QUOTES)
def test_a_quote_left_open_is_one_clear_error(text: str) -> None:
    with pytest.raises(AdminError) as caught:
        split_words(text)
    assert str(caught.value) == (
        "a quotation mark is not closed: put names with spaces between two quotes"
    )


# ---- session add, the same in both doors --------------------------------------------------

EVENING = "--track 'Evening IOP' --kind group --weekly mon,wed,thu --start 18:00 --length 180"
SPECS = [
    (EVENING, SessionSpec("group", "18:00", 180, track="Evening IOP", weekdays=(0, 2, 3))),
    (  # a name typed without quotes runs to the next option, in both doors
        "--track Evening IOP --kind group --weekly mon, wed --start 9:00 --length 60 "
        "--place Room 4, 2nd floor",
        SessionSpec("group", "09:00", 60, track="Evening IOP", weekdays=(0, 2),
                    place="Room 4, 2nd floor"),
    ),
    (
        "--client c-1a2b3c4d --kind family --once 2026-12-03 --start 10:00 --length 50 "
        "--place https://meet.example/abc",
        SessionSpec("family", "10:00", 50, client="c-1a2b3c4d", once=date(2026, 12, 3),
                    place="https://meet.example/abc"),
    ),
    (
        "--track=Evening --kind individual --weekly fri --start 9:00 --length 60",
        SessionSpec("individual", "09:00", 60, track="Evening", weekdays=(4,)),
    ),
]  # fmt: skip


def _spec(args: argparse.Namespace) -> SessionSpec:
    return session_spec({name: getattr(args, name) for name in SESSION_OPTIONS})


@pytest.mark.parametrize(("text", "spec"), SPECS)
def test_session_add_reads_the_same_in_both_doors(text: str, spec: SessionSpec) -> None:
    assert _spec(telegram("session_add", text)) == spec
    assert _spec(cli("session", "add", *shlex.split(text))) == spec  # as a shell splits it


def test_a_phones_quotes_and_dashes_read_as_typed() -> None:
    typed = "—track “Evening IOP” —kind group –weekly mon,wed,thu —start 18:00 —length 180"
    assert _spec(telegram("session_add", typed)) == SPECS[0][1]


USAGE = (
    "usage: /session_add [--track NAME] [--client PSEUDO_ID] --kind KIND "
    "[--weekly DAY[,DAY...]] [--once YYYY-MM-DD] --start HH:MM --length MINUTES [--place TEXT]"
)
BAD_SESSIONS = [
    ("--kind group --weekly mon --start 18:00 --length 60", "exactly one of --track"),
    (EVENING + " --client c-1", "exactly one of --track"),
    ("--track T --kind group --start 18:00 --length 60", "exactly one of --weekly"),
    ("--track T --kind group --weekly mon --once 2026-12-03 --start 18:00 --length 60",
     "exactly one of --weekly"),
    ("--track T --kind group --weekly funday --start 18:00 --length 60", "unknown day"),
    ("--track T --kind group --weekly mon --start 25:00 --length 60", "start time"),
    ("--track T --kind group --weekly mon --start 18:00 --length -30", "invalid length '-30'"),
    ("--track T --kind party --weekly mon --start 18:00 --length 60", "unknown kind"),
    ("--track T --kind group --once 3/12 --start 18:00 --length 60", "YYYY-MM-DD"),
    (EVENING + " --place " + "x" * 201, "at most 200"),
]  # fmt: skip
BAD_WORDS = [
    ("--track T --weekly mon --start 18:00 --length 60",
     "the following arguments are required: --kind"),
    ("--track T --kind group --weekly mon",
     "the following arguments are required: --start, --length"),
    ("Evening " + EVENING, "unrecognized arguments: Evening"),
    (EVENING + " --colour red", "unrecognized arguments: --colour red"),
    (EVENING + " --track U", "argument --track: given twice"),
    ("--track --kind group --weekly mon --start 18:00 --length 60",
     "argument --track: expected at least one argument"),
    (EVENING + " --start", "argument --start: expected one argument"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), BAD_SESSIONS)
def test_bad_sessions(text: str, message: str) -> None:
    with pytest.raises(AdminError) as caught:
        _spec(telegram("session_add", text))
    assert message in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("text", "message"), BAD_WORDS)
def test_what_does_not_parse_is_one_line_with_the_usage(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        telegram("session_add", text)
    assert str(caught.value) == f"{message}; {USAGE}"


def test_the_command_line_refuses_the_same_words(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("session", "add", *shlex.split(EVENING), "--track", "U")
    assert exited.value.code == 2
    assert "argument --track: given twice" in capsys.readouterr().err


# ---- the other commands -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "out"),
    [("Evening", ("Evening", None)),
     ("Evening IOP", ("Evening IOP", None)),
     ("'Evening IOP' --timezone America/Denver", ("Evening IOP", "America/Denver")),
     ("“Day Program”", ("Day Program", None)),
     # the old `/track_add NAME ZONE`: a last word with "/" (or UTC) is the zone
     ("Evening IOP America/Los_Angeles", ("Evening IOP", "America/Los_Angeles")),
     ('"Evening IOP" America/Los_Angeles', ("Evening IOP", "America/Los_Angeles")),
     ("Night UTC", ("Night", "UTC")),
     ("America/Denver", ("America/Denver", None)),  # a lone word is the name
     ('"Group A/B"', ("Group A/B", None))],
)  # fmt: skip
def test_track_add(text: str, out: tuple[str, str | None]) -> None:
    args = telegram("track_add", text)
    assert (args.name, args.timezone) == out


def test_track_add_on_the_command_line() -> None:
    args = cli("track", "add", "Evening IOP", "--timezone", "America/Denver")
    assert (args.name, args.timezone) == ("Evening IOP", "America/Denver")
    assert cli("track", "add", "Evening", "IOP").name == "Evening IOP"
    assert cli("track", "remove", "Evening", "IOP").name == "Evening IOP"


def test_report_since() -> None:
    for text in ("--since 2026-11-01", "—since 2026-11-01", "--since=2026-11-01", "2026-11-01"):
        assert telegram("report", text).since == "2026-11-01", text  # the last: the old form
    assert cli("report", "--since", "2026-11-01").since == "2026-11-01"
    with pytest.raises(UsageError) as caught:
        telegram("report", "")
    assert str(caught.value) == (
        "the following arguments are required: --since; usage: /report --since YYYY-MM-DD"
    )


def test_files_on_the_server_are_the_command_lines_only() -> None:
    for text in ("--since 2026-11-01 --out /tmp/report.csv", "--since 2026-11-01 --format md"):
        with pytest.raises(UsageError, match=r"^unrecognized arguments: --"):
            telegram("report", text)
    args = cli("report", "--since", "2026-11-01", "--format", "md", "--out", "r.md")
    assert (args.format, args.out) == ("md", "r.md")
    assert "export" not in {c.words[0] for c in telegram_commands()}


def test_session_list_and_invite() -> None:
    assert telegram("sessions_all", "--track Evening IOP").track == "Evening IOP"
    assert telegram("sessions_all", "").track is None
    args = telegram("invite", "--track 'Evening IOP' —expires 7d --label A-17 --counselor Dana R")
    assert (args.track, args.expires, args.label, args.counselor) == (
        "Evening IOP", "7d", "A-17", "Dana R"
    )  # fmt: skip
    assert telegram("session_remove", "#12").id == "#12"


# An id typed after a name, in the order every usage line shows (`[--track NAME] PSEUDO_ID`):
# the name runs to the next option, so without care the id became part of it.
ID_AFTER_A_NAME = [
    ("client_track", ("client", "set-track"), '--track "Evening IOP" c-1a2b3c4d',
     {"client": "c-1a2b3c4d", "track": "Evening IOP"}),
    ("client_track", ("client", "set-track"), "--track Evening IOP c-1a2b3c4d",
     {"client": "c-1a2b3c4d", "track": "Evening IOP"}),
    ("client_track", ("client", "set-track"), "c-1a2b3c4d --track Evening IOP",
     {"client": "c-1a2b3c4d", "track": "Evening IOP"}),
    ("session_edit", ("session", "edit"), '--start 9:00 --place "Room 9" 12',
     {"id": "12", "place": "Room 9", "start": "9:00"}),
    ("session_edit", ("session", "edit"), "--place Room 4, 2nd floor #12",
     {"id": "#12", "place": "Room 4, 2nd floor"}),
    ("session_edit", ("session", "edit"), "--place - 12", {"id": "12", "place": "-"}),
    ("session_edit", ("session", "edit"), "12 --place Room 9", {"id": "12", "place": "Room 9"}),
    ("session_edit", ("session", "edit"), "--place Room 9 --length 60 12",
     {"id": "12", "place": "Room 9", "length": "60"}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "words", "text", "values"), ID_AFTER_A_NAME)
def test_an_id_after_a_name_is_the_id_in_both_doors(
    name: str, words: tuple[str, ...], text: str, values: dict[str, str]
) -> None:
    for args in (telegram(name, text), cli(*words, *shlex.split(text))):
        assert {key: getattr(args, key) for key in values} == values, text


def test_a_name_alone_leaves_the_id_missing() -> None:
    """A quoted name is one word: it is never split to find an id that was not typed."""
    for text in ('--place "Room 9"', "--place Room9"):
        with pytest.raises(UsageError, match=r"^the following arguments are required: ID;"):
            telegram("session_edit", text)
    args = cli("staff", "add", "--role", "counselor", "--name", "Dana", "R", "7101")
    assert (args.id, args.name, args.role) == ("7101", "Dana R", "counselor")


def test_help_for_one_command() -> None:
    with pytest.raises(HelpAsked) as asked:
        telegram("session_add", "--track X --help")
    assert asked.value.text.startswith(USAGE)
    assert "--weekly DAY[,DAY...]" in asked.value.text
    assert "mon..sun (or full names); one session per day" in asked.value.text


def test_the_usage_is_the_same_in_both_doors() -> None:
    """Each Telegram command takes the command line's arguments, less the server's files."""
    for command in telegram_commands():
        tg = usage(door_parser(command, TELEGRAM)).removeprefix(f"/{command.telegram}")
        line = usage(door_parser(command, CLI)).removeprefix(
            "recovery-bot " + " ".join(command.words)
        )
        line = re.sub(r" \[--(format|out) [^]]+\]", "", line)
        assert tg == line, command.words


def test_names_are_unique_and_fit_telegram() -> None:
    names = [c.telegram for c in telegram_commands()]
    assert len(set(names)) == len(names) == 18  # nine, /audit, and eight to manage a program
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", str(n)) for n in names)
    assert len({c.words for c in COMMANDS}) == len(COMMANDS)


# ---- a command added later: one entry, both doors ------------------------------------------


async def _ran(call: Call) -> Outcome:
    return Lines([f"ran for {call.args.client}"])


LATER = (
    Command(("invite",), "invite", "create an invite", _ran,
            (arg("--track", words=True, metavar="NAME"),)),
    Command(("invite", "list"), "invite_list", "the invites still pending", _ran),
    Command(("client", "erase"), "client_erase", "erase one client's record", _ran,
            (arg("client", metavar="PSEUDO_ID"),),
            confirm="erasing a client's record cannot be undone"),
)  # fmt: skip


def _later_cli() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recovery-bot")
    add_to_cli(parser.add_subparsers(dest="command", required=True), LATER, {"client": "clients"})
    return parser


def test_a_command_and_a_longer_one_share_their_first_word() -> None:
    parser = _later_cli()
    invite = parser.parse_args(["invite", "--track", "Evening", "IOP"])
    assert (invite.staff_command, invite.track) == (LATER[0], "Evening IOP")
    assert parser.parse_args(["invite", "list"]).staff_command is LATER[1]
    broken = argparse.ArgumentParser().add_subparsers()
    with pytest.raises(ValueError, match="list it before the longer commands"):
        add_to_cli(broken, (LATER[1], LATER[0]), {})


async def test_a_command_that_cannot_be_undone_needs_yes_in_both_doors() -> None:
    erase = LATER[2]
    desk = cast(StaffDesk, None)  # the run does not use it
    for door, args in (
        (CLI, _later_cli().parse_args(["client", "erase", "c-1a2b3c4d"])),
        (TELEGRAM, telegram_parser(erase).parse_args(["c-1a2b3c4d"])),
    ):
        with pytest.raises(AdminError) as caught:
            await carry_out(erase, Call(desk, args, door))
        assert str(caught.value) == (
            "erasing a client's record cannot be undone: to go ahead, give the command again "
            "with --yes"
        )
    for door, args in (
        (CLI, _later_cli().parse_args(["client", "erase", "c-1a2b3c4d", "--yes"])),
        (TELEGRAM, telegram_parser(erase).parse_args(split_words("c-1a2b3c4d —yes"))),
    ):
        assert await carry_out(erase, Call(desk, args, door)) == Lines(["ran for c-1a2b3c4d"])
    assert usage(telegram_parser(erase)) == "/client_erase [--yes] PSEUDO_ID"
