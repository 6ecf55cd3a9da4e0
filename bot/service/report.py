"""The program's view: the report (one row per client) and the roster (clients and invites).

The report and the roster name clients by pseudonymous id, with the staff-only label and
counselor given at the invite: never names, Telegram ids or support contacts (the export is
the client's whole record, for one client). Every run is written to the audit log in the
transaction that read the data; the door writes files and output after the commit (only the
service opens transactions), so an audit entry may record an attempt whose file then failed
to write, but never is a disclosure left unrecorded."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.insights import REPORT_COLUMNS, ReportRow, report_csv_row, report_md_table
from bot.domain.insights import report_row as make_row
from bot.locales.formats import counted, program_when
from bot.store import audit, repo
from bot.store.history import load_histories
from bot.store.models import Client, Invite, Track

COMMANDS = ("export", "report", "clients")
INVITED = "invited"  # the roster's status for a pending invite
FORMATS = ("csv", "md")
ROSTER_COLUMNS = (
    "pseudo_id", "label", "counselor", "status", "invite", "track", "enrolled_utc",
    "last_active_utc", "discharged_utc",
)  # fmt: skip


# ---- the report ---------------------------------------------------------------------------


async def report_rows(
    s: AsyncSession, since: date, now: datetime, *, program_days: int = 90,
    until: date | None = None,
) -> list[ReportRow]:  # fmt: skip
    """One row per enrolled client, ordered by pseudonymous id; the window ends today (each
    client's local date) or at `until` when that is earlier."""
    # Someone who never finished enrolling has no program days to report on; counting them
    # would only raise false "missed check-in" flags. They are listed by `clients`.
    ids = await s.scalars(
        select(Client.id).where(Client.enrolled_at.is_not(None)).order_by(Client.pseudo_id)
    )
    histories = await load_histories(s, ids.all(), program_days=program_days)
    who = await staff_labels(s)
    # "Today" is each client's own local date, the day the insights count in.
    return [
        replace(make_row(h, since, _last_day(now, h.timezone, until)),
                label=who.get(h.pseudo_id, (None, None))[0],
                counselor=who.get(h.pseudo_id, (None, None))[1])
        for h in histories
    ]  # fmt: skip


def _last_day(now: datetime, zone: str, until: date | None) -> date:
    today = now.astimezone(ZoneInfo(zone)).date()
    return today if until is None else min(today, until)


async def staff_labels(s: AsyncSession) -> dict[str, tuple[str | None, str | None]]:
    """Each client's staff-only (label, counselor) by pseudonymous id."""
    rows = await s.execute(select(Client.pseudo_id, Client.label, Client.counselor))
    return {pseudo_id: (label, counselor) for pseudo_id, label, counselor in rows}


def render_report(rows: list[ReportRow], fmt: str) -> str:
    """The rows as CSV (with a header row) or as a markdown table."""
    if fmt == "md":
        return report_md_table(rows) + "\n"
    return render_csv(REPORT_COLUMNS, [report_csv_row(r) for r in rows])


async def build_report(
    s: AsyncSession, since: date, fmt: str, now: datetime, *, actor: str = "cli",
    program_days: int = 90,
) -> str:  # fmt: skip
    """The program report since `since`, audited as `actor`."""
    rows = await report_rows(s, since, now, program_days=program_days)
    detail = f"since {since}, {counted(len(rows), 'row', 'rows')}, {fmt}"
    await audit.record(s, actor, "report", "all", detail, now)
    return render_report(rows, fmt)


# ---- the roster ---------------------------------------------------------------------------


def _utc(moment: datetime | None) -> str:
    """A UTC time to the minute, or "-"."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


async def roster(s: AsyncSession, now: datetime, zone: str) -> list[tuple[str, ...]]:
    """Every client, then every invite still pending, as ROSTER_COLUMNS rows. The `_utc`
    columns are in UTC, as named; a pending invite's expiry ("until 2026-12-03 1:00 PM EST")
    is in `zone`, the program's, as every door shows it."""
    tracks = {tid: name for tid, name in (await s.execute(select(Track.id, Track.name))).all()}
    used = set(await s.scalars(select(Invite.client_id).where(Invite.client_id.is_not(None))))
    clients = await s.execute(
        select(Client.id, Client.pseudo_id, Client.label, Client.counselor, Client.status,
               Client.track_id, Client.enrolled_at, Client.last_seen_at, Client.discharged_at)
        .order_by(Client.created_at, Client.pseudo_id)
    )  # fmt: skip
    rows: list[tuple[str, ...]] = [
        (c.pseudo_id, c.label or "-", c.counselor or "-", c.status,
         "used" if c.id in used else "none", tracks.get(c.track_id, "-"),
         _utc(c.enrolled_at), _utc(c.last_seen_at), _utc(c.discharged_at))
        for c in clients
    ]  # fmt: skip
    # Not used, not revoked, not expired. One made before revision 0006 has no client id: "-".
    rows += [
        (p.pseudo_id or "-", p.label or "-", p.counselor or "-", INVITED,
         f"until {program_when(p.expires_at, zone)}", p.track or "-", "-", "-", "-")
        for p in await repo.pending_invites(s, now)
    ]  # fmt: skip
    return rows


def render_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces."""
    widths = [max(len(str(x)) for x in col) for col in zip(columns, *rows, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in (columns, *rows)]  # fmt: skip
    return "\n".join(lines) + "\n"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def as_text(cell: str) -> str:
    """`cell` as a spreadsheet shows it, never runs it: one that starts like a formula ('=',
    '+', '-', '@', a tab or carriage return) and is neither a number nor one character (the
    empty mark '-') gets a leading apostrophe (OWASP's advice on CSV injection): labels and
    counselors are typed by staff, and a spreadsheet would run '=HYPERLINK(...)'."""
    if len(cell) > 1 and cell.startswith(_FORMULA) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def render_csv(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A header row, then the rows, as CSV (each cell `as_text`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([as_text(str(cell)) for cell in row] for row in rows)
    return out.getvalue()


async def build_roster(
    s: AsyncSession, now: datetime, *, actor: str, zone: str, fmt: str = "text"
) -> str:
    """The roster as a text table (`fmt` "text") or as CSV ("csv"), audited as `actor`;
    times of day in `zone` (see `roster`)."""
    if fmt not in ("text", "csv"):
        raise ValueError(f"roster format {fmt!r}")
    rows = await roster(s, now, zone)
    clients = sum(1 for r in rows if r[3] != INVITED)
    detail = (
        f"{counted(clients, 'client', 'clients')}, "
        f"{counted(len(rows) - clients, 'pending invite', 'pending invites')}"
    )
    await audit.record(s, actor, "clients", "all", detail, now)
    render = render_table if fmt == "text" else render_csv
    return render(ROSTER_COLUMNS, rows)
