"""One style per language for what the client reads, from Babel: times ('8:00 PM' / '20:00'),
dates ('Thursday, November 26, 2026'), zones by place and name, never 'America/New_York' or
an ISO date, lists with 'and' / 'y'."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.reminder_replies import ReminderView, render_reminder
from tests.domain.helpers import NOW, Driver

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
RAW_ZONE = re.compile(r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+")
EN_TIME = re.compile(r"\b\d{1,2}:\d{2}(?! [AP]M)\b")  # an English time without AM/PM


def driver(lang: str, zone: str = "America/Puerto_Rico") -> Driver:
    profile = m.Profile(status="active", timezone=zone, language=lang, checkin_time="20:00")
    return Driver(ctx=m.Ctx(now=NOW, profile=profile))


@pytest.mark.parametrize(
    ("lang", "time", "zone"),
    [("en", "8:00 PM", "Puerto Rico (Atlantic Time)"),
     ("es", "20:00", "Puerto Rico (hora del Atlántico)")],
)  # fmt: skip
def test_settings_show_the_time_and_zone_in_the_clients_style(
    lang: str, time: str, zone: str
) -> None:
    d = driver(lang)
    d.cmd("settings")
    said = d.said()
    assert time in said and zone in said, said
    assert not RAW_ZONE.search(said)
    if lang == "en":
        assert not EN_TIME.search(said), said


@pytest.mark.parametrize(
    ("lang", "date"),
    [("en", "Thursday, November 26, 2026"), ("es", "jueves, 26 de noviembre de 2026")],
)
def test_today_names_the_day_in_words(lang: str, date: str) -> None:
    d = driver(lang)
    d.cmd("today")
    assert date in d.said() and not ISO_DATE.search(d.said())


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("en", ["8:00 AM", "12:00 PM", "6:00 PM", "8:00 PM", "9:00 PM"]),
     ("es", ["8:00", "12:00", "18:00", "20:00", "21:00"])],
)  # fmt: skip
def test_checkin_time_buttons_and_the_zone_echo(lang: str, labels: list[str]) -> None:
    d = driver(lang)
    d.cmd("settings")
    d.tap("time")
    shown = [c.label for c in d.buttons()]
    assert shown[: len(labels)] == labels
    d.cmd("cancel")
    d.cmd("settings")
    d.tap("timezone")
    d.text("Chicago")
    said = d.said()
    assert not RAW_ZONE.search(said) and ("Central Time" in said or "hora central" in said)
    local = "12:00 PM" if lang == "en" else "12:00"  # 18:00 UTC
    assert local in said


@pytest.mark.parametrize(("lang", "joined"), [("en", ", and "), ("es", " y ")])
def test_chosen_triggers_read_as_a_list(lang: str, joined: str) -> None:
    d = driver(lang)
    d.cmd("trigger")
    for typed in ("payday traffic", "my brother", "the rain"):
        d.text(typed)
    assert joined + "the rain" in d.said()


@pytest.mark.parametrize(("lang", "clock"), [("en", "6:00 PM"), ("es", "18:00")])
def test_reminder_times(lang: str, clock: str) -> None:
    start = datetime(2026, 11, 27, 23, 0, tzinfo=UTC)  # 18:00 in New York
    view = ReminderView(1, "session_day_before", lang, "America/New_York", start, "group")
    assert f" {clock}:" in render_reminder(view).text
