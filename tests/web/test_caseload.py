"""The caseload and the client page: who sees whom, what they show, the audit trail, and the
changes staff make from the client page."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import select

from bot.service.backend import Backend
from bot.store.models import AuditEntry, Client
from tests.web.conftest import ADMIN, DANA, SAM, add_client, sign_in


async def _audit(backend: Backend) -> list[tuple[str, str, str]]:
    async with backend.db.transaction() as s:
        rows = await s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.actor, e.action, e.subject) for e in rows]


def _order(page: str) -> list[str]:
    return re.findall(r'<a href="/clients/(c-[0-9a-f]{8})">', page)


async def _seed(backend: Backend) -> None:
    every_day = {ago: 3 for ago in range(7)}
    await add_client(backend.db, "c-00000001", "Dana R", checkins=every_day, seen_hours_ago=2)
    # Cravings of 9 yesterday and the day before, and no check-in for two days: two flags.
    await add_client(backend.db, "c-00000002", "Dana R", checkins={3: 9, 4: 9},
                     seen_hours_ago=30)  # fmt: skip
    await add_client(backend.db, "c-00000003", "Sam K", checkins=every_day, crisis_tier=2,
                     seen_hours_ago=1, label="B-2")  # fmt: skip
    await add_client(backend.db, "c-00000004", "dana r ", checkins={0: 2}, seen_hours_ago=50)


async def test_an_admin_sees_everyone_riskiest_first(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    await sign_in(web, backend, ADMIN)
    page = (await web.get("/")).text
    # An open crisis notice first; then two flags; one flag; then none.
    assert _order(page) == ["c-00000003", "c-00000002", "c-00000004", "c-00000001"]
    assert "1 crisis notice not taken (tier 2)" in page  # one notice, said as one
    assert "craving 8 or more two days running" in page
    assert "no check-in the last 2 days" in page
    assert "100%" in page and "day 21 of 90" in page
    assert "Showing 4 of 4 clients" in page
    assert ("staff:7101", "view", "all") in await _audit(backend)


async def test_filters_by_counselor_track_and_status(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    await sign_in(web, backend, ADMIN)
    page = (await web.get("/", params={"counselor": "Sam K"})).text
    assert _order(page) == ["c-00000003"]
    page = (await web.get("/", params={"status": "discharged"})).text
    assert _order(page) == [] and "No clients to show." in page
    # HTMX asks for the table alone.
    part = await web.get("/", params={"counselor": "Dana R"}, headers={"HX-Request": "true"})
    assert "<html" not in part.text and _order(part.text) == ["c-00000002", "c-00000001"]


async def test_a_counselor_sees_only_their_own_clients(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    await sign_in(web, backend, DANA)
    page = (await web.get("/")).text
    # Their name matches whatever the case and outer spaces of the invite's --counselor.
    assert _order(page) == ["c-00000002", "c-00000004", "c-00000001"]
    assert "c-00000003" not in page
    mine = await web.get("/clients/c-00000001")
    assert mine.status_code == 200 and "Client c-00000001" in mine.text
    before = await _audit(backend)
    other = await web.get("/clients/c-00000003")
    assert other.status_code == 403 and "do not have access" in other.text
    assert "B-2" not in other.text
    chart = await web.get("/clients/c-00000003/chart/mood.png")
    assert chart.status_code == 403
    assert await _audit(backend) == before  # nothing of theirs was read, so nothing audited
    csrf = await sign_in(web, backend, DANA)
    refused = await web.post("/clients/c-00000003/discharge", data={"csrf": csrf,
                                                                    "confirm": "yes"})  # fmt: skip
    assert refused.status_code == 403
    async with backend.db.transaction() as s:
        status = await s.scalar(select(Client.status).where(Client.pseudo_id == "c-00000003"))
    assert status == "active"


async def test_the_client_page_shows_the_record_and_is_audited(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    await sign_in(web, backend, SAM)
    answer = await web.get("/clients/c-00000003")
    page = answer.text
    assert answer.status_code == 200
    assert "Tier 2: suicidal thoughts, self-harm" in page and "Not taken yet" in page
    assert "B-2" in page and "7 of 21 days" in page
    # Times are in the program's zone (America/New_York: NOW is 18:00 UTC, 1 PM there).
    assert "2026-11-26 12:00 PM EST" in page
    assert ("staff:7103", "view", "c-00000003") in await _audit(backend)
    for which in ("mood", "triggers"):
        png = await web.get(f"/clients/c-00000003/chart/{which}.png")
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
        assert png.headers["content-type"] == "image/png"
    # Each chart is audited too: its address can be opened without the page.
    async with backend.db.transaction() as s:
        details = list(await s.scalars(select(AuditEntry.detail).where(
            AuditEntry.subject == "c-00000003", AuditEntry.action == "view")))  # fmt: skip
    assert details == ["web client page", "web chart mood", "web chart triggers"]
    assert (await web.get("/clients/c-0000000f")).status_code == 404


async def test_discharge_readmit_and_erase_need_confirmation(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    await _seed(backend)
    csrf = await sign_in(web, backend, DANA)
    url = "/clients/c-00000001"
    unconfirmed = await web.post(f"{url}/discharge", data={"csrf": csrf})
    assert unconfirmed.status_code == 400 and "Tick the box to confirm." in unconfirmed.text
    assert 'aria-invalid="true" aria-describedby="e-discharge"' in unconfirmed.text
    done = await web.post(f"{url}/discharge", data={"csrf": csrf, "confirm": "yes"})
    assert done.status_code == 200 and "discharged c-00000001" in done.text
    again = await web.post(f"{url}/readmit", data={"csrf": csrf, "confirm": "yes"})
    assert "readmitted c-00000001" in again.text
    wrong = await web.post(f"{url}/erase", data={"csrf": csrf, "confirm_id": "c-00000002"})
    assert wrong.status_code == 400 and "Type the client id c-00000001 exactly" in wrong.text
    erased = await web.post(f"{url}/erase", data={"csrf": csrf, "confirm_id": "c-00000001"})
    assert erased.status_code == 200 and "erased c-00000001" in erased.text
    actions = [(a, s) for actor, a, s in await _audit(backend) if actor == "staff:7102"]
    for expected in (("discharge", "c-00000001"), ("readmit", "c-00000001"),
                     ("erase", "c-00000001")):  # fmt: skip
        assert expected in actions
    assert (await web.get(url)).status_code == 404


async def test_set_track_from_the_client_page(web: httpx.AsyncClient, backend: Backend) -> None:
    await _seed(backend)
    await backend.staff("cli:test").add_track("Evening IOP")
    csrf = await sign_in(web, backend, DANA)
    url = "/clients/c-00000001/track"
    put = await web.post(url, data={"csrf": csrf, "track": "Evening IOP"})
    assert "c-00000001 put on track Evening IOP" in put.text
    bad = await web.post(url, data={"csrf": csrf, "track": "Nope"})
    assert bad.status_code == 400 and 'id="e-track"' in bad.text
    off = await web.post(url, data={"csrf": csrf, "track": ""})
    assert "c-00000001 taken off track Evening IOP" in off.text


async def test_the_first_100_riskiest_then_show_all(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    for n in range(1, 106):
        await add_client(backend.db, f"c-{n:08x}", "Dana R", checkins={0: 3, 1: 3, 2: 3},
                         crisis_tier=2 if n == 105 else None)  # fmt: skip
    await sign_in(web, backend, ADMIN)
    first = (await web.get("/")).text
    assert len(_order(first)) == 100 and _order(first)[0] == "c-00000069"  # the open alert
    assert "Showing 100 of 105 clients" in first and "show=all" in first
    every = (await web.get("/", params={"show": "all"})).text
    assert len(_order(every)) == 105 and "show=all" not in every


def test_times_read_as_babel_writes_them() -> None:
    """The caseload writes English times itself, for speed: the same as Babel's."""
    from datetime import UTC, datetime, timedelta

    from bot.locales.formats import clock
    from bot.web.render import when

    for hours in range(0, 48, 5):
        moment = datetime(2026, 3, 8, 0, 17, tzinfo=UTC) + timedelta(hours=hours)
        local = moment.astimezone(ZoneInfo("America/New_York"))
        expected = f"{local:%Y-%m-%d} {clock(moment, 'en', 'America/New_York')} {local:%Z}"
        assert when(moment, "America/New_York") == expected


