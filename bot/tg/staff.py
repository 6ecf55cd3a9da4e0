"""Staff commands in Telegram: tracks, sessions, invites, the report and the roster, for
STAFF_USER_IDS only, with their /help.

They sit in handler group -1, ahead of the conversation's handlers (group 0). A staff member's
private command is answered here and goes no further (ApplicationHandlerStop); anyone else's
update matches nothing in this group and reaches the conversation untouched, so a client who
types /tracks gets the ordinary "I don't know that command". The commands are the command
line's (`bot.service.staff_commands`, one table): the message after the command is split as a
shell splits it (quotes, a phone's curly quotes and dashes: `split_words`) and parsed by the
same argparse arguments, at the same desk (`bot.service.staff`). A mistake is one "Error: ..."
line back; nothing is changed.

A table (the roster, the report) comes back as one monospaced block, each row as aligned
"column value" lines, when it is short and narrow enough to read on a phone; otherwise as a
CSV document with a one-line summary. Both go only to the staff member's private chat."""

from __future__ import annotations

import csv
import html
import io
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot, InputFile, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.config import Settings
from bot.domain.staff_input import AdminError, split_words
from bot.locales.formats import counted, program_when
from bot.service.notices import ACK_PREFIX, parse_ack
from bot.service.staff import AlreadyHandled, StaffDesk
from bot.service.staff_commands import telegram_commands
from bot.service.staff_syntax import (
    TELEGRAM,
    Call,
    Command,
    File,
    HelpAsked,
    Lines,
    NewInvite,
    Outcome,
    Table,
    TelegramParser,
    carry_out,
    telegram_parser,
    usage,
)
from bot.tg.context import Context
from bot.tg.limits import MAX_CAPTION, MAX_TEXT, clip, utf16_len
from bot.tg.web_link import web_handler

log = logging.getLogger(__name__)
STAFF_GROUP = -1  # before group 0, where the conversation's private-message handler is
# A table is sent as text when its block is at most this wide (monospaced characters: what a
# phone held upright shows on one line) and this long; otherwise as a CSV document.
BLOCK_WIDTH = 48
BLOCK_LINES = 60


@dataclass(frozen=True)
class Reply:
    """What goes back to the staff member: text (`html`: Telegram HTML, its values escaped),
    or a document named `filename` with the text as its caption."""

    text: str
    html: bool = False
    document: bytes | None = None
    filename: str = ""


def staff_help(settings: Settings) -> str:
    """Every Telegram staff command with its usage, from the commands' table."""
    lines = [
        "Staff commands (the same options as recovery-bot on the server; put a name with "
        "spaces in quotes, e.g. --track \"Evening IOP\"; add --help to one for its options):",
    ]
    for command in telegram_commands():
        lines += ["", usage(telegram_parser(command)), f"  {command.summary}"]
    lines += [
        "",
        f"In an emergency call {settings.helpline_emergency}; the crisis line is "
        f"{settings.helpline_crisis} (call or text).",
    ]
    return "\n".join(lines)


def _table_reply(table: Table, filename: str) -> Reply:
    """`table` (CSV) as one monospaced block of rows when it fits a phone, else as a file."""
    if table.fmt != "csv":
        raise ValueError(f"Telegram shows CSV tables, not {table.fmt!r}")
    columns, *rows = list(csv.reader(io.StringIO(table.text)))
    if not rows:
        return Reply(f"{table.title}: none.")
    key = max(len(c) for c in columns)
    block = "\n\n".join(
        "\n".join(f"{c.ljust(key)}  {v or '-'}" for c, v in zip(columns, row, strict=True))
        for row in rows
    )
    lines = block.splitlines()
    shown = f"{table.title}\n{block}"
    if (max(len(line) for line in lines) <= BLOCK_WIDTH and len(lines) <= BLOCK_LINES
            and utf16_len(shown) <= MAX_TEXT):  # fmt: skip
        # Labels, counselors and track names are staff text: every value is escaped.
        return Reply(f"{_escape(table.title)}\n<pre>{_escape(block)}</pre>", html=True)
    summary = (
        f"{table.title}: {counted(len(rows), 'row', 'rows')}, as a CSV file "
        "(too long or too wide to read in a message)."
    )
    return Reply(summary, document=table.text.encode(), filename=filename)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _reply(command: Command, outcome: Outcome, call: Call, bot_username: str) -> Reply:
    """What the staff member sees of `outcome`."""
    if isinstance(outcome, Lines):
        return Reply("\n".join(outcome.lines))
    if isinstance(outcome, Table):
        zone = ZoneInfo(call.desk.settings.program_timezone)
        day = call.desk.clock().astimezone(zone).date().isoformat()
        return _table_reply(outcome, f"{command.telegram}-{day}.csv")
    if isinstance(outcome, NewInvite):
        until = program_when(outcome.until, call.desk.settings.program_timezone)
        return Reply(
            f"Single-use invite, valid until {until}:\n"
            f"https://t.me/{bot_username}?start={outcome.code}\n"
            f"Client id: {outcome.pseudo_id} (whoever uses the link gets it: note it in your "
            "records)"
        )
    assert isinstance(outcome, File)  # files are the command line's (no command sends one)
    raise ValueError("a file is written on the server, not sent in Telegram")


AnyApp = Application[Any, Any, Any, Any, Any, Any]


