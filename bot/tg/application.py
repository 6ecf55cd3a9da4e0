"""Building and running the PTB Application (long polling)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.domain.conversation.model import Reply
from bot.reminders.dispatcher import Composer, Dispatcher
from bot.reminders.planner import plan_all
from bot.reminders.sender import TelegramSender
from bot.service.conversation import Service
from bot.service.insights import weekly_summary
from bot.tg.handlers import (
    ALLOWED_UPDATES,
    BotData,
    Context,
    on_button,
    on_error,
    on_group,
    on_ignored,
    on_member,
    on_message,
)
from bot.tg.staff import register_staff_handlers

log = logging.getLogger(__name__)
PLAN_EVERY = 300  # seconds
DISPATCH_EVERY = 3

COMMANDS: dict[str, dict[str, str]] = {
    "en": {
        "checkin": "Daily check-in", "craving": "Log a craving", "trigger": "Log a trigger",
        "help": "Help now, any time", "today": "What I did today", "menu": "Main menu",
        "sessions": "My sessions this week",
        "progress": "My progress and charts",
        "export": "Get all my data as a file",
        "share": "Share this week with my program",
        "settings": "Language, times, support person", "privacy": "What is stored",
        "cancel": "Leave what you are doing", "stop": "Stop my messages",
        "delete": "Delete my data",
    },
    "es": {
        "checkin": "Registro diario", "craving": "Anotar ganas de consumir",
        "trigger": "Anotar un detonante", "help": "Ayuda ya, a cualquier hora",
        "today": "Lo que hice hoy", "menu": "Menú principal",
        "sessions": "Mis sesiones de la semana",
        "progress": "Mi progreso y gráficas",
        "export": "Recibir todos mis datos en un archivo",
        "share": "Compartir esta semana con mi programa",
        "settings": "Idioma, horarios, persona de apoyo", "privacy": "Qué se guarda",
        "cancel": "Dejar lo que está haciendo", "stop": "Detener mis mensajes",
        "delete": "Borrar mis datos",
    },
}  # fmt: skip


SPACING = 1 / 29.5  # seconds between two requests: just under Telegram's 30 a second
PACE = SPACING * 1.01  # the dispatcher's own spacing, a hair wider, so the limiter never waits


def limiter() -> AIORateLimiter:
    """One request every 1/29.5 s, evenly: PTB's default lets 30 out at once and then paces
    at the 30/s ceiling, so bursts meet 429s (measured: 22 msg/s with thousands of 429s on
    10,000 reminders, against 28.5 msg/s and none when spaced like this)."""
    return AIORateLimiter(overall_max_rate=1, overall_time_period=SPACING, max_retries=3)


def quiet_token_loggers() -> None:
    """Loggers whose lines carry the bot token in a URL: httpx logs every request URL, and
    PTB's bots log their API URL at DEBUG when built. Never below INFO and WARNING."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in ("telegram.Bot", "telegram.ext.ExtBot"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))


def build_application(
    settings: Settings, service: Service, request: BaseRequest | None = None
) -> Application:  # type: ignore[type-arg,unused-ignore]
    """The Application with its rate limiter, typed context and ordered handlers.

    `request` replaces the HTTP layer (tests pass a recording fake)."""
    assert settings.token, "checked by the caller"
    quiet_token_loggers()
    api = settings.telegram_api_url
    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .rate_limiter(limiter())
        .context_types(ContextTypes(bot_data=BotData))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    app.bot_data.service = service
    app.bot_data.settings = settings
    if request is not None:
        app.bot_data.extra["request"] = request
    private = filters.ChatType.PRIVATE
    # Order matters: edits and non-private chats are caught before the private handlers;
    # service messages in groups (joins, title changes) get no answer at all.
    app.add_handler(ChatMemberHandler(on_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, on_ignored))
    app.add_handler(MessageHandler(~private & ~filters.StatusUpdate.ALL, on_group))
    app.add_handler(MessageHandler(private, on_message))
    app.add_handler(CallbackQueryHandler(on_button))
    # Group -1 runs first: staff commands from STAFF_USER_IDS are answered there and stop;
    # everyone else's updates reach the handlers above untouched.
    register_staff_handlers(app, settings)
    app.add_error_handler(on_error)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg,unused-ignore]
    """The command menu in both languages (English is the default for everyone else), and
    the housekeeping job."""
    for lang, commands in COMMANDS.items():
        menu = [BotCommand(name, text) for name, text in commands.items()]
        await app.bot.set_my_commands(menu, language_code=None if lang == "en" else lang)
    await _staff_menus(app)
    if app.job_queue is None:
        log.error("no JobQueue (install the job-queue extra): reminders will not be sent")
        return
    service = app.bot_data.svc()

    async def weekly(client_id: int, now: datetime) -> Reply | None:
        return await weekly_summary(service.db, client_id, now, service.settings)

    composers: dict[str, Composer] = {"weekly_summary": weekly}
    sender = TelegramSender(await _reminder_bot(app, service.settings))
    dispatcher = Dispatcher(service.db, sender, service.clock, composers=composers, pace=PACE)
    app.bot_data.extra["dispatcher"] = dispatcher
    # One instance of each job at a time; a late run is coalesced, never skipped (APScheduler
    # drops runs more than a second late by default, DESIGN.md rule 5).
    once = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}
    queue = app.job_queue
    queue.run_repeating(_plan, interval=PLAN_EVERY, first=0, name="plan", job_kwargs=once)
    queue.run_repeating(
        _dispatch, interval=DISPATCH_EVERY, first=1, name="dispatch", job_kwargs=once
    )
    queue.run_repeating(_prune, interval=6 * 3600, first=60, name="prune-updates", job_kwargs=once)


