"""The checks both doors share (bot/domain/staff_input.py), table-driven."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain import staff_input as admin
from bot.domain.staff_input import EDIT_OPTIONS, AdminError, SessionEdit

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
     ("Mars/Base", False), ("", False), ("../etc/passwd", False), ("EST5EDT ", False)],
)  # fmt: skip
def test_zones(text: str, ok: bool) -> None:
    if ok:
        assert admin.check_zone(text) == text.strip()
    else:
        with pytest.raises(AdminError, match="time zone"):
            admin.check_zone(text)


# What staff (and clients) call a zone, mapped to the IANA zone of the place: never IANA's
# fixed "EST" (UTC-5 all year), which is an hour off for eight months of the year.
ALIASES = [
    ("EST", "America/New_York"), ("edt", "America/New_York"), ("eastern", "America/New_York"),
    ("Eastern Time", "America/New_York"), ("Eastern Standard Time", "America/New_York"),
    ("Eastern Time (US & Canada)", "America/New_York"), ("hora del este", "America/New_York"),
    ("CST", "America/Chicago"), ("central", "America/Chicago"),
    ("Hora estándar del Centro", "America/Chicago"),
    ("PST", "America/Los_Angeles"), ("pacific", "America/Los_Angeles"),
    ("Hora del Pacífico", "America/Los_Angeles"),
    ("MST", "America/Denver"), ("mountain", "America/Denver"),
    ("hora de la montaña", "America/Denver"),
    ("AKST", "America/Anchorage"), ("HST", "Pacific/Honolulu"), ("hawaii", "Pacific/Honolulu"),
    ("chicago", "America/Chicago"), ("new york", "America/New_York"),
    ("america/los_angeles", "America/Los_Angeles"), ("La Paz", "America/La_Paz"),
    ("Etc/UTC", "UTC"), ("utc", "UTC"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "zone"), ALIASES)
def test_zone_aliases_map_to_the_place(text: str, zone: str) -> None:
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from bot.domain.conversation.parse import parse_timezone

    assert admin.check_zone(text) == zone
    # The same table on the client's side (which has no use for UTC).
    assert parse_timezone(text) == (zone if zone != "UTC" else None)
    if zone in ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                "America/Anchorage"):  # fmt: skip
        summer = datetime(2026, 7, 1, tzinfo=UTC).astimezone(ZoneInfo(zone)).utcoffset()
        winter = datetime(2026, 1, 1, tzinfo=UTC).astimezone(ZoneInfo(zone)).utcoffset()
        assert summer == winter + timedelta(hours=1)  # daylight saving, unlike IANA's "EST"


@pytest.mark.parametrize(
    ("text", "line"),
    [("UTC-5", "'UTC-5' is a fixed offset (UTC-5 all year, no daylight saving), not a place's "
               "time zone; use the IANA name of the place, e.g. America/New_York"),
     ("GMT-6", "e.g. America/Chicago"),
     ("Etc/GMT+5", "(UTC-5 all year"),  # POSIX's sign, reversed
     ("Etc/GMT+8", "e.g. America/Los_Angeles"),
     ("-05:00", "e.g. America/New_York"),
     ("UTC+5:30", "(UTC+5:30 all year"),
     ("GMT+3", "Area/City, such as Europe/Madrid"),
     ("GMT", "e.g. Europe/London (or UTC itself)"),
     ("EST5EDT", "'EST5EDT' is a daylight-saving rule, not a place's time zone; use the IANA "
                 "name of the place, e.g. America/New_York"),
     ("PST8PDT", "e.g. America/Los_Angeles"),
     ("CET", "'CET' is not a place's time zone"),
     ("Mars/Base", "unknown time zone 'Mars/Base'")],
)  # fmt: skip
def test_fixed_offsets_and_rules_are_refused_naming_the_zone_to_use(text: str, line: str) -> None:
    from bot.domain.conversation.parse import parse_timezone

    with pytest.raises(AdminError) as caught:
        admin.check_zone(text)
    assert line in str(caught.value) and "\n" not in str(caught.value)
    assert parse_timezone(text) is None


def test_program_timezone_has_the_same_rule() -> None:
    from bot.config import ConfigError, load_settings

    assert load_settings(program_timezone="EST", _env_file=None).program_timezone == (
        "America/New_York"
    )
    assert load_settings(program_timezone="UTC", _env_file=None).program_timezone == "UTC"
    with pytest.raises(ConfigError, match=r"^PROGRAM_TIMEZONE: 'UTC-5' is a fixed offset"):
        load_settings(program_timezone="UTC-5", _env_file=None)


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


# ---- session edit, skip and invites by name -------------------------------------------------


def edit_of(text: str) -> tuple[str, SessionEdit]:
    """`/session_edit text` as the staff commands' one parser reads it, then checked."""
    from tests.admin.test_commands import telegram

    args = telegram("session_edit", text)
    return args.id, admin.session_edit({name: getattr(args, name) for name in EDIT_OPTIONS})


