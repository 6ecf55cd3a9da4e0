"""What an event calls for when nothing is known about the person: help and risk scripts only.

When the database cannot be read (locked, read-only, full, down) the service still answers a
help request or crisis language from here: the words are screened as usual, and the replies
are the static scripts in the language Telegram reports, with no support person (that is in
the profile). Everything else waits for the database."""

from __future__ import annotations

from bot.domain.conversation.commands import HELP_COMMANDS, is_help_request
from bot.domain.conversation.crisis_replies import effects_for
from bot.domain.conversation.model import (
    Button,
    Command,
    Ctx,
    Edit,
    Effect,
    Event,
    RecordCrisis,
    Reply,
    Text,
    words_of,
)
from bot.domain.conversation.replies import help_reply, numbers
from bot.domain.crisis.screen import screen
from bot.locales import t

_HELP_BUTTONS = ("m:help",)
_NOT_SAFE = "g:safe:n"


def urgent_effects(event: Event, ctx: Ctx, lang: str) -> list[Effect] | None:
    """The risk script (with its `RecordCrisis`) and/or the help text `event` calls for, in
    the order the machine would give them; None when it calls for neither."""
    if isinstance(event, Button):
        if event.data == _NOT_SAFE:  # "I'm not safe" under a safety check
            danger = t(lang, "safe.danger", **numbers(ctx.helplines, lang))
            said = Reply(danger, help_key=t(lang, "help.key"), urgent=True)
            return [said, RecordCrisis(1, "safety_button", "safe.danger")]
        return [help_reply(lang, ctx.helplines)] if event.data in _HELP_BUTTONS else None
    effects: list[Effect] = []
    asked = _asks_for_help(event)
    # A typed help request ("help", the 🆘 key) is help and nothing else, as in the machine.
    words = "" if asked and isinstance(event, Text) else words_of(event)
    tier = screen(words) if words.strip() else None
    if tier is not None:
        source = "edit" if isinstance(event, Edit) else "text"
        effects.extend(effects_for(int(tier), words, source, ctx, lang))
    if asked:
        effects.append(help_reply(lang, ctx.helplines))
    return effects or None


def _asks_for_help(event: Event) -> bool:
    if isinstance(event, Command):
        return event.name in HELP_COMMANDS
    return isinstance(event, Text) and is_help_request(event.text.strip())
