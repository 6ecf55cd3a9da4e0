"""Benchmark: the web view's caseload page for 1,000 clients with 90 days of data each.

Seeds a temporary SQLite file (or, with --postgres URL, an empty PostgreSQL database) as
report_bench.py does (a check-in most days, cravings, triggers, sessions with answers and
reminders, the odd crisis event), adds an admin, then times the caseload as the server makes
it: the service's reads and figures (`StaffView.caseload`, audited) and the whole page (a GET
of / through the app: session check, caseload, template), each the median of several runs.
Target: the page under 300 ms.

    python benchmarks/caseload_bench.py [--clients 1000] [--days 90] [--postgres URL]
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for path in (ROOT, os.path.join(ROOT, "benchmarks")):
    if path not in sys.path:
        sys.path.insert(0, path)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import httpx  # noqa: E402
from report_bench import NOW, _seed  # noqa: E402

from bot.config import load_settings  # noqa: E402
from bot.service.backend import Backend  # noqa: E402
from bot.service.caseload import StaffView  # noqa: E402
from bot.service.web_auth import WebAuth  # noqa: E402
from bot.store.database import Database, upgrade  # noqa: E402
from bot.web.app import build_app  # noqa: E402

RUNS = 7
ADMIN = 7101


def _median_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f})"


async def _bench(url: str, clients: int, days: int) -> None:
    upgrade(url)
    db = Database(url)
    try:
        began = time.perf_counter()
        rows = await _seed(db, clients, days)
        print(f"seeded {clients} clients, {rows} rows in {time.perf_counter() - began:.1f} s")
        settings = load_settings(database_url=url, program_length_days=max(days, 90),
                                 _env_file=None)  # fmt: skip
        backend = Backend(db, settings, lambda: NOW)
        auth = WebAuth(db, lambda: NOW)
        await auth.add_staff(ADMIN, "Alex Admin", "admin")
        token = await auth.link_token(ADMIN)
        found = await auth.redeem(token or "")
        assert found is not None
        cookie, viewer = found
        service: list[float] = []
        for _ in range(RUNS):
            began = time.perf_counter()
            caseload = await StaffView(db, settings, backend.clock, viewer).caseload()
            service.append(time.perf_counter() - began)
        transport = httpx.ASGITransport(app=build_app(backend))
        page: list[float] = []
        async with httpx.AsyncClient(transport=transport, base_url="https://bench",
                                     cookies={"rb_session": cookie}) as web:  # fmt: skip
            for _ in range(RUNS):
                began = time.perf_counter()
                answer = await web.get("/")
                page.append(time.perf_counter() - began)
                assert answer.status_code == 200, answer.status_code
        size = len(answer.content)
        flagged = sum(1 for r in caseload.rows if r.risk)
        print(f"caseload (service): {_median_ms(service)} for {len(caseload.rows)} clients, "
              f"{flagged} with alerts or flags")  # fmt: skip
        verdict = "ok" if statistics.median(page) < 0.3 else "OVER TARGET"
        print(f"caseload page (server time, {size:,} bytes): {_median_ms(page)} "
              f"(target < 300 ms: {verdict})")  # fmt: skip
    finally:
        await db.dispose()


def main() -> None:
    """Parse the options and run the benchmark on the chosen database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.postgres or f"sqlite:///{folder}/bench.db"
        print(f"database: {url.split('://')[0]}")
        asyncio.run(_bench(url, args.clients, args.days))


if __name__ == "__main__":
    main()
