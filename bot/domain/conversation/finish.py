"""The ends of flows: what is saved and what is said (the risk scripts are in crisis_replies)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.domain.content import halt_count, match_skills
from bot.domain.conversation.crisis_replies import crisis_effects
from bot.domain.conversation.model import (
    Choice,
    Ctx,
    Effect,
    Outcome,
    Reply,
    SaveCheckIn,
    SaveCraving,
    SaveTriggerLog,
    SetProfile,
    State,
)
from bot.domain.conversation.replies import coping_reply, menu, next_nonce, stamp
from bot.domain.conversation.steps import CONSENT_VERSION, FLOWS
from bot.domain.schedule.kinds import SWITCHES, switch_on
from bot.locales import LANGUAGE_NAMES, formats, t

__all__ = ["CONSENT_VERSION", "end_at_safety", "finish", "leave"]

_PROFILE_KEYS = (
    "language", "timezone", "checkin_time", "takes_medication",
    "support_name", "support_phone", "reasons",
)  # fmt: skip

KEPT_KEYS = ("seq", "rated", "n")


def keep(draft: dict[str, Any]) -> dict[str, Any]:
    """The part of a draft that outlives any flow: button and nonce counters."""
    return {k: draft[k] for k in KEPT_KEYS if k in draft}


def leave(draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    """Leave the flow without saving anything (Back on a first step, or /cancel)."""
    flow = draft.get("flow", "")
    kept = keep(draft)
    if flow.startswith("set_"):
        return Outcome(State.SETTINGS, kept, [settings_view(ctx, kept, lang)])
    name = t(lang, f"flow.{flow}") if flow in ("checkin", "craving", "trigger") else ""
    text = t(lang, "step.cancelled", flow=name) if name else ""
    return Outcome(State.MENU, kept, [menu(lang, text)])


CLEARABLE = {"set_reasons": ("reasons",), "set_support": ("support_name", "support_phone")}


def clear(flow: str, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    """Remove the saved reasons or support person ("Remove" in their /settings step)."""
    kept = keep(draft)
    values = dict.fromkeys(CLEARABLE[flow])
    reply = settings_view(ctx, kept, lang, values, t(lang, "settings.removed"))
    return Outcome(State.SETTINGS, kept, [SetProfile(values), reply])


def finish(flow: str, draft: dict[str, Any], ctx: Ctx, lang: str) -> Outcome:
    """Save what the flow collected and say what comes next."""
    kept = keep(draft)
    answers: dict[str, Any] = draft.get("a", {})
    if flow == "enroll":
        return Outcome(State.MENU, kept, _finish_enroll(answers, ctx, lang))
    if flow.startswith("set_"):
        values = {k: v for k, v in answers.items() if k in _PROFILE_KEYS and v is not None}
        # Skip in /settings keeps what was there: nothing was saved, so "Saved." is not said.
        said = t(lang, "settings.saved") if values else ""
        reply = settings_view(ctx, kept, lang, values, said)
        return Outcome(State.SETTINGS, kept, [SetProfile(values), reply])
    if flow == "checkin":
        return Outcome(State.MENU, kept, _finish_checkin(draft, kept, ctx, lang))
    if flow == "craving":
        return Outcome(State.MENU, kept, _finish_craving(answers, kept, ctx, lang))
    note = answers.get("note")
    saved = SaveTriggerLog(list(answers.get("triggers") or []), note)
    return Outcome(State.MENU, kept, [saved, menu(lang, t(lang, "tl.saved"))])


def _finish_enroll(a: dict[str, Any], ctx: Ctx, lang: str) -> list[Effect]:
    values = {k: a.get(k) for k in _PROFILE_KEYS if k != "language"}
    values["timezone"] = values["timezone"] or ctx.program_timezone
    values["checkin_time"] = values["checkin_time"] or "20:00"
    values["takes_medication"] = bool(values["takes_medication"])
    values["status"] = "active"
    when = formats.hhmm(str(values["checkin_time"]), lang)
    done = Reply(t(lang, "enroll.done", time=when), help_key=t(lang, "help.key"))
    return [SetProfile(values), done, menu(lang)]


def end_at_safety(draft: dict[str, Any], ctx: Ctx, lang: str, *said: Effect) -> Outcome:
    """A "yes" to the safety question: the check-in is saved, and the crisis reply is all
    that is said. No coping card, no menu: the menu waits for "I'm safe". `said` is the
    reply already given to crisis words typed as the answer ("yes, I want to die"), which
    takes the place of the check-in's own."""
    effects = list(said) or crisis_effects(2, "checkin", ctx, lang)
    effects.append(_save_checkin(draft))
    return Outcome(State.MENU, keep(draft), effects)


def _save_checkin(draft: dict[str, Any]) -> SaveCheckIn:
    a = draft["a"]
    values = {k: a.get(k) for k in _CHECKIN_KEYS}
    values["triggers"] = list(values["triggers"] or [])
    values["substance_use"] = values.pop("use")  # the column's name says what "use" means
    return SaveCheckIn(date.fromisoformat(draft["date"]), values)


def _finish_checkin(
    draft: dict[str, Any], kept: dict[str, Any], ctx: Ctx, lang: str
) -> list[Effect]:
    a = draft["a"]
    saved_key = "ci.replaced" if draft.get("replace") else "ci.saved"
    effects: list[Effect] = [_save_checkin(draft)]
    effects.append(Reply(t(lang, saved_key), protect=True))
    if not draft.get("offered"):  # a warning answer was answered on the spot already
        offer = _checkin_offer(a, ctx, lang, next_nonce(kept))
        if offer is not None:
            effects.append(offer)
    effects.append(menu(lang))
    return effects


