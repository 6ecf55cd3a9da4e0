"""The daily flag digest: once a program day, the clients the report's rules flag, to staff.

At FLAG_DIGEST_AT (program-local, PROGRAM_TIMEZONE) the bot's job calls `send_due`: every
enrolled client's history is read, the report's flag rules are applied over their last seven
local days (`bot.domain.insights.digest_flags`), and, when anyone is flagged, one notice goes
to the staff chat through the outbox, like the crisis notice: each flagged client by
pseudonymous id, label and counselor, with the flags in words, and an "I'm on it" button
(callback data "flags:<flag_digests.id>"). Nothing a client wrote is in it, and its first
lines say only "Daily flags", the date and how many clients, so a lock screen shows nothing
more. A long digest is split into parts that each fit one Telegram message, each with the
button.

At most one digest per program day, whatever restarts or second processes: the day's row in
`flag_digests` is the idempotency key, claimed in the transaction that writes the outbox rows.
A day with nothing flagged gets a row too (0 clients), and no message. Without STAFF_CHAT_ID,
or with FLAG_DIGEST_AT=off, nothing is read or written. A digest is not sent again when nobody
takes it: tomorrow's is the next word. Each flagged client is audited ("digest", actor
"bot"), and the first tap on the button ("ack", subject "all"), like a crisis notice's."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.insights import (
    FLAG_CRAVING,
    FLAG_MEDICATION,
    FLAG_MISSED,
    FLAG_SLEEP,
    digest_flags,
)
from bot.locales import t, tn
from bot.locales.formats import counted
from bot.service.mailbox import notice_row
from bot.service.notices import LANG, Ack, program_time, who
from bot.store import audit, digests, mailbox
from bot.store.database import Database
from bot.store.history import load_histories
from bot.store.models import Client

log = logging.getLogger(__name__)
PREFIX = "flags:"  # callback data "flags:<flag_digests.id>": an opaque row id, nothing more
# Clients read per transaction: on SQLite every transaction holds the write lock, and a
# crisis reply waits at most 1.5 s for it; a slice of 100 histories reads in a few hundredths.
SLICE = 100
# Characters of one part: under Telegram's 4,096 with room for the "is on it" line an
# "I'm on it" tap adds.
PART_CHARS = 3500
FLAG_KEYS = {
    FLAG_CRAVING: "staff.flag.craving",
    FLAG_MEDICATION: "staff.flag.medication",
    FLAG_SLEEP: "staff.flag.sleep",
    FLAG_MISSED: "staff.flag.missed",
}
DONE_MARK = "\n\n✅ "  # what a taken notice ends with: the "is on it" line follows


@dataclass(frozen=True)
class Flagged:
    """One client in the digest: who (id, label, counselor), their status, the report's flag
    names (FLAG_*), in the rules' order."""

    pseudo_id: str
    who: str
    status: str
    flags: tuple[str, ...]


def flag_line(f: Flagged) -> str:
    """'• c-3f9a1b2c (label A-17, counselor Dana): craving 8 or more two days running'; a
    client who stopped or blocked the bot says so last."""
    words = [t(LANG, FLAG_KEYS[flag]) for flag in f.flags]
    if f.status in ("stopped", "blocked"):
        words.append(t(LANG, f"staff.flags.status.{f.status}"))
    return t(LANG, "staff.flags.line", client=f.who, flags="; ".join(words))


def digest_texts(day: date, found: list[Flagged]) -> list[str]:
    """The digest as one or more message texts (each under PART_CHARS), none when nobody is
    flagged. Each starts with the title and the count: no flag on the first lines."""
    if not found:
        return []
    lead, rules = tn(LANG, "staff.flags.lead", len(found)), t(LANG, "staff.flags.rules")
    room = PART_CHARS - len(lead) - len(rules) - 80  # the title with "(part N of M)"
    parts: list[list[str]] = [[]]
    for line in (flag_line(f)[: room - 1] for f in found):
        if parts[-1] and sum(len(x) + 1 for x in parts[-1]) + len(line) > room:
            parts.append([])
        parts[-1].append(line)
    stamp = f"{day:%a %b %d}"
    texts = []
    for n, lines in enumerate(parts, start=1):
        title = (
            t(LANG, "staff.flags.title", day=stamp)
            if len(parts) == 1
            else t(LANG, "staff.flags.title.part", day=stamp, n=n, total=len(parts))
        )
        texts.append(f"{title}\n{lead}\n\n" + "\n".join(lines) + f"\n\n{rules}")
    return texts


def take_button(digest_id: int) -> tuple[tuple[m.Choice, ...], ...]:
    """The digest's one-button keyboard, the crisis notice's "I'm on it"."""
    return ((m.Choice(t(LANG, "staff.ack.button"), f"{PREFIX}{digest_id}"),),)


