"""Help and crisis before the database (issue 9, item 3), on a real SQLite file and the real
Service, the faults made for real: a lock held by another connection, a file the process may
not write, a file system with no space left, a database whose folder is gone.

Each test asserts that the person's answer came from the right script within 2 s, and that
the crisis record, the morning check-back and the staff notice are there once the fault ends.
`pytest tests/service/test_db_faults.py -s` prints the measured times."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from bot.config import Settings, load_settings
from bot.domain.conversation import model as m
from bot.domain.conversation.replies import numbers
from bot.locales import t
from bot.service.conversation import Address, Service
from bot.service.mailbox import decode
from bot.store.database import Database, upgrade
from bot.store.models import CrisisEvent, Reminder
from tests.faults import as_nobody, fill, set_mode, small_tmpfs
from tests.service.test_service import Clock, enroll

STAFF = -100123
ANA = Address(1001, 1001, "en")
BEN = Address(1002, 1002, "es")
CRISIS_EN = "i want to end my life tonight"
CRISIS_ES = "quiero matarme esta noche"
FAST = 2.0  # seconds: the most a crisis reply may take, whatever the database does


def settings() -> Settings:
    return load_settings(enrollment="invite", staff_chat_id=STAFF)


async def service_at(folder: Path) -> Service:
    url = f"sqlite:///{folder}/bot.db"
    upgrade(url)
    return Service(Database(url), settings(), Clock())


@pytest.fixture
async def svc(tmp_path: Path) -> AsyncIterator[Service]:
    service = await service_at(tmp_path)
    yield service
    await service.db.dispose()


async def timed(svc: Service, addr: Address, event: m.Event, update_id: int) -> tuple[float, str]:
    """The Telegram door's path (replies and notices through the outbox): seconds, texts."""
    start = time.monotonic()
    sent = await svc.handle_update(addr, event, update_id)
    assert sent is not None
    return time.monotonic() - start, "\n".join(o.reply.text for o in sent)


def script(lang: str, key: str) -> str:
    """The first line of a crisis script, enough to tell which tier was sent (the two tier-1
    replies, the overdose steps and suicidal intent, share theirs)."""
    return t(lang, key, **numbers(settings().helplines, lang)).split("\n")[0]


async def crisis_rows(svc: Service) -> tuple[int, int]:
    """Crisis records and check-backs in the database."""
    async with svc.db.transaction() as s:
        crises = await s.scalar(select(func.count()).select_from(CrisisEvent))
        checkbacks = await s.scalar(
            select(func.count()).select_from(Reminder).where(Reminder.kind == "checkback")
        )
    return int(crises or 0), int(checkbacks or 0)


async def settle(svc: Service, within: float = 15.0) -> list[m.Reply]:
    """Run the replay job (as the Telegram door does every few seconds) until nothing is
    held and no late transaction is still going; the staff notices now due in the outbox."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        await svc.replay_spool()
        if not len(svc.spool) and not svc.spool.late and not svc.spool.late_rows:
            break
        await asyncio.sleep(0.2)
    due: list[Any] = []
    for _ in range(50):  # the outbox job, every few seconds, until the pool writes again
        try:
            due = await svc.outbox.due()
            break
        except OperationalError:  # a connection opened while the file was read-only
            await asyncio.sleep(0.2)
    else:
        raise AssertionError("the outbox never wrote again")
    return [decode(payload, chat_id)[0] for _, chat_id, _, kind, payload in due
            if kind == "notice"]  # fmt: skip


def assert_notice(notices: list[m.Reply]) -> None:
    assert len(notices) == 1, [n.text for n in notices]
    assert notices[0].chat_id == STAFF
    # The time of the message (2026-11-26 18:00 UTC), in PROGRAM_TIMEZONE.
    assert "tier 1" in notices[0].text and "At Thu Nov 26 1:00 PM EST." in notices[0].text


# --- a lock --------------------------------------------------------------------------------


@contextlib.contextmanager
def locked(path: Path) -> Iterator[sqlite3.Connection]:
    """Another process-like connection holding the write lock (and readers out)."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield holder
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()


async def test_a_crisis_under_a_lock_is_answered_at_once_and_recorded_after(
    svc: Service, tmp_path: Path
) -> None:
    await enroll(svc, ANA)
    with locked(tmp_path / "bot.db"):
        took, text = await timed(svc, ANA, m.Text(CRISIS_EN), 1)
        assert not len(svc.spool)  # the transaction is still waiting for the lock
        waiting = svc.spool.unsettled(1)  # the door keeps update 1 in its inbox meanwhile
        assert waiting is not None and not waiting.done()
    print(f"\ncrisis reply with the database locked: {took:.2f} s")
    assert took < FAST
    assert text.startswith(script("en", "crisis.emergency_intent"))
    notices = await settle(svc)
    assert_notice(notices)
    assert await crisis_rows(svc) == (1, 1)
    assert not len(svc.spool)
    assert waiting.done() and svc.spool.unsettled(1) is None  # written: the inbox may let go


