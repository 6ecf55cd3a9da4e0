"""The Report page (a date range, on screen and as CSV) and the audit log (admins)."""

from __future__ import annotations

from datetime import date, timedelta

from starlette.requests import Request
from starlette.responses import Response

from bot.domain.staff_input import AdminError, OptionError
from bot.locales import t
from bot.service.backend import Backend
from bot.service.web_auth import Viewer
from bot.service.web_report import ReportDesk
from bot.web.render import LANG, render

DEFAULT_DAYS = 30


def desk(request: Request, viewer: Viewer) -> ReportDesk:
    backend: Backend = request.app.state.backend
    return ReportDesk(backend.db, backend.settings, backend.clock, viewer)


def _day(request: Request, name: str, default: date) -> date:
    text = request.query_params.get(name, "").strip()
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise OptionError(name, t(LANG, "web.report.bad_date", value=text)) from None


async def report_page(request: Request, viewer: Viewer) -> Response:
    """The report for the range asked (the last 30 days by default), or why not."""
    reports = desk(request, viewer)
    today = reports.today()
    values = {k: request.query_params.get(k, "") for k in ("since", "until")}
    try:
        since = _day(request, "since", today - timedelta(days=DEFAULT_DAYS - 1))
        until = _day(request, "until", today)
        found = await reports.report(since, until)
    except OptionError as exc:
        return render(request, "report.html", viewer, status=400, report=None,
                      errors={exc.option: str(exc)}, values=values)  # fmt: skip
    values = {"since": since.isoformat(), "until": until.isoformat()}
    return render(request, "report.html", viewer, report=found, errors={}, values=values)


async def report_csv(request: Request, viewer: Viewer) -> Response:
    """The same report as a CSV file."""
    reports = desk(request, viewer)
    today = reports.today()
    try:
        since = _day(request, "since", today - timedelta(days=DEFAULT_DAYS - 1))
        until = _day(request, "until", today)
        found = await reports.report(since, until, fmt="csv")
    except OptionError as exc:
        return Response(f"{exc.option}: {exc}\n", status_code=400, media_type="text/plain")
    name = f"report-{since}-to-{until}.csv"
    return Response(found.csv(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}"'})  # fmt: skip


async def audit_page(request: Request, viewer: Viewer) -> Response:
    """The audit log, for admins (reading it is audited)."""
    if not viewer.admin:
        return render(request, "error.html", viewer, status=403,
                      message=t(LANG, "web.audit.admins"))  # fmt: skip
    value = request.query_params.get("since", "")
    try:
        since = _day(request, "since", date.min) if value else None
        lines = await desk(request, viewer).audit_lines(since)
    except AdminError as exc:
        return render(request, "audit.html", viewer, status=400, lines=None,
                      errors={"since": str(exc)}, since=value)  # fmt: skip
    return render(request, "audit.html", viewer, lines=lines, errors={}, since=value)
