"""Simulated Telegram users (and group/channel traffic) that produce updates for the bot."""

from __future__ import annotations

import copy
import re
from typing import Any

from .media import OGG_SAMPLE, WEBP_SAMPLE, image_size, tiny_png
from .store import ChatState, Json, Store, describe, inline_buttons

_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def text_body(text: str) -> Json:
    """A message body with text and the bot_command entities Telegram clients would add."""
    entities = [
        {"type": "bot_command", "offset": _utf16(text[: m.start()]), "length": _utf16(m.group())}
        for m in _COMMAND.finditer(text)
    ]
    return {"text": text, "entities": entities} if entities else {"text": text}


def _text_of(message: Json) -> str:
    return str(message.get("text") or message.get("caption") or "")


class FakeUser:
    """A private chat partner of the bot. Every ``send_*`` returns the queued Update dict."""

    def __init__(self, store: Store, user: Json) -> None:
        self.store = store
        self.info = user
        self.id = int(user["id"])
        self._cursor = 0
        self._last_text: int | None = None
        chat = {"id": self.id, "type": "private", "first_name": user["first_name"]}
        chat.update({k: user[k] for k in ("last_name", "username") if k in user})
        store.add_chat(chat)

    @property
    def chat(self) -> ChatState:
        return self.store.chats[self.id]

    def _send(self, body: Json) -> Json:
        with self.store.cond:
            message = self.store.new_message(self.chat, self.info, body)
            return self.store.updates.add("message", copy.deepcopy(message))

    def send_text(self, text: str) -> Json:
        update = self._send(text_body(text))
        self._last_text = update["message"]["message_id"]
        return update

    def send_command(self, command: str, *args: str) -> Json:
        """``send_command("/start", "CODE")`` -> "/start CODE" with a bot_command entity."""
        command = command if command.startswith("/") else f"/{command}"
        return self.send_text(" ".join([command, *args]))

    def send_photo(self, data: bytes | None = None, caption: str | None = None) -> Json:
        data = tiny_png(64, 48) if data is None else data
        width, height = image_size(data) or (64, 48)
        sizes = []
        for scale in (4, 1):
            stored = self.store.files.add("photo", data)
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": len(data),
                    "width": max(1, width // scale),
                    "height": max(1, height // scale),
                }
            )
        body: Json = {"photo": sizes}
        if caption is not None:
            body["caption"] = caption
        return self._send(body)

    def send_sticker(self, emoji: str = "👍") -> Json:
        stored = self.store.files.add("sticker", WEBP_SAMPLE, mime_type="image/webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(WEBP_SAMPLE),
        }
        return self._send({"sticker": sticker})

    def send_voice(self, duration: int = 3, data: bytes = OGG_SAMPLE) -> Json:
        stored = self.store.files.add("voice", data, mime_type="audio/ogg")
        voice = {**stored.as_document(), "duration": duration}
        return self._send({"voice": voice})

    def send_location(self, latitude: float = 52.52, longitude: float = 13.405) -> Json:
        return self._send({"location": {"latitude": latitude, "longitude": longitude}})

    def send_document(
        self,
        data: bytes = b"hello\n",
        filename: str = "notes.txt",
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> Json:
        stored = self.store.files.add("document", data, filename, mime_type)
        body: Json = {"document": stored.as_document()}
        if caption is not None:
            body["caption"] = caption
        return self._send(body)

    def edit_last_text(self, text: str) -> Json:
        """Edit this user's last text message; queues an ``edited_message`` update."""
        with self.store.cond:
            message = self.chat.messages.get(self._last_text or 0)
            if message is None:
                raise AssertionError(f"user {self.id} has no text message to edit")
            message.pop("entities", None)
            message.update(text_body(text), edit_date=self.store.unix_time())
            return self.store.updates.add("edited_message", copy.deepcopy(message))

    def press(self, label: str, message: Json | None = None) -> str:
        """Press the inline button whose text or callback_data is ``label`` on the latest bot
        message having it (or on ``message``). Queues a callback_query; returns its id."""
        with self.store.cond:
            target = self._keyboard_message(label) if message is None else self._current(message)
            button = next((b for b in inline_buttons(target) if label in _button_keys(b)), None)
            if button is None or "callback_data" not in button:
                raise AssertionError(
                    f"no callback button {label!r} on {describe(target)}; "
                    f"buttons: {self.buttons(target)}"
                )
            return self.store.new_callback_query(self.info, target, button["callback_data"])

    def press_on(self, message: Json, data: str) -> str:
        """Press a button (by callback_data or text) on a specific, possibly older message."""
        return self.press(data, message=message)

    def _current(self, message: Json) -> Json:
        """The message as it is now, in its own chat: this user's private chat, or a group
        they are in (a staff member pressing a button on a notice in the staff chat)."""
        chat = self.store.chats.get(int(message["chat"]["id"]), self.chat)
        current = chat.messages.get(message["message_id"])
        if current is None:
            raise AssertionError(f"message #{message['message_id']} was deleted")
        return current

    def _keyboard_message(self, label: str) -> Json:
        keyboards = [m for m in self.store.sent(self.id) if inline_buttons(m)]
        for message in reversed(keyboards):
            if any(label in _button_keys(b) for b in inline_buttons(message)):
                return self._current(message)
        latest = describe(keyboards[-1]) if keyboards else "no bot message has an inline keyboard"
        raise AssertionError(f"no inline button {label!r} in chat {self.id}; latest: {latest}")

    def block(self) -> Json:
        """The user blocks the bot: sends get 403 and a my_chat_member update is queued."""
        return set_blocked(self.store, self.info, True)

    def unblock(self) -> Json:
        return set_blocked(self.store, self.info, False)

    def wait_reply(self, contains: str | None = None, timeout: float = 10.0) -> Json:
        """Next NEW bot message (send or edit) in this chat since the last wait_reply."""

        def matches(message: Json) -> bool:
            return contains is None or contains in _text_of(message)

        message, self._cursor = self.store.wait_outbox(self._cursor, matches, timeout, self.id)
        return message

    def messages(self) -> list[Json]:
        return self.store.sent(self.id)

    def last_message(self) -> Json:
        sent = self.store.sent(self.id)
        if not sent:
            raise AssertionError(f"the bot has not sent anything to chat {self.id}")
        return sent[-1]

    def buttons(self, message: Json | None = None) -> list[tuple[str, str | None]]:
        """(text, callback_data) of ``message`` or of the latest bot message with a keyboard."""
        if message is None:
            keyboards = [m for m in self.store.sent(self.id) if inline_buttons(m)]
            message = keyboards[-1] if keyboards else {}
        return [(b["text"], b.get("callback_data")) for b in inline_buttons(message)]

    def reply_keyboard(self) -> Json | None:
        """The last ReplyKeyboardMarkup sent to this chat (None if none or removed)."""
        with self.store.cond:
            return copy.deepcopy(self.chat.reply_keyboard)

    def reply_buttons(self) -> list[str]:
        keyboard = self.reply_keyboard() or {}
        return [button["text"] for row in keyboard.get("keyboard", []) for button in row]


def _button_keys(button: Json) -> tuple[Any, ...]:
    return (button.get("text"), button.get("callback_data"))


def chat_message(store: Store, chat: Json, sender: Json | None, text: str, kind: str) -> Json:
    """Queue a message from someone in a group or channel."""
    with store.cond:
        state = store.add_chat(chat)
        body = text_body(text)
        if chat["type"] == "channel":
            body["sender_chat"] = chat
        message = store.new_message(state, sender, body)
        return store.updates.add(kind, copy.deepcopy(message))


def _member(user: Json, status: str) -> Json:
    member: Json = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member


def set_blocked(store: Store, user: Json, blocked: bool) -> Json:
    """Flip the private chat's blocked flag and queue the matching my_chat_member update."""
    with store.cond:
        state = store.chats[int(user["id"])]
        state.blocked = blocked
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        payload = {
            "chat": state.chat,
            "from": user,
            "date": store.unix_time(),
            "old_chat_member": _member(store.bot_user(), old),
            "new_chat_member": _member(store.bot_user(), new),
        }
        return store.updates.add("my_chat_member", copy.deepcopy(payload))
