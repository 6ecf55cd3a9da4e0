"""The web view's security properties over real HTTP semantics (ASGI): one-time links,
session limits, cookies, CSRF, headers."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx

from bot.service.backend import Backend
from bot.service.web_auth import WebAuth
from tests.tg.conftest import MovableClock
from tests.web.conftest import ADMIN, DANA, browser, sign_in


async def _link(backend: Backend, staff_id: int) -> str:
    token = await WebAuth(backend.db, backend.clock).link_token(staff_id)
    assert token is not None
    return token


async def test_a_link_signs_in_once_and_its_page_alone_uses_nothing(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    token = await _link(backend, DANA)
    # A preview or prefetch of the link (a GET) does not use it up.
    for _ in range(2):
        page = await web.get(f"/signin/{token}")
        assert page.status_code == 200 and 'id="signin"' in page.text
    answer = await web.post("/signin", data={"token": token})
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    for part in ("Secure", "HttpOnly", "SameSite=strict", "Path=/"):
        assert part.lower() in cookie.lower()
    home = await web.get("/")
    assert home.status_code == 200 and "Signed in as Dana R (counselor)" in home.text
    # The same link a second time, from another browser: refused, no cookie.
    async with browser(backend) as other:
        again = await other.post("/signin", data={"token": token})
        assert again.status_code == 400 and "used already or has expired" in again.text
        assert "set-cookie" not in again.headers
        assert (await other.get("/")).headers["location"] == "/signed-out"


async def test_a_link_expires_after_five_minutes(
    web: httpx.AsyncClient, backend: Backend, clock: MovableClock
) -> None:
    late, on_time = await _link(backend, DANA), await _link(backend, DANA)
    clock.now += timedelta(minutes=4, seconds=59)
    assert (await web.post("/signin", data={"token": on_time})).status_code == 303
    clock.now += timedelta(seconds=1)
    async with browser(backend) as other:
        assert (await other.post("/signin", data={"token": late})).status_code == 400


async def test_only_a_staff_member_gets_a_link_and_a_made_up_token_signs_nobody_in(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    assert await WebAuth(backend.db, backend.clock).link_token(5550001) is None
    answer = await web.post("/signin", data={"token": "x" * 43})
    assert answer.status_code == 400 and "set-cookie" not in answer.headers


async def test_a_session_ends_after_15_idle_minutes(
    web: httpx.AsyncClient, backend: Backend, clock: MovableClock
) -> None:
    await sign_in(web, backend, DANA)
    clock.now += timedelta(minutes=14, seconds=59)
    assert (await web.get("/")).status_code == 200  # a request keeps it alive
    clock.now += timedelta(minutes=14, seconds=59)
    assert (await web.get("/")).status_code == 200
    clock.now += timedelta(minutes=15)
    answer = await web.get("/")
    assert answer.status_code == 303 and answer.headers["location"] == "/signed-out"


async def test_a_session_ends_after_12_hours_however_busy(
    web: httpx.AsyncClient, backend: Backend, clock: MovableClock
) -> None:
    await sign_in(web, backend, DANA)
    for _ in range(12 * 6 - 1):  # a request every 10 minutes, for 11 h 50 min
        clock.now += timedelta(minutes=10)
        assert (await web.get("/")).status_code == 200
    clock.now += timedelta(minutes=10)
    assert (await web.get("/")).status_code == 303


async def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(web, backend, DANA)
    for data in ({}, {"csrf": "forged"}, {"csrf": csrf[:-1]}):
        answer = await web.post("/signout", data=data)
        assert answer.status_code == 403 and "nothing was changed" in answer.text
        assert (await web.get("/")).status_code == 200  # still signed in
    # The HTMX header carries it too.
    answer = await web.post("/signout", headers={"X-CSRF-Token": csrf})
    assert answer.status_code == 303
    assert (await web.get("/")).status_code == 303


async def test_sign_out_everywhere_ends_every_session_of_that_member_only(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(web, backend, DANA)
    async with browser(backend) as laptop, browser(backend) as admin:
        await sign_in(laptop, backend, DANA)
        await sign_in(admin, backend, ADMIN)
        answer = await web.post("/signout", data={"csrf": csrf, "everywhere": "1"})
        assert answer.status_code == 303
        assert (await laptop.get("/")).status_code == 303
        assert (await web.get("/")).status_code == 303
        assert (await admin.get("/")).status_code == 200


async def test_removing_a_staff_member_ends_their_sessions(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await sign_in(web, backend, DANA)
    await WebAuth(backend.db, backend.clock).remove_staff(DANA, "cli:test")
    assert (await web.get("/")).status_code == 303


async def test_every_answer_carries_no_store_and_the_strict_policy(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    token = await _link(backend, DANA)
    answers = [
        await web.get("/signed-out"),
        await web.get(f"/signin/{token}"),
        await web.get("/static/htmx.min.js"),
        await web.get("/no/such/page"),
        await web.get("/"),  # a redirect
    ]
    await sign_in(web, backend, DANA)
    answers.append(await web.get("/"))
    for answer in answers:
        assert answer.headers["cache-control"] == "no-store"
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert answer.headers["x-content-type-options"] == "nosniff"


async def test_pages_hold_no_inline_script(web: httpx.AsyncClient, backend: Backend) -> None:
    """The policy forbids inline scripts: the pages must not need any."""
    await sign_in(web, backend, ADMIN)
    page = (await web.get("/")).text
    assert "<script>" not in page and "onclick" not in page
    assert '<script src="/static/htmx.min.js"' in page


async def test_an_error_the_server_did_not_expect_still_carries_the_headers(
    backend: Backend,
) -> None:
    """A 500 (an exception no page handled) says no-store and the strict policy too, and
    shows a page of its own words, not the exception."""
    from starlette.requests import Request

    from bot.web.app import build_app
    from bot.web.security import HEADERS

    async def boom(request: Request) -> None:
        raise RuntimeError("what a client wrote")

    app = build_app(backend)
    app.add_route("/boom", boom)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as web:
        answer = await web.get("/boom")
    assert answer.status_code == 500
    for name, value in HEADERS.items():
        assert answer.headers.get(name) == value, name
    assert "what a client wrote" not in answer.text and "went wrong" in answer.text


async def test_numbers_too_big_for_the_database_are_refused_not_a_crash(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """An id past what the database holds (or a digit that is not 0-9) is refused in words,
    on every form that takes a number, instead of a 500."""
    csrf = await sign_in(web, backend, ADMIN)
    huge = "9" * 30
    taken = await web.post(f"/alerts/crisis/{huge}", data={"csrf": csrf})
    assert taken.status_code == 404
    for path, data in (
        ("/schedules/session-remove", {"id": f"#{huge}"}),
        ("/schedules/session-skip", {"id": "#\u00b2", "date": "2026-12-01"}),
        ("/staff/add", {"id": huge, "name": "Zed", "role": "admin"}),
        ("/staff/remove", {"id": "\u00b2"}),
        ("/invites/revoke", {"invite": f"#{huge}"}),
    ):
        answer = await web.post(path, data={"csrf": csrf, **data})
        assert answer.status_code == 400, (path, answer.status_code)
        assert re.search(r'class="(field-)?error"[^>]*role="alert">[^<]+<', answer.text), path
