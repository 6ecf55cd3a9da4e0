"""The web view's pages for signed-in staff: caseload, client, alerts, invites, schedules,
report. Each handler is thin: read the request, call the service, render a template."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any

import segno
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.domain.staff_input import MAX_ROW_ID, AdminError
from bot.locales import t
from bot.service.alerts import AlertDesk
from bot.service.backend import Backend
from bot.service.caseload import Filters, NotYours, StaffView
from bot.service.staff_syntax import Lines, NewInvite
from bot.service.web_auth import Viewer, WebAuth
from bot.web import commands, reports, schedules, staff
from bot.web.render import LANG, render
from bot.web.security import Page

Guard = Callable[[Page], Callable[..., Any]]
PAGE_ROWS = 100  # the caseload's riskiest rows shown at first; "show all" shows the rest


def view(request: Request, viewer: Viewer) -> StaffView:
    backend: Backend = request.app.state.backend
    return StaffView(backend.db, backend.settings, backend.clock, viewer)


def desk(request: Request, viewer: Viewer) -> Any:
    """The staff desk, acting (and audited) as the signed-in staff member."""
    backend: Backend = request.app.state.backend
    return backend.staff(viewer.actor)


def _choice(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return value or None


async def caseload(request: Request, viewer: Viewer, notice: str | None = None) -> Response:
    """Every client the viewer may see, riskiest first; filters by counselor, track, status."""
    every = request.query_params.get("show") == "all"
    filters = Filters(_choice(request, "counselor"), _choice(request, "track"),
                      _choice(request, "status"), None if every else PAGE_ROWS)  # fmt: skip
    found = await view(request, viewer).caseload(filters)
    template = "caseload_rows.html" if request.headers.get("hx-request") else "caseload.html"
    return render(request, template, viewer, cases=found, filters=filters, notice=notice)


def _refused(request: Request, viewer: Viewer, exc: AdminError) -> Response:
    if isinstance(exc, NotYours):
        return render(request, "error.html", viewer, status=403,
                      message=t(LANG, "web.error.forbidden"))  # fmt: skip
    return render(request, "error.html", viewer, status=404, message=str(exc))


async def client(
    request: Request, viewer: Viewer, notice: str | None = None,
    errors: dict[str, str] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    """One client's page (audited), with what an action just did or why it was refused."""
    try:
        page = await view(request, viewer).client_page(request.path_params["pid"])
    except AdminError as exc:
        return _refused(request, viewer, exc)
    return render(request, "client.html", viewer, status=status, page=page, notice=notice,
                  errors=errors or {})  # fmt: skip


async def chart(request: Request, viewer: Viewer) -> Response:
    """A chart of the client as a PNG: "mood" (14 or 30 days) or "triggers"."""
    which = request.path_params["which"]
    days = 14 if request.query_params.get("days") == "14" else 30
    try:
        png = await view(request, viewer).chart(request.path_params["pid"], which, days)
    except AdminError as exc:
        return _refused(request, viewer, exc)
    except ValueError:
        return render(request, "error.html", viewer, status=404,
                      message=t(LANG, "web.error.not_found"))  # fmt: skip
    return Response(png, media_type="image/png")


async def client_action(request: Request, viewer: Viewer) -> Response:
    """Set the track, discharge, readmit or erase (each confirmed), as the staff member."""
    pid, action = request.path_params["pid"], request.path_params["action"]
    form = await request.form()
    try:
        await view(request, viewer).check(pid)
    except AdminError as exc:
        return _refused(request, viewer, exc)
    field = action
    try:
        staff = desk(request, viewer)
        if action == "track":
            track = str(form.get("track") or "")
            line = await staff.set_track(pid, track or None)
        elif action in ("discharge", "readmit") and form.get("confirm") != "yes":
            raise AdminError(t(LANG, "web.client.confirm_needed"))
        elif action == "discharge":
            line = await staff.discharge(pid)
        elif action == "readmit":
            line = await staff.readmit(pid)
        elif action == "erase":
            if str(form.get("confirm_id", "")).strip() != pid:
                raise AdminError(t(LANG, "web.client.erase.mismatch", id=pid))
            line = await staff.erase(pid)
            return await caseload(request, viewer, notice=line)
        else:
            return render(request, "error.html", viewer, status=404,
                          message=t(LANG, "web.error.not_found"))  # fmt: skip
    except AdminError as exc:
        return await client(request, viewer, errors={field: str(exc)}, status=400)
    return await client(request, viewer, notice=line)


def alert_desk(request: Request, viewer: Viewer) -> AlertDesk:
    backend: Backend = request.app.state.backend
    return AlertDesk(backend.db, backend.settings, backend.clock, viewer)