def reminder_bot(settings: Settings, request: BaseRequest | None = None) -> ExtBot[Any]:
    """Reminders go through a bot of their own whose limiter never retries a 429 itself: the
    dispatcher puts the row back with retry_after instead, so a row marked "sending" is only
    ever one on the wire, and a crash leaves almost nothing undecided."""
    assert settings.token
    api = settings.telegram_api_url
    no_retry = AIORateLimiter(overall_max_rate=1, overall_time_period=SPACING, max_retries=0)
    return ExtBot(
        settings.token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot",
        rate_limiter=no_retry, request=request,
    )  # fmt: skip


async def _reminder_bot(
    app: Application,  # type: ignore[type-arg,unused-ignore]
    settings: Settings,
) -> ExtBot[Any]:
    bot = reminder_bot(settings, app.bot_data.extra.get("request"))  # tests inject one
    await bot.initialize()
    app.bot_data.extra["reminder_bot"] = bot
    return bot


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg,unused-ignore]
    reminder_bot = app.bot_data.extra.get("reminder_bot")
    if reminder_bot is not None:
        await reminder_bot.shutdown()


async def _plan(context: Context) -> None:
    """Expand schedules into due reminder rows for the next two days."""
    service = context.bot_data.svc()
    await plan_all(service.db, service.clock())


async def _dispatch(context: Context) -> None:
    """Send what is due; at start-up this runs at once and applies the lateness rules."""
    dispatcher: Dispatcher = context.bot_data.extra["dispatcher"]
    stats = await dispatcher.run_once()
    if stats.sent or stats.missed or stats.failed or stats.blocked:
        log.info("reminders: %s", stats)


STAFF_MENU = {
    "tracks": "Program tracks", "track_add": "Add a track: NAME [ZONE]",
    "track_remove": "Remove a track: NAME", "session_add": "Add sessions (see README)",
    "sessions_all": "List sessions [--track NAME | --client ID]",
    "session_remove": "Remove a session: ID", "invite": "New invite [--track NAME]",
    "report": "Program report since YYYY-MM-DD", "clients": "The client roster",
}  # fmt: skip


async def _staff_menus(app: Application) -> None:  # type: ignore[type-arg,unused-ignore]
    """Staff see their commands too, in their own chat only (nobody else's menu shows them)."""
    settings = app.bot_data.settings
    menu = [BotCommand(n, d) for n, d in {**COMMANDS["en"], **STAFF_MENU}.items()]
    for staff_id in settings.staff_user_ids if settings else ():
        try:
            await app.bot.set_my_commands(menu, scope=BotCommandScopeChat(staff_id))
        except TelegramError as exc:  # a staff member who never opened the chat
            log.info("no staff menu for one staff id: %s", exc.__class__.__name__)


async def _prune(context: Context) -> None:
    """Keep the processed-updates table small."""
    removed = await context.bot_data.svc().prune()
    log.info("pruned %d processed update ids", removed)


def run_polling(settings: Settings, service: Service) -> None:
    """Long-poll until stopped; pending updates are kept so nothing sent while down is lost."""
    app = build_application(settings, service)
    app.run_polling(
        allowed_updates=ALLOWED_UPDATES,
        drop_pending_updates=False,
        timeout=settings.poll_timeout,
        close_loop=False,
    )
    _ = Update
