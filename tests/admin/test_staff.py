"""Staff commands through the real Application: staff get answers, everyone else the bot."""

from __future__ import annotations

import re

from bot.locales import t
from bot.store.models import Client, Invite, ProgramSession, Track
from tests.admin.conftest import STAFF_ID
from tests.tg import updates as u
from tests.tg.conftest import enroll
from tests.tg.driver import Harness

WEEKLY = "--track Evening IOP --kind group --weekly mon,wed --start 18:00 --length 180"


async def said(h: Harness, user_id: int, words: str) -> list[str]:
    """Send `words` as `user_id` in their private chat; return the texts the bot sent back."""
    before = len(h.fake.texts())
    await h.person(user_id).say(words)
    return h.fake.texts()[before:]


async def test_staff_builds_a_schedule(staff_app: Harness) -> None:
    h = staff_app
    assert await said(h, STAFF_ID, "/track_add Evening IOP America/New_York") == [
        "added track Evening IOP (America/New_York)"
    ]
    assert await said(h, STAFF_ID, "/track_add Morning") == [
        "added track Morning (America/New_York)"  # PROGRAM_TIMEZONE
    ]
    assert await said(h, STAFF_ID, f"/session_add {WEEKLY} --place Room 4") == [
        "added #1  track Evening IOP  group  Mon 18:00-21:00 America/New_York  Room 4\n"
        "added #2  track Evening IOP  group  Wed 18:00-21:00 America/New_York  Room 4"
    ]
    assert await said(h, STAFF_ID, "/tracks") == [
        "Evening IOP (America/New_York): 2 sessions, 0 clients\n"
        "Morning (America/New_York): 0 sessions, 0 clients"
    ]
    [listed] = await said(h, STAFF_ID, "/sessions_all --track Evening IOP")
    assert listed.count("\n") == 1 and listed.startswith("#1  track Evening IOP")
    assert await said(h, STAFF_ID, "/sessions_all --track Morning") == ["no sessions"]
    [removed] = await said(h, STAFF_ID, "/session_remove #1")
    assert removed.startswith("removed #1  track Evening IOP  group  Mon 18:00-21:00")
    assert [s.weekday for s in await h.rows(ProgramSession)] == [2]
    [gone] = await said(h, STAFF_ID, "/track_remove Evening IOP")
    assert gone.startswith("removed track Evening IOP") and "1 session;" in gone
    assert [track.name for track in await h.rows(Track)] == ["Morning"]
    assert await h.count(ProgramSession) == 0


async def test_once_and_client_sessions(staff_app: Harness) -> None:
    h = staff_app
    await enroll(h.person(5550001))  # chooses New York
    [client] = await h.rows(Client)
    words = f"--client {client.pseudo_id} --kind family --length 50"
    # The tests' clock is 2026-11-26 18:00 UTC: the 26th is today in New York (13:00 there),
    # the 25th past.
    [past] = await said(h, STAFF_ID, f"/session_add {words} --start 14:00 --once 2026-11-25")
    assert past == (
        "Error: date 2026-11-25 is in the past (today is 2026-11-26 in America/New_York)"
    )
    [ended] = await said(h, STAFF_ID, f"/session_add {words} --start 10:00 --once 2026-11-26")
    assert ended == ("Error: 2026-11-26 10:00 is in the past (it is 13:00 in America/New_York)")
    [today] = await said(h, STAFF_ID, f"/session_add {words} --start 14:00 --once 2026-11-26")
    assert today == (
        f"added #1  client {client.pseudo_id}  family  2026-11-26 14:00-14:50 America/New_York"
    )
    [session] = await h.rows(ProgramSession)
    assert (session.client_id, session.track_id, session.timezone) == (
        client.id, None, "America/New_York"
    )  # fmt: skip


