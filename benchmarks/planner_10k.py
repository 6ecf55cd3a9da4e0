"""Benchmark: the planning job with 10,000 active clients on a weekly track session.

Seeds a temporary SQLite database (synchronous=FULL, as the bot runs it), then times the
bot's planner (`bot.reminders.planner.Planner`): its first run (everyone planned, as at
start-up), a run 5 minutes later with nothing changed (target under 0.5 s), one after a
session changed (its track's clients planned again), and the stateless `plan_all` for
comparison. While each run goes, a probe opens a one-row write transaction every 20 ms and
records how long it waited for the lock: no update should wait more than 200 ms behind the
planner.

    python benchmarks/planner_10k.py [--clients 10000]"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Awaitable, Callable  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

from sqlalchemy import func, select, update  # noqa: E402

from bot.reminders.planner import Planner, plan_all  # noqa: E402
from bot.store import schedules  # noqa: E402
from bot.store.database import Database, upgrade  # noqa: E402
from bot.store.models import Client, ProgramSession, Reminder  # noqa: E402
from tests.e2e import seed  # noqa: E402

ZONE = "America/New_York"
T0 = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)  # a Tuesday, 11:00 in New York


async def _seed(db: Database, clients: int) -> None:
    ids = await seed.add_clients(db, range(900_000_001, 900_000_001 + clients), zone=ZONE,
                                 checkin="20:00", now=T0 - timedelta(days=3))  # fmt: skip
    async with db.transaction() as s:
        track = await schedules.create_track(s, "Tuesday group", ZONE, T0)
        await schedules.add_session(
            s, track_id=track.id, kind="group", weekday=2, once_date=None, start_time="18:00",
            duration_min=90, place="Room 1", timezone=ZONE, created_at=T0 - timedelta(days=9),
        )  # fmt: skip
        await s.execute(update(Client).where(Client.id.in_(list(ids.values())))
                        .values(track_id=track.id))  # fmt: skip


async def _timed(what: str, run: Callable[[], Awaitable[int]], db: Database) -> None:
    """Run `run` while a probe measures how long a small write waits for the lock."""
    waits: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            asked = time.perf_counter()
            async with db.transaction() as s:
                await s.execute(select(func.count()).select_from(ProgramSession))
            waits.append(time.perf_counter() - asked)
            await asyncio.sleep(0.02)

    task = asyncio.create_task(probe())
    started = time.perf_counter()
    added = await run()
    took = time.perf_counter() - started
    done.set()
    await task
    worst = max(waits) * 1000 if waits else 0.0
    print(f"{what:<44} {took:7.3f} s  {added:6d} rows added  "
          f"longest wait of a write beside it {worst:6.1f} ms ({len(waits)} probes)")  # fmt: skip


async def main_async(clients: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        db = Database(url)
        try:
            await _seed(db, clients)
            planner = Planner(db)
            print(f"{clients} active clients, one weekly session each (SQLite, synchronous=FULL)")
            await _timed("first run (start-up: everyone)", lambda: planner.run(T0), db)
            later = T0 + timedelta(minutes=5)
            await _timed("5 min later, nothing changed", lambda: planner.run(later), db)
            async with db.transaction() as s:
                await s.execute(update(ProgramSession).values(updated_at=later,
                                                              start_time="18:30"))  # fmt: skip
            then = later + timedelta(minutes=5)
            await _timed("the session moved to 18:30", lambda: planner.run(then), db)
            again = then + timedelta(minutes=5)
            await _timed("5 min later, nothing changed", lambda: planner.run(again), db)
            await _timed("stateless plan_all (as before)", lambda: plan_all(db, again), db)
            async with db.transaction() as s:
                rows = await s.scalar(select(func.count()).select_from(Reminder))
            print(f"reminder rows now: {rows}")
        finally:
            await db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(main_async(args.clients))
    return 0


if __name__ == "__main__":
    sys.exit(main())
