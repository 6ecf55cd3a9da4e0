"""Only true promises, through the real Application: "Your team will know" is said only once
the staff chat accepted the attendance notice. With no staff chat, or a staff chat that
refuses or loses the notice, the person is asked to call their program instead.

A real session reminder is sent by the dispatcher through the application's bot; the person
taps its buttons; Telegram's answers come from the fake HTTP layer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings, load_settings
from bot.domain.conversation import model as m
from bot.locales import t
from bot.reminders.dispatcher import Dispatcher
from bot.service.conversation import Address, Service
from bot.service.mailbox import BACKOFF, LEASE
from bot.store import schedules
from bot.store.models import Attendance, Client
from bot.tg.delivery import TelegramSender
from tests.tg.conftest import NOW, TOKEN, enroll
from tests.tg.driver import Harness, Person, button_data
from tests.tg.test_outbox import (
    MovableClock,
    courier_of,
    outage,
    outbox,
    quick_retries,  # noqa: F401  (an autouse fixture, used here too)
    texts_to,
)

STAFF_CHAT = -4001
NY = "America/New_York"
PROMISES = ("team will know", "lo sabrá", "equipo lo sabr")


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def staff_chat() -> int | None:
    return STAFF_CHAT


@pytest.fixture
def settings(enrollment: str, staff_chat: int | None) -> Settings:
    return load_settings(
        telegram_bot_token=TOKEN, enrollment=enrollment, staff_chat_id=staff_chat,
        program_timezone=NY, _env_file=None,
    )  # fmt: skip


async def remind(harness: Harness, pat: Person, clock: MovableClock) -> None:
    """Tonight's group session, and its hour-before reminder sent now to the person."""
    [client] = await harness.rows(Client, tg_user_id=pat.id)
    async with harness.db.transaction() as s:
        session = await schedules.add_session(
            s, client_id=client.id, kind="group", weekday=NOW.weekday(), start_time="18:00",
            duration_min=180, timezone=NY, created_at=NOW, place="Room 2",
        )  # fmt: skip
        row = {"client_id": client.id, "kind": "session_hour_before", "occurrence": "s@1",
               "due_at": NOW, "session_id": session.id,
               "session_start": NOW + timedelta(hours=5)}  # fmt: skip
        await schedules.add_reminders(s, [row], NOW)
    stats = await Dispatcher(harness.db, TelegramSender(harness.app.bot), clock).run_once()
    assert stats.sent == 1


async def answer(harness: Harness, pat: Person, clock: MovableClock, label: str) -> list[str]:
    """Enroll, tap `label` on a session reminder; returns what the person's chat shows after."""
    await enroll(pat)
    await remind(harness, pat, clock)
    before = len(texts_to(harness, pat.id))
    await pat.tap(label)
    assert [a.answer for a in await harness.rows(Attendance)] == [
        {"Can't make it": "cant", "Running late": "late", "No puedo ir": "cant"}[label]
    ]
    return texts_to(harness, pat.id)[before:]


def promised(texts: list[str]) -> bool:
    return any(p in text.lower() for text in texts for p in PROMISES)


@pytest.mark.parametrize("staff_chat", [None])
@pytest.mark.parametrize(("label", "key"), [("Can't make it", "cant"), ("Running late", "late")])
async def test_no_staff_chat_no_promise(
    harness: Harness, pat: Person, clock: MovableClock, label: str, key: str
) -> None:
    said = await answer(harness, pat, clock, label)
    assert said == [t("en", f"att.untold.{key}")]
    assert "call your program" in said[0]
    assert not promised(said)
    assert [c for c in harness.fake.of("sendMessage") if int(c.params["chat_id"]) < 0] == []
    assert await outbox(harness) == []


