"""FakeTelegram: a loopback Telegram Bot API server for end-to-end tests."""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from .httpd import Answer, FakeHTTPServer, FilePart
from .limits import (
    DroppedAnswer,
    Fault,
    Injection,
    Injections,
    LateAnswer,
    SlidingWindow,
    is_flood_limited,
    too_many_requests,
)
from .methods import HANDLERS
from .rules import Rules
from .spec import API_JSON, ApiError, load_spec
from .store import Failure, Json, Refusal, Store
from .updates import update_kind
from .users import FakeUser, chat_message

BLOCKED = "Forbidden: bot was blocked by the user"
_REFUSAL_CODES = frozenset({400, 401, 404})


def _is_messaging(method: str) -> bool:
    return method.startswith(("send", "edit", "copy", "forward"))


class FakeTelegram(Store):
    """Bot API look-alike on 127.0.0.1 (an ephemeral port unless `port`). Use as a context
    manager."""

    def __init__(
        self,
        token: str = "123:ABC",
        *,
        username: str = "test_recovery_bot",
        first_name: str = "Recovery Bot",
        rate_limit_per_second: int | None = 30,
        per_chat_limit: int | None = None,
        rate_window: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        api_json: Path = API_JSON,
        port: int = 0,
    ) -> None:
        super().__init__(token, username, first_name, clock)
        self.port = port  # 0: any free one; a given port lets a test start it where a bot waits
        self.spec = load_spec(api_json)
        self.rules = Rules(self.spec)
        self.rate_limit_per_second = rate_limit_per_second
        self.per_chat_limit = per_chat_limit
        self.rate_window = rate_window
        self.refused: list[Refusal] = []
        self.failures: list[Failure] = []
        self.calls: list[tuple[str, Json]] = []
        # Calls performed whose answer was then held back or dropped (delay_next, drop_next).
        self.unanswered: list[tuple[str, Fault]] = []
        self.count_429 = 0
        self.count_403 = 0
        self._window = SlidingWindow()
        self._injections = Injections()
        self._users: dict[int, FakeUser] = {}
        self._httpd: FakeHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """Base URL to pass as TELEGRAM_API_URL, e.g. ``http://127.0.0.1:43123``."""
        if self._httpd is None and self.port:
            return f"http://127.0.0.1:{self.port}"  # where it will serve once started
        if self._httpd is None:
            raise RuntimeError("FakeTelegram is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeTelegram:
        if self._httpd is None:
            self.updates.stopping = False
            self._httpd = FakeHTTPServer(self, port=self.port)
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="fake-telegram",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; blocked getUpdates calls return [] at once."""
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self._httpd = self._thread = None
        self.updates.stop()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- HTTP entry points (called from handler threads) -----------------------------------
    def handle_api(
        self,
        token: str,
        method: str,
        params: dict[str, Any],
        files: dict[str, FilePart],
        client_alive: Callable[[], bool] = lambda: True,
    ) -> Answer:
        transport: list[LateAnswer | DroppedAnswer] = []  # filled by _dispatch
        with self.cond:
            try:
                result = self._dispatch(token, method, params, files, client_alive, transport)
                status, body = 200, {"ok": True, "result": result}
            except ApiError as error:
                status, body = error.error_code, error.body()
            except Exception as exc:  # a bug in the fake must surface, not hang the bot
                crash = ApiError(f"Internal Server Error: {exc!r}", 500)
                self.refused.append(Refusal(method, params, crash.description))
                return Answer(500, crash.body())
        return Answer(status, body, transport[0] if transport else None)

    def handle_file(self, token: str, path: str) -> bytes | None:
        with self.cond:
            stored = self.files.by_path.get(path)
            return None if token != self.token or stored is None else stored.data

    def reject(self, method: str, params: dict[str, Any], error: ApiError) -> None:
        with self.cond:
            self.refused.append(Refusal(method, params, error.description))

    def _dispatch(
        self,
        token: str,
        method: str,
        params: dict[str, Any],
        files: dict[str, FilePart],
        client_alive: Callable[[], bool],
        transport: list[LateAnswer | DroppedAnswer],
    ) -> Any:
        if token != self.token:
            raise self._refuse(method, params, ApiError("Unauthorized", 401))
        name = self.spec.resolve(method)
        if name is None:
            raise self._refuse(method, params, ApiError("Not Found", 404))
        try:
            clean = self.spec.validate(name, params, files)
            self.rules.check(name, clean)
        except ApiError as error:
            raise self._refuse(name, params, error) from None
        clean = _attached(clean, files)
        self.calls.append((name, clean))
        injection = self._injections.pop(name, clean.get("chat_id"))
        if isinstance(injection, Injection):
            raise self._fail(name, clean, injection.error())
        if injection is not None:  # performed below; the transport holds the answer back
            transport.append(injection)
            self.unanswered.append((name, injection))
        try:
            return self._perform(name, clean)
        except ApiError as error:
            if error.error_code in _REFUSAL_CODES:
                raise self._refuse(name, clean, error) from None
            if error.error_code == 409 and not client_alive():
                raise  # a long poll its client already cancelled: nobody reads this answer
            raise self._fail(name, clean, error) from None

    def _perform(self, name: str, params: Json) -> Any:
        chat = self.find_chat(params["chat_id"]) if "chat_id" in params else None
        if chat is not None and chat.blocked and _is_messaging(name):
            raise ApiError(BLOCKED, 403)
        if is_flood_limited(name):
            self._flood_control(chat.id if chat else None)
        handler = HANDLERS.get(name)
        if handler is None:
            self.unhandled.append((name, params))
            return True
        return handler(self, params)

    def _flood_control(self, chat_id: int | None) -> None:
        now, checks = self.now(), []
        if self.rate_limit_per_second is not None:
            checks.append(("all chats", self.rate_limit_per_second))
        if self.per_chat_limit is not None and chat_id is not None:
            checks.append((f"chat {chat_id}", self.per_chat_limit))
        for key, limit in checks:
            retry_after = self._window.retry_after(key, now, limit, self.rate_window)
            if retry_after is not None:
                raise too_many_requests(retry_after)
        for key, _ in checks:
            self._window.record(key, now)

    def _refuse(self, method: str, params: Json, error: ApiError) -> ApiError:
        self.refused.append(Refusal(method, dict(params), error.description))
        return error

    def _fail(self, method: str, params: Json, error: ApiError) -> ApiError:
        if error.error_code == 429:
            self.count_429 += 1
        elif error.error_code == 403:
            self.count_403 += 1
        self.failures.append(Failure(method, params, error.error_code, error.description))
        return error

    # -- driving -----------------------------------------------------------------------------
    def user(
        self,
        user_id: int,
        first_name: str = "Ana",
        language_code: str | None = "en",
        *,
        last_name: str | None = None,
        username: str | None = None,
    ) -> FakeUser:
        """The simulated user (created once per id; its private chat becomes known)."""
        with self.cond:
            if user_id not in self._users:
                info: Json = {"id": user_id, "is_bot": False, "first_name": first_name}
                extra = {"last_name": last_name, "username": username}
                info.update({k: v for k, v in extra.items() if v is not None})
                if language_code is not None:
                    info["language_code"] = language_code
                self._users[user_id] = FakeUser(self, info)
            return self._users[user_id]

    def block(self, user_id: int) -> Json:
        return self.user(user_id).block()

    def unblock(self, user_id: int) -> Json:
        return self.user(user_id).unblock()

    def fail_next(
        self, method: str, status: int, description: str, retry_after: int | None = None,
        *, chat_id: int | None = None, migrate_to_chat_id: int | None = None, skip: int = 0,
    ) -> None:  # fmt: skip
        """The next call of ``method`` (to ``chat_id``, when given; after ``skip`` such calls
        went through) fails with this status and description (one shot); a group upgraded to
        a supergroup carries ``migrate_to_chat_id``."""
        fault = Injection(status, description, retry_after, migrate_to_chat_id)
        with self.cond:
            self._injections.add(method, fault, chat_id, skip)

    def delay_next(self, method: str, seconds: float) -> None:
        """The next call of ``method`` is performed (a message is delivered to its chat) but
        its answer is written ``seconds`` later: a client whose read timeout is shorter gives
        up without knowing the outcome (one shot)."""
        with self.cond:
            self._injections.add(method, LateAnswer(seconds))

    def drop_next(self, method: str, *, reset: bool = False) -> None:
        """The next call of ``method`` is performed, then its connection is closed without an
        answer: an orderly close (the client reads EOF), or a TCP reset with ``reset`` (one
        shot)."""
        with self.cond:
            self._injections.add(method, DroppedAnswer(reset))

    def push_raw(self, update: Json) -> Json:
        return self.updates.push(copy.deepcopy(update))

    def redeliver(self, update_id: int) -> Json:
        return self.updates.redeliver(update_id)

    def group_message(
        self, chat_id: int, text: str, user: FakeUser | None = None, title: str = "Test group"
    ) -> Json:
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        chat = {"id": chat_id, "type": kind, "title": title}
        sender = user.info if user else {"id": 700_000_001, "is_bot": False, "first_name": "Bob"}
        return chat_message(self, chat, sender, text, "message")

    def channel_post(self, chat_id: int, text: str, title: str = "Test channel") -> Json:
        chat = {"id": chat_id, "type": "channel", "title": title}
        return chat_message(self, chat, None, text, "channel_post")

    # -- observing -------------------------------------------------------------------------
    @property
    def allowed_updates(self) -> list[str] | None:
        """The last allowed_updates passed to getUpdates (None if never passed)."""
        return self.updates.allowed

    def pending_updates(self) -> list[str]:
        """Kinds of the updates not yet confirmed by the bot."""
        with self.cond:
            return [update_kind(entry.update) for entry in self.updates.pending]

    def calls_of(self, method: str) -> list[Json]:
        with self.cond:
            return [params for name, params in self.calls if name == method]


def _attached(params: dict[str, Any], files: dict[str, FilePart]) -> dict[str, Any]:
    """An InputMedia's file given as "attach://<part>" (editMessageMedia), resolved to that
    uploaded part, as Telegram reads it; the API's schema types it as a string."""
    media = params.get("media")
    ref = media.get("media") if isinstance(media, dict) else None
    if isinstance(ref, str) and ref.startswith("attach://") and ref[9:] in files:
        return {**params, "media": {**media, "media": files[ref[9:]]}}
    return params
