"""A small driver for the pure conversation machine: keeps state and draft between events."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.domain.conversation import model as m
from bot.domain.conversation.machine import step

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
ACTIVE = m.Profile(status="active", timezone="America/New_York")


class Driver:
    """Feeds events to `step()` the way the service would, recording every effect."""

    def __init__(self, state: m.State = m.State.MENU, ctx: m.Ctx | None = None) -> None:
        self.state = state
        self.draft: dict[str, Any] = {}
        self.ctx = ctx or m.Ctx(now=NOW, profile=ACTIVE)
        self.effects: list[m.Effect] = []
        self.last: list[m.Effect] = []

    def send(self, event: m.Event) -> list[m.Effect]:
        out = step(self.state, self.draft, event, self.ctx)
        self.state, self.draft, self.last = out.state, out.draft, out.effects
        self.effects.extend(out.effects)
        for effect in out.effects:  # apply profile changes as the service would
            if isinstance(effect, m.SetProfile):
                fields = {k: v for k, v in effect.fields.items() if hasattr(self.ctx.profile, k)}
                self.ctx = replace(self.ctx, profile=replace(self.ctx.profile, **fields))
        return out.effects

    def text(self, text: str) -> list[m.Effect]:
        return self.send(m.Text(text))

    def cmd(self, name: str, arg: str = "") -> list[m.Effect]:
        return self.send(m.Command(name, arg))

    def tap(self, value: str) -> list[m.Effect]:
        """Tap the button with this value on the last message that showed one, as a person
        would; the stored sequence number is only a fallback for values no button carries
        (so a view numbered from a lost draft shows up as "expired")."""
        shown = [c.data for c in self.buttons() if c.data.split(":", 1)[-1] == value]
        if shown and shown[-1].startswith("s"):
            return self.send(m.Button(shown[-1]))
        return self.send(m.Button(f"s{self.draft.get('seq', 0)}:{value}"))

    def replies(self) -> list[m.Reply]:
        return [e for e in self.last if isinstance(e, m.Reply)]

    def said(self) -> str:
        return "\n".join(r.text for r in self.replies())

    def buttons(self) -> list[m.Choice]:
        return [c for r in self.replies() for row in r.buttons for c in row]

    def saved(self, kind: type) -> list[Any]:
        return [e for e in self.effects if isinstance(e, kind)]