async def test_the_staff_chat_took_the_notice_so_the_team_will_know(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    said = await answer(harness, pat, clock, "Can't make it")
    [client] = await harness.rows(Client, tg_user_id=pat.id)
    [notice] = texts_to(harness, STAFF_CHAT)
    assert notice.startswith(f'Attendance: client {client.pseudo_id} answered "cant"')
    assert said == [t("en", "att.thanks.cant")] and promised(said)
    # The notice went first: the promise followed its delivery.
    sends = [int(c.params["chat_id"]) for c in harness.fake.of("sendMessage")]
    assert sends[-2:] == [STAFF_CHAT, pat.id]
    assert await outbox(harness) == []


async def test_the_bot_removed_from_the_staff_chat_no_promise(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    await enroll(pat)
    await remind(harness, pat, clock)
    before = len(texts_to(harness, pat.id))
    outage(harness, 1, 403, chat_id=STAFF_CHAT)
    await pat.tap("Can't make it")
    said = texts_to(harness, pat.id)[before:]
    assert said == [t("en", "att.untold.cant")] and not promised(said)
    assert texts_to(harness, STAFF_CHAT) == []
    [row] = await outbox(harness)
    assert (row.chat_id, row.kind, row.status, row.payload) == (STAFF_CHAT, "notice", "failed", {})


async def test_a_notice_telegram_only_delayed_is_sent_late_without_a_second_reply(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    """502 past the in-process retries: the person is asked to call now (no promise); the
    notice still reaches staff later, and the person gets nothing more then."""
    await enroll(pat)
    await remind(harness, pat, clock)
    before = len(texts_to(harness, pat.id))
    outage(harness, 3, 502, chat_id=STAFF_CHAT)
    await pat.tap("Can't make it")
    assert texts_to(harness, pat.id)[before:] == [t("en", "att.untold.cant")]
    [row] = await outbox(harness)
    assert (row.kind, row.status, row.attempts) == ("notice", "pending", 1)
    assert "then" not in row.payload and "otherwise" not in row.payload
    clock.now += timedelta(seconds=BACKOFF[0])
    assert await courier_of(harness).send_due() == 1
    assert texts_to(harness, STAFF_CHAT)[0].startswith("Attendance: client")
    assert texts_to(harness, pat.id)[before:] == [t("en", "att.untold.cant")]
    assert await outbox(harness) == []


@pytest.mark.parametrize("refused", [False, True])
async def test_after_a_crash_the_outbox_job_still_pairs_the_reply_with_the_notice(
    harness: Harness, pat: Person, clock: MovableClock, service: Service, refused: bool
) -> None:
    """The event committed and the process died before sending: the job sends the notice,
    then the promise, or the call-your-program reply when the staff chat refuses it."""
    await enroll(pat)
    await remind(harness, pat, clock)
    before = len(texts_to(harness, pat.id))
    data = button_data(pat.keyboard(), "Can't make it")
    made = await service.handle_update(Address(pat.id, pat.id), m.Button(data), 900)
    assert made is not None  # committed to the outbox; nothing sent (the "crash")
    assert texts_to(harness, pat.id)[before:] == [] and texts_to(harness, STAFF_CHAT) == []
    if refused:
        outage(harness, 1, 403, chat_id=STAFF_CHAT)
    clock.now += LEASE
    assert await courier_of(harness).send_due() == 1
    said = texts_to(harness, pat.id)[before:]
    if refused:
        assert said == [t("en", "att.untold.cant")] and texts_to(harness, STAFF_CHAT) == []
    else:
        assert said == [t("en", "att.thanks.cant")]
        assert texts_to(harness, STAFF_CHAT)[0].startswith("Attendance: client")


@pytest.mark.parametrize("staff_chat", [None, STAFF_CHAT])
async def test_in_spanish_too(
    harness: Harness, pat: Person, clock: MovableClock, staff_chat: int | None
) -> None:
    await enroll(pat)
    async with harness.db.transaction() as s:
        [client] = (await s.scalars(select(Client))).all()
        client.language = "es"  # as if chosen in /settings
    await remind(harness, pat, clock)
    before = len(texts_to(harness, pat.id))
    await pat.tap("No puedo ir")
    said = texts_to(harness, pat.id)[before:]
    key = "att.thanks.cant" if staff_chat else "att.untold.cant"
    assert said == [t("es", key)]
    assert promised(said) == bool(staff_chat)
