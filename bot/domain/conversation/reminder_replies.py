"""What the bot says when it speaks first, and what the taps on those messages do.

Every text here may show on a lock screen: its first 60 characters name no program,
substance or diagnosis (a test runs over every template in both languages). Whatever staff
typed (a session's place or video link) comes after the neutral first lines, never in them
(tests/domain/test_lock_screen.py renders every kind with the most revealing place)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.content import SKILLS, match_skills
from bot.domain.conversation.model import (
    Choice,
    Ctx,
    IfStaffTold,
    Outcome,
    Reply,
    SaveAttendance,
    SaveCravingHelped,
    SaveCravingOutcome,
    State,
)
from bot.domain.conversation.replies import coping_reply, next_nonce
from bot.domain.schedule.kinds import SESSION_KINDS, Kind
from bot.locales import formats, t

ATTENDANCE = ("there", "late", "cant")
FOLLOWUP = ("passed", "strong", "used")
_TEXT = {
    Kind.CHECKIN: "rem.checkin",
    Kind.SESSION_DAY_BEFORE: "rem.day_before",
    Kind.SESSION_HOUR_BEFORE: "rem.hour_before",
    Kind.CRAVING_FOLLOWUP: "rem.followup",
    Kind.CHECKBACK: "rem.checkback",
    Kind.REENGAGE: "rem.reengage",
    Kind.WEEKLY_SUMMARY: "rem.weekly",
}


@dataclass(frozen=True)
class ReminderView:
    """What the dispatcher knows about one reminder when it is time to send it."""

    reminder_id: int
    kind: str
    lang: str
    zone: str
    session_start: datetime | None = None
    session_kind: str | None = None
    place: str | None = None
    ref_id: int | None = None
    # When it goes out: "tomorrow" and "in one hour" are judged from here (a day-before
    # reminder sent at once for a session later today says "today"). None: its usual slot.
    sent_at: datetime | None = None


def clock_time(instant: datetime, zone: str, lang: str) -> str:
    """'6:00 PM' in English, '18:00' in Spanish (Babel's short time), in the person's zone."""
    return formats.clock(instant, lang, zone)


def render_reminder(view: ReminderView) -> Reply:
    """The message for one reminder, with its buttons."""
    lang = view.lang
    params: dict[str, Any] = {}
    buttons: tuple[tuple[Choice, ...], ...] = ((Choice(t(lang, "menu.checkin"), "m:checkin"),),)
    if view.session_start is not None:
        # Staff text goes last, after the question: never on the lock screen, one line.
        where = " ".join((view.place or "").split())
        place = t(lang, "rem.place", place=where) if where else ""
        kind = t(lang, f"session.{view.session_kind or 'group'}")
        params = {"time": clock_time(view.session_start, view.zone, lang), "kind": kind}
        params["place"] = place
        key = _session_key(view.kind, view.session_start, view.sent_at, view.zone)
        buttons = (
            tuple(Choice(t(lang, f"att.{a}"), f"a:{view.reminder_id}:{a}") for a in ATTENDANCE),
        )
        return Reply(t(lang, key, **params), buttons, protect=True)
    elif view.kind == Kind.CRAVING_FOLLOWUP:
        buttons = (tuple(Choice(t(lang, f"fu.{o}"), f"f:{view.ref_id}:{o}") for o in FOLLOWUP),)
    elif view.kind == Kind.CHECKBACK:
        buttons = (
            (Choice(t(lang, "menu.help"), "m:help"), Choice(t(lang, "menu.checkin"), "m:checkin")),
        )
    return Reply(t(lang, _TEXT[Kind(view.kind)], **params), buttons, protect=True)


SOON = timedelta(minutes=50)  # under this, "in one hour" would mislead


def _session_key(kind: str, start: datetime, sent_at: datetime | None, zone: str) -> str:
    """The text of a session reminder, with its relative words true when it is sent: the
    day-before one says today or tomorrow by the client's calendar, the
    hour-before one drops "in one hour" when it goes out later than planned."""
    if sent_at is None:
        return _TEXT[Kind(kind)]
    if kind == Kind.SESSION_HOUR_BEFORE:
        return "rem.hour_before.soon" if start - sent_at < SOON else "rem.hour_before"
    tz = ZoneInfo(zone)
    days = (start.astimezone(tz).date() - sent_at.astimezone(tz).date()).days
    return "rem.day_before.today" if days <= 0 else "rem.day_before"


# Within one merged message: the look-back first, then the asks, the sessions last (what staff
# typed, a place, stays after every question and off the lock screen).
_ORDER = {
    Kind.WEEKLY_SUMMARY: 0, Kind.CHECKBACK: 1, Kind.CHECKIN: 2, Kind.REENGAGE: 3,
    Kind.CRAVING_FOLLOWUP: 4, Kind.SESSION_DAY_BEFORE: 5, Kind.SESSION_HOUR_BEFORE: 6,
}  # fmt: skip
CAPTION_MAX = 1024  # Telegram's limit on a photo's caption


def merge_due(parts: list[tuple[str, Reply]]) -> list[tuple[list[int], Reply]]:
    """The messages due together for one client, as (reminder kind, message), merged into as
    few messages as can be one. Returns (the indexes of `parts` each carries, the message).

    A check-in prompt makes the ask of a re-engagement or of a plain Sunday look-back
    needless: those are carried without their text. At most one session reminder a message
    (their buttons would read alike), at most one photo, whose caption stays within 1024
    characters. Buttons met twice (two "Check in") are shown once."""
    order = sorted(range(len(parts)), key=lambda i: (_ORDER.get(Kind(parts[i][0]), 9), i))
    asks = any(kind == Kind.CHECKIN for kind, _ in parts)
    groups: list[list[int]] = []
    silent: list[int] = []
    for i in order:
        kind, reply = parts[i]
        if asks and (kind == Kind.REENGAGE or (kind == Kind.WEEKLY_SUMMARY and not reply.photo)):
            silent.append(i)
            continue
        home = next((g for g in groups if _fits([parts[j] for j in g], parts[i])), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    merged = [(g, _merge([parts[j][1] for j in g])) for g in groups]
    if silent:
        first = next(
            n for n, (g, _) in enumerate(merged) if any(parts[j][0] == Kind.CHECKIN for j in g)
        )
        merged[first] = (merged[first][0] + silent, merged[first][1])
    return merged


def _fits(group: list[tuple[str, Reply]], part: tuple[str, Reply]) -> bool:
    kind, reply = part
    if kind in SESSION_KINDS and any(k in SESSION_KINDS for k, _ in group):
        return False
    photos = [r for _, r in group if r.photo] + ([reply] if reply.photo else [])
    if len(photos) > 1:
        return False
    text = _merge([r for _, r in group] + [reply]).text
    return not photos or len(text) <= CAPTION_MAX


def _merge(replies: list[Reply]) -> Reply:
    if len(replies) == 1:
        return replies[0]
    seen: set[str] = set()
    rows = []
    for reply in replies:
        for row in reply.buttons:
            fresh = tuple(c for c in row if c.data not in seen)
            seen.update(c.data for c in fresh)
            if fresh:
                rows.append(fresh)
    photo = next((r.photo for r in replies if r.photo), None)
    text = "\n\n".join(r.text for r in replies)
    return Reply(text, tuple(rows), protect=any(r.protect for r in replies), photo=photo)


def attendance_button(
    state: State, draft: dict[str, Any], rest: str, ctx: Ctx, lang: str
) -> Outcome:
    """'I'll be there' / 'Running late' / 'Can't make it' on a session reminder."""
    rid, _, answer = rest.partition(":")
    if not rid.isdigit() or answer not in ATTENDANCE:
        return Outcome(state, draft, [Reply(t(lang, "step.expired"))])
    thanks = Reply(t(lang, f"att.thanks.{answer}"))
    if answer == "there":
        return Outcome(state, draft, [SaveAttendance(int(rid), answer), thanks])
    # Late or absent goes to staff: "your team will know" only once they do.
    told = IfStaffTold(thanks, Reply(t(lang, f"att.untold.{answer}")))
    return Outcome(state, draft, [SaveAttendance(int(rid), answer), told])


def followup_button(
    state: State, draft: dict[str, Any], rest: str, ctx: Ctx, lang: str
) -> Outcome:
    """ "Did the craving pass?": passed, still strong, or I used."""
    cid, _, outcome = rest.partition(":")
    if not cid.isdigit() or outcome not in FOLLOWUP:
        return Outcome(state, draft, [Reply(t(lang, "step.expired"))])
    out = Outcome(state, draft, [SaveCravingOutcome(int(cid), outcome)])
    if outcome == "used":
        return out.say(Reply(t(lang, "crisis.lapse"), protect=True))
    if outcome == "strong":
        skills = match_skills([], 8, n=4)
        intro = t(lang, "fu.strong_intro")
        return out.say(coping_reply(skills[0], ctx, lang, skills[1:], next_nonce(draft), intro))
    picks = [Choice(t(lang, f"skill.{s}"), f"w:{cid}:{s}") for s in SKILLS]
    rows = tuple(tuple(picks[i : i + 2]) for i in range(0, len(picks), 2))
    return out.say(Reply(t(lang, "fu.what_helped"), rows, protect=True))


def helped_button(state: State, draft: dict[str, Any], rest: str, ctx: Ctx, lang: str) -> Outcome:
    """What helped a craving pass (asked by the follow-up)."""
    cid, _, skill = rest.partition(":")
    if not cid.isdigit() or skill not in SKILLS:
        return Outcome(state, draft, [Reply(t(lang, "step.expired"))])
    thanks = Reply(t(lang, "fu.helped", skill=t(lang, f"skill.{skill}")))
    return Outcome(state, draft, [SaveCravingHelped(int(cid), skill), thanks])
