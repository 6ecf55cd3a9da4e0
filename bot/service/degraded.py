"""Help and crisis before the database: answering when the database is slow or failing.

`Service.handle` runs an event's transaction as a task and gives it `BUDGET` seconds. When it
fails, or is still waiting then (a lock, a server that does not answer), crisis language is
answered at once with its script and a help request with the help text, both static
(`urgent_effects`, pure), and the crisis record is kept in memory (`Spool`) until the
database is back: `replay` writes it through the normal effects path, which plans the morning
check-back and returns the staff notice. Any other event waits for its transaction as before.
A failed event that was not crisis language gets the static help and an apology that says
only what is true: the message may not have been saved.

The spool lives in this process; the door keeps an update answered this way in its inbox
until its event is written (`Spool.unsettled`), so a crash before that handles it again at the
next start. What is lost: an update whose inbox record failed too (README, "Never lost, never
twice")."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.conversation.commands import said_in
from bot.domain.conversation.replies import help_reply
from bot.domain.conversation.urgent import urgent_effects
from bot.locales import norm_lang, t
from bot.service import effects
from bot.service.clock import Clock
from bot.service.mailbox import Outgoing, notice_row
from bot.store import mailbox, repo
from bot.store.database import Database

log = logging.getLogger(__name__)
BUDGET = 1.5  # seconds an event's transaction may take before help and crisis go out anyway
_HERE = Path(__file__).resolve().parents[1]  # the bot package
SPOOL_SIZE = 1000  # crisis records held while the database is down; the oldest go first


@dataclass(frozen=True)
class Held:
    """A crisis record the database could not take yet: who, when, and what was shown."""

    user_id: int
    record: m.RecordCrisis
    at: datetime
    update_id: int | None = None


class Spool:
    """Crisis records waiting for the database, oldest first, at most `size` of them."""

    def __init__(self, size: int = SPOOL_SIZE) -> None:
        self._held: deque[Held] = deque(maxlen=size)
        self.dropped = 0
        # Outbox rows of events that committed late: the person's were answered without
        # them (dropped at the next replay), the staff notices are made due at once.
        self.late_rows: list[Outgoing] = []
        # Transactions still running after their event was answered: held here, since the
        # event loop keeps only weak references to tasks.
        self.late: set[asyncio.Future[list[Outgoing] | None]] = set()
        # Updates answered without the database whose event is not written yet, by update
        # id: the door keeps them in its inbox until then (`unsettled`).
        self._waiting: dict[int, asyncio.Future[None]] = {}

    def __len__(self) -> int:
        return len(self._held)

    def hold(self, held: Held) -> None:
        if len(self._held) == self._held.maxlen:
            self.dropped += 1
            log.error("crisis spool full: the oldest held record is dropped (%d so far)",
                      self.dropped)  # fmt: skip
        self._held.append(held)

    def unsettled(self, update_id: int | None) -> asyncio.Future[None] | None:
        """For an update answered without the database: a future done once its event is
        written (its late transaction committed, or its held crisis records replayed); None
        when nothing of it is waiting. Until then the update must stay in the inbox, so a
        crash in between handles it again instead of losing its record and staff notice."""
        return self._waiting.get(update_id) if update_id is not None else None

    def wait(self, update_id: int | None) -> None:
        """`update_id`'s event was answered without the database and is not written yet."""
        if update_id is not None and update_id not in self._waiting:
            self._waiting[update_id] = asyncio.get_running_loop().create_future()

    def release(self, update_id: int | None) -> None:
        """`update_id`'s event is written (unless records of it are still held)."""
        if update_id is None or any(h.update_id == update_id for h in self._held):
            return
        waiting = self._waiting.pop(update_id, None)
        if waiting is not None and not waiting.done():
            waiting.set_result(None)

    def first(self) -> Held | None:
        return self._held[0] if self._held else None

    def done(self) -> None:
        self._held.popleft()


def fallback(lang: str, helplines: m.Helplines) -> list[m.Reply]:
    """The static help text and an apology: what anyone gets when their event failed."""
    nums = {"crisis": helplines.crisis, "emergency": helplines.emergency}
    return [help_reply(lang, helplines), m.Reply(t(lang, "error.generic", **nums))]


async def urgent(
    event: m.Event, lang: str, settings: Settings, now: datetime
) -> tuple[list[m.Reply], list[m.RecordCrisis]] | None:
    """The static help or crisis answer `event` calls for, and the records it implies."""
    ctx = m.Ctx(now=now, profile=m.Profile(language=lang), helplines=settings.helplines)
    words = m.words_of(event)
    if words.strip():  # the screener takes a few milliseconds: off the event loop
        found = await asyncio.to_thread(urgent_effects, event, ctx, lang)
    else:
        found = urgent_effects(event, ctx, lang)
    if found is None:
        return None
    replies = [e for e in found if isinstance(e, m.Reply)]
    return replies, [e for e in found if isinstance(e, m.RecordCrisis)]


