"""Reminders end to end: the bot as a real process against the loopback fake Bot API.

1. kill -9 while reminders are due, 30 minutes of simulated downtime, restart: the lateness
   rules hold, nothing is sent twice, nothing is lost without a "missed" or "uncertain"
   record.
2. 2,000 check-in prompts due in the same minute against a fake that answers 429 over 30
   messages a second and 403 for a client who blocked the bot.
3. At most once: a reminder Telegram takes but answers after the read timeout is delivered
   once and recorded uncertain; one answered 502 is sent again and delivered once.

The bot runs on simulated time (CLOCK_FILE) that moves with the real clock, so retries after
a 429 become due again; the downtime is a jump of the file's time."""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.reminders.dispatcher import Dispatcher
from bot.store.database import Database
from tests.e2e import seed
from tests.e2e.conftest import TOKEN, BotProcess
from tests.e2e.seed import TimedFake

ZONE = "America/New_York"
T0 = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)  # a Tuesday, 11:00 in New York: daytime
DOWNTIME = timedelta(minutes=32)  # 30 minutes down, plus the 2 after which claims are stale
_DEFAULTS = inspect.signature(Dispatcher).parameters
CONCURRENCY: int = _DEFAULTS["concurrency"].default
BATCH: int = _DEFAULTS["batch"].default


class SimClock:
    """The bot's "now": an ISO UTC time in a file, moving with the real clock from `start`."""

    def __init__(self, path: Path, start: datetime) -> None:
        self.path, self._base, self._t0 = path, start, time.monotonic()
        self._lock = threading.Lock()
        self._writing = threading.Lock()
        self._stop = threading.Event()
        self._write()
        self._thread = threading.Thread(target=self._tick, name="sim-clock", daemon=True)
        self._thread.start()

    def now(self) -> datetime:
        with self._lock:
            return self._base + timedelta(seconds=time.monotonic() - self._t0)

    def jump(self, delta: timedelta) -> None:
        """Simulated time passes at once (the bot is down meanwhile)."""
        with self._lock:
            self._base += delta
        self._write()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _tick(self) -> None:
        while not self._stop.wait(0.1):
            self._write()

    def _write(self) -> None:
        # Written aside and renamed: the bot never reads half a timestamp (it would fall back
        # to the real clock). One write at a time: the ticking thread and a jump shared the
        # temporary file, and one's rename found it gone (FileNotFoundError, once in CI); a
        # tick's time read before a jump and written after it also put the clock back.
        with self._writing:
            temp = self.path.with_suffix(".tmp")
            temp.write_text(self.now().isoformat())
            os.replace(temp, self.path)


def read_rows(db_path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Read the bot's database from the test (WAL: readers never block the bot)."""
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def stored_time(value: str | None) -> datetime | None:
    """SQLite holds UTC wall-clock text without the offset."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def wait_until(check: Callable[[], bool], timeout: float, what: str, poll: float = 0.2) -> float:
    """Poll `check` until it holds; returns the seconds it took."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < timeout, f"timed out after {timeout}s: {what}"
        time.sleep(poll)
    return time.monotonic() - started


def callback_data(markup: Any) -> list[str]:
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, dict):
        return []
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


@dataclass(frozen=True)
class Row:
    id: int
    client_id: int
    kind: str
    status: str
    detail: str | None
    sent_at: datetime | None
    ref_id: int | None


def load_rows(db_path: Path, up_to: int) -> dict[int, Row]:
    found = read_rows(
        db_path,
        "select id, client_id, kind, status, detail, sent_at, ref_id from reminders"
        " where id <= ? order by id",
        up_to,
    )
    return {r[0]: Row(r[0], r[1], r[2], r[3], r[4], stored_time(r[5]), r[6]) for r in found}


