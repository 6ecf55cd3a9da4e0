"""At most once: what a reminder send's failure means, through the real reminder bot (PTB's
HTTPXRequest and rate limiter) against the fake Bot API over loopback HTTP.

retry when the message certainly did not reach Telegram; uncertain (never repeated) when the
request went out and no answer came; blocked on 403; failed on 400."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from telegram.error import ChatMigrated, NetworkError, TimedOut
from telegram.ext import ExtBot
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.config import Settings, load_settings
from bot.domain.conversation.model import Reply
from bot.reminders.sender import Delivery
from bot.tg.application import reminder_bot
from bot.tg.delivery import NOT_SENT_WAIT, TelegramSender, classify_send_error
from tests.fakeapi import FakeTelegram

TOKEN = "123:ABC"
ANA = 4242
READ_TIMEOUT = 0.5  # seconds: REMINDER_READ_TIMEOUT for these tests
PROMPT = Reply("Time for your check-in")


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # retry_after as a timedelta, no warning


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with FakeTelegram(token=TOKEN) as fake:
        fake.user(ANA)
        yield fake


def settings_for(url: str) -> Settings:
    return load_settings(
        telegram_bot_token=TOKEN, telegram_api_url=url, reminder_read_timeout=READ_TIMEOUT,
        _env_file=None,
    )  # fmt: skip


@pytest.fixture
async def sender(api: FakeTelegram) -> AsyncIterator[TelegramSender]:
    async with reminder_bot(settings_for(api.url)) as bot:
        yield TelegramSender(bot)


def texts(api: FakeTelegram) -> list[str]:
    return [m["text"] for m in api.sent(ANA)]


async def test_accepted_is_sent(api: FakeTelegram, sender: TelegramSender) -> None:
    assert await sender.send(ANA, PROMPT) == Delivery("sent")
    assert texts(api) == [PROMPT.text]


async def test_nothing_listening_is_retried(api: FakeTelegram, sender: TelegramSender) -> None:
    api.stop()  # the port is closed: connection refused
    got = await sender.send(ANA, PROMPT)
    assert got == Delivery("retry", NOT_SENT_WAIT, "not sent: ConnectError")


@pytest.mark.parametrize(("code", "description"), [(502, "Bad Gateway"), (500, "Internal")])
async def test_a_5xx_answer_is_retried(
    api: FakeTelegram, sender: TelegramSender, code: int, description: str
) -> None:
    api.fail_next("sendMessage", code, description)
    got = await sender.send(ANA, PROMPT)
    assert (got.outcome, got.wait) == ("retry", NOT_SENT_WAIT)
    assert description in got.detail
    assert texts(api) == []
    assert await sender.send(ANA, PROMPT) == Delivery("sent")
    assert texts(api) == [PROMPT.text]


async def test_429_waits_retry_after(api: FakeTelegram, sender: TelegramSender) -> None:
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    assert await sender.send(ANA, PROMPT) == Delivery("retry", timedelta(seconds=7), "429")
    assert texts(api) == []


async def test_an_answer_after_the_read_timeout_is_uncertain(
    api: FakeTelegram, sender: TelegramSender
) -> None:
    api.delay_next("sendMessage", seconds=READ_TIMEOUT * 4)
    got = await sender.send(ANA, PROMPT)
    assert got == Delivery("uncertain", detail="no answer: ReadTimeout")
    assert texts(api) == [PROMPT.text]  # Telegram had taken it


@pytest.mark.parametrize(("reset", "error"), [(False, "RemoteProtocolError"), (True, "ReadError")])
async def test_a_dropped_connection_is_uncertain(
    api: FakeTelegram, sender: TelegramSender, reset: bool, error: str
) -> None:
    api.drop_next("sendMessage", reset=reset)
    assert await sender.send(ANA, PROMPT) == Delivery("uncertain", detail=f"no answer: {error}")
    assert texts(api) == [PROMPT.text]


async def test_403_is_blocked(api: FakeTelegram, sender: TelegramSender) -> None:
    api.block(ANA)
    assert await sender.send(ANA, PROMPT) == Delivery("blocked", detail="403")


async def test_400_is_failed(api: FakeTelegram, sender: TelegramSender) -> None:
    api.fail_next("sendMessage", 400, "Bad Request: chat not found")
    got = await sender.send(ANA, PROMPT)
    assert got == Delivery("failed", detail="400 Chat not found")
    assert texts(api) == []


async def test_no_free_connection_is_retried(api: FakeTelegram) -> None:
    """A pool timeout: the request never left (one connection, held by a slow send)."""
    request = HTTPXRequest(connection_pool_size=1, pool_timeout=0.2, read_timeout=5)
    async with reminder_bot(settings_for(api.url), request) as bot:
        sender = TelegramSender(bot)
        api.delay_next("sendMessage", seconds=1.0)
        slow = asyncio.create_task(sender.send(ANA, PROMPT))
        await asyncio.sleep(0.1)
        waiting = await sender.send(ANA, Reply("second"))
        assert await slow == Delivery("sent")
    assert waiting == Delivery("retry", NOT_SENT_WAIT, "not sent: PoolTimeout")
    assert texts(api) == [PROMPT.text]


class HtmlGateway(BaseRequest):
    """What a proxy in front of the Bot API answers when Telegram is down: 502 and HTML."""

    async def initialize(self) -> None: ...

    async def shutdown(self) -> None: ...

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_: Any
    ) -> tuple[int, bytes]:
        if url.endswith("/getMe"):
            user = b'{"id": 1, "is_bot": true, "first_name": "B", "username": "b_bot"}'
            return 200, b'{"ok": true, "result": ' + user + b"}"
        return 502, b"<html><body><h1>502 Bad Gateway</h1></body></html>"


async def test_an_unreadable_5xx_answer_is_retried() -> None:
    bot: ExtBot[Any] = reminder_bot(settings_for("http://127.0.0.1:9"), HtmlGateway())
    async with bot:
        got = await TelegramSender(bot).send(ANA, PROMPT)
    assert (got.outcome, got.wait) == ("retry", NOT_SENT_WAIT)
    assert got.detail.startswith("not taken: Bad Gateway (502)")


def _raised(error: BaseException, cause: BaseException | None) -> BaseException:
    """`error` as PTB raises it: `from` the transport's error."""
    try:
        raise error from cause
    except BaseException as exc:
        return exc


