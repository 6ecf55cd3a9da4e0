"""The audit log names a person, reads back in the program's zone, and its reading is audited;
the report shows each client's crisis notices: how many, taken by whom, how soon, repeats.

On a real database (SQLite file, and PostgreSQL when reachable), with a fixed clock."""

from __future__ import annotations

import csv
import getpass
import io
import json
import os
import zipfile
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.domain.conversation import model as m
from bot.domain.insights import REPORT_COLUMNS
from bot.domain.staff_input import AdminError
from bot.service import staff as staff_module
from bot.service.backend import Backend
from bot.service.conversation import Service
from bot.service.notices import renotify_due
from bot.service.staff import StaffDesk, cli_actor
from bot.store import audit, repo
from bot.store.database import Database
from bot.store.models import AuditEntry, CrisisEvent
from tests.service.test_service import ANA, BEN, T0, Clock, enroll

STAFF_CHAT = -100500
ZONE = "America/New_York"


@pytest.fixture
def clock() -> Clock:
    return Clock()


# ---- who is at the command line --------------------------------------------------------------


def test_as_name_is_the_actor_and_is_checked() -> None:
    assert cli_actor("alice") == "cli:alice"
    assert cli_actor("  Dana R ") == "cli:Dana R"  # outer spaces trimmed, inner kept
    assert cli_actor("é" * 60) == "cli:" + "é" * 60  # 64 characters: the column's width
    for bad in ("", "   ", "x" * 61, "ana\nbob", "tab\there", "bell\x07", "zero\u200bwidth"):
        with pytest.raises(AdminError, match=r"^--as must be 1-60 printable characters"):
            cli_actor(bad)


def test_without_as_the_operating_system_user_is_the_actor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOGNAME", "bob")  # getpass.getuser() reads LOGNAME first
    assert cli_actor() == "cli:bob"
    assert cli_actor("alice") == "cli:alice"  # --as wins


@pytest.mark.parametrize("found", [OSError("no user"), KeyError(1234), "x" * 61, "a\nb"])
def test_an_unknown_or_unfit_user_falls_back_to_the_uid(
    monkeypatch: pytest.MonkeyPatch, found: object
) -> None:
    def getuser() -> str:
        if isinstance(found, BaseException):
            raise found
        return str(found)

    monkeypatch.setattr(staff_module.getpass, "getuser", getuser)
    assert cli_actor() == f"cli:uid-{os.getuid()}"


def test_the_command_line_backend_audits_as_the_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOGNAME", "carol")
    backend = Backend(Database("sqlite:///:memory:"), load_settings(_env_file=None), lambda: T0)
    assert backend.staff().actor == "cli:carol"
    assert backend.staff(cli_actor("dana")).actor == "cli:dana"
    assert backend.staff("staff:7").actor == "staff:7"
    assert getpass.getuser() == "carol"  # the same source the default read


# ---- reading the audit log ----------------------------------------------------------------------


async def test_audit_lines_read_the_log_in_order_in_the_programs_zone(
    store_db: Database,
) -> None:
    settings = load_settings(program_timezone=ZONE, _env_file=None)
    at = [
        datetime(2026, 11, 30, 4, 30, tzinfo=UTC),  # 23:30 EST on Nov 29
        datetime(2026, 11, 30, 5, 0, tzinfo=UTC),  # 00:00 EST on Nov 30
        datetime(2026, 11, 30, 7, 7, tzinfo=UTC),
    ]
    async with store_db.transaction() as s:
        # Written out of time order: the lines come by time, then by the order written.
        await audit.record(s, "staff:7101", "ack", "c-3f9a1b2c", "crisis notice 4, tier 1", at[2])
        await audit.record(s, "cli:alice", "report", "all", "since 2026-11-01, 3 rows, csv", at[0])
        await audit.record(s, "bot", "renotify", "c-3f9a1b2c", "crisis notice 4, repeat 1", at[1])
    clock = Clock()
    clock.now = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    desk = StaffDesk(store_db, settings, clock, actor="cli:dana")
    assert await desk.audit_lines() == [
        "2026-11-29 23:30 EST  cli:alice   report    all         since 2026-11-01, 3 rows, csv",
        "2026-11-30 00:00 EST  bot         renotify  c-3f9a1b2c  crisis notice 4, repeat 1",
        "2026-11-30 02:07 EST  staff:7101  ack       c-3f9a1b2c  crisis notice 4, tier 1",
    ]
    # From the program's midnight of that day: 23:30 EST the day before is not in it; the
    # first reading (10:00 EST) is.
    since = await desk.audit_lines(date(2026, 11, 30))
    assert [line[:16] for line in since] == [
        "2026-11-30 00:00", "2026-11-30 02:07", "2026-11-30 10:00"
    ]  # fmt: skip
    assert since[0].startswith("2026-11-30 00:00 EST  bot ")
    assert (
        since[2] == "2026-11-30 10:00 EST  cli:dana    audit     all         whole log: 3 entries"
    )
    # Each reading was audited, as the reader: the next reading shows them.
    async with store_db.transaction() as s:
        readings = (await s.scalars(select(AuditEntry).where(AuditEntry.action == "audit"))).all()
    assert [(e.actor, e.subject, e.detail) for e in readings] == [
        ("cli:dana", "all", "whole log: 3 entries"),
        ("cli:dana", "all", "since 2026-11-30: 3 entries"),
    ]
    last = await StaffDesk(store_db, settings, clock, actor="staff:7").audit_lines(
        date(2026, 11, 30)
    )
    assert last[-1].endswith("cli:dana    audit     all         since 2026-11-30: 3 entries")


