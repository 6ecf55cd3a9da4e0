"""`recovery-bot`: run the bot, chat in the terminal, migrate the database, and the staff's
commands (invites, tracks, sessions, the report, the roster, an export)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings

NO_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and put it in .env, "
    "or try the bot without Telegram: recovery-bot chat"
)


def _parser() -> argparse.ArgumentParser:
    from bot.cli import staff
    from bot.service.staff_syntax import StaffParser

    parser = argparse.ArgumentParser(prog="recovery-bot", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=StaffParser)
    sub.add_parser("run", help="long-poll the Telegram Bot API")
    chat = sub.add_parser("chat", help="talk to the bot in this terminal (no token needed)")
    chat.add_argument("--user", default=os.environ.get("USER", "local"), help="who you are")
    chat.add_argument("--lang", default=os.environ.get("LANG", "en")[:2], help="en or es")
    db = sub.add_parser("db", help="database tasks: upgrade, backup")
    tasks = db.add_subparsers(dest="action", required=True)
    tasks.add_parser("upgrade", help="apply the migrations not applied yet")
    backup = tasks.add_parser("backup", help="a consistent copy of a live SQLite database")
    backup.add_argument("path", metavar="PATH", help="a new file (never overwritten), 0600")
    web = sub.add_parser(
        "web", help="serve the staff web view (put a TLS reverse proxy in front: see README)"
    )
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    web.add_argument("--port", type=int, default=8080, help="port to listen on (8080)")
    sub.add_parser(
        "health", help="exit 0 if the running bot's poller and dispatcher were seen in the last "
        "3 minutes and the database answers, else 1 (the container's HEALTHCHECK)",
    )  # fmt: skip
    # The staff commands (invite, track, session, report, clients, export), from the table
    # the Telegram staff commands are built from too.
    staff.add_subcommands(sub)
    return parser


def _version() -> str:
    """The installed package's version (pyproject.toml), or "unknown" when run uninstalled."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("recovery-bot")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _logging(settings: Settings, command: str) -> None:
    from bot.cli.logs import setup_logging

    level = settings.log_level or ("INFO" if command == "run" else "WARNING")
    setup_logging(level, settings.log_format)


def main(argv: list[str] | None = None) -> int:
    """The console script; returns the exit status (2 for a bad input or setting)."""
    args = _parser().parse_args(argv)
    # PTB 22 reads durations as timedelta under this switch; without it every 429's
    # retry_after raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    _logging(settings, args.command)
    if args.command == "run" and not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    try:
        if hasattr(args, "staff_command"):
            from bot.cli import staff

            return staff.run(settings, args)
        return _COMMANDS[args.command](settings, args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _stopped(exc, settings, args.command)


def _stopped(exc: Exception, settings: Settings, command: str) -> int:
    """A failure no command handled: one line naming the cause and the fix and exit 2 for
    a known one (token, database), else the log's safe traceback and exit 1. Never the token.
    In the terminal chat the helplines come first: whoever typed there may need them."""
    from bot.cli.logs import redact
    from bot.service.backend import database_failure
    from bot.tg.application import startup_failure

    if command == "chat":
        lines = settings.helplines
        print(f"If you need help now: call or text {lines.crisis}; in an emergency call "
              f"{lines.emergency}.", file=sys.stderr)  # fmt: skip
    line = startup_failure(exc, settings.telegram_api_url) or database_failure(exc, settings)
    if line is not None:
        print(f"error: {redact(line)}", file=sys.stderr)
        return 2
    logging.getLogger("bot.cli").critical("recovery-bot %s stopped", command, exc_info=exc)
    return 1


def _db(settings: Settings, args: argparse.Namespace) -> int:
    from bot.service.backend import BackupError, backup_database, upgrade_database

    if args.action == "backup":
        try:
            print(backup_database(settings, Path(args.path).absolute()))
        except BackupError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    upgrade_database(settings)
    print("database is up to date")
    return 0


def _health(settings: Settings, args: argparse.Namespace) -> int:
    from bot.service.health import check_health

    verdict = asyncio.run(check_health(settings))
    print("\n".join(["healthy" if verdict.ok else "unhealthy", *verdict.lines]))
    return 0 if verdict.ok else 1


def _chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console.chat import console_address, run_console
    from bot.service.backend import open_backend

    async def chat() -> None:
        async with open_backend(settings) as backend:
            address = console_address(args.user, args.lang)
            await run_console(backend.conversation, address, sys.stdin, sys.stdout)

    asyncio.run(chat())
    return 0


def _run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.service.backend import connect, upgrade_database
    from bot.tg.application import run_polling

    upgrade_database(settings)
    run_polling(settings, connect(settings).conversation)
    return 0


def _web(settings: Settings, args: argparse.Namespace) -> int:
    from bot.tg.application import bot_username
    from bot.web.serve import serve

    # The invite links name the bot: asked of Telegram once, at start.
    serve(settings, args.host, args.port, asyncio.run(bot_username(settings, strict=True)))
    return 0


_COMMANDS = {"db": _db, "chat": _chat, "run": _run, "health": _health, "web": _web}
