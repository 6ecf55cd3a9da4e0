"""The button stamp `s<seq>:` is one concept: every view stamps with `stamp`, the machine checks
with `is_current`, and so a view's buttons are live exactly until the next prompt."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.buttons import GLOBAL_BUTTONS
from bot.domain.conversation.replies import is_current, stamp
from tests.domain.helpers import Driver


def test_only_the_newest_stamp_is_current() -> None:
    draft: dict[str, Any] = {}
    assert is_current("s0", draft)  # a draft that never showed a prompt
    first = stamp(draft)
    assert first == "s1:" and draft["seq"] == 1
    assert is_current(first.removesuffix(":"), draft)
    second = stamp(draft)
    assert not is_current(first.removesuffix(":"), draft)
    assert is_current(second.removesuffix(":"), draft)
    assert not any(is_current(prefix, draft) for prefix in GLOBAL_BUTTONS)


# Each route ends on a view of a different module: a step, the settings, the reminder switches,
# a confirmation.
ROUTES = {
    "step": [("cmd", "checkin")],
    "settings": [("cmd", "settings")],
    "switches": [("cmd", "settings"), ("tap", "reminders")],
    "switch toggled": [("cmd", "settings"), ("tap", "reminders"), ("tap", "t:checkin")],
    "confirm": [("cmd", "delete")],
    "back to settings": [("cmd", "settings"), ("tap", "reminders"), ("tap", "close")],
}


@pytest.mark.parametrize("route", ROUTES.values(), ids=list(ROUTES))
def test_every_view_stamps_its_buttons_as_the_machine_checks_them(
    route: list[tuple[str, str]],
) -> None:
    d = Driver()
    for action, value in route:
        if action == "cmd":
            d.cmd(value)
        else:
            d.tap(value)
    prefixes = {c.data.split(":", 1)[0] for c in d.buttons()} - set(GLOBAL_BUTTONS)
    assert prefixes, "the view shows stamped buttons"
    assert all(is_current(p, d.draft) for p in prefixes), (prefixes, d.draft)
    tapped = next(c.data for c in d.buttons() if c.data.split(":", 1)[0] in prefixes)
    d.send(m.Button(tapped))
    assert "older message" not in d.said()


@pytest.mark.parametrize(
    "route", [[("cmd", "checkin")], [("cmd", "delete")]], ids=["step", "confirm"]
)
def test_a_stale_tap_shows_the_question_again_and_its_earlier_copy_stays_live(
    route: list[tuple[str, str]],
) -> None:
    """A double tap, or a tap on an older message: "older message" and the current question
    again. The copy of that question the person already had (or a duplicate that at-least-once
    delivery sent) still answers it: seen in the e2e run after a kill -9, where a tap on the
    first of two copies of the craving question was refused."""
    d = Driver()
    for _, value in route:
        d.cmd(value)
    first_copy = [c.data for c in d.buttons() if c.data.startswith("s")]
    stale = "s0:" + first_copy[0].split(":", 1)[1]
    d.send(m.Button(stale))
    assert "older message" in d.said()
    again = [c.data for c in d.buttons() if c.data.startswith("s")]
    assert again == first_copy  # the same question, the same stamp
    state = d.state
    d.send(m.Button(first_copy[0]))  # the earlier copy
    assert "older message" not in d.said()
    assert d.state != state or d.saved(m.DeleteClient)
