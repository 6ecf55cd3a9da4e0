"""Events in, effects out, and the snapshot of the client that `step()` is given.

All frozen dataclasses: the domain never mutates what it is handed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from bot.domain.content import Helplines


class State(StrEnum):
    """Where a person is in the conversation; stored per client."""

    STRANGER = "stranger"  # no client row: help, crisis and invites only
    LANGUAGE = "language"
    CONSENT = "consent"
    TIMEZONE = "timezone"
    CHECKIN_TIME = "checkin_time"
    MEDICATION = "medication"
    SUPPORT_NAME = "support_name"
    SUPPORT_PHONE = "support_phone"
    REASONS = "reasons"
    MENU = "menu"
    CHECKIN_REPLACE = "checkin_replace"
    CI_MOOD = "ci_mood"
    CI_CRAVING = "ci_craving"
    CI_USE = "ci_use"
    CI_SLEEP = "ci_sleep"
    CI_STRESS = "ci_stress"
    CI_TRIGGERS = "ci_triggers"
    CI_MEDICATION = "ci_medication"
    CI_CONFIDENCE = "ci_confidence"
    CI_SAFETY = "ci_safety"
    CR_INTENSITY = "cr_intensity"
    CR_TRIGGERS = "cr_triggers"
    CR_ACTION = "cr_action"
    TL_TRIGGERS = "tl_triggers"
    TL_NOTE = "tl_note"
    SETTINGS = "settings"
    REMINDERS = "reminders"
    DELETE_CONFIRM = "delete_confirm"
    EXPORT_CONFIRM = "export_confirm"
    SHARE_CONFIRM = "share_confirm"


# ---- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Command:
    name: str
    arg: str = ""
    # "es" when typed by its Spanish name (/ayuda), else "": before a language is chosen the
    # reply follows it. Not part of the command's identity: /ayuda is /help.
    lang: str = field(default="", compare=False)


@dataclass(frozen=True)
class Button:
    data: str


@dataclass(frozen=True)
class Media:
    """Something we cannot read: a photo, sticker, voice note, location, document.

    Its caption, if any, is still screened for crisis language."""

    kind: str
    caption: str = ""


@dataclass(frozen=True)
class Edit:
    """A message the person changed after sending it. Only screened for crisis language: the
    conversation does not move, since the first version was answered already."""

    text: str


Event = Text | Command | Button | Media | Edit


def words_of(event: Event) -> str:
    """The words an event carries for crisis screening: typed or edited text, a command's
    words, a caption; a tap carries none."""
    if isinstance(event, Text | Edit):
        return event.text
    if isinstance(event, Command):
        return event.arg
    return event.caption if isinstance(event, Media) else ""


# ---- effects ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    label: str
    data: str


@dataclass(frozen=True)
class Reply:
    """A message to the person. `help_key` attaches the persistent "Help now" key (its label)."""

    text: str
    buttons: tuple[tuple[Choice, ...], ...] = ()
    protect: bool = False
    help_key: str | None = None
    edit: bool = False  # replace the message whose button was tapped, instead of a new one
    chat_id: int | None = None  # another chat (the staff chat); None means the person
    photo: bytes | None = None  # a PNG; `text` is then its caption (at most 1024 characters)
    document: bytes | None = None  # a file; `text` is its caption, `filename` its name
    filename: str | None = None
    # Help or a risk script: delivered at least once (retried until sent, a duplicate beats
    # silence). Everything else is tried at most once when Telegram's answer is unknown.
    urgent: bool = False


@dataclass(frozen=True)
class Enroll:
    """Create the client row and bind the invite (the service knows which)."""


@dataclass(frozen=True)
class SetProfile:
    fields: dict[str, Any]


@dataclass(frozen=True)
class RecordConsent:
    version: str


@dataclass(frozen=True)
class SaveCheckIn:
    local_date: date
    values: dict[str, Any]


@dataclass(frozen=True)
class SaveCraving:
    intensity: int | None
    triggers: list[str]
    action: str | None
    coping_offered: str | None


@dataclass(frozen=True)
class SaveTriggerLog:
    triggers: list[str]
    note: str | None


@dataclass(frozen=True)
class SaveCopingOutcome:
    skill: str
    helped: str


@dataclass(frozen=True)
class RecordCrisis:
    tier: int
    source: str
    shown: str


@dataclass(frozen=True)
class SaveAttendance:
    """An answer to a session reminder; the service checks the reminder is the client's."""

    reminder_id: int
    answer: str


