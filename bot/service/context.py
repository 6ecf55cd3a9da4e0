"""What the pure conversation machine is told about a person: settings, today, helplines.

Today's figures (check-in done, cravings and triggers logged, the safety question asked this
week: three or four queries) are read only when the step needs them. For an event without
words (a tap, a bare command) the context carries `UNREAD` in their place: a step that reads
them raises `TodayNeeded`, and the service reads them and runs the step again (it is pure).
An event with words is screened, which costs more than the figures: they are read first."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.schedule.plan import checkin_day, session_occurrences
from bot.locales import norm_lang
from bot.store import records, repo, schedules
from bot.store.models import Client


class TodayNeeded(Exception):
    """The step read today's figures, which the context left out (`UNREAD`)."""


class _Unread:
    """Stands in for `m.Today` until a step reads it."""

    def __getattr__(self, name: str) -> object:
        raise TodayNeeded(name)


UNREAD = cast(m.Today, _Unread())


async def with_today(s: AsyncSession, ctx: m.Ctx, client: Client, now: datetime) -> m.Ctx:
    """`ctx` with today's figures read."""
    return replace(ctx, today=await _today(s, client, now))


async def build_context(
    s: AsyncSession, cfg: Settings, client: Client | None, lang_hint: str, event: m.Event,
    now: datetime,
) -> m.Ctx:  # fmt: skip
    """The snapshot `step()` gets; the costly parts only for the events that need them
    (today's figures may be `UNREAD`: see the module's docstring)."""
    base = {
        "now": now,
        "helplines": cfg.helplines,
        "program_timezone": cfg.program_timezone,
        "open_enrollment": cfg.enrollment == "open",
    }
    if client is None:
        invite_ok = await _invite_ok(s, event, now)
        profile = m.Profile(language=norm_lang(lang_hint), status="stranger")
        return m.Ctx(profile=profile, invite_ok=invite_ok, **base)  # type: ignore[arg-type]
    words = m.words_of(event).strip()
    today = await _today(s, client, now) if words else UNREAD
    wanted = event in (m.Command("sessions"), m.Button("m:sessions"))
    upcoming = await upcoming_sessions(s, client, now) if wanted else ()
    ctx = m.Ctx(profile=_profile(client), today=today, upcoming=upcoming, **base)  # type: ignore[arg-type]
    return ctx


def _profile(client: Client) -> m.Profile:
    return m.Profile(
        language=client.language,
        timezone=client.timezone,
        checkin_time=client.checkin_time,
        takes_medication=client.takes_medication,
        support_name=client.support_name,
        support_phone=client.support_phone,
        reasons=client.reasons,
        status=client.status,
        reminder_prefs=dict(client.reminder_prefs or {}),
        show_days_since_use=client.show_days_since_use,
        code=client.pseudo_id,
    )


async def _invite_ok(s: AsyncSession, event: m.Event, now: datetime) -> bool:
    """Whether this is /start with a code that is known, unused, unrevoked and not expired."""
    if not (isinstance(event, m.Command) and event.name == "start" and event.arg):
        return False
    invite = await repo.find_invite(s, event.arg)
    return invite is not None and repo.invite_open(invite, now)


async def _today(s: AsyncSession, client: Client, now: datetime) -> m.Today:
    local = now.astimezone(ZoneInfo(client.timezone))
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    figures = await records.today_figures(s, client.id, midnight.astimezone(UTC), local.date())
    hour, minute = (int(x) for x in client.checkin_time.split(":"))
    done = figures.checked_in  # yesterday and today: the only days checkin_day asks about
    day = checkin_day(now, client.timezone, time(hour, minute), done, client.enrolled_at)
    return m.Today(
        checkin_done=day in done,
        checkin_day=day,
        cravings=figures.cravings,
        triggers=figures.triggers,
        safety_asked_this_week=figures.safety_asked,
    )


async def upcoming_sessions(
    s: AsyncSession, client: Client, now: datetime, days: int = 7
) -> tuple[m.Upcoming, ...]:
    """The client's (and their track's) session occurrences in the next `days` days; a
    skipped date is not among them."""
    from bot.reminders.planner import session_rule

    found: list[m.Upcoming] = []
    rows = await schedules.list_sessions(s, client_id=client.id)
    skips = await schedules.skipped_dates(
        s, [row.id for row in rows], since=now.date() - timedelta(days=1)
    )
    for row in rows:
        rule = session_rule(row, skips.get(row.id, frozenset()))
        for start in session_occurrences(rule, now, now + timedelta(days=days)):
            found.append(m.Upcoming(start, row.kind, row.duration_min, row.place))
    return tuple(sorted(found, key=lambda u: u.start))
