"""The Telegram door's handlers: thin, each turns an update into an event and replies into calls.

All handlers are registered in one ordered block in `bot.tg.application.build_application`;
PTB tries them in order within group 0 and stops at the first that matches."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.domain.conversation import model as m
from bot.locales import norm_lang, t
from bot.service.conversation import Address
from bot.service.degraded import fallback
from bot.service.mailbox import Outgoing
from bot.tg.context import Context
from bot.tg.courier import Courier
from bot.tg.events import event_of

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def _address(update: Update) -> Address:
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    return Address(user.id, chat.id, norm_lang(user.language_code))


def courier(context: Context) -> Courier:
    """The application's one courier (made on first use)."""
    extra = context.bot_data.extra
    if "courier" not in extra:
        extra["courier"] = Courier(context.bot, context.bot_data.svc())
    found: Courier = extra["courier"]
    return found


async def _run(update: Update, context: Context, event: m.Event) -> None:
    """Hand one event to the service, which records it and its replies in one transaction,
    then send the replies; when the service fails, static help.

    A tap's callback query is answered at once, beside the database work (Telegram wants
    the answer within 15 s, and a locked database or a queue of replies must not make it
    late); the replies go once it is answered. The poller answers a client's tap as it
    fetches it, and a tap a previous run left in the inbox is not answered again
    (bot.tg.polling): those are in bot_data.extra["answered"]."""
    addr = _address(update)
    query = update.callback_query
    edit_id = query.message.message_id if query is not None and query.message else None
    done: set[int] = context.bot_data.extra.get("answered", set())
    answer = query is not None and update.update_id not in done
    done.discard(update.update_id)
    answered = asyncio.ensure_future(answer_query(query)) if answer else None
    out: list[Outgoing] | None
    try:
        out = await context.bot_data.svc().handle_update(addr, event, update.update_id, edit_id)
    except Exception:
        log.exception("handling update %s failed", update.update_id)
        out = [Outgoing(None, addr.chat_id, r) for r in _fallback(context, addr.lang_hint)]
    if answered is not None:
        await answered
    if out is None:  # a redelivery: its replies are in the outbox already
        return
    await courier(context).send(out, wait=False)


def _fallback(context: Context, lang: str) -> list[m.Reply]:
    """When handling failed outside the service's own guard: the static help and apology."""
    settings = context.bot_data.settings
    return fallback(lang, settings.helplines if settings else m.Helplines())


async def answer_query(query: Any) -> None:
    """Answer a tap's callback query (stops the spinner); an error is only logged."""
    try:
        await query.answer()
    except BadRequest:  # the query is too old to answer; the reply still goes out
        log.info("callback query too old to answer")
    except TelegramError as exc:  # only the spinner on the button: the replies matter more
        log.info("callback query not answered: %s", exc.__class__.__name__)


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
    """A handler raised: the update is set aside (never handled again), counted, and logged
    with its id, the exception's class (Telegram's description for a Telegram error) and the
    traceback; the log's filter withholds any other exception's message, which could quote
    what a person wrote (bot.cli.logs)."""
    err = context.error
    if isinstance(err, Forbidden):
        log.info("forbidden: the person blocked the bot")
        return
    extra = context.bot_data.extra
    extra["failed_updates"] = failed = int(extra.get("failed_updates", 0)) + 1
    update_id = update.update_id if isinstance(update, Update) else None
    said = f": {err.message}" if isinstance(err, TelegramError) else ""
    log.error("update %s could not be handled (%s%s) and was set aside; %d so far",
              update_id, err.__class__.__name__ if err else "unknown", said, failed,
              exc_info=err)  # fmt: skip
