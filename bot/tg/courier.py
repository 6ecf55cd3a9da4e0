"""The one delivery path for the outbox: the replies of an event as soon as it committed,
and whatever is still waiting (after an error or a crash) from the outbox job.

Semantics per message (the README's "Never lost, never twice"): what answers a person and
every staff notice is delivered at least once: a network error, a 5xx or a 429 that outlasts
the in-process retries leaves the row to be tried again with a back-off, and the messages
after it are still sent, in order. 403 from a person: they blocked the bot; nothing more is
sent to them. 403 from the staff chat: the bot was removed; the notice fails and the log says
so. 400 with migrate_to_chat_id: the chat moved; the message follows it and the log says,
once, which STAFF_CHAT_ID to set. Any other 400: recorded as failed, not retried.

A message with follow-ups (`Outgoing.then` / `otherwise`) decides what the person hears: a
shared summary's "sent", an attendance notice's "your team will know", only once the staff chat
accepted it; else the alternative at once (a notice Telegram only delayed is still retried,
without its follow-ups).

Priority (bot.tg.pacing): an event's first reply goes at ANSWER (what the person waits for),
its other replies at INTERACTIVE, what the outbox job sends at BULK, behind every reply
waiting, except a crisis reply or a crisis staff notice, which always goes at ANSWER,
however it comes to be sent late (tried again after a failure, replayed after a database
outage, repeated because nobody took it)."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any

from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.domain.conversation import model as m
from bot.service.conversation import Service
from bot.service.mailbox import Outgoing, Settlement, from_row
from bot.service.notices import parse_ack
from bot.tg.delivery import deliver_reliably, edit_photo, markup
from bot.tg.limits import clip
from bot.tg.pacing import ANSWER, BULK, INTERACTIVE

log = logging.getLogger(__name__)


class Courier:
    """Sends `Outgoing` messages and settles their outbox rows."""

    def __init__(self, bot: ExtBot[Any], service: Service) -> None:
        self.bot, self.service = bot, service
        self.moved: dict[int, int] = {}  # chats that became supergroups: old id -> new id
        self.busy: set[int] = set()  # outbox rows being sent by this process now
        self.settling: set[asyncio.Task[None]] = set()  # records being written beside
        self.queued = Settlement()  # outcomes waiting for the record being written now

    async def send(
        self, items: list[Outgoing], wait: bool = True, priority: int = INTERACTIVE
    ) -> Settlement:
        """Send `items` in order at `priority` (`_priority`) and record the outcome of their
        rows; returns it. With `wait` False the record is written beside the caller (a
        handler: a locked database must not hold up the chat's next update), together with
        other handlers' that queue meanwhile; a crash before it is written sends those
        messages again (at least once)."""
        done = Settlement()
        outcome: dict[int, str] = {}  # row id -> worst outcome among its messages
        stopped: set[int] = set()  # chats that blocked the bot in this round
        for n, item in enumerate(items):
            if item.chat_id in stopped:
                _worst(outcome, item.id, "failed")
                continue
            rank = _priority(item, priority, first=n == 0)
            result = await self._one(item, done, rank)
            if result == "sent" and item.later is not None:
                result = await self._later(item, done, max(rank, INTERACTIVE))
            if result == "blocked":
                stopped.add(item.chat_id)
                done.blocked.add(item.chat_id)
            _worst(outcome, item.id, result)
            if item.audit is None and not item.then and not item.otherwise:
                continue
            if result == "sent":
                if item.audit is not None:
                    done.audits.append(item.audit)
                follow = item.then
            else:  # the person is told; a share that did not arrive is not retried
                if item.retry_alone and result == "retry" and item.id:
                    done.told.add(item.id)  # a staff notice: tried again, without them
                else:
                    outcome[item.id or 0] = "failed"
                follow = item.otherwise
            for extra in follow:
                await self._one(extra, done, _priority(extra, max(rank, INTERACTIVE)))
        for row_id, result in outcome.items():
            if not row_id:
                continue
            if result == "sent":
                done.sent.add(row_id)
            elif result == "retry":
                done.retry[row_id] = "not delivered yet"
            else:
                done.failed[row_id] = "blocked (403)" if result == "blocked" else "refused"
        if wait:
            await self._settle(done)
        elif done != Settlement():
            _merge(self.queued, done)
            if not self.settling:  # else the one writing now takes these next
                task = asyncio.create_task(self._settle_queued())
                self.settling.add(task)
                task.add_done_callback(self.settling.discard)
        return done

    async def settled(self, within: float) -> None:
        """Wait (at most `within` seconds) for the outcomes written beside the handlers:
        what is not written by then is sent again at the next start (at-least-once)."""
        if self.settling:
            await asyncio.wait(set(self.settling), timeout=within)

    async def _settle_queued(self) -> None:
        """Write what the handlers' sends came to, beside them: what queued while one round
        was being written goes in the next, in one transaction (under load, one for many
        updates rather than one each)."""
        while self.queued != Settlement():
            done, self.queued = self.queued, Settlement()
            await self._settle(done)

    async def _later(self, item: Outgoing, done: Settlement, priority: int) -> str:
        """The messages `item.later` makes (the /progress charts), after `item` went: the
        person sees "sending a photo" while they are drawn. The worst of their outcomes."""
        assert item.later is not None
        try:
            await self.bot.send_chat_action(self.moved.get(item.chat_id, item.chat_id),
                                            item.later_action)  # fmt: skip
        except TelegramError as exc:  # a courtesy: the charts go anyway
            log.info("chat action not shown: %s", exc.__class__.__name__)
        try:
            replies = await item.later()
        except Exception as exc:  # drawing failed: the row is tried again later
            log.error("charts could not be drawn: %s", exc.__class__.__name__)
            return "retry"
        outcome: dict[int, str] = {}
        for reply in replies:
            edit_id = item.edit_message_id if reply.edit else None  # a chart swapped in place
            made = Outgoing(item.id, item.chat_id, reply, edit_id)
            _worst(outcome, 0, await self._one(made, done, priority))
        return outcome.get(0, "sent")

    async def _settle(self, done: Settlement) -> None:
        try:
            await self.service.outbox.settle(done)
            for chat_id in done.blocked:
                await self.service.set_blocked(chat_id, True)  # a private chat's id is the user's
        except Exception as exc:  # the database: the rows stay pending and are sent again
            log.error("outbox not settled (%s); its messages may be sent twice",
                      exc.__class__.__name__)  # fmt: skip

    async def _one(self, item: Outgoing, done: Settlement, priority: int) -> str:
        """sent, retry, blocked or failed (with why, for a notice)."""
        chat_id = self.moved.get(item.chat_id, item.chat_id)
        for _ in range(2):  # the chat as known, then where it moved to
            try:
                shown = await _send_one(self.bot, chat_id, item.reply, item.edit_message_id,
                                        priority)  # fmt: skip
                event_id = _notice_of(item.reply)
                if event_id is not None and shown is not None:  # to edit once it is taken
                    done.notices.append((event_id, chat_id, shown))
                return "sent"
            except ChatMigrated as exc:
                new_id = int(exc.new_chat_id)
                self.moved[item.chat_id] = done.moved[item.chat_id] = new_id
                if item.reply.chat_id is not None:  # the staff chat (people's chats never move)
                    log.warning("the staff chat became a supergroup: set STAFF_CHAT_ID=%s", new_id)
                else:
                    log.warning("a chat became a supergroup; following it")
                chat_id = new_id
            except Forbidden:
                if item.reply.chat_id is None:
                    return "blocked"
                log.error("staff notice not delivered: the bot is not in the staff chat (403)")
                return "failed"
            except BadRequest as exc:
                log.error("a message was refused: %s", exc.__class__.__name__)
                return "failed"
            except TelegramError as exc:
                log.warning("a message was not delivered yet: %s", exc.__class__.__name__)
                return "retry"
            except Exception as exc:  # a bug must not cost the messages after this one
                log.error("a message could not be sent: %s", exc.__class__.__name__)
                return "retry"
        log.error("a message was not delivered: its chat moved twice")
        return "failed"

    async def send_due(self, limit: int = 50) -> int:
        """Send what waits in the outbox (the job, every few seconds) at BULK priority;
        returns how many rows.

        One chat's rows go in order; different chats do not wait for each other."""
        rows = await self.service.outbox.due(skip=self.busy, limit=limit)
        if not rows:
            return 0
        chats: dict[int, list[Outgoing]] = defaultdict(list)
        broken = Settlement()
        for row_id, chat_id, client_id, kind, payload in rows:
            self.busy.add(row_id)
            try:
                if kind == "compose":
                    made = await self.service.compose(row_id, client_id, payload)
                    chats[chat_id].extend(made or [_gone(row_id, chat_id)])
                    continue
                chats[chat_id].append(from_row(row_id, chat_id, kind, payload))
            except Exception as exc:  # a row that cannot be composed: later, with a back-off
                log.error("outbox message %d could not be prepared: %s", row_id,
                          exc.__class__.__name__)  # fmt: skip
                broken.retry[row_id] = f"not prepared: {exc.__class__.__name__}"
        if broken.retry:
            await self._settle(broken)
        try:
            await asyncio.gather(*(self.send(items, priority=BULK) for items in chats.values()))
        finally:
            self.busy.difference_update(r[0] for r in rows)
        return len(rows)


def _merge(into: Settlement, more: Settlement) -> None:
    """Add one round's outcomes to `into` (rows and chats are distinct between rounds)."""
    into.sent |= more.sent
    into.retry.update(more.retry)
    into.failed.update(more.failed)
    into.blocked |= more.blocked
    into.moved.update(more.moved)
    into.audits.extend(more.audits)
    into.told |= more.told
    into.notices.extend(more.notices)


def _priority(item: Outgoing, given: int, first: bool = False) -> int:
    """`given`, but ANSWER for a crisis reply (help or a risk script) or a crisis staff
    notice (its "I'm on it" button): however late it goes, it goes before any other send;
    and for the `first` reply of an interactive send, the one the person waits for."""
    if item.reply.urgent or _notice_of(item.reply) is not None:
        return ANSWER
    return ANSWER if first and given == INTERACTIVE else given


def _gone(row_id: int, chat_id: int) -> Outgoing:
    """A compose row whose client is gone: nothing to send; settled as sent (so removed)."""
    return Outgoing(row_id, chat_id, m.Reply(""), audit=None)


def _worst(outcome: dict[int, str], row_id: int | None, result: str) -> None:
    order = ("sent", "retry", "failed", "blocked")
    key = row_id or 0
    before = outcome.get(key, "sent")
    if order.index(_kind(result)) >= order.index(_kind(before)):
        outcome[key] = result


def _kind(result: str) -> str:
    return result if result in ("sent", "retry", "blocked") else "failed"


async def _send_one(
    bot: ExtBot[Any], chat_id: int, reply: m.Reply, edit_message_id: int | None, priority: int
) -> int | None:
    """One message: an edit of the tapped message when asked (sent anew when Telegram will
    not edit it), else a new message, with in-process retries (`deliver_reliably`). Returns
    the id of the message that now shows it (None: nothing to say)."""
    if not reply.text and reply.photo is None and reply.document is None:
        return None  # nothing to say (a composition that came to nothing)
    if reply.edit and edit_message_id is not None:
        try:
            if reply.photo is not None:  # a chart swapped for another: the picture is edited
                await edit_photo(bot, chat_id, edit_message_id, reply, priority)
                return edit_message_id
            await bot.edit_message_text(
                clip(reply.text), chat_id=chat_id, message_id=edit_message_id,
                reply_markup=markup(reply),  # type: ignore[arg-type]
                rate_limit_args=priority,
            )  # fmt: skip
            return edit_message_id
        except BadRequest as exc:  # not modified, or too old to edit: send it anew
            log.info("edit failed (%s); sending instead", exc.__class__.__name__)
    return await deliver_reliably(bot, chat_id, reply, priority)


def _notice_of(reply: m.Reply) -> int | None:
    """The crisis event a staff notice is about (its "I'm on it" button), else None."""
    found = (parse_ack(choice.data) for row in reply.buttons for choice in row)
    return next((event_id for event_id in found if event_id is not None), None)
