"""Benchmark: 10,000 check-in prompts due in the same minute, against a fake Bot API limited to
30 messages a second (it answers 429 with retry_after beyond that).

Runs the real Dispatcher in-process, with the real TelegramSender over the bot's own reminder
bot (bot.tg.application.reminder_bot), paced as the bot paces it, on a temporary SQLite
database and, with --postgres, on an empty PostgreSQL database too. Prints the messages
delivered, the messages per second achieved (target at least 28; Telegram's ceiling is 30),
the 429 responses, the peak memory (target under 200 MB) and whether every client got exactly
one message.

    python benchmarks/reminders_10k.py [--clients 10000] [--postgres postgresql://...]

The fake Bot API (tests/fakeapi) runs in a child process, so the memory figures are the
dispatcher's own. The dispatcher's clock starts at a fixed instant (a Tuesday, 11:00 in New
York) and moves with the real clock: a frozen clock would never reach a retry's due time."""

from __future__ import annotations

import os
import sys

# PTB 22 reads durations as timedelta under this switch (the bot's CLI sets it too); it must
# be set before telegram is imported.
os.environ.setdefault("PTB_TIMEDELTA", "1")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import logging  # noqa: E402
import multiprocessing  # noqa: E402
import resource  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from multiprocessing.connection import Connection  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import func, select  # noqa: E402

from bot.config import load_settings  # noqa: E402
from bot.domain.conversation.model import Reply  # noqa: E402
from bot.reminders.dispatcher import Dispatcher  # noqa: E402
from bot.reminders.sender import Delivery  # noqa: E402
from bot.store.database import Database, upgrade  # noqa: E402
from bot.store.models import Client, Reminder  # noqa: E402
from bot.tg.application import PACE, reminder_bot  # noqa: E402
from bot.tg.delivery import TelegramSender  # noqa: E402
from tests.e2e import seed  # noqa: E402

TOKEN = "123456:BENCH-token"
ZONE = "America/New_York"
T0 = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)  # 11:00 in New York: no quiet hours
FIRST_TG_ID = 900_000_001
DISPATCH_EVERY = 3.0  # seconds, as bot/tg/application.py schedules the dispatcher job
MB = 1024 * 1024


# ---- the fake Bot API, in a child process -------------------------------------------------


def serve_fake(conn: Connection, clients: int, rate: int) -> None:
    """Child process: serve until asked for the report, send it, exit."""
    with seed.TimedFake(token=TOKEN, rate_limit_per_second=rate) as fake:
        for tg in range(FIRST_TG_ID, FIRST_TG_ID + clients):
            fake.user(tg)
        conn.send(fake.url)
        conn.recv()
        with fake.cond:
            per_chat = Counter(int(m["chat"]["id"]) for m in fake.outbox)
            conn.send(
                {
                    "per_chat": dict(per_chat), "stamps": list(fake.stamps),
                    "count_429": fake.count_429, "refused": len(fake.refused),
                    "calls": len(fake.calls),
                }
            )  # fmt: skip


# ---- the bot side ---------------------------------------------------------------------------


class CountingSender:
    """The real sender, counting what each attempt came to."""

    def __init__(self, inner: TelegramSender) -> None:
        self.inner = inner
        self.outcomes: Counter[str] = Counter()

    async def send(self, chat_id: int, reply: Reply) -> Delivery:
        result = await self.inner.send(chat_id, reply)
        self.outcomes[f"{result.outcome} {result.detail}".strip()] += 1
        return result


@dataclass
class Result:
    backend: str
    clients: int
    seed_seconds: float
    wall: float
    outcomes: Counter[str]
    statuses: dict[str, int]
    report: dict[str, Any]
    rss_mb: float
    traced_peak_mb: float


async def seed_db(url: str, clients: int) -> float:
    started = time.monotonic()
    db = Database(url)
    try:
        async with db.transaction() as s:
            if await s.scalar(select(func.count()).select_from(Client)):
                raise SystemExit(f"the {db.dialect} database is not empty: give an empty one")
        tg_ids = list(range(FIRST_TG_ID, FIRST_TG_ID + clients))
        await seed.seed_checkin_burst(db, tg_ids, due=T0, zone=ZONE, now=T0)
    finally:
        await db.dispose()
    return time.monotonic() - started


