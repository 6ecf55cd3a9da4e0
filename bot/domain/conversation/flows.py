"""Answering steps: a tap or a typed answer moves a flow forward, back, or to its end.

Every handler takes (state, draft, value, ctx, lang) and returns an Outcome; the draft is the
caller's private copy, so handlers may change it."""

from __future__ import annotations

import copy
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.content import OTHER_MAX, OTHER_PREFIX, TRIGGER_GROUPS
from bot.domain.conversation import crisis_replies, finish
from bot.domain.conversation.model import (
    Ctx,
    Effect,
    Outcome,
    RecordConsent,
    RecordCrisis,
    Reply,
    SetProfile,
    State,
)
from bot.domain.conversation.parse import (
    NAV_WORDS,
    label_key,
    label_matches,
    parse_scale,
    safety_answer,
    yes_no,
)
from bot.domain.conversation.replies import option_label, step_reply
from bot.domain.conversation.steps import FLOWS, STEPS, Step, next_state, prev_state
from bot.domain.crisis.substance import ALCOHOL, substance_of
from bot.locales import LANGUAGES, formats, t


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


def answer(
    state: State, draft: dict[str, Any], value: Any, ctx: Ctx, lang: str, *said: Effect
) -> Outcome:
    """Record `value` for this step, run the step's side rules, and move on (saying `said`
    first)."""
    step = STEPS[state]
    draft["a"][step.key] = value
    pre: list[Any] = list(said)
    if step.key == "language" and value:
        draft["lang"] = lang = value
        pre.append(SetProfile({"language": value}))
    elif step.key == "consent":
        if value != "yes":
            draft["a"].pop("consent")
            return enter(state, draft, ctx, lang, Reply(t(lang, "enroll.declined")))
        pre.append(RecordConsent(finish.CONSENT_VERSION))
    elif step.key == "timezone" and value:
        # Said back with the time there: a client who typed "Madrid" by mistake sees it now.
        where, now = formats.zone_label(value, lang), formats.clock(ctx.now, lang, value)
        pre.append(Reply(t(lang, "zone.set", zone=where, time=now)))
    elif step.key == "use" and value in ("alcohol", "other"):
        # "Yes, alcohol" gets alcohol's advice; "Yes, other" is a drug not named: naloxone.
        # Not again when a lapse typed in this check-in was answered with that advice already.
        substance = ALCOHOL if value == ALCOHOL else None
        if value not in draft.get("lapse", ()):
            pre.append(crisis_replies.lapse_reply(lang, substance))
        draft["offered"] = True  # the lapse script is this check-in's response
    elif step.key == "safety" and value == "yes":
        return finish.end_at_safety(draft, ctx, lang)
    elif draft.get("flow") == "checkin" and not draft.get("offered"):
        # The first warning answer is answered on the spot; later ones add nothing more, so
        # a hard day gets one short response, not a pile (docs/clinical.md, Daily check-in).
        nonce = int(draft.get("n", 0)) + 1
        offer = finish.warning_offer(step.key, draft["a"], ctx, lang, nonce)
        if offer is not None:
            pre.append(offer)
            draft["offered"], draft["n"] = True, nonce
    return advance(state, draft, ctx, lang, *pre)


def lapse_said(draft: dict[str, Any], effects: list[Any]) -> None:
    """Note in a check-in's draft that a typed lapse was answered, and whether with alcohol's
    advice ("alcohol") or a drug's ("other"): the use step's "Yes, alcohol" / "Yes, other" then
    adds no second lapse reply saying the same (issue 8), and no warning offer is piled on it.
    Alcohol after a reply without alcohol's advice still gets it."""
    record = next(e for e in effects if isinstance(e, RecordCrisis))
    said = ALCOHOL if record.shown == crisis_replies.lapse_script(ALCOHOL) else "other"
    draft["lapse"] = sorted({*draft.get("lapse", ()), said})
    draft["offered"] = True


