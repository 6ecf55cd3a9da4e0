"""Shared state of the fake server: chats, messages, the outbox of bot messages, queries."""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .media import FileStore
from .spec import bad_request
from .updates import UpdateQueue

Json = dict[str, Any]
MessagePredicate = Callable[[Json], bool]
QUERY_TIMEOUT = 15.0
CHAT_NOT_FOUND = "chat not found"


class Refusal(NamedTuple):
    """A request the fake rejected as invalid (400 / 401 / 404 / 500)."""

    method: str
    params: Json
    description: str


class Failure(NamedTuple):
    """A behavioural error answer (403 blocked, 429 flood, 409 conflict, injected failures)."""

    method: str
    params: Json
    error_code: int
    description: str


@dataclass
class ChatState:
    chat: Json
    next_id: int = 1
    messages: dict[int, Json] = field(default_factory=dict)
    bot_ids: list[int] = field(default_factory=list)
    sources: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    blocked: bool = False
    reply_keyboard: Json | None = None

    @property
    def id(self) -> int:
        return int(self.chat["id"])


@dataclass
class Query:
    query_id: str
    chat_id: int
    message_id: int
    created: float
    answered: bool = False


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded (multipart)."""

    method: str
    chat_id: int
    field: str
    file_name: str
    mime_type: str
    data: bytes
    file_id: str


def inline_buttons(message: Json) -> list[Json]:
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def describe(message: Json) -> str:
    """One line summary of a message for assertion errors."""
    kinds = ("photo", "document", "sticker", "voice", "location")
    content = message.get("text") or message.get("caption")
    if content is None:
        content = next((f"<{kind}>" for kind in kinds if kind in message), "<other>")
    edited = " (edited)" if "edit_date" in message else ""
    line = f"#{message['message_id']} chat={message['chat']['id']}{edited}: {content!r}"
    buttons = [button["text"] for button in inline_buttons(message)]
    return f"{line} buttons={buttons}" if buttons else line


class Store:
    """State shared by HTTP handler threads and the test thread, guarded by ``cond``."""

    def __init__(
        self, token: str, username: str, first_name: str, clock: Callable[[], float]
    ) -> None:
        head = token.split(":", 1)[0]
        self.token, self.username, self.first_name = token, username, first_name
        self.bot_id = int(head) if head.isdigit() else 1
        self.cond = threading.Condition(threading.RLock())
        self.clock = clock
        self.time_offset = 0.0
        self.chats: dict[int, ChatState] = {}
        self.files = FileStore()
        self.updates = UpdateQueue(self.cond)
        self.outbox: list[Json] = []
        self.queries: dict[str, Query] = {}
        self.answers: dict[str, Json] = {}
        self.deleted: list[tuple[int, int]] = []
        self.uploads: list[Upload] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.commands: dict[str, list[Json]] = {}
        self.scoped_commands: dict[tuple[str, str], list[Json]] = {}
        # setMyDescription / setMyShortDescription, by language code ("" for the default).
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.menu_buttons: dict[int | None, Json] = {}
        self.unhandled: list[tuple[str, Json]] = []
        self._wait_cursor = 0
        self._query_seq = 0

    def now(self) -> float:
        """Fake monotonic time (the injected clock plus ``advance``)."""
        return self.clock() + self.time_offset

    def advance(self, seconds: float) -> None:
        """Move fake time forward (callback query expiry, flood windows, message dates)."""
        with self.cond:
            self.time_offset += seconds

    def unix_time(self) -> int:
        return int(time.time() + self.time_offset)

    def bot_user(self) -> Json:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def add_chat(self, chat: Json) -> ChatState:
        with self.cond:
            state = self.chats.get(int(chat["id"]))
            if state is None:
                state = self.chats[int(chat["id"])] = ChatState(chat)
            return state

    def find_chat(self, chat_id: int | str) -> ChatState:
        """Chat by id or @username; 400 "chat not found" for chats the bot cannot know."""
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            for state in self.chats.values():
                if state.chat.get("username", "").lower() == chat_id[1:].lower():
                    return state
            raise bad_request(CHAT_NOT_FOUND)
        try:
            return self.chats[int(chat_id)]
        except (KeyError, ValueError):
            raise bad_request(CHAT_NOT_FOUND) from None

    def new_message(self, chat: ChatState, sender: Json | None, body: Json) -> Json:
        """Store a message in ``chat`` with the chat's next message_id."""
        message: Json = {"message_id": chat.next_id}
        if sender is not None:
            message["from"] = sender
        message.update({"chat": chat.chat, "date": self.unix_time(), **body})
        chat.messages[chat.next_id] = message
        chat.next_id += 1
        return message

    def bot_message(self, chat: ChatState, body: Json, params: Json) -> Json:
        """A message sent by the bot: reply target, keyboard handling, outbox publication."""
        reply_to = self._reply_target(chat, params.get("reply_parameters"))
        if reply_to is not None:
            body["reply_to_message"] = reply_to
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            body["reply_markup"] = markup
        elif isinstance(markup, dict) and "keyboard" in markup:
            chat.reply_keyboard = markup
        elif isinstance(markup, dict) and markup.get("remove_keyboard"):
            chat.reply_keyboard = None
        channel = chat.chat.get("type") == "channel"
        if channel:
            body["sender_chat"] = chat.chat
        message = self.new_message(chat, None if channel else self.bot_user(), body)
        chat.bot_ids.append(message["message_id"])
        self.publish(message)
        return copy.deepcopy(message)

    def _reply_target(self, chat: ChatState, reply: Json | None) -> Json | None:
        if reply is None:
            return None
        target = chat.messages.get(reply["message_id"])
        if target is None:
            if reply.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        return {k: v for k, v in copy.deepcopy(target).items() if k != "reply_to_message"}

    def publish(self, message: Json) -> None:
        """Record a snapshot of a new or edited bot message and wake waiters."""
        self.outbox.append(copy.deepcopy(message))
        self.cond.notify_all()

    def sent(self, chat_id: int) -> list[Json]:
        """Current state of the bot's (not deleted) messages in a chat, oldest first."""
        with self.cond:
            state = self.chats.get(int(chat_id))
            if state is None:
                return []
            ids = [i for i in state.bot_ids if i in state.messages]
            return [copy.deepcopy(state.messages[i]) for i in ids]

    def wait_outbox(
        self, cursor: int, predicate: MessagePredicate, timeout: float, chat_id: int | None
    ) -> tuple[Json, int]:
        """First outbox entry after ``cursor`` (in ``chat_id``) matching; returns it and the new
        cursor. Raises AssertionError listing recent bot messages on timeout."""
        deadline = time.monotonic() + timeout
        with self.cond:
            scanned = cursor
            while True:
                for index in range(scanned, len(self.outbox)):
                    message = self.outbox[index]
                    if chat_id in (None, message["chat"]["id"]) and predicate(message):
                        return copy.deepcopy(message), index + 1
                scanned = len(self.outbox)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(self._timeout_report(cursor, timeout, chat_id))
                self.cond.wait(remaining)

    def wait_for(self, predicate: MessagePredicate, timeout: float = 10.0) -> Json:
        """Next NEW bot message (any chat, sends and edits) since the last ``wait_for``."""
        message, self._wait_cursor = self.wait_outbox(self._wait_cursor, predicate, timeout, None)
        return message

    def _timeout_report(self, cursor: int, timeout: float, chat_id: int | None) -> str:
        def lines(entries: list[Json]) -> str:
            picked = [m for m in entries if chat_id in (None, m["chat"]["id"])][-10:]
            return "\n".join(f"  {describe(m)}" for m in picked) or "  (none)"

        where = "any chat" if chat_id is None else f"chat {chat_id}"
        return (
            f"no matching new bot message in {where} within {timeout}s\n"
            f"new since last wait:\n{lines(self.outbox[cursor:])}\n"
            f"earlier:\n{lines(self.outbox[:cursor])}"
        )

    def new_callback_query(self, user: Json, message: Json, data: str) -> str:
        """Queue a callback_query update for ``message``; returns the fresh query id."""
        with self.cond:
            self._query_seq += 1
            query_id = str(4_611_686_018_427_387_904 + self._query_seq)
            chat_id = int(message["chat"]["id"])
            self.queries[query_id] = Query(query_id, chat_id, message["message_id"], self.now())
            payload = {
                "id": query_id,
                "from": user,
                "message": copy.deepcopy(message),
                "chat_instance": str(abs(hash((self.bot_id, chat_id))) % 10**18),
                "data": data,
            }
            self.updates.add("callback_query", payload)
            return query_id
