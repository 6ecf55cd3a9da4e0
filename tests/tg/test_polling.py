"""The product's own long polling (bot.tg.polling) through the real Application: one chat's
updates in order, other chats not held up behind a chat whose update waits for the database."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from bot.service.conversation import Service
from bot.store.models import InboxUpdate, Reminder
from bot.tg.application import PLAN_EVERY, serve
from tests.faults import write_lock
from tests.tg import updates as u
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person


def texts_to(harness: Harness, chat_id: int) -> list[str]:
    return [m.text for m in harness.fake.messages.values() if m.chat_id == chat_id]


async def until(harness: Harness, check, seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Wait for `check()`, woken by each message sent; the seconds it took (fails after
    `seconds`)."""
    start = time.monotonic()
    async with asyncio.timeout(seconds):
        while True:
            harness.fake.sent.clear()
            if check():
                return time.monotonic() - start
            await harness.fake.sent.wait()


async def test_a_chat_waiting_for_the_database_does_not_hold_up_another(
    harness: Harness, pat: Person, service: Service, tmp_path: Path
) -> None:
    await enroll(pat)
    ben = harness.person(5550002)
    harness.fake.remember_chat(u.private_chat(ben.user))  # queued updates skip deliver()
    stop = asyncio.Event()
    running = asyncio.create_task(serve(harness.app, service, 1, stop))
    for _ in range(200):  # polling has begun (start-up reads the inbox first)
        if harness.fake.of("getUpdates"):
            break
        await asyncio.sleep(0.05)
    holder = await write_lock(tmp_path / "test.db")  # another process holds the write lock
    try:
        before = len(texts_to(harness, pat.id))
        harness.fake.queue_update(u.command(harness.next_id(), pat.user, "checkin"))
        harness.fake.queue_update(u.text(harness.next_id(), ben.user, "i want to end my life"))
        took = await until(harness, lambda: any("911" in t for t in texts_to(harness, ben.id)), 5)
        assert took < 2.0  # Ben's crisis did not queue behind Pat's check-in
        assert len(texts_to(harness, pat.id)) == before  # Pat's waits for the database
        holder.execute("ROLLBACK")
        await until(harness, lambda: len(texts_to(harness, pat.id)) > before, 15)
        assert "mood" in texts_to(harness, pat.id)[-1]
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
        stop.set()
        await asyncio.wait_for(running, 20)


async def test_one_chats_updates_are_handled_in_order(
    harness: Harness, pat: Person, service: Service
) -> None:
    await enroll(pat)
    stop = asyncio.Event()
    running = asyncio.create_task(serve(harness.app, service, 1, stop))
    try:
        before = len(texts_to(harness, pat.id))
        for words in ("/checkin", "4", "2"):  # mood 4, then craving 2: order matters
            if words.startswith("/"):
                harness.fake.queue_update(u.command(harness.next_id(), pat.user, words[1:]))
            else:
                harness.fake.queue_update(u.text(harness.next_id(), pat.user, words))
        await until(harness, lambda: len(texts_to(harness, pat.id)) >= before + 3, 10)
    finally:
        stop.set()
        await asyncio.wait_for(running, 20)
    prompts = texts_to(harness, pat.id)[before:]
    assert "mood" in prompts[0] and "craving" in prompts[1], prompts


async def test_jobs_meant_to_run_at_start_do_run_at_start(
    harness: Harness, pat: Person, service: Service
) -> None:
    """The planner (every 5 minutes) runs when the bot starts, not one interval later: after a
    restart, what was added meanwhile is planned at once."""
    await enroll(pat)
    async with harness.db.transaction() as s:
        await s.execute(delete(Reminder))  # as if the planner had never run for Pat
    stop = asyncio.Event()
    running = asyncio.create_task(serve(harness.app, service, 1, stop))
    try:
        async with asyncio.timeout(10):
            while True:
                async with harness.db.transaction() as s:
                    if await s.scalar(select(func.count()).select_from(Reminder)):
                        break
                await asyncio.sleep(0.1)
        queue = harness.app.job_queue
        assert queue is not None
        (plan,) = queue.get_jobs_by_name("plan")
        assert plan.next_t is not None
        assert plan.next_t - datetime.now(UTC) > timedelta(seconds=PLAN_EVERY - 15)
    finally:
        stop.set()
        await asyncio.wait_for(running, 20)


