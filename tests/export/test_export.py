"""The export zip holds every row of its client and nothing of anyone else's, on both backends."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.service.export import WITHHELD, build_export
from bot.service.staff import StaffDesk
from bot.store import audit, repo, schedules
from bot.store.database import Database
from bot.store.models import AuditEntry, Base, Client
from tests.export.seed import NOW, seed_client

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def _csv_cell(value: Any) -> str:
    """What a CSV cell must hold for a JSON value (written independently of the exporter)."""
    if value is None:
        return ""
    if value is True or value is False:
        return str(value).lower()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, str) and value[:1] in FORMULA:
        return "'" + value
    return str(value)


async def _db_rows(s: AsyncSession, table: Table, client_id: int) -> list[dict[str, Any]]:
    """The client's rows of `table` straight from the database, as export.json should hold them."""
    key = table.c.id if table.name == "clients" else table.c.client_id
    result = await s.execute(select(table).where(key == client_id).order_by(*table.primary_key))
    return [
        {k: _json_value(v) for k, v in row.items() if (table.name, k) not in WITHHELD}
        for row in result.mappings()
    ]


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def _csv_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return header, rows


async def _two_clients(db: Database) -> tuple[Client, Client]:
    async with db.transaction() as s:
        track = await schedules.create_track(s, "Evening IOP", "America/Chicago", NOW)
        await schedules.add_session(
            s, track_id=track.id, kind="group", weekday=0, start_time="18:00",
            duration_min=180, timezone="America/Chicago", created_at=NOW,
        )  # fmt: skip
        mine = await seed_client(s, 7770001, track.id)
        other = await seed_client(s, 8880002)
        await repo.add_crisis_event(s, None, NOW, 1, "text", "lines")  # a stranger's
    return mine, other


async def test_export_holds_every_row_of_the_client_and_none_of_another(
    store_db: Database,
) -> None:
    mine, other = await _two_clients(store_db)
    async with store_db.transaction() as s:
        name, data = await build_export(s, mine.id, NOW)
    files = _unzip(data)
    tables = [Base.metadata.tables[m.__tablename__] for m in repo.client_tables()]
    assert set(files) == {"README.txt", "export.json", "enrollment.csv"} | {
        f"{t.name}.csv" for t in tables
    }
    doc = json.loads(files["export.json"])
    async with store_db.transaction() as s:
        [enrollment] = await _db_rows(s, Client.__table__, mine.id)  # type: ignore[arg-type]
        assert doc["enrollment"] == {**enrollment, "track": "Evening IOP"}
        for table in tables:
            expected = await _db_rows(s, table, mine.id)
            assert expected, f"the seed left {table.name} empty, which would prove nothing"
            assert doc[table.name] == expected, table.name
            header, rows = _csv_rows(files[f"{table.name}.csv"])
            assert header == list(expected[0])
            assert rows == [[_csv_cell(v) for v in row.values()] for row in expected]
    header, rows = _csv_rows(files["enrollment.csv"])
    assert dict(zip(header, rows[0], strict=True)) == {
        k: _csv_cell(v) for k, v in doc["enrollment"].items()
    }
    for needle in (other.pseudo_id, str(other.tg_user_id), str(other.chat_id)):
        assert needle.encode() not in data
        assert not [n for n, content in files.items() if needle.encode() in content], needle
    assert name == f"my-data-{mine.pseudo_id}-2025-03-01.zip"
    assert mine.pseudo_id.encode() in files["export.json"]


async def test_no_row_of_another_client_is_exported_by_id(store_db: Database) -> None:
    mine, other = await _two_clients(store_db)
    async with store_db.transaction() as s:
        _, data = await build_export(s, mine.id, NOW)
        doc = json.loads(_unzip(data)["export.json"])
        for model in repo.client_tables():
            table = Base.metadata.tables[model.__tablename__]
            theirs = await _db_rows(s, table, other.id)
            assert theirs
            assert not [row for row in doc[table.name] if row in theirs], table.name
            assert {row["client_id"] for row in doc[table.name]} == {mine.id}


async def test_csv_keeps_typed_text_from_running_as_a_formula(db: Database) -> None:
    mine, _ = await _two_clients(db)
    async with db.transaction() as s:
        _, data = await build_export(s, mine.id, NOW)
    files = _unzip(data)
    header, [row] = _csv_rows(files["enrollment.csv"])
    assert dict(zip(header, row, strict=True))["reasons"] == "'=my kids\n- staying well"
    assert json.loads(files["export.json"])["enrollment"]["reasons"] == "=my kids\n- staying well"
    assert b"code_hash" not in data and b"code_hash" not in b"".join(files.values())
    assert "Every .csv file starts with a header row" in files["README.txt"].decode()


async def test_export_is_audited_in_its_own_transaction(store_db: Database) -> None:
    mine, other = await _two_clients(store_db)
    async with store_db.transaction() as s:
        name, _ = await build_export(s, mine.id, NOW)
    desk = StaffDesk(store_db, Settings(), lambda: NOW)  # staff at the command line
    await desk.export(other.pseudo_id)
    async with store_db.transaction() as s:
        found = [(e.actor, e.action, e.subject) for e in await audit.entries(s, action="export")]
        [entry] = await audit.entries(s, subject=mine.pseudo_id)
    assert sorted(found) == sorted(
        [
            (f"client:{mine.pseudo_id}", "export", mine.pseudo_id),
            ("cli", "export", other.pseudo_id),
        ]
    )
    assert entry.detail.startswith(name) and entry.at == NOW


async def test_a_failed_export_leaves_no_audit_entry(db: Database) -> None:
    with pytest.raises(LookupError):
        async with db.transaction() as s:
            await build_export(s, 424242, NOW)
    async with db.transaction() as s:
        assert list(await audit.entries(s)) == []


async def test_the_audit_log_is_not_client_data_and_outlives_delete(db: Database) -> None:
    assert AuditEntry not in repo.client_tables()
    assert "client_id" not in AuditEntry.__table__.c
    mine, _ = await _two_clients(db)
    async with db.transaction() as s:
        await build_export(s, mine.id, NOW)
    async with db.transaction() as s:
        await repo.delete_client(s, mine.id)
    async with db.transaction() as s:
        assert [e.subject for e in await audit.entries(s)] == [mine.pseudo_id]


async def test_audit_record_checks_its_input(db: Database) -> None:
    async with db.transaction() as s:
        with pytest.raises(ValueError, match="unknown audit action"):
            await audit.record(s, "cli", "peek", "all", "", NOW)
        with pytest.raises(ValueError, match="actor or subject"):
            await audit.record(s, "", "report", "all", "", NOW)
        entry = await audit.record(s, "staff:4440001", "share", "c-1", "x" * 500, NOW)
    assert len(entry.detail) == 200


async def test_the_file_name_uses_the_clients_local_date(db: Database) -> None:
    mine, _ = await _two_clients(db)
    async with db.transaction() as s:
        client = await repo.get_client(s, mine.id)
        assert client is not None
        client.timezone = "Pacific/Auckland"  # already 2 March there at noon UTC
        name, _ = await build_export(s, mine.id, NOW)
    assert name == f"my-data-{mine.pseudo_id}-2025-03-02.zip"
