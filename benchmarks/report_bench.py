"""Benchmark: the program report for 1,000 clients with about 60 days of data each.

Seeds a temporary SQLite file (or, with --postgres URL, an empty PostgreSQL database) through
the real migrations, with what 60 days of use looks like: a check-in most days, cravings with
follow-ups, trigger notes, coping outcomes, three group sessions a week with answers, reminders
for each, the odd crisis event. Then times what `recovery-bot report` does inside its
transaction: `load_histories` for every client, `insights.report_row` per client, the CSV and
the audit entry. Target: under 5 s.

    python benchmarks/report_bench.py [--clients 1000] [--days 60] [--postgres URL]
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import insert, select  # noqa: E402

from bot.domain.insights import report_row  # noqa: E402
from bot.service.report import build_report  # noqa: E402
from bot.store.database import Database, upgrade  # noqa: E402
from bot.store.history import load_histories  # noqa: E402
from bot.store.models import (  # noqa: E402
    Attendance,
    CheckIn,
    Client,
    CopingOutcome,
    Craving,
    CrisisEvent,
    ProgramSession,
    Reminder,
    TriggerLog,
)

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
TRIGGERS = ("stress", "people", "places", "boredom", "payday", "pain", "sleep", "conflict")
SKILLS = ("urge_surf", "call", "walk", "breathe", "delay")


def _reminder(cid: int, kind: str, day: date, at: datetime) -> dict[str, Any]:
    return {"client_id": cid, "kind": kind, "occurrence": day.isoformat(), "due_at": at,
            "status": "sent", "attempts": 1, "created_at": at}  # fmt: skip


def _day_rows(rng: random.Random, cid: int, day: date, at: datetime) -> dict[Any, list[dict]]:
    """One client's rows for one day."""
    rows: dict[Any, list[dict]] = {m: [] for m in (CheckIn, Craving, TriggerLog, CopingOutcome,
                                                   CrisisEvent, Reminder)}  # fmt: skip
    rows[Reminder].append(_reminder(cid, "checkin", day, at))
    if rng.random() < 0.85:
        rows[CheckIn].append({
            "client_id": cid, "local_date": day, "created_at": at, "mood": rng.randint(1, 5),
            "craving": rng.randint(0, 10), "sleep": rng.choice(("poor", "ok", "well")),
            "stress": rng.randint(0, 10), "triggers": rng.sample(TRIGGERS, 2),
            "medication": rng.choice(("yes", "yes", "missed")), "confidence": rng.randint(0, 10),
            "substance_use": "no" if rng.random() < 0.97 else "alcohol",
        })  # fmt: skip
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        rows[Craving].append({
            "client_id": cid, "created_at": at, "intensity": rng.randint(1, 10),
            "triggers": rng.sample(TRIGGERS, 1), "action": rng.choice(SKILLS),
            "outcome": rng.choice(("passed", "strong", None)), "helped": rng.choice(SKILLS),
        })  # fmt: skip
        rows[CopingOutcome].append({"client_id": cid, "created_at": at,
                                    "skill": rng.choice(SKILLS), "helped": "y"})  # fmt: skip
    if rng.random() < 0.3:
        rows[TriggerLog].append({"client_id": cid, "created_at": at, "triggers": ["people"]})
    if rng.random() < 0.01:
        rows[CrisisEvent].append({"client_id": cid, "created_at": at, "tier": rng.randint(1, 3),
                                  "source": "text", "shown": "helplines"})  # fmt: skip
    return rows


async def _seed(db: Database, clients: int, days: int) -> int:
    """Insert the clients and their days in bulk; returns the number of rows."""
    rng = random.Random(7)
    start = NOW - timedelta(days=days)
    async with db.transaction() as s:
        await s.execute(insert(Client), [
            {"pseudo_id": f"c-{i:08x}", "tg_user_id": 500_000 + i, "chat_id": 500_000 + i,
             "status": "active", "timezone": "America/New_York", "created_at": start,
             "enrolled_at": start, "last_seen_at": NOW}
            for i in range(clients)
        ])  # fmt: skip
        ids = (await s.scalars(select(Client.id))).all()
        session = ProgramSession(kind="group", weekday=0, start_time="18:00", duration_min=180,
                                 timezone="America/New_York", created_at=start)  # fmt: skip
        s.add(session)
        await s.flush()
        total = clients
        for cid in ids:
            rows: dict[Any, list[dict]] = {}
            for n in range(days):
                day, at = (start + timedelta(days=n)).date(), start + timedelta(days=n, hours=1)
                for model, new in _day_rows(rng, cid, day, at).items():
                    rows.setdefault(model, []).extend(new)
                if n % 7 in (0, 2, 3):  # three group sessions a week, each reminded
                    answer = rng.choice(("there", "there", "late", "cant"))
                    rows.setdefault(Attendance, []).append({
                        "client_id": cid, "session_id": session.id, "session_start": at,
                        "answer": answer, "answered_at": at,
                    })  # fmt: skip
                    rows[Reminder].append(_reminder(cid, "session", day, at))
            for model, values in rows.items():
                if values:
                    await s.execute(insert(model), values)
                    total += len(values)
    return total


async def _bench(url: str, clients: int, days: int) -> None:
    upgrade(url)
    db = Database(url)
    try:
        began = time.perf_counter()
        rows = await _seed(db, clients, days)
        print(f"seeded {clients} clients, {rows} rows in {time.perf_counter() - began:.1f} s")
        async with db.transaction() as s:
            began = time.perf_counter()
            ids = (await s.scalars(select(Client.id))).all()
            histories = await load_histories(s, ids)
            loaded = time.perf_counter() - began
            for h in histories:
                report_row(h, NOW.date() - timedelta(days=30), NOW.date())
            rowed = time.perf_counter() - began - loaded
        async with db.transaction() as s:
            began = time.perf_counter()
            text = await build_report(s, NOW.date() - timedelta(days=30), "csv", NOW)
            total = time.perf_counter() - began
        print(f"load_histories: {loaded:.2f} s; report_row x{len(histories)}: {rowed:.2f} s")
        lines = len(text.splitlines())
        verdict = "ok" if total < 5 else "OVER TARGET"
        print(f"report for {lines - 1} clients: {total:.2f} s (target < 5 s: {verdict})")
    finally:
        await db.dispose()


def main() -> None:
    """Parse the options and run the benchmark on the chosen database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.postgres or f"sqlite:///{folder}/bench.db"
        print(f"database: {url.split('://')[0]}")
        asyncio.run(_bench(url, args.clients, args.days))


if __name__ == "__main__":
    main()