_CHECKIN_KEYS = (
    "mood", "craving", "use", "sleep", "stress", "triggers", "medication", "confidence", "safety",
)  # fmt: skip


def _at_least(a: dict[str, Any], key: str, n: int) -> bool:
    return a.get(key) is not None and a[key] >= n


def _at_most(a: dict[str, Any], key: str, n: int) -> bool:
    return a.get(key) is not None and a[key] <= n


def _checkin_offer(a: dict[str, Any], ctx: Ctx, lang: str, nonce: int) -> Reply | None:
    """One coping offer for the most pressing warning answer among `a`; None when no answer
    is a warning. Why: docs/clinical.md, Daily check-in."""
    for key in ("mood", "craving", "stress", "confidence"):
        offer = warning_offer(key, a, ctx, lang, nonce)
        if offer is not None:
            return offer
    return None


def warning_offer(key: str, a: dict[str, Any], ctx: Ctx, lang: str, nonce: int) -> Reply | None:
    """The response to a warning answer to the check-in question `key`, given on the spot:
    coping for a low mood or a strong craving (with the client's own reasons after a strong
    craving), breathing for high stress, "call someone" for low confidence. None when the
    answer is no warning."""
    triggers = list(a.get("triggers") or [])
    if (key == "mood" and _at_most(a, "mood", 2)) or (key == "craving" and _at_least(a, key, 8)):
        skills = match_skills(triggers, a.get("craving"), n=4)
        intro = t(lang, "ci.offer_high")
        if key == "craving":
            intro = _with_reasons(t(lang, "ci.offer_craving"), ctx, lang)
        return coping_reply(skills[0], ctx, lang, skills[1:], nonce, intro)
    if key == "stress" and _at_least(a, "stress", 8):
        intro = t(lang, "ci.offer_stress")
        return coping_reply("breathe", ctx, lang, ["ground", "surf"], nonce, intro)
    if key == "confidence" and _at_most(a, "confidence", 3):
        intro = t(lang, "ci.offer_call")
        return coping_reply("call", ctx, lang, match_skills(triggers, n=4), nonce, intro)
    return None


def _with_reasons(text: str, ctx: Ctx, lang: str) -> str:
    """`text` and then the client's own reasons, when they saved some (shown when it gets
    hard: a strong craving)."""
    reasons = ctx.profile.reasons
    return f"{text}\n\n{t(lang, 'how.reasons', reasons=reasons)}" if reasons else text


def _finish_craving(a: dict[str, Any], kept: dict[str, Any], ctx: Ctx, lang: str) -> list[Effect]:
    triggers = list(a.get("triggers") or [])
    action = a.get("action")
    skills = match_skills(triggers, a.get("intensity"), exclude=action, n=4)
    # The wave is said once: by the urge-surfing card itself when that is the skill offered.
    intro = t(lang, "cr.saved_short" if skills[0] == "surf" else "cr.saved")
    if halt_count(triggers) >= 2:
        intro += "\n" + t(lang, "cr.halt")
    # "My reasons" as what they did, or a strong craving: their own words, back to them.
    if action == "reasons" or _at_least(a, "intensity", 8):
        intro = _with_reasons(intro, ctx, lang)
    saved = SaveCraving(a.get("intensity"), triggers, action, skills[0])
    offer = coping_reply(skills[0], ctx, lang, skills[1:], next_nonce(kept), intro)
    return [saved, offer, menu(lang)]


def settings_view(
    ctx: Ctx,
    draft: dict[str, Any],
    lang: str,
    changed: dict[str, Any] | None = None,
    note: str = "",
) -> Reply:
    """The /settings summary with a button per setting (`changed` overrides the profile)."""
    p = {**ctx.profile.__dict__, **(changed or {})}
    lang = p.get("language") or lang
    support = p["support_name"] and f"{p['support_name']} {p.get('support_phone') or ''}"
    text = t(
        lang, "settings.prompt", language=LANGUAGE_NAMES.get(p["language"], p["language"]),
        timezone=formats.zone_label(p["timezone"], lang),
        time=formats.hhmm(p["checkin_time"], lang),
        medication=t(lang, "settings.on" if p["takes_medication"] else "settings.off"),
        support=(support or t(lang, "settings.none")).strip(),
        reasons=t(lang, "settings.reasons_set" if p["reasons"] else "settings.reasons_none"),
    )  # fmt: skip
    body, _, question = text.rpartition("\n\n")
    state = t(lang, "settings.on" if p["show_days_since_use"] else "settings.off")
    off = [t(lang, f"remkind.{k}") for k in SWITCHES if not switch_on(p["reminder_prefs"], k)]
    if not off:
        reminders = t(lang, "settings.reminders_on")
    elif len(off) == len(SWITCHES):
        reminders = t(lang, "settings.reminders_all_off")
    else:
        reminders = t(lang, "settings.reminders_off", items=formats.items(off, lang))
    text = (
        f"{body}\n• {t(lang, 'settings.reminders')}: {reminders}"
        f"\n• {t(lang, 'settings.days_since_use')}: {state}\n\n{question}"
    )
    s = stamp(draft)
    names = (
        "language", "timezone", "time", "medication", "support", "reasons", "reminders",
        "days_since_use", "close",
    )  # fmt: skip
    choices = [Choice(t(lang, f"settings.{n}"), s + n) for n in names]
    rows = tuple(tuple(choices[i : i + 2]) for i in range(0, len(choices), 2))
    return Reply((note + "\n\n" if note else "") + text, rows, protect=True)


SETTINGS_FLOWS = {
    "language": "set_language", "timezone": "set_timezone", "time": "set_time",
    "medication": "set_medication", "support": "set_support", "reasons": "set_reasons",
}  # fmt: skip
assert set(SETTINGS_FLOWS.values()) <= set(FLOWS)
