"""Buttons that work wherever a person is: menu items, coping skills, "Did that help?",
"Are you safe?" and the answers to reminders. Each carries its own prefix (`m:`, `c:`, `h:`,
`g:`, `a:`, `f:`, `w:`) instead of the step's `s<seq>:` stamp, and none changes the state
except through the commands a menu item stands for."""

from __future__ import annotations

from typing import Any

from bot.domain.content import SKILLS, match_skills
from bot.domain.conversation import reminder_replies as reminders
from bot.domain.conversation.commands import COMMANDS, Handler, cmd_progress, help_now
from bot.domain.conversation.model import (
    Ctx,
    Outcome,
    RecordCrisis,
    Reply,
    SaveCopingOutcome,
    ShowProgress,
    State,
)
from bot.domain.conversation.replies import (
    coping_reply,
    menu,
    next_nonce,
    numbers,
    with_support,
)
from bot.domain.conversation.views import current
from bot.locales import t


def _menu_button(state: State, draft: dict[str, Any], item: str, ctx: Ctx, lang: str) -> Outcome:
    if item == "help":
        return help_now(state, draft, ctx, lang)
    if item in ("progress14", "progress30"):  # a chart's "Show N days": that chart swapped
        return Outcome(state, draft, [ShowProgress(int(item.removeprefix("progress")), True)])
    if item == "progress":
        return cmd_progress(state, draft, "", ctx, lang)
    handler = COMMANDS.get(item)
    if handler is None:
        return current(state, draft, ctx, lang, Reply(t(lang, "step.expired")))
    return handler(state, draft, "", ctx, lang)


def _coping_button(
    state: State, draft: dict[str, Any], skill: str, ctx: Ctx, lang: str
) -> Outcome:
    if skill not in SKILLS:
        return current(state, draft, ctx, lang, Reply(t(lang, "step.expired")))
    others = [s for s in match_skills([], None, exclude=skill)]
    reply = coping_reply(skill, ctx, lang, others, next_nonce(draft))
    return Outcome(state, draft, [reply])


def _helped_button(state: State, draft: dict[str, Any], rest: str, ctx: Ctx, lang: str) -> Outcome:
    skill, _, tail = rest.partition(":")
    helped, _, nonce = tail.partition(":")
    rated: list[str] = draft.setdefault("rated", [])
    if skill not in SKILLS or helped not in ("y", "b", "n"):
        return current(state, draft, ctx, lang, Reply(t(lang, "step.expired")))
    if nonce and nonce in rated:
        return Outcome(state, draft, [Reply(t(lang, "cope.noted"))])
    if nonce:
        draft["rated"] = [*rated, nonce][-20:]
    if helped == "n":  # not "next time": the next idea, now
        ideas = match_skills([], None, exclude=skill, n=4)
        intro = t(lang, "cope.thanks.n")
        offer = coping_reply(ideas[0], ctx, lang, ideas[1:], next_nonce(draft), intro)
        return Outcome(state, draft, [SaveCopingOutcome(skill, helped), offer])
    thanks = Reply(t(lang, f"cope.thanks.{helped}"))
    return Outcome(state, draft, [SaveCopingOutcome(skill, helped), thanks])


def _safety_button(state: State, draft: dict[str, Any], rest: str, ctx: Ctx, lang: str) -> Outcome:
    nums = numbers(ctx.helplines, lang)
    if rest == "safe:y":
        thanks = t(lang, "safe.thanks", **nums)
        # Outside a flow nothing else is on screen (a check-in that ended at the safety
        # question left the menu for now): show it. In a flow, the step is still there.
        if state is State.MENU:
            return Outcome(state, draft, [menu(lang, thanks)])
        return Outcome(state, draft, [Reply(thanks)])
    if rest == "safe:n":
        danger = with_support(t(lang, "safe.danger", **nums), ctx.profile, lang)
        said = Reply(danger, help_key=t(lang, "help.key"), urgent=True)
        return Outcome(state, draft, [said, RecordCrisis(1, "safety_button", "safe.danger")])
    return current(state, draft, ctx, lang, Reply(t(lang, "step.expired")))


GLOBAL_BUTTONS: dict[str, Handler] = {
    "m": _menu_button,
    "c": _coping_button,
    "h": _helped_button,
    "g": _safety_button,
    "a": reminders.attendance_button,
    "f": reminders.followup_button,
    "w": reminders.helped_button,
}
