"""Managing a program from the command line (issue 10, items 4, 7 and 8): every new command as
a real process on a real SQLite file, and every refusal as one clear line and exit 2."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.admin.test_cli import EVENING, Cli

CHICAGO = ZoneInfo("America/Chicago")  # the Cli's PROGRAM_TIMEZONE


def next_weekday(weekday: int, after: int = 1) -> date:
    """The first date on `weekday` (0 = Monday) at least `after` days from today in Chicago."""
    day = datetime.now(CHICAGO).date() + timedelta(days=after)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def invite(cli: Cli, *args: str) -> str:
    """A new invite's client id."""
    [line] = [x for x in cli.ok("invite", *args) if x.startswith("client id: ")]
    return line.split()[2]


def test_invite_list_and_revoke(cli: Cli) -> None:
    assert cli.ok("invite", "list") == ["no pending invites"]
    cli.ok("track", "add", "Evening IOP")
    first = invite(cli, *EVENING, "--label", "A-17")
    second = invite(cli)
    listed = cli.ok("invite", "list")
    assert len(listed) == 2 and first in listed[0] and "A-17" in listed[0]
    assert cli.ok("invite", "revoke", first) == [
        f"revoked invite #1 ({first}): its link no longer enrolls anyone"
    ]
    assert [second in line for line in cli.ok("invite", "list")] == [True]
    assert cli.fails("invite", "revoke", first).startswith("error: invite #1")
    assert cli.fails("invite", "revoke", "c-12345678") == (
        "error: no invite gives the client id c-12345678; see the invite list"
    )
    assert cli.fails("invite", "revoke", "#9") == "error: no invite #9; see the invite list"