async def test_a_counselor_named_with_accents_finds_their_clients_in_any_case(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """The caseload and the alerts match the counselor's name without case as the client
    page does, letters outside ASCII included (SQLite's lower() folds ASCII only)."""
    from bot.service.web_auth import WebAuth

    await WebAuth(backend.db, backend.clock).add_staff(7110, "Ángela R", "counselor", "cli:test")
    await add_client(backend.db, "c-00000011", "ÁNGELA R", crisis_tier=1, seen_hours_ago=1)
    await add_client(backend.db, "c-00000012", "Dana R", seen_hours_ago=1)
    await sign_in(web, backend, 7110)
    assert (await web.get("/clients/c-00000011")).status_code == 200
    assert _order((await web.get("/")).text) == ["c-00000011"]
    alerts = (await web.get("/alerts")).text
    assert "c-00000011" in alerts and "c-00000012" not in alerts


async def test_counts_agree_with_their_number(web: httpx.AsyncClient, backend: Backend) -> None:
    """'1 crisis notice', '2 crisis notices', '0 of 1 day': Babel's plural rules, as the bot's
    texts, not 'notice(s)'."""
    from datetime import timedelta

    from bot.store.models import CrisisEvent
    from tests.tg.conftest import NOW

    cid = await add_client(backend.db, "c-00000021", "Dana R", crisis_tier=1, days=0)
    async with backend.db.transaction() as s:
        s.add(CrisisEvent(client_id=cid, created_at=NOW - timedelta(minutes=5), tier=2,
                          source="text", shown="crisis", noticed_at=NOW, notices=0))  # fmt: skip
    await sign_in(web, backend, ADMIN)
    page = (await web.get("/")).text
    assert "2 crisis notices not taken (tier 1)" in page and "(s)" not in page
    client = (await web.get("/clients/c-00000021")).text
    assert "0 of 1 day<" in client


async def test_a_second_discharge_from_an_older_tab_says_why_it_was_refused(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """The page after a refused discharge shows the readmit form (the client is discharged):
    the refusal is shown there, announced, not lost with a bare 400."""
    await add_client(backend.db, "c-00000031", "Dana R")
    csrf = await sign_in(web, backend, DANA)
    url = "/clients/c-00000031/discharge"
    assert (await web.post(url, data={"csrf": csrf, "confirm": "yes"})).status_code == 200
    again = await web.post(url, data={"csrf": csrf, "confirm": "yes"})
    assert again.status_code == 400
    found = re.search(r'id="e-readmit" class="field-error" role="alert">([^<]+)<', again.text)
    assert found is not None and "c-00000031" in found.group(1)
