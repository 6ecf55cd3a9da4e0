"""Invite mode: only a real, unused invite code starts enrollment."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.locales import t
from bot.store import repo
from bot.store.models import Client, Invite
from tests.tg.conftest import NOW
from tests.tg.driver import Harness, Person


@pytest.fixture
def enrollment() -> str:
    return "invite"


async def new_code(harness: Harness, days: int = 14) -> str:
    async with harness.db.transaction() as s:
        code, _ = await repo.create_invite(s, now=NOW, expires_at=NOW + timedelta(days=days))
        return code


async def test_bad_code_is_not_valid(harness: Harness, pat: Person) -> None:
    await pat.command("start", "BADCODE")
    assert harness.fake.texts()[-1] == t("en", "join.bad_invite")
    assert "not valid" in harness.fake.texts()[-1]
    assert await harness.count(Client) == 0


async def test_start_without_code_explains_how_to_join(harness: Harness, pat: Person) -> None:
    await pat.command("start")
    assert harness.fake.texts()[-1] == t("en", "join.how")
    assert await harness.count(Client) == 0


async def test_real_code_starts_enrollment_once(harness: Harness, pat: Person) -> None:
    code = await new_code(harness)
    await pat.command("start", code)
    assert pat.keyboard().text == t("en", "enroll.language")
    [client] = await harness.rows(Client)
    [invite] = await harness.rows(Invite)
    assert invite.client_id == client.id and invite.used_at is not None
    other = harness.person(5550009)
    await other.command("start", code)
    assert harness.fake.texts()[-1] == t("en", "join.bad_invite")
    assert await harness.count(Client) == 1


async def test_expired_code_is_not_valid(harness: Harness, pat: Person) -> None:
    code = await new_code(harness, days=-1)
    await pat.command("start", code)
    assert harness.fake.texts()[-1] == t("en", "join.bad_invite")
    assert await harness.count(Client) == 0