def parse_take(data: str) -> int | None:
    """The flag_digests row id of an "I'm on it" tap on a digest, or None."""
    head, _, rest = data.partition(":")
    if f"{head}:" != PREFIX or not rest.isdigit() or len(rest) > 18:
        return None
    return int(rest)


def program_day(now: datetime, zone: str) -> date:
    """The program's local date of `now`."""
    return now.astimezone(ZoneInfo(zone)).date()


def is_due(now: datetime, settings: Settings) -> bool:
    """Whether today's digest may go: a staff chat is set, the digest is on, and the program's
    clock has reached FLAG_DIGEST_AT (a run after it, the same program day, still sends)."""
    at = settings.flag_digest_time
    if settings.staff_chat_id is None or at is None:
        return False
    return now.astimezone(ZoneInfo(settings.program_timezone)).time() >= at


async def flagged(db: Database, now: datetime, program_days: int = 90) -> list[Flagged]:
    """Every enrolled client the digest rules flag, ordered by pseudonymous id; read SLICE
    clients per transaction. Each client's "today" is their own local date, as in the
    report."""
    async with db.transaction() as s:
        stmt = select(Client.id).where(Client.enrolled_at.is_not(None)).order_by(Client.pseudo_id)
        ids = list(await s.scalars(stmt))
    found: list[Flagged] = []
    for start in range(0, len(ids), SLICE):
        async with db.transaction() as s:
            found += await _flagged_slice(s, ids[start : start + SLICE], now, program_days)
    return found


async def _flagged_slice(
    s: AsyncSession, ids: list[int], now: datetime, program_days: int
) -> list[Flagged]:
    clients = {c.id: c for c in await s.scalars(select(Client).where(Client.id.in_(ids)))}
    out = []
    for h in await load_histories(s, ids, program_days=program_days):
        today = now.astimezone(ZoneInfo(h.timezone)).date()
        names = digest_flags(h, today)
        if names:
            out.append(Flagged(h.pseudo_id, who(clients[h.client_id]), h.status, tuple(names)))
    return out


async def send_due(db: Database, now: datetime, settings: Settings) -> int:
    """Send today's digest if it is due and was not made yet (see the module docstring):
    through the outbox, to STAFF_CHAT_ID, each flagged client audited. Returns how many
    outbox rows were written (0: not due, made already, or nobody flagged)."""
    if not is_due(now, settings):
        return 0
    day = program_day(now, settings.program_timezone)
    async with db.transaction() as s:
        if await digests.sent_on(s, day):
            return 0
    found = await flagged(db, now, settings.program_length_days)
    texts = digest_texts(day, found)
    chat = settings.staff_chat_id
    assert chat is not None  # is_due
    async with db.transaction() as s:
        digest_id = await digests.claim(s, day, now, len(found), len(texts))
        if digest_id is None or not texts:
            return 0
        rows = [notice_row(chat, m.Reply(text, take_button(digest_id), chat_id=chat))
                for text in texts]  # fmt: skip
        await mailbox.add_outgoing(s, rows, now)
        for f in found:
            detail = f"daily flags {day}, digest {digest_id}: " + "; ".join(f.flags)
            await audit.record(s, "bot", "digest", f.pseudo_id, detail, now)
    log.info("daily flags %s: digest %d, %d clients, %d messages", day, digest_id, len(found),
             len(texts))  # fmt: skip
    return len(rows)


def taken_text(shown: str, done: str) -> str:
    """The digest message as everyone should see it once taken: as it was shown, with the
    "is on it" line (in place of one it already had)."""
    return shown.split(DONE_MARK, 1)[0] + DONE_MARK + done


async def acknowledge(
    s: AsyncSession, digest_id: int, actor: str, name: str, now: datetime, zone: str,
    shown: str | None,
) -> Ack:  # fmt: skip
    """Record the first tap on a digest's "I'm on it" (who, when, audited as "ack"); a later
    tap changes nothing and is told who took it. `shown` is the text of the message tapped,
    as Telegram has it: the digest is not stored, so the edited message is that text with
    the "is on it" line (None: no edit)."""
    digest = await digests.for_update(s, digest_id)
    if digest is None or digest.clients == 0:
        return Ack(False, None, t(LANG, "staff.ack.gone"))
    first = digest.ack_at is None
    if first:
        digest.ack_by, digest.ack_name, digest.ack_at = actor, name[:64], now
        detail = (f"daily flags {digest.day}, digest {digest.id}, "
                  f"{counted(digest.clients, 'client', 'clients')}")  # fmt: skip
        await audit.record(s, actor, "ack", "all", detail, now)
    taker = digest.ack_name or "staff"
    assert digest.ack_at is not None
    done = t(LANG, "staff.ack.done", name=taker, time=program_time(digest.ack_at, zone))
    toast = done if first else t(LANG, "staff.ack.taken", name=taker)
    return Ack(first, taken_text(shown, done) if shown else None, toast)
