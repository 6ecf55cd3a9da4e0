"""Transport faults of the fake: a request performed and answered late, or performed and never
answered (the connection closed or reset). Seen through PTB's real HTTP layer on loopback."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import HTTPXRequest

from tests.fakeapi import FakeTelegram
from tests.fakeapi.limits import DroppedAnswer, LateAnswer
from tests.fakeapi_tests.conftest import ANA, TOKEN

READ_TIMEOUT = 0.5  # seconds


@pytest.fixture
async def impatient(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """A bot that waits READ_TIMEOUT for an answer."""
    request = HTTPXRequest(read_timeout=READ_TIMEOUT)
    bot = Bot(TOKEN, base_url=f"{fake.url}/bot", request=request)
    async with bot:
        yield bot


def texts(fake: FakeTelegram) -> list[str]:
    return [m["text"] for m in fake.sent(ANA)]


async def test_a_late_answer_past_the_read_timeout(fake: FakeTelegram, impatient: Bot) -> None:
    fake.user(ANA)
    fake.delay_next("sendMessage", seconds=READ_TIMEOUT * 3)
    with pytest.raises(TimedOut) as raised:
        await impatient.send_message(ANA, "are you there?")
    assert isinstance(raised.value.__cause__, httpx.ReadTimeout)
    # Performed all the same: the user has the message, once.
    assert texts(fake) == ["are you there?"]
    assert fake.unanswered == [("sendMessage", LateAnswer(READ_TIMEOUT * 3))]
    # One shot: the next call is answered at once.
    assert (await impatient.send_message(ANA, "next")).text == "next"
    assert texts(fake) == ["are you there?", "next"]
    assert fake.failures == [] and fake.refused == []


async def test_a_late_answer_within_the_read_timeout_arrives(
    fake: FakeTelegram, impatient: Bot
) -> None:
    fake.user(ANA)
    fake.delay_next("sendMessage", seconds=0.2)
    started = time.monotonic()
    assert (await impatient.send_message(ANA, "slow")).text == "slow"
    assert time.monotonic() - started >= 0.2
    assert texts(fake) == ["slow"]


async def test_a_dropped_connection_after_the_request(fake: FakeTelegram, impatient: Bot) -> None:
    fake.user(ANA)
    fake.drop_next("sendMessage")
    with pytest.raises(NetworkError) as raised:
        await impatient.send_message(ANA, "hello")
    assert not isinstance(raised.value, TimedOut)
    assert isinstance(raised.value.__cause__, httpx.RemoteProtocolError)
    assert texts(fake) == ["hello"]
    assert fake.unanswered == [("sendMessage", DroppedAnswer())]
    assert (await impatient.send_message(ANA, "again")).text == "again"


async def test_a_reset_connection_after_the_request(fake: FakeTelegram, impatient: Bot) -> None:
    fake.user(ANA)
    fake.drop_next("sendMessage", reset=True)
    with pytest.raises(NetworkError) as raised:
        await impatient.send_message(ANA, "hello")
    assert isinstance(raised.value.__cause__, httpx.ReadError)
    assert texts(fake) == ["hello"]
    assert (await impatient.send_message(ANA, "again")).text == "again"


async def test_faults_queue_per_method_in_order(fake: FakeTelegram, impatient: Bot) -> None:
    """fail_next, delay_next and drop_next share one queue per method; other methods pass."""
    fake.user(ANA)
    fake.fail_next("sendMessage", 400, "Bad Request: chat not found")
    fake.drop_next("sendMessage")
    assert (await impatient.get_me()).username == fake.username
    with pytest.raises(BadRequest):
        await impatient.send_message(ANA, "one")
    with pytest.raises(NetworkError):
        await impatient.send_message(ANA, "two")
    assert (await impatient.send_message(ANA, "three")).text == "three"
    assert texts(fake) == ["two", "three"]  # the error was not performed; the drop was


async def test_a_refused_request_does_not_use_up_a_fault(
    fake: FakeTelegram, impatient: Bot
) -> None:
    fake.user(ANA)
    fake.drop_next("sendMessage")
    with pytest.raises(BadRequest):
        await impatient.send_message(ANA, "")  # refused before it reaches the queue
    with pytest.raises(NetworkError):
        await impatient.send_message(ANA, "hello")
    fake.refused.clear()
