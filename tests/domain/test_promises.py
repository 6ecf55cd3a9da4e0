"""Only true promises: a text that says staff will know is only ever the `told` half of an
`IfStaffTold`, which the service pairs with the staff notice and the door sends only once the
staff chat accepted it. Its `untold` half asks the person to call their program."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import locales
from bot.domain.conversation import model as m
from bot.domain.conversation.reminder_replies import attendance_button
from bot.locales import LANGUAGES, t

# What says, in either language, that the program will hear of something.
PROMISE_WORDS = ("will know", "lo sabrá", "letting us know", "we'll tell", "le avisaremos")
# The keys allowed to say so, each the `told` of an IfStaffTold.
PROMISE_KEYS = {"att.thanks.cant", "att.thanks.late"}
CTX = m.Ctx(now=datetime(2026, 3, 2, 17, 0, tzinfo=UTC))


def test_only_the_attendance_thanks_promise_anything() -> None:
    saying = {
        key
        for lang in LANGUAGES
        for key, text in locales.catalog(lang).items()
        if any(w in text.lower() for w in PROMISE_WORDS)
    }
    assert saying <= PROMISE_KEYS, saying - PROMISE_KEYS


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("answer", ["late", "cant"])
def test_late_or_absent_hangs_the_thanks_on_the_notice(lang: str, answer: str) -> None:
    out = attendance_button(m.State.MENU, {}, f"12:{answer}", CTX, lang)
    assert out.effects[0] == m.SaveAttendance(12, answer)
    [told] = out.effects[1:]
    assert isinstance(told, m.IfStaffTold)
    assert told.told.text == t(lang, f"att.thanks.{answer}")
    assert told.untold.text == t(lang, f"att.untold.{answer}")
    assert not any(w in told.untold.text.lower() for w in PROMISE_WORDS)
    assert ("program" if lang == "en" else "programa") in told.untold.text
    assert not [e for e in out.effects if isinstance(e, m.Reply)]  # no promise said outright


@pytest.mark.parametrize("lang", LANGUAGES)
def test_there_promises_nothing_and_needs_no_notice(lang: str) -> None:
    out = attendance_button(m.State.MENU, {}, "12:there", CTX, lang)
    assert out.effects == [m.SaveAttendance(12, "there"), m.Reply(t(lang, "att.thanks.there"))]
