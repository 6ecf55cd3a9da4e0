"""Alerts: "I'm on it" from the page is the staff chat's acknowledgement, both ways."""

from __future__ import annotations

from datetime import date

import httpx
from sqlalchemy import select

from bot.service.backend import Backend
from bot.store.models import AuditEntry, Client, CrisisEvent, FlagDigest, OutboxMessage
from tests.tg.conftest import NOW
from tests.web.conftest import DANA, SAM, STAFF_CHAT, add_client, sign_in


async def _event(backend: Backend, pseudo_id: str) -> CrisisEvent:
    async with backend.db.transaction() as s:
        cid = await s.scalar(select(Client.id).where(Client.pseudo_id == pseudo_id))
        event = await s.scalar(select(CrisisEvent).where(CrisisEvent.client_id == cid))
        assert event is not None
        return event


async def _outbox(backend: Backend) -> list[tuple[int, str]]:
    async with backend.db.transaction() as s:
        rows = await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        return [(r.chat_id, r.payload["text"]) for r in rows]


async def test_taken_on_the_page_then_tapped_in_the_chat(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await add_client(backend.db, "c-00000001", "Dana R", crisis_tier=1)
    event = await _event(backend, "c-00000001")
    csrf = await sign_in(web, backend, DANA)
    page = (await web.get("/alerts")).text
    assert f'id="take-crisis-{event.id}"' in page and "Tier 1: an emergency now" in page
    answer = await web.post(f"/alerts/crisis/{event.id}", data={"csrf": csrf},
                            headers={"HX-Request": "true"})  # fmt: skip
    assert answer.status_code == 200
    assert answer.text.startswith(f'<li id="crisis-{event.id}"')
    assert "Dana R is on it" in answer.text
    taken = await _event(backend, "c-00000001")
    assert (taken.ack_by, taken.ack_name, taken.ack_at) == ("staff:7102", "Dana R", NOW)
    # The staff chat is told at once: the notice again, with who has it, and no button.
    [(chat, text)] = await _outbox(backend)
    assert chat == STAFF_CHAT and "Crisis notice, tier 1" in text and "✅ Dana R is on it" in text
    assert "I'm on it" not in (await web.get("/alerts")).text.split("<main", 1)[1]
    # A tap on the chat's button afterwards (the same service call as bot.tg.staff's) is told
    # who took it, and the notice it edits says so.
    late = await backend.staff("staff:4440001").acknowledge(event.id, "Sam")
    assert not late.first and late.toast == "Already taken by Dana R."
    assert late.text is not None and "Dana R is on it" in late.text
    async with backend.db.transaction() as s:
        acks = list(await s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "ack")))
    assert acks == ["staff:7102"]


async def test_taken_in_the_chat_first_the_page_says_who(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await add_client(backend.db, "c-00000001", "Dana R", crisis_tier=2)
    event = await _event(backend, "c-00000001")
    csrf = await sign_in(web, backend, DANA)
    first = await backend.staff("staff:4440001").acknowledge(event.id, "Sam")
    assert first.first
    assert f"take-crisis-{event.id}" not in (await web.get("/alerts")).text
    # A page open from before: its button now answers who has it, and nothing more is sent.
    answer = await web.post(f"/alerts/crisis/{event.id}", data={"csrf": csrf})
    assert answer.status_code == 200 and "Already taken by Sam." in answer.text
    assert await _outbox(backend) == []


async def test_a_counselor_neither_sees_nor_takes_another_counselors_alert(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await add_client(backend.db, "c-00000001", "Dana R", crisis_tier=2)
    event = await _event(backend, "c-00000001")
    csrf = await sign_in(web, backend, SAM)
    assert f"take-crisis-{event.id}" not in (await web.get("/alerts")).text
    refused = await web.post(f"/alerts/crisis/{event.id}", data={"csrf": csrf})
    assert refused.status_code == 403
    assert (await _event(backend, "c-00000001")).ack_at is None
    assert await _outbox(backend) == []


async def test_a_daily_flag_digest_taken_on_the_page(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    async with backend.db.transaction() as s:
        digest = FlagDigest(day=date(2026, 11, 26), created_at=NOW, clients=3, messages=1)
        s.add(digest)
        await s.flush()
        digest_id = digest.id
    csrf = await sign_in(web, backend, SAM)
    page = (await web.get("/alerts")).text
    assert "Daily flags of 2026-11-26: 3 clients." in page
    done = await web.post(f"/alerts/digest/{digest_id}", data={"csrf": csrf})
    assert "Sam K is on it" in done.text and "None." in done.text
    [(chat, text)] = await _outbox(backend)
    assert chat == STAFF_CHAT and text.startswith("Daily flags: Sam K is on it")
    async with backend.db.transaction() as s:
        row = await s.get(FlagDigest, digest_id)
        assert row is not None and (row.ack_by, row.ack_name) == ("staff:7103", "Sam K")
