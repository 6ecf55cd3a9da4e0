"""What the person who deploys the bot meets at start-up (issue 11, items 2 and 3): the bot
and its commands as processes, started the way an operator starts them, with the bad input
given. Every failure is one line naming the cause and the fix, exit 2, never the token; the
Bot API out of reach at boot is waited for; at LOG_LEVEL=DEBUG nothing a client typed, and
no name or phone number, reaches the log."""

from __future__ import annotations

import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, TOKEN, BotProcess
from tests.e2e.test_journey import SECRET, check_in, enroll
from tests.fakeapi import FakeTelegram

CRISIS = "i took all my pills and wrote goodbye to my sister"
TRIGGER = "argument with landlord Pedro"


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The failure as the operator sees it: exit 2, one `error:` line, no traceback."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and TOKEN not in done.stderr + done.stdout
    return lines[0]


def test_the_shipped_env_example_works_as_it_is(fake: FakeTelegram, tmp_path: Path) -> None:
    """`cp .env.example .env`, set the token, run: the empty optional lines mean unset."""
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    bot = BotProcess(fake, tmp_path)
    try:
        bot.start()  # asserts the process polls
        ana = fake.user(601, first_name="Ana", language_code="en")
        ana.send_command("/help")
        assert "988" in ana.wait_reply("988")["text"]  # HELPLINE_* and STAFF_* left empty
    finally:
        bot.stop()
    chat = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--user", "ana"], input="/help\n",
        env=bot.env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert chat.returncode == 0, chat.stderr
    assert "988" in chat.stdout


def test_a_refused_token_is_one_line(fake: FakeTelegram, tmp_path: Path) -> None:
    wrong = "654321:AAFnotTheRightTokenAtAll0123456789abc"
    bot = BotProcess(fake, tmp_path, TELEGRAM_BOT_TOKEN=wrong)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], env=bot.env, cwd=tmp_path,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    line = one_line_error(done)
    assert "TELEGRAM_BOT_TOKEN" in line and "@BotFather" in line
    assert wrong not in done.stderr and wrong.split(":")[1] not in done.stderr


class _NotABotApi(http.server.BaseHTTPRequestHandler):
    """A web server that is not a Bot API (a mistyped TELEGRAM_API_URL): 404 and a page."""

    def do_POST(self) -> None:  # http.server calls it by this name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>Not here</body></html>")

    def log_message(self, *args: object) -> None:
        pass


