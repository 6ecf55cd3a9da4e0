"""`recovery-bot track|session|invite --track` as real processes on a real SQLite file."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.store import repo
from bot.store.database import Database

ROOT = Path(__file__).resolve().parents[2]
EVENING = ["--track", "Evening IOP"]
WEEKLY = ["--kind", "group", "--weekly", "mon,wed,thu", "--start", "18:00", "--length", "180"]


class Cli:
    """`python -m bot ...` in a scratch directory, against this test's database."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.path = tmp_path / "admin.db"
        self.url = f"sqlite:///{self.path}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ, "DATABASE_URL": self.url, "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": "", "PROGRAM_TIMEZONE": "America/Chicago",
        }  # fmt: skip
        return subprocess.run(
            [sys.executable, "-m", "bot", *args], capture_output=True, text=True,
            cwd=self.tmp_path, env=env, timeout=120,
        )  # fmt: skip

    def ok(self, *args: str) -> list[str]:
        """Run; expect exit 0 and nothing on stderr; return the printed lines."""
        result = self.run(*args)
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        return result.stdout.splitlines()

    def fails(self, *args: str) -> str:
        """Run; expect exit 2 and one line on stderr; return that line."""
        result = self.run(*args)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        return line

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.path) as conn:
            return conn.execute(sql).fetchall()

    def add_client(self, timezone: str, track: str | None = None) -> str:
        """An enrolled client (as the bot would create one); returns the pseudonymous id."""
        return asyncio.run(_add_client(self.url, timezone, track))


async def _add_client(url: str, timezone: str, track: str | None) -> str:
    db = Database(url)
    try:
        async with db.transaction() as s:
            client = await repo.create_client(
                s, tg_user_id=5550001, chat_id=5550001, now=datetime.now(UTC), language="en",
                timezone=timezone,
            )  # fmt: skip
            if track is not None:
                from bot.store.schedules import get_track

                found = await get_track(s, track)
                client.track_id = found.id if found else None
            return client.pseudo_id
    finally:
        await db.dispose()


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def test_tracks_add_list_remove(cli: Cli) -> None:
    assert cli.ok("track", "list") == ["no tracks yet"]
    assert cli.ok("track", "add", "Evening IOP") == ["added track Evening IOP (America/Chicago)"]
    assert cli.ok("track", "add", "Morning", "--timezone", "America/Los_Angeles") == [
        "added track Morning (America/Los_Angeles)"
    ]
    cli.ok("session", "add", *EVENING, *WEEKLY)
    cli.add_client("America/New_York", track="Evening IOP")
    assert cli.ok("track", "list") == [
        "Evening IOP (America/Chicago): 3 sessions, 1 client",
        "Morning (America/Los_Angeles): 0 sessions, 0 clients",
    ]
    assert cli.ok("track", "remove", "Evening IOP") == [
        "removed track Evening IOP (America/Chicago) with 3 sessions; "
        "1 client left without a track"
    ]
    assert cli.rows("select name from tracks") == [("Morning",)]
    assert cli.rows("select count(*) from sessions") == [(0,)]
    assert cli.rows("select track_id from clients") == [(None,)]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["add", "Evening", "--timezone", "Mars/Base"], "unknown time zone 'Mars/Base'"),
     # A fixed offset is refused naming the zone to use ("new york" now reads as the
     # client side reads it: America/New_York).
     (["add", "Evening", "--timezone", "UTC-5"], "fixed offset (UTC-5 all year, no daylight "
                                                 "saving), not a place's time zone; use the "
                                                 "IANA name of the place, e.g. America/New_York"),
     (["add", "x" * 65], "track name must be 1-64 characters"),
     (["add", "Morning"], "track 'Morning' already exists"),
     (["remove", "Nope"], "no track named 'Nope'")],
)  # fmt: skip
def test_track_errors(cli: Cli, args: list[str], message: str) -> None:
    cli.ok("track", "add", "Morning")
    assert message in cli.fails("track", *args)
    assert cli.rows("select name from tracks") == [("Morning",)]