async def alerts(request: Request, viewer: Viewer, notice: str | None = None) -> Response:
    """Crisis notices and flag digests nobody has taken, with "I'm on it"."""
    found = await alert_desk(request, viewer).alerts()
    return render(request, "alerts.html", viewer, alerts=found, notice=notice)


async def take(request: Request, viewer: Viewer) -> Response:
    """ "I'm on it" from the page: the same acknowledgement as the staff chat's button."""
    what, item = request.path_params["what"], int(request.path_params["item"])
    if what not in ("crisis", "digest") or item > MAX_ROW_ID:
        return render(request, "error.html", viewer, status=404,
                      message=t(LANG, "web.error.not_found"))  # fmt: skip
    desk = alert_desk(request, viewer)
    try:
        ack = await (desk.take_crisis(item) if what == "crisis" else desk.take_digest(item))
    except NotYours as exc:
        return _refused(request, viewer, exc)
    if request.headers.get("hx-request"):
        return render(request, "taken.html", viewer, item_id=f"{what}-{item}", toast=ack.toast)
    return await alerts(request, viewer, notice=ack.toast)


def _qr(link: str) -> str:
    """The link as an SVG QR code to print for the client (segno; medium error correction)."""
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="svg", scale=6, xmldecl=False, svgns=True,
                                     title=t(LANG, "web.invites.qr"))  # fmt: skip
    return out.getvalue().decode()


async def invites(
    request: Request, viewer: Viewer, *, notice: str | None = None,
    errors: dict[str, str] | None = None, values: Mapping[str, object] | None = None,
    invite: dict[str, object] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    """Pending invites with a revoke button each, and the form for a new one."""
    auth: WebAuth = request.app.state.auth
    pending = await view(request, viewer).pending_invites()
    tracks = [(n, n) for n in await view(request, viewer).track_names()]
    return render(request, "invites.html", viewer, status=status, notice=notice,
                  errors=errors or {}, values=values or {}, invite=invite, pending=pending,
                  tracks=tracks, counselors=await auth.counselor_names())  # fmt: skip


async def invite_create(request: Request, viewer: Viewer) -> Response:
    """A new single-use invite: its link, QR code and client id, shown once (codes are
    never stored)."""
    values = dict(await request.form())
    backend: Backend = request.app.state.backend
    outcome, errors = await commands.run(backend, viewer, ("invite",), values)
    if not isinstance(outcome, NewInvite):
        return await invites(request, viewer, errors=errors, values=values, status=400)
    link = f"https://t.me/{request.app.state.bot_username}?start={outcome.code}"
    made = {"link": link, "qr": _qr(link), "pseudo_id": outcome.pseudo_id,
            "until": outcome.until}  # fmt: skip
    return await invites(request, viewer, invite=made)


async def invite_revoke(request: Request, viewer: Viewer) -> Response:
    values = dict(await request.form())
    backend: Backend = request.app.state.backend
    ref = values.get("invite")
    try:
        await view(request, viewer).check_invite(ref if isinstance(ref, str) else "")
    except NotYours:
        return await invites(request, viewer, status=403,
                             errors={"invite": t(LANG, "web.error.forbidden")})  # fmt: skip
    outcome, errors = await commands.run(backend, viewer, ("invite", "revoke"), values)
    if not isinstance(outcome, Lines):
        return await invites(request, viewer, errors=errors, status=400)
    return await invites(request, viewer, notice="\n".join(outcome.lines))


def routes(guarded: Guard) -> list[BaseRoute]:
    """The pages' routes, each behind `guarded` (a session, and CSRF on POST)."""
    return [
        Route("/", guarded(caseload)),
        Route("/clients/{pid}", guarded(client)),
        Route("/clients/{pid}/chart/{which}.png", guarded(chart)),
        Route("/clients/{pid}/{action}", guarded(client_action), methods=["POST"]),
        Route("/alerts", guarded(alerts)),
        Route("/invites", guarded(invites)),
        Route("/invites", guarded(invite_create), methods=["POST"]),
        Route("/invites/revoke", guarded(invite_revoke), methods=["POST"]),
        Route("/report", guarded(reports.report_page)),
        Route("/report.csv", guarded(reports.report_csv)),
        Route("/audit", guarded(reports.audit_page)),
        Route("/staff", guarded(staff.page)),
        Route("/staff/{action}", guarded(staff.change), methods=["POST"]),
        Route("/schedules", guarded(schedules.page)),
        Route("/schedules/{form}", guarded(schedules.change), methods=["POST"]),
        Route("/alerts/{what:str}/{item:int}", guarded(take), methods=["POST"]),
    ]
