"""The program report: each flag on both sides of its boundary, and the output.

The flags: docs/clinical.md, Report flags."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.domain.insights import (
    DIGEST_DAYS,
    FLAG_CRAVING,
    FLAG_MEDICATION,
    FLAG_MISSED,
    FLAG_SLEEP,
    REPORT_COLUMNS,
    digest_flags,
    report_csv_row,
    report_md_table,
    report_row,
)
from bot.domain.insights.history import CheckInRecord, ClientHistory, CrisisRecord

TODAY = date(2026, 5, 20)
SINCE = TODAY - timedelta(days=30)
ALL_DAYS = range(0, 40)  # a check-in every day from well before the window, so none is missed


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


def client(
    marked: dict[int, dict[str, Any]], done: range | tuple[int, ...] = ALL_DAYS
) -> ClientHistory:
    """Check-ins on the days `done` (days ago), with `marked` days' answers set."""
    records = tuple(CheckInRecord(day=day(n), **marked.get(n, {})) for n in done)
    enrolled = datetime(2026, 4, 1, 14, tzinfo=UTC)
    return ClientHistory(1, "C-1", "America/Chicago", enrolled, checkins=records)


def flags_of(h: ClientHistory, since: date = SINCE) -> list[str]:
    return report_row(h, since, TODAY).flags


def test_a_calm_record_raises_no_flag() -> None:
    assert flags_of(client({})) == []


@pytest.mark.parametrize(
    ("cravings", "fires"),
    [
        ({5: 8, 4: 8}, True),
        ({5: 10, 4: 9}, True),
        ({5: 7, 4: 8}, False),
        ({5: 8, 4: 7}, False),
        ({6: 8, 4: 8}, False),  # a day between: not running
        ({1: 8, 0: 8}, True),  # yesterday and today
    ],
)
def test_craving_eight_two_days_running(cravings: dict[int, int], fires: bool) -> None:
    h = client({n: {"craving": c} for n, c in cravings.items()})
    assert (FLAG_CRAVING in flags_of(h)) is fires


def test_craving_pair_must_be_in_the_window() -> None:
    h = client({31: {"craving": 9}, 32: {"craving": 9}})
    assert FLAG_CRAVING in flags_of(h, day(32))
    assert FLAG_CRAVING not in flags_of(h, day(31))  # one of the two is before the window


def test_craving_high_day_without_a_checkin_between() -> None:
    h = client({5: {"craving": 9}, 3: {"craving": 9}}, done=tuple(n for n in ALL_DAYS if n != 4))
    assert FLAG_CRAVING not in flags_of(h)


@pytest.mark.parametrize(("apart", "fires"), [(1, True), (6, True), (7, False), (8, False)])
def test_two_missed_medication_days_in_seven(apart: int, fires: bool) -> None:
    h = client({10: {"medication": "missed"}, 10 - apart: {"medication": "missed"}})
    assert (FLAG_MEDICATION in flags_of(h)) is fires


def test_unsure_medication_is_not_missed() -> None:
    h = client({10: {"medication": "missed"}, 9: {"medication": "unsure"}})
    assert FLAG_MEDICATION not in flags_of(h)


@pytest.mark.parametrize(
    ("nights", "fires"),
    [((10, 7, 4), True), ((12, 9, 6), True), ((12, 9, 5), False), ((10, 4), False)],
)
def test_poor_sleep_three_times_in_a_week(nights: tuple[int, ...], fires: bool) -> None:
    h = client({n: {"sleep": "poor"} for n in nights})
    assert (FLAG_SLEEP in flags_of(h)) is fires


@pytest.mark.parametrize(
    ("missing", "fires"),
    [
        ((1, 2), True),
        ((0, 1, 2), True),
        ((0, 1), False),  # today is not due yet, and the day before yesterday was done
        ((2, 3), False),
        ((1, 3), False),
    ],
)
def test_two_missed_checkins_in_a_row(missing: tuple[int, ...], fires: bool) -> None:
    h = client({}, done=tuple(n for n in ALL_DAYS if n not in missing))
    assert (FLAG_MISSED in flags_of(h)) is fires


