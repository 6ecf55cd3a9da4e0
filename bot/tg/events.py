"""Telegram updates -> domain events."""

from __future__ import annotations

from telegram import Message

from bot.domain.conversation import model as m
from bot.domain.conversation.aliases import command_lang, command_name

MEDIA_KINDS = (
    "photo", "sticker", "voice", "video", "video_note", "audio", "document", "location",
    "venue", "contact", "animation", "poll", "dice", "game", "story",
)  # fmt: skip


def event_of(message: Message) -> m.Event:
    """A private message as a domain event: a command, text, or media we cannot read."""
    text = message.text
    if text is not None:
        # Only what Telegram marks as a command is one: "/ took too many pills" is text.
        if any(e.type == "bot_command" and e.offset == 0 for e in message.entities or ()):
            head, _, arg = text[1:].partition(" ")
            name = head.split("@", 1)[0].lower()
            return m.Command(command_name(name), arg.strip(), command_lang(name))
        return m.Text(text)
    kind = next((k for k in MEDIA_KINDS if getattr(message, k, None)), "other")
    return m.Media(kind, message.caption or "")
