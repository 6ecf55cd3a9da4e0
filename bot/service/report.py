"""The program's view, on the command line: `recovery-bot report` (one row per client),
`recovery-bot clients` (the roster) and `recovery-bot export` (one client's zip).

The report and the roster name clients by pseudonymous id only: never names, Telegram ids or
support contacts (the export is the client's whole record, for one client). Every run is
written to the audit log in the transaction that read the data; files and output are written
after the commit (DESIGN.md rule 4), so an audit entry may record an attempt whose file then
failed to write, but never is a disclosure left unrecorded."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.insights import REPORT_COLUMNS, ReportRow, report_csv_row, report_md_table
from bot.domain.insights import report_row as make_row
from bot.domain.staff_input import AdminError
from bot.service import export
from bot.store import audit
from bot.store.database import Database
from bot.store.history import load_histories
from bot.store.models import Client, Invite, Track

COMMANDS = ("export", "report", "clients")
FORMATS = ("csv", "md")
ROSTER_COLUMNS = ("pseudo_id", "status", "invite", "track", "enrolled_utc", "last_active_utc")


# ---- the report ---------------------------------------------------------------------------


async def report_rows(
    s: AsyncSession, since: date, now: datetime, *, program_days: int = 90
) -> list[ReportRow]:
    """One row per enrolled client, ordered by pseudonymous id."""
    # Someone who never finished enrolling has no program days to report on; counting them
    # would only raise false "missed check-in" flags. They are listed by `clients`.
    ids = await s.scalars(
        select(Client.id).where(Client.enrolled_at.is_not(None)).order_by(Client.pseudo_id)
    )
    histories = await load_histories(s, ids.all(), program_days=program_days)
    # "Today" is each client's own local date, the day the insights count in.
    return [make_row(h, since, now.astimezone(ZoneInfo(h.timezone)).date()) for h in histories]


def render_report(rows: list[ReportRow], fmt: str) -> str:
    """The rows as CSV (with a header row) or as a markdown table."""
    if fmt == "md":
        return report_md_table(rows) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    writer.writerows(report_csv_row(r) for r in rows)
    return out.getvalue()


async def build_report(
    s: AsyncSession, since: date, fmt: str, now: datetime, *, actor: str = "cli",
    program_days: int = 90,
) -> str:  # fmt: skip
    """The program report since `since`, audited as `actor`."""
    rows = await report_rows(s, since, now, program_days=program_days)
    await audit.record(s, actor, "report", "all", f"since {since}, {len(rows)} rows, {fmt}", now)
    return render_report(rows, fmt)


# ---- the roster ---------------------------------------------------------------------------


def _utc(moment: datetime | None) -> str:
    """A UTC time to the minute, or "-"."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


async def roster(s: AsyncSession, now: datetime) -> list[tuple[str, ...]]:
    """Every client, then every invite still pending, as ROSTER_COLUMNS rows."""
    tracks = {tid: name for tid, name in (await s.execute(select(Track.id, Track.name))).all()}
    used = set(await s.scalars(select(Invite.client_id).where(Invite.client_id.is_not(None))))
    clients = await s.execute(
        select(Client.id, Client.pseudo_id, Client.status, Client.track_id, Client.enrolled_at,
               Client.last_seen_at).order_by(Client.created_at, Client.pseudo_id)
    )  # fmt: skip
    rows: list[tuple[str, ...]] = [
        (c.pseudo_id, c.status, "used" if c.id in used else "none", tracks.get(c.track_id, "-"),
         _utc(c.enrolled_at), _utc(c.last_seen_at))
        for c in clients
    ]  # fmt: skip
    pending = await s.execute(
        select(Invite.track, Invite.expires_at)
        .where(Invite.used_at.is_(None), Invite.expires_at > now)
        .order_by(Invite.expires_at)
    )
    rows += [
        ("-", "invited", f"pending until {_utc(p.expires_at)}", p.track or "-", "-", "-")
        for p in pending
    ]
    return rows


def render_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces."""
    widths = [max(len(str(x)) for x in col) for col in zip(columns, *rows, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in (columns, *rows)]  # fmt: skip
    return "\n".join(lines) + "\n"


async def build_roster(s: AsyncSession, now: datetime, *, actor: str = "cli") -> str:
    """The roster as a text table, audited as `actor`."""
    rows = await roster(s, now)
    clients = sum(1 for r in rows if r[0] != "-")
    detail = f"{clients} clients, {len(rows) - clients} pending invites"
    await audit.record(s, actor, "clients", "all", detail, now)
    return render_table(ROSTER_COLUMNS, rows)


# ---- the command line ---------------------------------------------------------------------


class Output(NamedTuple):
    """What a command produced: text for stdout, or bytes for the file at `path`."""

    data: str | bytes
    path: Path | None = None


Work = Callable[[AsyncSession, datetime], Awaitable[Output]]


def add_subcommands(sub: argparse._SubParsersAction) -> None:
    """The `export`, `report` and `clients` subcommands."""
    export.add_subcommand(sub)
    report = sub.add_parser("report", help="one row per client since a date (audited)")
    report.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="window start")
    report.add_argument("--format", default="csv", metavar="csv|md", help="default csv")
    report.add_argument("--out", metavar="FILE", help="write here instead of to stdout")
    sub.add_parser("clients", help="the roster: status, invite, track, activity (audited)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Carry out one of COMMANDS in one transaction, then write its output; the exit status."""
    from bot.service.conversation import make_clock

    now = make_clock(settings)()
    try:
        work = _WORK[args.command](args, settings, now)
        output = asyncio.run(_in_transaction(settings, work, now))
        if output.path is None:
            sys.stdout.write(str(output.data))
        else:
            data = output.data if isinstance(output.data, bytes) else output.data.encode()
            print(export.write_private(output.path, data))
    except (AdminError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


async def _in_transaction(settings: Settings, work: Work, now: datetime) -> Output:
    """Run `work` in one transaction, its audit entry included."""
    db = Database(settings.database_url)
    try:
        async with db.transaction() as s:
            return await work(s, now)
    finally:
        await db.dispose()


def _export(args: argparse.Namespace, settings: Settings, now: datetime) -> Work:
    """`export`: the zip goes to --out (created if missing), named by bot.service.export."""
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)  # checked before the data is read

    async def work(s: AsyncSession, now: datetime) -> Output:
        name, data = await export.export_client(s, args.client, now)
        return Output(data, (folder / name).resolve())

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
    path = Path(args.out).resolve() if args.out else None
    if path is not None and not path.parent.is_dir():
        raise AdminError(f"--out: no folder {str(path.parent)!r}")

    async def work(s: AsyncSession, now: datetime) -> Output:
        text = await build_report(
            s, since, args.format, now, program_days=settings.program_length_days
        )
        return Output(text, path)

    return work


def _clients(args: argparse.Namespace, settings: Settings, now: datetime) -> Work:
    """`clients`: the roster to stdout."""

    async def work(s: AsyncSession, now: datetime) -> Output:
        return Output(await build_roster(s, now))

    return work


_WORK: dict[str, Callable[[argparse.Namespace, Settings, datetime], Work]] = {
    "export": _export,
    "report": _report,
    "clients": _clients,
}
