"""Staff commands in Telegram: tracks, sessions, invites, the report and the roster, for
STAFF_USER_IDS only.

They sit in handler group -1, ahead of the conversation's handlers (group 0). A staff member's
private command is answered here and goes no further (ApplicationHandlerStop); anyone else's
update matches nothing in this group and reaches the conversation untouched, so a client who
types /tracks gets the ordinary "I don't know that command". Parsing and checks are the ones
the command line uses (`bot.domain.staff_input`), at the same desk (`bot.service.staff`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.config import Settings
from bot.domain.staff_input import (
    AdminError,
    parse_duration,
    parse_options,
    parse_owner,
    parse_session_args,
    parse_track_add,
)
from bot.service.notices import ACK_PREFIX, parse_ack
from bot.service.staff import AlreadyHandled, StaffDesk
from bot.tg.context import Context
from bot.tg.limits import clip

log = logging.getLogger(__name__)
STAFF_GROUP = -1  # before group 0, where the conversation's private-message handler is
DEFAULT_EXPIRY = "72h"


@dataclass(frozen=True)
class StaffCall:
    """One staff command: its words, the desk it is carried out at, the bot's @username."""

    desk: StaffDesk
    words: Sequence[str]
    bot_username: str


StaffAction = Callable[[StaffCall], Awaitable[str]]


def _one(words: Sequence[str], usage: str) -> str:
    """The whole argument of a command that takes one (names may contain spaces)."""
    if not words:
        raise AdminError(f"usage: {usage}")
    return " ".join(words)


async def _track_add(call: StaffCall) -> str:
    _one(call.words, "/track_add NAME [ZONE]")
    name, zone = parse_track_add(call.words, call.desk.settings.program_timezone)
    return await call.desk.add_track(name, zone)


async def _tracks(call: StaffCall) -> str:
    return "\n".join(await call.desk.track_lines()) or "No tracks yet."


async def _track_remove(call: StaffCall) -> str:
    return await call.desk.remove_track(_one(call.words, "/track_remove NAME"))


async def _session_add(call: StaffCall) -> str:
    spec = parse_session_args(call.words)
    return "\n".join(await call.desk.add_sessions(spec))


async def _sessions_all(call: StaffCall) -> str:
    track, client = parse_owner(call.words)
    return "\n".join(await call.desk.session_lines(track, client)) or "No sessions."


async def _session_remove(call: StaffCall) -> str:
    return await call.desk.remove_session(_one(call.words, "/session_remove ID"))


async def _invite(call: StaffCall) -> str:
    opts = parse_options(call.words, ("track", "expires", "label", "counselor"))
    valid_for = parse_duration(opts.get("expires", DEFAULT_EXPIRY))
    code, pseudo_id, until = await call.desk.new_invite(
        valid_for, opts.get("track"), opts.get("label"), opts.get("counselor")
    )
    return (
        f"Single-use invite, valid until {until:%Y-%m-%d %H:%M} UTC:\n"
        f"https://t.me/{call.bot_username}?start={code}\n"
        f"Client id: {pseudo_id} (whoever uses the link gets it: note it in your records)"
    )


def _fit(text: str, rows_left: str) -> str:
    """A table that fits one message; the command line has the whole of it."""
    limit = 3800
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit("\n", 1)[0]
    return f"{cut}\n… ({rows_left}: run the command line for all of it)"


async def _report(call: StaffCall) -> str:
    since_text = _one(call.words, "/report YYYY-MM-DD")
    try:
        since = date.fromisoformat(since_text)
    except ValueError:
        raise AdminError(f"not a date: {since_text!r}; use YYYY-MM-DD") from None
    return _fit(await call.desk.report(since, "md"), "more rows")


async def _clients(call: StaffCall) -> str:
    return _fit(await call.desk.roster(), "more clients")


COMMANDS: dict[str, StaffAction] = {
    "report": _report,
    "clients": _clients,
    "track_add": _track_add,
    "tracks": _tracks,
    "track_remove": _track_remove,
    "session_add": _session_add,
    "sessions_all": _sessions_all,
    "session_remove": _session_remove,
    "invite": _invite,
}


AnyApp = Application[Any, Any, Any, Any, Any, Any]


