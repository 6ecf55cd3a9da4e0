"""A handler that fails, as the operator reads it in the log (issue 11, item 3): the line
the process's own logging writes (bot.cli.logs, text and JSON), with the update's id,
Telegram's description and the traceback; a token-shaped text masked; the message of any
other exception, which could quote what a person wrote, withheld."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from telegram.error import BadRequest

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
