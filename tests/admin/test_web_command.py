"""/web through the real Application: a staff member's one-time link signs them in to the
web view; nobody else gets one."""

from __future__ import annotations

import json
import re

import httpx

from bot.service.backend import Backend
from bot.service.web_auth import WebAuth
from bot.store.models import WebSignIn
from bot.web.app import build_app
from tests.admin.conftest import STAFF_ID
from tests.admin.test_staff import said
from tests.tg.conftest import MovableClock, enroll
from tests.tg.driver import Harness

LINK = re.compile(r"http://127\.0\.0\.1:8080/signin/([A-Za-z0-9_-]{43})$")


async def test_a_staff_member_gets_a_link_that_signs_them_in(
    staff_app: Harness, clock: MovableClock
) -> None:
    h = staff_app
    settings = h.app.bot_data.svc().settings
    backend = Backend(h.db, settings, clock)
    await WebAuth(h.db, clock).add_staff(STAFF_ID, "Dana R", "admin", "cli:test")
    [text] = await said(h, STAFF_ID, "/web")
    assert "works once, for 5 minutes" in text
    found = LINK.search(text)
    assert found is not None
    # Its preview is off.
    preview = h.fake.of("sendMessage")[-1].params["link_preview_options"]
    assert (json.loads(preview) if isinstance(preview, str) else preview)["is_disabled"] is True
    transport = httpx.ASGITransport(app=build_app(backend))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as web:
        answer = await web.post("/signin", data={"token": found.group(1)})
        assert answer.status_code == 303
        assert "Signed in as Dana R (admin)" in (await web.get("/")).text
    # A second /web is a new link; the first one stays used.
    [again] = await said(h, STAFF_ID, "/web")
    second = LINK.search(again)
    assert second is not None and second.group(1) != found.group(1)


async def test_staff_user_ids_not_on_the_list_are_told_how_to_be_added(
    staff_app: Harness,
) -> None:
    [text] = await said(staff_app, STAFF_ID, "/web")
    assert f"recovery-bot staff add {STAFF_ID} --name NAME --role counselor" in text
    assert "/signin/" not in text


async def test_anyone_else_gets_no_link_and_the_conversation_answers(
    staff_app: Harness,
) -> None:
    h = staff_app
    await enroll(h.person(5550001))
    replies = await said(h, 5550001, "/web")
    assert replies and all("/signin/" not in r for r in replies)
    assert await h.count(WebSignIn) == 0