async def test_staff_errors_change_nothing(staff_app: Harness) -> None:
    h = staff_app
    cases = {
        "/track_add": "Error: the following arguments are required: NAME; "
                      "usage: /track_add [--timezone ZONE] NAME",
        "/track_add Evening Mars/Base": "Error: unknown time zone 'Mars/Base'",
        "/track_remove Nope": "Error: no track named 'Nope'",
        f"/session_add {WEEKLY}": "Error: no track named 'Evening IOP'",
        "/session_add --track X --kind group --weekly fry --start 1:00 --length 60":
            "Error: unknown day 'fry'",
        "/session_add --client c-nobody --kind individual --weekly mon --start 9:00 --length 60":
            "Error: no client with id 'c-nobody'",
        "/session_remove twelve": "Error: invalid session id 'twelve'",
        "/session_remove 12": "Error: no session 12",
        "/sessions_all --track A --client B": "Error: give --track or --client, not both",
        "/invite --track Nope": "Error: no track named 'Nope'",
        "/invite --expires 0h": "Error: invalid duration '0h'",
    }  # fmt: skip
    for words, error in cases.items():
        [reply] = await said(h, STAFF_ID, words)
        assert reply.startswith(error), (words, reply)
    for model in (Track, ProgramSession, Invite, Client):
        assert await h.count(model) == 0


async def test_invite_puts_the_new_client_on_the_track(staff_app: Harness) -> None:
    h = staff_app
    await said(h, STAFF_ID, "/track_add Evening IOP")
    [reply] = await said(
        h, STAFF_ID, "/invite --track Evening IOP --expires 7d --label A-17 --counselor Dana R"
    )
    # In PROGRAM_TIMEZONE (New York), as every staff time: 18:00 UTC is 1 PM there.
    assert reply.startswith("Single-use invite, valid until 2026-12-03 1:00 PM EST:\n")
    match = re.search(r"https://t\.me/companion_test_bot\?start=(\w+)$", reply, re.M)
    assert match is not None, reply
    pseudo = re.search(r"^Client id: (c-[0-9a-f]{8}) ", reply, re.M)
    assert pseudo is not None, reply
    await h.person(5550002).command("start", match.group(1))
    [client] = await h.rows(Client)
    [track] = await h.rows(Track)
    [invite] = await h.rows(Invite)
    assert client.track_id == track.id
    assert (invite.track, invite.client_id) == ("Evening IOP", client.id)
    # The client has the id printed beside the link, and the staff-only label and counselor.
    assert (client.pseudo_id, client.label, client.counselor) == (pseudo[1], "A-17", "Dana R")


async def test_invite_refuses_a_label_written_like_a_phone_number(staff_app: Harness) -> None:
    [reply] = await said(staff_app, STAFF_ID, "/invite --label (555) 123-4567")
    assert reply == "Error: --label looks like a phone number; use a chart number or initials"
    assert await staff_app.count(Invite) == 0


async def test_clients_and_strangers_get_the_normal_bot(staff_app: Harness) -> None:
    h = staff_app
    pat = h.person(5550001)
    await enroll(pat)
    for words in ("/tracks", "/track_add Evening", f"/session_add {WEEKLY}", "/invite"):
        replies = await said(h, pat.id, words)
        assert replies and replies[0] == t("en", "cmd.unknown"), (words, replies)
    assert await h.count(Track) == 0 and await h.count(Invite) == 0


async def test_strangers_get_the_stranger_reply(staff_app: Harness) -> None:
    h = staff_app
    for words in ("/tracks", "/invite --track Evening"):
        replies = await said(h, 5550009, words)
        assert replies[-1] == t("en", "join.open")  # these tests run in open enrollment
    assert await h.count(Client) == 0 and await h.count(Track) == 0
    assert await h.count(Invite) == 0


async def test_staff_commands_answer_only_in_private(staff_app: Harness) -> None:
    h = staff_app
    staff = u.user(STAFF_ID)
    await h.deliver(u.text(h.next_id(), staff, "/track_add Evening", chat=u.group_chat(-1001)))
    assert h.fake.texts() == [t("en", "join.group", emergency="911", crisis="988")]
    assert await h.count(Track) == 0


async def test_staff_still_reach_the_ordinary_commands(staff_app: Harness) -> None:
    # A command that is not a staff one goes on to the conversation (which does not know
    # this staff member as a client).
    replies = await said(staff_app, STAFF_ID, "/checkin")
    assert replies and replies[-1] == t("en", "join.open")  # open enrollment here


