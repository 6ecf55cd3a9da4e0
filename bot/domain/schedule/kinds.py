"""The kinds of reminder, the /settings switches that turn them off, and who wants which.

A client's `reminder_prefs` holds switches, not kinds: one switch per line of the /settings
reminder list, on unless the client turned it off. The "session" switch covers two kinds, the
reminder the evening before a session and the one an hour before. `SWITCHES` is the one place
that says which switch covers which kinds; `wants` is the one place that reads the prefs. The
settings buttons, the planner, the dispatcher and the event-driven reminders all go through
them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """A reminder row's `kind` column."""

    CHECKIN = "checkin"
    SESSION_DAY_BEFORE = "session_day_before"
    SESSION_HOUR_BEFORE = "session_hour_before"
    CRAVING_FOLLOWUP = "craving_followup"
    CHECKBACK = "checkback"
    REENGAGE = "reengage"
    WEEKLY_SUMMARY = "weekly_summary"


SESSION_KINDS = (Kind.SESSION_DAY_BEFORE, Kind.SESSION_HOUR_BEFORE)

# The switches in the order /settings lists them, each with the kinds it turns off.
SWITCHES: dict[str, tuple[Kind, ...]] = {
    "checkin": (Kind.CHECKIN,),
    "session": SESSION_KINDS,
    "craving_followup": (Kind.CRAVING_FOLLOWUP,),
    "checkback": (Kind.CHECKBACK,),
    "reengage": (Kind.REENGAGE,),
    "weekly_summary": (Kind.WEEKLY_SUMMARY,),
}
SWITCH_OF: dict[Kind, str] = {kind: name for name, kinds in SWITCHES.items() for kind in kinds}

# Kinds planned ahead from the schedule and the client's settings; the others follow events
# (a craving log, a crisis, missed check-ins) and are planned when those happen.
PLANNED_KINDS = (Kind.CHECKIN, *SESSION_KINDS, Kind.WEEKLY_SUMMARY)


def switch_on(prefs: Mapping[str, Any] | None, switch: str) -> bool:
    """Whether this /settings switch is on (every switch is, until the client turns it off)."""
    return bool((prefs or {}).get(switch, True))


def wants(prefs: Mapping[str, Any] | None, kind: str) -> bool:
    """Whether a client with these prefs wants reminders of `kind`; unknown kinds raise."""
    return switch_on(prefs, SWITCH_OF[Kind(kind)])
