"""The daily flag digest on a real database (SQLite file, and PostgreSQL when reachable): due at
FLAG_DIGEST_AT in the program's zone, once a program day, only the flagged clients, nothing
without a staff chat, and taken with the crisis notice's "I'm on it"."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select

from bot.config import Settings, load_settings
from bot.domain.conversation import model as m
from bot.service import digest
from bot.service.conversation import Address, Service
from bot.service.mailbox import decode
from bot.service.staff import StaffDesk
from bot.store import repo
from bot.store.database import Database
from bot.store.models import AuditEntry, CheckIn, FlagDigest, OutboxMessage
from tests.service.test_service import ANA, BEN, T0, Clock, enroll

STAFF_CHAT = -100500
CY = Address(1003, 1003, "en")
DEE = Address(1004, 1004, "en")
# T0 is Thu Nov 26 2026, 13:00 in New York (the program) and 12:00 in Chicago (the clients).
NINE_SUNDAY = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)  # Sun Nov 29, 09:00 EST
CALM = {"mood": 4, "craving": 2, "sleep": "ok"}


def settings(**more: Any) -> Settings:
    base: dict[str, Any] = {"enrollment": "invite", "staff_chat_id": STAFF_CHAT}
    return load_settings(_env_file=None, **{**base, **more})


async def checkins(db: Database, addr: Address, answers: dict[date, dict[str, Any]]) -> None:
    async with db.transaction() as s:
        client = await repo.get_client_by_tg(s, addr.user_id)
        assert client is not None
        for day, values in answers.items():
            await repo.save_checkin(s, client.id, day, values, T0)


async def pseudo(db: Database, addr: Address) -> str:
    async with db.transaction() as s:
        client = await repo.get_client_by_tg(s, addr.user_id)
        assert client is not None
        return client.pseudo_id


async def program(db: Database, clock: Clock, cfg: Settings) -> dict[str, str]:
    """Four clients enrolled at T0: Ana (A-17, Dana) craving 9 then 8, Ben calm every day,
    Cy with no check-in since, Dee who missed her medication twice and stopped the bot."""
    svc = Service(db, cfg, clock)
    await enroll(svc, ANA, label="A-17", counselor="Dana")
    await enroll(svc, BEN)
    await enroll(svc, CY)
    dee = await enroll(svc, DEE, counselor="Lee")
    await checkins(
        db, ANA, {date(2026, 11, 27): {"craving": 9}, date(2026, 11, 28): {"craving": 8}}
    )
    await checkins(db, BEN, {date(2026, 11, d): CALM for d in (26, 27, 28)})
    missed = {"medication": "missed", **CALM}
    await checkins(db, DEE, {date(2026, 11, 27): missed, date(2026, 11, 28): missed})
    await dee.send(m.Command("stop"))
    return {name: await pseudo(db, a) for name, a in (("ana", ANA), ("ben", BEN), ("cy", CY),
                                                       ("dee", DEE))}  # fmt: skip


async def notices(db: Database) -> list[Any]:
    async with db.transaction() as s:
        rows = (await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    return [decode(r.payload, r.chat_id)[0] for r in rows if r.chat_id == STAFF_CHAT]


async def test_the_digest_goes_at_its_time_once_a_day_naming_only_the_flagged(
    store_db: Database,
) -> None:
    cfg, clock = settings(), Clock()
    ids = await program(store_db, clock, cfg)
    before = NINE_SUNDAY - timedelta(minutes=1)
    assert await digest.send_due(store_db, before, cfg) == 0  # 08:59 in New York
    async with store_db.transaction() as s:
        assert (await s.scalars(select(FlagDigest))).all() == []  # not even looked yet
    assert await digest.send_due(store_db, NINE_SUNDAY, cfg) == 1
    [notice] = await notices(store_db)
    lines = notice.text.split("\n")
    assert lines[:3] == [
        "Daily flags, Sun Nov 29",
        "3 clients to look at today. Tap the button below when someone has it in hand.",
        "",
    ]
    assert lines[3:6] == sorted(lines[3:6])  # by client id
    assert set(lines[3:6]) == {
        f"• {ids['ana']} (label A-17, counselor Dana): craving 8 or more two days running",
        f"• {ids['cy']}: no check-in the last 2 days",
        f"• {ids['dee']} (counselor Lee): medication missed on 2 days in 7; "
        "has stopped the bot's messages",
    }
    assert ids["ben"] not in notice.text
    assert lines[6:] == ["", "The program report's rules, over each client's last 7 days."]
    # A lock screen shows the first line or two: no flag, no health word there.
    preview = " ".join(lines[:2])
    for word in ("craving", "medication", "sleep", "check-in", "crisis"):
        assert word not in preview
    async with store_db.transaction() as s:
        [row] = (await s.scalars(select(FlagDigest))).all()
        audits = (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()
    assert (row.day, row.clients, row.messages, row.ack_at) == (date(2026, 11, 29), 3, 1, None)
    assert [[(c.label, c.data) for c in r] for r in notice.buttons] == [
        [("I'm on it", f"flags:{row.id}")]
    ]
    assert sorted((a.actor, a.action, a.subject) for a in audits) == sorted(
        ("bot", "digest", ids[name]) for name in ("ana", "cy", "dee")
    )
    assert [a.detail for a in audits if a.subject == ids["ana"]] == [
        f"daily flags 2026-11-29, digest {row.id}: craving>=8 two days running"
    ]
    # The same program day: never again, at any time of it.
    for later in (timedelta(minutes=1), timedelta(hours=14, minutes=59)):
        assert await digest.send_due(store_db, NINE_SUNDAY + later, cfg) == 0
    assert len(await notices(store_db)) == 1
    # The next day's digest, at its time (Cy and Dee still flagged; Ana's two days still in
    # her last seven).
    assert await digest.send_due(store_db, NINE_SUNDAY + timedelta(hours=23, minutes=59), cfg) == 0
    assert await digest.send_due(store_db, NINE_SUNDAY + timedelta(days=1), cfg) == 1
    assert (await notices(store_db))[-1].text.startswith("Daily flags, Mon Nov 30\n3 clients")


async def test_the_first_tap_takes_the_digest_and_later_taps_are_told_who(
    store_db: Database,
) -> None:
    cfg, clock = settings(staff_user_ids="7,8"), Clock()
    await program(store_db, clock, cfg)
    await digest.send_due(store_db, NINE_SUNDAY, cfg)
    [notice] = await notices(store_db)
    [[button]] = notice.buttons
    digest_id = digest.parse_take(button.data)
    assert digest_id is not None
    clock.now = NINE_SUNDAY + timedelta(minutes=4)
    dana = StaffDesk(store_db, cfg, clock, actor="staff:7")
    first = await dana.take_digest(digest_id, "Dana", notice.text)
    assert first.first and first.toast == "Dana is on it (Sun Nov 29 9:04 AM EST)."
    assert first.text == notice.text + "\n\n✅ Dana is on it (Sun Nov 29 9:04 AM EST)."
    clock.now += timedelta(minutes=1)
    lee = StaffDesk(store_db, cfg, clock, actor="staff:8")
    second = await lee.take_digest(digest_id, "Lee", first.text)  # a copy already edited
    assert not second.first and second.toast == "Already taken by Dana."
    assert second.text == first.text  # nothing to change on it
    unseen = await lee.take_digest(digest_id, "Lee", None)  # Telegram gave no text
    assert unseen.text is None and unseen.toast == "Already taken by Dana."
    async with store_db.transaction() as s:
        [row] = (await s.scalars(select(FlagDigest))).all()
        acks = (await s.scalars(select(AuditEntry).where(AuditEntry.action == "ack"))).all()
    assert (row.ack_by, row.ack_name) == ("staff:7", "Dana")
    assert row.ack_at == NINE_SUNDAY + timedelta(minutes=4)
    assert [(a.actor, a.subject, a.detail) for a in acks] == [
        ("staff:7", "all", f"daily flags 2026-11-29, digest {digest_id}, 3 clients")
    ]
    gone = await dana.take_digest(digest_id + 100, "Dana", "anything")
    assert (gone.first, gone.text, gone.toast) == (False, None, "This notice is no longer open.")


@pytest.mark.parametrize(
    "more", [{"staff_chat_id": None}, {"flag_digest_at": "off"}], ids=["no-staff-chat", "off"]
)
async def test_no_staff_chat_or_off_sends_and_writes_nothing(
    store_db: Database, more: dict[str, Any]
) -> None:
    cfg = settings(**more)
    await program(store_db, Clock(), settings())
    assert await digest.send_due(store_db, NINE_SUNDAY, cfg) == 0
    async with store_db.transaction() as s:
        assert (await s.scalars(select(FlagDigest))).all() == []
        assert await s.scalar(select(AuditEntry.id).where(AuditEntry.action == "digest")) is None
    assert await notices(store_db) == []


async def test_nothing_flagged_sends_nothing_and_looks_once(store_db: Database) -> None:
    cfg, clock = settings(), Clock()
    await enroll(Service(store_db, cfg, clock), BEN)
    await checkins(store_db, BEN, {date(2026, 11, d): CALM for d in (26, 27, 28)})
    assert await digest.send_due(store_db, NINE_SUNDAY, cfg) == 0
    async with store_db.transaction() as s:
        [row] = (await s.scalars(select(FlagDigest))).all()
    assert (row.clients, row.messages) == (0, 0)
    assert await notices(store_db) == []
    # Flagged later that day (his check-ins gone): nothing more until tomorrow's digest.
    async with store_db.transaction() as s:
        await s.execute(delete(CheckIn))
    assert await digest.send_due(store_db, NINE_SUNDAY + timedelta(hours=1), cfg) == 0
    assert await notices(store_db) == []
    tomorrow = NINE_SUNDAY + timedelta(days=1)
    assert await digest.send_due(store_db, tomorrow, cfg) == 1
    assert f"{await pseudo(store_db, BEN)}: no check-in the last 2 days" in (
        (await notices(store_db))[0].text
    )
    taken = await StaffDesk(store_db, cfg, clock, actor="staff:7").take_digest(row.id, "Dana", "x")
    assert taken.toast == "This notice is no longer open."


async def test_two_runs_at_once_send_one_digest(store_db: Database) -> None:
    cfg = settings()
    await program(store_db, Clock(), cfg)
    written = await asyncio.gather(*(digest.send_due(store_db, NINE_SUNDAY, cfg) for _ in "ab"))
    assert sorted(written) == [0, 1]
    assert len(await notices(store_db)) == 1


async def test_the_program_zone_decides_the_day_and_the_time(store_db: Database) -> None:
    """FLAG_DIGEST_AT is program-local: 07:30 in Los Angeles is 15:30 UTC."""
    cfg = settings(program_timezone="America/Los_Angeles", flag_digest_at="07:30")
    await program(store_db, Clock(), cfg)
    at = datetime(2026, 11, 29, 15, 30, tzinfo=UTC)
    assert await digest.send_due(store_db, at - timedelta(seconds=1), cfg) == 0
    assert await digest.send_due(store_db, at, cfg) == 1
    [notice] = await notices(store_db)
    assert notice.text.startswith("Daily flags, Sun Nov 29\n")


def test_a_long_digest_is_split_into_messages_that_fit_each_with_every_client_once() -> None:
    found = [
        digest.Flagged(
            f"c-{n:08x}", f"c-{n:08x} (label {'L' * 32}, counselor {'C' * 64})", "active",
            ("craving>=8 two days running", "2 missed medication days in 7",
             "poor sleep 3x in a week", "2 missed check-ins in a row"),
        )
        for n in range(120)
    ]  # fmt: skip
    texts = digest.digest_texts(date(2026, 11, 29), found)
    assert len(texts) > 1
    assert all(len(text) <= digest.PART_CHARS for text in texts)  # Telegram takes 4,096
    for n, text in enumerate(texts, start=1):
        assert text.startswith(f"Daily flags, Sun Nov 29 (part {n} of {len(texts)})\n120 clients")
    listed = [line for text in texts for line in text.split("\n") if line.startswith("• ")]
    assert [line[2:12] for line in listed] == [f.pseudo_id for f in found]
    assert digest.digest_texts(date(2026, 11, 29), []) == []
