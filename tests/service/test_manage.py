"""Managing a program at the staff desk, on a real database (SQLite file, and PostgreSQL when
reachable): tracks and clients, discharge and erasure, invites, skipped and changed sessions.
What reaches a client is checked through the real planner and dispatcher on a movable clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.config import load_settings
from bot.domain.conversation import model as m
from bot.domain.staff_input import AdminError, SessionEdit, session_spec
from bot.locales import t
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_all
from bot.service.conversation import Service
from bot.service.staff import StaffDesk
from bot.store import repo
from bot.store.database import Database
from bot.store.models import (
    AuditEntry,
    Base,
    Client,
    CrisisEvent,
    Invite,
    ProgramSession,
    Reminder,
    SessionSkip,
)
from tests.reminders.fakes import Clock, FakeSender
from tests.reminders.test_simulated_weeks import simulate
from tests.service.test_service import ANA, BEN, T0, Person, enroll

NY = "America/New_York"
ACTOR = "staff:7"
FRIDAY = date(2026, 11, 27)  # T0 is Thursday 2026-11-26 18:00 UTC, 13:00 in New York


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def service(store_db: Database, clock: Clock) -> Service:
    settings = load_settings(enrollment="invite", program_helpline="1-555-0100", _env_file=None)
    return Service(store_db, settings, clock)


@pytest.fixture
def desk(service: Service, clock: Clock) -> StaffDesk:
    return StaffDesk(service.db, service.settings, clock, actor=ACTOR)


@pytest.fixture
def sender(clock: Clock) -> FakeSender:
    return FakeSender(clock)


@pytest.fixture
def dispatcher(store_db: Database, sender: FakeSender, clock: Clock) -> Dispatcher:
    return Dispatcher(store_db, sender, clock)


async def pseudo_of(svc: Service, user_id: int) -> str:
    async with svc.db.transaction() as s:
        client = await repo.get_client_by_tg(s, user_id)
        assert client is not None
        return client.pseudo_id


async def client_row(svc: Service, user_id: int) -> Client:
    async with svc.db.transaction() as s:
        client = await repo.get_client_by_tg(s, user_id)
        assert client is not None
        return client


async def reminders(db: Database, **where: Any) -> Sequence[Reminder]:
    async with db.transaction() as s:
        stmt = select(Reminder).order_by(Reminder.due_at, Reminder.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(Reminder, key) == value)
        return (await s.scalars(stmt)).all()


async def rows(db: Database, model: type[Base]) -> Sequence[Any]:
    async with db.transaction() as s:
        return (await s.scalars(select(model))).all()


async def refused(call: Any, message: str) -> None:
    """`call` (an awaitable) raises AdminError whose one line contains `message`."""
    with pytest.raises(AdminError) as caught:
        await call
    assert message in str(caught.value), str(caught.value)
    assert "\n" not in str(caught.value)


async def evening_track(desk: StaffDesk) -> int:
    """Track "Evening IOP" (New York) meeting Fridays 18:00-21:00 in Room 2; its session id."""
    added = await desk.add_track("Evening IOP", "EST")
    assert added == "added track Evening IOP (America/New_York)"
    spec = session_spec({"track": "Evening IOP", "kind": "group", "weekly": "fri",
                         "start": "18:00", "length": "180", "place": "Room 2"})  # fmt: skip
    [line] = await desk.add_sessions(spec)
    assert line.startswith("added #") and "Fri 18:00-21:00 America/New_York" in line
    return int(line.split()[1].removeprefix("#"))


def session_rows(found: Sequence[Reminder], session_id: int) -> list[tuple[str, str]]:
    """(kind, the session's start in New York) of the reminders of one session."""
    return [
        (r.kind, f"{r.session_start.astimezone(ZoneInfo(NY)):%m-%d %H:%M}")
        for r in found
        if r.session_id == session_id and r.session_start is not None
    ]


def session_sends(sender: FakeSender) -> list[str]:
    """The texts of the session reminders sent (they carry attendance buttons)."""
    return [
        sent.text for sent in sender.sent
        if any(choice.data.startswith("a:") for row in sent.reply.buttons for choice in row)
    ]  # fmt: skip


# ---- set-track ------------------------------------------------------------------------------


async def test_set_track_puts_moves_and_takes_a_client_off(
    service: Service, desk: StaffDesk
) -> None:
    evening = await evening_track(desk)
    await desk.add_track("Morning", "America/Chicago")
    [line] = await desk.add_sessions(session_spec({
        "track": "Morning", "kind": "group", "weekly": "sat", "start": "10:00", "length": "90",
    }))  # fmt: skip
    morning = int(line.split()[1].removeprefix("#"))
    await enroll(service, ANA)  # America/Chicago, no track
    pid = await pseudo_of(service, ANA.user_id)

    assert await desk.set_track(pid, "Evening IOP") == f"{pid} put on track Evening IOP"
    # Planned at once: the evening before (18:00 for the client) and the hour before.
    due = await reminders(service.db, status="due")
    assert session_rows(due, evening) == [
        ("session_day_before", "11-27 18:00"), ("session_hour_before", "11-27 18:00"),
    ]  # fmt: skip
    assert session_rows(due, morning) == []

    assert await desk.set_track(pid, "Morning") == f"{pid} moved from track Evening IOP to Morning"
    due = await reminders(service.db, status="due")
    assert session_rows(due, evening) == []  # the old track's plans are gone
    assert session_rows(due, morning) == [
        ("session_day_before", "11-28 11:00"), ("session_hour_before", "11-28 11:00"),
    ]  # fmt: skip
    assert await desk.set_track(pid, "Morning") == f"{pid} is on track Morning already"

    assert await desk.set_track(pid, None) == f"{pid} taken off track Morning"
    assert session_rows(await reminders(service.db, status="due"), morning) == []
    assert (await client_row(service, ANA.user_id)).track_id is None
    assert await desk.set_track(pid, None) == f"{pid} is on no track already"
    # The client's own reminders were left alone.
    assert [r.kind for r in await reminders(service.db, status="due")] == ["checkin", "checkin"]


async def test_set_track_refuses_an_unknown_client_or_track(
    service: Service, desk: StaffDesk
) -> None:
    await evening_track(desk)
    await enroll(service, ANA)
    pid = await pseudo_of(service, ANA.user_id)
    _, waiting, _ = await desk.new_invite(timedelta(days=3), None)
    await refused(desk.set_track("c-00000000", "Evening IOP"), "no client with id 'c-00000000'")
    await refused(desk.set_track(waiting, "Evening IOP"),
                  f"no client with id {waiting!r}: invite #2 gives that id")  # fmt: skip
    await refused(desk.set_track(pid, "Nope"), "no track named 'Nope'")
    assert (await client_row(service, ANA.user_id)).track_id is None


# ---- discharge ------------------------------------------------------------------------------


async def test_discharge_stops_every_message_and_keeps_the_record(
    service: Service, desk: StaffDesk, dispatcher: Dispatcher, sender: FakeSender,
    clock: Clock,
) -> None:  # fmt: skip
    await evening_track(desk)
    ana = await enroll(service, ANA)
    await enroll(service, BEN)  # on the same track, not discharged: the control
    pid, ben = await pseudo_of(service, ANA.user_id), await pseudo_of(service, BEN.user_id)
    for who in (pid, ben):
        await desk.set_track(who, "Evening IOP")
    await ana.send(m.Command("craving"))  # a follow-up is planned 25 minutes later
    for value in ("7", "none", "nothing"):
        await ana.tap(value)
    await plan_all(service.db, clock.now)
    ana_id = (await client_row(service, ANA.user_id)).id
    waiting = len(await reminders(service.db, client_id=ana_id, status="due"))
    assert waiting == 5  # two check-ins, the follow-up, the session's two

    line = await desk.discharge(pid)
    assert line == (
        f"discharged {pid}: no more messages to them ({waiting} pending reminders cancelled); "
        "the record is kept and shows as discharged in the roster"
    )
    cancelled = await reminders(service.db, client_id=ana_id)
    assert {(r.status, r.detail) for r in cancelled} == {("missed", "discharged")}

    # What they write is still answered; help and crisis work; nothing new is planned.
    await ana.send(m.Text("hello"))
    assert ana.replies
    await ana.send(m.Command("help"))
    assert "988" in ana.text() and "1-555-0100" in ana.text()
    await ana.send(m.Text("I want to end my life tonight"))
    assert "Call 911 now" in ana.text()
    await ana.send(m.Command("craving"))
    for value in ("8", "none", "nothing"):
        await ana.tap(value)
    # Neither /stop nor /start changes a discharge.
    await ana.send(m.Command("stop"))
    await ana.send(m.Command("start"))
    client = await client_row(service, ANA.user_id)
    assert (client.status, client.discharged_at) == ("discharged", T0)
    async with service.db.transaction() as s:
        crisis = (await s.scalars(select(CrisisEvent))).all()
    assert [(e.client_id, e.tier) for e in crisis] == [(ana_id, 1)]
    assert await reminders(service.db, client_id=ana_id, status="due") == []

    # Three days of the real planner and dispatcher: the control gets everything, Ana nothing.
    await simulate(service.db, dispatcher, clock, T0 + timedelta(days=3))
    assert {sent.chat_id for sent in sender.sent} == {BEN.chat_id}
    kinds = {r.kind for r in await reminders(service.db, status="sent")}
    assert {"checkin", "session_day_before", "session_hour_before"} <= kinds
    assert await reminders(service.db, client_id=ana_id, status="due") == []
    assert [r for r in await reminders(service.db, client_id=ana_id) if r.status == "sent"] == []

    # The roster and the report show the discharge; the audit names who did it.
    roster = await desk.roster()
    [mine] = [row.split() for row in roster.splitlines() if row.startswith(pid)]
    assert mine[3] == "discharged" and mine[-2:] == ["2026-11-26", "18:00"]
    [ana_row] = [row for row in (await desk.report(date(2026, 11, 1), "csv")).splitlines()
                 if row.startswith(pid)]  # fmt: skip
    assert ",discharged," in ana_row
    async with service.db.transaction() as s:
        entries = (await s.scalars(select(AuditEntry).where(AuditEntry.action == "discharge")))
        assert [(e.actor, e.subject, e.detail) for e in entries] == [(ACTOR, pid, "was active")]
    await refused(desk.discharge(pid), f"{pid} was discharged on 2026-11-26 already")
    await refused(desk.discharge("c-00000000"), "no client with id 'c-00000000'")


async def test_a_new_invite_does_not_readmit_staff_do(
    service: Service, desk: StaffDesk, clock: Clock
) -> None:
    ana = await enroll(service, ANA)
    pid = await pseudo_of(service, ANA.user_id)
    await desk.discharge(pid)
    code, other, _ = await desk.new_invite(timedelta(days=3), None)
    await ana.send(m.Command("start", code))
    client = await client_row(service, ANA.user_id)
    assert (client.status, client.pseudo_id) == ("discharged", pid)
    assert [line.split()[1] for line in await desk.invite_lines()] == [other]  # still pending

    clock.now += timedelta(hours=1)
    assert await desk.readmit(pid) == f"readmitted {pid}: active, messages resume"
    client = await client_row(service, ANA.user_id)
    assert (client.status, client.discharged_at) == ("active", None)
    planned = await reminders(service.db, client_id=client.id, status="due")
    assert [r.kind for r in planned] == ["checkin", "checkin"]  # planned at once
    await refused(desk.readmit(pid), f"{pid} is not discharged (status active)")
    async with service.db.transaction() as s:
        entries = (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()
    assert [(e.actor, e.action, e.subject) for e in entries] == [
        (ACTOR, "discharge", pid), (ACTOR, "invite", other), (ACTOR, "readmit", pid),
    ]  # fmt: skip


async def test_finishing_enrollment_after_a_discharge_changes_nothing(
    service: Service, desk: StaffDesk
) -> None:
    code, pid, _ = await desk.new_invite(timedelta(days=3), None)
    person = Person(service, ANA)
    await person.send(m.Command("start", code))
    for value in ("en", "yes"):
        await person.tap(value)
    await desk.discharge(pid)
    for value in ("America/Chicago", "20:00", "no", "skip", "skip"):
        await person.tap(value)
    client = await client_row(service, ANA.user_id)
    assert (client.status, client.timezone) == ("discharged", "America/Chicago")
    assert await reminders(service.db) == []
    [row] = [r for r in (await desk.roster()).splitlines() if r.startswith(pid)]
    assert row.split()[3] == "discharged"
    # They did finish enrolling (consent and settings saved): a readmission makes them active.
    assert client.enrolled_at is not None
    assert await desk.readmit(pid) == f"readmitted {pid}: active, messages resume"
    assert {r.kind for r in await reminders(service.db, status="due")} == {"checkin"}


# ---- erase ----------------------------------------------------------------------------------


async def count_of(db: Database, client_id: int) -> dict[str, int]:
    """Rows naming `client_id`, per table that has any."""
    found = {}
    async with db.transaction() as s:
        for table in Base.metadata.sorted_tables:
            if "client_id" in table.c:
                stmt = select(func.count()).select_from(table)
                found[table.name] = int(await s.scalar(stmt.where(table.c.client_id == client_id))
                                        or 0)  # fmt: skip
        found["clients"] = int(
            await s.scalar(select(func.count()).where(Client.id == client_id)) or 0
        )
    return {name: n for name, n in found.items() if n}


async def test_erase_is_the_clients_own_delete_audited(
    service: Service, desk: StaffDesk
) -> None:
    await evening_track(desk)
    ana, ben = await enroll(service, ANA), await enroll(service, BEN)
    for person in (ana, ben):
        await person.send(m.Command("trigger"))
        await person.send(m.Text("payday"))
        await person.tap("done")
        await person.tap("skip")
        await person.send(m.Text("I want to die"))
    pid = await pseudo_of(service, ANA.user_id)
    await desk.set_track(pid, "Evening IOP")
    ana_id = (await client_row(service, ANA.user_id)).id
    ben_id = (await client_row(service, BEN.user_id)).id
    had, ben_had = await count_of(service.db, ana_id), await count_of(service.db, ben_id)
    assert had["trigger_logs"] == 1 and had["crisis_events"] == 1 and had["reminders"] > 0

    line = await desk.erase(pid)
    total = sum(had.values())
    assert line.startswith(f"erased {pid}: {total} rows (") and "trigger_logs: 1," in line
    assert line.endswith("; nothing of theirs is left")
    assert await count_of(service.db, ana_id) == {}
    assert await count_of(service.db, ben_id) == ben_had
    async with service.db.transaction() as s:
        *before, entry = (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()
    # The schedule and the track change before it are the staff's too, each audited.
    assert [e.action for e in before] == ["track-add", "session-add", "set-track"]
    assert (entry.actor, entry.action, entry.subject) == (ACTOR, "erase", pid)
    assert entry.detail == f"{total} rows in {len(had)} tables"  # counts only, nothing else
    # A stranger now, as after their own /delete.
    await ana.send(m.Text("hi"))
    assert t("en", "join.how") in ana.text()
    await refused(desk.erase(pid), f"no client with id {pid!r}")

    # Ben's own /delete goes the same way (one erasure for both).
    await ben.send(m.Command("delete"))
    await ben.tap("yes")
    assert await count_of(service.db, ben_id) == {}


# ---- invites --------------------------------------------------------------------------------


async def test_invite_list_and_revoke(service: Service, desk: StaffDesk, clock: Clock) -> None:
    await evening_track(desk)
    first, a, _ = await desk.new_invite(timedelta(days=3), "Evening IOP", "A-17", "Dana R")
    _, b, _ = await desk.new_invite(timedelta(days=2), None)
    third, c, _ = await desk.new_invite(timedelta(days=5), None, counselor="Lee")
    fourth, d, _ = await desk.new_invite(timedelta(days=6), None)
    used, u, _ = await desk.new_invite(timedelta(days=4), None)
    late, _, _ = await desk.new_invite(timedelta(hours=1), None)
    await Person(service, BEN).send(m.Command("start", used))
    clock.now += timedelta(hours=2)  # `late` has expired
    assert await desk.invite_lines() == [
        f"#2  {b}  expires 2026-11-28 1:00 PM EST",  # PROGRAM_TIMEZONE, not UTC
        f"#1  {a}  track Evening IOP  label A-17  counselor Dana R  expires 2026-11-29 1:00 PM "
        "EST",
        f"#3  {c}  counselor Lee  expires 2026-12-01 1:00 PM EST",
        f"#4  {d}  expires 2026-12-02 1:00 PM EST",
    ]
    # By the client id it gives, by its number, by its code, by its whole link.
    assert await desk.revoke_invite(a) == (
        f"revoked invite #1 ({a}): its link no longer enrolls anyone"
    )
    assert (await desk.revoke_invite("#2")).startswith(f"revoked invite #2 ({b})")
    assert (await desk.revoke_invite(third)).startswith(f"revoked invite #3 ({c})")
    link = f"https://t.me/companion_test_bot?start={fourth}"
    assert (await desk.revoke_invite(link)).startswith(f"revoked invite #4 ({d})")
    assert await desk.invite_lines() == []
    assert a not in await desk.roster()

    # A revoked link enrolls nobody.
    stranger = Person(service, ANA)
    await stranger.send(m.Command("start", first))
    assert t("en", "join.bad_invite") in stranger.text()
    async with service.db.transaction() as s:
        assert await repo.get_client_by_tg(s, ANA.user_id) is None

    await refused(desk.revoke_invite(a), f"invite #1 ({a}) was revoked on 2026-11-26")
    await refused(desk.revoke_invite(u), f"invite #5 ({u}) was used on 2026-11-26; to end that "
                                         "client's messages, discharge them")  # fmt: skip
    await refused(desk.revoke_invite(late), "expired on 2026-11-26 2:00 PM EST")
    await refused(desk.revoke_invite("c-00000000"), "no invite gives the client id c-00000000")
    await refused(desk.revoke_invite("#99"), "no invite #99")
    await refused(desk.revoke_invite("Zz9Zz9Zz9Zz9"), "no invite has that code")
    await refused(desk.revoke_invite("not a code!"), "name the invite by its client id")
    async with service.db.transaction() as s:
        revoked = (await s.scalars(select(Invite).where(Invite.revoked_at.is_not(None)))).all()
    assert sorted(i.id for i in revoked) == [1, 2, 3, 4]


async def test_track_remove_refuses_pending_invites_unless_forced(
    service: Service, desk: StaffDesk
) -> None:
    await evening_track(desk)
    code, a, _ = await desk.new_invite(timedelta(days=3), "Evening IOP")
    await desk.new_invite(timedelta(days=3), None)  # for no track: not in the way
    await refused(
        desk.remove_track("Evening IOP"),
        f"track Evening IOP has 1 pending invite (#1 ({a})); revoke them, or remove the track "
        "with --force, which revokes them",
    )
    assert len(await rows(service.db, ProgramSession)) == 1
    line = await desk.remove_track("Evening IOP", force=True)
    assert line == (
        "removed track Evening IOP (America/New_York) with 1 session; 0 clients left without "
        "a track; 1 pending invite revoked"
    )
    assert len(await desk.invite_lines()) == 1
    stranger = Person(service, ANA)
    await stranger.send(m.Command("start", code))
    assert t("en", "join.bad_invite") in stranger.text()
    # Without pending invites no force is needed.
    await desk.add_track("Morning")
    assert (await desk.remove_track("Morning")).startswith("removed track Morning")


async def test_time_zones_are_places(desk: StaffDesk) -> None:
    assert await desk.add_track("Morning", "EST") == "added track Morning (America/New_York)"
    assert await desk.add_track("Noche", "hora del pacífico") == (
        "added track Noche (America/Los_Angeles)"
    )
    await refused(desk.add_track("Fixed", "UTC-5"),
                  "'UTC-5' is a fixed offset (UTC-5 all year, no daylight saving), not a place's "
                  "time zone; use the IANA name of the place, e.g. America/New_York")  # fmt: skip
    await refused(desk.add_track("Posix", "EST5EDT"), "e.g. America/New_York")
    assert [line.split(" (")[0] for line in await desk.track_lines()] == ["Morning", "Noche"]


# ---- skip one date --------------------------------------------------------------------------


async def test_a_skipped_date_is_never_sent_nor_shown(
    service: Service, desk: StaffDesk, dispatcher: Dispatcher, sender: FakeSender,
    clock: Clock,
) -> None:  # fmt: skip
    friday = await evening_track(desk)
    ana = await enroll(service, ANA)
    pid = await pseudo_of(service, ANA.user_id)
    await desk.set_track(pid, "Evening IOP")
    await ana.send(m.Command("sessions"))
    assert "Fri, Nov 27," in ana.text()

    line = await desk.skip_session(f"#{friday}", "2026-11-27")
    assert line == (
        f"skipping #{friday}  track Evening IOP  group  Fri 18:00-21:00 America/New_York  "
        "Room 2 on Fri 2026-11-27 (2 pending reminders cancelled)"
    )
    assert await desk.session_lines(None, None) == [
        f"#{friday}  track Evening IOP  group  Fri 18:00-21:00 America/New_York  Room 2  "
        "(skipped: 2026-11-27)"
    ]
    assert [(r.kind, r.status, r.detail) for r in await reminders(service.db, session_id=friday)
            ] == [("session_day_before", "missed", "session skipped"),
                  ("session_hour_before", "missed", "session skipped")]  # fmt: skip
    await ana.send(m.Command("sessions"))
    assert t("en", "sessions.none") in ana.text()

    # Eight days of the real planner and dispatcher: the 27th never, the next Friday as usual.
    await simulate(service.db, dispatcher, clock, datetime(2026, 12, 5, 3, tzinfo=UTC))
    assert len(session_sends(sender)) == 2
    assert session_rows(await reminders(service.db, status="sent"), friday) == [
        ("session_day_before", "12-04 18:00"), ("session_hour_before", "12-04 18:00"),
    ]  # fmt: skip


async def test_a_block_lifted_onto_a_skipped_date_sends_nothing(
    service: Service, desk: StaffDesk, dispatcher: Dispatcher, sender: FakeSender,
    clock: Clock,
) -> None:  # fmt: skip
    friday = await evening_track(desk)
    await enroll(service, ANA)
    await desk.set_track(await pseudo_of(service, ANA.user_id), "Evening IOP")
    await service.set_blocked(ANA.user_id, True)  # the rows are set aside ("blocked")
    await desk.skip_session(str(friday), "2026-11-27")
    await service.set_blocked(ANA.user_id, False)  # and put back: due again for the 27th
    assert {r.status for r in await reminders(service.db, session_id=friday)} == {"due"}
    for now in (datetime(2026, 11, 27, 0, 5, tzinfo=UTC),  # the day-before's time
                datetime(2026, 11, 27, 22, 5, tzinfo=UTC)):  # the hour-before's  # fmt: skip
        clock.now = now
        await dispatcher.run_once()
    assert {(r.status, r.detail) for r in await reminders(service.db, session_id=friday)} == {
        ("missed", "session skipped")
    }
    assert session_sends(sender) == []


async def test_skip_refuses_what_is_not_one_of_its_coming_days(
    service: Service, desk: StaffDesk, clock: Clock
) -> None:
    friday = await evening_track(desk)
    await enroll(service, ANA)
    pid = await pseudo_of(service, ANA.user_id)
    [once] = await desk.add_sessions(session_spec({
        "client": pid, "kind": "family", "once": "2026-12-03", "start": "17:30", "length": "60",
    }))  # fmt: skip
    once_id = once.split()[1]
    await refused(desk.skip_session(once_id, "2026-12-03"),
                  f"session {once_id} meets once (2026-12-03); remove it instead")  # fmt: skip
    await refused(desk.skip_session(str(friday), "2026-11-28"),
                  f"2026-11-28 is a Saturday; session #{friday} meets on Fridays")  # fmt: skip
    await refused(desk.skip_session(str(friday), "2026-11-20"), "date 2026-11-20 is in the past")
    await refused(desk.skip_session(str(friday), "27/11/2026"), "use YYYY-MM-DD")
    await refused(desk.skip_session("99", "2026-11-27"), "no session 99")
    await desk.skip_session(str(friday), "2026-11-27")
    await refused(desk.skip_session(str(friday), "2026-11-27"),
                  f"session #{friday} is skipped on 2026-11-27 already")  # fmt: skip
    clock.now = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)  # Friday 18:30 in New York: begun
    await refused(desk.skip_session(str(friday), "2026-12-04"), "2026-12-04 18:00 is in the past")
    assert len(await rows(service.db, SessionSkip)) == 1


# ---- edit -----------------------------------------------------------------------------------


async def test_edit_replaces_the_pending_reminders_with_the_new_times(
    service: Service, desk: StaffDesk, dispatcher: Dispatcher, sender: FakeSender,
    clock: Clock,
) -> None:  # fmt: skip
    friday = await evening_track(desk)
    await enroll(service, ANA)
    await desk.set_track(await pseudo_of(service, ANA.user_id), "Evening IOP")
    assert session_rows(await reminders(service.db, status="due"), friday) == [
        ("session_day_before", "11-27 18:00"), ("session_hour_before", "11-27 18:00"),
    ]  # fmt: skip
    [line] = await desk.edit_session(str(friday), SessionEdit(start="19:00", place="Room 5"))
    assert line == (
        f"changed #{friday}  track Evening IOP  group  Fri 19:00-22:00 America/New_York  Room 5 "
        "(was Fri 18:00-21:00 America/New_York, Room 2); 2 pending reminders replaced"
    )
    assert session_rows(await reminders(service.db, status="due"), friday) == [
        ("session_day_before", "11-27 19:00"), ("session_hour_before", "11-27 19:00"),
    ]  # fmt: skip
    await simulate(service.db, dispatcher, clock, datetime(2026, 11, 28, 12, tzinfo=UTC))
    sent = session_sends(sender)
    # 19:00 in New York is 6:00 PM for Ana in Chicago; the new place comes last.
    assert len(sent) == 2 and all("6:00 PM" in text and "Room 5" in text for text in sent)
    assert {r.status for r in await reminders(service.db, session_id=friday)} == {"sent"}


async def test_a_new_time_after_its_evening_is_announced_at_once(
    service: Service, desk: StaffDesk, clock: Clock
) -> None:
    friday = await evening_track(desk)
    await enroll(service, ANA)
    await desk.set_track(await pseudo_of(service, ANA.user_id), "Evening IOP")
    clock.now = datetime(2026, 11, 27, 2, tzinfo=UTC)  # Thursday 20:00 in Chicago
    async with service.db.transaction() as s:  # the usual day-before went out at 18:00
        [before] = (await s.scalars(
            select(Reminder).where(Reminder.kind == "session_day_before"))).all()  # fmt: skip
        before.status = "sent"
    await desk.edit_session(str(friday), SessionEdit(start="19:30"))
    [again] = [r for r in await reminders(service.db, status="due")
               if r.kind == "session_day_before"]  # fmt: skip
    assert again.due_at == clock.now  # the new time is announced at once (not quiet yet)
    assert session_rows([again], friday) == [("session_day_before", "11-27 19:30")]


async def test_edit_has_the_checks_of_session_add(service: Service, desk: StaffDesk) -> None:
    friday = await evening_track(desk)
    [monday] = await desk.add_sessions(session_spec({
        "track": "Evening IOP", "kind": "group", "weekly": "mon", "start": "18:00",
        "length": "180",
    }))  # fmt: skip
    monday_id = monday.split()[1]
    await refused(desk.edit_session(str(friday), SessionEdit(weekday=0)),
                  f"this session exists already: {monday_id}  track Evening IOP")  # fmt: skip
    lines = await desk.edit_session(str(friday), SessionEdit(weekday=0, start="20:00"))
    assert lines[0].startswith(f"changed #{friday}  track Evening IOP  group  Mon 20:00-23:00")
    assert lines[1:] == [f"warning: overlaps {monday_id}  track Evening IOP  group  "
                         "Mon 18:00-21:00 America/New_York"]  # fmt: skip
    await refused(desk.edit_session(str(friday), SessionEdit(once=date(2026, 11, 20))),
                  "date 2026-11-20 is in the past")  # fmt: skip
    await refused(desk.edit_session("99", SessionEdit(start="10:00")), "no session 99")
    # A place cleared; a skipped date that is not on the new day is forgotten.
    await desk.skip_session(str(friday), "2026-11-30")
    [line] = await desk.edit_session(str(friday), SessionEdit(weekday=1, clear_place=True))
    assert line.endswith("(was Mon 20:00-23:00 America/New_York, Room 2)")
    assert await rows(service.db, SessionSkip) == []
    [same] = await desk.edit_session(str(friday), SessionEdit(kind="group"))
    assert same.startswith(f"no change to #{friday}")
    [once] = await desk.edit_session(str(friday), SessionEdit(once=date(2026, 12, 3)))
    assert "2026-12-03 20:00-23:00" in once and "(was Tue 20:00-23:00" in once
