"""A client's whole record as a zip: `export.json`, one CSV file per table, and a README.

The content is generated from the client row and `repo.client_tables()`: every table with a
client_id is exported, filtered on that client_id, so a table added later is included without
touching this file and no other client's row can get in. Used by /export (the client's own
copy) and `recovery-bot export` (staff); each export is audited in the same transaction."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.locales.formats import counted
from bot.store import audit, repo
from bot.store.models import Base, Client, Track

FORMAT = 1
# Withheld: a hash of the invite code is a credential, not information about the person, and
# has no business in a file that leaves the bot; nor has the Telegram id of the staff member
# who took a crisis notice (their first name and the time stay: the client's record).
WITHHELD = frozenset({("invites", "code_hash"), ("crisis_events", "ack_by")})
# Spreadsheet programs run a cell starting with one of these as a formula. Text the client or
# staff typed (reasons, notes, places) gets a leading apostrophe in the CSV files so it stays
# text; export.json keeps every value exactly as stored.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

README = """\
Your data from the recovery companion bot
=========================================

This archive holds everything the bot stored about you on {date}, under the id {pseudo_id}.
It contains health information: keep it somewhere private.

export.json          the whole record in one file: "enrollment" (your settings and what
                     you told the bot when you joined) and one list per kind of record.
enrollment.csv       the same enrollment details as one spreadsheet row.
{tables}
Every .csv file starts with a header row naming its columns; a file with only the header
means there is nothing of that kind. Times are in UTC (ISO 8601, e.g.
2026-11-26T19:30:00+00:00); "local_date" is the day in your own time zone. Lists (such as
triggers) are written as JSON text. In the .csv files, text that starts with = + - or @ has
an apostrophe in front so that spreadsheet programs do not run it as a formula.

In reminders, "status" is one of: sent; missed (not sent, "detail" says why); failed
(Telegram refused it); uncertain (sent, but Telegram's answer never came, so it may or may
not have reached you; it was not sent again); or due, claimed, sending (not yet sent).

Left out on purpose: the invite code's hash, which is a one-time password, not information
about you. The bot keeps no transcript of your chat: only the records listed above.
"""

TABLE_NOTES = {
    "invites": "the invite you joined with",
    "consents": "each version of the consent you accepted, and when",
    "conversations": "where you were in a conversation with the bot, and its unsaved answers",
    "checkins": "daily check-ins: mood, craving, sleep, stress, medication, triggers",
    "cravings": "cravings you logged, what you did and how it went",
    "trigger_logs": "triggers you noted",
    "coping_outcomes": "coping skills you tried and whether they helped",
    "crisis_events": "times the bot showed crisis help: level and what was shown",
    "sessions": "sessions scheduled just for you (your track's group sessions are not listed)",
    "reminders": "reminders the bot planned or sent you, and what became of each",
    "attendance": "your answers to session reminders",
}


def _plain(value: Any) -> Any:
    """A JSON-ready value: times and dates as ISO 8601 text, everything else as stored."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    """A CSV cell for a plain value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return str(value)


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """A CSV document with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(row[c]) for c in columns] for row in rows)
    return out.getvalue()


def _columns(table: Table) -> list[str]:
    """The table's exported columns, in table order."""
    return [c.name for c in table.columns if (table.name, c.name) not in WITHHELD]


async def _rows(s: AsyncSession, table: Table, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Rows of `table` matching `where`, as plain dicts, oldest (lowest key) first."""
    columns = _columns(table)
    stmt = select(*(table.c[c] for c in columns)).where(where)
    result = await s.execute(stmt.order_by(*table.primary_key.columns))
    return [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in result]


def _tables() -> list[Table]:
    """The client row's table, then every table with a client_id (known ones in README order,
    any newer one after them)."""
    names = [m.__tablename__ for m in repo.client_tables()]
    order = list(TABLE_NOTES)
    names.sort(key=lambda n: (order.index(n), "") if n in order else (len(order), n))
    return [Base.metadata.tables[name] for name in [Client.__tablename__, *names]]


async def collect(s: AsyncSession, client: Client, now: datetime) -> dict[str, Any]:
    """The export document: the enrollment row, then every client table's rows of this client."""
    clients, *tables = _tables()
    [enrollment] = await _rows(s, clients, clients.c.id == client.id)
    track = await s.get(Track, client.track_id) if client.track_id is not None else None
    enrollment["track"] = track.name if track else None
    doc: dict[str, Any] = {
        "format": FORMAT, "exported_at": _plain(now.astimezone(UTC)), "enrollment": enrollment,
    }  # fmt: skip
    for table in tables:
        doc[table.name] = await _rows(s, table, table.c.client_id == client.id)
    return doc


def _members(doc: dict[str, Any], pseudo_id: str, day: date) -> dict[str, str]:
    """The files of the zip, by name: README, export.json and the CSV files."""
    tables = _tables()[1:]
    width = max(21, *(len(t.name) + 6 for t in tables))  # as wide as the README's own column
    listing = "".join(
        f"{t.name + '.csv':<{width}}{TABLE_NOTES.get(t.name, 'records of this kind')}\n"
        for t in tables
    )
    enrollment = doc["enrollment"]
    members = {
        "README.txt": README.format(date=day, pseudo_id=pseudo_id, tables=listing),
        "export.json": json.dumps(doc, ensure_ascii=False, indent=2) + "\n",
        "enrollment.csv": _csv(list(enrollment), [enrollment]),
    }
    for table in tables:
        members[f"{table.name}.csv"] = _csv(_columns(table), doc[table.name])
    return members


def _zip(members: dict[str, str], now: datetime) -> bytes:
    """A deflated zip of text files, stamped with the export time."""
    buffer = io.BytesIO()
    stamp = now.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16  # unpacked, readable by its owner only
            # A byte-order mark on the CSV files makes spreadsheet programs read them as UTF-8
            # (accented Spanish text otherwise comes out garbled).
            encoding = "utf-8-sig" if name.endswith(".csv") else "utf-8"
            archive.writestr(info, text.encode(encoding))
    return buffer.getvalue()


def _local_date(now: datetime, zone: str) -> date:
    """Today in the client's time zone (UTC if the zone is unknown)."""
    try:
        return now.astimezone(ZoneInfo(zone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return now.astimezone(UTC).date()


async def build_export(
    s: AsyncSession, client_id: int, now: datetime, *, actor: str | None = None
) -> tuple[str, bytes]:
    """The zip's file name and bytes; audited as `actor` (default: the client themself)."""
    client = await s.get(Client, client_id)
    if client is None:
        raise LookupError(f"no client with id {client_id}")
    doc = await collect(s, client, now)
    day = _local_date(now, client.timezone)
    name = f"my-data-{client.pseudo_id}-{day.isoformat()}.zip"
    data = _zip(_members(doc, client.pseudo_id, day), now)
    rows = sum(len(v) for v in doc.values() if isinstance(v, list))
    # In the caller's transaction: if the audit entry cannot be written, no export happens.
    detail = f"{name}: {counted(rows, 'row', 'rows')}"
    await audit.record(
        s, actor or f"client:{client.pseudo_id}", "export", client.pseudo_id, detail, now
    )
    return name, data