@dataclass
class RowIndex:
    """Which seeded reminder row a message (or an attempt) to a chat stands for."""

    client_of_chat: dict[int, int]
    rows: dict[int, Row]
    by_key: dict[tuple[int, str, int | None], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for row in self.rows.values():
            ref = row.ref_id if row.kind == "craving_followup" else None
            if row.kind in ("checkin", "craving_followup"):
                self.by_key[(row.client_id, row.kind, ref)] = row.id

    def rows_of(self, chat_id: int, markup: Any) -> list[int]:
        """Session reminders carry their row id in the buttons; the others are one per
        client and kind here. A message may carry several (due together, merged)."""
        client = self.client_of_chat[chat_id]
        found = []
        for data in callback_data(markup):
            head, _, rest = data.partition(":")
            if head == "a" and rest.endswith(":there"):
                found.append(int(rest.split(":")[0]))
            elif head == "f" and rest.endswith(":passed"):
                found.append(self.by_key[(client, "craving_followup", int(rest.split(":")[0]))])
            elif data == "m:checkin":
                found.append(self.by_key[(client, "checkin", None)])
        return found


# ---- 1. kill -9, 30 minutes down, restart ----------------------------------------------------

Seeder = Callable[[Database, list[int]], Awaitable[tuple[dict[int, int], Counter[str]]]]


@dataclass
class KillRun:
    rows: dict[int, Row]
    kinds: Counter[str]
    messages: list[tuple[int, int, str]]  # chat, row id, text (one per row a message carries)
    attempts: Counter[int]  # sendMessage calls (accepted or answered 429) per row id
    delivered_at_kill: int
    claimed_at_kill: int
    restart_at: datetime
    count_429: int
    refused: list[Any]
    log: str
    settled_in: float

    def report(self, name: str) -> None:
        sent = [r for r in self.rows.values() if r.status == "sent"]
        before = sum(1 for r in sent if r.sent_at is not None and r.sent_at < self.restart_at)
        print(
            f"\n{name}: seeded {dict(self.kinds)}\n"
            f"  delivered before the kill: {self.delivered_at_kill}; rows claimed at the kill: "
            f"{self.claimed_at_kill}; rows sent before/after the restart: "
            f"{before}/{len(sent) - before}; 429 responses: {self.count_429}; "
            f"settled {self.settled_in:.1f}s after the restart"
        )
        table = Counter(
            (r.kind, r.status, (r.detail or "-").split(":")[0]) for r in self.rows.values()
        )
        for (kind, status, detail), n in sorted(table.items()):
            print(f"  {kind:<20} {status:<7} {detail:<12} {n:>4}")


def run_kill_scenario(tmp: Path, seeder: Seeder, clients: int, kill_after: int) -> KillRun:
    """Seed, start the bot against a fake taking 5 messages a second (so the kill lands mid-
    run), kill -9 after `kill_after` messages, let 32 simulated minutes pass, restart with
    Telegram's usual 30 a second, and wait until no seeded row is due or claimed."""
    clock = SimClock(tmp / "clock.txt", T0)
    tg_ids = list(range(700_001, 700_001 + clients))
    with TimedFake(token=TOKEN, rate_limit_per_second=5) as fake:
        bot = BotProcess(fake, tmp, CLOCK_FILE=str(tmp / "clock.txt"))
        try:
            assert bot.command("db", "upgrade").returncode == 0
            ids, kinds = asyncio.run(_seeded(f"sqlite:///{bot.db_path}", seeder, tg_ids))
            for tg in tg_ids:
                fake.user(tg)
            seeded = read_rows(bot.db_path, "select max(id) from reminders")[0][0]
            bot.start()
            wait_until(lambda: len(fake.delivered()) >= kill_after, 60, "reminders", poll=0.01)
            bot.kill9()
            delivered_at_kill = len(fake.delivered())
            claimed_sql = "select count(*) from reminders where status in ('claimed', 'sending')"
            claimed = read_rows(bot.db_path, claimed_sql)
            clock.jump(DOWNTIME)
            restart_at = clock.now()
            fake.rate_limit_per_second = 30
            bot.start()
            open_sql = (
                "select count(*) from reminders where id <= ?"
                " and status in ('due', 'claimed', 'sending')"
            )
            took = wait_until(
                lambda: read_rows(bot.db_path, open_sql, seeded)[0][0] == 0, 180,
                "every seeded reminder sent or missed", poll=0.5,
            )  # fmt: skip
            rows = load_rows(bot.db_path, seeded)
            log = bot.log()
        finally:
            bot.stop()
            clock.close()
        index = RowIndex({tg: ids[tg] for tg in tg_ids}, rows)
        messages = [
            (m["chat"]["id"], rid, m["text"])
            for m in fake.delivered()
            for rid in index.rows_of(m["chat"]["id"], m.get("reply_markup"))
        ]
        attempts = Counter(
            rid
            for p in fake.calls_of("sendMessage")
            for rid in index.rows_of(int(p["chat_id"]), p.get("reply_markup"))
        )
        return KillRun(
            rows, kinds, messages, attempts, delivered_at_kill, claimed[0][0], restart_at,
            fake.count_429, list(fake.refused), log, took,
        )  # fmt: skip


async def _seeded(
    url: str, seeder: Seeder, tg_ids: list[int]
) -> tuple[dict[int, int], Counter[str]]:
    db = Database(url)
    try:
        return await seeder(db, tg_ids)
    finally:
        await db.dispose()


async def seed_mixed(db: Database, tg_ids: list[int]) -> tuple[dict[int, int], Counter[str]]:
    """Every client has a check-in prompt due at T0; most also one of: a craving follow-up
    2 h 50 min late, the hour-before of a session starting at T0+20 min, the day-before of a
    session at T0+26 h. Follow-ups are due first and fill the first claimed batch."""
    ids = await seed.add_clients(db, tg_ids, zone=ZONE, checkin="11:00", now=T0)
    soon, tomorrow = T0 + timedelta(minutes=20), T0 + timedelta(hours=26)
    s_soon = await seed.add_once_session(db, soon, ZONE, T0)
    s_tomorrow = await seed.add_once_session(db, tomorrow, ZONE, T0)
    clients = [ids[tg] for tg in tg_ids]
    crave, hour, day = clients[:72], clients[72:88], clients[88:104]
    late = T0 - timedelta(hours=2, minutes=50)
    hour_due = soon - timedelta(hours=1)
    rows = [seed.followup_row(c, 1000 + c, late) for c in crave]
    rows += [seed.session_row(c, "session_hour_before", s_soon, soon, hour_due) for c in hour]
    rows += [seed.checkin_row(c, T0, ZONE) for c in clients]
    rows += [seed.session_row(c, "session_day_before", s_tomorrow, tomorrow, T0) for c in day]
    assert await seed.add_reminders(db, rows, T0) == len(rows)
    return ids, Counter(r["kind"] for r in rows)


async def seed_checkins(db: Database, tg_ids: list[int]) -> tuple[dict[int, int], Counter[str]]:
    """One check-in prompt per client, due at T0."""
    ids = await seed.seed_checkin_burst(db, tg_ids, due=T0, zone=ZONE, now=T0)
    return ids, Counter({"checkin": len(ids)})


def test_kill9_downtime_restart_lateness_and_once_only(tmp_path: Path) -> None:
    run = run_kill_scenario(tmp_path, seed_mixed, clients=120, kill_after=10)
    run.report("kill -9, 32 min down, restart")
    rows = run.rows.values()
    sent = {r.id: r.sent_at for r in rows if r.status == "sent"}
    before = {rid for rid, at in sent.items() if at is not None and at < run.restart_at}
    after = set(sent) - before
    interrupted = {r.id for r in rows if _interrupted(r)}
    shown = Counter(rid for _, rid, _ in run.messages)
    print(
        f"  interrupted: {len(interrupted)}, of them shown by the fake: "
        f"{len(interrupted & set(shown))}, never attempted: "
        f"{sum(1 for rid in interrupted if run.attempts[rid] == 0)}"
    )

    assert not run.refused
    assert TOKEN not in run.log
    assert 10 <= run.delivered_at_kill <= 40
    # Nothing sent twice: one message per chat and kind, and no text twice in a chat.
    per_kind = Counter((chat, run.rows[rid].kind) for chat, rid, _ in run.messages)
    per_text = Counter(run.messages)  # a message carrying two rows counts once for each
    assert max(per_kind.values()) == 1, [k for k, n in per_kind.items() if n > 1]
    assert max(per_text.values()) == 1
    # Nothing lost without a record: every seeded row ended sent, missed, or uncertain (in
    # flight at the kill).
    assert Counter(r.kind for r in rows) == run.kinds
    assert {r.status for r in rows} <= {"sent", "missed", "uncertain"}
    assert {r.id for r in rows if r.status == "uncertain"} == interrupted
    # Every message Telegram took has its row marked sent, or was in flight at the kill (its
    # row is then uncertain, "interrupted"); every row marked sent had exactly one message.
    assert set(shown) - set(sent) <= interrupted
    assert all(shown[rid] == 1 for rid in sent)
    assert len(interrupted) <= BATCH  # what one claim takes (see the xfail below)
    # Lateness after 32 minutes down.
    for row in rows:
        if row.id in before or row.id in interrupted:
            continue
        if row.kind in ("session_hour_before", "craving_followup"):  # session began / > 3 h
            assert (row.status, row.detail) == ("missed", "too late"), row
        else:  # a check-in 32 min late, a day-before 26 h ahead: still sent
            assert row.status == "sent", row
    kinds_after = Counter(run.rows[rid].kind for rid in after)
    assert set(kinds_after) == {"checkin", "session_day_before"}, kinds_after
    assert kinds_after["session_day_before"] == run.kinds["session_day_before"]
    # A client whose late follow-up went before the kill got their check-in prompt in the same
    # message (due together, merged); every other prompt went after the restart.
    early = {rid for rid in before | interrupted if run.rows[rid].kind == "checkin"}
    texts = {rid: (chat, text) for chat, rid, text in run.messages}
    carried = {(chat, text) for chat, rid, text in run.messages if rid not in early}
    assert all(texts[rid] in carried for rid in early if rid in texts)
    assert kinds_after["checkin"] + len(early) == run.kinds["checkin"]
    late = Counter(r.kind for r in rows if r.detail == "too late")
    assert late["session_hour_before"] == run.kinds["session_hour_before"]
    assert late["craving_followup"] >= run.kinds["craving_followup"] - BATCH


def test_kill9_drops_only_reminders_in_flight(tmp_path: Path) -> None:
    run = run_kill_scenario(tmp_path, seed_checkins, clients=80, kill_after=5)
    run.report("kill -9 during check-in prompts")
    interrupted = [r for r in run.rows.values() if _interrupted(r)]
    never_tried = [r for r in interrupted if run.attempts[r.id] == 0]
    print(
        f"  interrupted: {len(interrupted)} (concurrency {CONCURRENCY}, batch {BATCH}); "
        f"never handed to Telegram at all: {len(never_tried)}"
    )
    # Not the bug: these fail the test outright (pytest.fail is no AssertionError).
    if run.refused or {r.status for r in run.rows.values()} - {"sent", "missed", "uncertain"}:
        pytest.fail(f"refused {run.refused} or rows left open")
    if max(Counter(chat for chat, _, _ in run.messages).values()) > 1:
        pytest.fail("a check-in prompt was sent twice")
    assert len(interrupted) <= CONCURRENCY
    # A row is marked "sending" in a commit just before its request is written; a kill that
    # lands between the two leaves one the fake never saw, and "uncertain" is the right
    # record for it (the bot cannot tell). The sends are paced one at a time (PACE), so at
    # most one can be in that gap; the fault this guards against, a claimed batch recorded
    # as interrupted, would show up to BATCH never-tried rows.
    assert len(never_tried) <= 1, "prompts never sent were recorded as interrupted"


def _interrupted(row: Row) -> bool:
    return row.status == "uncertain" and (row.detail or "").startswith("interrupted")


# ---- 2. a burst of 2,000 with 429s and one blocked client ------------------------------------


def test_burst_2000_with_429s_and_a_blocked_client(tmp_path: Path) -> None:
    clock = SimClock(tmp_path / "clock.txt", T0)
    tg_ids = list(range(800_001, 802_001))
    blocked = tg_ids[777]
    with TimedFake(token=TOKEN) as fake:  # 30 messages a second, 429 beyond
        bot = BotProcess(fake, tmp_path, CLOCK_FILE=str(tmp_path / "clock.txt"))
        try:
            assert bot.command("db", "upgrade").returncode == 0
            ids = asyncio.run(_seed_burst(f"sqlite:///{bot.db_path}", tg_ids))
            for tg in tg_ids:
                fake.user(tg)
            fake.block(blocked)
            # Telegram delivers the my_chat_member update on its own schedule; without it the
            # dispatcher meets the block as a 403, the path under test here.
            fake.updates.drop_pending()
            bot.start()

            def settled() -> bool:
                found = read_rows(
                    bot.db_path,
                    "select count(*) from reminders where kind = 'checkin' and occurrence = ?"
                    " and status in ('due', 'claimed', 'sending')",
                    seed.local_day(T0, ZONE).isoformat(),
                )
                return found[0][0] == 0

            took = wait_until(settled, 180, "all 2,000 prompts sent or failed", poll=0.5)
            statuses = dict(
                read_rows(
                    bot.db_path,
                    "select client_id, status || ' ' || coalesce(detail, '') from reminders"
                    " where kind = 'checkin' and occurrence = ?",
                    seed.local_day(T0, ZONE).isoformat(),
                )
            )
            client_status = read_rows(
                bot.db_path, "select status from clients where id = ?", ids[blocked]
            )
            log = bot.log()
        finally:
            bot.stop()
            clock.close()
        per_chat = Counter(m["chat"]["id"] for m in fake.delivered())
        stamps = list(fake.stamps)
        count_429, count_403, refused = fake.count_429, fake.count_403, list(fake.refused)

    n = len(stamps)
    rate = (n - 1) / (stamps[-1] - stamps[0])
    print(
        f"\nburst: {n} messages in {stamps[-1] - stamps[0]:.1f}s = {rate:.1f} msg/s "
        f"(target 28); 429 responses: {count_429}; 403 responses: {count_403}; "
        f"settled {took:.1f}s after start"
    )
    assert not refused
    assert TOKEN not in log
    assert n == len(tg_ids) - 1
    assert set(per_chat) == set(tg_ids) - {blocked}
    assert set(per_chat.values()) == {1}
    assert statuses[ids[blocked]] == "failed blocked (403)"
    assert client_status == [("blocked",)]
    others = Counter(v for cid, v in statuses.items() if cid != ids[blocked])
    assert others == {"sent ": len(tg_ids) - 1}, others
    assert count_403 == 1
    assert rate >= 20


async def _seed_burst(url: str, tg_ids: list[int]) -> dict[int, int]:
    db = Database(url)
    try:
        return await seed.seed_checkin_burst(db, tg_ids, due=T0, zone=ZONE, now=T0)
    finally:
        await db.dispose()


# ---- 3. at most once: an answer after the read timeout, and a 502 -----------------------------

LATE_BY = 8.0  # seconds; the reminder bot's read timeout is 5 (REMINDER_READ_TIMEOUT's default)


def test_late_answer_is_uncertain_and_sent_once_a_502_is_retried(tmp_path: Path) -> None:
    """Telegram takes the first check-in prompt but answers 8 s later: the client has it
    once and its row says uncertain. The second is answered 502 (not taken): it is sent again
    once its retry is due, and delivered once."""
    clock = SimClock(tmp_path / "clock.txt", T0)
    tg_ids = [900_001, 900_002]
    with TimedFake(token=TOKEN) as fake:
        bot = BotProcess(fake, tmp_path, CLOCK_FILE=str(tmp_path / "clock.txt"))
        try:
            assert bot.command("db", "upgrade").returncode == 0
            ids = asyncio.run(_seed_burst(f"sqlite:///{bot.db_path}", tg_ids))
            for tg in tg_ids:
                fake.user(tg)
            fake.delay_next("sendMessage", seconds=LATE_BY)
            fake.fail_next("sendMessage", 502, "Bad Gateway")
            bot.start()

            def row(client_id: int) -> tuple[str, str | None, int]:
                found = read_rows(
                    bot.db_path,
                    "select status, detail, attempts from reminders where client_id = ?",
                    client_id,
                )
                return found[0]

            wait_until(lambda: len(fake.calls_of("sendMessage")) >= 2, 30, "two sends")
            first, second = (int(p["chat_id"]) for p in fake.calls_of("sendMessage")[:2])
            late, refused = ids[first], ids[second]
            wait_until(lambda: row(late)[0] == "uncertain", 20, "the late one recorded")
            assert row(late) == ("uncertain", "no answer: ReadTimeout", 0)
            status, detail, attempts = row(refused)
            assert (status, attempts) == ("due", 1) and "Bad Gateway" in (detail or "")
            clock.jump(timedelta(seconds=31))  # the retry after a 5xx is due 30 s later
            wait_until(lambda: row(refused)[0] == "sent", 20, "the retry sent")
            time.sleep(LATE_BY)  # the late answer has come and gone; more dispatcher rounds
            rows = {cid: row(cid) for cid in (late, refused)}
            log = bot.log()
        finally:
            bot.stop()
            clock.close()
        per_chat = Counter(m["chat"]["id"] for m in fake.delivered())
        calls = Counter(int(p["chat_id"]) for p in fake.calls_of("sendMessage"))
        refused_calls, unanswered = list(fake.refused), list(fake.unanswered)

    assert rows[late] == ("uncertain", "no answer: ReadTimeout", 0)
    assert rows[refused][0] == "sent"
    assert per_chat == {first: 1, second: 1}  # each client has the prompt exactly once
    assert calls == {first: 1, second: 2}  # the late one never sent again; the 502 once more
    assert len(unanswered) == 1
    assert not refused_calls
    assert TOKEN not in log
