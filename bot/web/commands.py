"""The staff commands from web forms: one form is one command of the table both other doors
use (`bot.service.staff_commands`), its fields named as the command's arguments, so a value
is checked, and refused, with the same rules and words as on the command line and in
Telegram. A refusal is shown next to the field it is about."""

from __future__ import annotations

from collections.abc import Mapping

from bot.domain.staff_input import AdminError, OptionError
from bot.locales import t
from bot.service.backend import Backend
from bot.service.staff_commands import command
from bot.service.staff_syntax import WEB, Call, Command, Outcome, carry_out, web_args
from bot.service.web_auth import Viewer
from bot.web.render import LANG

FORM = "form"  # an error about the whole form, shown above it
# Words of a refusal that name the field it is about (the messages name the command line's
# options or what was wrong with a value), tried in order.
_HINTS = (
    ("track name", "name"), ("time zone", "timezone"), ("start time", "start"),
    ("length", "length"),
    ("unknown day", "weekly"),
    ("--weekly", "weekly"), ("--once", "once"), ("kind", "kind"), ("place", "place"),
    ("duration", "expires"), ("expiry", "expires"), ("track", "track"), ("date", "date"),
    ("date", "once"), ("session", "id"), ("user id", "id"), ("invite", "invite"),
    ("client", "client"),
)  # fmt: skip


def field_of(exc: AdminError, cmd: Command) -> str:
    """The form field a refusal of `cmd` is about, or FORM."""
    names = {a.dest for a in cmd.args}
    if isinstance(exc, OptionError):
        name = exc.option.lstrip("-").replace("-", "_")
        return name if name in names else FORM
    text = str(exc)
    for name in sorted(names, key=len, reverse=True):
        if f"--{name}" in text:
            return name
    lowered = text.lower()
    for words, name in _HINTS:
        if words in lowered and name in names:
            return name
    return FORM


async def run(
    backend: Backend, viewer: Viewer, words: tuple[str, ...], values: Mapping[str, object]
) -> tuple[Outcome | None, dict[str, str]]:
    """Carry out the command `words` with the form's `values` as the signed-in staff member:
    (what it produced, {}) or (None, {field: why it was refused})."""
    cmd = command(*words)
    if cmd.confirm is not None and not values.get("yes"):
        return None, {"yes": t(LANG, "web.confirm_needed", what=cmd.confirm)}
    try:
        args = web_args(cmd, values)
        outcome = await carry_out(cmd, Call(backend.staff(viewer.actor), args, WEB))
    except AdminError as exc:
        return None, {field_of(exc, cmd): str(exc)}
    return outcome, {}
