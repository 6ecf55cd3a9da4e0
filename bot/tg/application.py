"""Building and running the PTB Application (long polling), its bots and its jobs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    BaseRateLimiter,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    ExtBot,
    JobQueue,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from bot.domain.conversation.model import Reply
from bot.domain.schedule.kinds import Kind
from bot.reminders.dispatcher import Composer, Dispatcher
from bot.reminders.planner import Planner
from bot.service.conversation import Service
from bot.service.digest import send_due as send_digest_due
from bot.service.health import Heart
from bot.service.insights import weekly_summary
from bot.service.notices import renotify_due
from bot.tg.bot import GuardedBot
from bot.tg.context import BotData, Context
from bot.tg.delivery import TelegramSender
from bot.tg.flags import register_digest_handlers
from bot.tg.handlers import (
    courier,
    on_button,
    on_edit,
    on_error,
    on_group,
    on_ignored,
    on_member,
    on_message,
)
from bot.tg.logs import quiet_token_loggers
from bot.tg.menus import set_menus
from bot.tg.pacing import INTERACTIVE, PER_WINDOW, REMINDERS, RESERVE, WINDOW, Pacing
from bot.tg.polling import Poller
from bot.tg.profile import set_profile
from bot.tg.staff import register_staff_handlers

log = logging.getLogger(__name__)
PLACEHOLDER_BOT = "<your_bot>"
PLAN_EVERY = 300  # seconds
DISPATCH_EVERY = 3
OUTBOX_EVERY = 2  # seconds between two looks at what waits in the outbox
RENOTIFY_EVERY = 30  # seconds between two looks for crisis notices nobody took
REPLAY_EVERY = 3  # seconds between two tries to write crisis records held while the DB was down
DIGEST_EVERY = 30  # seconds between two looks at whether the daily flag digest is due


# The dispatcher's own spacing between two reminders: the share of the budget reminders may
# take (bot.tg.pacing), evenly spread and a hair wider, so the limiter never holds a row
# already marked "sending".
PACE = WINDOW / (PER_WINDOW - RESERVE) * 1.01


def limiter(pacing: Pacing | None = None) -> BaseRateLimiter[int]:
    """The interactive bot's view of the token's one pacing (`bot.tg.pacing`): replies go
    first; a 429 holds every message for retry_after and is tried again three times."""
    return (pacing or Pacing()).limiter(INTERACTIVE, retries=3)


def make_bot(
    settings: Settings, *, rate_limiter: BaseRateLimiter[int] | None = None,
    request: BaseRequest | None = None, get_updates_request: BaseRequest | None = None,
) -> ExtBot[Any]:  # fmt: skip
    """A bot for the configured Bot API (TELEGRAM_API_URL) and token; every bot is built here.

    Without `request`, a connection pool as wide as PTB's Application builder gives (256),
    and one connection for getUpdates."""
    assert settings.token, "checked by the caller"
    api = settings.telegram_api_url
    return GuardedBot(
        settings.token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot",
        request=request or HTTPXRequest(connection_pool_size=256),
        get_updates_request=get_updates_request or request or HTTPXRequest(),
        rate_limiter=rate_limiter,
    )  # fmt: skip


async def bot_username(settings: Settings, *, strict: bool = False) -> str:
    """The bot's @username from getMe when a token is set; a placeholder otherwise, with a
    warning saying why when Telegram was asked and did not tell. `strict` (the web view,
    which shows the links as QR codes for days): a refused token raises InvalidToken, which
    stops the command in one line (`startup_failure`)."""
    if not settings.token:
        return PLACEHOLDER_BOT
    try:
        async with make_bot(settings) as bot:
            return bot.username
    except InvalidToken:
        if strict:
            raise
        # Not the exception's text: PTB's quotes the token.
        log.warning("TELEGRAM_BOT_TOKEN was refused by Telegram, so the link shows %s: copy "
                    "the token again from @BotFather into .env", PLACEHOLDER_BOT)  # fmt: skip
    except TelegramError as exc:
        log.warning("the bot's name could not be asked of Telegram (%s: %s), so links show %s",
                    type(exc).__name__, exc.message, PLACEHOLDER_BOT)  # fmt: skip
    return PLACEHOLDER_BOT


def build_application(
    settings: Settings, service: Service, request: BaseRequest | None = None
) -> Application:  # type: ignore[type-arg,unused-ignore]
    """The Application with its rate limiter, typed context and ordered handlers.

    `request` replaces the HTTP layer (tests pass a recording fake). The token's one
    `Pacing` is kept in bot_data.extra["pacing"]: the reminder bot shares it."""
    quiet_token_loggers()
    pacing = Pacing()
    bot = make_bot(settings, rate_limiter=limiter(pacing), request=request)
    app = (
        Application.builder()
        .bot(bot)
        .context_types(ContextTypes(bot_data=BotData))
        .updater(None)  # bot.tg.polling fetches: an update is confirmed once it is recorded
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data.service = service
    app.bot_data.settings = settings
    app.bot_data.extra["pacing"] = pacing
    if request is not None:
        app.bot_data.extra["request"] = request
    private = filters.ChatType.PRIVATE
    # Order matters: edits (screened in private chats, ignored elsewhere) and non-private chats
    # are caught before the private handlers; service messages in groups (joins, title
    # changes) get no answer at all.
    app.add_handler(ChatMemberHandler(on_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, on_edit))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, on_ignored))
    app.add_handler(MessageHandler(~private & ~filters.StatusUpdate.ALL, on_group))
    app.add_handler(MessageHandler(private, on_message))
    app.add_handler(CallbackQueryHandler(on_button))
    # Group -1 runs first: staff commands from STAFF_USER_IDS are answered there and stop;
    # everyone else's updates reach the handlers above untouched.
    register_staff_handlers(app, settings)
    register_digest_handlers(app, settings)
    app.add_error_handler(on_error)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg,unused-ignore]
    """The command menu in both languages (English is the default for everyone else), and
    the housekeeping job."""
    settings = app.bot_data.settings
    await set_menus(app.bot, settings.staff_user_ids if settings else ())
    await set_profile(app.bot)
    if app.job_queue is None:
        log.error("no JobQueue (install the job-queue extra): reminders will not be sent")
        return
    service = app.bot_data.svc()

    async def weekly(client_id: int, now: datetime) -> Reply | None:
        return await weekly_summary(service.db, client_id, now, service.settings)

    composers: dict[str, Composer] = {Kind.WEEKLY_SUMMARY: weekly}
    sender = TelegramSender(await _reminder_bot(app, service.settings))
    dispatcher = Dispatcher(service.db, sender, service.clock, composers=composers, pace=PACE)
    app.bot_data.extra["dispatcher"] = dispatcher
    app.bot_data.extra["heart"] = Heart(service.db, service.clock)
    queue = app.job_queue
    _every(queue, _plan, PLAN_EVERY, "plan", first=0)
    _every(queue, _dispatch, DISPATCH_EVERY, "dispatch", first=1)
    _every(queue, _replay, REPLAY_EVERY, "replay", first=2)
    _every(queue, _prune, 6 * 3600, "prune-updates", first=60)
    _every(queue, _outbox, OUTBOX_EVERY, "outbox", first=0)
    _every(queue, _renotify, RENOTIFY_EVERY, "renotify", first=5)
    _every(queue, _flag_digest, DIGEST_EVERY, "flag-digest", first=5)


def _every(
    queue: JobQueue,  # type: ignore[type-arg,unused-ignore]
    callback: Callable[[Context], Coroutine[Any, Any, None]],
    interval: float,
    name: str,
    first: float,
) -> None:
    """Run `callback` every `interval` seconds, the first time `first` seconds from now.

    One instance at a time; a late run is coalesced, never skipped (APScheduler drops runs
    more than a second late by default: a reminder must never be skipped). The first run is
    given as APScheduler's own `next_run_time`: a start date alone is fixed before the
    scheduler starts, and one already past when it does is skipped to the next interval (the
    planner would first run 5 minutes after every restart)."""
    first_run = datetime.now(UTC) + timedelta(seconds=first)
    once = {
        "max_instances": 1, "coalesce": True, "misfire_grace_time": None,
        "next_run_time": first_run,
    }  # fmt: skip
    queue.run_repeating(callback, interval=interval, first=first, name=name, job_kwargs=once)


def reminder_bot(
    settings: Settings, request: BaseRequest | None = None, pacing: Pacing | None = None
) -> ExtBot[Any]:
    """Reminders go through a bot of their own, on the token's one `pacing` (a new one when
    not given) behind every reply, whose limiter never retries a 429 itself: the dispatcher
    puts the row back with retry_after instead, so a row marked "sending" is only ever one on
    the wire, and a crash leaves almost nothing undecided. Its read timeout
    (REMINDER_READ_TIMEOUT, seconds) is how long a send waits for Telegram's answer before
    the reminder is recorded uncertain."""
    no_retry = (pacing or Pacing()).limiter(REMINDERS, retries=0)
    request = request or HTTPXRequest(
        connection_pool_size=256, read_timeout=settings.reminder_read_timeout
    )
    return make_bot(settings, rate_limiter=no_retry, request=request)


async def _reminder_bot(
    app: Application,  # type: ignore[type-arg,unused-ignore]
    settings: Settings,
) -> ExtBot[Any]:
    extra = app.bot_data.extra
    bot = reminder_bot(settings, extra.get("request"), extra.get("pacing"))  # tests inject one
    await bot.initialize()
    extra["reminder_bot"] = bot
    return bot


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg,unused-ignore]
    reminder_bot = app.bot_data.extra.get("reminder_bot")
    if reminder_bot is not None:
        await reminder_bot.shutdown()


async def _plan(context: Context) -> None:
    """Expand schedules into due reminder rows for the next two days: at start-up for
    everyone, then only for the clients whose plan changed or ran out (`Planner`)."""
    service = context.bot_data.svc()
    extra = context.bot_data.extra
    planner = extra.get("planner")
    if planner is None:
        planner = extra["planner"] = Planner(service.db)
    await planner.run(service.clock())


async def _dispatch(context: Context) -> None:
    """Send what is due; at start-up this runs at once and applies the lateness rules."""
    dispatcher: Dispatcher = context.bot_data.extra["dispatcher"]
    stats = await dispatcher.run_once()
    await context.bot_data.extra["heart"].beat("dispatcher")  # a round done: for `health`
    if stats.sent or stats.missed or stats.failed or stats.blocked or stats.uncertain:
        log.info("reminders: %s", stats)


async def _outbox(context: Context) -> None:
    """Send what waits in the outbox: retries, and what a crash left (on the first run, the
    messages the last run meant to send itself are made due: here rather than at start-up,
    so a locked database does not hold up polling)."""
    extra = context.bot_data.extra
    if not extra.get("outbox_released"):
        await context.bot_data.svc().outbox.restart()
        extra["outbox_released"] = True
    while await courier(context).send_due() > 0:
        pass


async def _replay(context: Context) -> None:
    """Crisis records held while the database was down: written once it is back, their staff
    notices into the outbox, which sends them at once."""
    if await context.bot_data.svc().replay_spool():
        await _outbox(context)


async def _renotify(context: Context) -> None:
    """Crisis notices nobody took within CRISIS_RENOTIFY_MINUTES: into the outbox again,
    which sends them at once."""
    service = context.bot_data.svc()
    if await renotify_due(service.db, service.clock(), service.settings):
        await _outbox(context)


async def _flag_digest(context: Context) -> None:
    """The daily flag digest, once FLAG_DIGEST_AT has come in PROGRAM_TIMEZONE and today's
    was not made yet: into the outbox, which sends it at once."""
    service = context.bot_data.svc()
    if await send_digest_due(service.db, service.clock(), service.settings):
        await _outbox(context)


async def _prune(context: Context) -> None:
    """Keep the processed-updates table small."""
    removed = await context.bot_data.svc().prune()
    log.info("pruned %d processed update ids", removed)


BOOT_WAITS = (1, 2, 5, 10, 30, 60)  # seconds between two tries to reach the Bot API at start


async def _initialize(
    app: Application,  # type: ignore[type-arg,unused-ignore]
    stop: asyncio.Event,
) -> bool:
    """Initialize the application (getMe), trying again with back-off while the Bot API
    cannot be reached (a network still coming up, an outage): never fatal. A refused token
    raises InvalidToken at once. False if `stop` was set first."""
    attempt = 0
    while True:
        try:
            await app.initialize()
            return True
        except InvalidToken:
            raise
        except NetworkError as exc:  # TimedOut included
            wait = BOOT_WAITS[min(attempt, len(BOOT_WAITS) - 1)]
            attempt += 1
            log.warning("the Bot API at %s cannot be reached (%s: %s); trying again in %d s",
                        app.bot_data.settings.telegram_api_url if app.bot_data.settings else "?",
                        exc.__class__.__name__, exc.message, wait)  # fmt: skip
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), wait)
            if stop.is_set():
                return False


def startup_failure(exc: BaseException, api_url: str) -> str | None:
    """One line naming the cause and the fix for a Telegram failure that stops the bot at
    start, or None if `exc` is not one. A 401 or 404 whose body is not JSON came from no Bot
    API (Telegram's refusals are JSON): the URL is wrong, not the token."""
    # PTB's initialize raises its own InvalidToken (quoting the token) from the server's.
    answer = exc.__cause__ if isinstance(exc.__cause__, InvalidToken) else exc
    if isinstance(answer, InvalidToken) and "Parsing the server response" in answer.message:
        status = answer.message.split(". Parsing", 1)[0]  # "Not Found (404)"; not the page
        return (
            f"TELEGRAM_API_URL {api_url} answered {status} with a page that is not the Bot "
            "API's: set it to a Bot API server, or leave it out for https://api.telegram.org"
        )
    if isinstance(exc, InvalidToken):
        return (
            "TELEGRAM_BOT_TOKEN was refused by Telegram: copy the token again from @BotFather "
            "(a /revoke there makes a new one) into .env"
        )
    return None


def run_polling(settings: Settings, service: Service) -> None:
    """Long-poll until SIGINT or SIGTERM; pending updates are kept at Telegram, and each
    fetched one is recorded before it is confirmed (bot.tg.polling)."""
    app = build_application(settings, service)
    asyncio.run(serve(app, service, settings.poll_timeout))


async def serve(
    app: Application,  # type: ignore[type-arg,unused-ignore]
    service: Service,
    poll_seconds: int,
    stop: asyncio.Event | None = None,
) -> None:
    """Run the application and the poller (long polls of `poll_seconds`) until `stop` is
    set, or SIGINT or SIGTERM sets it."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # a thread; Windows
            loop.add_signal_handler(sig, stop.set)
    if not await _initialize(app, stop):
        return
    async with app:  # initialized above; shut down at the end
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        try:
            await Poller(app, service, poll_seconds).run(stop)
        finally:
            _no_new_runs(app)
            await app.stop()  # waits for the job runs under way
            if app.post_stop is not None:
                await app.post_stop(app)
            await _settled(app)
    if app.post_shutdown is not None:
        await app.post_shutdown(app)


def _no_new_runs(app: Application) -> None:  # type: ignore[type-arg,unused-ignore]
    """Let no job run begin from now on. `app.stop()` waits for the runs under way when it
    starts, then shuts the scheduler down, which cancels any run begun meanwhile; the process
    then ended under it. Once the outbox job had sent a staff notice and not yet recorded it,
    and the next start sent it again."""
    queue = app.job_queue
    if queue is not None and queue.scheduler.running:
        queue.scheduler.pause()


async def _settled(app: Application, within: float = 10.0) -> None:  # type: ignore[type-arg,unused-ignore]
    """The courier's last records of the handlers' sends (`Courier.settled`)."""
    found = app.bot_data.extra.get("courier")
    if found is not None:
        await found.settled(within)
