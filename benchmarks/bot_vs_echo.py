"""Benchmark: the product beside a bare python-telegram-bot echo bot, each as its own process
against the project's fake Bot API (tests/fakeapi), interleaved, under the same load.

N simulated clients each act (a typed /today, then a tap on the menu's "Help now", in turn)
and wait for the whole answer before their next action (the echo bot answers each action with
as many messages as the product did, measured at the start of the product's run): at once
("saturated") or after 5-15 s ("a person's pace"). The fake's 30 messages a second limit is
on or off; the product may also have 1,000 check-in prompts falling due as it starts (to
other clients). For each run it prints updates handled a second, first-answer p50/p95/p99
(from the update to the first message in the chat; with the limit off neither bot paces
itself), CPU per update (the bot process's user + system time over the measured window,
divided by the actions answered in it), peak resident memory, callback answers later than
Telegram's 15 s and 429 answers, and each product run's ratio to the echo run beside it
(the product's runs first, then the echo bot's).

    python benchmarks/bot_vs_echo.py [--clients 10 100 1000] [--modes saturated paced]
        [--limit on off] [--reminders 0 1000] [--enrolled 10000] [--typing] [--window 20]
        [--product-root PATH]

`--enrolled`: the product's database holds at least this many enrolled clients (those acting,
those reminded, the rest idle), so its peak memory is that of a bot with that caseload.
`--typing`: the clients type messages of the crisis screener's report split (data/crisis)
instead of /today, so every one is screened; a message answered with fewer messages than the
first one was waits for the 30 s stall, so read its latencies with care.

`--product-root` runs another checkout of the product (its code, this harness), to compare
before and after. Linux only (/proc)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PTB_TIMEDELTA", "1")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import heapq  # noqa: E402
import itertools  # noqa: E402
import multiprocessing  # noqa: E402
import random  # noqa: E402
import signal  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from multiprocessing.connection import Connection  # noqa: E402
from typing import Any  # noqa: E402

from tests.fakeapi import FakeTelegram  # noqa: E402
from tools.crisis_data import load as load_messages  # noqa: E402

TOKEN = "123456:BENCH-token"
FIRST = 910_000_001  # the interactive clients' Telegram ids
FIRST_REMINDED = 920_000_001  # the clients whose check-in prompts fall due
FIRST_IDLE = 930_000_001  # enrolled clients who do nothing in the run (--enrolled)
ZONE = "America/New_York"
LATE = 15.0  # seconds: Telegram refuses a callback answer after this ("query is too old")
TAP = "m:help"  # the product's button tapped: the menu's "Help now"
STALL = 30.0  # seconds without the whole answer: the action is given up (counted)


# ---- the fake Bot API and the simulated clients, in a child process ------------------------


@dataclass
class Pending:
    started: float
    left: int
    first: bool = False


@dataclass
class Load:
    """What the child measures for one run."""

    latencies: list[float] = field(default_factory=list)  # first answers, in the window
    answered: int = 0  # actions wholly answered in the window
    late_callbacks: int = 0
    callback_ages: list[float] = field(default_factory=list)
    stalled: int = 0


class LoadFake(FakeTelegram):
    """The fake Bot API driving the simulated clients and measuring their answers."""

    def __init__(self, limit: bool, typing: bool = False) -> None:
        super().__init__(token=TOKEN, rate_limit_per_second=30 if limit else None)
        self.words = [m.text for m in load_messages("report")] if typing else []
        self.pending: dict[int, Pending] = {}
        self.expect = {"text": 1, "tap": 1}
        self.turn: dict[int, str] = {}
        self.plan: list[tuple[float, int]] = []
        self.pressed: dict[str, float] = {}
        self.window = (0.0, 0.0)
        self.load = Load()
        self.gap = (0.0, 0.0)
        self.tap_label = "again"
        self.calibrating: dict[int, int] = {}

    def publish(self, message: dict[str, Any]) -> None:
        super().publish(message)
        chat = int(message["chat"]["id"])
        if chat in self.calibrating:
            self.calibrating[chat] += 1
            return
        p = self.pending.get(chat)
        if p is None:
            return
        now = time.monotonic()
        start, end = self.window
        if not p.first:
            p.first = True
            if start <= p.started < end:
                self.load.latencies.append(now - p.started)
        p.left -= 1
        if p.left <= 0:
            del self.pending[chat]
            if start <= now < end:
                self.load.answered += 1
            gap = random.uniform(*self.gap) if self.gap[1] else 0.0
            heapq.heappush(self.plan, (now + gap, chat))

    def handle_api(self, token: str, method: str, params: dict[str, Any],
                   *args: Any, **kwargs: Any) -> Any:  # fmt: skip
        if method == "answerCallbackQuery":
            asked = self.pressed.pop(str(params.get("callback_query_id")), None)
            if asked is not None:
                age = time.monotonic() - asked
                self.load.callback_ages.append(age)
                self.load.late_callbacks += age > LATE
        return super().handle_api(token, method, params, *args, **kwargs)

    def act(self, chat: int, expect: int | None = None) -> None:
        """The client's next action (under the lock)."""
        user = self.user(chat)
        kind = self.turn.get(chat, "text")
        if kind == "tap":
            try:
                query = user.press(self.tap_label)
                self.pressed[query] = time.monotonic()
            except AssertionError:  # no button to tap yet
                kind = "text"
        if kind == "text" and self.words:
            user.send_text(random.choice(self.words))
        elif kind == "text":
            user.send_command("today")
        self.turn[chat] = "text" if kind == "tap" else "tap"
        left = self.expect[kind] if expect is None else expect
        self.pending[chat] = Pending(time.monotonic(), left)

    def drive(self, until: float) -> None:
        while time.monotonic() < until:
            with self.cond:
                now = time.monotonic()
                while self.plan and self.plan[0][0] <= now:
                    _, chat = heapq.heappop(self.plan)
                    self.act(chat)
                for chat, p in list(self.pending.items()):
                    if now - p.started > STALL:  # lost: go on with the next action
                        del self.pending[chat]
                        self.load.stalled += 1
                        heapq.heappush(self.plan, (now, chat))
                wait = self.plan[0][0] - now if self.plan else 0.01
            time.sleep(min(max(wait, 0.0005), 0.01))



