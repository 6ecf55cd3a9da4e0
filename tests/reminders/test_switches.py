"""One table of switches drives the /settings buttons, the planner and the dispatcher: a switch
turned off shows ✗, and the kinds it covers are neither planned nor sent, the others are."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.domain.conversation import model as m
from bot.domain.schedule.kinds import PLANNED_KINDS, SWITCH_OF, SWITCHES, Kind, wants
from bot.locales import LANGUAGES, t
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_all
from bot.store import schedules
from bot.store.database import Database
from bot.store.models import Client, Reminder
from tests.domain.helpers import Driver
from tests.reminders.conftest import START, add_client
from tests.reminders.test_dispatcher import NY, T0, seed


def test_every_kind_is_under_exactly_one_labelled_switch() -> None:
    assert set(SWITCH_OF) == set(Kind)
    assert sum(len(kinds) for kinds in SWITCHES.values()) == len(Kind)
    assert SWITCHES["session"] == (Kind.SESSION_DAY_BEFORE, Kind.SESSION_HOUR_BEFORE)
    for lang in LANGUAGES:
        assert all(t(lang, f"remkind.{switch}") for switch in SWITCHES)
    assert all(wants({}, kind) and wants(None, kind) for kind in Kind)  # on by default
    with pytest.raises(ValueError):
        wants({}, "session")  # a switch is not a kind


def switched_off_by_a_tap(switch: str) -> dict[str, bool]:
    """What the pure machine saves when the switch's button is tapped once; checks the view."""
    d = Driver()
    d.cmd("settings")
    d.tap("reminders")
    shown = [c.data.split(":", 1)[1] for c in d.buttons()]
    assert shown == [f"t:{s}" for s in SWITCHES] + ["close"]
    d.tap(f"t:{switch}")
    labels = {c.data.split(":", 1)[1]: c.label for c in d.buttons()}
    assert labels[f"t:{switch}"].startswith("✗")
    assert all(labels[f"t:{s}"].startswith("✓") for s in SWITCHES if s != switch)
    saved = d.saved(m.SetProfile)[-1].fields["reminder_prefs"]
    assert isinstance(saved, dict)
    return saved


async def kinds_of(db: Database, client_id: int, detail: str | None = None) -> set[str]:
    async with db.transaction() as s:
        rows = await s.scalars(select(Reminder).where(Reminder.client_id == client_id))
        return {r.kind for r in rows if detail is None or r.detail == detail}


@pytest.mark.parametrize("switch", list(SWITCHES))
async def test_a_switch_turns_off_its_kinds_everywhere(
    switch: str, db: Database, dispatcher: Dispatcher
) -> None:
    prefs = switched_off_by_a_tap(switch)
    planned = await add_client(db, 41, NY, "09:00")
    sent = await add_client(db, 42, NY, "09:00")
    async with db.transaction() as s:
        await schedules.add_session(
            s, client_id=planned.id, kind="individual", weekday=None, once_date=date(2026, 3, 1),
            start_time="18:00", duration_min=50, timezone=NY, created_at=START,
        )  # fmt: skip
        for client_id in (planned.id, sent.id):
            client = await s.get(Client, client_id)
            assert client is not None
            client.reminder_prefs = prefs
    await plan_all(db, T0)
    assert await kinds_of(db, planned.id) == set(PLANNED_KINDS) - set(SWITCHES[switch])
    for kind in Kind:
        await seed(db, sent.id, kind, T0)
    dispatcher.clock = lambda: T0
    await dispatcher.run_once()
    assert await kinds_of(db, sent.id, "turned off") == set(SWITCHES[switch])
