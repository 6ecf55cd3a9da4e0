"""An edited message is screened like a new one; the conversation does not move."""

from __future__ import annotations

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.machine import step
from tests.domain.helpers import ACTIVE, NOW, Driver


@pytest.mark.parametrize(
    ("words", "tier"),
    [
        ("i want to end my life tonight", 1),
        ("quiero matarme", 2),
        ("running late to group", None),
        ("", None),
    ],
)
def test_an_edit_gets_its_crisis_reply_or_nothing(words: str, tier: int | None) -> None:
    d = Driver()
    d.cmd("checkin")
    state, draft = d.state, dict(d.draft)
    out = step(state, draft, m.Edit(words), m.Ctx(now=NOW, profile=ACTIVE))
    assert (out.state, out.draft) == (state, draft)  # the check-in waits where it was
    records = [e for e in out.effects if isinstance(e, m.RecordCrisis)]
    assert [r.tier for r in records] == ([tier] if tier else [])
    assert all(r.source == "edit" for r in records)
    if tier is None:
        assert out.effects == []


def test_a_strangers_edit_is_screened_too() -> None:
    out = step(m.State.STRANGER, {}, m.Edit("he's not breathing"), m.Ctx(now=NOW))
    assert [e.tier for e in out.effects if isinstance(e, m.RecordCrisis)] == [1]
    assert out.state is m.State.STRANGER