async def test_a_redelivered_staff_command_runs_once(staff_app: Harness) -> None:
    h = staff_app
    await said(h, STAFF_ID, "/track_add Evening IOP")
    update = u.command(h.next_id(), u.user(STAFF_ID), "session_add", WEEKLY)
    await h.deliver(update)
    await h.deliver(update)
    assert await h.count(ProgramSession) == 2
    assert len(h.fake.texts()) == 2


async def test_an_edited_staff_command_does_not_run_again(staff_app: Harness) -> None:
    h = staff_app
    await said(h, STAFF_ID, "/invite")
    edit = u.edited(h.next_id(), u.user(STAFF_ID), "/invite --expires 7d")
    edit["edited_message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": 7}]
    await h.deliver(edit)
    assert len(h.fake.texts()) == 1
    assert await h.count(Invite) == 1


async def test_staff_report_and_roster_are_audited_and_clients_cannot(
    staff_app: Harness,
) -> None:
    from bot.store.models import AuditEntry

    h = staff_app
    pat = h.person(5550001)
    await enroll(pat)
    [client] = await h.rows(Client)
    # The command line's option, and the old form: the same report.
    [report] = await said(h, STAFF_ID, "/report --since 2026-11-01")
    assert report.startswith("Program report since 2026-11-01\n<pre>pseudo_id ")
    assert f"pseudo_id           {client.pseudo_id}\n" in report
    assert await said(h, STAFF_ID, "/report 2026-11-01") == [report]
    [roster] = await said(h, STAFF_ID, "/clients")
    assert f"pseudo_id        {client.pseudo_id}\n" in roster
    assert await said(h, STAFF_ID, "/report yesterday") == [
        "Error: --since: 'yesterday' is not a date; use YYYY-MM-DD"
    ]
    assert await said(h, STAFF_ID, "/report --since 2026-11-27") == [
        "Error: --since: 2026-11-27 is after today (2026-11-26)"
    ]
    for words in ("/report --since 2026-11-01", "/clients"):
        replies = await said(h, pat.id, words)
        assert replies and replies[0] == t("en", "cmd.unknown")
    entries = [(e.actor, e.action) for e in await h.rows(AuditEntry)]
    staff = f"staff:{STAFF_ID}"
    assert entries == [(staff, "report"), (staff, "report"), (staff, "clients")]


async def test_every_change_to_the_program_is_audited_under_the_staff_id(
    staff_app: Harness,
) -> None:
    """Issue 10, item 7: each command that changes the program is one audit entry under
    "staff:<id>", written with the change; a refused command and a redelivered one add none.
    Details carry ids, track names and times, never a place or a label."""
    from bot.store.models import AuditEntry

    h = staff_app
    await enroll(h.person(5550001))
    [client] = await h.rows(Client)
    await said(h, STAFF_ID, '/track_add "Evening IOP"')
    await said(h, STAFF_ID, f"/session_add {WEEKLY} --place Zoom 555 passcode 9")
    await said(h, STAFF_ID, "/session_edit --start 18:30 1")
    await said(h, STAFF_ID, "/session_skip 1 2026-11-30")  # the next Monday
    await said(h, STAFF_ID, "/session_remove 2")
    await said(h, STAFF_ID, f"/client_track --track Evening IOP {client.pseudo_id}")
    [reply] = await said(h, STAFF_ID, "/invite --label A-17 --counselor Sam K")
    pseudo = reply.rsplit("Client id: ", 1)[1].split()[0]
    [listed] = await said(h, STAFF_ID, "/invites")
    assert listed.endswith("expires 2026-11-29 1:00 PM EST")  # PROGRAM_TIMEZONE, not UTC
    await said(h, STAFF_ID, f"/invite_revoke {pseudo}")
    assert await said(h, STAFF_ID, "/tracks") == [
        "Evening IOP (America/New_York): 1 session, 1 client"
    ]
    [refused] = await said(h, STAFF_ID, "/session_remove 9")  # changes nothing
    assert refused.startswith("Error: no session 9")
    await said(h, STAFF_ID, "/track_remove Evening IOP")
    staff = f"staff:{STAFF_ID}"
    entries = [(e.actor, e.action, e.subject, e.detail) for e in await h.rows(AuditEntry)]
    assert [entry[:3] for entry in entries] == [
        (staff, "track-add", "all"),
        (staff, "session-add", "all"),
        (staff, "session-edit", "all"),
        (staff, "session-skip", "all"),
        (staff, "session-remove", "all"),
        (staff, "set-track", client.pseudo_id),
        (staff, "invite", pseudo),
        (staff, "invite-revoke", pseudo),
        (staff, "track-remove", "all"),
    ]
    assert [entry[3] for entry in entries] == [
        "track Evening IOP (America/New_York)",
        "#1, #2: track Evening IOP group Mon, Wed 18:00-21:00 America/New_York",
        "#1: Mon 18:00-21:00 America/New_York -> Mon 18:30-21:30 America/New_York",
        "#1 on Mon 2026-11-30",
        "#2: track Evening IOP group Wed 18:00-21:00 America/New_York",
        "put on track Evening IOP",
        "invite #1, expires 2026-11-29 1:00 PM EST",
        "invite #1",
        "track Evening IOP (America/New_York): 1 session removed, 1 client left without a "
        "track, 0 pending invites revoked",
    ]
    # Delivered again by Telegram: nothing runs twice, nothing is audited twice.
    update = u.command(h.next_id(), u.user(STAFF_ID), "track_add", "Morning")
    await h.deliver(update)
    await h.deliver(update)
    assert [e.action for e in await h.rows(AuditEntry)][len(entries):] == ["track-add"]


