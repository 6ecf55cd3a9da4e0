"""The Staff page, for admins: who may sign in and with which role, through the staff
commands `staff add`, `staff list` and `staff remove` (the command line's rules)."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response

from bot.locales import t
from bot.service.backend import Backend
from bot.service.staff_syntax import Lines
from bot.service.web_auth import Viewer
from bot.web import commands
from bot.web.render import LANG, render


async def page(
    request: Request, viewer: Viewer, *, notice: str | None = None, sent: str | None = None,
    errors: dict[str, str] | None = None, values: Mapping[str, object] | None = None,
    status: int = 200,
) -> Response:  # fmt: skip
    """Every staff member (id, name, role) and the forms to add, change or remove one."""
    if not viewer.admin:
        return render(request, "error.html", viewer, status=403,
                      message=t(LANG, "web.staff.admins"))  # fmt: skip
    backend: Backend = request.app.state.backend
    listed, _ = await commands.run(backend, viewer, ("staff", "list"), {})
    members = list(listed.lines) if isinstance(listed, Lines) else []
    ids = [(line.split()[0], line) for line in members if line[:1].isdigit()]
    return render(request, "staff.html", viewer, status=status, notice=notice, sent=sent,
                  errors=errors or {}, values=values or {}, members=members, ids=ids)  # fmt: skip


async def change(request: Request, viewer: Viewer) -> Response:
    """Add (or change) or remove a staff member, as the admin."""
    action = request.path_params["action"]
    if not viewer.admin or action not in ("add", "remove"):
        return await page(request, viewer, status=403 if not viewer.admin else 404)
    values = dict(await request.form())
    backend: Backend = request.app.state.backend
    outcome, errors = await commands.run(backend, viewer, ("staff", action), values)
    if not isinstance(outcome, Lines):
        return await page(request, viewer, sent=action, errors=errors, values=values,
                          status=400)  # fmt: skip
    return await page(request, viewer, notice="\n".join(outcome.lines))
