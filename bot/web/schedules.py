"""The Schedules page: tracks and sessions, each form one staff command (`bot.web.commands`):
add, edit, skip a date and remove, with the command line's checks and words."""

from __future__ import annotations

import re
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response

from bot.locales import t
from bot.service.backend import Backend
from bot.service.caseload import NotYours, StaffView
from bot.service.staff_syntax import Lines
from bot.service.web_auth import Viewer
from bot.web import commands
from bot.web.render import LANG, render

# Form id -> the command it runs.
FORMS: dict[str, tuple[str, ...]] = {
    "track-add": ("track", "add"),
    "track-remove": ("track", "remove"),
    "session-add": ("session", "add"),
    "session-edit": ("session", "edit"),
    "session-skip": ("session", "skip"),
    "session-remove": ("session", "remove"),
}


async def _lines(backend: Backend, viewer: Viewer, words: tuple[str, ...]) -> list[str]:
    outcome, _ = await commands.run(backend, viewer, words, {})
    return list(outcome.lines) if isinstance(outcome, Lines) else []


def view(request: Request, viewer: Viewer) -> StaffView:
    backend: Backend = request.app.state.backend
    return StaffView(backend.db, backend.settings, backend.clock, viewer)


_CLIENT = re.compile(r"\bclient (c-[0-9a-f]+)\b")


async def _mine(request: Request, viewer: Viewer, sessions: list[str]) -> list[str]:
    """The session lines the viewer may see: track-wide ones, and one client's only when
    that client is theirs (a counselor sees no other counselor's clients)."""
    named = {m.group(1) for line in sessions if (m := _CLIENT.search(line))}
    seen = await view(request, viewer).visible(named)
    return [line for line in sessions
            if (m := _CLIENT.search(line)) is None or m.group(1) in seen]  # fmt: skip


async def page(
    request: Request, viewer: Viewer, *, notice: list[str] | None = None,
    form: str | None = None, errors: dict[str, str] | None = None,
    values: Mapping[str, object] | None = None, status: int = 200,
) -> Response:  # fmt: skip
    """Tracks and sessions as the `track list` and `session list` commands show them, and a
    form per change; `form` is the one just sent (its errors and values shown again)."""
    backend: Backend = request.app.state.backend
    tracks = await _lines(backend, viewer, ("track", "list"))
    sessions = await _lines(backend, viewer, ("session", "list"))
    sessions = await _mine(request, viewer, sessions)
    names = [line.rsplit(" (", 1)[0] for line in tracks if " (" in line]
    ids = [line.split()[0] for line in sessions if line.startswith("#")]
    return render(request, "schedules.html", viewer, status=status, notice=notice,
                  tracks=tracks, sessions=sessions, track_names=names, session_ids=ids,
                  sent=form, errors=errors or {}, values=values or {})  # fmt: skip


async def change(request: Request, viewer: Viewer) -> Response:
    """One form sent: its command run as the staff member; the page again, with what it
    did or, next to the field, why not."""
    form = request.path_params["form"]
    if form not in FORMS:
        return await page(request, viewer, status=404)
    values = dict(await request.form())
    backend: Backend = request.app.state.backend
    client, session = values.get("client"), values.get("id")
    try:
        await view(request, viewer).check_schedule(
            client if isinstance(client, str) else None,
            session if isinstance(session, str) else None,
        )
    except NotYours:
        field = "client" if form == "session-add" else "id"
        return await page(request, viewer, form=form, values=values, status=403,
                          errors={field: t(LANG, "web.error.forbidden")})  # fmt: skip
    outcome, errors = await commands.run(backend, viewer, FORMS[form], values)
    if not isinstance(outcome, Lines):
        return await page(request, viewer, form=form, errors=errors, values=values, status=400)
    return await page(request, viewer, notice=list(outcome.lines))
