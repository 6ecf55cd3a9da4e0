"""`recovery-bot export|report|clients` as real processes on a real SQLite file."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from bot.domain.insights import REPORT_COLUMNS, report_csv_row, report_row
from bot.store import repo
from bot.store.database import Database, upgrade
from bot.store.history import load_history
from tests.export.seed import DAY, NOW, seed_client

ROOT = Path(__file__).resolve().parents[2]
SINCE = "2025-02-20"


class Cli:
    """`python -m bot ...` in a scratch directory, with the clock fixed at NOW + 3 days, run
    by the operating-system user "alice" (LOGNAME, which getpass reads first)."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.path = tmp_path / "program.db"
        self.url = f"sqlite:///{self.path}"
        (tmp_path / "clock").write_text((NOW + 3 * DAY).isoformat())

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ, "DATABASE_URL": self.url, "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": "", "CLOCK_FILE": str(self.tmp_path / "clock"),
            "PROGRAM_TIMEZONE": "America/Chicago", "LOGNAME": "alice",
        }  # fmt: skip
        return subprocess.run(
            [sys.executable, "-m", "bot", *args], capture_output=True, text=True,
            cwd=self.tmp_path, env=env, timeout=120,
        )  # fmt: skip

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        return result.stdout

    def fails(self, *args: str) -> str:
        """Run; expect exit 2, nothing on stdout and one line on stderr; return that line."""
        result = self.run(*args)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        return line

    def audit(self) -> list[tuple[str, str, str]]:
        with sqlite3.connect(self.path) as conn:
            return conn.execute(
                "SELECT actor, action, subject FROM audit_log ORDER BY id"
            ).fetchall()


async def _seed(url: str) -> tuple[list[str], list[str]]:
    """Two enrolled clients and one still enrolling; their pseudo ids and Telegram ids."""
    db = Database(url)
    try:
        async with db.transaction() as s:
            clients = [await seed_client(s, 7770001), await seed_client(s, 8880002)]
            await repo.create_client(
                s, tg_user_id=9990003, chat_id=9990003, now=NOW, language="en", timezone="UTC"
            )
            await repo.create_invite(s, now=NOW, expires_at=NOW + 7 * DAY, track="Evening IOP")
            return [c.pseudo_id for c in clients], [str(c.tg_user_id) for c in clients]
    finally:
        await db.dispose()


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    cli = Cli(tmp_path)
    upgrade(cli.url)
    return cli


@pytest.fixture
def seeded(cli: Cli) -> tuple[list[str], list[str]]:
    return asyncio.run(_seed(cli.url))


def test_export_writes_a_private_zip_and_prints_its_path(
    cli: Cli, seeded: tuple[list[str], list[str]]
) -> None:
    (mine, other), (_, other_tg) = seeded
    (cli.tmp_path / "exports" / "staff").mkdir(parents=True)
    [line] = cli.ok("export", "--client", mine, "--out", "exports/staff").splitlines()
    path = Path(line)
    assert path == cli.tmp_path / "exports" / "staff" / f"my-data-{mine}-2025-03-04.zip"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with zipfile.ZipFile(path) as archive:
        doc = json.loads(archive.read("export.json"))
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert doc["enrollment"]["pseudo_id"] == mine
    assert other.encode() not in everything and other_tg.encode() not in everything
    assert cli.audit() == [("cli:alice", "export", mine)]


def test_export_refuses_a_missing_folder_and_a_planted_link(
    cli: Cli, seeded: tuple[list[str], list[str]]
) -> None:
    (mine, _), _ = seeded
    assert cli.fails("export", "--client", mine, "--out", "nowhere") == (
        "error: --out: no folder 'nowhere'"
    )
    assert cli.audit() == []  # refused before anything was read
    elsewhere = cli.tmp_path / "elsewhere.zip"
    (cli.tmp_path / f"my-data-{mine}-2025-03-04.zip").symlink_to(elsewhere)
    assert "is a symbolic link" in cli.fails("export", "--client", mine, "--out", ".")
    assert not elsewhere.exists()