def serve(conn: Connection, limit: bool, typing: bool = False) -> None:
    """Child process: the fake with the load driver; obeys the parent's commands."""
    fake = LoadFake(limit, typing)
    fake.start()
    conn.send(fake.url)
    while True:
        command, *args = conn.recv()
        if command == "users":
            for tg in args[0]:
                fake.user(tg)
            conn.send(True)
        elif command == "polling":
            deadline = time.monotonic() + 120
            while not fake.calls_of("getUpdates") and time.monotonic() < deadline:
                time.sleep(0.05)
            conn.send(bool(fake.calls_of("getUpdates")))
        elif command == "calibrate":
            fake.tap_label, chat = args[0], args[1]
            for kind in ("text", "tap"):
                with fake.cond:
                    fake.calibrating[chat] = 0
                    fake.turn[chat] = kind
                    fake.act(chat, expect=10**9)
                    fake.pending.pop(chat, None)
                time.sleep(3.0)
                with fake.cond:
                    fake.expect[kind] = max(1, fake.calibrating.pop(chat))
            conn.send(dict(fake.expect))
        elif command == "run":
            clients, gap, t0, warmup, window = args
            with fake.cond:
                fake.gap = gap
                fake.window = (t0 + warmup, t0 + warmup + window)
                fake.load = Load()
                fake.pressed.clear()
                before_429 = fake.count_429
                for chat in clients:
                    start = t0 + (random.uniform(0, gap[1]) if gap[1] else 0.0)
                    heapq.heappush(fake.plan, (start, chat))
            time.sleep(max(0.0, t0 - time.monotonic()))
            fake.drive(t0 + warmup + window)
            with fake.cond:
                fake.plan.clear()
                now = time.monotonic()
                unanswered = sum(1 for at in fake.pressed.values() if now - at > LATE)
                fake.load.late_callbacks += unanswered
                conn.send((fake.load, fake.count_429 - before_429))
        elif command == "stop":
            fake.stop()
            conn.send(True)
            return


# ---- the bots, each its own process ---------------------------------------------------------

