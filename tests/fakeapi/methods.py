"""Implemented Bot API methods. Each handler gets the store and validated parameters."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from . import commands
from .httpd import FilePart
from .media import StoredFile, image_size
from .rules import message_text
from .spec import bad_request
from .store import QUERY_TIMEOUT, ChatState, Json, Store, Upload

Handler = Callable[[Store, Json], Any]
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


def _get_me(store: Store, params: Json) -> Json:
    return {
        **store.bot_user(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def _get_updates(store: Store, params: Json) -> list[Json]:
    if "allowed_updates" in params:
        store.updates.allowed = list(params["allowed_updates"])
    return store.updates.poll(
        params.get("offset"), params.get("limit", 100), params.get("timeout", 0)
    )


def _delete_webhook(store: Store, params: Json) -> bool:
    if params.get("drop_pending_updates"):
        store.updates.drop_pending()
    return True


def _get_webhook_info(store: Store, params: Json) -> Json:
    pending = len(store.updates.pending)
    return {"url": "", "has_custom_certificate": False, "pending_update_count": pending}


def _true(store: Store, params: Json) -> bool:
    return True


def _text_body(params: Json, key: str) -> Json:
    """Visible text plus entities (echoed when the bot passed explicit entities)."""
    entities_key = "entities" if key == "text" else "caption_entities"
    body: Json = {key: message_text(params, key)}
    if entities_key in params:
        body[entities_key] = params[entities_key]
    return body


def _source(params: Json, key: str) -> tuple[Any, ...]:
    """What decides whether an edit changes anything (raw text and its formatting)."""
    return (params.get(key), params.get("parse_mode"), params.get("entities"))


def _send_message(store: Store, params: Json) -> Json:
    chat = store.find_chat(params["chat_id"])
    message = store.bot_message(chat, _text_body(params, "text"), params)
    chat.sources[message["message_id"]] = _source(params, "text")
    return message


def _editable(store: Store, params: Json) -> tuple[ChatState, Json]:
    if "chat_id" not in params or "message_id" not in params:
        raise bad_request("message identifier is not specified")
    chat = store.find_chat(params["chat_id"])
    message = chat.messages.get(params["message_id"])
    if message is None:
        raise bad_request("message to edit not found")
    if params["message_id"] not in chat.bot_ids:
        raise bad_request("message can't be edited")
    return chat, message


def _edit_message_text(store: Store, params: Json) -> Json | bool:
    if "inline_message_id" in params:
        store.unhandled.append(("editMessageText", params))
        return True
    if "text" not in params:
        raise bad_request("message text is empty")
    chat, message = _editable(store, params)
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    source, markup = _source(params, "text"), params.get("reply_markup")
    if chat.sources.get(message["message_id"]) == source and message.get("reply_markup") == markup:
        raise bad_request(NOT_MODIFIED)
    for key in ("entities", "reply_markup"):
        message.pop(key, None)
    message.update(_text_body(params, "text"), edit_date=store.unix_time())
    if markup is not None:
        message["reply_markup"] = markup
    chat.sources[message["message_id"]] = source
    store.publish(message)
    return copy.deepcopy(message)


def _edit_message_reply_markup(store: Store, params: Json) -> Json | bool:
    if "inline_message_id" in params:
        store.unhandled.append(("editMessageReplyMarkup", params))
        return True
    _, message = _editable(store, params)
    markup = params.get("reply_markup")
    if message.get("reply_markup") == markup:
        raise bad_request(NOT_MODIFIED)
    message.pop("reply_markup", None)
    if markup is not None:
        message["reply_markup"] = markup
    store.publish(message)
    return copy.deepcopy(message)


def _edit_message_media(store: Store, params: Json) -> Json | bool:
    """A photo put in place of a message's photo (the only media the bot edits), with its
    caption and buttons; an animation, audio, document or video is left unhandled."""
    if "inline_message_id" in params:
        store.unhandled.append(("editMessageMedia", params))
        return True
    chat, message = _editable(store, params)
    media = params["media"]
    if media.get("type") != "photo":
        store.unhandled.append(("editMessageMedia", params))
        return copy.deepcopy(message)
    if "photo" not in message:
        raise bad_request("there is no media in the message to edit")
    value = media["media"]
    if not isinstance(value, FilePart):
        raise bad_request("wrong file identifier/HTTP URL specified")
    if image_size(value.data) is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    stored = store.files.add("photo", value.data, value.filename, value.content_type)
    store.uploads.append(Upload("editMessageMedia", chat.id, "media", value.filename,
                                value.content_type, value.data, stored.file_id))  # fmt: skip
    width, height = image_size(stored.data) or (320, 320)
    size = {**stored.as_document(), "width": width, "height": height}
    size.pop("file_name", None)
    size.pop("mime_type", None)
    for key in ("caption", "caption_entities", "reply_markup"):
        message.pop(key, None)
    message.update({"photo": [size]}, edit_date=store.unix_time())
    if "caption" in media:
        message.update(_text_body(media, "caption"))
    if params.get("reply_markup") is not None:
        message["reply_markup"] = params["reply_markup"]
    store.publish(message)
    return copy.deepcopy(message)


def _delete_message(store: Store, params: Json) -> bool:
    chat = store.find_chat(params["chat_id"])
    if chat.messages.pop(params["message_id"], None) is None:
        raise bad_request("message to delete not found")
    store.deleted.append((chat.id, params["message_id"]))
    store.cond.notify_all()
    return True


def _answer_callback_query(store: Store, params: Json) -> bool:
    query = store.queries.get(params["callback_query_id"])
    if query is None or query.answered or store.now() - query.created > QUERY_TIMEOUT:
        raise bad_request(QUERY_TOO_OLD)
    query.answered = True
    store.answers[query.query_id] = params
    store.cond.notify_all()
    return True


def _send_chat_action(store: Store, params: Json) -> bool:
    chat = store.find_chat(params["chat_id"])
    store.chat_actions.append((chat.id, params["action"]))
    return True


def _media(store: Store, method: str, params: Json, field: str, kind: str) -> StoredFile:
    """Store an uploaded file, or resolve a file_id / URL the bot passed instead."""
    value = params[field]
    if isinstance(value, FilePart):
        if kind == "photo" and image_size(value.data) is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        stored = store.files.add(kind, value.data, value.filename, value.content_type)
        chat_id = store.find_chat(params["chat_id"]).id
        upload = Upload(
            method, chat_id, field, value.filename, value.content_type, value.data, stored.file_id
        )
        store.uploads.append(upload)
        return stored
    known = store.files.get(value)
    if known is not None:
        return known
    if value.startswith(("http://", "https://")):
        return store.files.add(kind, b"", value.rsplit("/", 1)[-1] or None)
    raise bad_request("wrong file identifier/HTTP URL specified")


def _captioned(store: Store, params: Json, body: Json) -> Json:
    chat = store.find_chat(params["chat_id"])
    if "caption" in params:
        body.update(_text_body(params, "caption"))
    return store.bot_message(chat, body, params)


def _send_photo(store: Store, params: Json) -> Json:
    stored = _media(store, "sendPhoto", params, "photo", "photo")
    width, height = image_size(stored.data) or (320, 320)
    size = {**stored.as_document(), "width": width, "height": height}
    size.pop("file_name", None)
    size.pop("mime_type", None)
    return _captioned(store, params, {"photo": [size]})


def _send_document(store: Store, params: Json) -> Json:
    stored = _media(store, "sendDocument", params, "document", "document")
    return _captioned(store, params, {"document": stored.as_document()})


def _get_file(store: Store, params: Json) -> Json:
    stored = store.files.get(params["file_id"])
    if stored is None:
        raise bad_request("invalid file_id")
    return stored.as_file()


HANDLERS: dict[str, Handler] = {
    "getMe": _get_me,
    "getUpdates": _get_updates,
    "deleteWebhook": _delete_webhook,
    "getWebhookInfo": _get_webhook_info,
    "logOut": _true,
    "close": _true,
    "setMyCommands": commands.set_my_commands,
    "getMyCommands": commands.get_my_commands,
    "deleteMyCommands": commands.delete_my_commands,
    "setMyDescription": commands.set_my_description,
    "getMyDescription": commands.get_my_description,
    "setMyShortDescription": commands.set_my_short_description,
    "getMyShortDescription": commands.get_my_short_description,
    "setChatMenuButton": commands.set_chat_menu_button,
    "getChatMenuButton": commands.get_chat_menu_button,
    "sendMessage": _send_message,
    "editMessageText": _edit_message_text,
    "editMessageReplyMarkup": _edit_message_reply_markup,
    "editMessageMedia": _edit_message_media,
    "deleteMessage": _delete_message,
    "answerCallbackQuery": _answer_callback_query,
    "sendChatAction": _send_chat_action,
    "sendPhoto": _send_photo,
    "sendDocument": _send_document,
    "getFile": _get_file,
}
