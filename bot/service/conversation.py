"""The one place transactions begin (README, Architecture): load, step, save, then reply.

Adapters (Telegram, terminal) call `Service.handle` with an address and an event, and send
the replies it returns after the transaction has committed."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.conversation.machine import step
from bot.domain.crisis import model as crisis_model
from bot.locales import norm_lang, t
from bot.service import clients, degraded, effects
from bot.service.clock import Clock, system_clock
from bot.service.context import TodayNeeded, build_context, with_today
from bot.service.mailbox import (
    LEASE,
    Inbox,
    Outbox,
    Outgoing,
    encode,
    encode_told,
    then_replies,
    with_told,
)
from bot.store import mailbox, repo, schedules
from bot.store.database import Database, after_commit
from bot.store.models import Client, Conversation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Address:
    """Who sent the event: Telegram user and chat (the terminal uses a made-up user id)."""

    user_id: int
    chat_id: int
    lang_hint: str = "en"


class Service:
    """Runs one event per transaction through the pure conversation machine."""

    def __init__(self, db: Database, settings: Settings, clock: Clock = system_clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.inbox = Inbox(db, clock)
        self.outbox = Outbox(db, clock)
        self.spool = degraded.Spool()  # crisis records waiting for the database
        crisis_model.load()  # once, at start: the first crisis message must not wait for it

    async def handle(
        self, addr: Address, event: m.Event, update_id: int | None = None
    ) -> list[m.Reply] | None:
        """Apply `event` and return the replies; None for a redelivered `update_id`, which
        was handled (and answered) before and changes nothing now. The caller sends them
        (the terminal); a door that may lose them uses `handle_update`. Help and crisis are
        answered within `degraded.BUDGET` seconds even when the database fails or waits."""
        done = await self._guarded(addr, event, update_id, None, durable=False)
        # Nothing here can fail to arrive (the terminal prints the staff notice too): what
        # hangs on a notice's delivery follows it.
        if done is None:
            return None
        replies: list[m.Reply] = []
        for o in done:
            said = o.reply.text or o.reply.photo is not None or o.reply.document is not None
            replies.extend((o.reply, *then_replies(o)) if said else then_replies(o))
            if o.later is not None:  # the terminal waits for the charts
                replies.extend(await o.later())
        return replies

    async def handle_update(
        self, addr: Address, event: m.Event, update_id: int, edit_message_id: int | None = None
    ) -> list[Outgoing] | None:
        """Like `handle`, but every reply and staff notice is written to the outbox in the
        event's transaction (and charts, exports and shares as a row to compose), so a
        crash or a Telegram error after the commit loses none of them: the caller sends
        them and settles them with `outbox.settle`. `edit_message_id` is the tapped message
        a reply marked `edit` replaces. Messages answered without the database have no
        outbox row (`Outgoing.id` None)."""
        return await self._guarded(addr, event, update_id, edit_message_id, durable=True)

    async def replay_spool(self) -> int:
        """Write the crisis records held while the database was down (their staff notices
        into the outbox), and settle what late commits left there; returns how many outbox
        messages are now due. Cheap when nothing is held: call it every few seconds."""
        if not len(self.spool) and not self.spool.late_rows:
            return 0
        return await degraded.replay(self.db, self.spool, self.settings, self.clock)

    async def _guarded(
        self, addr: Address, event: m.Event, update_id: int | None,
        edit_message_id: int | None, durable: bool,
    ) -> list[Outgoing] | None:  # fmt: skip
        work = self._handle(addr, event, update_id, edit_message_id, durable)
        return await degraded.guard(
            work, chat_id=addr.chat_id, user_id=addr.user_id, lang_hint=addr.lang_hint,
            event=event, update_id=update_id, settings=self.settings, spool=self.spool,
            now=self.clock(),
        )  # fmt: skip

    async def _handle(
        self, addr: Address, event: m.Event, update_id: int | None,
        edit_message_id: int | None, durable: bool,
    ) -> list[Outgoing] | None:  # fmt: skip
        now = self.clock()
        async with self.db.transaction() as s:
            if durable and update_id is not None and await mailbox.drop_update(s, update_id):
                # The inbox row goes with the event: the poller need not delete it after.
                after_commit(s, functools.partial(self.inbox.dropped_with_event, update_id))
            if update_id is not None and not await repo.mark_update(s, update_id, now):
                log.info("update %s already processed; skipped", update_id)
                return None
            client, conv = await repo.client_and_conversation(s, addr.user_id)
            state, draft = _state_of(client, conv)
            ctx = await build_context(s, self.settings, client, addr.lang_hint, event, now)
            try:
                out = await _step(state, draft, event, ctx)
            except TodayNeeded:  # the step reads today's figures: read, step again (pure)
                assert client is not None, "a stranger's context has today's figures"
                ctx = await with_today(s, ctx, client, now)
                out = await _step(state, draft, event, ctx)
            client, replies, hang = await self._apply(s, client, addr, event, out, now)
            heavy = [
                e for e in out.effects if isinstance(e, m.ShowProgress | m.Export | m.ShareSummary)
            ] if client is not None else []  # fmt: skip
            ids: list[int | None] = [None] * (len(replies) + len(heavy))
            if client is not None:
                saved = conv if conv is not None and conv.client_id == client.id else None
                await repo.save_turn(s, client, saved, out.state.value, out.draft, now)
                who = (client.id, client.pseudo_id, client.language)
            if durable:
                rows = _outbox_rows(addr, client, update_id, replies, hang, heavy, edit_message_id)
                ids = list(await mailbox.add_outgoing(s, rows, now, due=now + LEASE))
        log.info(
            "event %s for %s: %s -> %s",
            type(event).__name__, client.pseudo_id if client else "stranger", state, out.state,
        )  # fmt: skip
        done = [
            with_told(row, r.chat_id or addr.chat_id, r, addr.chat_id, hang[n]) if n in hang
            else Outgoing(row, r.chat_id or addr.chat_id, r, edit_message_id)
            for n, (row, r) in enumerate(zip(ids, replies, strict=False))
        ]  # fmt: skip
        for row, effect in zip(ids[len(replies) :], heavy, strict=True):
            done.extend(
                await self._after_commit(effect, *who, addr.chat_id, row, now, edit_message_id)
            )
        return done

    async def compose(
        self, row_id: int, client_id: int | None, payload: dict[str, Any]
    ) -> list[Outgoing]:
        """Compose again what an outbox "compose" row asks for (a chart, an export, a
        share) after its first composition was lost; [] when the client is gone."""
        if client_id is None:
            return []
        async with self.db.transaction() as s:
            client = await s.get(Client, client_id)
            if client is None:
                return []
            who = (client.id, client.pseudo_id, client.language)
            chat_id = client.chat_id
        effect = _effect_of(payload)
        edit_id = payload.get("edit_message_id")
        return await self._after_commit(effect, *who, chat_id, row_id, self.clock(), edit_id)

    async def _after_commit(
        self, effect: m.Effect, client_id: int, pseudo_id: str, lang: str, chat_id: int,
        row_id: int | None, now: datetime, edit_message_id: int | None = None,
    ) -> list[Outgoing]:  # fmt: skip
        """Effects that read the whole history (and draw charts): outside the event's
        transaction, so the write lock is not held while they run. `edit_message_id`: the
        chart a "Show N days" tap swaps."""
        from bot.service import insights

        if isinstance(effect, m.ShowProgress) and effect.swap:  # one picture, in place
            chart = await insights.chart_swap(self.db, client_id, now, effect.days, self.settings)
            if chart is None:
                return []
            return [Outgoing(row_id, chat_id, m.Reply(""), edit_message_id, later=chart)]
        if isinstance(effect, m.ShowProgress):  # the figures first; the charts as they are drawn
            first, charts = await insights.progress_parts(
                self.db, client_id, now, effect.days, self.settings
            )
            if not first:
                return []
            return [Outgoing(row_id, chat_id, first[0], later=charts)]
        elif isinstance(effect, m.Export):
            replies = await insights.export_replies(self.db, client_id, pseudo_id, lang, now)
        else:
            share = await insights.share(self.db, client_id, now, self.settings)
            if isinstance(share, m.Reply):  # sharing is not set up
                return [Outgoing(row_id, chat_id, share)]
            if row_id is None:  # the terminal: no staff chat to fail; as before
                await self._audit(share.audit, now)
                return [Outgoing(None, share.staff.chat_id or chat_id, share.staff),
                        Outgoing(None, chat_id, share.sent)]  # fmt: skip
            assert share.staff.chat_id is not None
            told = Outgoing(None, chat_id, share.sent), Outgoing(None, chat_id, share.failed)
            return [Outgoing(row_id, share.staff.chat_id, share.staff, then=told[:1],
                             otherwise=told[1:], audit=share.audit)]  # fmt: skip
        return [Outgoing(row_id, chat_id, r) for r in replies]

    async def _audit(self, entry: tuple[str, str, str, str], now: datetime) -> None:
        from bot.store import audit

        async with self.db.transaction() as s:
            await audit.record(s, *entry, now)

    async def prune(self, keep: timedelta = timedelta(days=7)) -> int:
        """Forget update ids older than `keep`: Telegram never redelivers after a day."""
        async with self.db.transaction() as s:
            return await repo.prune_updates(s, self.clock() - keep)

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Telegram told us the person blocked (or unblocked) the bot: stop or resume sending."""
        async with self.db.transaction() as s:
            client = await repo.get_client_by_tg(s, user_id)
            if client is None:
                return
            await repo.set_blocked(s, client, blocked, self.clock())
            log.info(
                "client %s %s the bot", client.pseudo_id, "blocked" if blocked else "unblocked"
            )

    async def _apply(
        self,
        s: AsyncSession,
        client: Client | None,
        addr: Address,
        event: m.Event,
        out: m.Outcome,
        now: datetime,
    ) -> tuple[Client | None, list[m.Reply], dict[int, m.IfStaffTold]]:
        """Carry out the effects in order; return the client (created or deleted), the
        replies and notices, and what hangs on a notice's delivery (by the notice's index).

        A reply that hangs on a notice (`IfStaffTold`) is paired with the notice of the
        effect just before it; when that effect made none (no staff chat), its `untold`
        is the reply."""
        replies: list[m.Reply] = []
        hang: dict[int, m.IfStaffTold] = {}
        notice_at: int | None = None  # the notice of the effect just carried out
        for effect in out.effects:
            last, notice_at = notice_at, None
            if isinstance(effect, m.IfStaffTold):
                if last is None:
                    replies.append(effect.untold)
                else:
                    hang[last] = effect
            elif isinstance(effect, m.Reply):
                replies.append(effect)
            elif isinstance(effect, m.Enroll):
                client = await self._enroll(s, addr, event, now)
            elif isinstance(effect, m.DeleteClient) and client is not None:
                counts = await clients.erase_client(s, client)  # staff's `erase` too
                lang = client.language
                client = None
                replies.append(m.Reply(t(lang, "delete.done", summary=_summary(counts, lang))))
            elif isinstance(effect, m.ShowProgress | m.Export | m.ShareSummary):
                continue  # run after the commit, see handle()
            else:
                notice = await effects.save(s, client, effect, now, self.settings)
                if notice is not None:
                    notice_at = len(replies)
                    replies.append(notice)
        return client, replies, hang

    async def _enroll(
        self, s: AsyncSession, addr: Address, event: m.Event, now: datetime
    ) -> Client:
        invite = None
        if isinstance(event, m.Command) and event.arg:
            invite = await repo.find_invite(s, event.arg)
            invite = invite if invite is not None and repo.invite_open(invite, now) else None
        # The invite's client id, label and counselor become the client's.
        client = await repo.create_client(
            s,
            tg_user_id=addr.user_id,
            chat_id=addr.chat_id,
            now=now,
            language=norm_lang(addr.lang_hint),
            timezone=self.settings.program_timezone,
            invite=invite,
        )
        if invite is not None:
            await repo.use_invite(s, invite, client.id, now)
            track = await schedules.get_track(s, invite.track) if invite.track else None
            client.track_id = track.id if track is not None else None
        log.info("client %s enrolling", client.pseudo_id)
        return client


