"""The conversation as one table and one function.

`step(state, draft, event, ctx)` is the only way the conversation moves. It is pure: the
state and a small JSON draft come from the database, the clock and the person's settings come
in `ctx`, and what to save and what to say go out as effects, in order.

Before the table is consulted, three things run in every state, because they must never
depend on where the person is: the help request, crisis screening of typed text, and the
commands (/cancel, /menu, /stop, ...). Then the table maps (state, event kind) to a handler.
Input that fits no transition gets one clear reply and changes nothing.

Buttons on a step carry `s<seq>:<value>` (`replies.stamp` makes the prefix and
`replies.is_current` checks it). The draft's `seq` grows with every prompt, so a tap on an
older message (or the second of a double tap) is told apart from a tap on the current one: it
gets "that button is from an older message" and the current step again, under its same stamp
(so the copy the person was looking at stays live). Buttons that are valid
wherever the person is (menu items, coping skills, "Did that help?", "Are you safe?") carry
their own prefixes (`m:`, `c:`, `h:`, `g:`) and never change the state.

The tables, and where each lives (all in this folder):

- `TABLE` (here): (state, event kind) -> handler, for what fits no table below.
- `commands.COMMANDS`: /name -> handler, in every state; `commands.HELP_COMMANDS` answer
  with help before anything else.
- `buttons.GLOBAL_BUTTONS`: button prefix -> handler, in every state.
- `steps.STEPS` and `steps.FLOWS`: every question as data, and the ordered steps of each
  flow; `flows` moves through them (`on_button`, `on_text`, `advance`, `go_back`).
- `finish.SETTINGS_FLOWS`: a /settings button -> the flow that changes that setting.
- `views.CONFIRMS`: the yes/no questions (replace today's check-in, delete, export, share).
- `diagram.edges()`: the picture of all of the above in the README, each edge tested by
  stepping this machine (tests/domain/test_diagram.py).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from bot.domain.conversation import buttons, commands, finish, flows
from bot.domain.conversation import settings as prefs
from bot.domain.conversation.crisis_replies import effects_for
from bot.domain.conversation.finish import SETTINGS_FLOWS, settings_view
from bot.domain.conversation.model import (
    Button,
    Command,
    Ctx,
    DeleteClient,
    Edit,
    Event,
    Export,
    Media,
    Outcome,
    Reply,
    SetProfile,
    ShareSummary,
    State,
    Text,
    words_of,
)
from bot.domain.conversation.parse import (
    CANCEL_WORDS,
    label_key,
    label_matches,
    safety_answer,
    yes_no,
)
from bot.domain.conversation.replies import is_current, menu
from bot.domain.conversation.steps import ENROLL_STATES, STEPS
from bot.domain.conversation.views import CONFIRMS, current
from bot.domain.crisis.screen import Tier, screen
from bot.locales import t

Handler = Callable[[State, dict[str, Any], str, Ctx, str], Outcome]


def lang_of(ctx: Ctx, draft: dict[str, Any]) -> str:
    """The person's language; during enrollment the choice just made wins."""
    return str(draft.get("lang") or ctx.profile.language)


def chosen(state: State, draft: dict[str, Any]) -> bool:
    """Whether the person has chosen a language: not a stranger, and not at enrollment's
    language step before answering it."""
    if state is State.STRANGER:
        return False
    first_step = state is State.LANGUAGE and draft.get("flow") == "enroll"
    return not (first_step and not draft.get("lang"))


def answer_lang(state: State, draft: dict[str, Any], event: Event, ctx: Ctx) -> str:
    """The language to answer `event` in: the person's once chosen; before that, the one the
    message is written in ("me quiero morir" gets the Spanish script and "ayuda" Spanish help,
    whatever the phone's language), else the phone's (English when it gives none). Issue 8:
    a Spanish crisis message before the language step got the English script."""
    lang = lang_of(ctx, draft)
    return lang if chosen(state, draft) else commands.said_in(event) or lang


def step(state: State, draft: dict[str, Any], event: Event, ctx: Ctx) -> Outcome:
    """Apply one event: help, crisis screening and commands first, then the table."""
    draft = copy.deepcopy(draft)
    lang = answer_lang(state, draft, event, ctx)
    if isinstance(event, Edit):
        return _edited(state, draft, event, ctx, lang)
    out = _dispatch(state, draft, event, ctx, lang)
    # Words that ride along a command ("/checkin I want to die") or a photo's caption are
    # screened too; typed text is screened inside _text, where it can interrupt a step.
    extra = words_of(event) if isinstance(event, Command | Media) else ""
    tier = screen(extra) if extra else None
    if tier is not None:
        out.effects[:0] = effects_for(int(tier), extra, "text", ctx, lang)
    return out


def _edited(state: State, draft: dict[str, Any], event: Edit, ctx: Ctx, lang: str) -> Outcome:
    """An edited message: its crisis reply if the new words call for one, else nothing."""
    tier = screen(event.text) if event.text.strip() else None
    if tier is None:
        return Outcome(state, draft, [])
    return Outcome(state, draft, effects_for(int(tier), event.text, "edit", ctx, lang))


