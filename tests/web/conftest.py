"""Web view fixtures: the real Starlette app over a migrated SQLite file, driven by httpx
in the test's own event loop (ASGI, no socket), over https so Secure cookies travel."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.config import Settings, load_settings
from bot.service.backend import Backend
from bot.service.web_auth import WebAuth
from bot.store.database import Database
from bot.web.app import build_app
from tests.tg.conftest import MovableClock

ADMIN, DANA, SAM = 7101, 7102, 7103  # Telegram ids of an admin and two counselors


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def settings(db_url: str) -> Settings:
    return load_settings(database_url=db_url, _env_file=None)


@pytest.fixture
async def backend(db: Database, settings: Settings, clock: MovableClock) -> Backend:
    backend = Backend(db, settings, clock)
    auth = WebAuth(db, clock)
    await auth.add_staff(ADMIN, "Alex Admin", "admin")
    await auth.add_staff(DANA, "Dana R", "counselor")
    await auth.add_staff(SAM, "Sam K", "counselor")
    return backend


def browser(backend: Backend) -> httpx.AsyncClient:
    """A new "browser": its own cookie jar, over https."""
    transport = httpx.ASGITransport(app=build_app(backend))
    return httpx.AsyncClient(transport=transport, base_url="https://testserver")


@pytest.fixture
async def web(backend: Backend) -> AsyncIterator[httpx.AsyncClient]:
    async with browser(backend) as client:
        yield client


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def sign_in(client: httpx.AsyncClient, backend: Backend, staff_id: int) -> str:
    """Sign `client` in as `staff_id` through a /web link; the session's CSRF token."""
    token = await WebAuth(backend.db, backend.clock).link_token(staff_id)
    assert token is not None
    answer = await client.post("/signin", data={"token": token})
    assert answer.status_code == 303, answer.text
    page = await client.get("/")
    assert page.status_code == 200
    found = CSRF.search(page.text)
    assert found is not None
    return found.group(1)
