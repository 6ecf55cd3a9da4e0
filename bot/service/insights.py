"""Progress, charts, the weekly summary, the export and sharing: the effects that need the
client's whole history. They run after the event's transaction has committed, reading in a
transaction of their own, and charts are drawn in a worker thread so the bot stays responsive."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.domain.insights.history import ClientHistory
from bot.locales import t
from bot.store.database import Database


def _today(h: ClientHistory, now: datetime) -> date:
    return now.astimezone(ZoneInfo(h.timezone)).date()


async def _history(db: Database, client_id: int, settings: Settings) -> ClientHistory | None:
    from bot.store.history import load_history

    async with db.transaction() as s:
        return await load_history(s, client_id, program_days=settings.program_length_days)


def _progress_text(h: ClientHistory, today: date, charts: bool) -> m.Reply:
    """The /progress figures in words: quick, sent before the charts are drawn; without
    charts (nothing to draw yet), a line saying when they come."""
    from bot.domain.insights import progress, progress_text

    text = progress_text(progress(h, today), h.language)
    if not charts:
        text += "\n\n" + t(h.language, "ins.progress.no_charts")
    return m.Reply(text, protect=True)


def _has_data(h: ClientHistory, today: date, days: int) -> tuple[bool, bool]:
    """Whether the craving and mood chart over `days`, and the trigger bars over 30 days,
    have anything to show: an empty picture is not sent."""
    from bot.charts.series import daily_series, trigger_counts, window

    s = daily_series(h, window(h, today, days))
    return bool(s.checkins or s.logs), bool(trigger_counts(h, window(h, today, 30)))


def _mood_chart(h: ClientHistory, today: date, days: int, swap: bool) -> m.Reply:
    """The craving and mood chart, with a button to the other window when the client has
    been enrolled longer than the short one (30 days would show the same 14)."""
    from bot.charts.draw import mood_craving_chart
    from bot.charts.series import window

    lang = h.language
    other = 30 if days == 14 else 14
    longer = window(h, today, 30).days > 14
    more = ((m.Choice(t(lang, "progress.window", days=other), f"m:progress{other}"),),)
    mood = mood_craving_chart(h, today, days, lang)
    return m.Reply(
        mood.caption, more if longer else (), protect=True, photo=mood.png, edit=swap
    )  # its window can change


def _progress_charts(h: ClientHistory, today: date, days: int) -> list[m.Reply]:
    """The charts that have data, with captions that say the same in words (a second or
    so to draw)."""
    from bot.charts.draw import trigger_bars_chart

    mood, bars = _has_data(h, today, days)
    found: list[m.Reply] = []
    if bars:
        chart = trigger_bars_chart(h, today, 30, h.language)
        found.append(m.Reply(chart.caption, protect=True, photo=chart.png))
    if mood:
        found.append(_mood_chart(h, today, days, swap=False))
    return found


ChartsLater = Callable[[], Awaitable[list[m.Reply]]]


async def progress_parts(
    db: Database, client_id: int, now: datetime, days: int, settings: Settings
) -> tuple[list[m.Reply], ChartsLater | None]:
    """/progress in two parts: the figures now, and a function that draws the charts (off
    the event loop) for the door to call once the figures are sent; None when there is no
    chart to draw yet (the figures say so). ([], None) when the client is gone."""
    h = await _history(db, client_id, settings)
    if h is None:
        return [], None
    today = _today(h, now)
    if not any(_has_data(h, today, days)):
        return [_progress_text(h, today, charts=False)], None

    async def charts() -> list[m.Reply]:
        return await asyncio.to_thread(_progress_charts, h, today, days)

    return [_progress_text(h, today, charts=True)], charts


async def chart_swap(
    db: Database, client_id: int, now: datetime, days: int, settings: Settings
) -> ChartsLater | None:
    """A chart's "Show N days": the craving and mood chart over `days` alone, as an edit of
    the chart whose button was tapped (not /progress all over again). None when the client
    is gone."""
    h = await _history(db, client_id, settings)
    if h is None:
        return None
    today = _today(h, now)

    async def chart() -> list[m.Reply]:
        return [await asyncio.to_thread(_mood_chart, h, today, days, True)]

    return chart


async def progress_replies(
    db: Database, client_id: int, now: datetime, days: int, settings: Settings
) -> list[m.Reply]:
    """All of /progress at once: the figures, then the charts that have data."""
    first, charts = await progress_parts(db, client_id, now, days, settings)
    return first + (await charts() if charts is not None else [])


def _summary(h: ClientHistory, today: date) -> str:
    from bot.domain.insights import summary_text, weekly_findings

    return summary_text(weekly_findings(h, today), h.language, today)


def _weekly(h: ClientHistory, today: date) -> m.Reply:
    from bot.charts.draw import mood_craving_chart

    chart = mood_craving_chart(h, today, 14, h.language)
    # The first line is the neutral reminder text: the caption shows on a lock screen.
    caption = t(h.language, "rem.weekly.head") + "\n\n" + _summary(h, today)
    return m.Reply(caption[:1024], protect=True, photo=chart.png)


async def weekly_summary(
    db: Database, client_id: int, now: datetime, settings: Settings
) -> m.Reply | None:
    """The Sunday message: three findings from the client's own week, and the chart."""
    h = await _history(db, client_id, settings)
    if h is None:
        return None
    return await asyncio.to_thread(_weekly, h, _today(h, now))


async def export_replies(
    db: Database, client_id: int, pseudo_id: str, lang: str, now: datetime
) -> list[m.Reply]:
    """The client's whole record as a zip, sent as a document (audited)."""
    from bot.service.export import build_export

    async with db.transaction() as s:  # build_export records the audit entry itself
        name, data = await build_export(s, client_id, now)
    caption = t(lang, "export.caption", date=now.date().isoformat())
    return [m.Reply(caption, protect=False, document=data, filename=name)]


async def _who(db: Database, client_id: int) -> str:
    """The client as staff notices name them: id, label and counselor."""
    from bot.service.notices import who
    from bot.store.models import Client

    async with db.transaction() as s:
        client = await s.get(Client, client_id)
        return who(client) if client is not None else "?"


@dataclass(frozen=True)
class Share:
    """A summary for the staff chat; `sent` tells the person once it is delivered, `failed`
    when it cannot be; `audit` (actor, action, subject, detail) is recorded on delivery."""

    staff: m.Reply
    sent: m.Reply
    failed: m.Reply
    audit: tuple[str, str, str, str]


async def share(
    db: Database, client_id: int, now: datetime, settings: Settings
) -> Share | m.Reply:
    """This week's summary for the staff chat, after the client's tap; a reply saying
    sharing is not set up when there is no staff chat."""
    h = await _history(db, client_id, settings)
    if h is None or settings.staff_chat_id is None:
        return m.Reply(t(h.language if h else "en", "share.unavailable"))
    today = _today(h, now)
    text = await asyncio.to_thread(_summary, h, today)
    who = await _who(db, client_id)
    header = t("en", "share.staff_header", client=who, date=today.isoformat())
    return Share(
        m.Reply(f"{header}\n\n{text}", chat_id=settings.staff_chat_id),
        m.Reply(t(h.language, "share.sent")),
        m.Reply(t(h.language, "share.failed")),
        (f"client:{h.pseudo_id}", "share", h.pseudo_id, "weekly"),
    )
