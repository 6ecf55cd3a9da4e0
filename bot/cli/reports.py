"""`recovery-bot report`, `recovery-bot clients` and `recovery-bot export`: the program's data.

Options are checked before anything is read or audited; the data is read and the audit entry
written in one transaction (`StaffDesk`), and files are written after the commit, readable
by their owner only: they hold health information."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.domain.staff_input import AdminError
from bot.service.backend import database_failure, open_backend
from bot.service.clock import make_clock
from bot.service.files import write_private
from bot.service.staff import StaffDesk

COMMANDS = ("export", "report", "clients")
FORMATS = ("csv", "md")


class Output(NamedTuple):
    """What a command produced: text for stdout, or bytes for the file at `path`."""

    data: str | bytes
    path: Path | None = None


Work = Callable[[StaffDesk], Awaitable[Output]]


def add_subcommands(sub: argparse._SubParsersAction) -> None:
    """The `export`, `report` and `clients` subcommands."""
    export = sub.add_parser("export", help="write one client's whole record as a zip (audited)")
    export.add_argument("--client", required=True, metavar="PSEUDO_ID", help="e.g. c-3f9a1b2c")
    export.add_argument("--out", default=".", metavar="DIR", help="folder for the zip (default .)")
    report = sub.add_parser("report", help="one row per client since a date (audited)")
    report.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="window start")
    report.add_argument("--format", default="csv", metavar="csv|md", help="default csv")
    report.add_argument("--out", metavar="FILE", help="write here instead of to stdout")
    sub.add_parser("clients", help="the roster: status, invite, track, activity (audited)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Carry out one of COMMANDS, then write its output; the exit status."""
    now = make_clock(settings)()
    try:
        work = _WORK[args.command](args, settings, now)
        output = asyncio.run(_at_the_desk(settings, work))
        if output.path is None:
            sys.stdout.write(str(output.data))
        else:
            data = output.data if isinstance(output.data, bytes) else output.data.encode()
            print(write_private(output.path, data))
    except (AdminError, OSError) as exc:
        print(f"error: {database_failure(exc, settings) or exc}", file=sys.stderr)
        return 2
    return 0


async def _at_the_desk(settings: Settings, work: Work) -> Output:
    async with open_backend(settings) as backend:
        return await work(backend.staff())


def _export(args: argparse.Namespace, settings: Settings, now: datetime) -> Work:
    """`export`: the zip goes to the folder --out (which must exist), named by the exporter."""
    folder = Path(args.out)
    if not folder.is_dir():  # checked before the data is read
        raise AdminError(f"--out: no folder {str(folder)!r}")

    async def work(desk: StaffDesk) -> Output:
        name, data = await desk.export(args.client)
        return Output(data, (folder / name).absolute())

    return work


def _since(text: str, today: date) -> date:
    """A --since value: an ISO date, not after today."""
    try:
        since = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise AdminError(f"--since: {text!r} is not a date; use YYYY-MM-DD") from None
    if since > today:
        raise AdminError(f"--since: {since} is after today ({today})")
    return since


def _report(args: argparse.Namespace, settings: Settings, now: datetime) -> Work:
    """`report`: the options are checked before anything is read or audited."""
    since = _since(args.since, now.astimezone(ZoneInfo(settings.program_timezone)).date())
    if args.format not in FORMATS:
        raise AdminError(f"--format: {args.format!r} is not one of {', '.join(FORMATS)}")
    path = Path(args.out).absolute() if args.out else None
    if path is not None and not path.parent.is_dir():
        raise AdminError(f"--out: no folder {str(path.parent)!r}")
    if path is not None and path.is_symlink():  # refused before anything is read or audited
        raise AdminError(f"--out: {str(path)!r} is a symbolic link; refusing to write through it")

    async def work(desk: StaffDesk) -> Output:
        return Output(await desk.report(since, args.format), path)

    return work


def _clients(args: argparse.Namespace, settings: Settings, now: datetime) -> Work:
    """`clients`: the roster to stdout."""

    async def work(desk: StaffDesk) -> Output:
        return Output(await desk.roster())

    return work


_WORK: dict[str, Callable[[argparse.Namespace, Settings, datetime], Work]] = {
    "export": _export,
    "report": _report,
    "clients": _clients,
}
