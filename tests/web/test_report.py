"""The Report page: a date range on screen and as CSV, a counselor's own rows only, and the
audit log for admins."""

from __future__ import annotations

import csv
import io
import re

import httpx
from sqlalchemy import select

from bot.service.backend import Backend
from bot.store.models import AuditEntry
from tests.web.conftest import ADMIN, DANA, add_client, sign_in


async def _seed(backend: Backend) -> None:
    await add_client(backend.db, "c-00000001", "Dana R", checkins={1: 9, 2: 9, 10: 3})
    await add_client(backend.db, "c-00000002", "Sam K", checkins={1: 2})


async def test_a_range_on_screen_and_as_csv(web: httpx.AsyncClient, backend: Backend) -> None:
    await _seed(backend)
    await sign_in(web, backend, ADMIN)
    page = await web.get("/report", params={"since": "2026-11-20", "until": "2026-11-24"})
    assert page.status_code == 200 and "2 clients, 2026-11-20 to 2026-11-24" in page.text
    csv_file = await web.get("/report.csv", params={"since": "2026-11-20", "until": "2026-11-24"})
    assert csv_file.headers["content-type"].startswith("text/csv")
    assert 'filename="report-2026-11-20-to-2026-11-24.csv"' in csv_file.headers[
        "content-disposition"
    ]
    rows = list(csv.DictReader(io.StringIO(csv_file.text)))
    assert [r["pseudo_id"] for r in rows] == ["c-00000001", "c-00000002"]
    # NOW is 2026-11-26: the range ends on the 24th, so the cravings of 9 on the 24th and
    # 25th count only the first; the 16th (10 days ago) is before the range.
    first = rows[0]
    assert (first["craving_peak"], first["checkin_completion"]) == ("9", "0.2")
    whole = list(csv.DictReader(io.StringIO((await web.get(
        "/report.csv", params={"since": "2026-11-20"})).text)))  # fmt: skip
    assert whole[0]["flags"].startswith("craving>=8 two days running")
    async with backend.db.transaction() as s:
        details = list(await s.scalars(select(AuditEntry.detail)
                                       .where(AuditEntry.action == "report")))  # fmt: skip
    assert details == ["web 2026-11-20 to 2026-11-24, 2 rows, screen",
                       "web 2026-11-20 to 2026-11-24, 2 rows, csv",
                       "web 2026-11-20 to 2026-11-26, 2 rows, csv"]  # fmt: skip


async def test_a_counselor_gets_their_own_rows_and_no_audit_log(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    await sign_in(web, backend, DANA)
    rows = list(csv.DictReader(io.StringIO((await web.get("/report.csv")).text)))
    assert [r["pseudo_id"] for r in rows] == ["c-00000001"]
    assert (await web.get("/audit")).status_code == 403


async def test_a_bad_range_is_refused_next_to_the_field(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await sign_in(web, backend, ADMIN)
    backwards = await web.get("/report", params={"since": "2026-11-20", "until": "2026-11-10"})
    assert backwards.status_code == 400
    assert 'id="report-until-error" role="alert">2026-11-10 is before the start' in (
        backwards.text
    )
    future = await web.get("/report", params={"since": "2026-12-20"})
    assert 'id="report-since-error" role="alert">2026-12-20 is after today' in future.text
    typo = await web.get("/report", params={"since": "20/11/2026"})
    assert "20/11/2026 is not a date; use YYYY-MM-DD" in typo.text


async def test_an_admin_reads_the_audit_log_and_that_is_audited(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    await sign_in(web, backend, DANA)
    await web.get("/clients/c-00000001")
    await sign_in(web, backend, ADMIN)
    first = (await web.get("/audit")).text
    assert "staff:7102" in first and "view" in first and "c-00000001" in first
    again = (await web.get("/audit", params={"since": "2026-11-26"})).text
    assert re.search(r"staff:7101 +audit +all +whole log", again)  # the first reading


async def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """A label or counselor typed as '=HYPERLINK(...)' (or starting +, -, @) opens in a
    spreadsheet as text: a leading apostrophe (OWASP's CSV injection advice); numbers stay."""
    await add_client(backend.db, "c-00000001", "@Dana", label='=HYPERLINK("x")',
                     checkins={1: 9})  # fmt: skip
    await sign_in(web, backend, ADMIN)
    rows = list(csv.DictReader(io.StringIO((await web.get("/report.csv")).text)))
    assert (rows[0]["label"], rows[0]["counselor"]) == ("'=HYPERLINK(\"x\")", "'@Dana")
    assert rows[0]["craving_peak"] == "9"
