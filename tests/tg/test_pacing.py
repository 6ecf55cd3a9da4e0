"""One pacing for the bot token (bot.tg.pacing): replies before reminders, one budget shared by
the interactive bot and the reminder bot, a chat's burst, an expected 429 as one WARNING line;
and a tap's callback query answered before the database work."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.engine import make_url
from telegram.error import NetworkError, RetryAfter

from bot.config import Settings, load_settings
from bot.domain.conversation.model import Reply
from bot.reminders.sender import Delivery
from bot.store.database import Database
from bot.tg.application import _reminder_bot, reminder_bot
from bot.tg.delivery import TelegramSender, deliver
from bot.tg.pacing import ANSWER, INTERACTIVE, REMINDERS, Limiter, Pacing, paced
from tests.fakeapi import FakeTelegram
from tests.faults import write_lock
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person

TOKEN = "123:ABC"
ANA, BEN = 4242, 4343


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with FakeTelegram(token=TOKEN) as fake:
        fake.user(ANA)
        fake.user(BEN)
        yield fake


def settings_for(url: str) -> Settings:
    return load_settings(telegram_bot_token=TOKEN, telegram_api_url=url, _env_file=None)


async def test_a_reply_goes_before_the_reminders_already_waiting() -> None:
    # Two in any 100 ms, one of them kept for replies: the reminders go one per 100 ms.
    pacing = Pacing(per_window=2, window=0.1, reserve=1)
    order: list[str] = []

    async def send(name: str, chat: int, priority: int) -> None:
        await pacing.slot(chat, priority)
        order.append(name)
        pacing.sent()

    reminders = [asyncio.create_task(send(f"r{i}", 100 + i, REMINDERS)) for i in range(5)]
    await asyncio.sleep(0)  # the first goes at once, the other four wait for room
    assert order == ["r0"]
    reply = asyncio.create_task(send("reply", 1, INTERACTIVE))
    await asyncio.sleep(0)
    assert order == ["r0", "reply"]  # at once: the room the reminders leave to replies
    await asyncio.gather(*reminders, reply)
    assert order == ["r0", "reply", "r1", "r2", "r3", "r4"]


async def test_a_first_answer_goes_before_the_follow_ups_already_waiting() -> None:
    """What a person waits for (ANSWER) goes before other people's menus and follow-ups
    (INTERACTIVE) queued before it, and neither waits for its chat's bucket (issue 12)."""
    pacing = Pacing(per_window=1, window=0.1, reserve=0)  # one in any 100 ms
    order: list[str] = []

    async def send(name: str, chat: int, priority: int) -> None:
        await pacing.slot(chat, priority)
        order.append(name)
        pacing.sent()

    menus = [asyncio.create_task(send(f"menu{i}", 100 + i, INTERACTIVE)) for i in range(4)]
    await asyncio.sleep(0)  # the first goes at once, the other three wait for room
    first = asyncio.create_task(send("answer", 1, ANSWER))
    await asyncio.gather(*menus, first)
    assert order == ["menu0", "answer", "menu1", "menu2", "menu3"]
    assert pacing._buckets == {}  # no token taken from any chat's bucket


async def test_a_burst_goes_at_once_and_no_window_holds_more_than_the_budget() -> None:
    """Up to the budget at once (nothing waits while fewer went out in the last window);
    then each as room frees up, so no `window` seconds ever hold more than `per_window`."""
    pacing = Pacing(per_window=5, window=0.2, reserve=0)
    times: list[float] = []

    async def send(chat: int) -> None:
        await pacing.slot(chat, ANSWER)
        times.append(time.monotonic())
        pacing.sent()

    sends = [asyncio.create_task(send(200 + i)) for i in range(13)]
    await asyncio.sleep(0)
    assert len(times) == 5  # the first five without waiting
    await asyncio.gather(*sends)
    assert len(times) == 13
    for n, start in enumerate(times):
        inside = [t for t in times[n:] if t < start + pacing.window]
        assert len(inside) <= pacing.per_window, (n, times)


async def test_reminders_leave_the_reserve_to_replies() -> None:
    pacing = Pacing(per_window=5, window=10.0, reserve=2)  # a long window: nothing frees up
    went: list[str] = []

    async def send(name: str, chat: int, priority: int) -> None:
        await pacing.slot(chat, priority)
        went.append(name)
        pacing.sent()

    reminders = [asyncio.create_task(send(f"r{i}", 300 + i, REMINDERS)) for i in range(6)]
    await asyncio.sleep(0)
    assert went == ["r0", "r1", "r2"]  # five less the two kept for replies
    replies = [asyncio.create_task(send(f"a{i}", 400 + i, ANSWER)) for i in range(3)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert went == ["r0", "r1", "r2", "a0", "a1"]  # the reserve; the third reply waits
    for task in (*reminders, *replies):
        task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.gather(*reminders, *replies)


async def test_a_message_counts_until_a_window_after_its_answer() -> None:
    """Telegram counts a message when it arrives, which may be long after it was let go: so
    it holds its room from the moment it is granted until `window` after it was answered,
    and a message still on its way holds it however long it takes."""
    pacing = Pacing(per_window=2, window=0.2, reserve=0)
    await pacing.slot(1, ANSWER)
    await pacing.slot(2, ANSWER)  # both on their way, not answered yet
    waiting = asyncio.create_task(pacing.slot(3, ANSWER))
    await asyncio.sleep(0.4)  # two windows: but nothing was answered, so nothing left
    assert not waiting.done()
    pacing.sent()  # the first is answered now: it leaves the budget a window later
    answered = time.monotonic()
    await waiting
    assert time.monotonic() - answered >= pacing.window * 0.99
    pacing.sent()
    pacing.sent()


async def test_the_limiter_gives_the_room_back_however_the_request_ends() -> None:
    """Answered, refused with a 429, or failed: each request the limiter let go leaves the
    budget a window after it ended, never holds it for good."""
    pacing = Pacing(per_window=1, window=0.01, reserve=0)
    limiter = pacing.limiter(ANSWER, retries=0)
    data = {"chat_id": ANA}

    async def answered() -> bool:
        return True

    async def refused() -> bool:
        raise RetryAfter(0)

    async def failed() -> bool:
        raise NetworkError("connection reset")

    assert await limiter.process_request(answered, (), {}, "sendMessage", data, None)
    with pytest.raises(RetryAfter):
        await limiter.process_request(refused, (), {}, "sendMessage", data, None)
    with pytest.raises(NetworkError):
        await limiter.process_request(failed, (), {}, "sendMessage", data, None)
    assert pacing._flying == 0
    sent = limiter.process_request(answered, (), {}, "sendMessage", data, None)
    assert await asyncio.wait_for(sent, timeout=10)  # room again


def test_a_reserve_as_large_as_the_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="reserve"):
        Pacing(per_window=3, reserve=3)


