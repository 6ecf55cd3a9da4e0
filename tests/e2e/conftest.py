"""The bot as a real process (`python -m bot run`) against the loopback fake Bot API."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakeapi import FakeTelegram

TOKEN = "123456:E2E-secret-token"
ROOT = Path(__file__).resolve().parents[2]  # run this tree's code, whatever is installed


class BotProcess:
    """Starts, kills and restarts `recovery-bot run`; its log goes to a file we can read.

    Every process made during a test is listed in `made`, so a failing test's report shows
    their logs (the only record of what the bot did when a CI run fails)."""

    made: list[BotProcess] = []  # noqa: RUF012 - per test, cleared by `_forget_processes`

    def __init__(self, fake: FakeTelegram, tmp_path: Path, **env: str) -> None:
        BotProcess.made.append(self)
        self.fake = fake
        self.db_path = tmp_path / "bot.db"
        self.log_path = tmp_path / "bot.log"
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            "POLL_TIMEOUT": "1",
            "PTB_TIMEDELTA": "1",
            "LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT),
            **env,
        }
        self.cwd = tmp_path
        self.proc: subprocess.Popen[bytes] | None = None

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run another recovery-bot command (invite, db upgrade) with the same settings."""
        return subprocess.run(
            [sys.executable, "-m", "bot", *args], env=self.env, cwd=self.cwd,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    def start(self) -> None:
        polls = len(self.fake.calls_of("getUpdates"))
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], env=self.env, cwd=self.cwd,
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        # Start-up (imports, migrations, the crisis model) is a few CPU seconds, many more
        # on a loaded CI machine; how long it takes is not what these tests are about.
        deadline = time.monotonic() + 90
        while len(self.fake.calls_of("getUpdates")) <= polls:
            assert self.proc.poll() is None, self.log()
            assert time.monotonic() < deadline, "the bot never started polling\n" + self.log()
            time.sleep(0.05)

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill9()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.db_path) as conn:
            return conn.execute(sql).fetchall()


@pytest.fixture(autouse=True)
def _forget_processes() -> None:
    BotProcess.made.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """On a failure, add the log of every bot process of the test to its report."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when == "call":
        for number, process in enumerate(BotProcess.made, 1):
            report.sections.append((f"bot process {number} log (last 15,000 characters)",
                                    process.log()[-15000:]))  # fmt: skip


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
def bot(fake: FakeTelegram, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(fake, tmp_path)
    yield process
    process.stop()
    assert not fake.refused, f"the fake refused requests: {fake.refused}"
    assert TOKEN not in process.log(), "the bot token leaked into the log"
