"""The Telegram door's handlers: thin, each turns an update into an event and replies into calls.

All handlers are registered in one ordered block in `bot.tg.application.build_application`;
PTB tries them in order within group 0 and stops at the first that matches."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError

from bot.domain.conversation import model as m
from bot.domain.conversation.replies import help_reply
from bot.locales import norm_lang, t
from bot.service.conversation import Address
from bot.tg.context import Context
from bot.tg.delivery import deliver_reliably, markup
from bot.tg.events import event_of
from bot.tg.limits import clip

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def _address(update: Update) -> Address:
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    return Address(user.id, chat.id, norm_lang(user.language_code))


async def send_replies(
    context: Context, chat_id: int, replies: list[m.Reply], edit_message_id: int | None = None
) -> None:
    """Send replies in order; a reply marked `edit` replaces the tapped message instead. One
    reply that cannot be delivered does not stop the ones after it; a block (403) does."""
    for reply in replies:
        try:
            await _send_one(context, chat_id, reply, edit_message_id)
        except Forbidden:
            raise  # the person blocked the bot: nothing more can reach them
        except TelegramError as exc:
            log.error("a reply was not delivered: %s", exc.__class__.__name__)


async def _send_one(
    context: Context, chat_id: int, reply: m.Reply, edit_message_id: int | None
) -> None:
    if reply.edit and edit_message_id is not None:
        try:
            await context.bot.edit_message_text(
                clip(reply.text), chat_id=chat_id, message_id=edit_message_id,
                reply_markup=markup(reply),  # type: ignore[arg-type]
            )  # fmt: skip
            return
        except BadRequest as exc:  # not modified, or too old to edit: send it anew
            log.info("edit failed (%s); sending instead", exc.__class__.__name__)
    if reply.chat_id is not None:
        await _send_elsewhere(context, reply)
        return
    await deliver_reliably(context.bot, chat_id, reply)


async def _send_elsewhere(context: Context, reply: m.Reply) -> None:
    """A notice to the staff chat: its failure must never cost the person their reply. When
    the group became a supergroup (Telegram answers with its new id), the notice follows it,
    and the log says once, plainly, that STAFF_CHAT_ID should be updated."""
    assert reply.chat_id is not None
    moved: dict[int, int] = context.bot_data.extra.setdefault("moved_chats", {})
    for _ in range(2):  # the chat as configured (or as moved), then where it moved to
        chat_id = moved.get(reply.chat_id, reply.chat_id)
        try:
            await deliver_reliably(context.bot, chat_id, reply)
            return
        except ChatMigrated as exc:
            moved[reply.chat_id] = new_id = int(exc.new_chat_id)
            log.warning("the staff chat became a supergroup: set STAFF_CHAT_ID=%s", new_id)
        except TelegramError as exc:
            log.error("staff notice not delivered: %s", exc.__class__.__name__)
            return
    log.error("staff notice not delivered: the staff chat moved twice")


async def _run(update: Update, context: Context, event: m.Event) -> None:
    """Hand one event to the service and send its replies; on failure, static help."""
    addr = _address(update)
    query = update.callback_query
    replies: list[m.Reply] | None
    try:
        replies = await context.bot_data.svc().handle(addr, event, update.update_id)
    except Exception:
        log.exception("handling update %s failed", update.update_id)
        replies = _fallback(context, addr.lang_hint)
    if replies is None:  # a redelivery: answered the first time
        return
    if query is not None:
        await _answer(query)
    edit_id = query.message.message_id if query is not None and query.message else None
    await send_replies(context, addr.chat_id, replies, edit_id)


def _fallback(context: Context, lang: str) -> list[m.Reply]:
    """When the database cannot be reached: the static help text and an apology."""
    settings = context.bot_data.settings
    helplines = settings.helplines if settings else m.Helplines()
    nums = {"crisis": helplines.crisis, "emergency": helplines.emergency}
    return [help_reply(lang, helplines), m.Reply(t(lang, "error.generic", **nums))]


async def _answer(query: Any) -> None:
    try:
        await query.answer()
    except BadRequest:  # the query is too old to answer; the reply still goes out
        log.info("callback query too old to answer")


async def on_message(update: Update, context: Context) -> None:
    """A private message: command, text or media."""
    assert update.message is not None
    await _run(update, context, event_of(update.message))


async def on_button(update: Update, context: Context) -> None:
    """A tap on an inline button."""
    assert update.callback_query is not None
    await _run(update, context, m.Button(update.callback_query.data or ""))


async def on_group(update: Update, context: Context) -> None:
    """Groups and channels: a polite refusal, nothing stored."""
    chat = update.effective_chat
    user = update.effective_user
    if chat is None:
        return
    lang = norm_lang(user.language_code if user else None)
    settings = context.bot_data.settings
    emergency = settings.helplines.emergency if settings else "911"
    crisis = settings.helplines.crisis if settings else "988"
    try:
        await context.bot.send_message(
            chat.id, t(lang, "join.group", emergency=emergency, crisis=crisis)
        )
    except TelegramError as exc:
        log.info("could not answer in a group or channel: %s", exc.__class__.__name__)


async def on_member(update: Update, context: Context) -> None:
    """The person blocked or unblocked the bot (my_chat_member)."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    blocked = change.new_chat_member.status in ("kicked", "left")
    await context.bot_data.svc().set_blocked(change.from_user.id, blocked)


async def on_edit(update: Update, context: Context) -> None:
    """An edited private message: screened for crisis language; the conversation stays put."""
    message = update.edited_message
    assert message is not None
    await _run(update, context, m.Edit(message.text or message.caption or ""))


async def on_ignored(update: Update, context: Context) -> None:
    """Edits outside private chats (channel posts): ignored, nothing stored."""


async def on_error(update: object, context: Context) -> None:
    err = context.error
    if isinstance(err, Forbidden):
        log.info("forbidden: the person blocked the bot")
        return
    log.error("unhandled error: %s", err.__class__.__name__ if err else "unknown")