def test_missed_checkins_need_two_days_of_enrollment() -> None:
    enrolled = datetime(2026, 5, 19, 14, tzinfo=UTC)  # yesterday: only one day could be missed
    h = ClientHistory(1, "C-1", "America/Chicago", enrolled)
    assert FLAG_MISSED not in flags_of(h)
    h = ClientHistory(1, "C-1", "America/Chicago", enrolled - timedelta(days=1))
    assert FLAG_MISSED in flags_of(h)


def test_flags_come_in_the_order_of_the_rules() -> None:
    marked: dict[int, dict[str, Any]] = {
        3: {"craving": 9, "medication": "missed", "sleep": "poor"},
        4: {"craving": 9, "medication": "missed", "sleep": "poor"},
        5: {"sleep": "poor"},
    }
    h = client(marked, done=tuple(n for n in ALL_DAYS if n not in (1, 2)))
    assert flags_of(h) == [FLAG_CRAVING, FLAG_MEDICATION, FLAG_SLEEP, FLAG_MISSED]


def test_window_figures() -> None:
    marked = {2: {"craving": 3}, 3: {"craving": 4}, 35: {"craving": 10}}
    h = client(marked, done=(2, 3, 5, 35))
    row = report_row(h, day(9), TODAY)
    assert row.checkin_completion == 0.3  # 3 of the 10 days from day(9) to today
    assert (row.craving_mean, row.craving_peak) == (3.5, 4)  # day 35 is outside the window
    assert row.days_enrolled == 50  # April 1 to May 20


# ---- output ---------------------------------------------------------------------------------


def sample() -> ClientHistory:
    h = client({1: {"craving": 8, "substance_use": "alcohol"}, 2: {"craving": 9}})
    crises = (
        CrisisRecord(datetime(2026, 5, 18, 15, tzinfo=UTC), 3),
        CrisisRecord(datetime(2026, 5, 10, 15, tzinfo=UTC), 1),
    )
    return ClientHistory(
        2,
        "C-a|b",
        h.timezone,
        h.enrolled_at,
        status="stopped",
        last_contact=datetime(2026, 5, 19, 22, 5, tzinfo=UTC),
        checkins=h.checkins,
        crises=crises,
    )


def test_csv_row_has_one_cell_per_column() -> None:
    row = report_row(sample(), SINCE, TODAY)
    cells = report_csv_row(row)
    assert len(cells) == len(REPORT_COLUMNS) and REPORT_COLUMNS[0] == "pseudo_id"
    by_name = dict(zip(REPORT_COLUMNS, cells, strict=True))
    assert by_name["crisis_by_tier"] == "1=1;3=1"
    assert by_name["lapses"] == "1"
    assert by_name["status"] == "stopped"
    assert by_name["last_contact"] == "2026-05-19T22:05+00:00"
    assert by_name["flags"] == FLAG_CRAVING
    assert by_name["attendance"] == ""
    out = io.StringIO()
    csv.writer(out).writerow(cells)
    assert next(csv.reader(io.StringIO(out.getvalue()))) == cells


def test_empty_values_are_empty_cells() -> None:
    h = ClientHistory(3, "C-3", "UTC", datetime(2026, 5, 1, tzinfo=UTC))
    by_name = dict(zip(REPORT_COLUMNS, report_csv_row(report_row(h, SINCE, TODAY)), strict=True))
    assert by_name["craving_mean"] == by_name["craving_peak"] == by_name["last_contact"] == ""
    assert by_name["checkin_completion"] == "0.0"


def test_markdown_table() -> None:
    rows = [report_row(sample(), SINCE, TODAY), report_row(client({}), SINCE, TODAY)]
    lines = report_md_table(rows).splitlines()
    assert len(lines) == 4
    assert lines[0] == "| " + " | ".join(REPORT_COLUMNS) + " |"
    assert lines[1].count("---") == len(REPORT_COLUMNS)
    assert lines[2].startswith("| C-a\\|b | ")  # a "|" inside a cell cannot split it
    assert report_md_table([]).count("\n") == 1


# ---- crisis notices: how many, taken by whom and how soon, repeats ----------------------------


def notice(at: datetime, tier: int = 1, **more: Any) -> CrisisRecord:
    return CrisisRecord(at, tier, noticed_at=more.pop("noticed_at", at), **more)


