"""The scripted risk replies (docs/clinical.md, Crisis tiers): what the bot says for a tier.

Which tier a message calls for is `bot.domain.crisis.screen`'s business; this module only
turns a tier into its script, its buttons and the record of what was shown."""

from __future__ import annotations

from bot.domain.conversation.model import Choice, Ctx, Effect, RecordCrisis, Reply
from bot.domain.conversation.replies import numbers, with_support
from bot.domain.crisis.screen import EmergencyKind, emergency_kind
from bot.domain.crisis.substance import ALCOHOL, BENZO, CANNABIS, STIMULANT, substance_of
from bot.locales import t

__all__ = ["crisis_effects", "effects_for", "lapse_reply", "lapse_script"]

_SCRIPTS = {
    1: "crisis.emergency", 2: "crisis.suicidal", 3: "crisis.lapse", 4: "crisis.poison",
    5: "crisis.check",
}  # fmt: skip
_EMERGENCY_SCRIPTS: dict[EmergencyKind, str] = {
    "body": "crisis.emergency", "intent": "crisis.emergency_intent",
    "violence": "crisis.emergency_violence",
}  # fmt: skip
# Where someone may be in danger, the client's own support person is named too.
_WITH_SUPPORT = (1, 2, 5)
_NON_OPIOIDS = (STIMULANT, CANNABIS, BENZO)
Rows = tuple[tuple[Choice, ...], ...]


def effects_for(tier: int, words: str, source: str, ctx: Ctx, lang: str) -> list[Effect]:
    """`crisis_effects` for a screened message: its `words` pick the lapse script (the
    substance) and the emergency script (violence, suicidal intent, or the overdose steps)."""
    kind = emergency_kind(words) if tier == 1 else "body"
    return crisis_effects(tier, source, ctx, lang, substance=substance_of(words), kind=kind)


def crisis_effects(
    tier: int, source: str, ctx: Ctx, lang: str, *, substance: str | None = None,
    kind: EmergencyKind = "body",
) -> list[Effect]:  # fmt: skip
    """The tier's scripted reply and the record of it (tier and script, never the words).

    `substance` (from `substance_of`, or a check-in answer) picks the lapse script; `kind`
    (tier 1 only, from `emergency_kind`) picks the emergency reply: "intent" (911 and 988,
    stay with someone, away from the means), "violence" (911, get away, the domestic
    violence hotline when safe) or "body" (the overdose steps)."""
    if tier == 3:
        script = lapse_script(substance)
    elif tier == 1:
        script = _EMERGENCY_SCRIPTS[kind]
    else:
        script = _SCRIPTS[tier]
    text = t(lang, script, **numbers(ctx.helplines, lang))
    if tier in _WITH_SUPPORT:
        text = with_support(text, ctx.profile, lang)
    buttons = _buttons(tier, lang)
    key = None if buttons else t(lang, "help.key")
    reply = Reply(text, buttons, help_key=key, urgent=True)
    return [reply, RecordCrisis(tier, source, script)]


def lapse_script(substance: str | None) -> str:
    """Naloxone for an opioid or an unknown drug, alcohol's own advice after alcohol, and
    "don't use alone" without naloxone for another known drug; no judgment in any."""
    if substance == ALCOHOL:
        return "crisis.lapse_alcohol"
    # Anything not known to be a non-opioid (None, an opioid, a word we do not know) keeps
    # the naloxone line.
    return "crisis.lapse_non_opioid" if substance in _NON_OPIOIDS else "crisis.lapse"


def _buttons(tier: int, lang: str) -> Rows:
    """The "Are you safe?" answers (tiers 2 and 5), and for tier 2 a way to calm down.

    A reply with buttons cannot also set the 🆘 key; the key set at enrollment (or by any
    help reply) stays on the keyboard, and "I need help now" is itself help."""
    safe = (Choice(t(lang, "safe.yes"), "g:safe:y"), Choice(t(lang, "safe.no"), "g:safe:n"))
    if tier == 5:
        return (safe,)
    if tier == 2:
        calm = (
            Choice(t(lang, "skill.breathe"), "c:breathe"),
            Choice(t(lang, "skill.ground"), "c:ground"),
        )
        return (safe, calm)
    return ()


def lapse_reply(lang: str, substance: str | None = None) -> Reply:
    """The lapse script for a use reported in the check-in (saved there, not recorded)."""
    return Reply(t(lang, lapse_script(substance)), protect=True, urgent=True)
