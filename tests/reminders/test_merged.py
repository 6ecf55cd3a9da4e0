"""Messages due together for one client go as one: at 18:00 on a Sunday a client whose
check-in is at 18:00 and who has a session on Monday gets one message, asking once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import load_settings
from bot.domain.conversation.model import Reply
from bot.domain.schedule.kinds import Kind
from bot.locales import t
from bot.reminders.dispatcher import Composer, Dispatcher
from bot.reminders.planner import plan_all
from bot.service.insights import weekly_summary
from bot.store.database import Database
from tests.reminders.conftest import add_client, add_track
from tests.reminders.fakes import Clock, FakeSender

NY = "America/New_York"
SATURDAY = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)  # 12:00 in New York
SUNDAY_6PM = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("chart", [False, True], ids=["plain", "with-chart"])
async def test_sunday_evening_is_one_message(db: Database, lang: str, chart: bool) -> None:
    clock = Clock(SATURDAY)
    sender = FakeSender(clock)
    composers: dict[str, Composer] = {}
    if chart:
        settings = load_settings(_env_file=None)

        async def weekly(client_id: int, now: datetime) -> Reply | None:
            return await weekly_summary(db, client_id, now, settings)

        composers[Kind.WEEKLY_SUMMARY] = weekly
    dispatcher = Dispatcher(db, sender, clock, composers=composers)
    await add_track(db, "Evening", NY, [0], "18:00", 180, when=SATURDAY - timedelta(days=9))
    await add_client(db, 41, NY, "18:00", "Evening", when=SATURDAY - timedelta(days=8), lang=lang)
    while clock.now < SUNDAY_6PM:  # the day before, as it happened
        await plan_all(db, clock.now)
        await dispatcher.run_once()
        clock.now += timedelta(minutes=30)
    sender.sent.clear()
    clock.now = SUNDAY_6PM
    await plan_all(db, clock.now)
    stats = await dispatcher.run_once()
    assert stats.sent == 3  # the prompt, Monday's session, the look-back: every row sent
    assert len(sender.sent) == 1, [m.text for m in sender.sent]
    message = sender.sent[0]
    assert message.text.count(t(lang, "rem.checkin")) == 1  # asked once
    assert t(lang, "rem.weekly") not in message.text
    assert ("Tomorrow" if lang == "en" else "Mañana") in message.text
    assert (message.reply.photo is not None) == chart
    data = [c.data for row in message.reply.buttons for c in row]
    assert len(data) == len(set(data)) and "m:checkin" in data
    # The session's place (staff text) comes last, after every question.
    assert message.text.rstrip().endswith("Room 2")