def register_staff_handlers(app: AnyApp, settings: Settings) -> None:
    """Add the staff commands in group -1, answering only STAFF_USER_IDS in private chats."""
    # An empty id list matches nobody (filters.User's allow_empty is False). A new message
    # only: an edited command is a new update, and would run the command again.
    staff = (
        filters.UpdateType.MESSAGE
        & filters.ChatType.PRIVATE
        & filters.User(user_id=settings.staff_user_ids)
    )
    for command in telegram_commands():
        assert command.telegram is not None
        handle = _handler(command, telegram_parser(command))
        app.add_handler(CommandHandler(command.telegram, handle, staff), group=STAFF_GROUP)
    app.add_handler(CommandHandler("help", _help, staff), group=STAFF_GROUP)
    app.add_handler(web_handler(), group=STAFF_GROUP)  # /web: the web view's sign-in link
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


TakeAction = Callable[[StaffDesk, str, str | None], Awaitable[Any]]


async def take_tap(
    update: Update, context: Context, what: str, item_id: int | None, act: TakeAction
) -> None:
    """An "I'm on it" tap on a staff message (`what`: "crisis notice", "flag digest"): the
    first is recorded (who, when, audited, by `act(desk, name, shown_text)`, which returns
    an Ack: first, toast, text) and the message edited to say so; later taps are told who
    took it. Nobody else's tap changes anything (`may_ack`). Always stops the update here."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    settings = context.bot_data.settings
    chat = update.effective_chat
    chat_id = chat.id if chat is not None else None
    moved = getattr(context.bot_data.extra.get("courier"), "moved", None)
    if settings is None or item_id is None or not may_ack(settings, chat_id, user.id, moved):
        raise ApplicationHandlerStop  # not staff: the tap does nothing (no client text here)
    service = context.bot_data.svc()
    desk = StaffDesk(service.db, service.settings, service.clock, actor=f"staff:{user.id}",
                     update_id=update.update_id)  # fmt: skip
    shown = getattr(query.message, "text", None)
    try:
        ack = await act(desk, user.first_name or f"staff {user.id}", shown)
    except AlreadyHandled:
        raise ApplicationHandlerStop from None
    if ack.first:
        log.info("%s %d taken by staff %d", what, item_id, user.id)
    try:
        await query.answer(clip(ack.toast, 200))
        # Also on a later tap: a first edit that was lost, or another copy (a repeat), is
        # edited now; a copy already saying it is left alone.
        if ack.text is not None and shown != clip(ack.text):
            await query.edit_message_text(clip(ack.text))
    except TelegramError as exc:
        log.info("%s %d not updated: %s", what, item_id, exc.__class__.__name__)
    raise ApplicationHandlerStop


async def _on_ack(update: Update, context: Context) -> None:
    """ "I'm on it" on a crisis notice (`take_tap`)."""
    assert update.callback_query is not None
    event_id = parse_ack(update.callback_query.data or "")

    async def act(desk: StaffDesk, name: str, shown: str | None) -> Any:
        assert event_id is not None
        return await desk.acknowledge(event_id, name)

    await take_tap(update, context, "crisis notice", event_id, act)


async def _help(update: Update, context: Context) -> None:
    """A staff member's /help: their commands (and the crisis numbers), not the client's."""
    chat = update.effective_chat
    assert chat is not None
    settings = context.bot_data.svc().settings
    await _send(context.bot, chat.id, Reply(clip(staff_help(settings))), "help")
    raise ApplicationHandlerStop


def _handler(
    command: Command, parser: TelegramParser
) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    async def handle(update: Update, context: Context) -> None:
        """Run the command in one transaction, reply after the commit, and stop there."""
        chat = update.effective_chat
        assert chat is not None
        reply = await _execute(update, context, command, parser)
        if reply is not None:
            await _send(context.bot, chat.id, reply, command.telegram or "")
        raise ApplicationHandlerStop

    return handle


async def _send(bot: Bot, chat_id: int, reply: Reply, name: str) -> None:
    """Send the reply to the staff member's private chat (the handlers' filter admits no
    other); a failure is logged, by command name only."""
    try:
        if reply.document is not None:
            document = InputFile(reply.document, filename=reply.filename)
            await bot.send_document(chat_id, document, caption=clip(reply.text, MAX_CAPTION))
        elif reply.html:  # made to fit (`_table_reply`): never cut inside a tag
            await bot.send_message(chat_id, reply.text, parse_mode=ParseMode.HTML)
        else:
            await bot.send_message(chat_id, clip(reply.text))
    except TelegramError as exc:
        log.error("staff reply to /%s not delivered: %s", name, exc.__class__.__name__)


def _words(update: Update, command: Command) -> list[str]:
    """What follows the command (and its @bot), split; the command's old form rewritten."""
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    parts = text.split(None, 1)
    words = split_words(parts[1] if len(parts) > 1 else "")
    return command.old_form(words) if command.old_form is not None else words


async def _execute(
    update: Update, context: Context, command: Command, parser: TelegramParser
) -> Reply | None:
    """The reply; None for a redelivered update, handled before."""
    name = command.telegram
    service = context.bot_data.svc()
    user = update.effective_user
    actor = f"staff:{user.id}" if user else "staff"
    # The update is recorded in the command's transaction, so a redelivered /session_add
    # adds nothing twice.
    desk = StaffDesk(
        service.db, service.settings, service.clock, actor=actor, update_id=update.update_id
    )
    try:
        call = Call(desk, parser.parse_args(_words(update, command)), TELEGRAM)
        reply = _reply(command, await carry_out(command, call), call, context.bot.username)
    except HelpAsked as asked:
        return Reply(asked.text.strip())
    except AlreadyHandled:
        return None
    except AdminError as exc:  # a quote left open, an unknown option, a bad value or name
        return Reply(f"Error: {exc}")
    except Exception as exc:  # a staff command never falls through to the conversation
        log.error("staff command /%s failed: %s", name, exc.__class__.__name__)
        return Reply("Error: that did not work and nothing was changed; see the bot's log.")
    log.info("staff command /%s done", name)
    return reply
