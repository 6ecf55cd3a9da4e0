"""Turns states and content into replies: prompts with their buttons, menus, help, coping.

Step buttons carry `s<seq>:<value>`; the sequence number changes with every prompt, so a tap
on an older message is recognised and answered with the current step instead."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.content import TRIGGER_GROUPS, Helplines
from bot.domain.conversation.model import Choice, Ctx, Profile, Reply, State
from bot.domain.conversation.steps import CONSENT_VERSION, STEPS, US_ZONES, Step
from bot.locales import LANGUAGE_NAMES, formats, t

Row = tuple[Choice, ...]
MENU_ITEMS = (
    "checkin", "craving", "trigger", "sessions", "progress", "today", "settings", "help",
)  # fmt: skip


def numbers(h: Helplines, lang: str) -> dict[str, str]:
    """Every helpline as a format parameter, including the program's line or its absence,
    and the Good Samaritan sentence (the deployment's own, or the general one)."""
    program = (
        t(lang, "help.program", program=h.program) if h.program else t(lang, "help.no_program")
    )
    return {
        "emergency": h.emergency, "crisis": h.crisis, "crisis_chat": h.crisis_chat,
        "crisis_text": h.crisis_text, "samhsa": h.samhsa, "samhsa_tty": h.samhsa_tty,
        "poison": h.poison, "violence": h.violence, "program_line": program,
        "good_samaritan": h.good_samaritan_note or t(lang, "crisis.good_samaritan"),
    }  # fmt: skip


def help_reply(lang: str, h: Helplines, profile: Profile | None = None) -> Reply:
    """The tiered help text, with the client's support person when there is a profile;
    without one (a stranger, or the database down) it is static and always renders."""
    text = t(lang, "help.title") + "\n\n" + t(lang, "help.body", **numbers(h, lang))
    return Reply(with_support(text, profile, lang), help_key=t(lang, "help.key"), urgent=True)


def with_support(text: str, profile: Profile | None, lang: str) -> str:
    """`text` with "Your support person: Ana, +1 555 0100" as a paragraph of its own before
    the last one (which says the bot is automated, or asks "Are you safe?"), or after a
    one-paragraph text; unchanged when the client gave no support person."""
    given = (profile.support_name, profile.support_phone) if profile is not None else ()
    who = ", ".join(part for part in given if part)
    if not who:
        return text
    line = t(lang, "help.support", support=who)
    head, sep, last = text.rpartition("\n\n")
    return f"{head}\n\n{line}\n\n{last}" if sep else f"{text}\n\n{line}"


def menu(lang: str, prefix: str = "") -> Reply:
    labels = [Choice(t(lang, f"menu.{item}"), f"m:{item}") for item in MENU_ITEMS]
    rows = tuple(tuple(labels[i : i + 2]) for i in range(0, len(labels), 2))
    text = (prefix + "\n\n" if prefix else "") + t(lang, "menu.prompt")
    return Reply(text, rows)


def stamp(draft: dict[str, Any]) -> str:
    """A new prompt's button prefix `s<seq>:`; bumps the draft's sequence, so older buttons
    stop being current."""
    draft["seq"] = int(draft.get("seq", 0)) + 1
    return _stamp_of(draft)


def is_current(prefix: str, draft: dict[str, Any]) -> bool:
    """Whether a button's `prefix` (its data up to the first colon) is the latest stamp."""
    return f"{prefix}:" == _stamp_of(draft)


def _stamp_of(draft: dict[str, Any]) -> str:
    return f"s{draft.get('seq', 0)}:"


def option_label(step: Step, value: str, lang: str) -> str:
    if step.key == "language":
        return LANGUAGE_NAMES[value]
    if step.key == "consent":
        return t(lang, "enroll.accept" if value == "yes" else "enroll.decline")
    if step.key == "takes_medication":
        return t(lang, value)
    if step.key == "action":
        return t(lang, "opt.action.nothing") if value == "nothing" else t(lang, f"skill.{value}")
    if step.key == "checkin_time":
        return formats.hhmm(value, lang)
    return t(lang, f"opt.{step.key}.{value}")


def _rows(choices: list[Choice], width: int) -> list[Row]:
    return [tuple(choices[i : i + width]) for i in range(0, len(choices), width)]


def _options(step: Step, ctx: Ctx, lang: str, p: str) -> list[Row]:
    if step.kind == "scale":
        nums = [Choice(str(n), f"{p}{n}") for n in range(11)]
        return [tuple(nums[:6]), tuple(nums[6:])]
    if step.key == "timezone":
        zones = [ctx.program_timezone] + [z for z, _ in US_ZONES if z != ctx.program_timezone]
        return _rows([Choice(formats.zone_place(z, lang), f"{p}{z}") for z in zones], 2)
    values = step.options
    width = 1 if step.key in ("consent", "takes_medication", "safety") else 2
    if step.key in ("use", "action"):
        width = 2
    return _rows([Choice(option_label(step, v, lang), f"{p}{v}") for v in values], width)


def _nav(step: Step, lang: str, p: str, first: bool) -> Row:
    row = (
        []
        if first and step.state in (State.LANGUAGE,)
        else [Choice(t(lang, "step.back"), f"{p}back")]
    )
    if step.skip:
        row.append(Choice(t(lang, "step.skip"), f"{p}skip"))
    return tuple(row)


def _prompt_text(step: Step, ctx: Ctx, draft: dict[str, Any], lang: str) -> str:
    params: dict[str, object] = {}
    if step.state is State.CONSENT:
        params["version"] = CONSENT_VERSION
    if step.state is State.SUPPORT_PHONE:
        params["name"] = draft.get("a", {}).get("support_name") or "them"
    text = t(lang, step.prompt, **params)
    if step.state in SETTINGS_PROMPTS and draft.get("flow", "").startswith("set_"):
        text = _settings_prompt(step.state, ctx.profile, lang)
    if step.kind == "scale":
        base = step.prompt
        text += "\n" + t(
            lang, "scale.hint", low=t(lang, f"{base}.low"), high=t(lang, f"{base}.high")
        )
    return text


# In /settings, the reasons and the support person are asked in words of their own (not
# enrollment's "Last one:"), with what is saved now, and can be removed.
SETTINGS_PROMPTS = {State.REASONS: "reasons", State.SUPPORT_NAME: "support"}


def _settings_prompt(state: State, profile: Profile, lang: str) -> str:
    name = SETTINGS_PROMPTS[state]
    if name == "reasons":
        saved = profile.reasons
    else:
        parts = (profile.support_name, profile.support_phone)
        saved = ", ".join(p for p in parts if p) or None
    if not saved:
        return t(lang, f"set.{name}.none")
    return t(lang, f"set.{name}.saved", saved=saved)


def _has_saved(state: State, profile: Profile) -> bool:
    return bool(profile.reasons if state is State.REASONS else profile.support_name)


def step_reply(state: State, ctx: Ctx, draft: dict[str, Any], lang: str) -> Reply:
    """The prompt for `state` with fresh buttons (bumps the draft's sequence number)."""
    step = STEPS[state]
    p = stamp(draft)
    if step.kind == "multi":
        return _multi_reply(step, draft, lang, p)
    rows = (
        _options(step, ctx, lang, p)
        if step.kind != "text" or step.key in ("timezone", "checkin_time")
        else []
    )
    first = state is State.LANGUAGE
    setting = str(draft.get("flow", "")).startswith("set_") and state in SETTINGS_PROMPTS
    if setting and _has_saved(state, ctx.profile):
        rows.append((Choice(t(lang, "set.remove"), f"{p}clear"),))
    rows.append(_nav(step, lang, p, first))
    return Reply(_prompt_text(step, ctx, draft, lang), tuple(r for r in rows if r), protect=True)


def _trigger_label(key: str, lang: str) -> str:
    return key.split(":", 1)[1] if key.startswith("other:") else t(lang, f"trigger.{key}")


def _multi_reply(step: Step, draft: dict[str, Any], lang: str, p: str) -> Reply:
    selected: list[str] = draft.get("sel", [])
    group = draft.get("cat")
    chosen = formats.items([_trigger_label(k, lang) for k in selected], lang)
    status = t(lang, "tr.selected", items=chosen) if selected else t(lang, "tr.none_selected")
    text = f"{t(lang, step.prompt)}\n{t(lang, 'tr.pick_group')}\n\n{status}"
    if group:
        items = [
            Choice(("✓ " if k in selected else "") + t(lang, f"trigger.{k}"), f"{p}t:{k}")
            for k in TRIGGER_GROUPS[group]
        ]
        back = Choice(t(lang, "tr.groups"), f"{p}up")
        rows = [*_rows(items, 2), (back, Choice(t(lang, "step.done"), f"{p}done"))]
        return Reply(text, tuple(rows), protect=True)
    groups = []
    for g, keys in TRIGGER_GROUPS.items():
        n = len(set(keys) & set(selected))
        groups.append(Choice(t(lang, f"cat.{g}") + (f" ({n})" if n else ""), f"{p}k:{g}"))
    rows = _rows(groups, 2)
    done = Choice(t(lang, "step.done"), f"{p}done")
    # Only where "nothing" is an answer: the trigger log is for a trigger (it refuses none).
    none = (Choice(t(lang, "tr.none"), f"{p}none"),) if step.state is not State.TL_TRIGGERS else ()
    rows.append((*none, done))
    rows.append(_nav(step, lang, p, False))
    return Reply(text, tuple(rows), protect=True)


def next_nonce(draft: dict[str, Any]) -> int:
    """A number for "Did that help?" buttons, so a double tap is counted once."""
    draft["n"] = int(draft.get("n", 0)) + 1
    return int(draft["n"])


def coping_reply(
    skill: str, ctx: Ctx, lang: str, others: list[str], nonce: int = 0, intro: str = ""
) -> Reply:
    """One coping skill, how to do it, "Did that help?", and two other ideas."""
    prof = ctx.profile
    if skill == "reasons":
        how = (
            t(lang, "how.reasons", reasons=prof.reasons)
            if prof.reasons
            else t(lang, "how.reasons_none")
        )
    elif skill == "call":
        how = (
            t(lang, "cope.call_saved", name=prof.support_name, phone=prof.support_phone)
            if prof.support_name and prof.support_phone
            else t(lang, "cope.call_none", crisis=ctx.helplines.crisis)
        )
    else:
        how = t(lang, f"how.{skill}")
    head = (intro + "\n\n" if intro else "") + t(lang, "cope.try", skill=t(lang, f"skill.{skill}"))
    text = f"{head}\n{how}\n\n{t(lang, 'cope.did_help')}"
    helped = tuple(Choice(t(lang, f"cope.helped.{v}"), f"h:{skill}:{v}:{nonce}") for v in "ybn")
    # "Call someone" is offered once: as the skill itself, or else on the last row, so it is
    # never one of the two other ideas too.
    ideas = [o for o in others if o not in (skill, "call")][:2]
    more = tuple(Choice(t(lang, f"skill.{o}"), f"c:{o}") for o in ideas)
    call = () if skill == "call" else (Choice(t(lang, "cope.call_someone"), "c:call"),)
    last = (*call, Choice(t(lang, "menu.help"), "m:help"))
    rows = tuple(r for r in (helped, more, last) if r)
    return Reply(text, rows, protect=True)


def zone_ok(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True