def test_weekly_track_sessions(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP", "--timezone", "America/New_York")
    added = cli.ok("session", "add", *EVENING, *WEEKLY, "--place", "Room 4, 2nd floor")
    assert added == [
        f"added #{i}  track Evening IOP  group  {day} 18:00-21:00 America/New_York  "
        "Room 4, 2nd floor"
        for i, day in ((1, "Mon"), (2, "Wed"), (3, "Thu"))
    ]
    rows = cli.rows(
        "select track_id, client_id, kind, weekday, once_date, start_time, duration_min, "
        "timezone from sessions order by id"
    )
    assert rows == [
        (1, None, "group", d, None, "18:00", 180, "America/New_York") for d in (0, 2, 3)
    ]
    assert cli.ok("session", "remove", "2") == [
        "removed #2  track Evening IOP  group  Wed 18:00-21:00 America/New_York  Room 4, 2nd floor"
    ]
    assert [line.split("  ")[0] for line in cli.ok("session", "list", *EVENING)] == ["#1", "#3"]
    assert "no session 2" in cli.fails("session", "remove", "2")


def test_client_sessions_use_the_clients_zone(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP")
    cli.ok("session", "add", *EVENING, "--kind", "group", "--weekly", "tue", "--start", "18:00",
           "--length", "90")  # fmt: skip
    pseudo = cli.add_client("America/Los_Angeles", track="Evening IOP")
    once = ["--kind", "family", "--once", "2099-12-03", "--start", "10:00", "--length", "50"]
    assert cli.ok("session", "add", "--client", pseudo, *once) == [
        f"added #2  client {pseudo}  family  2099-12-03 10:00-10:50 America/Los_Angeles"
    ]
    cli.ok("session", "add", "--client", pseudo, "--kind", "individual", "--weekly", "friday",
           "--start", "23:30", "--length", "60", "--place", "https://meet.example/x")  # fmt: skip
    mine = cli.ok("session", "list", "--client", pseudo)
    assert mine == [
        "#1  track Evening IOP  group  Tue 18:00-19:30 America/Chicago",
        f"#2  client {pseudo}  family  2099-12-03 10:00-10:50 America/Los_Angeles",
        f"#3  client {pseudo}  individual  Fri 23:30-00:30 (+1 day) America/Los_Angeles  "
        "https://meet.example/x",
    ]
    assert cli.ok("session", "list") == mine
    assert cli.ok("session", "list", *EVENING) == mine[:1]
    assert "not both" in cli.fails("session", "list", *EVENING, "--client", pseudo)
    assert "no client with id 'c-nobody'" in cli.fails("session", "list", "--client", "c-nobody")


BAD_SESSIONS = [
    (["--weekly", "mon,fry"], "unknown day 'fry'"),
    (["--start", "24:00"], "invalid start time '24:00'"),
    (["--start", "6pm"], "invalid start time"),
    (["--length", "4"], "invalid length '4'"),
    (["--kind", "party"], "unknown kind 'party'"),
    (["--track", "Nope"], "no track named 'Nope'"),
    (["--track", None, "--client", "c-nobody"], "no client with id 'c-nobody'"),
    (["--weekly", None, "--once", "2020-01-01"], "date 2020-01-01 is in the past"),
    (["--weekly", None, "--once", "2099-02-30"], "invalid date"),
    (["--weekly", None], "exactly one of --weekly DAYS or --once"),
    (["--place", "x" * 201], "at most 200"),
]


def _replace(base: list[str], changes: list[str | None]) -> list[str]:
    """`base` options with some values changed; a None value drops that option."""
    out = dict(zip(base[::2], base[1::2], strict=True))
    out.update(zip(changes[::2], changes[1::2], strict=True))  # type: ignore[arg-type]
    return [word for key, value in out.items() if value is not None for word in (key, value)]


@pytest.mark.parametrize(("changes", "message"), BAD_SESSIONS)
def test_session_errors(cli: Cli, changes: list[str | None], message: str) -> None:
    cli.ok("track", "add", "Evening IOP")
    assert message in cli.fails("session", "add", *_replace([*EVENING, *WEEKLY], changes))
    assert cli.rows("select count(*) from sessions") == [(0,)]


def test_invite_for_a_track(cli: Cli) -> None:
    assert "no track named 'Evening IOP'" in cli.fails("invite", *EVENING)
    assert cli.rows("select count(*) from invites") == [(0,)]
    cli.ok("track", "add", "Evening IOP")
    out = cli.ok("invite", "--track", "  Evening   IOP ", "--expires", "7d")
    assert out[1].startswith("link: https://t.me/<your_bot>?start=")
    cli.ok("invite")
    assert cli.rows("select track from invites order by id") == [("Evening IOP",), (None,)]


def test_the_same_session_twice_is_refused_and_an_overlap_warned(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP", "--timezone", "America/New_York")
    cli.ok("session", "add", *EVENING, *WEEKLY)
    again = ["--kind", "group", "--weekly", "wed", "--start", "18:00", "--length", "90"]
    line = cli.fails("session", "add", *EVENING, *again)
    assert line == (
        "error: this session exists already: "
        "#2  track Evening IOP  group  Wed 18:00-21:00 America/New_York"
    ), line
    family = ["--kind", "family", "--weekly", "wed,fri", "--start", "20:00", "--length", "60"]
    assert cli.ok("session", "add", *EVENING, *family) == [
        "added #4  track Evening IOP  family  Wed 20:00-21:00 America/New_York",
        "added #5  track Evening IOP  family  Fri 20:00-21:00 America/New_York",
        "warning: overlaps #2  track Evening IOP  group  Wed 18:00-21:00 America/New_York",
    ]
    assert cli.rows("select count(*) from sessions") == [(5,)]


def test_a_one_off_session_that_already_began_today_is_refused(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP", "--timezone", "Pacific/Kiritimati")
    today = datetime.now(ZoneInfo("Pacific/Kiritimati")).date().isoformat()
    once = ["--kind", "group", "--once", today, "--start", "00:00", "--length", "60"]
    line = cli.fails("session", "add", *EVENING, *once)
    # (Across midnight there it would be "date ... is in the past": refused all the same.)
    assert f"{today} 00:00 is in the past" in line or "error: date " in line, line
    assert cli.rows("select count(*) from sessions") == [(0,)]


@pytest.mark.parametrize("expires", ["31d", "240000h"])
def test_an_invite_for_more_than_30_days_is_refused(cli: Cli, expires: str) -> None:
    assert cli.ok("invite", "--expires", "30d")[2].startswith("expires: ")
    line = cli.fails("invite", "--expires", expires)
    assert line == f"--expires: invite expiry {expires} is too long; at most 30d", line
    assert cli.rows("select count(*) from invites") == [(1,)]


def test_invite_prints_the_client_id_and_keeps_label_and_counselor(cli: Cli) -> None:
    out = cli.ok("invite", "--label", "  A-17 ", "--counselor", "Dana Reyes")
    assert out[0].startswith("invite code: ") and out[1].startswith("link: ")
    assert out[3].startswith("client id: c-") and "note it in your records" in out[3]
    pseudo_id = out[3].split()[2]
    assert cli.rows("select pseudo_id, label, counselor from invites") == [
        (pseudo_id, "A-17", "Dana Reyes")
    ]
    # The roster shows the pending invite under the id its client will have.
    [_, pending] = cli.ok("clients")
    assert pending.split()[:5] == [pseudo_id, "A-17", "Dana", "Reyes", "invited"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--label", "555-123-4567"], "error: --label looks like a phone number"),
        (["--label", "+1 555 123 4567"], "error: --label looks like a phone number"),
        (["--label", "x" * 33], "error: --label must be 1-32 characters"),
        (["--counselor", "   "], "error: --counselor must be 1-64 characters"),
    ],
)
def test_invite_refuses_a_bad_label_or_counselor(cli: Cli, args: list[str], message: str) -> None:
    assert cli.fails("invite", *args).startswith(message)
    assert cli.rows("select count(*) from invites") == [(0,)]