def _dispatch(state: State, draft: dict[str, Any], event: Event, ctx: Ctx, lang: str) -> Outcome:
    if state is State.STRANGER:
        return commands.stranger(draft, event, ctx, lang)
    if isinstance(event, Command):
        return _command(state, draft, event, ctx, lang)
    if isinstance(event, Media):
        return current(state, draft, ctx, lang, Reply(t(lang, "step.media")))
    if isinstance(event, Button):
        return _button(state, draft, event.data, ctx, lang)
    if isinstance(event, Edit):  # step() answers edits before they get here
        return _edited(state, draft, event, ctx, lang)
    return _text(state, draft, event, ctx, lang)


def _text(state: State, draft: dict[str, Any], event: Text, ctx: Ctx, lang: str) -> Outcome:
    text = event.text.strip()
    if commands.is_help_request(text):
        return commands.help_now(state, draft, ctx, lang)
    tier = screen(text)
    if tier is Tier.LAPSE and draft.get("flow") == "checkin" and state in STEPS:
        # A lapse typed in a check-in is its response, and at "Did you use today?" the answer
        # when the words say what was taken: one lapse reply, never a second on the tap.
        effects = effects_for(int(tier), text, "text", ctx, lang)
        flows.lapse_said(draft, effects)
        used = flows.use_named(state, text)
        if used is not None:
            return flows.answer(state, draft, used, ctx, lang, *effects)
    at_safety = state in STEPS and STEPS[state].key == "safety"
    if tier is Tier.CHECK and at_safety and safety_answer(text) == "yes":
        # "sí, a veces" there is its yes: the crisis script ends the check-in, and "are you
        # safe?" over it would ask again what was just answered.
        tier = None
    if tier in (Tier.EMERGENCY, Tier.CRISIS) and at_safety:
        # Thoughts of suicide or an emergency typed at "have you had thoughts ... of hurting
        # yourself?" are its yes: the check-in ends there with this script alone, never the
        # question again under it and the script twice on the "Yes" that follows (issue 8).
        draft["a"]["safety"] = "yes"
        return finish.end_at_safety(
            draft, ctx, lang, *effects_for(int(tier), text, "text", ctx, lang)
        )
    if tier in (Tier.EMERGENCY, Tier.CRISIS) or (
        tier is not None and not _answers(state, draft, text, ctx, lang)
    ):
        effects = effects_for(int(tier), text, "text", ctx, lang)
        if state in STEPS:
            return current(state, draft, ctx, lang, *effects, Reply(t(lang, "crisis.resume")))
        return Outcome(state, draft, list(effects))
    if state in STEPS and label_key(text) in CANCEL_WORDS:  # "stop" typed: leave this flow
        return commands.COMMANDS["cancel"](state, draft, "", ctx, lang)
    handler = TABLE.get((state, "text"))
    out = (
        handler(state, draft, text, ctx, lang)
        if handler
        else _use_buttons(state, draft, ctx, lang)
    )
    if tier is not None:
        out.effects[:0] = effects_for(int(tier), text, "text", ctx, lang)
    return out


def _answers(state: State, draft: dict[str, Any], text: str, ctx: Ctx, lang: str) -> bool:
    """Whether a message screened as a lapse, a poisoning or the safety check also answers
    where the person is. A step takes it only as its parser would (`flows.takes_screened`);
    a yes/no question only as a yes or a no; the menu is shown again under the reply, as for
    any text there. Anywhere else (the settings, the reminder switches, a step that would
    refuse it) the reply stands alone, or with the step again, as for tiers 1 and 2: never
    "I couldn't read 'I relapsed last night' as a time" under the lapse reply (issue 8)."""
    if state in STEPS:
        return flows.takes_screened(state, draft, text, ctx)
    if state in CONFIRMS:
        return _confirm_value(state, text, lang) is not None
    return (state, "text") in TABLE


def _button(state: State, draft: dict[str, Any], data: str, ctx: Ctx, lang: str) -> Outcome:
    prefix, _, rest = data.partition(":")
    if prefix in buttons.GLOBAL_BUTTONS:
        return buttons.GLOBAL_BUTTONS[prefix](state, draft, rest, ctx, lang)
    handler = TABLE.get((state, "button"))
    if not is_current(prefix, draft) or handler is None:
        return _shown_again(state, draft, ctx, lang, Reply(t(lang, "step.expired")))
    return handler(state, draft, rest, ctx, lang)