async def guard(
    work: Awaitable[list[Outgoing] | None],
    *,
    chat_id: int,
    user_id: int,
    lang_hint: str,
    event: m.Event,
    update_id: int | None,
    settings: Settings,
    spool: Spool,
    now: datetime,
    budget: float = BUDGET,
) -> list[Outgoing] | None:
    """Run `work` (the event's transaction); answer help and crisis without it when it fails
    or is still waiting after `budget` seconds (messages to `chat_id` with no outbox row)."""

    def bare(replies: list[m.Reply]) -> list[Outgoing]:
        return [Outgoing(None, chat_id, reply) for reply in replies]

    task = asyncio.ensure_future(work)
    await asyncio.wait({task}, timeout=budget)
    # The chosen language is in the profile, out of reach: the one the words are written in,
    # else the phone's (issue 8).
    lang = said_in(event) or norm_lang(lang_hint)
    kind = type(event).__name__
    if task.done():
        exc = task.exception() if not task.cancelled() else asyncio.CancelledError()
        if exc is None:
            return task.result()
        log.error("update %s (%s) failed: %s; answered without the database",
                  update_id, kind, _name(exc))  # fmt: skip
        found = await urgent(event, lang, settings, now)
        if found is None and isinstance(event, m.Edit):
            return []  # an edit was screened, and calls for nothing: nothing was lost
        if found is None or not found[1]:  # nothing or help: the help, and why it is bare
            return bare(fallback(lang, settings.helplines))
        _hold(spool, user_id, found[1], now, update_id)
        spool.wait(update_id)
        return bare(found[0])
    found = await urgent(event, lang, settings, now)
    if found is None:  # nothing urgent: wait for the database as long as it takes
        try:
            return await task
        except Exception as failed:  # any failure gets the static help
            log.error("update %s (%s) failed: %s", update_id, kind, _name(failed))
            return [] if isinstance(event, m.Edit) else bare(fallback(lang, settings.helplines))
    log.warning("update %s (%s): the database is slow; help and crisis answered without it",
                update_id, kind)  # fmt: skip
    spool.late.add(task)
    spool.wait(update_id)
    task.add_done_callback(_late(spool, user_id, found[1], now, update_id))
    return bare(found[0])


def _late(
    spool: Spool, user_id: int, records: list[m.RecordCrisis], now: datetime,
    update_id: int | None,
) -> Callable[[asyncio.Future[list[Outgoing] | None]], None]:  # fmt: skip
    """What to do once a transaction that outlasted the budget ends: if it committed, its
    records are written and its staff notices still have to go out; if it failed, the
    records wait in the spool. (The person already has their answer.)"""

    def finished(task: asyncio.Future[list[Outgoing] | None]) -> None:
        spool.late.discard(task)
        if task.cancelled():
            _hold(spool, user_id, records, now, update_id)
            return
        exc = task.exception()
        if exc is not None:
            log.error("update %s failed late: %s", update_id, _name(exc))
            _hold(spool, user_id, records, now, update_id)
            return
        spool.late_rows.extend(o for o in task.result() or () if o.id is not None)
        spool.release(update_id)

    return finished


def _hold(
    spool: Spool, user_id: int, records: list[m.RecordCrisis], now: datetime,
    update_id: int | None,
) -> None:  # fmt: skip
    for record in records:
        spool.hold(Held(user_id, record, now, update_id))
        log.warning("crisis tier %s (%s) held until the database is back; %d waiting",
                    record.tier, record.source, len(spool))  # fmt: skip


async def replay(db: Database, spool: Spool, settings: Settings, clock: Clock) -> int:
    """Settle what late commits left in the outbox, then write the held crisis records,
    oldest first, each in its own transaction, through the normal effects path (record,
    check-back, and the staff notice into the outbox); stop at the first that fails, to try
    again later. Returns how many outbox messages were made due."""
    due = 0
    late, spool.late_rows = spool.late_rows, []
    if late:
        notices = [o.id for o in late if o.reply.chat_id is not None and o.id is not None]
        answered = [o.id for o in late if o.reply.chat_id is None and o.id is not None]
        try:
            async with db.transaction() as s:
                await mailbox.sent_outgoing(s, answered)  # the static answer went instead
                due += await mailbox.release_ids(s, notices, clock())
        except Exception as exc:
            log.info("late outbox rows not settled yet (%s)", _name(exc))
            spool.late_rows = late + spool.late_rows
    while (held := spool.first()) is not None:
        try:
            async with db.transaction() as s:
                notice = await _write(s, held, settings)
                if notice is not None and notice.chat_id is not None:
                    row = notice_row(notice.chat_id, notice)
                    await mailbox.add_outgoing(s, [row], clock())
        except Exception as exc:  # still down: try again next round
            log.info("crisis spool: database still unavailable (%s); %d waiting",
                     _name(exc), len(spool))  # fmt: skip
            break
        spool.done()
        spool.release(held.update_id)
        due += notice is not None and notice.chat_id is not None
        log.info("crisis spool: a held record was written; %d waiting", len(spool))
    return due


async def _write(s: AsyncSession, held: Held, settings: Settings) -> m.Reply | None:
    """One held record through `effects.save`, as if the event had just committed; its update
    marked handled in the same transaction, so Telegram sending it again (it may not have
    been confirmed: bot.tg.polling) does not write the record a second time."""
    if held.update_id is not None and not await repo.mark_update(s, held.update_id, held.at):
        # Handled after all (the event was delivered again): written there, not twice.
        log.info("crisis spool: update %s was handled since", held.update_id)
        return None
    client = await repo.get_client_by_tg(s, held.user_id)
    return await effects.save(s, client, held.record, held.at, settings)


def _name(exc: BaseException) -> str:
    """An exception's class and where it was raised, never its message: messages can carry
    what a client wrote."""
    where = ""
    tb = exc.__traceback__
    while tb is not None:  # the innermost frame of this project's own code
        path = Path(tb.tb_frame.f_code.co_filename)
        if _HERE in path.parents:
            where = f" at {path.relative_to(_HERE.parent)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return exc.__class__.__name__ + where
