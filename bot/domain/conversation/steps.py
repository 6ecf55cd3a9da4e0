"""The steps of every flow, as data: what is asked, how it is answered, when it is skipped.

A flow is an ordered list of step states. The same step (say, the time zone question) serves
enrollment and /settings; the flow named in the draft decides what comes next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.domain.content import SKILLS
from bot.domain.conversation.model import Ctx, State
from bot.domain.conversation.parse import parse_phone, parse_time, parse_timezone

Answers = dict[str, Any]
Predicate = Callable[[Answers, Ctx], bool]

CONSENT_VERSION = "2026-11-v1"
US_ZONES: tuple[tuple[str, str], ...] = (
    ("America/New_York", "New York"),
    ("America/Chicago", "Chicago"),
    ("America/Denver", "Denver"),
    ("America/Phoenix", "Phoenix"),
    ("America/Los_Angeles", "Los Angeles"),
    ("America/Anchorage", "Anchorage"),
    ("Pacific/Honolulu", "Honolulu"),
    ("America/Puerto_Rico", "San Juan"),
)
CHECKIN_TIMES: tuple[str, ...] = ("08:00", "12:00", "18:00", "20:00", "21:00")
LIMITS = {"name": 64, "phone": 32, "reasons": 500, "note": 200}


@dataclass(frozen=True)
class Step:
    """One question. `kind` is scale (0-10), choice, multi (triggers), or text."""

    state: State
    kind: str
    key: str
    prompt: str
    options: tuple[str, ...] = ()
    when: Predicate | None = None
    when_label: str = ""
    parse: Callable[[str], str | None] | None = None
    error: str = ""
    limit: int = 0
    skip: bool = True
    again: str = ""  # a short question asked again after an answer not understood
    keep_first: bool = False  # free text over `limit`: its first part is kept, not refused
    # What a typed message the screener answers with a lapse, poisoning or safety-check reply
    # does here (tiers 1 and 2 never answer a step): "parse" is the answer only when it
    # parses as one (a time, a zone, a number, a label); "keep" is the person's own words
    # (reasons, a note, a trigger of their own), kept under the reply, since the check also
    # fires on ordinary answers ("to stay alive for my kids", "saw my old dealer"); "ask" is
    # never the answer (a lapse or a poisoning is nobody's name). When it is not the answer,
    # the reply comes with the step again, never a refusal that quotes it (issue 8).
    screened: str = "parse"


def _rule_fired(a: Answers, ctx: Ctx) -> bool:
    """The safety question follows any warning answer, and weekly for all.

    Why: docs/clinical.md, Daily check-in."""
    low = lambda k, n: a.get(k) is not None and a[k] <= n  # noqa: E731
    high = lambda k, n: a.get(k) is not None and a[k] >= n  # noqa: E731
    used = a.get("use") in ("alcohol", "other")
    warning = low("mood", 2) or high("craving", 8) or high("stress", 8) or low("confidence", 3)
    return warning or used or not ctx.today.safety_asked_this_week


def _has_support(a: Answers, ctx: Ctx) -> bool:
    return bool(a.get("support_name"))


def _on_medication(a: Answers, ctx: Ctx) -> bool:
    return ctx.profile.takes_medication


def _name(text: str) -> str | None:
    """A first name as typed; None when it has no letter at all ("5", a phone number typed a
    step early), which is asked again."""
    value = " ".join(text.split())
    return value if any(ch.isalpha() for ch in value) else None


STEPS: dict[State, Step] = {
    s.state: s
    for s in (
        Step(State.LANGUAGE, "choice", "language", "enroll.language", ("en", "es"), skip=False),
        Step(
            State.CONSENT,
            "choice",
            "consent",
            "enroll.consent",
            ("yes", "no"),
            skip=False,
            again="enroll.consent_again",
        ),
        Step(
            State.TIMEZONE,
            "text",
            "timezone",
            "enroll.timezone",
            parse=parse_timezone,
            error="enroll.timezone_bad",
            limit=64,
        ),
        Step(
            State.CHECKIN_TIME,
            "text",
            "checkin_time",
            "enroll.checkin_time",
            CHECKIN_TIMES,
            parse=parse_time,
            error="enroll.time_bad",
            limit=16,
        ),
        Step(State.MEDICATION, "choice", "takes_medication", "enroll.medication", ("yes", "no")),
        Step(
            State.SUPPORT_NAME,
            "text",
            "support_name",
            "enroll.support_name",
            parse=_name,
            error="enroll.name_bad",
            limit=LIMITS["name"],
            keep_first=True,
            screened="ask",
        ),
        Step(
            State.SUPPORT_PHONE,
            "text",
            "support_phone",
            "enroll.support_phone",
            when=_has_support,
            when_label="named someone",
            parse=parse_phone,
            error="enroll.phone_bad",
            limit=LIMITS["phone"],
        ),
        Step(
            State.REASONS,
            "text",
            "reasons",
            "enroll.reasons",
            parse=_name,
            limit=LIMITS["reasons"],
            keep_first=True,
            screened="keep",
        ),
        Step(State.CI_MOOD, "scale", "mood", "ci.mood"),
        Step(State.CI_CRAVING, "scale", "craving", "ci.craving"),
        Step(State.CI_USE, "choice", "use", "ci.use", ("no", "alcohol", "other", "private")),
        Step(State.CI_SLEEP, "choice", "sleep", "ci.sleep", ("poor", "ok", "well")),
        Step(State.CI_STRESS, "scale", "stress", "ci.stress"),
        Step(State.CI_TRIGGERS, "multi", "triggers", "ci.triggers", screened="keep"),
        Step(
            State.CI_MEDICATION,
            "choice",
            "medication",
            "ci.medication",
            ("yes", "missed", "unsure"),
            when=_on_medication,
            when_label="on medication",
        ),
        Step(State.CI_CONFIDENCE, "scale", "confidence", "ci.confidence"),
        Step(
            State.CI_SAFETY,
            "choice",
            "safety",
            "ci.safety",
            ("yes", "no"),
            when=_rule_fired,
            when_label="a rule fired, or weekly",
        ),
        Step(State.CR_INTENSITY, "scale", "intensity", "cr.intensity"),
        Step(State.CR_TRIGGERS, "multi", "triggers", "cr.triggers", screened="keep"),
        Step(State.CR_ACTION, "choice", "action", "cr.action", ("nothing", *SKILLS)),
        Step(
            State.TL_TRIGGERS, "multi", "triggers", "tl.triggers", skip=False, screened="keep"
        ),
        Step(
            State.TL_NOTE,
            "text",
            "note",
            "tl.note",
            parse=_name,
            limit=LIMITS["note"],
            keep_first=True,
            screened="keep",
        ),
    )
}

FLOWS: dict[str, tuple[State, ...]] = {
    "enroll": (
        State.LANGUAGE,
        State.CONSENT,
        State.TIMEZONE,
        State.CHECKIN_TIME,
        State.MEDICATION,
        State.SUPPORT_NAME,
        State.SUPPORT_PHONE,
        State.REASONS,
    ),
    "checkin": (
        State.CI_MOOD,
        State.CI_CRAVING,
        State.CI_USE,
        State.CI_SLEEP,
        State.CI_STRESS,
        State.CI_TRIGGERS,
        State.CI_MEDICATION,
        State.CI_CONFIDENCE,
        State.CI_SAFETY,
    ),
    "craving": (State.CR_INTENSITY, State.CR_TRIGGERS, State.CR_ACTION),
    "trigger": (State.TL_TRIGGERS, State.TL_NOTE),
    "set_language": (State.LANGUAGE,),
    "set_timezone": (State.TIMEZONE,),
    "set_time": (State.CHECKIN_TIME,),
    "set_medication": (State.MEDICATION,),
    "set_support": (State.SUPPORT_NAME, State.SUPPORT_PHONE),
    "set_reasons": (State.REASONS,),
}
ENROLL_STATES = frozenset(FLOWS["enroll"])


def applies(step: Step, answers: Answers, ctx: Ctx) -> bool:
    return step.when is None or step.when(answers, ctx)


def next_state(flow: str, current: State, answers: Answers, ctx: Ctx) -> State | None:
    """The next step of `flow` that applies, or None when the flow is complete."""
    states = FLOWS[flow]
    for state in states[states.index(current) + 1 :]:
        if applies(STEPS[state], answers, ctx):
            return state
    return None


def prev_state(flow: str, current: State, answers: Answers, ctx: Ctx) -> State | None:
    """The previous step of `flow` that applies, or None at the first step."""
    states = FLOWS[flow]
    for state in reversed(states[: states.index(current)]):
        if applies(STEPS[state], answers, ctx):
            return state
    return None
