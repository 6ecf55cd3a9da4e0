"""/web in a private chat: a staff member's one-time sign-in link to the staff web view.

Only a Telegram id on the web view's staff list (`recovery-bot staff add`) gets a link;
a STAFF_USER_IDS id not on it is told how to be added; anyone else's /web goes on to the
conversation, which answers it as any unknown command. The link is never logged and its
preview is off (a preview would not use it up: signing in takes a button press, but the
link should not travel further than the chat)."""

from __future__ import annotations

import contextlib

from telegram import LinkPreviewOptions, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, CommandHandler, filters

from bot.locales import norm_lang, t
from bot.service.web_auth import WebAuth
from bot.tg.context import Context


def web_handler() -> CommandHandler[Context, None]:
    """The /web command for private chats (staff group, ahead of the conversation)."""
    private = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    return CommandHandler("web", on_web, private)


async def on_web(update: Update, context: Context) -> None:
    """Send a new sign-in link to a staff member; anyone else's /web goes on."""
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    service = context.bot_data.svc()
    lang = norm_lang(user.language_code)
    token = await WebAuth(service.db, service.clock).link_token(user.id)
    if token is None and user.id not in service.settings.staff_user_ids:
        return
    if token is None:
        text = t(lang, "web.link.not_on_list", id=user.id)
    else:
        text = t(lang, "web.link.message", link=f"{service.settings.web_url}/signin/{token}")
    # Not sent: they can send /web again; an unused link expires in 5 minutes.
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(
            chat.id, text, link_preview_options=LinkPreviewOptions(is_disabled=True)
        )
    raise ApplicationHandlerStop
