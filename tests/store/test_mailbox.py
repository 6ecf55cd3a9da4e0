"""The inbox and the outbox on SQLite and PostgreSQL: what is recorded, set aside, retried,
released and settled (the service's Inbox and Outbox over the real tables)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.domain.conversation import model as m
from bot.service.mailbox import (
    BACKOFF,
    GIVE_UP_AFTER,
    LEASE,
    MOST_ATTEMPTS,
    Inbox,
    Outbox,
    Settlement,
    decode,
    encode,
)
from bot.store import mailbox, repo
from bot.store.database import Database
from bot.store.models import AuditEntry, InboxUpdate, OutboxMessage, ProcessedUpdate

T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


async def count(db: Database, model: type) -> int:
    async with db.transaction() as s:
        return int(await s.scalar(select(func.count()).select_from(model)) or 0)


def update(update_id: int, chat: int = 5) -> tuple[int, int, dict[str, object]]:
    return update_id, chat, {"update_id": update_id, "message": {"text": "words"}}


async def test_the_inbox_records_once_and_skips_what_was_handled(store_db: Database) -> None:
    inbox = Inbox(store_db, Clock())
    assert await inbox.record([update(1), update(2)]) == [1, 2]
    assert await inbox.record([update(2), update(3)]) == [3]  # 2 is waiting already
    async with store_db.transaction() as s:
        await repo.mark_update(s, 4, T0)  # handled by an earlier run, confirmed too late
    assert await inbox.record([update(4)]) == []
    await inbox.finish([1, 2])
    assert await count(store_db, InboxUpdate) == 1
    # Finishing keeps no words and marks nothing: the event's transaction marks the id.
    assert await count(store_db, ProcessedUpdate) == 1


async def test_a_restart_hands_back_what_was_left_and_sets_aside_what_keeps_failing(
    store_db: Database,
) -> None:
    inbox = Inbox(store_db, Clock())
    await inbox.record([update(10), update(11, chat=6)])
    for run in range(1, MOST_ATTEMPTS):  # each run dies with both still in hand
        left = await inbox.restart()
        assert [u for u, _ in left] == [10, 11], run
        assert left[0][1]["message"] == {"text": "words"}
    await inbox.finish([11])  # the last run handled 11; 10 killed it every time
    assert await inbox.restart() == []
    assert await count(store_db, InboxUpdate) == 0
    async with store_db.transaction() as s:  # and it is never fetched in again
        assert await mailbox.record_updates(s, [update(10)], T0) == []


def notice(text: str = "Crisis notice") -> dict[str, object]:
    return {"chat_id": -100, "client_id": None, "update_id": 1, "kind": "notice",
            "payload": encode(m.Reply(text, chat_id=-100))}  # fmt: skip


async def test_the_outbox_leases_retries_with_a_backoff_and_gives_up_after_a_day(
    store_db: Database,
) -> None:
    clock = Clock()
    outbox = Outbox(store_db, clock)
    async with store_db.transaction() as s:
        [row] = await mailbox.add_outgoing(s, [notice()], T0, due=T0 + LEASE)
    assert await outbox.due() == []  # the door that wrote it sends it itself
    assert await outbox.restart() == 0  # a run leaves its own rows to their senders
    clock.now += timedelta(seconds=1)
    assert await Outbox(store_db, clock).restart() == 1  # the next run: due at once
    [(row_id, chat, _, kind, payload)] = await outbox.due()
    assert (row_id, chat, kind) == (row, -100, "notice")
    assert decode(payload, chat)[0] == m.Reply("Crisis notice", chat_id=-100)
    assert await outbox.due(skip={row}) == []  # being sent by this process
    for attempt, wait in enumerate(BACKOFF[:3], start=1):
        await outbox.settle(Settlement(retry={row: "502"}))
        clock.now += timedelta(seconds=wait - 1)
        assert await outbox.due() == [], attempt
        clock.now += timedelta(seconds=1)
        assert [r[0] for r in await outbox.due()] == [row], attempt
    clock.now = T0 + GIVE_UP_AFTER + timedelta(seconds=1)
    assert await outbox.due() == []
    async with store_db.transaction() as s:
        gone = await s.get(OutboxMessage, row)
        assert gone is not None
        assert (gone.status, gone.payload, gone.attempts) == ("failed", {}, 3)


async def test_settling_deletes_fails_follows_and_audits(store_db: Database) -> None:
    outbox = Outbox(store_db, Clock())
    reply = {"chat_id": 7, "client_id": None, "update_id": 2, "kind": "reply",
             "payload": encode(m.Reply("hello"))}  # fmt: skip
    async with store_db.transaction() as s:
        sent, refused, blocked, moved = await mailbox.add_outgoing(
            s, [reply, reply, {**reply, "chat_id": 8}, notice()], T0
        )
    await outbox.settle(Settlement(
        sent={sent}, failed={refused: "400 message is too long"}, blocked={8},
        moved={-100: -1009}, audits=[("client:c-1", "share", "c-1", "weekly")],
    ))  # fmt: skip
    async with store_db.transaction() as s:
        rows = {r.id: r for r in await s.scalars(select(OutboxMessage))}
        assert sent not in rows
        assert (rows[refused].status, rows[refused].detail) == (
            "failed",
            "400 message is too long",
        )
        assert (rows[blocked].status, rows[blocked].detail) == ("failed", "blocked (403)")
        assert (rows[moved].status, rows[moved].chat_id) == ("pending", -1009)
        assert [a.action for a in await s.scalars(select(AuditEntry))] == ["share"]