async def dispatch_all(url: str, fake_url: str) -> tuple[float, Counter[str], dict[str, int]]:
    """Run the dispatcher as its job would (every 3 s, one run at a time) until no prompt is
    due any more; returns the wall time, the delivery outcomes and the final row statuses."""
    db = Database(url)
    # The bot's own reminder bot and pacing (bot.tg.application), against the fake.
    bot = reminder_bot(load_settings(telegram_bot_token=TOKEN, telegram_api_url=fake_url,
                                     _env_file=None))  # fmt: skip
    sender = CountingSender(TelegramSender(bot))
    started = time.monotonic()

    def clock() -> datetime:
        return T0 + timedelta(seconds=time.monotonic() - started)

    dispatcher = Dispatcher(db, sender, clock, pace=PACE)
    try:
        async with bot:
            started = time.monotonic()
            while await _open_rows(db):
                tick = time.monotonic()
                await dispatcher.run_once()
                if await _open_rows(db):  # only retries, not due yet: wait for the next run
                    await asyncio.sleep(max(0.0, DISPATCH_EVERY - (time.monotonic() - tick)))
            wall = time.monotonic() - started
        async with db.transaction() as s:
            by_status = select(Reminder.status, func.count()).group_by(Reminder.status)
            found = await s.execute(by_status)
            statuses = {status: int(n) for status, n in found.all()}
    finally:
        await db.dispose()
    return wall, sender.outcomes, statuses


async def _open_rows(db: Database) -> int:
    async with db.transaction() as s:
        stmt = select(func.count()).where(Reminder.status.in_(("due", "claimed", "sending")))
        return int(await s.scalar(stmt.select_from(Reminder)) or 0)


def run_backend(backend: str, url: str, clients: int, rate: int) -> Result:
    upgrade(url)
    seed_seconds = asyncio.run(seed_db(url, clients))
    parent, child = multiprocessing.get_context("spawn").Pipe()
    fake = multiprocessing.get_context("spawn").Process(
        target=serve_fake, args=(child, clients, rate), daemon=True
    )
    fake.start()
    try:
        fake_url = parent.recv()
        tracemalloc.start()
        wall, outcomes, statuses = asyncio.run(dispatch_all(url, fake_url))
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        parent.send("report")
        report = parent.recv()
    finally:
        fake.join(timeout=30)
        if fake.is_alive():
            fake.terminate()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    return Result(
        backend, clients, seed_seconds, wall, outcomes, statuses, report, rss / MB,
        traced_peak / MB,
    )  # fmt: skip


def print_result(r: Result) -> bool:
    per_chat: dict[int, int] = r.report["per_chat"]
    stamps: list[float] = r.report["stamps"]
    delivered = len(stamps)
    span = stamps[-1] - stamps[0] if delivered > 1 else 0.0
    rate = (delivered - 1) / span if span else 0.0
    expected = set(range(FIRST_TG_ID, FIRST_TG_ID + r.clients))
    once = set(per_chat) == expected and set(per_chat.values()) == {1}
    twice = sum(1 for n in per_chat.values() if n > 1)
    print(f"\n== {r.backend}: {r.clients} check-in prompts due at {T0:%Y-%m-%d %H:%M} UTC ==")
    print(f"seeded in                  {r.seed_seconds:.1f} s")
    print(f"messages delivered         {delivered} of {r.clients}")
    print(f"dispatch wall time         {r.wall:.1f} s")
    print(f"messages per second        {rate:.2f} (first to last delivery; target >= 28: "
          f"{_met(rate >= 28)})")  # fmt: skip
    print(f"  over the whole run       {delivered / r.wall:.2f}")
    print(f"429 responses received     {r.report['count_429']}")
    print(f"sendMessage calls          {r.report['calls']} (refused: {r.report['refused']})")
    print(f"delivery outcomes          {dict(r.outcomes)}")
    print(f"reminder rows              {r.statuses}")
    print(f"peak memory (ru_maxrss)    {r.rss_mb:.1f} MB (process high-water mark so far; "
          f"target < 200: {_met(r.rss_mb < 200)})")  # fmt: skip
    print(f"peak Python allocations    {r.traced_peak_mb:.1f} MB (tracemalloc, dispatch phase)")
    print(f"every client exactly once  {'yes' if once else 'NO'}"
          f" (missing: {len(expected - set(per_chat))}, more than once: {twice})")  # fmt: skip
    return once


def _met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=30, help="the fake's messages per second")
    parser.add_argument("--postgres", metavar="URL", help="also run on this empty database")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # A 429 is one WARNING line (bot.tg.pacing); the dispatcher reschedules the row and the
    # outcomes line counts it.
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        result = run_backend("SQLite", f"sqlite:///{tmp}/bench.db", args.clients, args.rate)
        ok = print_result(result) and ok
    if args.postgres:
        ok = print_result(run_backend("PostgreSQL", args.postgres, args.clients, args.rate)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