def test_an_api_url_that_is_no_bot_api_is_named_not_the_token(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """A 404 page from whatever TELEGRAM_API_URL points at is not Telegram refusing the token:
    the line names the URL to fix, and the token is not sent back to @BotFather for nothing."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotABotApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        bot = BotProcess(fake, tmp_path, TELEGRAM_API_URL=url)
        done = subprocess.run(
            [sys.executable, "-m", "bot", "run"], env=bot.env, cwd=tmp_path,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    line = one_line_error(done)
    assert "TELEGRAM_API_URL" in line and url in line and "404" in line, line
    assert "@BotFather" not in line and "Not here" not in line, line


def test_the_web_view_and_an_invite_with_a_refused_token(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """The web view asks Telegram the bot's name at start for its invite links and QR codes:
    a refused token stops it in one line, as it stops `run`, instead of serving links to
    t.me/<your_bot>. `invite` still gives its code (it is made), and says why the link has
    no name."""
    wrong = "654321:AAFnotTheRightTokenAtAll0123456789abc"
    bot = BotProcess(fake, tmp_path, TELEGRAM_BOT_TOKEN=wrong)
    web = bot.command("web", "--port", str(closed_port()))
    line = one_line_error(web)
    assert "TELEGRAM_BOT_TOKEN" in line and "@BotFather" in line
    made = bot.command("invite")
    assert made.returncode == 0, made.stderr
    assert "t.me/<your_bot>?start=" in made.stdout
    assert "TELEGRAM_BOT_TOKEN was refused" in made.stderr, made.stderr
    assert wrong not in made.stderr + web.stderr and wrong.split(":")[1] not in made.stderr


def test_the_bot_api_out_of_reach_at_boot_is_waited_for(tmp_path: Path) -> None:
    """Telegram unreachable at start (the network still coming up): warnings with a growing
    wait, no exit; once it answers, the bot polls."""
    port = closed_port()
    fake = FakeTelegram(token=TOKEN, port=port)
    bot = BotProcess(fake, tmp_path, TELEGRAM_API_URL=f"http://127.0.0.1:{port}")
    with bot.log_path.open("ab") as log:
        bot.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], env=bot.env, cwd=tmp_path,
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while bot.log().count("cannot be reached") < 3:
            assert bot.proc.poll() is None, bot.log()
            assert time.monotonic() < deadline, bot.log()
            time.sleep(0.2)
        assert "trying again in 1 s" in bot.log() and "trying again in 5 s" in bot.log()
        assert "Traceback" not in bot.log()
        with fake:  # the Bot API comes up where the bot looks for it
            deadline = time.monotonic() + 30
            while not fake.calls_of("getUpdates"):
                assert bot.proc.poll() is None, bot.log()
                assert time.monotonic() < deadline, "never polled\n" + bot.log()
                time.sleep(0.1)
            bot.stop()
    finally:
        bot.stop()
    assert TOKEN not in bot.log()


@pytest.mark.parametrize(
    ("url", "cause"),
    [
        ("postgresql://bot:s3cret@127.0.0.1:{port}/recovery", "cannot be reached"),
        ("sqlite:///{tmp}/damaged.db", "is not a SQLite database"),
        ("sqlite:///{tmp}/torn.db", "is damaged"),
    ],
)
def test_a_database_failure_at_start_is_one_line(
    fake: FakeTelegram, tmp_path: Path, url: str, cause: str
) -> None:
    (tmp_path / "damaged.db").write_text("these are not the pages of a database\n" * 200)
    url = url.format(port=closed_port(), tmp=tmp_path)
    bot = BotProcess(fake, tmp_path, DATABASE_URL=url)
    if "torn" in url:  # the bot's own database, some of its pages zeroed (a disk, a power cut)
        made = bot.command("db", "upgrade")
        assert made.returncode == 0, made.stderr
        with (tmp_path / "torn.db").open("r+b") as pages:
            pages.seek(4096 * 2)
            pages.write(bytes(4096 * 30))
    for command in (["run"], ["clients"], ["chat"]):
        done = subprocess.run(
            [sys.executable, "-m", "bot", *command], env=bot.env, cwd=tmp_path, input="",
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        line = one_line_error(done)
        assert cause in line and ("DATABASE_URL" in line or "backup" in line), line
        assert "s3cret" not in done.stderr
        if command == ["chat"]:  # whoever typed there may need help now
            assert "988" in done.stderr and "911" in done.stderr


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
        ({"HELPLINE_CRISIS": "   "}, "HELPLINE_CRISIS"),
        ({"STAFF_CHAT_ID": "the staff group"}, "STAFF_CHAT_ID"),
        ({"PROGRAM_TIMEZONE": "Mars/Olympus"}, "PROGRAM_TIMEZONE"),
    ],
)
def test_a_bad_setting_is_one_line(
    fake: FakeTelegram, tmp_path: Path, env: dict[str, str], names: str
) -> None:
    bot = BotProcess(fake, tmp_path, **env)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], env=bot.env, cwd=tmp_path,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and names in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if env.get("HELPLINE_CRISIS") == "   ":  # said as what it is, not as an empty quote
        assert "only spaces is not a phone number" in done.stderr, done.stderr


def test_an_empty_helpline_means_the_default(fake: FakeTelegram, tmp_path: Path) -> None:
    bot = BotProcess(fake, tmp_path, HELPLINE_CRISIS="", STAFF_CHAT_ID="", STAFF_USER_IDS="")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--user", "ana"], input="/help\n", env=bot.env,
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "988" in done.stdout


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_debug_logs_carry_nothing_a_client_typed(
    fake: FakeTelegram, tmp_path: Path, fmt: str
) -> None:
    """A whole journey at LOG_LEVEL=DEBUG: enrollment (a first name, a support person's name
    and number, a reason), a crisis sentence, a craving with a typed trigger and a coping
    answer, a check-in with its answers, /progress and /export; none of it is in the log,
    nor the token, and APScheduler's routine lines stay out."""
    bot = BotProcess(fake, tmp_path, LOG_LEVEL="DEBUG", LOG_FORMAT=fmt)
    made = bot.command("invite")
    assert made.returncode == 0, made.stderr
    code = made.stdout.split("invite code: ")[1].split()[0]
    bot.start()
    try:
        enroll(fake, bot, 602, code)
        ana = fake.user(602)
        ana.send_text(CRISIS)
        ana.wait_reply("911")
        ana.send_command("/craving")
        ana.wait_reply("How strong")
        ana.press("6")
        ana.wait_reply("What set it off")
        ana.send_text(TRIGGER)
        ana.wait_reply("Chosen:")
        ana.press("Done ✓")
        ana.wait_reply("What did you do")
        ana.press("Distract yourself")
        tip = ana.wait_reply("Try this")
        ana.press("👍 Yes", message=tip)
        ana.wait_reply("helped")
        ana.send_command("/checkin")  # a whole check-in, its answers and a trigger
        check_in(ana)
        ana.send_command("/progress")  # the figures and the charts
        ana.wait_reply("craving log")
        ana.send_command("/export")  # the client's own file
        ana.wait_reply("leaves me")
        ana.press("Yes, send the file")
        ana.wait_reply("Your data")
        time.sleep(4)  # the jobs run a few times meanwhile
    finally:
        bot.stop()
    log = bot.log()
    assert log.strip(), "nothing was logged at all"
    said_by_ana = (SECRET, "Lucy", "Ana", "Sam", "555-201-3344", "19:30", CRISIS, TRIGGER)
    # Each line's own time stamp ("2026-11-30 16:19:30,412", or the JSON "asctime") can hold
    # "19:30" by chance: it is left out; everything else on the line is checked.
    said_lines = "\n".join(_without_stamp(line) for line in log.splitlines())
    for said in (*said_by_ana, "Pedro", "lonely"):
        assert said not in said_lines, f"{said!r} reached the log"
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "apscheduler" not in log.lower() or "WARNING" in log
    assert "Running job" not in log and "executed successfully" not in log
    if fmt == "json":
        records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
        assert records and all({"level", "logger", "message"} <= set(r) for r in records)
        assert len(records) == len(log.strip().splitlines()), "a line that is not JSON"


def _without_stamp(line: str) -> str:
    if line.startswith("{"):
        record = json.loads(line)
        record.pop("asctime", None)
        return json.dumps(record, ensure_ascii=False)
    return re.sub(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} ", "", line)


def test_version_names_the_release(tmp_path: Path) -> None:
    import tomllib

    done = subprocess.run([sys.executable, "-m", "bot", "--version"], capture_output=True,
                          text=True, cwd=tmp_path, timeout=60)  # fmt: skip
    release = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert (done.returncode, done.stdout.strip()) == (0, f"recovery-bot {release}")
