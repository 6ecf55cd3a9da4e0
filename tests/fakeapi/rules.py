"""Prose limits of the Bot API that a schema alone cannot express."""

from __future__ import annotations

import re
from typing import Any

from bot.tg.limits import (
    MAX_ANSWER_TEXT,
    MAX_CAPTION,
    MAX_COMMANDS,
    MAX_TEXT,
    callback_data_fits,
    utf16_len,
)

from .markup import visible_text
from .spec import Spec, bad_request

CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
_TEXT_METHODS = frozenset({"sendMessage", "editMessageText"})
_NOT_ACTIONS = frozenset({"text", "icon_custom_emoji_id", "style"})
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE = re.compile(r"[a-z]{2}")
_BUTTON_URL = re.compile(r"(https?|tg)://\S+")


def message_text(params: dict[str, Any], key: str = "text") -> str:
    """Visible, stripped text of ``text``/``caption`` after parse_mode (or raw with entities)."""
    raw: str = params[key]
    entities_key = "entities" if key == "text" else "caption_entities"
    if entities_key in params:
        return raw.strip()
    return visible_text(raw, params.get("parse_mode")).strip()


class Rules:
    """Checks applied to every validated request (texts, captions, keyboards, commands)."""

    def __init__(self, spec: Spec) -> None:
        button = spec.type_fields("InlineKeyboardButton")
        self.button_actions = frozenset(button) - _NOT_ACTIONS

    def check(self, method: str, params: dict[str, Any]) -> None:
        if method in _TEXT_METHODS and isinstance(params.get("text"), str):
            text = message_text(params)
            if not text:
                raise bad_request("message text is empty")
            if utf16_len(text) > MAX_TEXT:
                raise bad_request("message is too long")
        caption = params.get("caption")
        if isinstance(caption, str) and utf16_len(message_text(params, "caption")) > MAX_CAPTION:
            raise bad_request("message caption is too long")
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            self.check_inline_keyboard(markup)
        if method == "answerCallbackQuery" and utf16_len(params.get("text", "")) > MAX_ANSWER_TEXT:
            raise bad_request("MESSAGE_TOO_LONG: answerCallbackQuery text is longer than 200")
        if method == "setMyCommands":
            check_commands(params)
        if method == "sendChatAction" and params["action"] not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")

    def check_inline_keyboard(self, markup: dict[str, Any]) -> None:
        for row in markup["inline_keyboard"]:
            for button in row:
                self.check_button(button)

    def check_button(self, button: dict[str, Any]) -> None:
        actions = sorted(key for key in button if key in self.button_actions)
        if not actions:
            raise bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline "
                "keyboard"
            )
        if len(actions) > 1:
            raise bad_request(
                "can't parse inline keyboard button: exactly one of the optional fields must be "
                f"used, got {', '.join(actions)}"
            )
        if not button["text"].strip():
            raise bad_request("can't parse inline keyboard button: button text is empty")
        data = button.get("callback_data")
        if data is not None and not callback_data_fits(data):
            raise bad_request("BUTTON_DATA_INVALID")
        url = button.get("url")
        if url is not None and not _BUTTON_URL.fullmatch(url):
            raise bad_request("BUTTON_URL_INVALID")


def check_commands(params: dict[str, Any]) -> None:
    commands: list[dict[str, Any]] = params["commands"]
    if len(commands) > MAX_COMMANDS:
        raise bad_request("too many commands specified")
    for command in commands:
        if not _COMMAND.fullmatch(command["command"]):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(command["description"].strip()) <= 256:
            raise bad_request("command description is empty or too long")
    language = params.get("language_code", "")
    if language and not _LANGUAGE.fullmatch(language):
        raise bad_request("invalid language code specified")
