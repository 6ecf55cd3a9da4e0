"""The inbox and the outbox as the doors use them.

Inbox: a door records the updates it fetched before it confirms them to Telegram, and
finishes each one once handled; at start-up it gets back what a previous run left.

Outbox: `Service.handle_update` writes every reply and staff notice in the transaction of
the event that decided it; the door sends them at once and settles them here (sent ones are
deleted); what could not be sent is tried again with a bounded back-off by the door's
outbox job, at least once, until `GIVE_UP_AFTER`. Charts, exports and shared summaries are
written as one "compose" row, composed after the commit and again if that is lost."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from bot.domain.conversation import model as m
from bot.service.clock import Clock, system_clock
from bot.store import mailbox
from bot.store.database import Database

log = logging.getLogger(__name__)
# A previous run that died with an update still unhandled gets it again at start-up; one
# that died with it twice more sets it aside (it may be what kills the bot).
MOST_ATTEMPTS = 3
# Seconds between attempts at an outbox row, by attempts so far (the last repeats).
BACKOFF: tuple[float, ...] = (2, 5, 15, 30, 60, 120, 300)
GIVE_UP_AFTER = timedelta(hours=24)
# The replies of an event are sent by the door right after the commit; the outbox job
# leaves them alone for this long (a restart makes them due at once).
LEASE = timedelta(seconds=60)


Row = tuple[int, int, int | None, str, dict[str, Any]]  # id, chat_id, client_id, kind, payload


@dataclass(frozen=True)
class Outgoing:
    """One message to send: its outbox row (None when not recorded), where, and what.

    Several messages composed from one "compose" row share its id; the row is settled once
    they have all gone. `then` goes to the person once this one is delivered and `otherwise`
    when it cannot be (a shared summary: "sent" only when it was); `audit` is recorded on
    delivery as (actor, action, subject, detail). A message sent with `otherwise` is not
    tried again (a share that did not go is not sent late), unless `retry_alone`: a staff
    notice that Telegram only delayed is still tried again, without its follow-ups, since
    the person was told to call their program instead.

    `later`: more messages of the same row that take time to make (the /progress charts):
    the door sends this one first, shows `later_action` ("upload_photo": "sending a photo")
    while `later()` makes them, then sends them."""

    id: int | None
    chat_id: int
    reply: m.Reply
    edit_message_id: int | None = None
    then: tuple[Outgoing, ...] = ()
    otherwise: tuple[Outgoing, ...] = ()
    audit: tuple[str, str, str, str] | None = None
    retry_alone: bool = False
    later: Callable[[], Awaitable[list[m.Reply]]] | None = field(default=None, compare=False)
    later_action: str = "upload_photo"


@dataclass
class Settlement:
    """What one round of sending found: rows sent, to retry (id, detail), failed (id,
    detail), chats that blocked the bot, chats that moved (old, new), audits to record, rows
    to retry whose follow-ups were already sent (`told`: kept without them), and the crisis
    notices delivered as (crisis event id, chat id, message id), so taking one elsewhere
    can edit them."""

    sent: set[int] = field(default_factory=set)
    retry: dict[int, str] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    moved: dict[int, int] = field(default_factory=dict)
    audits: list[tuple[str, str, str, str]] = field(default_factory=list)
    told: set[int] = field(default_factory=set)
    notices: list[tuple[int, int, int]] = field(default_factory=list)


def encode(reply: m.Reply, edit_message_id: int | None = None) -> dict[str, Any]:
    """A text reply as JSON for the outbox (photos and documents are composed, not stored)."""
    payload: dict[str, Any] = {"text": reply.text}
    if reply.buttons:
        payload["buttons"] = [[[c.label, c.data] for c in row] for row in reply.buttons]
    for key in ("protect", "help_key", "edit", "urgent"):
        value = getattr(reply, key)
        if value:
            payload[key] = value
    if edit_message_id is not None and reply.edit:
        payload["edit_message_id"] = edit_message_id
    return payload


def decode(payload: dict[str, Any], chat_id: int | None = None) -> tuple[m.Reply, int | None]:
    """The reply an outbox payload holds, and the message it edits (if any)."""
    buttons = tuple(tuple(m.Choice(label, data) for label, data in row)
                    for row in payload.get("buttons", ()))  # fmt: skip
    reply = m.Reply(
        payload["text"], buttons, protect=bool(payload.get("protect")),
        help_key=payload.get("help_key"), edit=bool(payload.get("edit")),
        urgent=bool(payload.get("urgent")), chat_id=chat_id,
    )  # fmt: skip
    return reply, payload.get("edit_message_id")


def notice_row(
    chat_id: int, reply: m.Reply, edit_message_id: int | None = None
) -> dict[str, Any]:
    """An outbox row for a message to staff (`kind` "notice": no client, no update), as
    `mailbox.add_outgoing` takes it; with `edit_message_id`, an edit of that message."""
    return {"chat_id": chat_id, "client_id": None, "update_id": None, "kind": "notice",
            "payload": encode(reply, edit_message_id)}  # fmt: skip


def encode_told(told: m.IfStaffTold, person_chat_id: int) -> dict[str, Any]:
    """What hangs on a staff notice, for its outbox payload: the person's chat and both
    replies (a restart sends the notice and then one of them)."""
    return {"person": person_chat_id, "then": encode(told.told), "otherwise": encode(told.untold)}


def with_told(
    row_id: int | None, chat_id: int, notice: m.Reply, person_chat_id: int, told: m.IfStaffTold
) -> Outgoing:
    """A staff notice with the person's reply hanging on its delivery."""
    return Outgoing(
        row_id, chat_id, notice, then=(Outgoing(None, person_chat_id, told.told),),
        otherwise=(Outgoing(None, person_chat_id, told.untold),), retry_alone=True,
    )  # fmt: skip


