"""A fake Bot API behind PTB's `BaseRequest`: records every call and answers like Telegram.

`build_application(..., request=FakeRequest())` routes both the normal calls and getUpdates
here, so the real `Application`, `ExtBot` and `AIORateLimiter` run unchanged; only the HTTP
exchange is replaced. Calls Telegram would refuse (see `checks.py`) get Telegram's 400 and are
collected in `errors`, which the fixture asserts empty at teardown."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

from bot.tg.limits import MAX_CAPTION, utf16_len
from tests.tg.checks import check_call

BOT_USER: dict[str, Any] = {
    "id": 7000000001, "is_bot": True, "first_name": "Companion", "username": "companion_test_bot",
    "can_join_groups": True, "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}  # fmt: skip
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)  # fmt: skip
BLOCKED = "Forbidden: bot was blocked by the user"


class ApiError(Exception):
    """Raised inside a method handler: becomes Telegram's {"ok": false} answer."""

    def __init__(
        self, code: int, description: str, retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def body(self) -> bytes:
        out: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            out["parameters"] = {"retry_after": self.retry_after}
        if self.migrate_to_chat_id is not None:
            out["parameters"] = {"migrate_to_chat_id": self.migrate_to_chat_id}
        return json.dumps(out).encode()


@dataclass
class Call:
    """One Bot API call: the method and its parameters (decoded, and as sent on the wire)."""

    method: str
    params: dict[str, Any]
    wire: dict[str, str] = field(repr=False)


@dataclass
class Shown:
    """A message the bot sent, as it is now (edits replace text and markup)."""

    chat_id: int
    message_id: int
    text: str
    markup: dict[str, Any] | None
    protect: bool


class FakeRequest(BaseRequest):
    """Records calls, keeps the messages the bot sent, and answers as the Bot API would."""

    def __init__(self, now: int = 1_795_716_000) -> None:
        self.now = now  # the `date` of every message the fake returns
        self.calls: list[Call] = []
        self.errors: list[str] = []
        self.uploads: list[tuple[str, str, Any]] = []  # (method, part name, file part)
        self.messages: dict[tuple[int, int], Shown] = {}
        self.latest: list[tuple[int, int]] = []  # keys of sent or edited messages, in order
        self.chats: dict[int, dict[str, Any]] = {}
        self.queries: set[str] = set()  # callback queries the bot may still answer
        self.answered: list[str] = []
        # setMyDescription / setMyShortDescription by language code ("" for the default)
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self._failures: list[tuple[str, ApiError]] = []
        self._failure_chats: dict[int, str] = {}  # id(error) -> the chat it is meant for
        self._updates: list[dict[str, Any]] = []
        self._new_updates = asyncio.Event()
        self.sent = asyncio.Event()  # set by every successful sendMessage
        self._next_message_id = 500

    # ---- what tests configure ---------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        code: int = 403,
        description: str = BLOCKED,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next call of `method` (to `chat_id`, when given) with this error (429s
        carry `retry_after`, a group upgraded to a supergroup `migrate_to_chat_id`)."""
        error = ApiError(code, description, retry_after, migrate_to_chat_id)
        self._failures.append((method, error))
        if chat_id is not None:
            self._failure_chats[id(error)] = str(chat_id)

    def queue_update(self, update: dict[str, Any]) -> None:
        """Hand `update` to the next getUpdates."""
        self._updates.append(update)
        self._new_updates.set()

    def remember_chat(self, chat: dict[str, Any]) -> None:
        self.chats[int(chat["id"])] = chat

    # ---- what tests read --------------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def texts(self) -> list[str]:
        """The text of every sendMessage, in order."""
        return [str(c.params["text"]) for c in self.of("sendMessage")]

    def last_shown(self) -> Shown:
        """The message most recently sent or edited."""
        return self.messages[self.latest[-1]]

    # ---- BaseRequest ------------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        wire = dict(request_data.json_parameters) if request_data else {}
        # Uploaded files travel as multipart parts, not JSON parameters: name them on the wire.
        for part in (request_data.multipart_data or {}) if request_data else {}:
            wire.setdefault(part, "<upload>")
        self.uploads += [
            (api_method, name, value) for name, value in
            ((request_data.multipart_data or {}).items() if request_data else ())
        ]  # fmt: skip
        self.calls.append(Call(api_method, params, wire))
        try:
            problems = check_call(api_method, wire)
            if problems:
                self.errors += [f"{api_method}: {p}" for p in problems]
                raise ApiError(400, f"Bad Request: {problems[0]}")
            for i, (name, error) in enumerate(self._failures):
                chat = self._failure_chats.get(id(error))
                if name == api_method and chat in (None, str(wire.get("chat_id"))):
                    del self._failures[i]
                    raise error
            result = await self._answer(api_method, wire)
        except ApiError as exc:
            return exc.code, exc.body()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    # ---- the methods ------------------------------------------------------------------------

    async def _answer(self, method: str, wire: dict[str, str]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in ("setMyDescription", "setMyShortDescription"):
            field = "description" if method == "setMyDescription" else "short_description"
            kept = self.descriptions if field == "description" else self.short_descriptions
            kept[wire.get("language_code", "")] = wire.get(field, "")
            return True
        if method in ("setMyCommands", "deleteWebhook", "close", "logOut", "sendChatAction"):
            return True
        if method == "getUpdates":
            return await self._get_updates(wire)
        if method == "answerCallbackQuery":
            query_id = wire["callback_query_id"]
            if query_id not in self.queries:  # unknown, or answered already
                raise ApiError(400, QUERY_TOO_OLD)
            self.queries.discard(query_id)
            self.answered.append(query_id)
            return True
        if method == "sendMessage":
            return self._send(wire)
        if method in ("sendPhoto", "sendDocument"):  # a chart or an export: caption as text
            if utf16_len(wire.get("caption", "")) > MAX_CAPTION:
                raise ApiError(400, "Bad Request: message caption is too long")
            return self._send({**wire, "text": wire.get("caption", "")})
        if method == "editMessageMedia":  # a chart swapped: its caption is the text shown
            caption = json.loads(wire["media"]).get("caption", "")
            return self._edit({**wire, "text": caption})
        return self._edit(wire)

    def _send(self, wire: dict[str, str]) -> dict[str, Any]:
        self._next_message_id += 1
        chat_id = int(wire["chat_id"])
        shown = Shown(
            chat_id, self._next_message_id, wire["text"], _markup(wire),
            wire.get("protect_content") == "true",
        )  # fmt: skip
        self.messages[(chat_id, shown.message_id)] = shown
        self.latest.append((chat_id, shown.message_id))
        self.sent.set()
        return self.message_json(shown)

    def _edit(self, wire: dict[str, str]) -> dict[str, Any]:
        key = (int(wire["chat_id"]), int(wire["message_id"]))
        shown = self.messages.get(key)
        if shown is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = _markup(wire)
        if shown.text == wire["text"] and shown.markup == markup:
            raise ApiError(400, NOT_MODIFIED)
        shown.text, shown.markup = wire["text"], markup
        self.latest.append(key)
        return {**self.message_json(shown), "edit_date": self.now}

    async def _get_updates(self, wire: dict[str, str]) -> list[dict[str, Any]]:
        if not self._updates:
            self._new_updates.clear()
            timeout = float(wire.get("timeout", "0"))
            try:
                await asyncio.wait_for(self._new_updates.wait(), timeout)
            except TimeoutError:
                return []
        offset = int(wire.get("offset", "0"))
        batch = [u for u in self._updates if u["update_id"] >= offset]
        self._updates.clear()
        return batch

    def chat_json(self, chat_id: int) -> dict[str, Any]:
        if chat_id in self.chats:
            return self.chats[chat_id]
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "Pat"}
        return {"id": chat_id, "type": "group", "title": "A group"}

    def message_json(self, shown: Shown) -> dict[str, Any]:
        """The Message object Telegram returns (and that a later tap refers to)."""
        message: dict[str, Any] = {
            "message_id": shown.message_id, "date": self.now, "from": BOT_USER,
            "chat": self.chat_json(shown.chat_id), "text": shown.text,
        }  # fmt: skip
        if shown.markup and "inline_keyboard" in shown.markup:  # only inline ones come back
            message["reply_markup"] = shown.markup
        return message


def _markup(wire: dict[str, str]) -> dict[str, Any] | None:
    raw = wire.get("reply_markup")
    return json.loads(raw) if raw else None
