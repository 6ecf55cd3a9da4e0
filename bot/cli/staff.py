"""`recovery-bot track|session|invite|report|clients|export ...`: the staff commands on the
command line, from the table both doors share (`bot.service.staff_commands`).

`bot.cli.main` adds them with `add_subcommands` and hands the chosen one to `run`. Each is one
`StaffDesk` call (one transaction); what it produced is written after the commit: text to
stdout, a report (--out) or an export to a file only its owner can read, since they hold
health information. A bad input is one line on stderr and exit 2 (so are argparse's own usage
errors, with the usage before the line)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.config import Settings
from bot.domain.staff_input import AdminError, OptionError
from bot.locales.formats import program_when
from bot.service.backend import database_failure, open_backend
from bot.service.files import write_private
from bot.service.staff import cli_actor
from bot.service.staff_commands import COMMANDS, GROUPS
from bot.service.staff_syntax import (
    CLI,
    Call,
    Command,
    File,
    Lines,
    NewInvite,
    Outcome,
    Subparsers,
    Table,
    add_to_cli,
    carry_out,
)


def add_subcommands(sub: Subparsers) -> None:
    """Every staff command as a subcommand; the chosen one is `args.staff_command`."""
    add_to_cli(sub, COMMANDS, GROUPS)


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Carry out the staff command in `args`, then show what it produced; the exit status."""
    try:
        asyncio.run(_carry_out(settings, args.staff_command, args))
    except OptionError as exc:
        print(f"{exc.option}: {exc}", file=sys.stderr)
        return 2
    except (AdminError, OSError) as exc:
        print(f"error: {database_failure(exc, settings) or exc}", file=sys.stderr)
        return 2
    return 0


async def _carry_out(settings: Settings, command: Command, args: argparse.Namespace) -> None:
    async with open_backend(settings) as backend:
        desk = backend.staff(cli_actor(getattr(args, "actor", None)))
        outcome = await carry_out(command, Call(desk, args, CLI))
    await _show(settings, outcome)


async def _show(settings: Settings, outcome: Outcome) -> None:
    if isinstance(outcome, Lines):
        print("\n".join(outcome.lines))
    elif isinstance(outcome, Table):
        if outcome.path is None:
            sys.stdout.write(outcome.text)
        else:
            print(write_private(outcome.path, outcome.text.encode()))
    elif isinstance(outcome, File):
        print(write_private((outcome.folder / outcome.name).absolute(), outcome.data))
    else:
        await _show_invite(settings, outcome)


async def _show_invite(settings: Settings, invite: NewInvite) -> None:
    from bot.tg.application import bot_username

    link = f"https://t.me/{await bot_username(settings)}?start={invite.code}"
    # The client id is for the program's own records: whoever redeems the link gets it.
    until = program_when(invite.until, settings.program_timezone)
    print(f"invite code: {invite.code}\nlink: {link}\nexpires: {until}")
    note = "whoever uses the link gets it: note it in your records"
    print(f"client id: {invite.pseudo_id} ({note})")