def use_named(state: State, text: str) -> str | None:
    """At "Did you use today?", a lapse typed in words that say what was taken is the answer:
    "alcohol" for alcohol ("volví a tomar"), "other" for a drug named; None when nothing is
    named ("recaí anoche"), and the step is asked again."""
    if STEPS[state].key != "use":
        return None
    substance = substance_of(text)
    if substance is None:
        return None
    return ALCOHOL if substance == ALCOHOL else "other"


def on_button(state: State, draft: dict[str, Any], value: str, ctx: Ctx, lang: str) -> Outcome:
    """A tap on a step's button (the sequence number has been checked already)."""
    step = STEPS[state]
    if value == "back":
        return go_back(state, draft, ctx, lang)
    if value == "skip" and step.skip:
        return answer(state, draft, None, ctx, lang)
    if value == "clear" and draft.get("flow") in finish.CLEARABLE:
        return finish.clear(draft["flow"], draft, ctx, lang)
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
    """A typed answer: a number for scales, a label for choices, free text where asked.

    Typed words that name an offered button (its label in either language, or a navigation
    word: skip, back, done, none) act as the tap; they are never taken as an answer. A single
    word that starts offered labels (on a trigger step, the navigation ones) offers those."""
    step = STEPS[state]
    offered = _offered(state, draft, ctx)
    tapped = _typed_button(step, offered, text)
    if tapped is not None:
        return on_button(state, draft, tapped, ctx, lang)
    starts = _started(step, offered, text)
    if starts:
        return _offer(state, draft, ctx, lang, starts)
    kept: list[Any] = []
    if step.limit and len(text) > step.limit:
        if not step.keep_first:  # a time or a zone cut short is no answer
            reply = Reply(t(lang, "step.too_long", limit=step.limit))
            return enter(state, draft, ctx, lang, reply)
        text = first_part(text, step.limit)
        kept.append(Reply(t(lang, "step.kept_first", limit=step.limit), protect=True))
    if step.kind == "multi":
        return _add_other(step, draft, text, ctx, lang)
    if step.kind == "text":
        value = step.parse(text) if step.parse else text
        if value is None:
            err = t(lang, step.error or "step.use_buttons", value=text[:40])
            return enter(state, draft, ctx, lang, Reply(err))
        return answer(state, draft, value, ctx, lang, *kept)
    if step.kind == "scale":
        number = parse_scale(text)
        if number is None:
            return enter(state, draft, ctx, lang, Reply(t(lang, "step.use_scale")))
        return answer(state, draft, number, ctx, lang)
    match = _typed_option(step, text)
    if match is None:
        return _ask_again(state, draft, ctx, lang)
    return answer(state, draft, _button_value(step, match), ctx, lang)


def takes_screened(state: State, draft: dict[str, Any], text: str, ctx: Ctx) -> bool:
    """Whether `text`, a message the screener answered with a lapse, poisoning or check reply,
    is also this step's answer (`Step.screened`): a button it names, or a value the step's
    parser takes whole; never one it would refuse, cut short or meet with "did you mean".
    Otherwise the machine shows the reply and the step again, as for tiers 1 and 2."""
    step = STEPS[state]
    if step.screened == "keep":
        return True
    offered = _offered(state, draft, ctx)
    if _typed_button(step, offered, text) is not None:
        return True
    if step.screened == "ask" or _started(step, offered, text):
        return False
    if step.kind == "text":
        fits = not step.limit or len(text) <= step.limit
        return fits and step.parse is not None and step.parse(text) is not None
    if step.kind == "scale":
        return parse_scale(text) is not None
    return step.kind == "choice" and _typed_option(step, text) is not None


