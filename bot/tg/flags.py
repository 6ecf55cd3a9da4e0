"""The daily flag digest in Telegram: its "I'm on it" button (the job that sends the digest is
in `bot.tg.application`, with the other jobs).

A tap is handled as a tap on a crisis notice's button is (`bot.tg.staff`): in the staff
handler group, by the same people (`may_ack`: anyone in the staff chat, the STAFF_USER_IDS
wherever the digest reached them); the first tap is recorded and audited at the staff desk
and the message edited for everyone to say who took it; a later tap is told who did; anyone
else's tap changes nothing."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, CallbackQueryHandler

from bot.config import Settings
from bot.service.digest import PREFIX, parse_take
from bot.service.staff import AlreadyHandled, StaffDesk
from bot.tg.context import Context
from bot.tg.limits import clip
from bot.tg.staff import STAFF_GROUP, may_ack

log = logging.getLogger(__name__)


def register_digest_handlers(app: Application[Any, Any, Any, Any, Any, Any], _: Settings) -> None:
    """The digest's button, in the staff group (-1), before the conversation's handlers."""
    app.add_handler(CallbackQueryHandler(_on_take, pattern=rf"^{PREFIX}\d+$"), group=STAFF_GROUP)


async def _on_take(update: Update, context: Context) -> None:
    """ "I'm on it" on a daily flag digest: the first tap is recorded (who, when, audited) and
    the message tapped edited to say so; later taps are told who took it."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    settings = context.bot_data.settings
    chat = update.effective_chat
    digest_id = parse_take(query.data or "")
    moved = getattr(context.bot_data.extra.get("courier"), "moved", None)
    chat_id = chat.id if chat is not None else None
    if settings is None or digest_id is None or not may_ack(settings, chat_id, user.id, moved):
        raise ApplicationHandlerStop  # not staff: the tap does nothing
    service = context.bot_data.svc()
    desk = StaffDesk(service.db, service.settings, service.clock, actor=f"staff:{user.id}",
                     update_id=update.update_id)  # fmt: skip
    shown = getattr(query.message, "text", None)
    try:
        ack = await desk.take_digest(digest_id, user.first_name or f"staff {user.id}", shown)
    except AlreadyHandled:
        raise ApplicationHandlerStop from None
    if ack.first:
        log.info("flag digest %d taken by staff %d", digest_id, user.id)
    try:
        await query.answer(clip(ack.toast, 200))
        if ack.text is not None and shown != clip(ack.text):
            await query.edit_message_text(clip(ack.text))
    except TelegramError as exc:
        log.info("flag digest %d not updated: %s", digest_id, exc.__class__.__name__)
    raise ApplicationHandlerStop
