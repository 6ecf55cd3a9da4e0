"""/progress, /export and /share through the service on a real database."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.domain.conversation import model as m
from bot.service.conversation import Address, Service
from bot.store import repo
from bot.store.database import Database
from bot.store.models import AuditEntry
from tests.reminders.conftest import add_client
from tests.reminders.fakes import Clock

T0 = datetime(2026, 3, 20, 16, 0, tzinfo=UTC)
NY = "America/New_York"
ANA = Address(41, 41, "en")
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def service(db: Database) -> Service:
    settings = load_settings(staff_chat_id=-100700, program_timezone=NY, _env_file=None)
    return Service(db, settings, Clock(T0))


async def seed_days(db: Database, client_id: int, days: int) -> None:
    async with db.transaction() as s:
        for n in range(days):
            day = date(2026, 3, 20) - timedelta(days=n)
            at = datetime(day.year, day.month, day.day, 15, tzinfo=UTC)
            answers = {"mood": 5 + n % 4, "craving": n % 9, "triggers": ["stressed"]}
            await repo.save_checkin(s, client_id, day, answers, at)
            if n % 3 == 0:
                await repo.add_craving(s, client_id, at, intensity=7, triggers=["lonely"],
                                       action="surf", coping_offered="delay")  # fmt: skip


async def tap(service: Service, replies: list[m.Reply], label: str, update: int) -> list[m.Reply]:
    data = next(c.data for r in replies for row in r.buttons for c in row if c.label == label)
    return await service.handle(ANA, m.Button(data), update) or []


async def test_progress_sends_figures_and_two_charts(service: Service, db: Database) -> None:
    client = await add_client(db, 41, NY, "09:00", when=T0 - timedelta(days=20))
    await seed_days(db, client.id, 12)
    replies = await service.handle(ANA, m.Command("progress"), 1) or []
    assert len(replies) == 3
    assert "21" in replies[0].text  # day 21 of the program
    photos = [r for r in replies if r.photo is not None]
    assert len(photos) == 2 and all(r.photo.startswith(PNG) for r in photos)  # type: ignore[union-attr]
    assert all(r.protect and 0 < len(r.text) <= 1024 for r in photos)
    wider = await tap(service, replies, "Show 30 days", 2)
    # One picture, in place of the one tapped: not the figures and both charts again.
    assert len(wider) == 1 and wider[0].edit and wider[0].photo is not None
    assert wider[0].text.startswith("Last 21 days")  # from enrollment, not 30 days back
    assert [c.label for row in wider[0].buttons for c in row] == ["Show 14 days"]


async def test_progress_without_data_is_words_only(service: Service, db: Database) -> None:
    await add_client(db, 41, NY, "09:00", when=T0 - timedelta(days=3))
    replies = await service.handle(ANA, m.Command("progress"), 1) or []
    assert len(replies) == 1 and replies[0].photo is None
    assert "charts will appear here" in replies[0].text


async def test_days_since_use_shows_in_progress_once_the_client_asks(
    service: Service, db: Database
) -> None:
    client = await add_client(db, 41, NY, "09:00", when=T0 - timedelta(days=20))
    await seed_days(db, client.id, 3)
    before = await service.handle(ANA, m.Command("progress"), 1) or []
    assert "since you last used" not in before[0].text
    settings = await service.handle(ANA, m.Command("settings"), 2) or []
    await tap(service, settings, "Days since last use", 3)
    async with db.transaction() as s:
        stored = await repo.get_client(s, client.id)
        assert stored is not None
        assert stored.show_days_since_use and not stored.reminder_prefs  # a column, not a pref
    after = await service.handle(ANA, m.Command("progress"), 4) or []
    assert "Days since you last used: 20." in after[0].text


async def test_export_after_a_warning_sends_a_zip_of_this_client_only(
    service: Service, db: Database
) -> None:
    ana = await add_client(db, 41, NY, "09:00", when=T0 - timedelta(days=5))
    ben = await add_client(db, 42, NY, "09:00", when=T0 - timedelta(days=5))
    await seed_days(db, ana.id, 3)
    await seed_days(db, ben.id, 3)
    ask = await service.handle(ANA, m.Command("export"), 1) or []
    assert "leaves me" in ask[0].text
    sent = await tap(service, ask, "Yes, send the file", 2)
    files = [r for r in sent if r.document is not None]
    assert len(files) == 1 and files[0].filename and files[0].filename.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(files[0].document or b""))
    record = json.loads(archive.read("export.json"))
    assert ana.pseudo_id in json.dumps(record) and ben.pseudo_id not in json.dumps(record)
    async with db.transaction() as s:
        actions = [(e.action, e.subject) for e in await s.scalars(select(AuditEntry))]
    assert actions == [("export", ana.pseudo_id)]


async def test_export_declined_sends_nothing(service: Service, db: Database) -> None:
    await add_client(db, 41, NY, "09:00", when=T0)
    ask = await service.handle(ANA, m.Command("export"), 1) or []
    replies = await tap(service, ask, "No", 2)
    assert not [r for r in replies if r.document is not None]


async def test_share_goes_to_staff_only_after_the_tap(service: Service, db: Database) -> None:
    client = await add_client(db, 41, NY, "09:00", when=T0 - timedelta(days=9))
    await seed_days(db, client.id, 8)
    ask = await service.handle(ANA, m.Command("share"), 1) or []
    assert not [r for r in ask if r.chat_id is not None]
    sent = await tap(service, ask, "Yes, send it", 2)
    staff = [r for r in sent if r.chat_id == -100700]
    assert len(staff) == 1 and client.pseudo_id in staff[0].text
    assert "Sent to your program" in sent[-1].text


async def test_sunday_reminder_carries_the_weeks_findings_and_chart(
    service: Service, db: Database
) -> None:
    from bot.reminders.dispatcher import Dispatcher
    from bot.service.insights import weekly_summary
    from bot.store import schedules
    from tests.reminders.fakes import FakeSender

    client = await add_client(db, 41, NY, "09:00", when=T0 - timedelta(days=20))
    await seed_days(db, client.id, 10)
    sunday = datetime(2026, 3, 22, 22, 0, tzinfo=UTC)  # 18:00 EDT
    row = {"client_id": client.id, "kind": "weekly_summary", "occurrence": "2026-W12",
           "due_at": sunday}  # fmt: skip
    async with db.transaction() as s:
        await schedules.add_reminders(s, [row], sunday)
    clock = Clock(sunday)
    sender = FakeSender(clock)

    async def compose(client_id: int, now: datetime) -> m.Reply | None:
        return await weekly_summary(db, client_id, now, service.settings)

    await Dispatcher(db, sender, clock, composers={"weekly_summary": compose}).run_once()
    [sent] = sender.sent
    assert sent.reply.photo is not None and sent.reply.photo.startswith(PNG)
    assert sent.text.startswith("It's Sunday: a look back at your week.")
    assert len(sent.text) <= 1024 and sent.text.count("•") == 3