def _ask_again(state: State, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    """After an answer not understood: the step's short question again with its buttons
    (not a long prompt, such as the consent, all over again), or the prompt after a note."""
    step = STEPS[state]
    if not step.again:
        return enter(state, draft, ctx, lang, Reply(t(lang, "step.use_buttons")))
    shown = step_reply(state, ctx, draft, lang)
    return Outcome(state, draft, [Reply(t(lang, step.again), shown.buttons, protect=True)])


def _offered(state: State, draft: dict[str, Any], ctx: Ctx) -> list[tuple[str, str]]:
    """(value, label) of every button the current prompt shows, in every language."""
    found = []
    for lang in LANGUAGES:
        reply = step_reply(state, ctx, copy.deepcopy(draft), lang)
        for row in reply.buttons:
            found += [(c.data.split(":", 1)[1], c.label) for c in row]
    return found


def _typed_button(step: Step, offered: list[tuple[str, str]], text: str) -> str | None:
    """The value of the button `text` names. A navigation word names its button even where
    it is not offered on a trigger step (which then says why), never as a text answer."""
    values = {value for value, _ in offered}
    for value, label in offered:
        if label_matches(label, text):
            return value
    answer = yes_no(text)
    if answer in values:  # "si", "ok", "nope" to a yes/no question
        return answer
    typed = label_key(text)
    word = next((v for v, words in NAV_WORDS.items() if typed in words), None)
    return word if word in values or (word and step.kind == "multi") else None


_CONTROLS = frozenset({"skip", "back", "done", "none", "up"})


def _started(step: Step, offered: list[tuple[str, str]], text: str) -> list[str]:
    """The values of offered labels one of whose words the one typed word starts (at least 2
    letters: "alc" for "Yes, alcohol");
    on a trigger step only the navigation ones: any other word may be the client's own."""
    typed = label_key(text)
    if len(typed) < 2 or " " in typed or not typed.isalpha() or step.kind == "text":
        return []
    found: list[str] = []
    for value, label in offered:
        if step.kind == "multi" and value not in _CONTROLS:
            continue
        words = label_key(label).split()
        if any(w.startswith(typed) for w in words) and value not in found:
            found.append(value)
    return found


def _offer(state: State, draft: dict[str, Any], ctx: Ctx, lang: str, values: list[str]) -> Outcome:
    """ "Did you mean…?" with the buttons the typed word started, numbered as the current step."""
    reply = step_reply(state, ctx, draft, lang)
    shown = [c for row in reply.buttons for c in row if c.data.split(":", 1)[1] in values]
    rows = tuple((c,) for c in shown)
    return Outcome(state, draft, [Reply(t(lang, "step.did_you_mean"), rows, protect=True)])


def _typed_option(step: Step, text: str) -> str | None:
    """The option whose label (in any language) the person typed."""
    typed = label_key(text)
    for value in step.options:
        if any(label_key(option_label(step, value, lang)) == typed for lang in LANGUAGES):
            return value
    if step.key == "safety":  # "yeah sometimes", "sí, a veces": a yes, never "tap a button"
        return safety_answer(text)
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
    elif kind in ("done", "none", "skip"):  # "skip" here: typed where it is not offered
        chosen = list(selected) if kind == "done" else []
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
    """Typed text on a trigger step is the person's own trigger ("Other"); text with no
    letter in it ("3", a number meant for a button, "?!") is asked for again in words."""
    value = " ".join(text.split())
    if not any(ch.isalpha() for ch in value):
        return _redraw(step, draft, ctx, lang, t(lang, "tr.other_bad"))
    notes = []
    if len(value) > OTHER_MAX:
        value = first_part(value, OTHER_MAX)
        notes.append(Reply(t(lang, "step.kept_first", limit=OTHER_MAX), protect=True))
    key = OTHER_PREFIX + value
    selected: list[str] = draft.setdefault("sel", [])
    if key not in selected:
        selected.append(key)
    draft["cat"] = None
    note = Reply(t(lang, "tr.other_added", value=value), protect=True)
    return Outcome(step.state, draft, [*notes, note, step_reply(step.state, ctx, draft, lang)])


def first_part(text: str, limit: int) -> str:
    """The first `limit` characters of `text`, cut after a whole word when one ends in the
    last quarter (else mid-word), without the spaces at the cut."""
    cut = text[:limit]
    if len(text) > limit and not text[limit].isspace():
        space = cut.rfind(" ")
        if space >= limit * 3 // 4:
            cut = cut[:space]
    return cut.rstrip()