def test_report_refuses_a_planted_link(cli: Cli, seeded: object) -> None:
    elsewhere = cli.tmp_path / "elsewhere.csv"
    (cli.tmp_path / "r.csv").symlink_to(elsewhere)
    assert "is a symbolic link" in cli.fails("report", "--since", SINCE, "--out", "r.csv")
    assert not elsewhere.exists()
    assert cli.audit() == []


def test_export_refuses_an_unknown_client(cli: Cli, seeded: object) -> None:
    assert cli.fails("export", "--client", "c-00000000") == "error: no client with id 'c-00000000'"
    assert cli.audit() == []


def test_report_csv_has_one_pseudonymous_row_per_enrolled_client(
    cli: Cli, seeded: tuple[list[str], list[str]]
) -> None:
    (mine, other), tg_ids = seeded
    out = cli.ok("report", "--since", SINCE)
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert header == list(REPORT_COLUMNS)
    assert sorted(row[0] for row in rows) == sorted([mine, other])  # not the one enrolling
    assert not [t for t in tg_ids if t in out] and "Ana" not in out
    assert next(row for row in rows if row[0] == mine) == asyncio.run(_expected_row(cli.url))
    assert cli.audit() == [("cli:alice", "report", "all")]


async def _expected_row(url: str) -> list[str]:
    """The first client's row, computed in this process from its history."""
    db = Database(url)
    try:
        async with db.transaction() as s:
            h = await load_history(s, 1)
    finally:
        await db.dispose()
    assert h is not None
    return report_csv_row(report_row(h, date.fromisoformat(SINCE), (NOW + 3 * DAY).date()))


def test_report_as_markdown_into_a_file(cli: Cli, seeded: tuple[list[str], list[str]]) -> None:
    (mine, _), _ = seeded
    [line] = cli.ok("report", "--since", SINCE, "--format", "md", "--out", "r.md").splitlines()
    assert Path(line) == cli.tmp_path / "r.md"
    lines = (cli.tmp_path / "r.md").read_text().splitlines()
    assert lines[0] == "| " + " | ".join(REPORT_COLUMNS) + " |"
    assert len(lines) == 4 and any(row.startswith(f"| {mine} |") for row in lines)
    assert stat.S_IMODE((cli.tmp_path / "r.md").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--since", "2025-02-30"], "error: --since: '2025-02-30' is not a date; use YYYY-MM-DD"),
        (["--since", "yesterday"], "error: --since: 'yesterday' is not a date; use YYYY-MM-DD"),
        (["--since", "2025-03-05"], "error: --since: 2025-03-05 is after today (2025-03-04)"),
        (["--since", SINCE, "--format", "xlsx"], "error: --format: 'xlsx' is not one of csv, md"),
        (["--since", SINCE, "--out", "no/such/r.csv"], "error: --out: no folder"),
    ],
)
def test_report_refuses_bad_input(cli: Cli, args: list[str], error: str) -> None:
    assert cli.fails("report", *args).startswith(error)
    assert cli.audit() == []


def test_clients_lists_the_roster_with_invites(
    cli: Cli, seeded: tuple[list[str], list[str]]
) -> None:
    (mine, other), tg_ids = seeded
    header, *rows = [line.split() for line in cli.ok("clients").splitlines()]
    assert header == [
        "pseudo_id", "label", "counselor", "status", "invite", "track", "enrolled_utc",
        "last_active_utc", "discharged_utc",
    ]  # fmt: skip
    by_id = {row[0]: row for row in rows}
    assert by_id[mine][1:6] == by_id[other][1:6] == ["-", "-", "active", "used", "-"]
    assert by_id[mine][6:8] == ["2025-03-01", "12:00"]  # enrolled at NOW, in UTC
    assert by_id[mine][-1] == "-"  # not discharged
    [enrolling] = [row for row in rows if row[3] == "enrolling"]
    assert enrolling[4:7] == ["none", "-", "-"]
    assert rows[-1][0].startswith("c-")  # the id the invite's client will have
    # Its expiry in the program's zone, as every staff time: 12:00 UTC is 6 AM in Chicago.
    assert rows[-1][1:9] == ["-", "-", "invited", "until", "2025-03-08", "6:00", "AM", "CST"]
    assert len(rows) == 4
    assert not [t for t in tg_ids if t in str(rows)]
    assert cli.audit() == [("cli:alice", "clients", "all")]
