"""Staff commands as staff type them on a phone, end to end (issue 10, item 8): the real
`recovery-bot run` process against the fake Bot API, quoted names with spaces (straight and
curly), a phone's dash for `--`, a mistake answered in one line, and the audit naming the
staff member by Telegram id."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import BotProcess
from tests.fakeapi import FakeTelegram

STAFF_ID = 7301


def test_staff_commands_with_quoted_names_through_telegram(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    bot = BotProcess(fake, tmp_path, STAFF_USER_IDS=str(STAFF_ID))
    dana = fake.user(STAFF_ID, first_name="Dana")
    try:
        bot.start()
        dana.send_text('/track_add "Day Program" --timezone eastern')
        assert dana.wait_reply("added track")["text"] == (
            "added track Day Program (America/New_York)"
        )
        dana.send_text(
            "/session_add —track “Day Program” --kind group --weekly mon,wed --start 09:00 "
            "--length 180 --place Room 2"
        )
        dana.wait_reply("added #2")
        dana.send_text("/invite --track “Day Program” --label A-17")
        assert "Client id: c-" in dana.wait_reply("Client id")["text"]
        dana.send_text('/session_add --track "Day Program --kind group')
        mistake = dana.wait_reply("Error:")["text"]
        assert mistake.startswith("Error:") and "quote" in mistake and "\n" not in mistake
        dana.send_text("/help")
        staff_help = dana.wait_reply("/client_discharge")["text"]
        assert "/session_add" in staff_help and "/audit" in staff_help
        dana.send_text("/clients")
        assert "A-17" in dana.wait_reply("Clients and pending invites")["text"]
    finally:
        bot.stop()
    assert bot.rows("select name, timezone from tracks") == [("Day Program", "America/New_York")]
    assert bot.rows("select weekday, start_time, place from sessions order by weekday") == [
        (0, "09:00", "Room 2"), (2, "09:00", "Room 2"),
    ]
    assert bot.rows("select label from invites") == [("A-17",)]
    # Every change to the program is audited under the person, and so is the roster read; the
    # refused /session_add changed nothing and left no row.
    assert bot.rows("select actor, action from audit_log order by id") == [
        (f"staff:{STAFF_ID}", action)
        for action in ("track-add", "session-add", "invite", "clients")
    ]
    assert not fake.refused, f"the fake refused requests: {fake.refused}"