async def test_audit_lines_refuse_a_day_after_today_and_read_nothing(
    store_db: Database,
) -> None:
    clock = Clock()  # Thu Nov 26 2026, 13:00 in New York
    desk = StaffDesk(store_db, load_settings(_env_file=None), clock, actor="cli:dana")
    with pytest.raises(AdminError, match=r"^since: 2026-11-27 is after today \(2026-11-26\)$"):
        await desk.audit_lines(date(2026, 11, 27))
    assert await desk.audit_lines(date(2026, 11, 26)) == []  # an empty log: no lines
    async with store_db.transaction() as s:
        entries = (await s.scalars(select(AuditEntry))).all()
    assert [(e.actor, e.action, e.detail) for e in entries] == [
        ("cli:dana", "audit", "since 2026-11-26: 0 entries")  # the refused one left nothing
    ]


# ---- crisis notices in the report ------------------------------------------------------------


def _row(report: str, pseudo_id: str) -> dict[str, str]:
    [row] = [r for r in csv.DictReader(io.StringIO(report)) if r["pseudo_id"] == pseudo_id]
    return row


async def test_the_report_shows_each_clients_notices_who_took_them_and_repeats(
    store_db: Database, clock: Clock
) -> None:
    settings = load_settings(
        enrollment="invite", staff_chat_id=STAFF_CHAT, staff_user_ids="7101", _env_file=None
    )
    svc = Service(store_db, settings, clock)
    ana, ben = await enroll(svc, ANA, label="A-17", counselor="Dana"), await enroll(svc, BEN)
    await ana.send(m.Text("I want to end my life tonight"))  # T0: a notice
    for minutes in (15, 30):  # nobody takes it: two repeats
        assert await renotify_due(store_db, T0 + timedelta(minutes=minutes), settings) == 1
    clock.now = T0 + timedelta(minutes=31, seconds=40)
    async with store_db.transaction() as s:
        [event] = (await s.scalars(select(CrisisEvent))).all()
    desk = StaffDesk(store_db, settings, clock, actor="staff:7101")
    assert (await desk.acknowledge(event.id, "Dana")).first
    clock.now = T0 + timedelta(hours=2)
    await ana.send(m.Text("I want to end my life tonight"))  # a second notice, never taken
    clock.now = T0 + timedelta(hours=3)
    await ana.send(m.Text("I drank last night"))  # tier 3: recorded, no notice
    await ben.send(m.Text("hello"))
    clock.now = T0 + timedelta(hours=4)
    report = await StaffDesk(store_db, settings, clock, actor="cli:alice").report(
        date(2026, 11, 20), "csv"
    )
    assert next(csv.reader(io.StringIO(report))) == list(REPORT_COLUMNS)
    assert REPORT_COLUMNS[-4:] == ("crisis_notices", "notices_taken", "taken_by", "notice_repeats")
    async with store_db.transaction() as s:
        ana_id = (await repo.get_client_by_tg(s, ANA.user_id)).pseudo_id  # type: ignore[union-attr]
        ben_id = (await repo.get_client_by_tg(s, BEN.user_id)).pseudo_id  # type: ignore[union-attr]
    row = _row(report, ana_id)
    assert row["crisis_by_tier"] == "1=2;3=1"  # the columns before are as they were
    assert (row["crisis_notices"], row["notices_taken"], row["notice_repeats"]) == ("2", "1", "2")
    assert row["taken_by"] == "Dana (31 min)"  # from the client's message to the tap
    assert "7101" not in report  # the staff member's Telegram id is never in the report
    none = _row(report, ben_id)
    assert [none[c] for c in REPORT_COLUMNS[-4:]] == ["0", "0", "", "0"]
    md = await StaffDesk(store_db, settings, clock).report(date(2026, 11, 20), "md")
    assert md.splitlines()[0].endswith(" | crisis_notices | notices_taken | taken_by | "
                                       "notice_repeats |")  # fmt: skip
    assert f"| {ana_id} | A-17 | Dana |" in md and "| 2 | 1 | Dana (31 min) | 2 |" in md
    # The client's own export keeps the name and the time, never the staff member's id.
    async with store_db.transaction() as s:
        client = await repo.get_client_by_tg(s, ANA.user_id)
        assert client is not None
    _, data = await StaffDesk(store_db, settings, clock).export(client.pseudo_id)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        doc = json.loads(archive.read("export.json"))
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert [e["ack_name"] for e in doc["crisis_events"]] == ["Dana", None, None]
    assert b"7101" not in everything and b"ack_by" not in everything
