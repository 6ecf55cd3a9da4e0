"""Domain replies -> Bot API calls, and Telegram updates -> domain events."""

from __future__ import annotations

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)

from bot.domain.conversation import model as m

MAX_TEXT = 4096
MEDIA_KINDS = (
    "photo", "sticker", "voice", "video", "video_note", "audio", "document", "location",
    "venue", "contact", "animation", "poll", "dice", "game", "story",
)  # fmt: skip


def markup(reply: m.Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """Inline buttons when the reply has some, else the persistent Help key when asked."""
    if reply.buttons:
        rows = [
            [InlineKeyboardButton(c.label, callback_data=c.data) for c in row]
            for row in reply.buttons
        ]
        return InlineKeyboardMarkup(rows)
    if reply.help_key:
        key = KeyboardButton(reply.help_key)
        return ReplyKeyboardMarkup([[key]], resize_keyboard=True, is_persistent=True)
    return None


def clip(text: str) -> str:
    """Telegram refuses over 4096 characters; our texts are far shorter, but never fail."""
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def event_of(message: Message) -> m.Event:
    """A private message as a domain event: a command, text, or media we cannot read."""
    text = message.text
    if text is not None:
        # Only what Telegram marks as a command is one: "/ took too many pills" is text.
        if any(e.type == "bot_command" and e.offset == 0 for e in message.entities or ()):
            head, _, arg = text[1:].partition(" ")
            name = head.split("@", 1)[0].lower()
            return m.Command(name, arg.strip())
        return m.Text(text)
    kind = next((k for k in MEDIA_KINDS if getattr(message, k, None)), "other")
    return m.Media(kind, message.caption or "")


MAX_CAPTION = 1024


async def deliver(bot: Bot, chat_id: int, reply: m.Reply) -> None:
    """One reply as sendMessage, sendPhoto (a chart) or sendDocument (an export)."""
    keys = markup(reply)
    if reply.photo is not None:
        await bot.send_photo(
            chat_id, InputFile(reply.photo, filename="chart.png"),
            caption=reply.text[:MAX_CAPTION] or None, reply_markup=keys,
            protect_content=reply.protect,
        )  # fmt: skip
    elif reply.document is not None:
        await bot.send_document(
            chat_id, InputFile(reply.document, filename=reply.filename or "file"),
            caption=reply.text[:MAX_CAPTION] or None, reply_markup=keys,
            protect_content=reply.protect,
        )  # fmt: skip
    else:
        await bot.send_message(chat_id, clip(reply.text), reply_markup=keys,
                               protect_content=reply.protect)  # fmt: skip
