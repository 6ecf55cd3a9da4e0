"""Answering steps: a tap or a typed answer moves a flow forward, back, or to its end.

Every handler takes (state, draft, value, ctx, lang) and returns an Outcome; the draft is the
caller's private copy, so handlers may change it."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.content import OTHER_MAX, OTHER_PREFIX, TRIGGER_GROUPS
from bot.domain.conversation import crisis_replies, finish
from bot.domain.conversation.model import Ctx, Outcome, RecordConsent, Reply, SetProfile, State
from bot.domain.conversation.parse import label_key, parse_scale
from bot.domain.conversation.replies import option_label, step_reply
from bot.domain.conversation.steps import FLOWS, STEPS, Step, next_state, prev_state
from bot.locales import LANGUAGES, t


def fresh_draft(draft: dict[str, Any], **values: Any) -> dict[str, Any]:
    """A new draft that keeps the button sequence (so old buttons stay expired)."""
    return {**finish.keep(draft), **values}


def enter(state: State, draft: dict[str, Any], ctx: Ctx, lang: str, *pre: Reply) -> Outcome:
    """Show `state`'s prompt, preparing the multi-select scratch space when needed."""
    step = STEPS[state]
    if step.kind == "multi":
        draft["sel"] = list(draft.get("a", {}).get(step.key) or [])
        draft["cat"] = None
    out = Outcome(state, draft, list(pre))
    return out.say(step_reply(state, ctx, draft, lang))


def start_flow(flow: str, draft: dict[str, Any], ctx: Ctx, lang: str, **extra: Any) -> Outcome:
    """Begin `flow` at its first applicable step."""
    draft = fresh_draft(draft, flow=flow, a={}, **extra)
    if flow == "checkin" and "date" not in draft:
        day = ctx.today.checkin_day or ctx.now.astimezone(ZoneInfo(ctx.profile.timezone)).date()
        draft["date"] = day.isoformat()
    first = FLOWS[flow][0]
    return enter(first, draft, ctx, lang)


def advance(state: State, draft: dict[str, Any], ctx: Ctx, lang: str, *pre: Any) -> Outcome:
    """Go to the next applicable step, or finish the flow."""
    flow = draft["flow"]
    nxt = next_state(flow, state, draft["a"], ctx)
    if nxt is None:
        out = finish.finish(flow, draft, ctx, lang)
        out.effects[:0] = list(pre)
        return out
    return enter(nxt, draft, ctx, lang, *pre)