async def serving_locked(
    harness: Harness, service: Service, tmp_path: Path
) -> tuple[asyncio.Event, asyncio.Task[None], sqlite3.Connection]:
    """The poll loop running (its first getUpdates made), then the write lock taken by
    another connection: the stop event, the loop's task, and the connection holding it."""
    stop = asyncio.Event()
    running = asyncio.create_task(serve(harness.app, service, 1, stop))
    for _ in range(200):
        if harness.fake.of("getUpdates"):
            break
        await asyncio.sleep(0.05)
    return stop, running, await write_lock(tmp_path / "test.db")


async def test_a_batch_waiting_to_be_recorded_does_not_stop_the_next_fetch(
    harness: Harness, pat: Person, service: Service, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """The inbox cannot be written (another process holds the write lock): Pat's /help is
    answered without it, and the poll loop fetches Ben's crisis message next instead of
    waiting for Pat's batch to be recorded (SQLite's busy timeout: 10 s). Once the lock is
    gone the late record lands and is cleared again, so a restart does not answer it twice."""
    await enroll(pat)
    ben = harness.person(5550002)
    harness.fake.remember_chat(u.private_chat(ben.user))
    stop, running, holder = await serving_locked(harness, service, tmp_path)
    try:
        helped = len([t for t in texts_to(harness, pat.id) if "988" in t])
        harness.fake.queue_update(u.command(harness.next_id(), pat.user, "help"))
        await until(harness, lambda: len([t for t in texts_to(harness, pat.id) if "988" in t])
                    > helped, 9)  # fmt: skip
        harness.fake.queue_update(u.text(harness.next_id(), ben.user, "i want to end my life"))
        await until(harness, lambda: any("911" in t for t in texts_to(harness, ben.id)), 9)
        assert "inbox could not be written" not in caplog.text  # Pat's record still waits
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    try:
        async with asyncio.timeout(20):
            while True:
                async with harness.db.transaction() as s:
                    left = await s.scalar(select(func.count()).select_from(InboxUpdate))
                if not left and not running.done():
                    break
                await asyncio.sleep(0.1)
    finally:
        stop.set()
        await asyncio.wait_for(running, 20)
    assert "inbox could not be written" not in caplog.text


async def test_a_crisis_in_a_later_batch_does_not_wait_behind_another_chats_message(
    harness: Harness, pat: Person, service: Service, tmp_path: Path
) -> None:
    """The database locked, Pat's /checkin (which must wait for it) fetched alone, Ben's
    crisis half a second later in a batch of its own: Ben is answered within the crisis
    budget, not after Pat's wait (a critic measured 31 s: the poll loop waited for Pat's batch
    to be handled or recorded before fetching again)."""
    await enroll(pat)
    ben = harness.person(5550002)
    harness.fake.remember_chat(u.private_chat(ben.user))
    stop, running, holder = await serving_locked(harness, service, tmp_path)
    try:
        harness.fake.queue_update(u.command(harness.next_id(), pat.user, "checkin"))
        await asyncio.sleep(0.5)  # fetched alone: its batch waits for the database
        harness.fake.queue_update(u.text(harness.next_id(), ben.user, "i want to end my life"))
        took = await until(harness, lambda: any("911" in t for t in texts_to(harness, ben.id)),
                           40)  # fmt: skip
        assert took < 3.0, f"the crisis waited {took:.1f} s"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        stop.set()
        await asyncio.wait_for(running, 40)


def offsets(harness: Harness) -> list[int]:
    """The offset of every getUpdates so far (0 for none)."""
    return [int(c.params.get("offset") or 0) for c in harness.fake.of("getUpdates")]


async def test_a_handled_update_is_not_confirmed_until_its_inbox_record_lands(
    harness: Harness, pat: Person, service: Service, tmp_path: Path
) -> None:
    """Answered while the inbox cannot be written, Pat's message is not confirmed to
    Telegram (the offset stays at it) until its record lands: a crash meanwhile would leave
    it with Telegram, which sends it again to the next start. Then it is confirmed."""
    await enroll(pat)
    stop, running, holder = await serving_locked(harness, service, tmp_path)
    try:
        helped = len([t for t in texts_to(harness, pat.id) if "988" in t])
        held = harness.next_id()
        harness.fake.queue_update(u.command(held, pat.user, "help"))
        await until(harness, lambda: len([t for t in texts_to(harness, pat.id) if "988" in t])
                    > helped, 9)  # fmt: skip
        fetched = len(offsets(harness))
        await asyncio.sleep(2.5)  # the poll loop goes on fetching (long polls of 1 s)
        later = offsets(harness)[fetched:]
        assert later, "the poll loop stopped fetching while the record waited"
        assert max(later) <= held, f"confirmed before it was recorded: {later}"
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    try:
        async with asyncio.timeout(20):
            while True:  # the next getUpdates after the record landed confirms it
                if max(offsets(harness)) > held:
                    break
                await asyncio.sleep(0.1)
    finally:
        stop.set()
        await asyncio.wait_for(running, 20)


async def test_a_tap_left_by_the_last_run_is_handled_but_not_answered_again(
    harness: Harness, pat: Person, service: Service
) -> None:
    """The last run answered the callback query at once, then died before the update was
    done: this run handles it from the inbox, and does not answer the query a second time
    (Telegram refuses that)."""
    await enroll(pat)
    menu = pat.keyboard()
    query_id = harness.next_query_id()
    harness.fake.queries.add(query_id)
    raw = harness.fake.message_json(menu)
    tap = u.callback(harness.next_id(), pat.user, raw, "m:today", query_id)
    await service.inbox.record([(tap["update_id"], pat.id, tap)])
    answers = len(harness.fake.of("answerCallbackQuery"))
    before = len(texts_to(harness, pat.id))
    stop = asyncio.Event()
    running = asyncio.create_task(serve(harness.app, service, 1, stop))
    try:
        await until(harness, lambda: len(texts_to(harness, pat.id)) > before, 10)
    finally:
        stop.set()
        await asyncio.wait_for(running, 20)
    assert any("Check-in" in t for t in texts_to(harness, pat.id)[before:])
    assert len(harness.fake.of("answerCallbackQuery")) == answers


async def test_a_stop_lets_every_job_run_that_began_finish(
    harness: Harness, service: Service
) -> None:
    """A job run that begins while the stop waits for the ones already running (PTB gathers
    only those) was cancelled at the scheduler's shutdown and cut off as the process ended: once
    the outbox job between sending a staff notice and recording it sent, so the next start sent
    it again (CI, a stop while a crisis record was held). Every run that began must end before
    `serve` returns, and none begins once the stop has started."""
    assert harness.app.job_queue is not None
    began: list[str] = []
    ended: list[str] = []
    both = asyncio.Event()  # "long" under way and "short" run once: time to stop

    def job(name: str, seconds: float):  # type: ignore[no-untyped-def]
        async def run(_context) -> None:  # type: ignore[no-untyped-def]
            began.append(name)
            if "long" in began and "short" in ended:
                both.set()
            await asyncio.sleep(seconds)
            ended.append(name)
            if "long" in began and "short" in ended:
                both.set()

        return run

    once = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}
    for name, seconds in (("long", 0.6), ("short", 0.2)):
        harness.app.job_queue.run_repeating(
            job(name, seconds), interval=0.05, first=0.05, name=name, job_kwargs=once
        )
    stop = asyncio.Event()
    running = asyncio.create_task(serve(harness.app, service, 1, stop))
    try:
        await asyncio.wait_for(both.wait(), 10)
    finally:
        stop.set()
        await asyncio.wait_for(running, 20)
    assert began, "no job ran"
    assert sorted(began) == sorted(ended), (began, ended)
