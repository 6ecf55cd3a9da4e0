"""The program report: each flag on both sides of its boundary, and the output.

The flags: docs/clinical.md, Report flags."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.domain.insights import (
    FLAG_CRAVING,
    FLAG_MEDICATION,
    FLAG_MISSED,
    FLAG_SLEEP,
    REPORT_COLUMNS,
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
