"""/sessions and the reminder switches in /settings."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.conversation.finish import keep, settings_view
from bot.domain.conversation.model import Choice, Ctx, Outcome, Reply, SetProfile, State
from bot.domain.conversation.reminder_replies import clock_time
from bot.domain.conversation.replies import stamp
from bot.domain.schedule.kinds import SWITCHES, switch_on
from bot.locales import formats, t


def sessions_text(ctx: Ctx, lang: str) -> str:
    """The next 7 days of sessions, in the client's zone and language."""
    if not ctx.upcoming:
        return t(lang, "sessions.none")
    zone = ZoneInfo(ctx.profile.timezone)
    lines = [t(lang, "sessions.title")]
    for item in sorted(ctx.upcoming, key=lambda u: u.start):
        day = formats.short_date(item.start.astimezone(zone).date(), lang)
        place = f" · {item.place}" if item.place else ""
        when = clock_time(item.start, ctx.profile.timezone, lang)
        kind = t(lang, f"session.{item.kind}")
        line = t(lang, "sessions.line", day=day, time=when, kind=kind, minutes=item.minutes,
                 place=place)  # fmt: skip
        lines.append(line)
    return "\n".join(lines)


def switches_view(ctx: Ctx, draft: dict[str, Any], lang: str, prefs: dict[str, bool]) -> Reply:
    """One button per /settings switch (`kinds.SWITCHES`), ✓ when on; a tap turns it off or on."""
    s = stamp(draft)
    rows = [
        (Choice(("✓ " if switch_on(prefs, k) else "✗ ") + t(lang, f"remkind.{k}"), f"{s}t:{k}"),)
        for k in SWITCHES
    ]
    rows.append((Choice(t(lang, "step.done"), f"{s}close"),))
    return Reply(t(lang, "rem.toggle_prompt"), tuple(rows), protect=True)


def switches_button(
    state: State, draft: dict[str, Any], value: str, ctx: Ctx, lang: str
) -> Outcome:
    """Toggle one switch (edits the message in place), or go back to the settings."""
    prefs = dict(draft.get("prefs") or ctx.profile.reminder_prefs)
    if value == "close":
        # The settings view numbers its buttons from the draft it is given: give it the one
        # that is stored, so its buttons are the live ones.
        kept = keep(draft)
        changed = {"reminder_prefs": prefs}
        return Outcome(State.SETTINGS, kept, [settings_view(ctx, kept, lang, changed)])
    switch = value.removeprefix("t:")
    if switch not in SWITCHES:
        return Outcome(state, draft, [switches_view(ctx, draft, lang, prefs)])
    prefs[switch] = not switch_on(prefs, switch)
    draft["prefs"] = prefs
    view = switches_view(ctx, draft, lang, prefs)
    edited = Reply(view.text, view.buttons, view.protect, edit=True)
    return Outcome(state, draft, [SetProfile({"reminder_prefs": prefs}), edited])
