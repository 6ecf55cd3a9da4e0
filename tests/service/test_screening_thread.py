"""The screener runs off the event loop for words, and taps never wait for it."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bot.domain.conversation import model as m
from bot.service import conversation
from tests.domain.helpers import ACTIVE, NOW


@pytest.mark.parametrize(
    ("event", "off_loop"),
    [
        (m.Text("i want to end my life tonight"), True),
        (m.Command("checkin", "i cant go on"), True),
        (m.Media("photo", "took all my pills"), True),
        (m.Button("m:help"), False),
        (m.Command("menu", ""), False),
    ],
)
async def test_words_are_screened_in_a_worker_thread(
    monkeypatch: pytest.MonkeyPatch, event: m.Event, off_loop: bool
) -> None:
    seen: list[int] = []
    real = conversation.step

    def watched(*args: Any) -> m.Outcome:
        seen.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(conversation, "step", watched)
    out = await conversation._step(m.State.MENU, {}, event, m.Ctx(now=NOW, profile=ACTIVE))
    assert out.state is not None
    assert (seen[0] != threading.get_ident()) is off_loop