async def test_a_lock_longer_than_the_busy_timeout_spools_the_record(
    svc: Service, tmp_path: Path
) -> None:
    """The transaction gives up after the busy timeout (10 s); the record waits in memory and
    the replay writes it once the lock is gone. Slow (about 11 s): it waits the timeout out."""
    await enroll(svc, BEN)
    with locked(tmp_path / "bot.db"):
        took, text = await timed(svc, BEN, m.Text(CRISIS_ES), 1)
        assert took < FAST
        assert text.startswith(script("es", "crisis.emergency_intent"))
        for _ in range(150):  # the late transaction fails at the busy timeout
            if len(svc.spool):
                break
            await asyncio.sleep(0.1)
        assert len(svc.spool) == 1
        assert await svc.replay_spool() == 0  # still locked: kept for the next round
        assert len(svc.spool) == 1
        waiting = svc.spool.unsettled(1)  # failed and held: the update stays in the inbox
        assert waiting is not None and not waiting.done()
    assert_notice(await settle(svc))
    assert await crisis_rows(svc) == (1, 1)
    assert waiting.done() and svc.spool.unsettled(1) is None


# --- read-only -----------------------------------------------------------------------------


@pytest.fixture
async def nobody_svc() -> AsyncIterator[tuple[Service, Path]]:
    """A service on a folder of its own under /tmp (pytest's is root's and closed to others)."""
    folder = Path(tempfile.mkdtemp(prefix="dbfault-"))
    os.chmod(folder, 0o755)  # mkdtemp makes it 0700
    service = await service_at(folder)
    try:
        yield service, folder
    finally:
        await service.db.dispose()
        shutil.rmtree(folder, ignore_errors=True)


async def test_read_only_crisis_answered_recorded_after_and_the_engine_recovers(
    nobody_svc: tuple[Service, Path],
) -> None:
    svc, folder = nobody_svc
    await enroll(svc, ANA)
    await svc.handle(BEN, m.Text(CRISIS_EN), 90)  # warms the code paths the fault will take
    before = await crisis_rows(svc)
    with as_nobody(folder):
        set_mode(folder, writable=False)
        # The pool may hold connections opened before: those keep writing. What broke for
        # good were the connections opened while the file was read-only: SQLite opens them
        # read-only without a word. Start from none, as after a restart or a recycle.
        await svc.db.dispose()
        took, text = await timed(svc, ANA, m.Text(CRISIS_EN), 1)
        print(f"\ncrisis reply with the database read-only: {took:.2f} s")
        assert took < FAST
        assert text.startswith(script("en", "crisis.emergency_intent"))
        assert len(svc.spool) == 1
        assert await svc.replay_spool() == 0  # still read-only: kept
        _, help_text = await timed(svc, ANA, m.Command("help"), 2)
        assert t("en", "error.generic", crisis="988", emergency="911") in help_text
        set_mode(folder, writable=True)
        assert_notice(await settle(svc))  # the same pool: it reopened its connections
        # and the conversation goes on: a plain write succeeds with no restart
        _, menu = await timed(svc, ANA, m.Command("help"), 3)
        assert menu.startswith(t("en", "help.title")) and "Sorry" not in menu
    assert await crisis_rows(svc) == (before[0] + 1, before[1] + 1)


# --- disk full -----------------------------------------------------------------------------


@pytest.fixture
def small_fs() -> Iterator[Path]:
    """A 2 MB tmpfs: a file system that can really run out of space."""
    with small_tmpfs(2, "the disk-full test") as folder:
        yield folder


async def test_disk_full_crisis_answered_and_recorded_when_space_is_back(
    small_fs: Path,
) -> None:
    svc = await service_at(small_fs)
    try:
        await enroll(svc, ANA)
        # The WAL is emptied first so the next commit must grow a file.
        with sqlite3.connect(small_fs / "bot.db") as c:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(small_fs)
        took, text = await timed(svc, ANA, m.Text(CRISIS_EN), 1)
        print(f"\ncrisis reply with the disk full: {took:.2f} s")
        assert took < FAST
        assert text.startswith(script("en", "crisis.emergency_intent"))
        assert len(svc.spool) == 1
        # While full, a replay keeps the record, or writes it when the pages the failed
        # transaction left in the WAL are enough for it (the outbox row made that likelier).
        written = await svc.replay_spool()
        assert len(svc.spool) == (0 if written else 1)
        filler.unlink()
        assert_notice(await settle(svc))
        assert await crisis_rows(svc) == (1, 1)
    finally:
        await svc.db.dispose()


