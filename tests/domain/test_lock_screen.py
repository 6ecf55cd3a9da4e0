"""Lock screens stay neutral whatever staff type: every reminder kind, rendered with the
longest and most revealing place or link staff could give a session, shows none of it in its
first 60 characters (what a phone's lock screen shows), in either language.

The place and link follow the reminder's neutral first lines; the whole message still has
them, so the person opening it knows where to go."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.domain.conversation.reminder_replies import ReminderView, render_reminder
from bot.domain.schedule.kinds import SESSION_KINDS, Kind
from bot.domain.staff_input import MAX_PLACE, check_place
from bot.locales import LANGUAGES

LOCK_SCREEN = 60
NY = "America/New_York"
# What staff might well type: a program's name, what it treats, a video link naming it.
REVEALING = (
    "Recovery Center for Addiction - Opioid Treatment Unit, 2nd floor, "
    "https://meet.example.org/iop-methadone-clinic?pwd=relapse-prevention "
    "(Substance Use Disorder Program, Dr. Alcohol Rehab Clinic)"
)
LINK = "https://zoom.us/j/98765432100?pwd=RecoveryTreatmentAddiction"
PLACES = (REVEALING, "x" * MAX_PLACE, LINK, "Clínica de Tratamiento de Adicciones, Sala 3")
# Never on a lock screen: the words of the test's places, and what names the care itself.
FORBIDDEN = (
    "recovery", "addiction", "treatment", "opioid", "methadone", "relapse", "rehab",
    "substance", "alcohol", "program", "clinic", "iop", "http", "www", "zoom", "meet",
    "tratamiento", "adicci", "recupera", "clínica", "programa", "sala",
    "floor", "unit", "center", "xxx",
)  # fmt: skip
SESSION_TYPES = ("group", "individual", "family")
# Starts whose clock reads shortest and longest (6:00 AM, 10:00 PM; 06:00, 22:00).
STARTS = (datetime(2026, 3, 3, 11, 0, tzinfo=UTC), datetime(2026, 3, 4, 3, 0, tzinfo=UTC))


def views(kind: Kind, lang: str) -> list[ReminderView]:
    """The kind's reminder with every revealing place, session type and start."""
    if kind not in SESSION_KINDS:
        return [ReminderView(7, kind, lang, NY, None, None, place, 5) for place in PLACES]
    return [
        ReminderView(7, kind, lang, NY, start, session, place, None)
        for place in PLACES
        for session in SESSION_TYPES
        for start in STARTS
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(Kind))
def test_no_staff_text_in_a_reminders_first_60_characters(kind: Kind, lang: str) -> None:
    for view in views(kind, lang):
        text = render_reminder(view).text
        head = text[:LOCK_SCREEN].lower()
        first_line = text.split("\n", 1)[0].lower()
        assert not [w for w in FORBIDDEN if w in head], head
        for word in re.findall(r"\w{4,}", (view.place or "").lower()):
            assert word not in head and word not in first_line, (word, head)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", SESSION_KINDS)
def test_the_place_is_still_in_the_message_after_its_first_lines(kind: Kind, lang: str) -> None:
    for view in views(kind, lang):
        text = render_reminder(view).text
        assert view.place is not None
        at = text.index(view.place)
        assert at > LOCK_SCREEN and text[:at].count("\n") >= 2
        assert text.endswith(view.place)  # nothing after a link (a full stop would join it)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_session_without_a_place_has_no_place_line(lang: str) -> None:
    view = ReminderView(7, Kind.SESSION_DAY_BEFORE, lang, NY, STARTS[0], "group")
    assert render_reminder(view).text.count("\n") == 1


def test_a_place_typed_over_several_lines_is_one_line() -> None:
    """Staff input is the only way in; it never carries a line break to the top."""
    assert check_place("Room 2\n\nRecovery   Center") == "Room 2 Recovery Center"