async def test_staff_see_their_commands_in_their_own_menu_only(staff_app: Harness) -> None:
    import json

    h = staff_app
    assert h.app.post_init is not None
    await h.app.post_init(h.app)
    calls = h.fake.of("setMyCommands")
    scoped = [c for c in calls if c.params.get("scope")]
    assert len(scoped) == 1
    scope = scoped[0].params["scope"]
    scope = json.loads(scope) if isinstance(scope, str) else scope
    assert scope == {"type": "chat", "chat_id": STAFF_ID}
    names = {c["command"] for c in scoped[0].params["commands"]}
    assert {"report", "clients", "session_add", "help", "checkin"} <= names
    everyone = [c for c in calls if not c.params.get("scope")]
    assert len(everyone) == 2 and all(
        "report" not in {c["command"] for c in call.params["commands"]} for call in everyone
    )



# ---- what staff type, as the command line reads it ----------------------------------------


async def test_quoted_names_and_a_phones_typography(staff_app: Harness) -> None:
    h = staff_app
    assert await said(h, STAFF_ID, '/track_add "Day Program"') == [
        "added track Day Program (America/New_York)"
    ]
    assert await said(h, STAFF_ID, "/track_add “Evening IOP” America/Chicago") == [
        "added track Evening IOP (America/Chicago)"  # the old trailing zone still works
    ]
    [added] = await said(
        h, STAFF_ID, '/session_add --track "Evening IOP" --kind group --weekly mon '
        "--start 18:00 --length 60 --place 'Room 4, 2nd floor'",
    )  # fmt: skip
    assert added == (
        "added #1  track Evening IOP  group  Mon 18:00-19:00 America/Chicago  Room 4, 2nd floor"
    )
    # What a phone makes of "--" and of quotes: the same command.
    [added] = await said(
        h, STAFF_ID, "/session_add —track «Day Program» —kind family –weekly tue —start 9:00 "
        "—length 50 —place ‘Room 2’",
    )  # fmt: skip
    assert added == "added #2  track Day Program  family  Tue 09:00-09:50 America/New_York  Room 2"
    [reply] = await said(h, STAFF_ID, "/invite --track “Day Program” --counselor 'Dana O'Brien'")
    assert reply.startswith("Single-use invite, valid until 2026-11-29 1:00 PM EST")
    assert sorted(t.name for t in await h.rows(Track)) == ["Day Program", "Evening IOP"]
    [invite] = await h.rows(Invite)
    assert (invite.track, invite.counselor) == ("Day Program", "Dana O'Brien")
    [gone] = await said(h, STAFF_ID, '/track_remove "Evening IOP"')
    assert gone.startswith("removed track Evening IOP (America/Chicago) with 1 session;")