def test_track_remove_with_pending_invites_needs_force(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP")
    pseudo = invite(cli, *EVENING)
    refused = cli.fails("track", "remove", "Evening IOP")
    assert "1 pending invite" in refused and pseudo in refused and "--force" in refused
    [done] = cli.ok("track", "remove", "Evening IOP", "--force")
    assert done.startswith("removed track Evening IOP") and "1 pending invite" in done
    assert cli.ok("invite", "list") == ["no pending invites"]
    assert cli.rows("select revoked_at is not null from invites") == [(1,)]


def test_session_skip_and_edit(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP")
    cli.ok("session", "add", *EVENING, "--kind", "group", "--weekly", "mon", "--start",
           "18:00", "--length", "120")  # fmt: skip
    monday = next_weekday(0)
    [skipped] = cli.ok("session", "skip", "1", monday.isoformat())
    assert skipped.startswith("skipping #1") and monday.isoformat() in skipped
    assert f"(skipped: {monday.isoformat()})" in cli.ok("session", "list")[0]
    [changed] = cli.ok("session", "edit", "1", "--start", "18:30", "--place", "Room", "5")
    assert changed.startswith("changed #1") and "18:30-20:30" in changed
    assert cli.rows("select start_time, place from sessions") == [("18:30", "Room 5")]
    cli.ok("session", "edit", "1", "--place", "-")
    assert cli.rows("select place from sessions") == [(None,)]
    tuesday = next_weekday(1)
    assert cli.fails("session", "skip", "1", tuesday.isoformat()) == (
        f"error: {tuesday.isoformat()} is a Tuesday; session #1 meets on Mondays"
    )
    assert "in the past" in cli.fails("session", "skip", "1", "2020-01-06")
    assert cli.fails("session", "skip", "9", monday.isoformat()).startswith("error: no session")
    assert cli.fails("session", "edit", "1") == (
        "error: nothing to change; give --kind, --weekly, --once, --start, --length, --place"
    )
    assert "one day" in cli.fails("session", "edit", "1", "--weekly", "mon,wed")


def test_a_one_off_session_is_removed_not_skipped(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP")
    day = next_weekday(3, after=3).isoformat()
    cli.ok("session", "add", *EVENING, "--kind", "family", "--once", day, "--start", "10:00",
           "--length", "60")  # fmt: skip
    assert cli.fails("session", "skip", "1", day) == (
        f"error: session #1 meets once ({day}); remove it instead"
    )


def test_client_set_track_discharge_readmit_and_erase(cli: Cli) -> None:
    cli.ok("track", "add", "Evening IOP")
    cli.ok("track", "add", "Day Program")
    pseudo = cli.add_client("America/Chicago", "Evening IOP")
    [moved] = cli.ok("client", "set-track", pseudo, "--track", "Day Program")
    assert pseudo in moved and "Day Program" in moved
    cli.ok("client", "set-track", pseudo, "--none")
    assert cli.rows("select track_id from clients") == [(None,)]
    [out] = cli.ok("client", "discharge", pseudo, "--as", "Dana R")
    assert pseudo in out
    assert cli.rows("select status, discharged_at is not null from clients") == [
        ("discharged", 1)
    ]
    roster = "\n".join(cli.ok("clients"))
    assert "discharged" in roster
    cli.ok("client", "readmit", pseudo)
    # back to where they were: this client (made as the bot makes one) never finished enrolling
    assert cli.rows("select status, discharged_at from clients") == [("enrolling", None)]
    refused = cli.fails("client", "erase", pseudo)
    assert refused == (
        "error: every row of this client is erased, for good: to go ahead, give the command "
        "again with --yes"
    )
    assert cli.rows("select count(*) from clients") == [(1,)]  # nothing was erased
    cli.ok("client", "erase", pseudo, "--yes", "--as", "Dana R")
    assert cli.rows("select count(*) from clients") == [(0,)]
    audit = cli.rows("select actor, action, subject from audit_log where action != 'clients'")
    me = audit[0][0]  # the login name of whoever runs the tests
    assert audit == [
        (me, "track-add", "all"), (me, "track-add", "all"),
        (me, "set-track", pseudo), (me, "set-track", pseudo),
        ("cli:Dana R", "discharge", pseudo),
        (me, "readmit", pseudo),
        ("cli:Dana R", "erase", pseudo),
    ]  # fmt: skip
    assert me.startswith("cli:") and me != "cli:Dana R"


def test_the_id_after_a_name_as_the_usage_line_shows(cli: Cli) -> None:
    """`client set-track [--track NAME] PSEUDO_ID`, `session edit [--place TEXT] ID`: typed
    in that order, the quoted name is the name and the last word the id."""
    cli.ok("track", "add", "Day Program")
    cli.ok("track", "add", "Evening IOP")
    pseudo = cli.add_client("America/Chicago", "Evening IOP")
    assert cli.ok("client", "set-track", "--track", "Day Program", pseudo) == [
        f"{pseudo} moved from track Evening IOP to Day Program"
    ]
    cli.ok("session", "add", "--track", "Day Program", "--kind", "group", "--weekly", "tue",
           "--start", "09:00", "--length", "60")  # fmt: skip
    [changed] = cli.ok("session", "edit", "--place", "Room 9", "1")
    assert changed.startswith("changed #1") and "Room 9 (was no place)" in changed
    assert cli.rows("select place from sessions") == [("Room 9",)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["client", "set-track", "c-12345678"],
         "error: give --track NAME, or --none to take the client off their track"),
        (["client", "set-track", "c-12345678", "--track", "A", "--none"],
         "error: give --track NAME, or --none to take the client off their track"),
        (["client", "set-track", "c-12345678", "--none"], "error: no client with id 'c-12345678'"),
        (["client", "discharge", "c-12345678"], "error: no client with id 'c-12345678'"),
        (["client", "readmit", "c-12345678"], "error: no client with id 'c-12345678'"),
        (["client", "erase", "c-12345678", "--yes"], "error: no client with id 'c-12345678'"),
        (["track", "add", "Morning", "--timezone", "UTC-5"], "error: 'UTC-5' is a fixed offset"),
        (["audit", "--since", "2999-01-01"], "error: --since: 2999-01-01 is after today"),
        (["clients", "--as", ""], "error: --as must be 1-60 printable characters"),
    ],
)  # fmt: skip
def test_refusals_are_one_line(cli: Cli, args: list[str], message: str) -> None:
    assert cli.fails(*args).startswith(message)


def test_zones_by_their_everyday_names(cli: Cli) -> None:
    assert cli.ok("track", "add", "Morning", "--timezone", "EST") == [
        "added track Morning (America/New_York)"
    ]
    assert cli.ok("track", "add", "Night", "--timezone", "pacific") == [
        "added track Night (America/Los_Angeles)"
    ]


def test_audit_prints_who_did_what(cli: Cli) -> None:
    cli.ok("clients", "--as", "Dana R")
    [line] = cli.ok("audit")
    assert "cli:Dana R" in line and "clients" in line
    lines = cli.ok("audit", "--since", datetime.now(CHICAGO).date().isoformat())
    assert len(lines) == 2 and "audit" in lines[1]  # reading the log was recorded too


def test_every_change_to_the_program_is_audited_under_the_person(cli: Cli) -> None:
    """Issue 10, item 7: tracks, sessions, invites, a client's track and who may sign in are
    each one audit row, under the person who ran the command, with ids and no staff text
    beyond the program's own words (never a place, a label or a counselor)."""
    me = ["--as", "Dana R"]
    cli.ok("track", "add", "Evening IOP", *me)
    cli.ok("track", "add", "Day Program", *me)
    cli.ok("session", "add", *EVENING, "--kind", "group", "--weekly", "mon,wed", "--start",
           "18:00", "--length", "120", "--place", "Zoom 555 passcode 9", *me)  # fmt: skip
    cli.ok("session", "edit", "1", "--start", "18:30", "--place", "Room 5", *me)
    cli.ok("session", "skip", "1", next_weekday(0).isoformat(), *me)
    cli.ok("session", "remove", "2", *me)
    pseudo = cli.add_client("America/Chicago", "Evening IOP")
    cli.ok("client", "set-track", pseudo, "--track", "Day Program", *me)
    cli.ok("client", "set-track", pseudo, "--track", "Day Program", *me)  # no change: no row
    waiting = invite(cli, "--label", "A-17", "--counselor", "Sam K", *EVENING, *me)
    cli.ok("invite", "revoke", waiting, *me)
    held = invite(cli, *EVENING, *me)
    cli.ok("track", "remove", "Evening IOP", "--force", *me)
    cli.ok("staff", "add", "7101", "--name", "Lee M", "--role", "counselor", *me)
    cli.ok("staff", "remove", "7101", *me)
    rows = cli.rows("select actor, action, subject, detail from audit_log order by id")
    assert [(actor, action, subject) for actor, action, subject, _ in rows] == [
        ("cli:Dana R", "track-add", "all"),
        ("cli:Dana R", "track-add", "all"),
        ("cli:Dana R", "session-add", "all"),
        ("cli:Dana R", "session-edit", "all"),
        ("cli:Dana R", "session-skip", "all"),
        ("cli:Dana R", "session-remove", "all"),
        ("cli:Dana R", "set-track", pseudo),
        ("cli:Dana R", "invite", waiting),
        ("cli:Dana R", "invite-revoke", waiting),
        ("cli:Dana R", "invite", held),
        ("cli:Dana R", "invite-revoke", held),  # revoked by the forced track removal
        ("cli:Dana R", "track-remove", "all"),
        ("cli:Dana R", "staff-add", "all"),
        ("cli:Dana R", "staff-remove", "all"),
    ]
    details = [detail for *_, detail in rows]
    assert details[0] == "track Evening IOP (America/Chicago)"
    assert details[2].startswith("#1, #2: track Evening IOP group Mon, Wed 18:00")
    assert details[3].startswith("#1: ") and "place changed" in details[3]
    assert details[6] == "moved from track Evening IOP to Day Program"
    assert details[7].startswith("invite #1, track Evening IOP, expires ") and details[7].endswith(
        ("CST", "CDT")
    )  # fmt: skip
    assert details[11] == (
        "track Evening IOP (America/Chicago): 1 session removed, 0 clients left without a "
        "track, 1 pending invite revoked"
    )
    assert details[12] == "staff member 7101 added as counselor"
    every = "\n".join(details)
    for staff_text in ("Zoom", "Room 5", "A-17", "Sam K", "Lee M"):
        assert staff_text not in every
    printed = cli.ok("audit")
    assert len(printed) == len(rows) and "session-skip" in printed[4]


def test_counts_agree_with_their_number(cli: Cli) -> None:
    """'1 pending invite', '1 entry': staff text uses the plural rules (Babel's), in audit
    details and in what a command prints."""
    cli.ok("clients")
    [printed] = cli.ok("audit")
    assert printed.endswith("clients  all  0 clients, 0 pending invites")
    assert cli.rows("select detail from audit_log where action = 'audit'") == [
        ("whole log: 1 entry",)
    ]
    invite(cli)
    cli.ok("clients")
    [*_, roster] = cli.rows("select detail from audit_log order by id")
    assert roster == ("0 clients, 1 pending invite",)
    cli.ok("track", "add", "Evening IOP")
    cli.ok("session", "add", *EVENING, "--kind", "group", "--weekly", "mon", "--start", "18:00",
           "--length", "60")  # fmt: skip
    client = cli.add_client("America/Chicago", "Evening IOP")
    assert cli.ok("track", "list") == ["Evening IOP (America/Chicago): 1 session, 1 client"]
    [erased] = cli.ok("client", "erase", client, "--yes")
    assert " 1 clients" not in erased and "clients: 1" in erased


def test_invite_expiry_is_in_the_programs_zone(cli: Cli) -> None:
    """Issue 10, item 2's rule for every staff time: the program's zone (PROGRAM_TIMEZONE,
    America/Chicago here) with its abbreviation, as the web view shows it; never UTC."""
    out = cli.ok("invite", "--expires", "7d")
    [expires] = [line for line in out if line.startswith("expires: ")]
    [(stored,)] = cli.rows("select expires_at from invites")
    until = datetime.fromisoformat(str(stored)).replace(tzinfo=ZoneInfo("UTC"))
    local = until.astimezone(CHICAGO)
    hour = local.hour % 12 or 12
    shown = f"{local:%Y-%m-%d} {hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'} {local:%Z}"
    assert expires == f"expires: {shown}"
    [listed] = cli.ok("invite", "list")
    assert listed.endswith(f"expires {shown}") and "UTC" not in listed
    roster = "\n".join(cli.ok("clients"))
    assert f"until {shown}" in roster
