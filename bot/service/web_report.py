"""The web view's report: the program report for a date range, on screen and as CSV, and
the audit log; each reading audited in the transaction that reads.

A counselor's report has their own clients' rows only; the audit log is for admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.domain.insights import REPORT_COLUMNS, ReportRow, report_csv_row
from bot.domain.staff_input import OptionError
from bot.locales.formats import counted
from bot.service import report
from bot.service.clock import Clock
from bot.service.staff import StaffDesk
from bot.service.web_auth import Viewer
from bot.store import audit
from bot.store.database import Database


@dataclass(frozen=True)
class Report:
    """The rows of a date range (`since` to `until`, program-local days, both included)."""

    since: date
    until: date
    rows: list[ReportRow]

    @property
    def columns(self) -> tuple[str, ...]:
        return REPORT_COLUMNS

    def cells(self) -> list[list[str]]:
        """Each row's cells as text, in `columns` order (as the CSV has them)."""
        return [report_csv_row(r) for r in self.rows]

    def csv(self) -> str:
        return report.render_report(self.rows, "csv")


class ReportDesk:
    """Report and audit log for one signed-in staff member, audited as them."""

    def __init__(self, db: Database, settings: Settings, clock: Clock, viewer: Viewer) -> None:
        self.db, self.settings, self.clock, self.viewer = db, settings, clock, viewer

    def today(self) -> date:
        return self.clock().astimezone(ZoneInfo(self.settings.program_timezone)).date()

    async def report(self, since: date, until: date, fmt: str = "screen") -> Report:
        """The report from `since` to `until` ("screen" or "csv" is what the audit entry
        says). OptionError ("since", "until"): a range that ends before it starts, or a start
        after today."""
        today = self.today()
        if since > today:
            raise OptionError("since", f"{since} is after today ({today})")
        if until < since:
            raise OptionError("until", f"{until} is before the start, {since}")
        now, days = self.clock(), self.settings.program_length_days
        async with self.db.transaction() as s:
            rows = await report.report_rows(s, since, now, program_days=days, until=until)
            rows = [r for r in rows if self.viewer.sees(r.counselor)]
            detail = f"web {since} to {until}, {counted(len(rows), 'row', 'rows')}, {fmt}"
            await audit.record(s, self.viewer.actor, "report", "all", detail, now)
        return Report(since, until, rows)

    async def audit_lines(self, since: date | None) -> list[str]:
        """The audit log since `since` (`StaffDesk.audit_lines`, itself audited)."""
        desk = StaffDesk(self.db, self.settings, self.clock, actor=self.viewer.actor)
        return await desk.audit_lines(since)
