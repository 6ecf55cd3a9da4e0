"""The service on a real database (SQLite file, and PostgreSQL when reachable), fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.config import load_settings
from bot.domain.conversation import model as m
from bot.service.conversation import Address, Service
from bot.store import repo
from bot.store.database import Database
from bot.store.models import Base, CheckIn, Client, Craving, CrisisEvent, InboxUpdate, Invite

T0 = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
ANA = Address(1001, 1001, "en")
BEN = Address(1002, 1002, "es")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(store_db: Database, clock: Clock) -> Service:
    settings = load_settings(enrollment="invite", program_helpline="1-555-0100")
    return Service(store_db, settings, clock)


async def invite(svc: Service, hours: int = 72, **staff: str | None) -> str:
    async with svc.db.transaction() as s:
        now = svc.clock()
        code, _ = await repo.create_invite(
            s, now=now, expires_at=now + timedelta(hours=hours), **staff
        )
        return code


class Person:
    """Drives the service as one person would, tapping buttons by value."""

    def __init__(self, svc: Service, addr: Address) -> None:
        self.svc, self.addr = svc, addr
        self.replies: list[m.Reply] = []
        self.update_id = addr.user_id * 1000

    async def send(self, event: m.Event) -> list[m.Reply]:
        self.update_id += 1
        replies = await self.svc.handle(self.addr, event, self.update_id)
        assert replies is not None, "every new update gets replies"
        self.replies = replies
        return replies

    async def tap(self, value: str) -> list[m.Reply]:
        data = [c.data for r in self.replies for row in r.buttons for c in row]
        match = [d for d in data if d.startswith("s") and d.split(":", 1)[1] == value]
        assert match, f"no button {value!r} in {data}"
        return await self.send(m.Button(match[-1]))

    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)


async def enroll(
    svc: Service, addr: Address, lang: str = "en", label: str | None = None,
    counselor: str | None = None,
) -> Person:  # fmt: skip
    code = await invite(svc, label=label, counselor=counselor)
    p = Person(svc, addr)
    await p.send(m.Command("start", code))
    for value in (lang, "yes", "America/Chicago", "20:00", "no"):
        await p.tap(value)
    await p.tap("skip")
    await p.tap("skip")
    return p


async def count(db: Database, model: type[Base], **where: object) -> int:
    async with db.transaction() as s:
        stmt = select(func.count()).select_from(model)
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        return int(await s.scalar(stmt) or 0)


async def test_stranger_gets_help_and_nothing_is_stored(service: Service) -> None:
    p = Person(service, ANA)
    await p.send(m.Text("hello"))
    assert "988" in p.text() and "1-555-0100" in p.text() and "invite" in p.text()
    assert await count(service.db, Client) == 0


async def test_stranger_crisis_is_recorded_without_identity_or_text(service: Service) -> None:
    p = Person(service, ANA)
    await p.send(m.Text("I took too many pills and can't stay awake"))
    assert "Call 911 now" in p.text()
    async with service.db.transaction() as s:
        events = (await s.scalars(select(CrisisEvent))).all()
    assert [(e.client_id, e.tier, e.source) for e in events] == [(None, 1, "text")]
    assert "pills" not in events[0].shown


async def test_invite_is_single_use_and_expires(service: Service, clock: Clock) -> None:
    code = await invite(service)
    first = Person(service, ANA)
    await first.send(m.Command("start", code))
    assert "Which language" in first.text()
    second = Person(service, BEN)
    await second.send(m.Command("start", code))
    assert "no es válida" in second.text()  # BEN's Telegram is in Spanish
    late = await invite(service, hours=1)
    clock.now += timedelta(hours=2)
    await second.send(m.Command("start", late))
    assert "no es válida" in second.text()
    assert await count(service.db, Client) == 1
    assert await count(service.db, Invite, client_id=None) == 1


async def test_enrollment_stores_settings_and_consent(service: Service) -> None:
    await enroll(service, ANA)
    async with service.db.transaction() as s:
        client = await repo.get_client_by_tg(s, ANA.user_id)
        assert client is not None
        assert (client.status, client.timezone, client.checkin_time) == (
            "active", "America/Chicago", "20:00",
        )  # fmt: skip
        assert client.enrolled_at == T0


async def test_checkin_saved_once_and_replaced_on_request(service: Service) -> None:
    p = await enroll(service, ANA)
    await p.send(m.Command("checkin"))
    for value in ("6", "3", "no", "ok", "4", "none", "7", "no"):
        await p.tap(value)
    assert "check-in is saved" in p.text()
    await p.send(m.Command("checkin"))
    assert "already checked in" in p.text()
    await p.tap("yes")
    for value in ("2", "9", "no", "poor", "9", "none", "2", "no"):
        await p.tap(value)
    assert "updated" in p.text()
    async with service.db.transaction() as s:
        rows = (await s.scalars(select(CheckIn))).all()
    assert [(r.mood, r.craving, r.sleep) for r in rows] == [(2, 9, "poor")]


async def test_redelivered_update_changes_nothing(service: Service) -> None:
    p = await enroll(service, ANA)
    await p.send(m.Command("craving"))
    await p.tap("5")
    await p.tap("none")
    tap = [
        c.data for r in p.replies for row in r.buttons for c in row if c.data.endswith(":nothing")
    ]
    first = await service.handle(ANA, m.Button(tap[0]), 555)
    again = await service.handle(ANA, m.Button(tap[0]), 555)
    assert first and again is None
    assert await count(service.db, Craving) == 1


async def test_an_updates_inbox_row_goes_with_its_event(service: Service) -> None:
    """The event's transaction deletes the update's inbox row (one transaction fewer per
    update; issue 12): the poller is told once. A row not written yet, a terminal event
    (`handle`, nothing durable) and a redelivery's row are handled as before."""
    inbox, help_ = service.inbox, m.Command("help")
    await inbox.record([(700, ANA.chat_id, {"update_id": 700}),
                        (701, ANA.chat_id, {"update_id": 701})])  # fmt: skip
    assert await service.handle_update(ANA, help_, 700)
    assert await count(service.db, InboxUpdate) == 1  # 701 waits still
    assert inbox.dropped(700) and not inbox.dropped(700)  # told once
    assert await service.handle_update(ANA, help_, 702)  # never recorded: nothing to drop
    assert not inbox.dropped(702)
    assert await service.handle(ANA, help_, 701)  # not durable: the row stays for the poller
    assert not inbox.dropped(701) and await count(service.db, InboxUpdate) == 1
    await inbox.record([(700, ANA.chat_id, {"update_id": 700})])  # skipped: handled already
    assert await service.handle_update(ANA, help_, 701) is None  # a redelivery drops its row
    assert inbox.dropped(701) and await count(service.db, InboxUpdate) == 0