@dataclass(frozen=True)
class IfStaffTold:
    """A reply that hangs on the staff notice of the effect just before it (an attendance
    answer's): `told` once the staff chat accepted that notice; `untold` when no notice was
    made (no staff chat) or it could not be delivered. A reply that says staff will know is
    only ever a `told`: the service pairs it with the notice, the door sends one of the two."""

    told: Reply
    untold: Reply


@dataclass(frozen=True)
class SaveCravingOutcome:
    craving_id: int
    outcome: str


@dataclass(frozen=True)
class SaveCravingHelped:
    craving_id: int
    skill: str


@dataclass(frozen=True)
class ShowProgress:
    """/progress: the service loads the history and answers with figures and charts.
    `swap`: only the craving and mood chart, over `days`, in place of the one whose
    "Show N days" button was tapped."""

    days: int = 14
    swap: bool = False


@dataclass(frozen=True)
class Export:
    """/export, confirmed: the service builds the zip and sends it as a document."""


@dataclass(frozen=True)
class ShareSummary:
    """/share, confirmed: this week's summary goes to the program's staff chat."""


@dataclass(frozen=True)
class DeleteClient:
    """Erase every row of this client; the service replies with what was removed."""


Effect = (
    Reply
    | Enroll
    | SetProfile
    | RecordConsent
    | SaveCheckIn
    | SaveCraving
    | SaveTriggerLog
    | SaveCopingOutcome
    | RecordCrisis
    | SaveAttendance
    | IfStaffTold
    | SaveCravingOutcome
    | SaveCravingHelped
    | ShowProgress
    | Export
    | ShareSummary
    | DeleteClient
)


# ---- context ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """What the domain may know about the person: settings, never history."""

    language: str = "en"
    timezone: str = "America/New_York"
    checkin_time: str = "20:00"
    takes_medication: bool = False
    support_name: str | None = None
    support_phone: str | None = None
    reasons: str | None = None
    status: str = "stranger"
    reminder_prefs: dict[str, bool] = field(default_factory=dict)
    show_days_since_use: bool = False
    code: str | None = None  # the pseudonymous client id staff know them by (/privacy)


@dataclass(frozen=True)
class Today:
    checkin_done: bool = False  # for `checkin_day`
    cravings: int = 0
    triggers: int = 0
    safety_asked_this_week: bool = False
    # The day a check-in started now counts for (`schedule.plan.checkin_day`): after midnight,
    # the evening prompt's. None: the calendar day of `Ctx.now` in the client's zone.
    checkin_day: date | None = None


@dataclass(frozen=True)
class Upcoming:
    """One session occurrence, for /sessions."""

    start: datetime
    kind: str
    minutes: int
    place: str | None = None


@dataclass(frozen=True)
class Ctx:
    """Everything `step()` needs besides state, draft and event; built by the service."""

    now: datetime
    profile: Profile = field(default_factory=Profile)
    today: Today = field(default_factory=Today)
    helplines: Helplines = field(default_factory=Helplines)
    program_timezone: str = "America/New_York"
    invite_ok: bool = False
    open_enrollment: bool = False
    upcoming: tuple[Upcoming, ...] = ()


@dataclass
class Outcome:
    """What `step()` returns: the next state, the next draft, the effects in order."""

    state: State
    draft: dict[str, Any]
    effects: list[Effect] = field(default_factory=list)

    def say(self, reply: Reply) -> Outcome:
        self.effects.append(reply)
        return self
