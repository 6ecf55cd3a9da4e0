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
    assert await said(h, STAFF_ID, "/sessions_all --track Morning") == ["No sessions."]
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
        "/track_add": "Error: usage: /track_add NAME [ZONE]",
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
    assert reply.startswith("Single-use invite, valid until 2026-12-03 18:00 UTC")
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
        assert replies[-1] == t("en", "join.how")
    assert await h.count(Client) == 0 and await h.count(Track) == 0
    assert await h.count(Invite) == 0


async def test_staff_commands_answer_only_in_private(staff_app: Harness) -> None:
    h = staff_app
    staff = u.user(STAFF_ID)
    await h.deliver(u.text(h.next_id(), staff, "/track_add Evening", chat=u.group_chat(-1001)))
    assert h.fake.texts() == [t("en", "join.group", emergency="911", crisis="988")]
    assert await h.count(Track) == 0


async def test_staff_still_reach_the_ordinary_commands(staff_app: Harness) -> None:
    replies = await said(staff_app, STAFF_ID, "/help")
    assert any("988" in text for text in replies)


async def test_a_redelivered_staff_command_runs_once(staff_app: Harness) -> None:
    h = staff_app
    await said(h, STAFF_ID, "/track_add Evening IOP")
    update = u.command(h.next_id(), u.user(STAFF_ID), "session_add", WEEKLY)
    await h.deliver(update)
    await h.deliver(update)
    assert await h.count(ProgramSession) == 2
    assert len(h.fake.texts()) == 2


async def test_staff_report_and_roster_are_audited_and_clients_cannot(
    staff_app: Harness,
) -> None:
    from bot.store.models import AuditEntry

    h = staff_app
    pat = h.person(5550001)
    await enroll(pat)
    [client] = await h.rows(Client)
    [report] = await said(h, STAFF_ID, "/report 2026-11-01")
    assert report.startswith("| pseudo_id |") and client.pseudo_id in report
    [roster] = await said(h, STAFF_ID, "/clients")
    assert client.pseudo_id in roster
    assert await said(h, STAFF_ID, "/report yesterday") == [
        "Error: not a date: 'yesterday'; use YYYY-MM-DD"
    ]
    for words in ("/report 2026-11-01", "/clients"):
        replies = await said(h, pat.id, words)
        assert replies and replies[0] == t("en", "cmd.unknown")
    entries = [(e.actor, e.action) for e in await h.rows(AuditEntry)]
    assert entries == [(f"staff:{STAFF_ID}", "report"), (f"staff:{STAFF_ID}", "clients")]


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
