"""Raw update dicts shaped like the ones Telegram sends (the subset PTB needs, plus realism)."""

from __future__ import annotations

import re
from typing import Any

JSON = dict[str, Any]
DATE = 1_795_716_000  # 2026-11-26 18:00 UTC, the fixed clock of these tests


def user(user_id: int, lang: str | None = "en", first_name: str = "Pat") -> JSON:
    out: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
    if lang is not None:
        out["language_code"] = lang
    return out


def private_chat(who: JSON) -> JSON:
    return {"id": who["id"], "type": "private", "first_name": who["first_name"]}


def group_chat(chat_id: int, kind: str = "group") -> JSON:
    return {"id": chat_id, "type": kind, "title": "Recovery circle"}


def _message(update_id: int, who: JSON | None, chat: JSON, body: JSON, key: str) -> JSON:
    message: JSON = {"message_id": 1000 + update_id, "date": DATE, "chat": chat, **body}
    if who is not None:
        message["from"] = who
    return {"update_id": update_id, key: message}


def text(update_id: int, who: JSON, words: str, chat: JSON | None = None) -> JSON:
    """A typed message; a leading /command gets its bot_command entity, as Telegram adds."""
    body: JSON = {"text": words}
    head = words.split(" ", 1)[0]
    if re.fullmatch(r"/[A-Za-z0-9_]{1,32}(@\w+)?", head):  # what Telegram marks as a command
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(head)}]
    return _message(update_id, who, chat or private_chat(who), body, "message")


def command(update_id: int, who: JSON, name: str, arg: str = "") -> JSON:
    return text(update_id, who, f"/{name} {arg}".strip())


_FILE = {"file_id": "AgACAgEAAxkBAAIB", "file_unique_id": "AQADAgAD"}
MEDIA: dict[str, JSON] = {
    "photo": {"photo": [{**_FILE, "width": 90, "height": 67, "file_size": 1200},
                        {**_FILE, "width": 800, "height": 600, "file_size": 52000}]},
    "sticker": {"sticker": {**_FILE, "type": "regular", "width": 512, "height": 512,
                            "is_animated": False, "is_video": False, "emoji": "👍"}},
    "voice": {"voice": {**_FILE, "duration": 4, "mime_type": "audio/ogg"}},
    "location": {"location": {"latitude": 40.7128, "longitude": -74.006}},
    "document": {"document": {**_FILE, "file_name": "notes.pdf", "mime_type": "application/pdf"}},
}  # fmt: skip


def media(update_id: int, who: JSON, kind: str) -> JSON:
    return _message(update_id, who, private_chat(who), MEDIA[kind], "message")


def edited(update_id: int, who: JSON, words: str) -> JSON:
    update = _message(update_id, who, private_chat(who), {"text": words}, "edited_message")
    update["edited_message"]["edit_date"] = DATE + 30
    return update


def group_text(update_id: int, who: JSON, chat_id: int, words: str) -> JSON:
    return _message(update_id, who, group_chat(chat_id), {"text": words}, "message")


def channel_post(update_id: int, chat_id: int, words: str) -> JSON:
    """A channel post: no `from`, the chat is the channel."""
    chat = group_chat(chat_id, "channel")
    return _message(update_id, None, chat, {"text": words}, "channel_post")


def callback(update_id: int, who: JSON, message: JSON, data: str, query_id: str) -> JSON:
    """A tap on an inline button of `message` (the Message JSON the bot got back)."""
    query: JSON = {
        "id": query_id, "from": who, "message": message, "data": data,
        "chat_instance": f"-{who['id']}77",
    }  # fmt: skip
    return {"update_id": update_id, "callback_query": query}


def my_chat_member(update_id: int, who: JSON, bot: JSON, old: str, new: str) -> JSON:
    """The bot's membership in a private chat changed: "kicked" is a block, "member" undoes it."""

    def member(status: str) -> JSON:
        out: JSON = {"user": bot, "status": status}
        if status == "kicked":
            out["until_date"] = 0
        return out

    change: JSON = {
        "chat": private_chat(who), "from": who, "date": DATE,
        "old_chat_member": member(old), "new_chat_member": member(new),
    }  # fmt: skip
    return {"update_id": update_id, "my_chat_member": change}
