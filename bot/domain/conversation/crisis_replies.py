"""The scripted risk replies (CLINICAL.md 3.3): what the bot says once a tier is known.

Which tier a message calls for is `bot.domain.crisis.screen`'s business; this module only
turns a tier into its script, its buttons and the record of what was shown."""

from __future__ import annotations

from bot.domain.conversation.model import Choice, Ctx, Effect, RecordCrisis, Reply
from bot.domain.conversation.replies import numbers
from bot.locales import t

__all__ = ["crisis_effects", "lapse_reply"]

_SCRIPTS = {
    1: "crisis.emergency", 2: "crisis.suicidal", 3: "crisis.lapse", 4: "crisis.poison",
    5: "crisis.check",
}  # fmt: skip
Rows = tuple[tuple[Choice, ...], ...]


def crisis_effects(tier: int, source: str, ctx: Ctx, lang: str) -> list[Effect]:
    """The tier's scripted reply and the record of it (tier and script, never the words)."""
    text = t(lang, _SCRIPTS[tier], **numbers(ctx.helplines, lang))
    buttons = _buttons(tier, lang)
    reply = Reply(text, buttons, help_key=None if buttons else t(lang, "help.key"))
    return [reply, RecordCrisis(tier, source, _SCRIPTS[tier])]


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


def lapse_reply(lang: str) -> Reply:
    return Reply(t(lang, "crisis.lapse"), protect=True)