async def test_an_id_after_a_quoted_name_as_the_usage_line_shows(staff_app: Harness) -> None:
    h = staff_app
    await enroll(h.person(5550001))
    [client] = await h.rows(Client)
    await said(h, STAFF_ID, '/track_add "Evening IOP"')
    assert await said(h, STAFF_ID, f"/client_track --track “Evening IOP” {client.pseudo_id}") == [
        f"{client.pseudo_id} put on track Evening IOP"
    ]
    [track] = await h.rows(Track)
    [client] = await h.rows(Client)
    assert client.track_id == track.id


async def test_what_does_not_parse_is_one_line_and_changes_nothing(staff_app: Harness) -> None:
    h = staff_app
    cases = {
        '/track_add "Day Program': "Error: a quotation mark is not closed: put names with "
                                   "spaces between two quotes",
        "/track_add “Day Program": "Error: a quotation mark is not closed: put names with "
                                   "spaces between two quotes",
        "/report --since 2026-11-01 --bogus": "Error: unrecognized arguments: --bogus; "
                                              "usage: /report --since YYYY-MM-DD",
        "/report --since 2026-11-01 --out /tmp/report.csv": "Error: unrecognized arguments: "
            "--out /tmp/report.csv; usage: /report --since YYYY-MM-DD",
        "/report": "Error: the following arguments are required: --since; "
                   "usage: /report --since YYYY-MM-DD",
        f"/session_add {WEEKLY} --track Morning": "Error: argument --track: given twice; "
            "usage: /session_add [--track NAME] [--client PSEUDO_ID] --kind KIND "
            "[--weekly DAY[,DAY...]] [--once YYYY-MM-DD] --start HH:MM --length MINUTES "
            "[--place TEXT]",
        "/invite --expires": "Error: argument --expires: expected one argument; usage: "
            "/invite [--expires DURATION] [--track NAME] [--label TEXT] [--counselor NAME]",
    }  # fmt: skip
    for words, error in cases.items():
        # One reply, from the staff door: nothing reaches the conversation.
        assert await said(h, STAFF_ID, words) == [error], words
    for model in (Track, ProgramSession, Invite, Client):
        assert await h.count(model) == 0
    assert h.handler_errors == []


async def test_staff_help_lists_their_commands_and_clients_keep_theirs(
    staff_app: Harness,
) -> None:
    from bot.service.staff_commands import telegram_commands
    from bot.service.staff_syntax import telegram_parser, usage

    h = staff_app
    [text] = await said(h, STAFF_ID, "/help")
    for command in telegram_commands():
        assert f"\n{usage(telegram_parser(command))}\n  {command.summary}\n" in text
    assert "/report --since YYYY-MM-DD" in text and "988" in text
    [options] = await said(h, STAFF_ID, "/session_add --help")
    assert options.startswith("usage: /session_add [--track NAME]")
    assert "--place TEXT          room or video link" in options
    pat = h.person(5550001)
    await enroll(pat)
    replies = await said(h, pat.id, "/help")
    assert replies and t("en", "help.title") in replies[0]
    assert not any("/track_add" in r or "/report" in r for r in replies)


# ---- tables: a block a phone can read, or a CSV file ---------------------------------------


def _documents(h: Harness) -> list[tuple[int, str, str, bytes]]:
    """Each sendDocument: (chat id, caption, file name, bytes)."""
    files = [(name, data) for method, part, (name, data, _mime) in h.fake.uploads
             if method == "sendDocument" and part == "document"]  # fmt: skip
    calls = h.fake.of("sendDocument")
    assert len(files) == len(calls)
    return [
        (int(call.params["chat_id"]), str(call.params["caption"]), name, data)
        for call, (name, data) in zip(calls, files, strict=True)
    ]


