"""Crisis notices reach the staff chat after it became a supergroup."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings, load_settings
from bot.store.models import AuditEntry, Client, CrisisEvent, NoticeMessage
from bot.tg.application import _renotify
from bot.tg.staff import may_ack
from tests.tg import updates as u
from tests.tg.conftest import MovableClock, enroll, staff_settings
from tests.tg.driver import Harness, Person, button_data
from tests.tg.fakerequest import Shown

STAFF_CHAT = -4001
SUPERGROUP = -1004001
NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # the ring-3 clock
UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"


STAFF_IDS = (7001, 7002)


@pytest.fixture
def settings(enrollment: str) -> Settings:
    """The ring-3 settings with a staff chat and two staff ids."""
    return staff_settings(enrollment, STAFF_CHAT, staff_user_ids="7001,7002")


async def renotify_job(harness: Harness, clock: MovableClock, minutes: int) -> list[Shown]:
    """Move the clock on, run the renotify job as the JobQueue would; what it sent."""
    clock.now += timedelta(minutes=minutes)
    before = len(harness.fake.of("sendMessage"))

    class Ctx:
        bot = harness.app.bot
        bot_data = harness.app.bot_data

    await _renotify(Ctx())  # type: ignore[arg-type]
    sent = harness.fake.of("sendMessage")[before:]
    return [s for s in harness.fake.messages.values()
            if any(int(c.params["chat_id"]) == s.chat_id and c.params["text"] == s.text
                   for c in sent)]  # fmt: skip


async def test_a_notice_follows_the_staff_chat_to_its_supergroup(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await enroll(pat)
    harness.fake.fail_next(
        "sendMessage", 400, UPGRADED, migrate_to_chat_id=SUPERGROUP, chat_id=STAFF_CHAT
    )
    with caplog.at_level(logging.WARNING, logger="bot.tg.handlers"):
        await pat.say("i want to kill myself")
        await pat.say("i want to kill myself")
    to_staff = [c.params["chat_id"] for c in harness.fake.of("sendMessage")
                if int(c.params["chat_id"]) < 0]  # fmt: skip
    # The first notice tried the old id, then went to the supergroup; the second went there.
    assert [int(c) for c in to_staff] == [STAFF_CHAT, SUPERGROUP, SUPERGROUP]
    said = [r.getMessage() for r in caplog.records if "STAFF_CHAT_ID" in r.getMessage()]
    assert said == [f"the staff chat became a supergroup: set STAFF_CHAT_ID={SUPERGROUP}"]
    assert harness.handler_errors == []


def _notice(harness: Harness) -> Shown:
    return next(s for (chat, _), s in harness.fake.messages.items() if chat == STAFF_CHAT)


async def test_the_first_staff_member_to_tap_im_on_it_takes_the_notice(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await enroll(pat)
    [client] = await harness.rows(Client)
    with caplog.at_level(logging.INFO):
        await pat.say("i want to kill myself")
        notice = _notice(harness)
        assert notice.text.startswith("Crisis notice, tier 2: suicidal thoughts")
        assert f"Client {client.pseudo_id}." in notice.text
        assert "At Thu Nov 26 1:00 PM EST." in notice.text  # PROGRAM_TIMEZONE, not UTC
        [event] = await harness.rows(CrisisEvent)
        data = button_data(notice, "I'm on it")
        assert data == f"ack:{event.id}" and len(data.encode()) <= 64  # an opaque row id only
        dana = Person(harness, u.user(7001, "en", "Dana"))
        lee = Person(harness, u.user(7002, "en", "Lee"))
        await dana.tap_data(data, notice)
        [event] = await harness.rows(CrisisEvent)
        assert (event.ack_by, event.ack_name, event.ack_at) == ("staff:7001", "Dana", NOW)
        # The notice now says who took it, for everyone in the chat, with no button left.
        assert notice.text.endswith("✅ Dana is on it (Thu Nov 26 1:00 PM EST).")
        assert notice.markup is None
        assert notice.text.startswith("Crisis notice, tier 2")
        await lee.tap_data(data, notice)  # a stale copy of the keyboard
    [event] = await harness.rows(CrisisEvent)
    assert (event.ack_by, event.ack_name) == ("staff:7001", "Dana")  # unchanged
    answers = [c.params.get("text") for c in harness.fake.of("answerCallbackQuery")][-2:]
    assert answers == ["Dana is on it (Thu Nov 26 1:00 PM EST).", "Already taken by Dana."]
    [entry] = await harness.rows(AuditEntry, action="ack")
    assert (entry.actor, entry.subject) == ("staff:7001", client.pseudo_id)
    assert harness.handler_errors == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "crisis notice" in logged and "Dana" not in logged and "kill" not in logged
    # Which client had a crisis is in the database and the notice, never in the log.
    assert "crisis tier 2 (text) for a client" in logged
    lines = [r.getMessage() for r in caplog.records]
    assert not [line for line in lines if client.pseudo_id in line and "crisis" in line]


async def test_a_tap_by_someone_not_staff_outside_the_staff_chat_changes_nothing(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    await pat.say("i want to kill myself")
    notice = _notice(harness)
    [event] = await harness.rows(CrisisEvent)
    # The same button data, sent from a private chat by someone who is not staff.
    await pat.tap_data(f"ack:{event.id}", pat.shown()[0])
    [event] = await harness.rows(CrisisEvent)
    assert event.ack_at is None and "I'm on it" in str(notice.markup)
    assert await harness.count(AuditEntry, action="ack") == 0


async def test_a_notice_nobody_takes_is_sent_again_three_times_then_to_each_staff_id(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    await enroll(pat)
    await pat.say("i want to kill myself")
    first = _notice(harness)
    assert await renotify_job(harness, clock, 14) == []  # CRISIS_RENOTIFY_MINUTES is 15
    repeats = [await renotify_job(harness, clock, 1)]
    repeats += [await renotify_job(harness, clock, 15) for _ in range(2)]
    for n, sent in enumerate(repeats, start=1):
        [again] = sent
        assert again.chat_id == STAFF_CHAT
        assert again.text.startswith(f"Not yet taken (reminder {n}):\nCrisis notice, tier 2")
        assert "At Thu Nov 26 1:00 PM EST." in again.text  # the time of the message itself
        assert again.markup == first.markup  # the same button, the same row id
    private = await renotify_job(harness, clock, 15)
    assert sorted(s.chat_id for s in private) == list(STAFF_IDS)
    assert all(s.text.startswith("Nobody in the staff chat has taken this yet:\nCrisis notice")
               for s in private)  # fmt: skip
    assert await renotify_job(harness, clock, 60) == []  # and no more
    assert await harness.count(AuditEntry, action="renotify") == 4
    # Staff 7002 takes it from their private chat.
    [lee_copy] = [s for s in private if s.chat_id == 7002]
    lee = Person(harness, u.user(7002, "en", "Lee"))
    await lee.tap_data(button_data(lee_copy, "I'm on it"), lee_copy)
    [event] = await harness.rows(CrisisEvent)
    assert (event.ack_by, event.notices) == ("staff:7002", 4)
    assert lee_copy.text.endswith("✅ Lee is on it (Thu Nov 26 3:00 PM EST).")


async def test_a_notice_taken_is_not_sent_again(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    await enroll(pat)
    await pat.say("i want to kill myself")
    notice = _notice(harness)
    dana = Person(harness, u.user(9999, "en", "Dana"))  # in the staff chat, not a staff id
    await dana.tap_data(button_data(notice, "I'm on it"), notice)
    assert await renotify_job(harness, clock, 15) == []
    assert await harness.count(AuditEntry, action="renotify") == 0


def test_who_may_take_a_notice() -> None:
    settings = load_settings(staff_chat_id=STAFF_CHAT, staff_user_ids="7001", _env_file=None)
    assert may_ack(settings, STAFF_CHAT, 5)  # anyone in the staff chat
    assert may_ack(settings, 7001, 7001)  # a staff id in their private chat
    assert not may_ack(settings, 5, 5)  # a client, in their own chat
    assert not may_ack(settings, SUPERGROUP, 5)  # another group
    assert may_ack(settings, SUPERGROUP, 5, {STAFF_CHAT: SUPERGROUP})  # the chat, moved


async def test_a_notice_taken_on_the_web_is_edited_wherever_it_was_delivered(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    """Issue 14: "I'm on it" on the web page edits the staff chat's notice, and its repeat,
    to say who took it, with no button left (the bot remembers where it delivered each)."""
    from bot.service.alerts import AlertDesk
    from bot.service.web_auth import Viewer
    from bot.tg.application import _outbox

    await enroll(pat)
    await pat.say("i want to kill myself")
    first = _notice(harness)
    [again] = await renotify_job(harness, clock, 15)
    for _ in range(50):  # the handler's send is settled beside it
        if await harness.count(NoticeMessage) == 2:
            break
        await asyncio.sleep(0.05)
    assert await harness.count(NoticeMessage) == 2
    [event] = await harness.rows(CrisisEvent)
    dana = Viewer(7101, "Dana R", "admin", 1, "csrf")
    desk = AlertDesk(harness.db, harness.app.bot_data.settings, lambda: clock.now, dana)
    ack = await desk.take_crisis(event.id)
    assert ack.first
    sends = len(harness.fake.of("sendMessage"))

    class Ctx:
        bot = harness.app.bot
        bot_data = harness.app.bot_data

    await _outbox(Ctx())  # type: ignore[arg-type]
    for copy in (first, again):
        assert copy.text.endswith("✅ Dana R is on it (Thu Nov 26 1:15 PM EST).")
        assert "I'm on it" not in str(copy.markup)
    assert len(harness.fake.of("sendMessage")) == sends  # edited, nothing sent anew
    assert await harness.count(AuditEntry, action="ack") == 1
