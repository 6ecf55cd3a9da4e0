"""The web view's application: routes, templates, and the guard every page goes through.

`build_app(backend)` makes the Starlette app over one open backend (the bot's database);
`recovery-bot web` serves it with uvicorn. A page handler is `async (request, viewer) ->
Response`, wrapped by `guarded`: no session sends the browser to the "signed out" page; a POST
without the session's CSRF token is refused with 403 and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.locales import t
from bot.service.backend import Backend
from bot.service.web_auth import Viewer, WebAuth
from bot.web import security
from bot.web.security import Page

HERE = Path(__file__).resolve().parent
LANG = "en"  # English first; the texts are in bot/locales/web_*.py like the bot's


def templates() -> Environment:
    """The Jinja2 environment: autoescaped HTML, `_(key, **params)` for the catalogs' texts."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["_"] = lambda key, **params: t(LANG, key, **params)
    return env


def render(
    request: Request, name: str, viewer: Viewer | None = None, status: int = 200,
    **context: Any,
) -> HTMLResponse:  # fmt: skip
    """Template `name` with the viewer (for the menu and the CSRF token) and `context`."""
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(
        request=request, viewer=viewer, csrf_field=security.CSRF_FIELD, lang=LANG, **context
    )
    return HTMLResponse(html, status_code=status)


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


async def home(request: Request, viewer: Viewer) -> Response:
    return render(request, "home.html", viewer)


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


def routes() -> list[BaseRoute]:
    from bot.web import pages

    return [
        Route("/", guarded(home)),
        Route("/signin/{token}", signin_page),
        Route("/signin", signin, methods=["POST"]),
        Route("/signed-out", signed_out),
        Route("/signout", guarded(signout), methods=["POST"]),
        *pages.routes(guarded),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


def build_app(backend: Backend) -> Starlette:
    """The web view over `backend` (its database, settings and clock), headers on every
    answer (`security.SecurityHeaders`)."""
    app = Starlette(routes=routes())
    app.state.backend = backend
    app.state.auth = WebAuth(backend.db, backend.clock)
    app.state.templates = templates()
    app.state.zone = ZoneInfo(backend.settings.program_timezone)
    app.add_middleware(security.SecurityHeaders)
    return app