def go_back(state: State, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    prev = prev_state(draft["flow"], state, draft["a"], ctx)
    if prev is None:
        return finish.leave(draft, ctx, lang)
    return enter(prev, draft, ctx, lang)


def answer(state: State, draft: dict[str, Any], value: Any, ctx: Ctx, lang: str) -> Outcome:
    """Record `value` for this step, run the step's side rules, and move on."""
    step = STEPS[state]
    draft["a"][step.key] = value
    pre: list[Any] = []
    if step.key == "language" and value:
        draft["lang"] = lang = value
        pre.append(SetProfile({"language": value}))
    elif step.key == "consent":
        if value != "yes":
            draft["a"].pop("consent")
            return enter(state, draft, ctx, lang, Reply(t(lang, "enroll.declined")))
        pre.append(RecordConsent(finish.CONSENT_VERSION))
    elif step.key == "use" and value in ("alcohol", "other"):
        # "Yes, alcohol" gets alcohol's advice; "Yes, other" is a drug not named: naloxone.
        pre.append(crisis_replies.lapse_reply(lang, "alcohol" if value == "alcohol" else None))
    elif step.key == "safety" and value == "yes":
        return finish.end_at_safety(draft, ctx, lang)
    return advance(state, draft, ctx, lang, *pre)


def on_button(state: State, draft: dict[str, Any], value: str, ctx: Ctx, lang: str) -> Outcome:
    """A tap on a step's button (the sequence number has been checked already)."""
    step = STEPS[state]
    if value == "back":
        return go_back(state, draft, ctx, lang)
    if value == "skip" and step.skip:
        return answer(state, draft, None, ctx, lang)
    if step.kind == "multi":
        return _multi_button(step, draft, value, ctx, lang)
    parsed = _button_value(step, value)
    if parsed is None:
        return enter(state, draft, ctx, lang, Reply(t(lang, "step.use_buttons")))
    return answer(state, draft, parsed, ctx, lang)


def _button_value(step: Step, value: str) -> Any:
    if step.kind == "scale":
        return parse_scale(value)
    if step.key == "takes_medication":
        return {"yes": True, "no": False}.get(value)
    if step.kind == "text" and step.parse is not None:
        return step.parse(value)
    return value if value in step.options else None


def on_text(state: State, draft: dict[str, Any], text: str, ctx: Ctx, lang: str) -> Outcome:
    """A typed answer: a number for scales, a label for choices, free text where asked."""
    step = STEPS[state]
    if step.limit and len(text) > step.limit:
        return enter(state, draft, ctx, lang, Reply(t(lang, "step.too_long", limit=step.limit)))
    if step.kind == "multi":
        return _add_other(step, draft, text, ctx, lang)
    if step.kind == "text":
        value = step.parse(text) if step.parse else text
        if value is None:
            err = t(lang, step.error or "step.use_buttons", value=text[:40])
            return enter(state, draft, ctx, lang, Reply(err))
        return answer(state, draft, value, ctx, lang)
    if step.kind == "scale":
        number = parse_scale(text)
        if number is None:
            return enter(state, draft, ctx, lang, Reply(t(lang, "step.use_scale")))
        return answer(state, draft, number, ctx, lang)
    match = _typed_option(step, text)
    if match is None:
        return enter(state, draft, ctx, lang, Reply(t(lang, "step.use_buttons")))
    return answer(state, draft, _button_value(step, match), ctx, lang)


def _typed_option(step: Step, text: str) -> str | None:
    """The option whose label (in any language) the person typed."""
    typed = label_key(text)
    for value in step.options:
        if any(label_key(option_label(step, value, lang)) == typed for lang in LANGUAGES):
            return value
    return None


def _multi_button(step: Step, draft: dict[str, Any], value: str, ctx: Ctx, lang: str) -> Outcome:
    selected: list[str] = draft.setdefault("sel", [])
    kind, _, arg = value.partition(":")
    if kind == "k" and arg in TRIGGER_GROUPS:
        draft["cat"] = arg
    elif kind == "t" and any(arg in keys for keys in TRIGGER_GROUPS.values()):
        selected.remove(arg) if arg in selected else selected.append(arg)
    elif kind == "up":
        draft["cat"] = None
    elif kind in ("done", "none"):
        chosen = [] if kind == "none" else list(selected)
        if step.state is State.TL_TRIGGERS and not chosen:
            return _redraw(step, draft, ctx, lang, t(lang, "tl.need_one"))
        return answer(step.state, draft, chosen, ctx, lang)
    return _redraw(step, draft, ctx, lang)


def _redraw(step: Step, draft: dict[str, Any], ctx: Ctx, lang: str, note: str = "") -> Outcome:
    reply = step_reply(step.state, ctx, draft, lang)
    edited = Reply(
        (note + "\n\n" if note else "") + reply.text, reply.buttons, reply.protect, edit=True
    )
    return Outcome(step.state, draft, [edited])


def _add_other(step: Step, draft: dict[str, Any], text: str, ctx: Ctx, lang: str) -> Outcome:
    """Typed text on a trigger step is the person's own trigger ("Other")."""
    value = " ".join(text.split())
    if len(value) > OTHER_MAX:
        return enter(
            step.state, draft, ctx, lang, Reply(t(lang, "step.too_long", limit=OTHER_MAX))
        )
    key = OTHER_PREFIX + value
    selected: list[str] = draft.setdefault("sel", [])
    if key not in selected:
        selected.append(key)
    draft["cat"] = None
    note = Reply(t(lang, "tr.other_added", value=value), protect=True)
    return Outcome(step.state, draft, [note, step_reply(step.state, ctx, draft, lang)])
