"""What works wherever a person is: help, the commands (/checkin, /cancel, ...), strangers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.domain.conversation import flows
from bot.domain.conversation.crisis_replies import effects_for
from bot.domain.conversation.finish import settings_view
from bot.domain.conversation.model import (
    Command,
    Ctx,
    Enroll,
    Event,
    Outcome,
    Reply,
    SetProfile,
    ShowProgress,
    State,
    Text,
    words_of,
)
from bot.domain.conversation.parse import label_key
from bot.domain.conversation.replies import help_reply, menu
from bot.domain.conversation.settings import sessions_text
from bot.domain.conversation.steps import CONSENT_VERSION, ENROLL_STATES, STEPS
from bot.domain.conversation.views import CONFIRMS, ask_confirm, current
from bot.domain.crisis.screen import screen
from bot.domain.crisis.written import written_in
from bot.locales import all_labels, formats, t

Handler = Callable[[State, dict[str, Any], str, Ctx, str], Outcome]
HELP_COMMANDS = frozenset({"help", "sos", "ayuda"})
_HELP_WORDS = frozenset(
    {"help", "help me", "sos", "ayuda", "ayudame", "auxilio"}
    | {label_key(label) for label in all_labels("help.key") | all_labels("menu.help")}
)


def said_in(event: Event) -> str | None:
    """The language `event` is said in, "en" or "es", or None when it does not say: its
    words (`written_in`), or a command's Spanish name (/ayuda). For answering someone whose
    chosen language is not known (not chosen yet, or the database out of reach)."""
    if isinstance(event, Command):  # a /start code is no language
        return event.lang or (written_in(event.arg) if event.name != "start" else None)
    return written_in(words_of(event))


def is_help_request(text: str) -> bool:
    """'Help now', the 🆘 key, or just 'help' / 'ayuda' typed on its own."""
    return label_key(text) in _HELP_WORDS


def _in_flow(state: State) -> bool:
    return state in STEPS or state in (State.SETTINGS, State.REMINDERS) or state in CONFIRMS


def help_now(state: State, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    """The tiered help; a flow in progress is shown again below it, untouched."""
    reply = help_reply(lang, ctx.helplines, ctx.profile)
    if _in_flow(state):
        return current(state, draft, ctx, lang, reply, Reply(t(lang, "help.resume")))
    return Outcome(state, draft, [reply])


def stranger(draft: dict[str, Any], event: Event, ctx: Ctx, lang: str) -> Outcome:
    """Someone with no client row: help, crisis replies and invites, nothing else."""
    out = Outcome(State.STRANGER, {})
    join = Reply(t(lang, "join.how"))
    if isinstance(event, Command) and event.name == "start":
        if ctx.invite_ok or ctx.open_enrollment:
            started = flows.start_flow("enroll", {}, ctx, lang)
            started.effects.insert(0, Enroll())
            return started
        if event.arg:
            join = Reply(t(lang, "join.bad_invite"))
    if ctx.open_enrollment:  # no invite needed: say how to begin, not where to find a link
        join = Reply(t(lang, "join.open"))
    if isinstance(event, Text) and not is_help_request(event.text):
        tier = screen(event.text)
        if tier is not None:
            out.effects.extend(effects_for(int(tier), event.text, "text", ctx, lang))
            return out.say(join)
        if ctx.open_enrollment:  # "hi" begins, as /start would
            started = flows.start_flow("enroll", {}, ctx, lang)
            started.effects.insert(0, Enroll())
            return started
    return out.say(help_reply(lang, ctx.helplines)).say(join)


# ---- commands -----------------------------------------------------------------------------


def _cmd_start(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    if state not in ENROLL_STATES and ctx.profile.status == "stopped":
        welcome = Reply(t(lang, "menu.welcome_back"))
        out = current(state, draft, ctx, lang, SetProfile({"status": "active"}), welcome)
        return out
    if state is State.MENU:
        return Outcome(state, draft, [menu(lang, t(lang, "menu.hello"))])
    return current(state, draft, ctx, lang)


def _cmd_cancel(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    if state in ENROLL_STATES and draft.get("flow") == "enroll":
        return Outcome(state, draft, [Reply(t(lang, "enroll.paused"))])
    if not _in_flow(state):
        return Outcome(State.MENU, draft, [menu(lang, t(lang, "menu.nothing_to_cancel"))])
    flow = draft.get("flow", "")
    name = t(lang, f"flow.{flow}") if flow in ("checkin", "craving", "trigger") else ""
    text = t(lang, "step.cancelled", flow=name or t(lang, "flow.settings"))
    return Outcome(State.MENU, flows.fresh_draft(draft), [menu(lang, text)])


def _gate(state: State, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome | None:
    """Flows start only from the menu; say why not, and show where the person is."""
    if state in ENROLL_STATES and draft.get("flow") == "enroll":
        return current(state, draft, ctx, lang, Reply(t(lang, "enroll.first")))
    if state is not State.MENU:
        return current(state, draft, ctx, lang, Reply(t(lang, "menu.busy")))
    return None


def _starter(flow: str) -> Handler:
    def start(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
        blocked = _gate(state, draft, ctx, lang)
        if blocked is not None:
            return blocked
        if flow == "checkin" and ctx.today.checkin_done:
            return ask_confirm(State.CHECKIN_REPLACE, draft, lang)
        return flows.start_flow(flow, draft, ctx, lang)

    return start


def _cmd_settings(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    blocked = _gate(state, draft, ctx, lang)
    if blocked is not None:
        return blocked
    draft = flows.fresh_draft(draft)
    return Outcome(State.SETTINGS, draft, [settings_view(ctx, draft, lang)])


def _cmd_today(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    if state in ENROLL_STATES and draft.get("flow") == "enroll":
        return current(state, draft, ctx, lang, Reply(t(lang, "enroll.first")))
    from zoneinfo import ZoneInfo

    day = formats.full_date(ctx.now.astimezone(ZoneInfo(ctx.profile.timezone)).date(), lang)
    done = "today.checkin_done" if ctx.today.checkin_done else "today.checkin_todo"
    counts = t(lang, "today.counts", cravings=ctx.today.cravings, triggers=ctx.today.triggers)
    text = f"{t(lang, 'today.title', date=day)}\n{t(lang, done)}\n{counts}"
    return current(state, draft, ctx, lang, Reply(text, protect=True))


def _cmd_sessions(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    if state in ENROLL_STATES and draft.get("flow") == "enroll":
        return current(state, draft, ctx, lang, Reply(t(lang, "enroll.first")))
    return current(state, draft, ctx, lang, Reply(sessions_text(ctx, lang), protect=True))


def _cmd_privacy(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    text = t(lang, "privacy.text", version=CONSENT_VERSION)
    if ctx.profile.code:  # the code staff notices and reports name them by (the consent says so)
        text += "\n" + t(lang, "privacy.code", code=ctx.profile.code)
    return current(state, draft, ctx, lang, Reply(text))


def _cmd_stop(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    effects: list[Any] = [Reply(t(lang, "stop.done"))]
    if ctx.profile.status == "active":
        effects.insert(0, SetProfile({"status": "stopped"}))
    return Outcome(state, draft, effects)


def cmd_progress(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    if state in ENROLL_STATES and draft.get("flow") == "enroll":
        return current(state, draft, ctx, lang, Reply(t(lang, "enroll.first")))
    days = 30 if arg.strip() == "30" else 14
    return Outcome(state, draft, [ShowProgress(days)])


def _cmd_export(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    blocked = _gate(state, draft, ctx, lang)
    return blocked or ask_confirm(State.EXPORT_CONFIRM, draft, lang)


def _cmd_share(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    blocked = _gate(state, draft, ctx, lang)
    return blocked or ask_confirm(State.SHARE_CONFIRM, draft, lang)


def _cmd_delete(state: State, draft: dict[str, Any], arg: str, ctx: Ctx, lang: str) -> Outcome:
    return ask_confirm(State.DELETE_CONFIRM, draft, lang)


COMMANDS: dict[str, Handler] = {
    "start": _cmd_start,
    "cancel": _cmd_cancel,
    "menu": lambda s, d, a, c, lang: _gate(s, d, c, lang) or Outcome(s, d, [menu(lang)]),
    "checkin": _starter("checkin"),
    "craving": _starter("craving"),
    "trigger": _starter("trigger"),
    "settings": _cmd_settings,
    "today": _cmd_today,
    "sessions": _cmd_sessions,
    "privacy": _cmd_privacy,
    "stop": _cmd_stop,
    "progress": cmd_progress,
    "export": _cmd_export,
    "share": _cmd_share,
    "delete": _cmd_delete,
}
