"""`recovery-bot track ...` and `recovery-bot session ...`: the staff tools on the command line.

`bot.cli.main` adds these subcommands with `add_subcommands` and hands them to `run`. Each is
one `StaffDesk` call (one transaction). Output goes to stdout; a bad input is one line on
stderr and exit 2."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable

from bot.config import Settings
from bot.domain.staff_input import SESSION_OPTIONS, AdminError, session_spec
from bot.service.backend import open_backend
from bot.service.staff import StaffDesk

Action = Callable[[StaffDesk, argparse.Namespace], Awaitable[list[str]]]
Subparsers = argparse._SubParsersAction

SESSION_HELP = {
    "track": ("NAME", "a session of the whole track, in the track's time zone"),
    "client": ("PSEUDO_ID", "a session of one client, in the client's time zone"),
    "kind": ("KIND", "group, individual or family"),
    "weekly": ("DAY[,DAY...]", "mon..sun (or full names); one session per day"),
    "once": ("YYYY-MM-DD", "a single date, today or later"),
    "start": ("HH:MM", "local start time"),
    "length": ("MINUTES", "5 to 600"),
    "place": ("TEXT", "room or video link (optional, up to 200 characters)"),
}


def add_subcommands(sub: Subparsers) -> None:
    """The `track` and `session` subcommands, each with add, list and remove."""
    track = sub.add_parser("track", help="program tracks: add, list, remove")
    actions = track.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a track")
    add.add_argument("name", help="e.g. 'Evening IOP' (1-64 characters)")
    add.add_argument("--timezone", help="IANA zone (default: PROGRAM_TIMEZONE)")
    actions.add_parser("list", help="tracks with their zone, sessions and clients")
    actions.add_parser("remove", help="delete a track and its sessions").add_argument("name")
    session = sub.add_parser("session", help="program sessions: add, list, remove")
    actions = session.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a track-wide or one client's session")
    for name, (metavar, text) in SESSION_HELP.items():
        add.add_argument(f"--{name}", metavar=metavar, help=text)
    listing = actions.add_parser("list", help="all sessions, a track's or a client's")
    listing.add_argument("--track", metavar="NAME")
    listing.add_argument("--client", metavar="PSEUDO_ID")
    actions.add_parser("remove", help="delete a session").add_argument("id")


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Carry out one track or session subcommand; the exit status."""
    try:
        lines = asyncio.run(_at_the_desk(settings, ACTIONS[args.command, args.action], args))
    except AdminError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


async def _at_the_desk(settings: Settings, action: Action, args: argparse.Namespace) -> list[str]:
    async with open_backend(settings) as backend:
        return await action(backend.staff(), args)


async def _track_add(desk: StaffDesk, args: argparse.Namespace) -> list[str]:
    return [await desk.add_track(args.name, args.timezone)]


async def _track_list(desk: StaffDesk, args: argparse.Namespace) -> list[str]:
    return await desk.track_lines() or ["no tracks yet"]


async def _track_remove(desk: StaffDesk, args: argparse.Namespace) -> list[str]:
    return [await desk.remove_track(args.name)]


async def _session_add(desk: StaffDesk, args: argparse.Namespace) -> list[str]:
    spec = session_spec({name: getattr(args, name) for name in SESSION_OPTIONS})
    return list(await desk.add_sessions(spec))


async def _session_list(desk: StaffDesk, args: argparse.Namespace) -> list[str]:
    if args.track is not None and args.client is not None:
        raise AdminError("give --track or --client, not both")
    return await desk.session_lines(args.track, args.client) or ["no sessions"]


async def _session_remove(desk: StaffDesk, args: argparse.Namespace) -> list[str]:
    return [await desk.remove_session(args.id)]


ACTIONS: dict[tuple[str, str], Action] = {
    ("track", "add"): _track_add,
    ("track", "list"): _track_list,
    ("track", "remove"): _track_remove,
    ("session", "add"): _session_add,
    ("session", "list"): _session_list,
    ("session", "remove"): _session_remove,
}