@pytest.mark.parametrize(
    ("cause", "outcome"),
    [
        (httpx.ConnectError("refused"), "retry"),
        (httpx.ConnectTimeout("slow handshake"), "retry"),
        (httpx.PoolTimeout("pool"), "retry"),
        (httpx.ReadTimeout("late"), "uncertain"),
        (httpx.WriteTimeout("stalled upload"), "uncertain"),
        (httpx.ReadError("reset"), "uncertain"),
        (httpx.RemoteProtocolError("closed"), "uncertain"),
        (httpx.WriteError("broken pipe"), "uncertain"),
    ],
)
def test_each_httpx_error_as_ptb_wraps_it(cause: httpx.HTTPError, outcome: str) -> None:
    """HTTPXRequest raises TimedOut from httpx's timeouts, NetworkError from the rest."""
    wrapper = TimedOut() if isinstance(cause, httpx.TimeoutException) else NetworkError("x")
    got = classify_send_error(_raised(wrapper, cause))
    assert got.outcome == outcome
    assert cause.__class__.__name__ in got.detail


def test_what_cannot_be_told_is_uncertain() -> None:
    broken = _raised(NetworkError("Unknown error in HTTP implementation"), RuntimeError())
    assert classify_send_error(broken).outcome == "uncertain"
    assert classify_send_error(TimedOut()).outcome == "uncertain"  # no cause: assume written
    assert classify_send_error(OSError("mid-send")).outcome == "uncertain"
    assert classify_send_error(ChatMigrated(-100123)).outcome == "failed"