# --- down ----------------------------------------------------------------------------------


async def test_help_and_crisis_while_the_database_is_gone(tmp_path: Path) -> None:
    """The folder holding the database disappears (an unmounted volume) and comes back."""
    folder = tmp_path / "data"
    folder.mkdir()
    svc = await service_at(folder)
    try:
        await enroll(svc, ANA)
        await svc.db.dispose()
        folder.rename(tmp_path / "away")
        took, text = await timed(svc, ANA, m.Command("help"), 1)
        print(f"\nhelp with the database gone: {took:.2f} s")
        assert took < FAST
        assert text.startswith(t("en", "help.title"))
        assert text.endswith(t("en", "error.generic", crisis="988", emergency="911"))
        took, text = await timed(svc, BEN, m.Text(CRISIS_ES), 2)  # a stranger, in Spanish
        assert took < FAST and text.startswith(script("es", "crisis.emergency_intent"))
        took, text = await timed(svc, ANA, m.Button("g:safe:n"), 3)  # "I'm not safe"
        assert took < FAST and text.startswith(script("en", "safe.danger"))
        _, text = await timed(svc, ANA, m.Text("rough day at work"), 4)
        assert text.endswith(t("en", "error.generic", crisis="988", emergency="911"))
        assert await svc.handle(ANA, m.Edit("see you tomorrow"), 5) == []  # screened: nothing
        _, text = await timed(svc, ANA, m.Edit(CRISIS_EN), 6)  # an edit turned into a crisis
        assert text.startswith(script("en", "crisis.emergency_intent"))
        assert len(svc.spool) == 3
        (tmp_path / "away").rename(folder)
        notices = await settle(svc)
        # Ben is a stranger: recorded, no notice, no check-back. Ana: two notices, and one
        # check-back (one per morning, however many crises).
        assert [n.chat_id for n in notices] == [STAFF, STAFF]
        async with svc.db.transaction() as s:
            rows = (await s.scalars(select(CrisisEvent).order_by(CrisisEvent.id))).all()
        assert [(r.tier, r.source, r.client_id is None) for r in rows] == [
            (1, "text", True),
            (1, "safety_button", False),
            (1, "edit", False),
        ]
        assert (await crisis_rows(svc))[1] == 1
        assert rows[1].created_at.replace(tzinfo=UTC) == datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    finally:
        await svc.db.dispose()


async def test_a_slow_database_is_not_taken_for_a_failed_one(svc: Service, tmp_path: Path) -> None:
    """An ordinary message under a short lock waits for the database and is answered from
    it, without an apology; nothing is held."""
    await enroll(svc, ANA)
    with locked(tmp_path / "bot.db") as holder:
        loop = asyncio.get_running_loop()
        loop.call_later(2.5, holder.execute, "ROLLBACK")
        took, text = await timed(svc, ANA, m.Text("rough day at work"), 1)
    assert 2.0 < took < 9
    assert "Sorry" not in text and not len(svc.spool)


async def test_without_the_database_the_words_choose_the_language(tmp_path: Path) -> None:
    """The chosen language is in the profile, out of reach: a crisis is answered in the
    language it is written in, else the phone's (issue 8). Ana's phone is English, Ben's
    Spanish."""
    folder = tmp_path / "data"
    folder.mkdir()
    svc = await service_at(folder)
    try:
        await svc.db.dispose()
        folder.rename(tmp_path / "away")
        _, text = await timed(svc, ANA, m.Text(CRISIS_ES), 1)
        assert text.startswith(script("es", "crisis.emergency_intent"))
        _, text = await timed(svc, BEN, m.Text(CRISIS_EN), 2)
        assert text.startswith(script("en", "crisis.emergency_intent"))
        _, text = await timed(svc, ANA, m.Text("ayuda"), 3)
        assert text.startswith(t("es", "help.title"))
        _, text = await timed(svc, ANA, m.Command("help", lang="es"), 4)  # typed /ayuda
        assert text.startswith(t("es", "help.title"))
        _, text = await timed(svc, BEN, m.Text("ok"), 5)  # no language: the phone's
        assert text.startswith(t("es", "help.title"))
        (tmp_path / "away").rename(folder)
        await settle(svc)
    finally:
        await svc.db.dispose()
