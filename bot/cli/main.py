"""`recovery-bot`: run the bot, chat in the terminal, make invites, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import sys
from datetime import timedelta

from bot.config import ConfigError, Settings, load_settings

NO_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and put it in .env, "
    "or try the bot without Telegram: recovery-bot chat"
)


def parse_duration(text: str) -> timedelta:
    """'72h', '3d', '90m' -> timedelta; ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"invalid duration {text!r}; use e.g. 72h, 3d or 90m")
    unit = {"m": "minutes", "h": "hours", "d": "days"}[match.group(2)]
    return timedelta(**{unit: int(match.group(1))})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recovery-bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="long-poll the Telegram Bot API")
    chat = sub.add_parser("chat", help="talk to the bot in this terminal (no token needed)")
    chat.add_argument("--user", default=os.environ.get("USER", "local"), help="who you are")
    chat.add_argument("--lang", default=os.environ.get("LANG", "en")[:2], help="en or es")
    invite = sub.add_parser("invite", help="create a single-use invite link")
    invite.add_argument("--expires", default="72h", help="e.g. 72h, 7d (default 72h)")
    invite.add_argument("--track", default=None, help="program track for the new client")
    db = sub.add_parser("db", help="database tasks")
    db.add_argument("action", choices=["upgrade"])
    from bot.cli.tracks import add_subcommands  # staff tools: `track ...` and `session ...`

    add_subcommands(sub)
    from bot.service.report import (
        add_subcommands as add_program_commands,  # export, report, clients
    )

    add_program_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # PTB 22 reads durations as timedelta under this switch; without it every 429's
    # retry_after raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO" if args.command == "run" else "WARNING"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its URLs contain the token
    for name in ("telegram.Bot", "telegram.ext.ExtBot"):  # DEBUG: token in URLs, texts
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLogger(name).level))
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command == "run" and not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    if args.command == "invite":
        try:
            expires = parse_duration(args.expires)
        except ValueError as exc:
            print(f"--expires: {exc}", file=sys.stderr)
            return 2
        return asyncio.run(_invite(settings, expires, args.track))
    from bot.store.database import upgrade

    upgrade(settings.database_url)
    if args.command == "db":
        print("database is up to date")
        return 0
    if args.command == "chat":
        return asyncio.run(_chat(settings, args.user, args.lang))
    if args.command in ("track", "session"):
        from bot.cli.tracks import run as run_admin

        return run_admin(settings, args)
    if args.command in ("export", "report", "clients"):  # program data, audited: bot/report.py
        from bot.service.report import run as run_program

        return run_program(settings, args)
    return _run(settings)


async def _chat(settings: Settings, user: str, lang: str) -> int:
    from bot.console.chat import console_address, run_console
    from bot.service.conversation import Service
    from bot.store.database import Database

    db = Database(settings.database_url)
    try:
        await run_console(
            Service(db, settings), console_address(user, lang), sys.stdin, sys.stdout
        )
    finally:
        await db.dispose()
    return 0


async def _invite(settings: Settings, expires: timedelta, track: str | None) -> int:
    from bot.service.invites import create_invite_link
    from bot.store.database import upgrade

    await asyncio.to_thread(upgrade, settings.database_url)
    if track is not None:  # the track must exist; the invite keeps its exact name
        from bot.cli.tracks import track_or_error

        track = await track_or_error(settings, track)
        if track is None:
            return 2
    code, link, until = await create_invite_link(settings, expires, track)
    print(f"invite code: {code}\nlink: {link}\nexpires: {until:%Y-%m-%d %H:%M} UTC")
    return 0


def _run(settings: Settings) -> int:
    from bot.service.conversation import Service, make_clock
    from bot.store.database import Database
    from bot.tg.application import run_polling

    db = Database(settings.database_url)
    run_polling(settings, Service(db, settings, make_clock(settings)))
    return 0
