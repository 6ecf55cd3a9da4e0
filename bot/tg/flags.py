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
from telegram.ext import Application, CallbackQueryHandler

from bot.config import Settings
from bot.service.digest import PREFIX, parse_take
from bot.service.staff import StaffDesk
from bot.tg.context import Context
from bot.tg.staff import STAFF_GROUP, take_tap

log = logging.getLogger(__name__)


def register_digest_handlers(app: Application[Any, Any, Any, Any, Any, Any], _: Settings) -> None:
    """The digest's button, in the staff group (-1), before the conversation's handlers."""
    app.add_handler(CallbackQueryHandler(_on_take, pattern=rf"^{PREFIX}\d+$"), group=STAFF_GROUP)


async def _on_take(update: Update, context: Context) -> None:
    """ "I'm on it" on a daily flag digest (`bot.tg.staff.take_tap`)."""
    assert update.callback_query is not None
    digest_id = parse_take(update.callback_query.data or "")

    async def act(desk: StaffDesk, name: str, shown: str | None) -> Any:
        assert digest_id is not None
        return await desk.take_digest(digest_id, name, shown)

    await take_tap(update, context, "flag digest", digest_id, act)
