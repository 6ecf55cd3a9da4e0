"""What Telegram refuses, in one place: the bot keeps to these, and both test fakes enforce them.

Telegram counts text length in UTF-16 code units (an emoji outside the Basic Multilingual
Plane counts two), after entity parsing; the bot sends plain text, so that is the text itself.
Source: the Bot API reference (sendMessage, sendPhoto, InlineKeyboardButton,
answerCallbackQuery, setMyCommands)."""

from __future__ import annotations

MAX_TEXT = 4096  # sendMessage / editMessageText text, UTF-16 code units
MAX_CAPTION = 1024  # sendPhoto / sendDocument caption, UTF-16 code units
MAX_CALLBACK_DATA = 64  # InlineKeyboardButton.callback_data, bytes of UTF-8
MAX_ANSWER_TEXT = 200  # answerCallbackQuery text, UTF-16 code units
MAX_COMMANDS = 100  # setMyCommands, commands per scope and language
ELLIPSIS = "…"


def utf16_len(text: str) -> int:
    """The length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """`text` if Telegram accepts its length, else cut (never inside a character) to fit
    `limit` UTF-16 code units with a closing "…"."""
    if utf16_len(text) <= limit:
        return text
    room, kept = limit - utf16_len(ELLIPSIS), []
    for char in text:
        room -= 2 if ord(char) > 0xFFFF else 1
        if room < 0:
            break
        kept.append(char)
    return "".join(kept) + ELLIPSIS


def callback_data_fits(data: str) -> bool:
    """Telegram takes 1-64 bytes of callback data."""
    return 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA
