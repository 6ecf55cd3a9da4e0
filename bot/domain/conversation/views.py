"""Showing where a person is: the current step, the settings, a confirmation, or the menu."""

from __future__ import annotations

from typing import Any

from bot.domain.conversation import flows
from bot.domain.conversation.finish import settings_view
from bot.domain.conversation.model import Choice, Ctx, Outcome, Reply, State
from bot.domain.conversation.replies import menu, stamp
from bot.domain.conversation.steps import STEPS
from bot.locales import t


def current(state: State, draft: dict[str, Any], ctx: Ctx, lang: str, *pre: Any) -> Outcome:
    """Say `pre`, then show where the person is now (the step, or the menu)."""
    out = Outcome(state, draft, list(pre))
    if state in STEPS:
        return flows.enter(state, draft, ctx, lang, *pre)
    if state is State.SETTINGS:
        return out.say(settings_view(ctx, draft, lang))
    if state is State.REMINDERS:
        from bot.domain.conversation.settings import (
            switches_view,  # prefs imports this module's neighbours
        )

        return out.say(
            switches_view(ctx, draft, lang, draft.get("prefs") or ctx.profile.reminder_prefs)
        )
    if state in CONFIRMS:
        return out.say(_confirm(state, draft, lang))
    return out.say(menu(lang))


CONFIRMS: dict[State, tuple[str, str, str]] = {
    State.CHECKIN_REPLACE: ("ci.replace", "ci.replace_yes", "ci.replace_no"),
    State.DELETE_CONFIRM: ("delete.confirm", "delete.yes", "delete.no"),
    State.EXPORT_CONFIRM: ("export.confirm", "export.yes", "export.no"),
    State.SHARE_CONFIRM: ("share.confirm", "share.yes", "share.no"),
}


def _confirm(state: State, draft: dict[str, Any], lang: str) -> Reply:
    question, yes, no = CONFIRMS[state]
    s = stamp(draft)
    rows = ((Choice(t(lang, yes), s + "yes"),), (Choice(t(lang, no), s + "no"),))
    return Reply(t(lang, question), rows, protect=state is State.CHECKIN_REPLACE)


def ask_confirm(state: State, draft: dict[str, Any], lang: str) -> Outcome:
    draft = flows.fresh_draft(draft)
    return Outcome(state, draft, [_confirm(state, draft, lang)])