@pytest.mark.parametrize(
    ("words", "edit"),
    [("12 --start 19:00", ("12", SessionEdit(start="19:00"))),
     ("#12 --weekly Tuesday --length 90", ("#12", SessionEdit(length=90, weekday=1))),
     ("3 --once 2026-12-24 --kind family", ("3", SessionEdit(kind="family",
                                                            once=date(2026, 12, 24)))),
     ("3 --place Room 5, 2nd floor", ("3", SessionEdit(place="Room 5, 2nd floor"))),
     ("3 --place -", ("3", SessionEdit(clear_place=True))),
     ("3 —place none", ("3", SessionEdit(clear_place=True)))],
)  # fmt: skip
def test_session_edit_words(words: str, edit: tuple[str, SessionEdit]) -> None:
    assert edit_of(words) == edit


def test_session_edit_from_argparse_clears_a_blank_place() -> None:
    opts = {"kind": None, "start": None, "length": None, "weekly": None, "once": None,
            "place": ""}  # fmt: skip
    assert admin.session_edit(opts) == SessionEdit(clear_place=True)


@pytest.mark.parametrize(
    ("words", "message"),
    [("", "the following arguments are required: ID"),
     ("12", "nothing to change; give --kind, --weekly, --once, --start, --length, --place"),
     ("12 --weekly mon,wed", "a session meets on one day; give one day to --weekly"),
     ("12 --weekly mon --once 2026-12-24", "give --weekly DAY or --once YYYY-MM-DD, not both"),
     ("12 --start 25:00", "invalid start time '25:00'"),
     ("12 --track Evening", "unrecognized arguments: --track Evening"),
     ("12 --place " + "x" * 201, "at most 200")],
)  # fmt: skip
def test_bad_session_edits(words: str, message: str) -> None:
    with pytest.raises(AdminError) as caught:
        edit_of(words)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_session_id_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(AdminError, match="invalid session id 'twelve'"):
        admin.parse_session_id("twelve")


NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # Thursday, 13:00 in New York


@pytest.mark.parametrize(
    ("weekday", "once", "day", "start", "message"),
    [(4, None, date(2026, 11, 27), "18:00", None),
     (3, None, date(2026, 11, 26), "18:00", None),  # today, not begun
     (3, None, date(2026, 11, 26), "12:00", "2026-11-26 12:00 is in the past"),
     (3, None, date(2026, 11, 19), "18:00", "date 2026-11-19 is in the past"),
     (4, None, date(2026, 11, 28), "18:00", "2026-11-28 is a Saturday; session #7 meets on "
                                            "Fridays"),
     (None, date(2026, 12, 3), date(2026, 12, 3), "18:00",
      "session #7 meets once (2026-12-03); remove it instead")],
)  # fmt: skip
def test_skip_dates(
    weekday: int | None, once: date | None, day: date, start: str, message: str | None
) -> None:
    if message is None:
        admin.check_skip(7, weekday, once, day, "America/New_York", NOW, start)
    else:
        with pytest.raises(AdminError) as caught:
            admin.check_skip(7, weekday, once, day, "America/New_York", NOW, start)
        assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "ref"),
    [("#12", ("id", "12")), (" c-3F9A1B2C ", ("client", "c-3f9a1b2c")),
     ("k7Hq2mXp9Rtb", ("code", "k7Hq2mXp9Rtb")),
     ("https://t.me/YourBot?start=k7Hq2mXp9Rtb", ("code", "k7Hq2mXp9Rtb"))],
)  # fmt: skip
def test_invite_refs(text: str, ref: tuple[str, str]) -> None:
    assert admin.parse_invite_ref(text) == ref


@pytest.mark.parametrize("text", ["", "  ", "a code", "https://t.me/YourBot?start=", "#"])
def test_bad_invite_refs(text: str) -> None:
    with pytest.raises(AdminError, match="name the invite by its client id"):
        admin.parse_invite_ref(text)