async def test_a_rolled_back_event_keeps_its_inbox_row(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    await service.inbox.record([(710, ANA.chat_id, {"update_id": 710})])

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the step failed")

    monkeypatch.setattr(repo, "client_and_conversation", broken)
    replies = await service.handle_update(ANA, m.Text("hello"), 710)
    assert replies  # the guard's static help and apology
    assert not service.inbox.dropped(710)
    assert await count(service.db, InboxUpdate) == 1  # rolled back with the event


async def test_state_survives_a_new_service_instance(service: Service, clock: Clock) -> None:
    p = await enroll(service, ANA)
    await p.send(m.Command("checkin"))
    await p.tap("4")
    restarted = Person(Service(service.db, service.settings, clock), ANA)
    restarted.replies, restarted.update_id = p.replies, p.update_id
    await restarted.tap("6")
    assert "alcohol or drug use" in restarted.text()


async def test_delete_erases_every_row_of_that_client_only(service: Service) -> None:
    ana = await enroll(service, ANA)
    ben = await enroll(service, BEN)
    for person in (ana, ben):
        await person.send(m.Command("trigger"))
        await person.send(m.Text("payday"))
        await person.tap("done")
        await person.tap("skip")
        await person.send(m.Text("I want to die"))
    async with service.db.transaction() as s:
        ana_id = (await repo.get_client_by_tg(s, ANA.user_id)).id  # type: ignore[union-attr]
    await ana.send(m.Command("delete"))
    await ana.tap("yes")
    assert "I deleted" in ana.text() and "1 trigger logs" in ana.text()
    async with service.db.transaction() as s:
        for table in Base.metadata.sorted_tables:
            if "client_id" in table.c:
                left = await s.scalar(
                    select(func.count()).select_from(table).where(table.c.client_id == ana_id)
                )
                assert left == 0, table.name
        assert await repo.get_client_by_tg(s, ANA.user_id) is None
        assert await repo.get_client_by_tg(s, BEN.user_id) is not None
    await ana.send(m.Text("hi"))
    assert "invite" in ana.text()


async def test_blocked_and_unblocked(service: Service) -> None:
    await enroll(service, ANA)
    await service.set_blocked(ANA.user_id, True)
    assert await count(service.db, Client, status="blocked") == 1
    await service.set_blocked(ANA.user_id, False)
    assert await count(service.db, Client, status="active") == 1
    await service.set_blocked(999, True)  # unknown people are ignored


async def test_today_counts_from_local_midnight(service: Service, clock: Clock) -> None:
    p = await enroll(service, ANA)  # America/Chicago
    await p.send(m.Command("craving"))
    for value in ("5", "none", "nothing"):
        await p.tap(value)
    clock.now = datetime(2026, 11, 27, 5, 59, tzinfo=UTC)  # 23:59 in Chicago, same day
    await p.send(m.Command("today"))
    assert "Cravings logged: 1" in p.text()
    clock.now = datetime(2026, 11, 27, 6, 1, tzinfo=UTC)  # 00:01 the next day
    await p.send(m.Command("today"))
    assert "Cravings logged: 0" in p.text()


async def test_crisis_notice_to_staff_has_no_words(store_db: Database, clock: Clock) -> None:
    settings = load_settings(enrollment="invite", staff_chat_id=-100500)
    svc = Service(store_db, settings, clock)
    p = await enroll(svc, ANA)
    await p.send(m.Text("I want to end my life tonight"))
    staff = [r for r in p.replies if r.chat_id == -100500]
    assert len(staff) == 1
    assert "tier" in staff[0].text and "life" not in staff[0].text
    async with svc.db.transaction() as s:
        client = await repo.get_client_by_tg(s, ANA.user_id)
    assert client is not None and client.pseudo_id in staff[0].text
    stranger = Person(svc, BEN)
    await stranger.send(m.Text("I want to end my life tonight"))
    assert not [r for r in stranger.replies if r.chat_id is not None]


async def test_prune_forgets_old_update_ids_only(service: Service, clock: Clock) -> None:
    await service.handle(ANA, m.Text("hi"), 1)
    clock.now += timedelta(days=8)
    await service.handle(ANA, m.Text("hi"), 2)
    assert await service.prune() == 1
    assert await service.handle(ANA, m.Text("hi"), 2) is None
    assert await service.handle(ANA, m.Text("hi"), 1) is not None


async def test_the_client_gets_the_invites_id_label_and_counselor(
    store_db: Database, clock: Clock
) -> None:
    settings = load_settings(enrollment="invite", staff_chat_id=-100500)
    svc = Service(store_db, settings, clock)
    p = await enroll(svc, ANA, label="A-17", counselor="Dana")
    async with svc.db.transaction() as s:
        [invite] = (await s.scalars(select(Invite))).all()
        client = await repo.get_client_by_tg(s, ANA.user_id)
    assert client is not None and invite.pseudo_id == client.pseudo_id
    assert (client.label, client.counselor) == ("A-17", "Dana")
    # The client sees their own code in /privacy, never the staff-only label.
    await p.send(m.Command("privacy"))
    assert f"Your client code is {client.pseudo_id}." in p.text() and "A-17" not in p.text()
    # The crisis notice: tier in words, the program's zone, id, label and counselor, a button.
    await p.send(m.Text("I want to end my life tonight"))
    [notice] = [r for r in p.replies if r.chat_id == -100500]
    assert notice.text.startswith("Crisis notice, tier 1: an emergency now")
    assert f"Client {client.pseudo_id} (label A-17, counselor Dana)." in notice.text
    assert "At Thu Nov 26 1:00 PM EST." in notice.text  # 18:00 UTC, PROGRAM_TIMEZONE
    async with svc.db.transaction() as s:
        [event] = (await s.scalars(select(CrisisEvent))).all()
    assert [[(c.label, c.data) for c in row] for row in notice.buttons] == [
        [("I'm on it", f"ack:{event.id}")]
    ]
    assert event.noticed_at == T0 and event.ack_by is None


async def test_privacy_shows_the_code_in_spanish(service: Service) -> None:
    p = await enroll(service, BEN, lang="es")
    await p.send(m.Command("privacy"))
    async with service.db.transaction() as s:
        client = await repo.get_client_by_tg(s, BEN.user_id)
    assert client is not None
    assert f"Su código de cliente es {client.pseudo_id}." in p.text()


async def test_renotify_and_acknowledge_on_each_database(store_db: Database, clock: Clock) -> None:
    """The repeat query (a join, FOR UPDATE SKIP LOCKED on PostgreSQL) and the first-tap-wins
    record, on SQLite and PostgreSQL."""
    from bot.service.notices import acknowledge, renotify_due
    from bot.store.models import AuditEntry, OutboxMessage

    settings = load_settings(enrollment="invite", staff_chat_id=-100500, staff_user_ids="7,8")
    svc = Service(store_db, settings, clock)
    p = await enroll(svc, ANA)
    await p.send(m.Text("I want to end my life tonight"))
    assert await renotify_due(store_db, T0 + timedelta(minutes=14), settings) == 0
    assert await renotify_due(store_db, T0 + timedelta(minutes=15), settings) == 1
    for minutes in (30, 45):
        assert await renotify_due(store_db, T0 + timedelta(minutes=minutes), settings) == 1
    assert await renotify_due(store_db, T0 + timedelta(minutes=60), settings) == 2  # 7 and 8
    assert await renotify_due(store_db, T0 + timedelta(minutes=90), settings) == 0
    async with store_db.transaction() as s:
        chats = (await s.scalars(select(OutboxMessage.chat_id).where(
            OutboxMessage.kind == "notice").order_by(OutboxMessage.id))).all()  # fmt: skip
        [event] = (await s.scalars(select(CrisisEvent))).all()
    assert list(chats)[-5:] == [-100500, -100500, -100500, 7, 8]
    later = T0 + timedelta(minutes=61)
    async with store_db.transaction() as s:
        first = await acknowledge(s, event.id, "staff:8", "Lee", later, "America/New_York")
    async with store_db.transaction() as s:
        second = await acknowledge(s, event.id, "staff:7", "Dana", later, "America/New_York")
    assert first.first and not second.first and second.toast == "Already taken by Lee."
    assert await count(store_db, AuditEntry, action="ack") == 1
    assert await count(store_db, AuditEntry, action="renotify") == 4
