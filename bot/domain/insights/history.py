"""A client's own record as plain data: what insights, charts, the weekly summary, the export
and the program report are computed from. Built by `bot.store.history`; pure from here on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class CheckInRecord:
    day: date  # the client's local date
    mood: int | None = None
    craving: int | None = None
    substance_use: str | None = None  # no | alcohol | other | private
    sleep: str | None = None  # poor | ok | well
    stress: int | None = None
    triggers: tuple[str, ...] = ()
    medication: str | None = None  # yes | missed | unsure
    confidence: int | None = None
    safety: str | None = None


@dataclass(frozen=True)
class CravingRecord:
    at: datetime  # aware UTC
    intensity: int | None = None
    triggers: tuple[str, ...] = ()
    action: str | None = None  # a coping skill key, or "nothing"
    coping_offered: str | None = None
    outcome: str | None = None  # passed | strong | used (from the follow-up)
    helped: str | None = None  # the skill that helped, from the follow-up


@dataclass(frozen=True)
class TriggerRecord:
    at: datetime
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True)
class CopingRecord:
    at: datetime
    skill: str
    helped: str | None  # y | b | n


@dataclass(frozen=True)
class AttendanceRecord:
    session_start: datetime
    answer: str  # there | late | cant


@dataclass(frozen=True)
class CrisisRecord:
    at: datetime
    tier: int
    # The staff notice (tiers 1-2 with a staff chat): when it last went (None: no notice), who
    # took it ("I'm on it": the name Telegram showed, never their id) and when, and how many
    # times it was sent again.
    noticed_at: datetime | None = None
    ack_name: str | None = None
    ack_at: datetime | None = None
    notices: int = 0


@dataclass(frozen=True)
class ReminderRecord:
    due_at: datetime
    kind: str
    status: str  # due | claimed | sending | sent | missed | failed | uncertain


@dataclass(frozen=True)
class ClientHistory:
    """Everything about one client that their insights may use."""

    client_id: int
    pseudo_id: str
    timezone: str
    enrolled_at: datetime
    status: str = "active"
    language: str = "en"
    program_days: int = 90
    show_days_since_use: bool = False
    last_contact: datetime | None = None
    checkins: tuple[CheckInRecord, ...] = ()
    cravings: tuple[CravingRecord, ...] = ()
    triggers: tuple[TriggerRecord, ...] = ()
    coping: tuple[CopingRecord, ...] = ()
    attendance: tuple[AttendanceRecord, ...] = ()
    crises: tuple[CrisisRecord, ...] = ()
    reminders: tuple[ReminderRecord, ...] = field(default=())
