"""The process's logging: levels, the text or JSON format, and one filter on every line.

- `LOG_LEVEL` is the level of the project's own loggers (`bot.*`); it defaults to INFO for
  `run` and WARNING for the other commands. Libraries are held higher whatever it says:
  APScheduler's "job ran" lines (42 of 43 lines of an idle bot) at WARNING, httpx/httpcore
  (their request lines carry the token), aiosqlite and SQLAlchemy (their debug lines carry
  statements and values) at WARNING, python-telegram-bot at INFO (its debug lines carry whole
  updates: names and texts), and its request layer's "invalid JSON" line, which copies the
  answer it could not parse, not at all.
- `LOG_FORMAT=json` writes one JSON object a line (python-json-logger) for hosts that ingest
  JSON; `text` (default) is `time level logger: message`.
- Every line passes `SafeLines`: anything shaped like a bot token is replaced, and a
  traceback keeps its frames and exception classes but drops the messages of exceptions that
  may quote a person's words (only Telegram's descriptions, database errors, whose parameters
  are hidden, and operating-system errors keep theirs)."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from types import TracebackType
from typing import TextIO

from pythonjsonlogger.json import JsonFormatter

TOKEN_SHAPE = re.compile(r"(?<![0-9])[0-9]{5,12}:[A-Za-z0-9_-]{30,}")
TOKEN_MASK = "<bot token>"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"
# Level floors for libraries, whatever LOG_LEVEL says (see the module docstring).
LIBRARY_FLOORS = {
    "apscheduler": logging.WARNING,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "aiosqlite": logging.WARNING,
    "sqlalchemy": logging.WARNING,
    "asyncio": logging.WARNING,
    "matplotlib": logging.WARNING,
    "PIL": logging.WARNING,
    "telegram": logging.INFO,
    # Its one line is a body it could not parse, copied whole at ERROR: a getUpdates answer
    # cut off on the way holds clients' messages. The error it then raises is logged by
    # whoever called (the poller's retry, the error handler), without the body.
    "telegram.request.BaseRequest": logging.CRITICAL,
}
# Exceptions whose message may be logged: they describe the fault, never a person's words.
SPEAKING = ("telegram.", "sqlalchemy.", "asyncpg.")
WITHHELD = "(message withheld: it may quote what a person wrote)"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def redact(text: str) -> str:
    """`text` with every bot-token-shaped run (digits, a colon, 30+ characters) masked."""
    return TOKEN_SHAPE.sub(TOKEN_MASK, text)


def _speaks(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return isinstance(exc, OSError) or module.startswith(SPEAKING)


def safe_traceback(exc: BaseException) -> str:
    """The traceback of `exc` and the exceptions chained to it: every frame and class, with
    the message only where `_speaks` allows it."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for index, item in enumerate(reversed(chain)):
        if index:
            parts.append("\nWhile that was handled, this happened:\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(item.__traceback__))
        name = f"{type(item).__module__}.{type(item).__qualname__}".removeprefix("builtins.")
        parts.append(f"{name}: {item if _speaks(item) else WITHHELD}")
    return "".join(parts)


class SafeLines(logging.Filter):
    """Masks token-shaped text in the message and replaces the exception's traceback with
    `safe_traceback`; added to every handler, so no logger's line escapes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(safe_traceback(record.exc_info[1]))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(level: str, fmt: str = "text", stream: TextIO | None = None) -> None:
    """Configure the root logger once for this process: `level` for the project's loggers,
    the library floors, `fmt` "text" or "json", every line through `SafeLines`."""
    handler = logging.StreamHandler(stream or sys.stderr)
    formatter: logging.Formatter = (
        JsonFormatter(JSON_FIELDS, rename_fields={"levelname": "level", "name": "logger"})
        if fmt == "json"
        else logging.Formatter(TEXT_FORMAT)
    )
    handler.setFormatter(formatter)
    handler.addFilter(SafeLines())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    numeric = logging.getLevelName(level)
    root.setLevel(numeric)
    for name, floor in LIBRARY_FLOORS.items():
        logging.getLogger(name).setLevel(max(numeric, floor))