async def test_a_short_roster_is_a_block_with_every_value_escaped(staff_app: Harness) -> None:
    from tests.fakeapi.markup import visible_text

    h = staff_app
    [reply] = await said(h, STAFF_ID, "/invite --label A<17 --counselor Dana & Co")
    pseudo = reply.rsplit("Client id: ", 1)[1].split()[0]
    before = len(h.fake.of("sendMessage"))
    await said(h, STAFF_ID, "/clients")
    [sent] = h.fake.of("sendMessage")[before:]
    assert sent.params["parse_mode"] == "HTML"
    html_text = str(sent.params["text"])
    assert "A&lt;17" in html_text and "Dana &amp; Co" in html_text and "A<17" not in html_text
    assert visible_text(html_text, "HTML") == (
        "Clients and pending invites\n"
        f"pseudo_id        {pseudo}\n"
        "label            A<17\n"
        "counselor        Dana & Co\n"
        "status           invited\n"
        "invite           until 2026-11-29 1:00 PM EST\n"
        "track            -\n"
        "enrolled_utc     -\n"
        "last_active_utc  -\n"
        "discharged_utc   -"
    )
    assert html_text.startswith("Clients and pending invites\n<pre>")
    assert html_text.endswith("</pre>")
    assert h.fake.of("sendDocument") == []


async def test_a_wide_roster_is_a_csv_document(staff_app: Harness) -> None:
    import csv
    import io

    from bot.service.report import ROSTER_COLUMNS
    from bot.store.models import AuditEntry

    h = staff_app
    track = "Intensive Outpatient Program, Tuesday and Thursday evenings"  # wider than a phone
    await said(h, STAFF_ID, f'/track_add "{track}"')
    [reply] = await said(h, STAFF_ID, f'/invite --track "{track}" --label A-17')
    pseudo = reply.rsplit("Client id: ", 1)[1].split()[0]
    assert await said(h, STAFF_ID, "/clients") == []  # no message: a document
    [(chat, caption, name, data)] = _documents(h)
    assert chat == STAFF_ID  # the staff member's private chat
    assert name == "clients-2026-11-26.csv"
    assert caption == (
        "Clients and pending invites: 1 row, as a CSV file (too long or too wide to read in a "
        "message)."
    )
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert rows == [
        list(ROSTER_COLUMNS),
        [pseudo, "A-17", "-", "invited", "until 2026-11-29 1:00 PM EST", track, "-", "-", "-"],
    ]
    entries = [(e.actor, e.action) for e in await h.rows(AuditEntry)]
    staff = f"staff:{STAFF_ID}"
    assert entries == [(staff, "track-add"), (staff, "invite"), (staff, "clients")]


async def test_a_long_roster_is_a_csv_document(staff_app: Harness) -> None:
    h = staff_app
    for _ in range(7):  # 7 invites: 7 blocks of 9 lines, more than a message should hold
        await said(h, STAFF_ID, "/invite")
    assert await said(h, STAFF_ID, "/clients") == []
    [(chat, caption, _name, data)] = _documents(h)
    assert chat == STAFF_ID and caption.startswith("Clients and pending invites: 7 rows")
    assert len(data.decode().splitlines()) == 8


async def test_a_wide_report_is_a_csv_document(staff_app: Harness) -> None:
    from sqlalchemy import update

    from bot.store.models import AuditEntry

    h = staff_app
    assert await said(h, STAFF_ID, "/report --since 2026-11-01") == [
        "Program report since 2026-11-01: none."
    ]
    await enroll(h.person(5550001))
    async with h.db.transaction() as s:  # a 32-character label: wider than a phone
        await s.execute(update(Client).values(label="Chart 2026-0417-B, second intake"))
    assert await said(h, STAFF_ID, "/report --since 2026-11-01") == []
    [(chat, caption, name, data)] = _documents(h)
    assert (chat, name) == (STAFF_ID, "report-2026-11-26.csv")
    assert caption.startswith("Program report since 2026-11-01: 1 row, as a CSV file")
    header, row = data.decode().splitlines()
    assert header.startswith("pseudo_id,label,counselor,days_enrolled,")
    assert ",\"Chart 2026-0417-B, second intake\"," in row
    entries = [(e.actor, e.action, e.detail) for e in await h.rows(AuditEntry)]
    assert entries == [
        (f"staff:{STAFF_ID}", "report", "since 2026-11-01, 0 rows, csv"),
        (f"staff:{STAFF_ID}", "report", "since 2026-11-01, 1 row, csv"),
    ]
