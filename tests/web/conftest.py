"""Web view fixtures: the real Starlette app over a migrated SQLite file, driven by httpx
in the test's own event loop (ASGI, no socket), over https so Secure cookies travel."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.config import Settings, load_settings
from bot.service.backend import Backend
from bot.service.web_auth import WebAuth
from bot.store.database import Database
from bot.web.app import build_app
from tests.tg.conftest import MovableClock

ADMIN, DANA, SAM = 7101, 7102, 7103  # Telegram ids of an admin and two counselors
STAFF_CHAT = -100555


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def settings(db_url: str) -> Settings:
    return load_settings(database_url=db_url, staff_chat_id=STAFF_CHAT, _env_file=None)


@pytest.fixture
async def backend(db: Database, settings: Settings, clock: MovableClock) -> Backend:
    backend = Backend(db, settings, clock)
    auth = WebAuth(db, clock)
    await auth.add_staff(ADMIN, "Alex Admin", "admin", "cli:test")
    await auth.add_staff(DANA, "Dana R", "counselor", "cli:test")
    await auth.add_staff(SAM, "Sam K", "counselor", "cli:test")
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


async def add_client(
    db: Database, pseudo_id: str, counselor: str | None, *, days: int = 20,
    checkins: dict[int, int] | None = None, crisis_tier: int | None = None,
    status: str = "active", label: str | None = None, seen_hours_ago: float | None = None,
) -> int:  # fmt: skip
    """A client enrolled `days` days before NOW in New York, with check-ins `checkins`
    (days ago -> craving) and, with `crisis_tier`, one crisis notice nobody took."""
    from datetime import timedelta

    from bot.store.models import CheckIn, Client, CrisisEvent
    from tests.tg.conftest import NOW

    async with db.transaction() as s:
        n = int(pseudo_id[2:], 16)
        client = Client(pseudo_id=pseudo_id, tg_user_id=900000 + n, chat_id=900000 + n,
                        status=status, timezone="America/New_York", label=label,
                        counselor=counselor, created_at=NOW - timedelta(days=days),
                        enrolled_at=NOW - timedelta(days=days),
                        last_seen_at=None if seen_hours_ago is None
                        else NOW - timedelta(hours=seen_hours_ago))  # fmt: skip
        s.add(client)
        await s.flush()
        local = NOW.astimezone(NY).date()
        for ago, craving in (checkins or {}).items():
            s.add(CheckIn(client_id=client.id, local_date=local - timedelta(days=ago),
                          created_at=NOW - timedelta(days=ago), mood=3, craving=craving,
                          triggers=["stress"]))  # fmt: skip
        if crisis_tier is not None:
            s.add(CrisisEvent(client_id=client.id, created_at=NOW - timedelta(hours=1),
                              tier=crisis_tier, source="text", shown="crisis",
                              noticed_at=NOW - timedelta(hours=1), notices=0))  # fmt: skip
        return client.id


NY = ZoneInfo("America/New_York")
