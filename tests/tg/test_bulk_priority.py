"""Bulk sends wait behind replies (issue 12): what the outbox job sends (a reply tried again
after a failure, a notice the web view wrote) goes at BULK, behind every reply to what a
person just did; a crisis reply tried again and a crisis staff notice, even a repeat, stay at
reply priority.

Contention is made with the application's real `Pacing`: every message is held while the
outbox job and a person's reply queue for their turns, and the order they then reach the
fake Bot API in is the order the pacing granted them (its budget cut to one message in any
50 ms for this: a budget with room sends those it grants side by side, in any order)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.service.mailbox import notice_row
from bot.service.notices import renotify_due
from bot.store import mailbox
from bot.tg import delivery
from bot.tg.pacing import ANSWER, BULK, INTERACTIVE, Pacing
from tests.tg.conftest import MovableClock, enroll, staff_settings
from tests.tg.driver import Harness, Person
from tests.tg.test_outbox import courier_of, outage

STAFF_CHAT = -4001
HOLD = 3.0  # seconds every message is held: the job and the reply queue meanwhile


@pytest.fixture
def settings(enrollment: str) -> Settings:
    return staff_settings(enrollment, STAFF_CHAT)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delivery, "RETRY_WAITS", (0.0, 0.0))
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


def granted(harness: Harness, since: int) -> list[tuple[int, str]]:
    """(chat, text) of each sendMessage since call `since`, in the order it reached the API."""
    return [(int(c.params["chat_id"]), str(c.params["text"]))
            for c in harness.fake.calls[since:] if c.method == "sendMessage"]  # fmt: skip


async def until(seen: list[tuple[int, int]], chat: int) -> None:
    """Wait (on the event loop, not on a clock) until a message to `chat` asked for a slot."""
    for _ in range(1000):
        if any(c == chat for c, _ in seen):
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"nothing to {chat} ever asked for a slot")


async def test_the_outbox_jobs_sends_wait_behind_a_reply_crisis_notices_do_not(
    harness: Harness, pat: Person, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ben, cal = harness.person(5550002), harness.person(5550003)
    for person in (pat, ben, cal):
        await enroll(person)
    outage(harness, 3, chat_id=cal.id)  # cal's crisis reply fails: tried again too
    await cal.say("i want to kill myself")  # and the crisis notice to staff nobody takes
    outage(harness, 3, chat_id=ben.id)  # ben's answer fails: the outbox tries it again
    await ben.command("today")
    clock.now += timedelta(minutes=16)  # ben's row is due, and the notice's repeat
    service = harness.app.bot_data.svc()
    assert await renotify_due(service.db, clock(), service.settings) == 1
    web = m.Reply("Invite A-17 was made in the web view", chat_id=STAFF_CHAT)
    async with harness.db.transaction() as s:
        await mailbox.add_outgoing(s, [notice_row(STAFF_CHAT, web)], clock())

    pacing: Pacing = harness.app.bot_data.extra["pacing"]
    seen: list[tuple[int, int]] = []  # (chat, priority) of each message asking for a slot
    slot = pacing.slot

    async def watched(chat_id: Any, priority: int = INTERACTIVE) -> None:
        seen.append((int(chat_id), priority))
        await slot(chat_id, priority)

    monkeypatch.setattr(pacing, "slot", watched)
    for name, value in (("per_window", 1), ("window", 0.05), ("reserve", 0)):
        monkeypatch.setattr(pacing, name, value)
    since = len(harness.fake.calls)
    pacing.hold(HOLD)
    job = asyncio.create_task(courier_of(harness).send_due())
    for chat in (ben.id, cal.id, STAFF_CHAT):  # the job's sends are queued first
        await until(seen, chat)
    reply = asyncio.create_task(pat.command("today"))
    await until(seen, pat.id)
    assert granted(harness, since) == [], f"the {HOLD} s hold ended before all had queued"
    await asyncio.gather(job, reply)

    order = granted(harness, since)
    chats = [chat for chat, _ in order]
    repeat = next(i for i, (c, text) in enumerate(order) if "reminder 1" in text)
    first_reply, retried, crisis = chats.index(pat.id), chats.index(ben.id), chats.index(cal.id)
    from_web = next(i for i, (_, text) in enumerate(order) if text == web.text)
    assert "988" in order[crisis][1]  # the crisis script, tried again
    # Queued in the order ben's retry, cal's, the repeat (the job), then pat's reply.
    assert max(crisis, repeat) < first_reply < retried < from_web
    # The priorities each asked with.
    # pat's first reply, the crisis script and the crisis notice at ANSWER (issue 12: what
    # a person waits for goes first); pat's menu after it at INTERACTIVE.
    assert set(seen) == {
        (pat.id, ANSWER), (pat.id, INTERACTIVE), (cal.id, ANSWER), (STAFF_CHAT, ANSWER),
        (ben.id, BULK), (STAFF_CHAT, BULK),
    }  # fmt: skip