def register_staff_handlers(app: AnyApp, settings: Settings) -> None:
    """Add the staff commands in group -1, answering only STAFF_USER_IDS in private chats."""
    # An empty id list matches nobody (filters.User's allow_empty is False).
    staff = filters.ChatType.PRIVATE & filters.User(user_id=settings.staff_user_ids)
    for name, action in COMMANDS.items():
        app.add_handler(CommandHandler(name, _handler(name, action), staff), group=STAFF_GROUP)
    app.add_handler(
        CallbackQueryHandler(_on_ack, pattern=rf"^{ACK_PREFIX}\d+$"), group=STAFF_GROUP
    )


def may_ack(
    settings: Settings, chat_id: int | None, user_id: int, moved: dict[int, int] | None = None
) -> bool:
    """Who may take a crisis notice: anyone in the staff chat (the program chose its members;
    the notice is only ever there), also where it moved when it became a supergroup, and the
    STAFF_USER_IDS wherever the notice reached them."""
    staff_chat = settings.staff_chat_id
    chats = {staff_chat, (moved or {}).get(staff_chat or 0)} - {None}
    return (chat_id is not None and chat_id in chats) or user_id in settings.staff_user_ids


async def _on_ack(update: Update, context: Context) -> None:
    """ "I'm on it": the first tap is recorded (who, when, audited) and the notice edited to
    say so; later taps are told who took it. Nobody else's tap changes anything."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    settings = context.bot_data.settings
    chat = update.effective_chat
    event_id = parse_ack(query.data or "")
    chat_id = chat.id if chat is not None else None
    courier = context.bot_data.extra.get("courier")
    moved = getattr(courier, "moved", None)
    if settings is None or event_id is None or not may_ack(settings, chat_id, user.id, moved):
        raise ApplicationHandlerStop  # not staff: the tap does nothing (no client text here)
    service = context.bot_data.svc()
    desk = StaffDesk(service.db, service.settings, service.clock, actor=f"staff:{user.id}",
                     update_id=update.update_id)  # fmt: skip
    try:
        ack = await desk.acknowledge(event_id, user.first_name or f"staff {user.id}")
    except AlreadyHandled:
        raise ApplicationHandlerStop from None
    if ack.first:
        log.info("crisis notice %d taken by staff %d", event_id, user.id)
    try:
        await query.answer(clip(ack.toast, 200))
        # Also on a later tap: a first edit that was lost, or another copy (a repeat), is
        # edited now; a copy already saying it is left alone.
        shown = getattr(query.message, "text", None)
        if ack.text is not None and shown != clip(ack.text):
            await query.edit_message_text(clip(ack.text))
    except TelegramError as exc:
        log.info("crisis notice %d not updated: %s", event_id, exc.__class__.__name__)
    raise ApplicationHandlerStop


def _handler(
    name: str, action: StaffAction
) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    async def handle(update: Update, context: Context) -> None:
        """Run the command in one transaction, reply after the commit, and stop there."""
        chat = update.effective_chat
        assert chat is not None
        text = await _execute(update, context, name, action)
        if text is not None:
            try:
                await context.bot.send_message(chat.id, clip(text))
            except TelegramError as exc:
                log.error("staff reply to /%s not delivered: %s", name, exc.__class__.__name__)
        raise ApplicationHandlerStop

    return handle


async def _execute(update: Update, context: Context, name: str, action: StaffAction) -> str | None:
    """The reply text; None for a redelivered update, handled before."""
    service = context.bot_data.svc()
    user = update.effective_user
    actor = f"staff:{user.id}" if user else "staff"
    # The update is recorded in the command's transaction, so a redelivered /session_add
    # adds nothing twice.
    desk = StaffDesk(
        service.db, service.settings, service.clock, actor=actor, update_id=update.update_id
    )
    try:
        text = await action(StaffCall(desk, list(context.args or []), context.bot.username))
    except AlreadyHandled:
        return None
    except AdminError as exc:
        return f"Error: {exc}"
    except Exception as exc:  # a staff command never falls through to the conversation
        log.error("staff command /%s failed: %s", name, exc.__class__.__name__)
        return "Error: that did not work and nothing was changed; see the bot's log."
    log.info("staff command /%s done", name)
    return text
