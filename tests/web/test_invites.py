"""Invites from the web view: the invite command's own checks, a link and QR code shown
once, the pending list and revoking."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.service.backend import Backend
from bot.store.models import Invite
from tests.web.conftest import ADMIN, DANA, SAM, browser, sign_in


async def test_create_an_invite_see_its_link_and_qr_then_revoke_it(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await backend.staff("cli:test").add_track("Evening IOP")
    csrf = await sign_in(web, backend, DANA)
    page = (await web.get("/invites")).text
    assert "No pending invites." in page
    assert '<label for="inv-label">Label (staff only)</label>' in page
    made = await web.post("/invites", data={"csrf": csrf, "label": "A-17", "counselor": "Dana R",
                                            "track": "Evening IOP", "expires": "7d"})  # fmt: skip
    assert made.status_code == 200
    link = re.search(r'id="invite-link" href="(https://t\.me/your_bot\?start=[^"]+)"', made.text)
    assert link is not None
    assert "<svg" in made.text and "QR code of the invite link" in made.text
    pid = re.search(r"Client id: (c-[0-9a-f]{8})", made.text)
    assert pid is not None
    async with backend.db.transaction() as s:
        invite = await s.scalar(select(Invite))
    assert invite is not None
    assert (invite.pseudo_id, invite.label, invite.counselor, invite.track) == (
        pid.group(1), "A-17", "Dana R", "Evening IOP"
    )
    assert (invite.expires_at - invite.created_at).days == 7
    # Listed as pending, with a button that revokes it.
    listed = (await web.get("/invites")).text
    assert pid.group(1) in listed and "Revoke #1" in listed and "invite-link" not in listed
    revoked = await web.post("/invites/revoke", data={"csrf": csrf, "invite": "#1"})
    assert f"revoked invite #1 ({pid.group(1)})" in revoked.text
    assert "No pending invites." in revoked.text


async def test_the_commands_checks_refuse_next_to_the_field(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(web, backend, DANA)
    too_long = await web.post("/invites", data={"csrf": csrf, "expires": "90d"})
    assert too_long.status_code == 400
    assert re.search(r'id="inv-expires-error" role="alert">invite expiry 90d is too long',
                     too_long.text)  # fmt: skip
    assert 'id="inv-expires" name="expires" type="text" value="90d" aria-invalid="true"' in (
        too_long.text
    )
    phone = await web.post("/invites", data={"csrf": csrf, "label": "555-123-4567"})
    assert re.search(r'id="inv-label-error" role="alert">--label looks like a phone number',
                     phone.text)  # fmt: skip
    no_track = await web.post("/invites", data={"csrf": csrf, "track": "Nope"})
    assert re.search(r'id="inv-track-error" role="alert">[^<]*Nope', no_track.text)
    async with backend.db.transaction() as s:
        assert await s.scalar(select(Invite)) is None


async def test_a_counselor_sees_and_revokes_only_their_own_pending_invites(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """Another counselor's pending invite (its label a chart number) is neither listed nor
    revocable by a counselor; an admin sees them all; expiry in the program's zone."""
    staff = backend.staff("cli:test")
    await staff.new_invite(timedelta(hours=72), None, label="A-17", counselor="Dana R")
    await staff.new_invite(timedelta(hours=72), None, label="B-22", counselor="Sam K")
    csrf = await sign_in(web, backend, DANA)
    mine = (await web.get("/invites")).text
    assert "A-17" in mine and "B-22" not in mine and "Revoke #2" not in mine
    assert re.search(r"expires 2026-1\d-\d\d \d+:\d\d [AP]M EST", mine), mine
    refused = await web.post("/invites/revoke", data={"csrf": csrf, "invite": "#2"})
    assert refused.status_code == 403
    assert re.search(r'role="alert">You do not have access to this client.<', refused.text)
    async with backend.db.transaction() as s:
        assert [i.revoked_at for i in await s.scalars(select(Invite).order_by(Invite.id))] == [
            None, None
        ]
    async with browser(backend) as admin:
        await sign_in(admin, backend, ADMIN)
        every = (await admin.get("/invites")).text
        assert "A-17" in every and "B-22" in every
    async with browser(backend) as sam:
        sam_csrf = await sign_in(sam, backend, SAM)
        done = await sam.post("/invites/revoke", data={"csrf": sam_csrf, "invite": "#2"})
        assert done.status_code == 200 and "revoked invite #2" in done.text
