from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Bot

from tests.fakeapi import FakeTelegram

TOKEN = "123:ABC"
ANA = 4242


def make_bot(fake: FakeTelegram, token: str = TOKEN) -> Bot:
    return Bot(token, base_url=f"{fake.url}/bot", base_file_url=f"{fake.url}/file/bot")


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB 22 warns (an error under filterwarnings=error) when int durations are read."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with make_bot(fake) as client:
        yield client
