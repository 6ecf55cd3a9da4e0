"""The web view's application: routes, templates, and the guard every page goes through.

`build_app(backend)` makes the Starlette app over one open backend (the bot's database);
`recovery-bot web` serves it with uvicorn. A page handler is `async (request, viewer) ->
Response`, wrapped by `guarded`: no session sends the browser to the "signed out" page; a POST
without the session's CSRF token is refused with 403 and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.locales import t
from bot.service.backend import Backend
from bot.service.web_auth import Viewer, WebAuth
from bot.web import pages, security
from bot.web.render import HERE, LANG, render, templates
from bot.web.security import Page


def guarded(handler: Page) -> Callable[[Request], Any]:
    """`handler` for signed-in staff only; a POST must carry the session's CSRF token."""

    async def endpoint(request: Request) -> Response:
        viewer = await security.viewer_of(request)
        if viewer is None:
            if request.headers.get("hx-request"):
                return Response(status_code=401, headers={"HX-Redirect": "/signed-out"})
            return RedirectResponse("/signed-out", status_code=303)
        if request.method == "POST" and not viewer.csrf_ok(await security.csrf_sent(request)):
            return render(request, "error.html", viewer, status=403,
                          message=t(LANG, "web.error.csrf"))  # fmt: skip
        return await handler(request, viewer)

    endpoint.__name__ = handler.__name__
    return endpoint


async def signin_page(request: Request) -> Response:
    """The link from /web: a button that signs in (a GET changes nothing, so a link preview
    or a prefetch cannot use the link up)."""
    return render(request, "signin.html", token=request.path_params["token"])


async def signin(request: Request) -> Response:
    """Use the one-time token: a session and its cookie, or a page saying to ask again."""
    form = await request.form()
    token = form.get("token")
    auth: WebAuth = request.app.state.auth
    found = await auth.redeem(token) if isinstance(token, str) and token else None
    if found is None:
        return render(request, "signed_out.html", status=400,
                      message=t(LANG, "web.signin.bad"))  # fmt: skip
    cookie, _viewer = found
    response = RedirectResponse("/", status_code=303)
    security.set_session_cookie(response, cookie)
    return response


async def signed_out(request: Request) -> Response:
    return render(request, "signed_out.html")


async def signout(request: Request, viewer: Viewer) -> Response:
    """End this session, or with `everywhere` every session of this staff member."""
    form = await request.form()
    auth: WebAuth = request.app.state.auth
    await auth.sign_out(viewer, everywhere=form.get("everywhere") == "1")
    response = RedirectResponse("/signed-out", status_code=303)
    security.clear_session_cookie(response)
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    """An exception no page handled: a page of our own words (never the exception's) with
    the headers every answer carries; Starlette answers it outside any middleware."""
    response = render(request, "error.html", status=500, message=t(LANG, "web.error.server"))
    response.headers.update(security.HEADERS)
    return response


def routes() -> list[BaseRoute]:
    return [
        Route("/signin/{token}", signin_page),
        Route("/signin", signin, methods=["POST"]),
        Route("/signed-out", signed_out),
        Route("/signout", guarded(signout), methods=["POST"]),
        *pages.routes(guarded),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


def build_app(backend: Backend, bot_username: str = "your_bot") -> Starlette:
    """The web view over `backend` (its database, settings and clock), headers on every
    answer (`security.SecurityHeaders`); invite links name the bot `bot_username`."""
    app = Starlette(routes=routes(), exception_handlers={500: server_error})
    app.state.backend = backend
    app.state.bot_username = bot_username
    app.state.auth = WebAuth(backend.db, backend.clock)
    app.state.templates = templates(backend.settings.program_timezone)
    app.add_middleware(security.SecurityHeaders)
    return app
