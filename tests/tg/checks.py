"""What the real Bot API refuses, checked on every recorded call.

Each function returns a list of problems (empty when the call would be accepted). The fake
answers a problem with 400, as Telegram would, and the fixture fails the test on any."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.tg.limits import (
    MAX_ANSWER_TEXT,
    MAX_CALLBACK_DATA,
    MAX_COMMANDS,
    MAX_TEXT,
    callback_data_fits,
    utf16_len,
)
from tests.fakeapi.markup import visible_text
from tests.fakeapi.spec import ApiError as MarkupError

_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_BUTTON_ACTIONS = frozenset(
    {"url", "callback_data", "web_app", "login_url", "switch_inline_query",
     "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
     "callback_game", "pay"}
)  # fmt: skip
_BOOLEANS = frozenset({"protect_content", "disable_notification", "allow_paid_broadcast",
                       "show_alert", "drop_pending_updates"})  # fmt: skip
_INTEGERS = frozenset({"message_id", "cache_time", "offset", "limit", "timeout"})


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Parameter names per method, from the Bot API reference (Bot API 10.1).
PARAMETERS: dict[str, frozenset[str]] = {
    "getMe": frozenset(),
    "close": frozenset(),
    "logOut": frozenset(),
    "deleteWebhook": frozenset({"drop_pending_updates"}),
    "getUpdates": frozenset({"offset", "limit", "timeout", "allowed_updates"}),
    "setMyCommands": frozenset({"commands", "scope", "language_code"}),
    "setMyDescription": frozenset({"description", "language_code"}),
    "sendChatAction": frozenset(
        {"business_connection_id", "chat_id", "message_thread_id", "action"}
    ),
    "setMyShortDescription": frozenset({"short_description", "language_code"}),
    "answerCallbackQuery": frozenset(
        {"callback_query_id", "text", "show_alert", "url", "cache_time"}
    ),
    "sendMessage": _names(
        "business_connection_id chat_id message_thread_id direct_messages_topic_id text "
        "parse_mode entities link_preview_options disable_notification protect_content "
        "allow_paid_broadcast message_effect_id suggested_post_parameters reply_parameters "
        "reply_markup"
    ),
    "editMessageText": _names(
        "business_connection_id chat_id message_id inline_message_id text parse_mode "
        "entities link_preview_options reply_markup"
    ),
    "sendPhoto": _names(
        "business_connection_id chat_id message_thread_id direct_messages_topic_id photo "
        "caption parse_mode caption_entities show_caption_above_media has_spoiler "
        "disable_notification protect_content allow_paid_broadcast message_effect_id "
        "suggested_post_parameters reply_parameters reply_markup"
    ),
    "editMessageMedia": _names(
        "business_connection_id chat_id message_id inline_message_id media reply_markup"
    ),
    "sendDocument": _names(
        "business_connection_id chat_id message_thread_id direct_messages_topic_id document "
        "thumbnail caption parse_mode caption_entities disable_content_type_detection "
        "disable_notification protect_content allow_paid_broadcast message_effect_id "
        "suggested_post_parameters reply_parameters reply_markup"
    ),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "sendChatAction": ("chat_id", "action"),
    "sendMessage": ("chat_id", "text"),
    "editMessageText": ("text",),
    "answerCallbackQuery": ("callback_query_id",),
    "setMyCommands": ("commands",),
    "sendPhoto": ("chat_id", "photo"),
    "sendDocument": ("chat_id", "document"),
    "editMessageMedia": ("media",),
}


def check_call(method: str, wire: dict[str, str]) -> list[str]:
    """Problems with a call as it arrives on the wire (every value a string)."""
    if method not in PARAMETERS:
        return [f"{method} is not a method this bot should call"]
    attached = wire.get("media", "")  # an InputMedia's file travels as a part of its own
    problems = [f"unknown parameter {k!r}" for k in wire
                if k not in PARAMETERS[method] and f"attach://{k}" not in attached]  # fmt: skip
    problems += [f"missing {k!r}" for k in REQUIRED.get(method, ()) if k not in wire]
    problems += [f"{k} must be true or false, got {v!r}" for k, v in wire.items()
                 if k in _BOOLEANS and v not in ("true", "false")]  # fmt: skip
    problems += [f"{k} must be an integer, got {v!r}" for k, v in wire.items()
                 if k in _INTEGERS and not re.fullmatch(r"-?\d+", v)]  # fmt: skip
    if "chat_id" in wire and not re.fullmatch(r"-?\d+|@\w{5,32}", wire["chat_id"]):
        problems.append(f"chat_id is neither an id nor @username: {wire['chat_id']!r}")
    if "text" in wire and method != "answerCallbackQuery":
        problems += check_text(wire["text"], wire.get("parse_mode"))
    if method == "answerCallbackQuery" and utf16_len(wire.get("text", "")) > MAX_ANSWER_TEXT:
        problems.append("answerCallbackQuery text over 200 characters")
    if "reply_markup" in wire:
        problems += check_markup(wire["reply_markup"], inline_only=method != "sendMessage")
    if method == "editMessageMedia":
        problems += _check_media(wire["media"]) if "media" in wire else []
    if method in ("editMessageText", "editMessageMedia") and "inline_message_id" not in wire:
        problems += [f"missing {k!r}" for k in ("chat_id", "message_id") if k not in wire]
    if method == "setMyCommands":
        problems += check_commands(wire)
    for field, most in (("description", 512), ("short_description", 120)):
        if len(wire.get(field, "")) > most:
            problems.append(f"{field} over {most} characters")
    return problems


def _check_media(raw: str) -> list[str]:
    """An InputMediaPhoto whose file is attached as a part, with a caption within limits."""
    media = json.loads(raw)
    problems = [] if media.get("type") == "photo" else [f"media type {media.get('type')!r}"]
    if not str(media.get("media", "")).startswith("attach://"):
        problems.append("media is not an attached upload")
    if utf16_len(media.get("caption", "")) > 1024:
        problems.append("media caption over 1024 characters")
    return problems


def check_text(text: str, parse_mode: str | None = None) -> list[str]:
    """An empty or too long text; with a parse mode, malformed markup (and the length is the
    visible text's, as Telegram counts it after parsing the entities)."""
    if parse_mode is not None:
        try:
            text = visible_text(text, parse_mode)
        except MarkupError as exc:
            return [exc.description.removeprefix("Bad Request: ")]
    if not text.strip():
        return ["text is empty"]
    if utf16_len(text) > MAX_TEXT:
        return [f"text is {utf16_len(text)} characters (UTF-16 code units), over {MAX_TEXT}"]
    return []


def check_markup(raw: str, *, inline_only: bool) -> list[str]:
    """A reply_markup must be a JSON object of exactly one known kind, well formed."""
    try:
        markup = json.loads(raw)
    except ValueError:
        return [f"reply_markup is not JSON: {raw[:60]!r}"]
    if not isinstance(markup, dict):
        return ["reply_markup is not a JSON object"]
    kinds = [k for k in ("inline_keyboard", "keyboard", "remove_keyboard", "force_reply")
             if k in markup]  # fmt: skip
    if len(kinds) != 1:
        return [f"reply_markup must be one kind of markup, found {kinds}"]
    if inline_only and kinds != ["inline_keyboard"]:
        return [f"only an inline keyboard is allowed here, got {kinds[0]}"]
    if kinds[0] in ("inline_keyboard", "keyboard"):
        return _check_rows(markup[kinds[0]], inline=kinds[0] == "inline_keyboard")
    return []


def _check_rows(rows: Any, *, inline: bool) -> list[str]:
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        return ["a keyboard must be an array of arrays of buttons"]
    problems: list[str] = []
    for button in (b for row in rows for b in row):
        if not inline and isinstance(button, str):
            button = {"text": button}
        if not isinstance(button, dict) or not str(button.get("text", "")).strip():
            problems.append(f"button without text: {button!r}")
            continue
        if inline:
            problems += _check_inline_button(button)
    return problems


def _check_inline_button(button: dict[str, Any]) -> list[str]:
    actions = [k for k in button if k in _BUTTON_ACTIONS]
    if len(actions) != 1:
        return [f"inline button {button['text']!r} needs exactly one action, has {actions}"]
    data = button.get("callback_data")
    if data is not None and not callback_data_fits(str(data)):
        size = len(str(data).encode())
        return [f"callback_data {data!r} is {size} bytes, must be 1-{MAX_CALLBACK_DATA}"]
    return []


def check_commands(wire: dict[str, str]) -> list[str]:
    try:
        commands = json.loads(wire["commands"])
    except (KeyError, ValueError):
        return ["commands is not a JSON array"]
    if not isinstance(commands, list) or not 1 <= len(commands) <= MAX_COMMANDS:
        return ["commands must be an array of 1-100 BotCommand"]
    problems = [f"bad command name {c.get('command')!r}" for c in commands
                if not _COMMAND.match(str(c.get("command", "")))]  # fmt: skip
    problems += [f"description of /{c.get('command')} must be 1-256 characters"
                 for c in commands
                 if not 1 <= len(str(c.get("description", ""))) <= 256]  # fmt: skip
    code = wire.get("language_code")
    if code is not None and not re.fullmatch(r"[a-z]{2}", code):
        problems.append(f"language_code must be a two-letter ISO 639-1 code, got {code!r}")
    return problems
