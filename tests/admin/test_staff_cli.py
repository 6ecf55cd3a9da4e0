"""`recovery-bot staff add|list|remove` as a real process: who may sign in to the web view."""

from __future__ import annotations

from pathlib import Path

from tests.admin.test_cli import Cli


def test_staff_add_list_change_and_remove(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    assert cli.ok("staff", "list") == ["no staff members yet"]
    assert cli.ok("staff", "add", "7101", "--name", "Dana", "R", "--role", "counselor") == [
        "added staff member 7101: Dana R (counselor)"
    ]
    assert cli.ok("staff", "add", "7102", "--name", "Alex", "--role", "admin") == [
        "added staff member 7102: Alex (admin)"
    ]
    assert cli.ok("staff", "add", "7101", "--name", "Dana Rivera", "--role", "admin") == [
        "changed staff member 7101: Dana Rivera (admin)"
    ]
    assert cli.ok("staff", "list") == ["7102  Alex  admin", "7101  Dana Rivera  admin"]
    assert cli.ok("staff", "remove", "7102") == [
        "removed staff member 7102; their web sessions ended"
    ]
    assert cli.ok("staff", "list") == ["7101  Dana Rivera  admin"]


def test_staff_mistakes_are_one_line_and_exit_2(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    assert cli.fails("staff", "add", "7101", "--name", "Dana", "--role", "boss") == (
        "error: --role must be counselor or admin"
    )
    assert cli.fails("staff", "add", "dana", "--name", "Dana", "--role", "admin") == (
        "error: ID must be a Telegram user id (a positive number)"
    )
    assert cli.fails("staff", "remove", "7101") == "error: no staff member 7101"
    assert cli.ok("staff", "list") == ["no staff members yet"]
