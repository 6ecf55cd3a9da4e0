"""A handler that fails, as the operator reads it in the log (issue 11, item 3): the line
the process's own logging writes (bot.cli.logs, text and JSON), with the update's id,
Telegram's description and the traceback; a token-shaped text masked; the message of any
other exception, which could quote what a person wrote, withheld."""

from __future__ import annotations

import http.server
import io
import json
import logging
import threading
from collections.abc import Iterator

import pytest
from telegram.error import BadRequest, TelegramError

from bot.cli.logs import LIBRARY_FLOORS, TOKEN_MASK, WITHHELD, setup_logging
from tests.tg.driver import Harness, Person

# Shaped like a real token (digits, a colon, 35 characters); not the harness's own.
LEAKED = "7712345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


@pytest.fixture
def operator_log() -> Iterator[tuple[io.StringIO, list[str]]]:
    """Logging set up as `recovery-bot run` sets it up, into a buffer; the root logger's
    handlers and every level it changes are put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    names = ["bot", *LIBRARY_FLOORS]
    levels = {name: logging.getLogger(name).level for name in names}
    stream = io.StringIO()
    formats: list[str] = []
    try:
        yield stream, formats
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)


@pytest.mark.parametrize("fmt", ["text", "json"])
async def test_a_failed_handler_logs_the_cause_and_traceback_and_nothing_said(
    harness: Harness, pat: Person, monkeypatch: pytest.MonkeyPatch,
    operator_log: tuple[io.StringIO, list[str]], fmt: str,
) -> None:  # fmt: skip
    from bot.tg import handlers

    stream, _ = operator_log
    setup_logging("DEBUG", fmt, stream)
    real = handlers.event_of

    def failing(message):  # type: ignore[no-untyped-def]
        if message.text == "Maria says hi":
            raise ValueError(message.text)  # a bug, with a person's words in it
        if message.text == "Maria again":  # Telegram refusing, its answer quoting a token
            raise BadRequest(f"Chat not found for {LEAKED}")
        return real(message)

    monkeypatch.setattr(handlers, "event_of", failing)
    bug = await pat.say("Maria says hi")
    refused = await pat.say("Maria again")
    assert [type(e) for e in harness.handler_errors] == [ValueError, BadRequest]
    harness.handler_errors.clear()

    log = stream.getvalue()
    if fmt == "json":
        records = [json.loads(line) for line in log.splitlines()]
        text = "\n".join(f"{r['message']}\n{r.get('exc_info', '')}" for r in records)
    else:
        text = log
    assert f"update {bug} could not be handled (ValueError)" in text
    assert f"update {refused} could not be handled (BadRequest: Chat not found for" in text
    assert text.count("Traceback (most recent call last)") >= 2  # one per failure
    assert "bot/tg/handlers.py" in text and f"ValueError: {WITHHELD}" in text
    assert "telegram.error.BadRequest: Chat not found for" in text  # Telegram's words kept
    assert TOKEN_MASK in text and LEAKED not in log and LEAKED.split(":")[1] not in log
    assert "Maria" not in log


class _CutShort(http.server.BaseHTTPRequestHandler):
    """A Bot API whose getUpdates answer is cut off mid-way (a proxy dropping the connection's
    end): 200 and a body that is not whole JSON, holding a client's message."""

    def do_POST(self) -> None:  # http.server calls it by this name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.endswith("/getMe"):
            body = json.dumps({"ok": True, "result": {
                "id": 7, "is_bot": True, "first_name": "Companion", "username": "companion_bot",
            }}).encode()  # fmt: skip
        else:
            body = (b'{"ok":true,"result":[{"update_id":5,"message":{"message_id":1,"date":1,'
                    b'"chat":{"id":42,"type":"private","first_name":"Maria"},'
                    b'"text":"Maria here, call me at 555-201-3344')  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


async def test_a_cut_off_answer_from_telegram_is_not_copied_into_the_log(
    operator_log: tuple[io.StringIO, list[str]],
) -> None:
    """python-telegram-bot logs a body it cannot parse, whole, at ERROR; for getUpdates that
    body is clients' messages. The error it raises is what the bot logs (and retries)."""
    from bot.config import load_settings
    from bot.tg.application import make_bot

    stream, _ = operator_log
    setup_logging("DEBUG", "text", stream)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CutShort)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = load_settings(
            telegram_bot_token=LEAKED, _env_file=None,
            telegram_api_url=f"http://127.0.0.1:{server.server_address[1]}",
        )  # fmt: skip
        async with make_bot(settings) as bot:
            with pytest.raises(TelegramError, match="Invalid server response"):
                await bot.get_updates(timeout=0)
            logging.getLogger("bot.tg.polling").warning("logged so the check is not vacuous")
    finally:
        server.shutdown()
        server.server_close()
    log = stream.getvalue()
    assert "logged so the check is not vacuous" in log
    assert "Maria" not in log and "555-201-3344" not in log, log
