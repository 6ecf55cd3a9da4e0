"""Schedules from the web view: tracks and sessions added, changed, skipped and removed by
the staff commands themselves, refusals next to the field."""

from __future__ import annotations

import html
import re

import httpx
from sqlalchemy import select

from bot.service.backend import Backend
from bot.store.models import AuditEntry, Invite, ProgramSession, SessionSkip, Track
from tests.web.conftest import ADMIN, DANA, SAM, add_client, browser, sign_in


def _error(page: str, form: str, name: str) -> str:
    found = re.search(rf'id="{form}-{name}-error" role="alert">([^<]*)<', page)
    assert found is not None, f"no error field {form}-{name}"
    return html.unescape(found.group(1))


async def test_tracks_and_sessions_from_start_to_end(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(web, backend, DANA)
    track = {"csrf": csrf, "name": "Evening IOP", "timezone": "America/Chicago"}
    added = await web.post("/schedules/track-add", data=track)
    assert added.status_code == 200
    assert "added track Evening IOP (America/Chicago)" in added.text
    session = {"csrf": csrf, "track": "Evening IOP", "kind": "group", "weekly": "mon, wed",
               "start": "18:00", "length": "180", "place": "Room 4"}  # fmt: skip
    made = await web.post("/schedules/session-add", data=session)
    assert "added #1  track Evening IOP  group  Mon 18:00-21:00 America/Chicago  Room 4" in (
        made.text
    )
    assert '<option value="#2">#2</option>' in made.text
    edited = await web.post("/schedules/session-edit", data={"csrf": csrf, "id": "#2",
                                                             "start": "17:30"})  # fmt: skip
    assert "changed #2" in edited.text and "Wed 17:30-20:30" in edited.text
    # NOW is Thursday 2026-11-26: the next Monday is the 30th.
    skipped = await web.post("/schedules/session-skip", data={"csrf": csrf, "id": "#1",
                                                              "date": "2026-11-30"})  # fmt: skip
    assert "skipping #1" in skipped.text and "(skipped: 2026-11-30)" in skipped.text
    removed = await web.post("/schedules/session-remove", data={"csrf": csrf, "id": "#2"})
    assert "removed #2" in removed.text
    async with backend.db.transaction() as s:
        sessions = list(await s.scalars(select(ProgramSession)))
        skips = list(await s.scalars(select(SessionSkip.skip_date)))
    assert [(x.id, x.weekday, x.start_time) for x in sessions] == [(1, 0, "18:00")]
    assert [d.isoformat() for d in skips] == ["2026-11-30"]
    gone = await web.post("/schedules/track-remove", data={"csrf": csrf, "name": "Evening IOP"})
    assert "removed track Evening IOP" in gone.text and "No sessions yet." in gone.text


async def test_the_commands_checks_refuse_next_to_the_field(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(web, backend, DANA)
    await web.post("/schedules/track-add", data={"csrf": csrf, "name": "Evening IOP"})
    base = {"csrf": csrf, "track": "Evening IOP", "kind": "group", "weekly": "mon",
            "start": "18:00", "length": "180"}  # fmt: skip
    bad_start = await web.post("/schedules/session-add", data={**base, "start": "25:00"})
    assert bad_start.status_code == 400
    assert _error(bad_start.text, "session-add", "start").startswith("invalid start time")
    assert 'value="25:00" aria-invalid="true"' in bad_start.text  # what was typed stays
    bad_day = await web.post("/schedules/session-add", data={**base, "weekly": "someday"})
    assert _error(bad_day.text, "session-add", "weekly").startswith("unknown day 'someday'")
    past = await web.post("/schedules/session-add",
                          data={**base, "weekly": "", "once": "2026-11-01"})  # fmt: skip
    assert past.status_code == 400 and "2026-11-01" in past.text
    no_length = await web.post("/schedules/session-add", data={**base, "length": ""})
    assert _error(no_length.text, "session-add", "length") == "MINUTES is required"
    no_name = await web.post("/schedules/track-add", data={"csrf": csrf, "name": " "})
    assert _error(no_name.text, "track-add", "name") == "NAME is required"
    zone = await web.post("/schedules/track-add", data={"csrf": csrf, "name": "Late",
                                                        "timezone": "UTC+3"})  # fmt: skip
    assert zone.status_code == 400 and _error(zone.text, "track-add", "timezone")
    async with backend.db.transaction() as s:
        assert list(await s.scalars(select(Track.name))) == ["Evening IOP"]
        assert list(await s.scalars(select(ProgramSession))) == []


async def test_a_counselor_schedules_only_their_own_clients(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """A counselor cannot add, change, skip or remove a session of another counselor's
    client (it would message that client), nor see those sessions listed; an admin can."""
    await add_client(backend.db, "c-00000001", "Dana R")
    await add_client(backend.db, "c-00000002", "Sam K")
    csrf = await sign_in(web, backend, DANA)
    one = {"csrf": csrf, "kind": "individual", "once": "2026-12-05", "start": "10:00",
           "length": "60"}  # fmt: skip
    theirs = await web.post("/schedules/session-add", data={**one, "client": "c-00000002"})
    assert theirs.status_code == 403
    assert _error(theirs.text, "session-add", "client") == "You do not have access to this client."
    mine = await web.post("/schedules/session-add", data={**one, "client": "c-00000001"})
    assert mine.status_code == 200 and "client c-00000001" in mine.text
    async with browser(backend) as admin:
        admin_csrf = await sign_in(admin, backend, ADMIN)
        theirs_by_admin = {**one, "csrf": admin_csrf, "client": "c-00000002"}
        made = await admin.post("/schedules/session-add", data=theirs_by_admin)
        assert made.status_code == 200 and "added #2  client c-00000002" in made.text
    page = (await web.get("/schedules")).text
    assert "c-00000001" in page and "c-00000002" not in page
    changes = (("session-edit", {"start": "11:00"}), ("session-skip", {"date": "2026-12-05"}),
               ("session-remove", {}))  # fmt: skip
    for form, extra in changes:
        refused = await web.post(f"/schedules/{form}", data={"csrf": csrf, "id": "#2", **extra})
        assert refused.status_code == 403, form
        assert _error(refused.text, form, "id") == "You do not have access to this client."
    async with backend.db.transaction() as s:
        rows = list(await s.scalars(select(ProgramSession).order_by(ProgramSession.id)))
        skips = list(await s.scalars(select(SessionSkip)))
    assert [(r.id, r.start_time) for r in rows] == [(1, "10:00"), (2, "10:00")] and not skips
    async with browser(backend) as sam:
        sam_csrf = await sign_in(sam, backend, SAM)
        assert "c-00000002" in (await sam.get("/schedules")).text
        gone = await sam.post("/schedules/session-remove", data={"csrf": sam_csrf, "id": "2"})
        assert gone.status_code == 200 and "removed #2" in gone.text


async def test_a_track_name_with_a_control_character_is_refused_for_what_it_is(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """A right-to-left override in a name (it would reverse how the name reads) is refused as
    not printable, not as 'starting with a dash'."""
    csrf = await sign_in(web, backend, DANA)
    answer = await web.post("/schedules/track-add", data={"csrf": csrf, "name": "\u202eEvening"})
    assert answer.status_code == 400
    assert _error(answer.text, "track-add", "name") == (
        "track name must be printable characters (no control characters)"
    )
    long = await web.post("/schedules/track-add", data={"csrf": csrf, "name": "x" * 65})
    assert _error(long.text, "track-add", "name") == "track name must be 1-64 characters"


async def test_every_change_from_the_web_is_audited_under_the_staff_member(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """The forms run the staff commands at the one desk, so each change is one audit entry
    under "staff:<id>", as from the command line and Telegram (issue 10, item 7)."""
    await add_client(backend.db, "c-00000001", "Dana R")
    csrf = await sign_in(web, backend, ADMIN)
    posts = [
        ("/schedules/track-add", {"name": "Evening IOP"}),
        ("/schedules/session-add", {"track": "Evening IOP", "kind": "group", "weekly": "mon",
                                    "start": "18:00", "length": "60", "place": "Room 4"}),
        ("/schedules/session-edit", {"id": "#1", "start": "18:30"}),
        ("/schedules/session-skip", {"id": "#1", "date": "2026-11-30"}),
        ("/clients/c-00000001/track", {"track": "Evening IOP"}),
        ("/invites", {"label": "A-17", "expires": "72h"}),
        ("/invites/revoke", {"invite": "#1"}),
        ("/schedules/session-remove", {"id": "#1"}),
        ("/schedules/track-remove", {"name": "Evening IOP"}),
        ("/staff/add", {"id": "7200", "name": "Lee M", "role": "counselor"}),
        ("/staff/remove", {"id": "7200"}),
    ]  # fmt: skip
    for path, data in posts:
        answer = await web.post(path, data={"csrf": csrf, **data})
        assert answer.status_code == 200, path
    async with backend.db.transaction() as s:
        found = (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()
        invite = await s.scalar(select(Invite))
    assert invite is not None
    changes = [(e.actor, e.action, e.subject, e.detail) for e in found
               if e.actor == f"staff:{ADMIN}" and e.action != "view"]  # fmt: skip
    assert [change[1:3] for change in changes] == [
        ("track-add", "all"), ("session-add", "all"), ("session-edit", "all"),
        ("session-skip", "all"), ("set-track", "c-00000001"), ("invite", invite.pseudo_id),
        ("invite-revoke", invite.pseudo_id), ("session-remove", "all"), ("track-remove", "all"),
        ("staff-add", "all"), ("staff-remove", "all"),
    ]  # fmt: skip
    assert changes[5][3] == "invite #1, expires 2026-11-29 1:00 PM EST"  # as the page shows it
    assert changes[9][3] == "staff member 7200 added as counselor"
    every = "\n".join(change[3] for change in changes)
    assert "Room 4" not in every and "A-17" not in every and "Lee M" not in every
