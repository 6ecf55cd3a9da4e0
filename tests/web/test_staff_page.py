"""The Staff page: admins add, change and remove who may sign in, with the CLI's rules."""

from __future__ import annotations

import httpx

from bot.service.backend import Backend
from tests.web.conftest import ADMIN, DANA, browser, sign_in


async def test_an_admin_manages_staff_and_a_removed_member_is_signed_out(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    csrf = await sign_in(web, backend, ADMIN)
    page = (await web.get("/staff")).text
    assert "7102  Dana R  counselor" in page
    added = await web.post("/staff/add", data={"csrf": csrf, "id": "7200", "name": "Lee M",
                                               "role": "counselor"})  # fmt: skip
    assert "added staff member 7200: Lee M (counselor)" in added.text
    bad = await web.post("/staff/add", data={"csrf": csrf, "id": "lee", "name": "Lee",
                                             "role": "counselor"})  # fmt: skip
    assert bad.status_code == 400 and 'id="staff-add-id-error" role="alert">ID must be' in (
        bad.text
    )
    async with browser(backend) as dana:
        await sign_in(dana, backend, DANA)
        assert (await dana.get("/staff")).status_code == 403  # a counselor
        removed = await web.post("/staff/remove", data={"csrf": csrf, "id": "7102"})
        assert "removed staff member 7102; their web sessions ended" in removed.text
        assert (await dana.get("/")).status_code == 303


async def test_every_field_is_described_only_by_what_is_on_the_page(
    web: httpx.AsyncClient, backend: Backend
) -> None:
    """aria-describedby names only elements that exist (a field without a hint named a
    missing one), and every id is used once."""
    import re
    from collections import Counter

    await sign_in(web, backend, ADMIN)
    for path in ("/", "/alerts", "/invites", "/schedules", "/report", "/audit", "/staff"):
        page = (await web.get(path)).text
        ids = Counter(re.findall(r'\sid="([^"]+)"', page))
        assert not [i for i, n in ids.items() if n > 1], path
        named = [n for group in re.findall(r'aria-describedby="([^"]*)"', page)
                 for n in group.split()]  # fmt: skip
        assert [n for n in named if n not in ids] == [], path
        assert named or path in ("/", "/alerts"), path  # the forms' fields are described


async def test_the_menu_marks_the_page_shown(web: httpx.AsyncClient, backend: Backend) -> None:
    """aria-current="page" on the menu's link to the page shown, and on no other."""
    import re

    await sign_in(web, backend, ADMIN)
    for path in ("/", "/alerts", "/invites", "/schedules", "/report", "/staff"):
        page = (await web.get(path)).text
        assert re.findall(r'<a href="([^"]+)" aria-current="page">', page) == [path], path
