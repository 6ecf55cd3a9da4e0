"""The checks both doors share (bot/domain/staff_input.py), table-driven."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain import staff_input as admin
from bot.domain.staff_input import AdminError

OK_DAYS = [
    ("mon", (0,)),
    ("mon,wed,thu", (0, 2, 3)),
    ("Monday,FRIDAY", (0, 4)),
    ("sun,mon,sun", (0, 6)),
    ("tue, thu", (1, 3)),
    ("sat,sunday", (5, 6)),
]


@pytest.mark.parametrize(("text", "days"), OK_DAYS)
def test_days(text: str, days: tuple[int, ...]) -> None:
    assert admin.parse_days(text) == days


@pytest.mark.parametrize("text", ["", ",", "fry", "mon,xyz", "lunes", "1", "mo"])
def test_bad_days(text: str) -> None:
    with pytest.raises(AdminError):
        admin.parse_days(text)


@pytest.mark.parametrize(
    ("text", "out"),
    [("18:00", "18:00"), ("9:30", "09:30"), ("00:00", "00:00"), ("23:59", "23:59")],
)
def test_times(text: str, out: str) -> None:
    assert admin.parse_time(text) == out


@pytest.mark.parametrize("text", ["24:00", "12:60", "1800", "18h", "-1:00", "", "7:5", "18:00:00"])
def test_bad_times(text: str) -> None:
    with pytest.raises(AdminError, match="start time"):
        admin.parse_time(text)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("5", True), ("600", True), ("180", True), ("4", False), ("601", False), ("0", False),
     ("-30", False), ("1.5", False), ("abc", False)],
)  # fmt: skip
def test_lengths(text: str, ok: bool) -> None:
    if ok:
        assert admin.parse_length(text) == int(text)
    else:
        with pytest.raises(AdminError, match="length"):
            admin.parse_length(text)


@pytest.mark.parametrize("text", ["2026-02-30", "20261203", "12/03/2026", "2026-12-3", "soon"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(AdminError, match="YYYY-MM-DD"):
        admin.parse_date(text)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("America/New_York", True), ("UTC", True), ("Europe/Madrid", True),
     ("Mars/Base", False), ("", False), ("../etc/passwd", False), ("EST5EDT ", True)],
)  # fmt: skip
def test_zones(text: str, ok: bool) -> None:
    if ok:
        assert admin.check_zone(text) == text.strip()
    else:
        with pytest.raises(AdminError, match="time zone"):
            admin.check_zone(text)


@pytest.mark.parametrize(
    ("text", "out"),
    [("Evening IOP", "Evening IOP"), ("  Evening   IOP ", "Evening IOP"), ("x" * 64, "x" * 64)],
)
def test_track_names(text: str, out: str) -> None:
    assert admin.check_track_name(text) == out


@pytest.mark.parametrize("text", ["", "   ", "x" * 65, "-x", "—x", "bad\x00name"])
def test_bad_track_names(text: str) -> None:
    with pytest.raises(AdminError, match="track name"):
        admin.check_track_name(text)


def test_place_and_kind() -> None:
    assert admin.check_place(None) is None
    assert admin.check_place("  ") is None
    assert admin.check_place("Room 4,  2nd floor") == "Room 4, 2nd floor"
    assert admin.check_place("x" * 200) == "x" * 200
    with pytest.raises(AdminError, match="at most 200"):
        admin.check_place("x" * 201)
    assert admin.check_kind("Group") == "group"
    with pytest.raises(AdminError, match="group, individual, family"):
        admin.check_kind("party")


@pytest.mark.parametrize(("text", "out"), [("12", 12), ("#12", 12), (" 3 ", 3)])
def test_session_ids(text: str, out: int) -> None:
    assert admin.parse_session_id(text) == out


@pytest.mark.parametrize("text", ["", "x", "-1", "1.0"])
def test_bad_session_ids(text: str) -> None:
    with pytest.raises(AdminError, match="session id"):
        admin.parse_session_id(text)


# 2026-12-03 03:00 UTC is still 2026-12-02 in New York and Los Angeles.
LATE_NIGHT = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "zone", "ok"),
    [(date(2026, 12, 2), "America/New_York", True),  # today there
     (date(2026, 12, 1), "America/New_York", False),
     (date(2026, 12, 2), "Europe/Madrid", False),  # already the 3rd in Madrid
     (date(2026, 12, 3), "Europe/Madrid", True)],
)  # fmt: skip
def test_once_not_past(day: date, zone: str, ok: bool) -> None:
    if ok:
        admin.once_not_past(day, zone, LATE_NIGHT)
    else:
        with pytest.raises(AdminError, match="in the past"):
            admin.once_not_past(day, zone, LATE_NIGHT)


@pytest.mark.parametrize(
    ("args", "out"),
    [((0, None, "18:00", 180, "America/New_York"), "Mon 18:00-21:00 America/New_York"),
     ((None, date(2026, 12, 3), "10:00", 50, "UTC"), "2026-12-03 10:00-10:50 UTC"),
     ((6, None, "23:30", 60, "UTC"), "Sun 23:30-00:30 (+1 day) UTC")],
)  # fmt: skip
def test_describe_when(args: tuple[int | None, date | None, str, int, str], out: str) -> None:
    assert admin.describe_when(*args) == out


@pytest.mark.parametrize(
    ("day", "start", "ok"),
    [(date(2026, 12, 2), "22:01", True),  # later tonight in New York (it is 22:00 there)
     (date(2026, 12, 2), "22:00", False),  # starting this minute: no reminder could go
     (date(2026, 12, 2), "09:00", False),  # ended this morning
     (date(2026, 12, 3), "00:00", True)],
)  # fmt: skip
def test_a_one_off_session_that_already_began_is_refused(day: date, start: str, ok: bool) -> None:
    if ok:
        admin.once_not_past(day, "America/New_York", LATE_NIGHT, start)
    else:
        with pytest.raises(AdminError, match=f"{start} is in the past .it is 22:00 in"):
            admin.once_not_past(day, "America/New_York", LATE_NIGHT, start)


MON_18 = admin.Slot(0, None, "18:00", 180, "group")


@pytest.mark.parametrize(
    ("new", "found"),
    [(MON_18, "duplicate"),
     (admin.Slot(0, None, "18:00", 60, "group"), "duplicate"),  # same start: reminders twice
     (admin.Slot(0, None, "18:00", 60, "family"), "overlap"),
     (admin.Slot(0, None, "20:59", 30, "individual"), "overlap"),
     (admin.Slot(0, None, "17:00", 61, "group"), "overlap"),
     (admin.Slot(0, None, "21:00", 60, "group"), None),  # right after
     (admin.Slot(0, None, "17:00", 60, "group"), None),  # right before
     (admin.Slot(1, None, "18:00", 180, "group"), None),  # another day
     (admin.Slot(None, date(2026, 12, 7), "19:00", 60, "family"), "overlap"),  # a Monday
     (admin.Slot(None, date(2026, 12, 8), "19:00", 60, "family"), None)],  # a Tuesday
)  # fmt: skip
def test_clashes_with_a_weekly_session(new: admin.Slot, found: str | None) -> None:
    assert admin.clash(new, MON_18) == found


def test_one_off_sessions_clash_on_their_date_only() -> None:
    once = admin.Slot(None, date(2026, 12, 7), "18:00", 60, "group")
    assert admin.clash(once, once) == "duplicate"
    assert admin.clash(admin.Slot(None, date(2026, 12, 14), "18:00", 60, "group"), once) is None
    assert admin.clash(MON_18, once) == "overlap"  # a weekly one on that weekday


@pytest.mark.parametrize(
    ("text", "ok"),
    [("30d", True), ("720h", True), ("43200m", True),
     ("31d", False), ("721h", False), ("10000d", False)],
)  # fmt: skip
def test_an_invite_is_valid_for_at_most_30_days(text: str, ok: bool) -> None:
    if ok:
        assert admin.parse_duration(text).days == 30
    else:
        with pytest.raises(AdminError, match="at most 30d"):
            admin.parse_duration(text)
