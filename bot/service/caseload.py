"""What the staff web view shows of clients: the caseload and one client's page, each read
in one transaction that also writes the audit entry ("view", under the staff member), so no
page that shows a client goes unrecorded.

A counselor sees the clients whose counselor (from their invite) is their name; an admin
sees every client (`Viewer.sees`). A client someone may not see is refused (`NotYours`)
before anything of theirs is read."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.domain.insights import digest_flags, progress
from bot.domain.insights.days import checkin_days, days_between, enrollment_day
from bot.domain.insights.history import ClientHistory
from bot.domain.insights.progress import Progress
from bot.domain.staff_input import AdminError
from bot.locales.formats import counted
from bot.service.clock import Clock
from bot.service.invites import find_invite
from bot.service.program import find_client, find_session
from bot.service.web_auth import Viewer
from bot.store import audit
from bot.store.caseload import CaseData, case_data
from bot.store.database import Database
from bot.store.history import load_history
from bot.store.models import DISCHARGED, Client, Track
from bot.store.repo import pending_invites

WINDOW = 7  # check-in completion over the last 7 local days
STATUSES = ("active", "enrolling", "stopped", "blocked", DISCHARGED)
RISK_ALERT, RISK_FLAGS, RISK_FLAG, RISK_NONE = 3, 2, 1, 0


class NotYours(AdminError):
    """A counselor asked for a client who is not on their caseload."""


@dataclass(frozen=True)
class CaseRow:
    """One client on the caseload. `completion` is the share (0-1) of the last WINDOW local
    days (since enrollment, if later) with a check-in, None before enrollment; `risk` is
    RISK_ALERT (a crisis notice nobody took), RISK_FLAGS (two or more flags), RISK_FLAG or
    RISK_NONE."""

    pseudo_id: str
    label: str | None
    counselor: str | None
    track: str | None
    status: str
    day_n: int
    program_days: int
    last_contact: datetime | None
    completion: float | None
    open_alerts: int
    alert_tier: int | None
    flags: tuple[str, ...]
    risk: int


@dataclass(frozen=True)
class Filters:
    """The caseload's filters (None shows all) and how many rows to show at most (None:
    every row)."""

    counselor: str | None = None
    track: str | None = None
    status: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class Caseload:
    """The rows shown (sorted by risk, then longest without contact first; the first
    `Filters.limit` of `matching`) and the choices the filters offer (from every client this
    viewer may see, `total`)."""

    rows: list[CaseRow]
    counselors: list[str]
    tracks: list[str]
    statuses: tuple[str, ...]
    total: int
    matching: int


def _sort_key(row: CaseRow) -> tuple[int, int, int, float]:
    contact = row.last_contact.timestamp() if row.last_contact else 0.0
    return (-row.risk, row.alert_tier or 9, 1 if row.last_contact else 0, contact)


def _case_row(c: Any, data: CaseData, now: datetime, program_days: int) -> CaseRow:
    """One client's caseload row from `case_data`'s rows (`c`: one client row)."""
    alerts = data.alerts.get(c.id)
    day_n, completion, flags = 0, None, tuple[str, ...]()
    if c.enrolled_at is not None:
        h = ClientHistory(client_id=c.id, pseudo_id=c.pseudo_id, timezone=c.timezone,
                          enrolled_at=c.enrolled_at, status=c.status, program_days=program_days,
                          checkins=data.checkins.get(c.id, ()))  # fmt: skip
        today = now.astimezone(ZoneInfo(h.timezone)).date()
        start = max(today - timedelta(days=WINDOW - 1), enrollment_day(h))
        day_n = days_between(enrollment_day(h), today)
        span = days_between(start, today)
        completion = len(checkin_days(h, start, today)) / span if span else 0.0
        flags = tuple(digest_flags(h, today)) if c.status != DISCHARGED else ()
    risk = (RISK_ALERT if alerts else RISK_FLAGS if len(flags) >= 2
            else RISK_FLAG if flags else RISK_NONE)  # fmt: skip
    return CaseRow(
        pseudo_id=c.pseudo_id, label=c.label, counselor=c.counselor,
        track=data.tracks.get(c.track_id) if c.track_id else None, status=c.status,
        day_n=day_n, program_days=program_days, last_contact=c.last_seen_at,
        completion=completion, open_alerts=alerts.count if alerts else 0,
        alert_tier=alerts.tier if alerts else None, flags=flags, risk=risk,
    )  # fmt: skip


def _keep(row: CaseRow, f: Filters) -> bool:
    return (
        (f.counselor is None or (row.counselor or "") == f.counselor)
        and (f.track is None or (row.track or "") == f.track)
        and (f.status is None or row.status == f.status)
    )


@dataclass(frozen=True)
class ClientPage:
    """Everything the client page shows: the history (records in time order), the figures
    the client sees in /progress, the staff-only label, counselor and track, the tracks to
    move them to, and the reminders sent and missed by kind."""

    pseudo_id: str
    label: str | None
    counselor: str | None
    status: str
    track: str | None
    tracks: list[str]
    enrolled_at: datetime | None
    discharged_at: datetime | None
    history: ClientHistory
    figures: Progress
    reminders: dict[str, dict[str, int]]


@dataclass(frozen=True)
class PendingInvite:
    """An invite that still enrolls someone: "#12", the client id it gives, its track,
    label and counselor (None when unset), and when it expires (UTC)."""

    ref: str
    pseudo_id: str | None
    track: str | None
    label: str | None
    counselor: str | None
    expires_at: datetime


class StaffView:
    """The web view's reads for one signed-in staff member (`viewer`), audited as them."""

    def __init__(self, db: Database, settings: Settings, clock: Clock, viewer: Viewer) -> None:
        self.db, self.settings, self.clock, self.viewer = db, settings, clock, viewer

    async def caseload(self, filters: Filters | None = None) -> Caseload:
        """The caseload the viewer may see, filtered, audited ("view", subject "all")."""
        filters = filters or Filters()
        now = self.clock()
        # The earliest local date anywhere on Earth that can be in a 7-day window today.
        since = (now - timedelta(days=1)).date() - timedelta(days=WINDOW + 1)
        mine = None if self.viewer.admin else self.viewer.name
        days = self.settings.program_length_days
        async with self.db.transaction() as s:
            data = await case_data(s, since, mine)
            everyone = [_case_row(c, data, now, days) for c in data.clients]
            matching = sorted((r for r in everyone if _keep(r, filters)), key=_sort_key)
            rows = matching[: filters.limit] if filters.limit is not None else matching
            shown = counted(len(rows), "client", "clients")
            await audit.record(s, self.viewer.actor, "view", "all", f"web caseload: {shown}", now)
        return Caseload(
            rows=rows,
            matching=len(matching),
            counselors=sorted({r.counselor for r in everyone if r.counselor}),
            tracks=sorted({r.track for r in everyone if r.track}),
            statuses=STATUSES,
            total=len(everyone),
        )

    async def track_names(self) -> list[str]:
        """Every track's name, by name."""
        async with self.db.transaction() as s:
            return list(await s.scalars(select(Track.name).order_by(Track.name)))

    async def check(self, pseudo_id: str) -> None:
        """Nothing when the viewer may see client `pseudo_id`. AdminError: no such client;
        NotYours: not on their caseload."""
        async with self.db.transaction() as s:
            client = await find_client(s, pseudo_id)
            if not self.viewer.sees(client.counselor):
                raise NotYours(pseudo_id)

    async def check_schedule(self, client: str | None, session: str | None) -> None:
        """Nothing when the viewer may schedule for client `client` (a pseudonymous id) and
        change session `session` ("12" or "#12"): an admin always, a counselor for their own
        clients' sessions and the track-wide ones. NotYours otherwise. An unknown client or
        session passes: the command itself refuses it, in its own words."""
        if self.viewer.admin:
            return
        async with self.db.transaction() as s:
            owner: Client | None = None
            if client and client.strip():
                try:
                    owner = await find_client(s, client)
                except AdminError:
                    owner = None
                if owner is not None and not self.viewer.sees(owner.counselor):
                    raise NotYours(owner.pseudo_id)
            if session and session.strip():
                try:
                    found = await find_session(s, session)
                except (AdminError, ValueError):
                    return
                owner = await s.get(Client, found.client_id) if found.client_id else None
                if owner is not None and not self.viewer.sees(owner.counselor):
                    raise NotYours(owner.pseudo_id)

    async def visible(self, pseudo_ids: Iterable[str]) -> set[str]:
        """Those of `pseudo_ids` whose clients the viewer may see (no audit entry: nothing
        of theirs is read but the counselor)."""
        wanted = set(pseudo_ids)
        if self.viewer.admin or not wanted:
            return wanted
        async with self.db.transaction() as s:
            rows = await s.execute(
                select(Client.pseudo_id, Client.counselor).where(Client.pseudo_id.in_(wanted))
            )
            return {pid for pid, counselor in rows if self.viewer.sees(counselor)}

    async def pending_invites(self) -> list[PendingInvite]:
        """The invites that still enroll someone, soonest to expire first: every one for an
        admin, a counselor's own (their name as the invite's counselor) for a counselor."""
        now = self.clock()
        async with self.db.transaction() as s:
            found = await pending_invites(s, now)
            mine = [i for i in found if self.viewer.sees(i.counselor)]
            return [
                PendingInvite(f"#{i.id}", i.pseudo_id, i.track, i.label, i.counselor, i.expires_at)
                for i in mine
            ]

    async def check_invite(self, ref: str) -> None:
        """Nothing when the viewer may revoke the invite `ref` names (as `invite revoke`
        takes it); NotYours for a counselor and another counselor's invite. An unknown
        invite passes: the command refuses it in its own words."""
        if self.viewer.admin:
            return
        async with self.db.transaction() as s:
            try:
                invite = await find_invite(s, ref)
            except AdminError:
                return
            if not self.viewer.sees(invite.counselor):
                raise NotYours(ref)

    async def _theirs(self, s: AsyncSession, pseudo_id: str) -> tuple[Client, ClientHistory]:
        """Client `pseudo_id` and their history, if the viewer may see them. AdminError: no
        such client; NotYours: not on the viewer's caseload (nothing is read)."""
        client = await find_client(s, pseudo_id)
        if not self.viewer.sees(client.counselor):
            raise NotYours(pseudo_id)
        h = await load_history(s, client.id, program_days=self.settings.program_length_days)
        assert h is not None
        return client, h

    async def client_page(self, pseudo_id: str) -> ClientPage:
        """Client `pseudo_id`'s page, audited ("view", the client). AdminError: no such
        client; NotYours: not on the viewer's caseload (nothing is read or written)."""
        now = self.clock()
        async with self.db.transaction() as s:
            client, h = await self._theirs(s, pseudo_id)
            tracks = list(await s.scalars(select(Track.name).order_by(Track.name)))
            track = await s.get(Track, client.track_id) if client.track_id else None
            await audit.record(s, self.viewer.actor, "view", client.pseudo_id,
                               "web client page", now)  # fmt: skip
            page = ClientPage(
                pseudo_id=client.pseudo_id, label=client.label, counselor=client.counselor,
                status=client.status, track=track.name if track else None, tracks=tracks,
                enrolled_at=client.enrolled_at, discharged_at=client.discharged_at,
                history=h, figures=progress(h, now.astimezone(ZoneInfo(h.timezone)).date()),
                reminders=_reminder_counts(h),
            )  # fmt: skip
        return page

    async def chart(self, pseudo_id: str, which: str, days: int = 30) -> bytes:
        """A PNG of client `pseudo_id`'s chart: "mood" (mood and craving over `days`) or
        "triggers" (over 30 days), audited ("view", the client: a chart shows their record
        as the page does, and its address can be opened alone). AdminError / NotYours as
        `client_page`; ValueError for another chart."""
        from bot.charts.draw import mood_craving_chart, trigger_bars_chart

        if which not in ("mood", "triggers"):
            raise ValueError(which)
        async with self.db.transaction() as s:
            client, h = await self._theirs(s, pseudo_id)
            await audit.record(s, self.viewer.actor, "view", client.pseudo_id,
                               f"web chart {which}", self.clock())  # fmt: skip
        today = self.clock().astimezone(ZoneInfo(h.timezone)).date()
        h = replace(h, language="en")  # the staff's language, not the client's
        draw = mood_craving_chart if which == "mood" else trigger_bars_chart
        chart = await asyncio.to_thread(draw, h, today, days, "en")
        return chart.png


def _reminder_counts(h: ClientHistory) -> dict[str, dict[str, int]]:
    """Reminders by kind: how many were sent and how many missed (or failed)."""
    counts: dict[str, Counter[str]] = {}
    for r in h.reminders:
        if r.status in ("sent", "missed", "failed", "uncertain"):
            outcome = "sent" if r.status in ("sent", "uncertain") else "missed"
            counts.setdefault(r.kind, Counter())[outcome] += 1
    return {kind: {"sent": c["sent"], "missed": c["missed"]} for kind, c in sorted(counts.items())}