def from_row(row_id: int, chat_id: int, kind: str, payload: dict[str, Any]) -> Outgoing:
    """The message an outbox row (not a "compose" one) holds, with what hangs on it."""
    reply, edit_id = decode(payload, chat_id if kind == "notice" else None)
    if "then" not in payload:
        return Outgoing(row_id, chat_id, reply, edit_id)
    told = m.IfStaffTold(decode(payload["then"])[0], decode(payload["otherwise"])[0])
    return with_told(row_id, chat_id, reply, int(payload["person"]), told)


def then_replies(item: Outgoing) -> tuple[m.Reply, ...]:
    """The replies that follow `item` once it is delivered."""
    return tuple(extra.reply for extra in item.then)


def backoff(attempts: int) -> timedelta:
    """How long to wait after `attempts` failed attempts (seconds from BACKOFF)."""
    return timedelta(seconds=BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1])


DROPPED_KEPT = 10_000


class Inbox:
    """Telegram updates recorded before they are confirmed, until they are handled."""

    def __init__(self, db: Database, clock: Clock = system_clock) -> None:
        self.db, self.clock = db, clock
        # Updates whose inbox row their event's own transaction deleted, until the poller
        # asks (`dropped`); the oldest forgotten past DROPPED_KEPT (a door without a poller).
        self._dropped: dict[int, bool] = {}  # insertion-ordered: the oldest goes first

    def dropped_with_event(self, update_id: int) -> None:
        """`update_id`'s row went with its event's committed transaction."""
        self._dropped[update_id] = True
        if len(self._dropped) > DROPPED_KEPT:
            del self._dropped[next(iter(self._dropped))]

    def dropped(self, update_id: int) -> bool:
        """Whether `update_id`'s row went with its event's transaction (asked once: the
        poller then has no row to delete)."""
        return self._dropped.pop(update_id, False)

    async def record(self, updates: Sequence[tuple[int, int | None, dict[str, Any]]]) -> list[int]:
        """Record (update_id, lane, payload) rows; returns the ids that are new (not handled
        before, not already waiting), which the caller now hands to its handlers."""
        async with self.db.transaction() as s:
            return await mailbox.record_updates(s, updates, self.clock())

    async def restart(self) -> list[tuple[int, dict[str, Any]]]:
        """What a previous run left unhandled, oldest first, as (update_id, payload); what
        was tried MOST_ATTEMPTS times is set aside and counted in the log."""
        async with self.db.transaction() as s:
            keep, aside = await mailbox.restart_inbox(s, MOST_ATTEMPTS, self.clock())
            found = [(row.update_id, dict(row.payload)) for row in keep]
        for update_id in aside:
            log.error("update %d was never handled in %d runs; set aside", update_id,
                      MOST_ATTEMPTS)  # fmt: skip
        if found:
            log.info("%d updates left unhandled by the last run are handled now", len(found))
        return found

    async def finish(self, update_ids: Iterable[int]) -> None:
        """These updates are handled: their payload is dropped (the event's transaction
        keeps their ids)."""
        async with self.db.transaction() as s:
            await mailbox.finish_updates(s, update_ids)


class Outbox:
    """Outgoing messages kept until Telegram accepted them."""

    def __init__(self, db: Database, clock: Clock = system_clock) -> None:
        self.db, self.clock = db, clock
        self.started_at = clock()  # rows written before this are a previous run's

    async def due(self, skip: Iterable[int] = (), limit: int = 50) -> list[Row]:
        """Rows whose time has come as (id, chat_id, client_id, kind, payload), oldest first;
        rows that waited longer than GIVE_UP_AFTER fail instead."""
        now = self.clock()
        async with self.db.transaction() as s:
            rows = await mailbox.due_outgoing(s, now, skip, limit)
            old = [r.id for r in rows if now - r.created_at > GIVE_UP_AFTER]
            await mailbox.fail_outgoing(s, old, "gave up after a day")
            found = [(r.id, r.chat_id, r.client_id, r.kind, dict(r.payload))
                     for r in rows if r.id not in old]  # fmt: skip
        for row_id in old:
            log.error("outbox message %d not delivered within a day; given up", row_id)
        return found

    async def restart(self) -> int:
        """After a start: what the last run meant to send itself is due now (this run's own
        rows are left to their senders); returns how many."""
        async with self.db.transaction() as s:
            found = await mailbox.release_outgoing(s, self.clock(), self.started_at)
        if found:
            log.info("%d outbox messages left by the last run are due now", found)
        return found

    async def settle(self, done: Settlement) -> None:
        """Record one round's results in one transaction."""
        from bot.store import audit

        if done == Settlement():
            return  # nothing to record (messages sent without the database, for one)
        now = self.clock()
        async with self.db.transaction() as s:
            await mailbox.sent_outgoing(s, done.sent)
            await mailbox.drop_follow_ups(s, done.told, ("person", "then", "otherwise"))
            for row_id, detail in done.retry.items():
                await mailbox.retry_outgoing(s, row_id, now, detail, backoff)
            for row_id, detail in done.failed.items():
                await mailbox.fail_outgoing(s, [row_id], detail)
            for chat_id in done.blocked:
                await mailbox.fail_chat(s, chat_id, "blocked (403)")
            for old, new in done.moved.items():
                await mailbox.move_chat(s, old, new)
            for actor, action, subject, detail in done.audits:
                await audit.record(s, actor, action, subject, detail, now)
            await mailbox.notices_shown(s, done.notices, now)
