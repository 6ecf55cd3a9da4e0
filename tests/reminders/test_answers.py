"""Taps on reminder messages, through the service: attendance, craving follow-ups,
check-backs, re-planning after a settings change; and the lock-screen rule for every text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.domain.conversation import model as m
from bot.domain.conversation.reminder_replies import ReminderView, render_reminder
from bot.domain.schedule.kinds import Kind
from bot.locales import LANGUAGES, t
from bot.service import effects
from bot.service.conversation import Address, Service
from bot.store import schedules
from bot.store.database import Database
from bot.store.models import Attendance, Client, Craving, CrisisEvent, Reminder
from tests.reminders.conftest import add_client
from tests.reminders.fakes import Clock

T0 = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # Monday noon in New York
NY = "America/New_York"
ANA = Address(31, 31, "en")


@pytest.fixture
def service(db: Database) -> Service:
    settings = load_settings(staff_chat_id=-100900, program_timezone=NY, _env_file=None)
    return Service(db, settings, Clock(T0))


async def session_reminder(db: Database, client_id: int) -> int:
    async with db.transaction() as s:
        session = await schedules.add_session(
            s, client_id=client_id, kind="group", weekday=0, start_time="18:00",
            duration_min=180, timezone=NY, created_at=T0,
        )  # fmt: skip
        row = {"client_id": client_id, "kind": "session_hour_before", "occurrence": "s@1",
               "due_at": T0, "session_id": session.id,
               "session_start": T0 + timedelta(hours=6)}  # fmt: skip
        await schedules.add_reminders(s, [row], T0)
        rid = await s.scalar(select(Reminder.id))
    assert rid is not None
    return rid


def data_of(reply: m.Reply, label: str) -> str:
    return next(c.data for row in reply.buttons for c in row if c.label == label)


async def test_attendance_answers_are_stored_once_and_late_goes_to_staff(
    service: Service, db: Database
) -> None:
    client = await add_client(db, 31, NY, "09:00", when=T0)
    rid = await session_reminder(db, client.id)
    view = ReminderView(rid, "session_hour_before", "en", NY, T0 + timedelta(hours=6), "group")
    reply = render_reminder(view)
    assert reply.text.startswith("In one hour, at 6:00 PM: group session.")
    there = await service.handle(ANA, m.Button(data_of(reply, "I'll be there")), 1)
    late = await service.handle(ANA, m.Button(data_of(reply, "Running late")), 2)
    again = await service.handle(ANA, m.Button(data_of(reply, "Running late")), 3)
    assert there and late and again
    staff = [r for r in late if r.chat_id == -100900]
    assert len(staff) == 1 and client.pseudo_id in staff[0].text and "6:00 PM" in staff[0].text
    assert not [r for r in there if r.chat_id is not None]
    async with db.transaction() as s:
        answers = [(a.answer, a.session_start) for a in await s.scalars(select(Attendance))]
    assert answers == [("late", T0 + timedelta(hours=6))]


@pytest.mark.parametrize("staff_chat", [None, -100900])
async def test_the_team_will_know_only_with_a_staff_chat(
    db: Database, staff_chat: int | None
) -> None:
    """The terminal's path (no outbox): with a staff chat the notice and then the promise;
    without one, no notice and the person is asked to call their program."""
    settings = load_settings(staff_chat_id=staff_chat, program_timezone=NY, _env_file=None)
    service = Service(db, settings, Clock(T0))
    client = await add_client(db, 31, NY, "09:00", when=T0)
    rid = await session_reminder(db, client.id)
    replies = await service.handle(ANA, m.Button(f"a:{rid}:cant"), 1) or []
    if staff_chat is None:
        assert [(r.chat_id, r.text) for r in replies] == [(None, t("en", "att.untold.cant"))]
    else:
        assert [r.chat_id for r in replies] == [staff_chat, None]
        assert replies[1].text == t("en", "att.thanks.cant")


async def test_someone_elses_reminder_id_changes_nothing(service: Service, db: Database) -> None:
    owner = await add_client(db, 32, NY, "09:00", when=T0)
    await add_client(db, 31, NY, "09:00", when=T0)
    rid = await session_reminder(db, owner.id)
    await service.handle(ANA, m.Button(f"a:{rid}:cant"), 1)
    async with db.transaction() as s:
        assert (await s.scalars(select(Attendance))).all() == []


async def test_craving_log_plans_a_follow_up_and_its_answers_are_kept(
    service: Service, db: Database
) -> None:
    await add_client(db, 31, NY, "09:00", when=T0)
    replies = await service.handle(ANA, m.Command("craving"), 10)
    assert replies
    for n, value in enumerate(("7", "none", "nothing")):
        step = next(
            c.data for r in replies for row in r.buttons for c in row
            if c.data.startswith("s") and c.data.endswith(":" + value)
        )  # fmt: skip
        replies = await service.handle(ANA, m.Button(step), 11 + n) or []
    async with db.transaction() as s:
        follow = (
            await s.scalars(select(Reminder).where(Reminder.kind == "craving_followup"))
        ).one()
        craving = (await s.scalars(select(Craving))).one()
    assert follow.due_at == T0 + timedelta(minutes=25) and follow.ref_id == craving.id
    view = ReminderView(follow.id, "craving_followup", "en", NY, ref_id=craving.id)
    reply = render_reminder(view)
    passed = await service.handle(ANA, m.Button(data_of(reply, "It passed")), 20)
    assert passed and "What helped" in passed[-1].text
    await service.handle(ANA, m.Button(data_of(passed[-1], "Box breathing")), 21)
    async with db.transaction() as s:
        craving = (await s.scalars(select(Craving))).one()
    assert (craving.outcome, craving.helped) == ("passed", "breathe")


async def test_crisis_plans_one_morning_check_back(service: Service, db: Database) -> None:
    await add_client(db, 31, NY, "09:00", when=T0)
    await service.handle(ANA, m.Text("I want to kill myself"), 1)
    await service.handle(ANA, m.Text("i want to die"), 2)
    async with db.transaction() as s:
        backs = (await s.scalars(select(Reminder).where(Reminder.kind == "checkback"))).all()
    assert [b.due_at for b in backs] == [datetime(2026, 3, 3, 14, 0, tzinfo=UTC)]  # 09:00 EST


@pytest.mark.parametrize(
    ("tier", "followed_up"), [(1, True), (2, True), (3, False), (4, False), (5, False)]
)
async def test_only_tiers_1_and_2_get_a_check_back_and_a_staff_notice(
    service: Service, db: Database, tier: int, followed_up: bool
) -> None:
    """A calm safety check (5) is recorded like the others, but wakes no one up."""
    client = await add_client(db, 31, NY, "09:00", when=T0)
    async with db.transaction() as s:
        loaded = await s.get(Client, client.id)
        record = m.RecordCrisis(tier, "text", "crisis.check")
        notice = await effects.save(s, loaded, record, T0, service.settings)
    async with db.transaction() as s:
        kinds = [r.kind for r in await s.scalars(select(Reminder))]
        events = [(e.client_id, e.tier) for e in await s.scalars(select(CrisisEvent))]
    assert events == [(client.id, tier)]
    assert (kinds == ["checkback"]) is followed_up and (notice is not None) is followed_up


async def test_new_checkin_time_replans_at_once(service: Service, db: Database) -> None:
    client = await add_client(db, 31, NY, "20:00", when=T0)
    from bot.reminders.planner import plan_all

    await plan_all(db, T0)
    await service.handle(ANA, m.Command("settings"), 1)
    async with db.transaction() as s:
        conv = await s.scalar(select(Reminder.due_at).where(Reminder.kind == "checkin"))
    assert conv == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # 20:00 EST today
    from bot.store import repo

    async with db.transaction() as s:
        _, draft = await repo.load_conversation(s, client.id) or ("", {})
    seq = draft["seq"]
    await service.handle(ANA, m.Button(f"s{seq}:time"), 2)
    await service.handle(ANA, m.Text("13:30"), 3)
    async with db.transaction() as s:
        dues = sorted(await s.scalars(select(Reminder.due_at).where(Reminder.kind == "checkin")))
    assert dues[0] == datetime(2026, 3, 2, 18, 30, tzinfo=UTC)  # 13:30 EST today


FORBIDDEN = (
    "treatment", "recovery", "relapse", "iop", "alcohol", "drug", "drink", "opioid", "addict",
    "substance", "craving", "sober", "rehab", "program", "tratamiento", "recuperación",
    "recaída", "droga", "adicción", "alcohol", "sobriedad", "programa", "consumir", "ganas",
)  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(Kind))
def test_reminder_texts_are_neutral_on_a_lock_screen(kind: str, lang: str) -> None:
    view = ReminderView(1, kind, lang, NY, T0 if kind.startswith("session") else None,
                        "family", "Room 2, 3rd floor", 5)  # fmt: skip
    head = render_reminder(view).text[:60].lower()
    assert not [w for w in FORBIDDEN if w in head], head
    assert t(lang, "rem.place", place="x")  # the place line exists in both languages


async def test_sessions_lists_the_next_seven_days_in_the_clients_zone(
    service: Service, db: Database
) -> None:
    from bot.store import repo

    await add_client(db, 31, "America/Los_Angeles", "09:00", when=T0)
    async with db.transaction() as s:
        track = await schedules.create_track(s, "Evening IOP", NY, T0)
        client = await repo.get_client_by_tg(s, 31)
        assert client is not None
        client.track_id = track.id
        for day in (0, 2):
            await schedules.add_session(
                s, track_id=track.id, kind="group", weekday=day, start_time="18:00",
                duration_min=180, timezone=NY, created_at=T0, place="Room 2",
            )  # fmt: skip
    replies = await service.handle(ANA, m.Command("sessions"), 1)
    text = replies[0].text if replies else ""
    assert text.splitlines() == [
        "Your sessions in the next 7 days:",
        "• Mon, Mar 2, 3:00 PM: group session (180 min) · Room 2",
        "• Wed, Mar 4, 3:00 PM: group session (180 min) · Room 2",
    ]


async def test_reminder_switches_in_settings(service: Service, db: Database) -> None:
    from bot.store import repo

    client = await add_client(db, 31, NY, "09:00", when=T0)

    async def seq() -> int:
        async with db.transaction() as s:
            _, draft = await repo.load_conversation(s, client.id) or ("", {})
        return int(draft["seq"])

    await service.handle(ANA, m.Command("settings"), 1)
    await service.handle(ANA, m.Button(f"s{await seq()}:reminders"), 2)
    off = await service.handle(ANA, m.Button(f"s{await seq()}:t:reengage"), 3)
    labels = [c.label for row in off[0].buttons for c in row] if off else []
    assert off and off[0].edit and "✗ A word when I miss you" in labels
    await service.handle(ANA, m.Button(f"s{await seq()}:t:checkin"), 4)
    await service.handle(ANA, m.Button(f"s{await seq()}:close"), 5)
    async with db.transaction() as s:
        stored = await repo.get_client_by_tg(s, 31)
    assert stored is not None and stored.reminder_prefs == {"reengage": False, "checkin": False}