def _state_of(client: Client | None, conv: Conversation | None) -> tuple[m.State, dict[str, Any]]:
    """The conversation's state and a copy of its draft."""
    if client is None:
        return m.State.STRANGER, {}
    if conv is None:  # e.g. a client created by staff tooling: enrolled means the menu
        return (m.State.MENU if client.enrolled_at else m.State.LANGUAGE), {}
    return m.State(conv.state), dict(conv.draft)


_WORDS = ("checkins", "cravings", "trigger_logs", "coping_outcomes", "crisis_events", "consents")


def _summary(counts: dict[str, int], lang: str) -> str:
    """What /delete removed, as 'N check-ins, M cravings, ...' (table names in the catalog)."""
    parts = [
        f"{n} {t(lang, 'deleted.' + table)}"
        for table, n in counts.items()
        if n and table in _WORDS
    ]
    parts.append(t(lang, "deleted.profile"))
    return ", ".join(parts)


def _outbox_rows(
    addr: Address, client: Client | None, update_id: int | None, replies: list[m.Reply],
    hang: dict[int, m.IfStaffTold], heavy: Sequence[m.Effect], edit_message_id: int | None,
) -> list[dict[str, Any]]:  # fmt: skip
    """The outbox rows of one event: its replies and notices in order (a notice with what
    hangs on its delivery, so a restart still sends it), then one row per effect to compose
    after the commit."""
    cid = client.id if client is not None else None
    rows = []
    for n, r in enumerate(replies):
        assert r.photo is None and r.document is None, "media are composed, not stored"
        said = encode(r, edit_message_id)
        if n in hang:
            said |= encode_told(hang[n], addr.chat_id)
        rows.append({
            "chat_id": r.chat_id or addr.chat_id, "client_id": None if r.chat_id else cid,
            "update_id": update_id, "kind": "notice" if r.chat_id else "reply",
            "payload": said,
        })  # fmt: skip
    for effect in heavy:
        if isinstance(effect, m.ShowProgress):
            payload: dict[str, Any] = {"compose": "progress", "days": effect.days}
            if effect.swap:
                payload["swap"] = True
                if edit_message_id is not None:
                    payload["edit_message_id"] = edit_message_id
        else:
            payload = {"compose": "export" if isinstance(effect, m.Export) else "share"}
        rows.append({"chat_id": addr.chat_id, "client_id": cid, "update_id": update_id,
                     "kind": "compose", "payload": payload})  # fmt: skip
    return rows


def _effect_of(payload: dict[str, Any]) -> m.Effect:
    """The effect a "compose" row stands for."""
    what = payload.get("compose")
    if what == "progress":
        return m.ShowProgress(int(payload.get("days", 14)), bool(payload.get("swap")))
    return m.Export() if what == "export" else m.ShareSummary()


async def _step(state: m.State, draft: dict[str, Any], event: m.Event, ctx: m.Ctx) -> m.Outcome:
    """The machine's step; off the event loop when the event carries words to screen (the
    screener takes a few milliseconds), inline for taps, which are never screened."""
    words = m.words_of(event)
    if not words.strip():
        return step(state, draft, event, ctx)
    return await asyncio.to_thread(step, state, draft, event, ctx)