# `recovery-bot run`. With the fake's limit off, the product runs without its pacing too
# (every PTB bot built without a rate limiter; the dispatcher's own spacing stays), as the
# echo bot does: the CPU per update is then the product's own, not its waits.
# BENCH_PROFILE=file: the product runs under cProfile, its figures written there at the end.
PACED = (
    "import cProfile, os, runpy, sys; sys.argv = ['bot', 'run']; "
    "out = os.environ.get('BENCH_PROFILE'); prof = cProfile.Profile() if out else None; "
    "prof and prof.enable()\n"
    "try:\n    runpy.run_module('bot', run_name='__main__')\n"
    "finally:\n    prof and (prof.disable(), prof.dump_stats(out))"
)
# Unpaced: every request passes straight through (a limiter that never waits, not none: the
# product's calls name their priority, which PTB refuses without a limiter).
UNPACED = (
    "import telegram.ext as e; init = e.ExtBot.__init__\n"
    "class Through(e.BaseRateLimiter):\n"
    "    async def initialize(self): pass\n"
    "    async def shutdown(self): pass\n"
    "    async def process_request(self, callback, args, kwargs, endpoint, data,"
    " rate_limit_args):\n"
    "        return await callback(*args, **kwargs)\n"
    "def unpaced(self, *a, **k):\n    k['rate_limiter'] = Through()\n    init(self, *a, **k)\n"
    "e.ExtBot.__init__ = unpaced\n" + PACED.replace("; ", "\n")
)


