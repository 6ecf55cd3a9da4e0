"""Nothing a client sends or is sent is lost: the real `recovery-bot run` process against
the fake Bot API, killed, and answered with the errors Telegram gives (issue 9's faults)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.conftest import BotProcess
from tests.e2e.test_kill9 import quick_enroll
from tests.fakeapi import FakeTelegram

STAFF = -1009001
SUPERGROUP = -1009002
UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"
CRISIS = "i want to end my life tonight"


@pytest.fixture
def open_bot(fake: FakeTelegram, tmp_path: Path) -> BotProcess:
    fake.add_chat({"id": STAFF, "type": "supergroup", "title": "Staff"})
    fake.add_chat({"id": SUPERGROUP, "type": "supergroup", "title": "Staff (new)"})
    bot = BotProcess(fake, tmp_path, ENROLLMENT="open", STAFF_CHAT_ID=str(STAFF))
    yield bot  # type: ignore[misc]
    bot.stop()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"


def eventually(check, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)


def texts(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [str(m.get("text", "")) for m in fake.sent(chat_id)]


def test_kill9_with_a_fetched_batch_in_flight(fake: FakeTelegram, open_bot: BotProcess) -> None:
    """30 people send /help at once; the bot is killed 0.5 s later: after a restart every
    one of them has the help text, and the inbox is empty."""
    open_bot.start()
    people = [fake.user(700 + i, first_name="P") for i in range(30)]
    for person in people:
        person.send_command("/help")
    time.sleep(0.5)
    open_bot.kill9()
    answered_before = sum(bool(texts(fake, p.id)) for p in people)
    open_bot.start()
    eventually(lambda: all(any("988" in t for t in texts(fake, p.id)) for p in people), 60)
    eventually(lambda: open_bot.rows("select count(*) from inbox") == [(0,)])
    assert open_bot.rows("select count(*) from processed_updates") == [(30,)]
    eventually(lambda: open_bot.rows("select count(*) from outbox") == [(0,)])
    print(f"\nanswered before the kill: {answered_before} of 30; after the restart: 30 of 30")


ERRORS = [(502, "Bad Gateway"), (500, "Internal Server Error"),
          (429, "Too Many Requests: retry after 1")]  # fmt: skip


@pytest.mark.parametrize(("code", "words"), ERRORS)
def test_a_crisis_reply_outlives_telegram_errors(
    fake: FakeTelegram, open_bot: BotProcess, code: int, words: str
) -> None:
    open_bot.start()
    quick_enroll(fake, 611)
    ana = fake.user(611)
    for _ in range(12):  # more than the rate limiter's and the in-process retries together
        fake.fail_next("sendMessage", code, words, 1 if code == 429 else None, chat_id=611)
    ana.send_text(CRISIS)
    ana.wait_reply("911", timeout=60)
    eventually(lambda: open_bot.rows("select count(*) from outbox") == [(0,)])
    assert open_bot.rows("select tier from crisis_events") == [(1,)]
    # The staff notice was not held up behind the person's failing chat.
    [notice] = texts(fake, STAFF)
    assert notice.startswith("Crisis notice, tier 1") and "\nClient c-" in notice
    assert sum("911" in t for t in texts(fake, 611)) == 1


def test_the_second_of_three_replies_fails(fake: FakeTelegram, open_bot: BotProcess) -> None:
    """"My reasons" typed over their limit at the end of enrollment is answered with three
    messages: the first part kept, "You're all set", the menu. "You're all set" is refused
    with 502 on every in-process try: the menu still goes out, and it follows from the
    outbox. (A check-in's coping card comes on the spot now, with the next question.)"""
    open_bot.start()
    eve = fake.user(615, first_name="Eve", language_code="en")
    eve.send_command("/start")
    eve.wait_reply("Which language")
    for label, prompt in [
        ("English", "Before we start"), ("I agree", "time zone"), ("New York", "What time"),
        ("8:00 PM", "medication"), ("No", "someone you can call"), ("Skip ▶", "why does"),
    ]:  # fmt: skip
        eve.press(label)
        eve.wait_reply(prompt)
    before = len(texts(fake, 615))
    for skip in (1, 0, 0):  # the first message passes; each in-process try at the second fails
        fake.fail_next("sendMessage", 502, "Bad Gateway", chat_id=615, skip=skip)
    eve.send_text("For my kids, " * 60)  # over the 500 characters kept
    eve.wait_reply("What would you like to do?")
    shown = texts(fake, 615)[before:]
    assert "kept the first" in shown[0] and shown[1].startswith("What would you like to do?")
    eve.wait_reply(timeout=20)  # "You're all set", from the outbox
    late = texts(fake, 615)[before:]
    assert len(late) == 3 and late[:2] == shown[:2] and "all set" in late[2], late
    assert sum(f.method == "sendMessage" for f in fake.failures) == 3
    eventually(lambda: open_bot.rows("select count(*) from outbox") == [(0,)])


def test_staff_chat_migrated_then_bot_removed(fake: FakeTelegram, open_bot: BotProcess) -> None:
    open_bot.start()
    quick_enroll(fake, 613)
    cara = fake.user(613)
    fake.fail_next("sendMessage", 400, UPGRADED, chat_id=STAFF, migrate_to_chat_id=SUPERGROUP)
    cara.send_text(CRISIS)
    cara.wait_reply("911")
    eventually(lambda: len(texts(fake, SUPERGROUP)) == 1)
    assert texts(fake, STAFF) == []
    assert f"set STAFF_CHAT_ID={SUPERGROUP}" in open_bot.log()
    # Then the bot is removed from the (new) staff chat: the notice fails, the person is
    # still answered, and a share is not called sent.
    kicked = "Forbidden: bot was kicked from the supergroup chat"
    fake.fail_next("sendMessage", 403, kicked, chat_id=SUPERGROUP)
    cara.send_text(CRISIS)
    cara.wait_reply("911")
    eventually(lambda: open_bot.rows("select status, kind from outbox") == [("failed", "notice")])
    assert "the bot is not in the staff chat (403)" in open_bot.log()
    for _ in range(3):
        fake.fail_next("sendMessage", 403, kicked, chat_id=SUPERGROUP)
    cara.send_command("/share")
    cara.wait_reply("Send it?")
    cara.press("Yes, send it")
    cara.wait_reply("tell your counselor")
    assert open_bot.rows("select count(*) from audit_log where action = 'share'") == [(0,)]


def test_an_edit_into_crisis_words_and_an_unreadable_update(
    fake: FakeTelegram, open_bot: BotProcess
) -> None:
    open_bot.start()
    quick_enroll(fake, 614)
    dee = fake.user(614)
    dee.send_text("rough day at work")
    dee.wait_reply()
    dee.edit_last_text(CRISIS)
    dee.wait_reply("911")
    fake.push_raw({"message": {"chat": "garbage"}})  # no library can read this
    dee.send_command("/help")
    dee.wait_reply("988")
    assert "could not be read" in open_bot.log()
    assert CRISIS not in open_bot.log() and "rough day" not in open_bot.log()
