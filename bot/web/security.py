"""What every answer of the web view carries, and who is asking.

Every response: `Cache-Control: no-store` (pages hold health information), a strict
Content-Security-Policy (scripts, styles and images from this site only; no inline script,
no frames, forms post here only), no Referer sent (a sign-in link's token must not leak),
no MIME sniffing. The session cookie is `Secure; HttpOnly; SameSite=Strict`; every form and
every HTMX request carries the session's CSRF token, and a POST without it is refused (403)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.service.web_auth import MAX_AGE, Viewer, WebAuth

COOKIE = "rb_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "cache-control": "no-store",
    "content-security-policy": CSP,
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: HEADERS on every response, whatever answered (a page, a static
    file, an error)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", [])
                        if k.decode().lower() not in HEADERS]  # fmt: skip
                message["headers"] = kept + [(k.encode(), v.encode()) for k, v in HEADERS.items()]
            await send(message)

        await self.app(scope, receive, with_headers)


def set_session_cookie(response: Response, cookie: str) -> None:
    """The session cookie: Secure, HttpOnly, SameSite=Strict, for the whole site, gone with
    the browser or after MAX_AGE at most (the server ends the session anyway)."""
    response.set_cookie(COOKIE, cookie, max_age=int(MAX_AGE.total_seconds()), path="/",
                        secure=True, httponly=True, samesite="strict")  # fmt: skip


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")


async def viewer_of(request: Request) -> Viewer | None:
    """The signed-in staff member making this request, or None."""
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        return None
    auth: WebAuth = request.app.state.auth
    return await auth.viewer(cookie)


async def csrf_sent(request: Request) -> str | None:
    """The CSRF token the request carries: the HTMX header, else the form's field."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    form = await request.form()
    value = form.get(CSRF_FIELD)
    return value if isinstance(value, str) else None


Page = Callable[[Request, Viewer], Awaitable[Response]]