def _shown_again(state: State, draft: dict[str, Any], ctx: Ctx, lang: str, *pre: Any) -> Outcome:
    """The current step or yes/no question again, under the stamp it already has: its earlier
    copy stays live. (A tap on an older message, the second of a double tap, or a prompt that
    reached the person twice, as at-least-once delivery allows, must not make the copy they
    are looking at "older" too.) Views whose buttons change what they show (a multi-select,
    the settings) are shown fresh."""
    seq = int(draft.get("seq", 0))
    single = (state in STEPS and STEPS[state].kind != "multi") or state in CONFIRMS
    if single and seq > 0:
        draft["seq"] = seq - 1  # `stamp` gives the same number back
    return current(state, draft, ctx, lang, *pre)


def _use_buttons(state: State, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    return current(state, draft, ctx, lang, Reply(t(lang, "step.use_buttons")))


# ---- menu-level states ---------------------------------------------------------------------


def _menu_text(state: State, draft: dict[str, Any], text: str, ctx: Ctx, lang: str) -> Outcome:
    """Outside a flow, typed text (already screened) is answered with the menu."""
    return Outcome(state, draft, [menu(lang)])


def _settings_button(
    state: State, draft: dict[str, Any], value: str, ctx: Ctx, lang: str
) -> Outcome:
    if value == "close":
        return Outcome(State.MENU, flows.fresh_draft(draft), [menu(lang)])
    if value == "days_since_use":  # shown in /progress only when the client asks for it
        change = {"show_days_since_use": not ctx.profile.show_days_since_use}
        view = settings_view(ctx, draft, lang, change, t(lang, "settings.saved"))
        return Outcome(state, draft, [SetProfile(change), view])
    if value == "reminders":
        draft = flows.fresh_draft(draft)
        view = prefs.switches_view(ctx, draft, lang, ctx.profile.reminder_prefs)
        return Outcome(State.REMINDERS, draft, [view])
    if value not in SETTINGS_FLOWS:
        return _use_buttons(state, draft, ctx, lang)
    return flows.start_flow(SETTINGS_FLOWS[value], draft, ctx, lang)


def _confirm_button(
    state: State, draft: dict[str, Any], value: str, ctx: Ctx, lang: str
) -> Outcome:
    kept = flows.fresh_draft(draft)
    if state in (State.EXPORT_CONFIRM, State.SHARE_CONFIRM):
        if value != "yes":
            return Outcome(State.MENU, kept, [menu(lang, t(lang, "export.kept"))])
        effect = Export() if state is State.EXPORT_CONFIRM else ShareSummary()
        return Outcome(State.MENU, kept, [effect])
    if state is State.DELETE_CONFIRM:
        if value == "yes":
            return Outcome(State.STRANGER, {}, [DeleteClient()])
        return Outcome(State.MENU, kept, [menu(lang, t(lang, "delete.kept"))])
    if value == "yes":
        return flows.start_flow("checkin", draft, ctx, lang, replace=True)
    return Outcome(State.MENU, kept, [menu(lang, t(lang, "ci.kept"))])


def _confirm_text(state: State, draft: dict[str, Any], text: str, ctx: Ctx, lang: str) -> Outcome:
    """A typed answer to a yes/no question: "no", "sí", "ok" or a button's label."""
    value = _confirm_value(state, text, lang)
    if value is None:
        return _use_buttons(state, draft, ctx, lang)
    return _confirm_button(state, draft, value, ctx, lang)


def _confirm_value(state: State, text: str, lang: str) -> str | None:
    """The answer typed at a yes/no question: "yes", "no", or None."""
    _, yes, no = CONFIRMS[state]
    value = yes_no(text)
    if state is State.DELETE_CONFIRM and value == "yes":
        value = None  # erasing everything takes the button, or its whole label typed
    if value is None:
        labels = {"yes": t(lang, yes), "no": t(lang, no)}
        value = next((v for v, label in labels.items() if label_matches(label, text)), None)
    return value


# ---- commands -----------------------------------------------------------------------------


def _command(state: State, draft: dict[str, Any], cmd: Command, ctx: Ctx, lang: str) -> Outcome:
    name = cmd.name
    if name in commands.HELP_COMMANDS:
        return commands.help_now(state, draft, ctx, lang)
    handler = commands.COMMANDS.get(name)
    if handler is None:
        return current(state, draft, ctx, lang, Reply(t(lang, "cmd.unknown")))
    return handler(state, draft, cmd.arg, ctx, lang)


# ---- the table ----------------------------------------------------------------------------

TABLE: dict[tuple[State, str], Handler] = {
    **{(s, "button"): flows.on_button for s in STEPS},
    **{(s, "text"): flows.on_text for s in STEPS},
    (State.MENU, "text"): _menu_text,
    (State.SETTINGS, "button"): _settings_button,
    (State.REMINDERS, "button"): prefs.switches_button,
    (State.CHECKIN_REPLACE, "button"): _confirm_button,
    (State.DELETE_CONFIRM, "button"): _confirm_button,
    (State.EXPORT_CONFIRM, "button"): _confirm_button,
    (State.SHARE_CONFIRM, "button"): _confirm_button,
    **{(s, "text"): _confirm_text for s in CONFIRMS},
}
__all__ = ["ENROLL_STATES", "TABLE", "step"]