def _planned(log: str, within: float = 180.0) -> None:
    """Wait for the product's first planning run (every enrolled client, at start-up) to
    finish, so the measured window holds the updates' work, not that one-off (10,000
    clients: several seconds of CPU)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        with open(log, errors="replace") as said:
            if "planned " in said.read():
                return
        time.sleep(0.5)
    print(f"  (the product's first planning run did not end within {within:.0f} s)")


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _seed_product(
    url: str, root: str, clients: list[int], reminded: list[int], idle: list[int]
) -> None:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": root}
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], env=env, cwd=root,
                   check=True, capture_output=True)  # fmt: skip
    from bot.store.database import Database
    from tests.e2e import seed

    async def go() -> None:
        db = Database(url)
        now = datetime.now(UTC)
        try:
            await seed.add_clients(db, clients + idle, zone=ZONE, checkin="20:00", now=now)
            if reminded:
                await seed.seed_checkin_burst(db, reminded, due=now, zone=ZONE, now=now)
        finally:
            await db.dispose()

    asyncio.run(go())


@dataclass
class Run:
    bot: str
    clients: int
    mode: str
    limit: bool
    reminders: int
    updates_per_s: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    cpu_ms: float = 0.0
    peak_mb: float = 0.0
    late: int = 0
    r429: int = 0
    stalled: int = 0
    expect: dict[str, int] = field(default_factory=dict)


def run_one(bot: str, clients: int, mode: str, limit: bool, reminders: int, window: float,
            root: str, counts: dict[str, int] | None = None,
            enrolled: int = 0, typing: bool = False) -> Run:  # fmt: skip
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    fake = ctx.Process(target=serve, args=(child, limit, typing), daemon=True)
    fake.start()
    url = parent.recv()
    ids = list(range(FIRST, FIRST + clients))
    reminded = list(range(FIRST_REMINDED, FIRST_REMINDED + reminders))
    idle = list(range(FIRST_IDLE, FIRST_IDLE + max(0, enrolled - clients - reminders)))
    parent.send(("users", ids + reminded))
    parent.recv()
    result = Run(bot, clients, mode, limit, reminders)
    with tempfile.TemporaryDirectory() as tmp:
        if bot == "product":
            db_url = f"sqlite:///{tmp}/bench.db"
            _seed_product(db_url, root, ids, reminded, idle)
            env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": url,
                   "DATABASE_URL": db_url, "POLL_TIMEOUT": "1", "PYTHONPATH": root,
                   "LOG_LEVEL": "INFO"}  # fmt: skip
            command = [sys.executable, "-c", UNPACED if not limit else PACED]
            label, cwd = TAP, root
        else:
            env = {**os.environ, "PYTHONPATH": ROOT}
            echo_bot = os.path.join(ROOT, "benchmarks", "echo_bot.py")
            command = [sys.executable, echo_bot, "--token", TOKEN, "--api", url]
            command += ["--limit"] if limit else []
            for kind, count in (counts or {}).items():
                command += [f"--{kind}-messages", str(count)]
            label, cwd = "again", tmp
        with open(os.path.join(tmp, "bot.log"), "wb") as log:
            proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=log,
                                    stderr=subprocess.STDOUT)  # fmt: skip
        try:
            parent.send(("polling",))
            if not parent.recv():
                with open(os.path.join(tmp, "bot.log")) as said:
                    raise SystemExit(f"{bot} never polled:\n{said.read()}")
            if bot == "product":
                _planned(os.path.join(tmp, "bot.log"))
            parent.send(("calibrate", label, ids[0]))
            result.expect = parent.recv()
            gap = (5.0, 15.0) if mode == "paced" else (0.0, 0.0)
            warmup = 15.0 if mode == "paced" else 3.0
            t0 = time.monotonic() + 0.5
            parent.send(("run", ids, gap, t0, warmup, window))
            time.sleep(max(0.0, t0 + warmup - time.monotonic()))
            cpu0 = _cpu_seconds(proc.pid)
            time.sleep(max(0.0, t0 + warmup + window - time.monotonic()))
            cpu1 = _cpu_seconds(proc.pid)
            load, count_429 = parent.recv()
            result.peak_mb = _peak_mb(proc.pid)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            parent.send(("stop",))
            parent.recv()
            fake.join(timeout=10)
    lat = sorted(load.latencies)
    result.updates_per_s = load.answered / window
    if lat:
        q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
        result.p50, result.p95, result.p99 = q[49] * 1000, q[94] * 1000, q[98] * 1000
    result.cpu_ms = (cpu1 - cpu0) * 1000 / max(load.answered, 1)
    result.late, result.r429, result.stalled = load.late_callbacks, count_429, load.stalled
    return result


def _row(r: Run, echo: Run | None) -> str:
    ratio = (f"{r.updates_per_s / echo.updates_per_s:.2f} / {r.cpu_ms / echo.cpu_ms:.1f}x"
             if echo and echo.updates_per_s and echo.cpu_ms else "")  # fmt: skip
    # No first answer to an action begun in the window came before it ended: none to show.
    latency = f"{r.p50:.0f} / {r.p95:.0f} / {r.p99:.0f}" if r.p50 else "-"
    return (
        f"| {r.bot} | {r.clients} | {r.mode} | {'on' if r.limit else 'off'} | {r.reminders} "
        f"| {r.updates_per_s:.1f} | {latency} | {r.cpu_ms:.1f} "
        f"| {r.peak_mb:.0f} | {r.late} | {r.r429} | {ratio} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--modes", nargs="+", default=["saturated", "paced"],
                        choices=["saturated", "paced"])  # fmt: skip
    parser.add_argument("--limit", nargs="+", default=["on", "off"], choices=["on", "off"])
    parser.add_argument("--reminders", type=int, nargs="+", default=[0, 1000])
    parser.add_argument("--enrolled", type=int, default=10_000,
                        help="enrolled clients in the product's database, at least")  # fmt: skip
    parser.add_argument("--typing", action="store_true",
                        help="clients type report-split messages, not /today")  # fmt: skip
    parser.add_argument("--window", type=float, default=20.0, help="seconds measured per run")
    parser.add_argument("--product-root", default=ROOT)
    args = parser.parse_args()
    print(f"The product's database holds at least {args.enrolled:,} enrolled clients.\n")
    print("| bot | clients | pace | limit | reminders due | updates/s | first answer p50 / p95 "
          "/ p99 ms | CPU ms/update | peak MB | late callback answers | 429s | "
          "ratio to echo: rate / CPU |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for clients, mode, limit in itertools.product(args.clients, args.modes, args.limit):
        on = limit == "on"
        products = [
            run_one("product", clients, mode, on, reminders, args.window, args.product_root,
                    enrolled=args.enrolled, typing=args.typing)
            for reminders in args.reminders
        ]
        echo = run_one("echo", clients, mode, on, 0, args.window, args.product_root,
                       products[0].expect, typing=args.typing)  # fmt: skip
        print(_row(echo, None), flush=True)
        for product in products:
            print(_row(product, echo), flush=True)
            if product.stalled:
                print(f"  ({product.stalled} actions got no whole answer within {STALL:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