def test_notices_taken_by_whom_how_soon_and_repeats() -> None:
    at = datetime(2026, 5, 18, 15, tzinfo=UTC)
    crises = (
        notice(at, ack_name="Dana", ack_at=at + timedelta(minutes=7, seconds=59), notices=0),
        notice(at + timedelta(days=1), 2, notices=3),  # never taken, three repeats
        notice(
            at + timedelta(hours=2),
            ack_name="Lee",
            ack_at=at + timedelta(hours=3, minutes=5),
            notices=4,
        ),
        notice(
            at + timedelta(hours=5), ack_name="Ana", ack_at=at + timedelta(hours=5, seconds=20)
        ),
        CrisisRecord(at, 3),  # a lapse: recorded, no notice
        CrisisRecord(at, 1),  # tier 1 without a staff chat: no notice
        notice(datetime(2026, 4, 10, 15, tzinfo=UTC), ack_name="Old", ack_at=at, notices=2),
    )
    h = ClientHistory(4, "C-4", "America/Chicago", datetime(2026, 4, 1, tzinfo=UTC), crises=crises)
    row = report_row(h, SINCE, TODAY)  # the April notice is before the window
    assert (row.crisis_notices, row.notices_taken, row.notice_repeats) == (4, 3, 7)
    assert row.taken_by == ["Dana (7 min)", "Lee (65 min)", "Ana (<1 min)"]
    by_name = dict(zip(REPORT_COLUMNS, report_csv_row(row), strict=True))
    assert by_name["taken_by"] == "Dana (7 min); Lee (65 min); Ana (<1 min)"
    assert (by_name["crisis_notices"], by_name["notices_taken"]) == ("4", "3")
    assert by_name["crisis_by_tier"] == "1=4;2=1;3=1"  # every detection, noticed or not


def test_the_new_columns_come_after_the_old_ones() -> None:
    """Appended: a spreadsheet or script reading the earlier columns by position still works."""
    assert REPORT_COLUMNS[:13] == (
        "pseudo_id", "label", "counselor", "days_enrolled", "checkin_completion", "craving_mean",
        "craving_peak", "lapses", "crisis_by_tier", "attendance", "status", "last_contact",
        "flags",
    )  # fmt: skip
    assert REPORT_COLUMNS[13:] == ("crisis_notices", "notices_taken", "taken_by", "notice_repeats")


# ---- the daily digest: the same rules over the last seven days -------------------------------


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ({1: {"craving": 9}, 0: {"craving": 8}}, [FLAG_CRAVING]),
        ({6: {"craving": 9}, 5: {"craving": 8}}, [FLAG_CRAVING]),  # both in the last 7 days
        ({7: {"craving": 9}, 6: {"craving": 8}}, []),  # one of them is 8 days ago
        ({6: {"medication": "missed"}, 0: {"medication": "missed"}}, [FLAG_MEDICATION]),
        ({7: {"medication": "missed"}, 1: {"medication": "missed"}}, []),
        ({n: {"sleep": "poor"} for n in (0, 3, 6)}, [FLAG_SLEEP]),
        ({n: {"sleep": "poor"} for n in (3, 6, 7)}, []),
    ],
)
def test_digest_flags_read_the_last_seven_days(
    marked: dict[int, dict[str, Any]], expected: list[str]
) -> None:
    assert DIGEST_DAYS == 7
    h = client(marked)
    assert digest_flags(h, TODAY) == expected
    # The same as the report's flags column for a window of those seven days.
    assert digest_flags(h, TODAY) == flags_of(h, day(DIGEST_DAYS - 1))


def test_digest_flags_missed_checkins_and_enrollment() -> None:
    missed = client({}, done=tuple(n for n in ALL_DAYS if n not in (1, 2)))
    assert digest_flags(missed, TODAY) == [FLAG_MISSED]
    # Enrolled two days ago (Chicago): the two days before today are both enrolled days.
    new = ClientHistory(5, "C-5", "America/Chicago", datetime(2026, 5, 18, 14, tzinfo=UTC))
    assert digest_flags(new, TODAY) == [FLAG_MISSED]
    assert digest_flags(new, TODAY - timedelta(days=1)) == []  # yesterday: only one day in