def test_a_chat_gets_a_short_burst_then_about_one_a_second() -> None:
    pacing = Pacing(chat_burst=3, chat_per_second=1.0, group_burst=20)
    waits = [pacing.chat_wait(ANA) for _ in range(5)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert 0.9 < waits[3] < waits[4] <= 2.0  # the 4th a second later, the 5th two
    group = [pacing.chat_wait(-100123) for _ in range(21)]
    assert group[:20] == [0.0] * 20 and group[20] > 2.5  # 20 a minute in a group
    assert pacing.chat_wait(BEN) == 0.0  # another chat has its own


def test_only_messages_to_a_chat_are_paced() -> None:
    assert paced("sendMessage", {"chat_id": 1})
    assert paced("editMessageText", {"chat_id": 1})
    assert not paced("answerCallbackQuery", {"callback_query_id": "9"})
    assert not paced("sendChatAction", {"chat_id": 1})
    assert not paced("getUpdates", {})


async def test_the_reminder_bot_shares_the_application_pacing(harness: Harness) -> None:
    app = harness.app
    pacing = app.bot_data.extra["pacing"]
    interactive = app.bot.rate_limiter
    assert isinstance(interactive, Limiter) and interactive.pacing is pacing
    bot = await _reminder_bot(app, app.bot_data.settings)
    try:
        limiter = bot.rate_limiter
        assert isinstance(limiter, Limiter) and limiter.pacing is pacing
        assert (interactive.priority, limiter.priority) == (INTERACTIVE, REMINDERS)
        assert limiter.retries == 0
    finally:
        await bot.shutdown()


async def test_a_429_holds_every_message_and_is_one_warning_line(
    api: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    pacing = Pacing()
    settings = settings_for(api.url)
    caplog.set_level(logging.INFO)
    async with reminder_bot(settings, pacing=pacing) as reminders:
        api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        got = await TelegramSender(reminders).send(ANA, Reply("Time for your check-in"))
        assert got == Delivery("retry", timedelta(seconds=1), "429")
        # The interactive bot on the same pacing: its reply waits out the hold, then goes.
        from bot.tg.application import make_bot

        async with make_bot(settings, rate_limiter=pacing.limiter(INTERACTIVE)) as bot:
            await deliver(bot, BEN, Reply("hello"))
    assert [m["text"] for m in api.sent(BEN)] == ["hello"]
    assert api.sent(ANA) == []
    said = [r for r in caplog.records if "429" in r.getMessage()]
    assert len(said) == 1 and said[0].levelno == logging.WARNING
    assert said[0].exc_info is None and not said[0].exc_text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert pacing.count_429 == 1


async def test_the_interactive_bot_sends_again_after_a_429(
    api: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.tg.application import limiter, make_bot

    pacing = Pacing()
    async with make_bot(settings_for(api.url), rate_limiter=limiter(pacing)) as bot:
        api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        await deliver(bot, ANA, Reply("hello"))
    assert [m["text"] for m in api.sent(ANA)] == ["hello"]
    assert pacing.count_429 == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_tap_is_answered_before_the_database_is_free(
    harness: Harness, pat: Person, db: Database
) -> None:
    """The database is locked when the tap comes: Telegram's callback query is answered at
    once all the same; the reply follows once the lock is gone."""
    await enroll(pat)
    path = make_url(db.url).database
    assert path is not None
    before = len(harness.fake.calls)

    def calls() -> list[str]:
        return [c.method for c in harness.fake.calls[before:]]

    holder = await write_lock(path)
    try:
        tap = asyncio.create_task(pat.tap("📅 Today"))
        for _ in range(100):  # the answer needs no database: it comes while the lock holds
            if "answerCallbackQuery" in calls():
                break
            await asyncio.sleep(0.02)
        under_lock = calls()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    await tap
    assert under_lock == ["answerCallbackQuery"]
    assert calls()[0] == "answerCallbackQuery" and len(calls()) > 1  # then the reply
    said = " ".join(str(c.params.get("text", "")) for c in harness.fake.calls[before:])
    assert "Check-in not done yet" in said  # today's figures were read for it
