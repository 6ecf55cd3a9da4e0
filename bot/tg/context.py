"""What every handler and job reaches through PTB's context, typed (PTB's contexttypesbot)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import CallbackContext, ExtBot

from bot.config import Settings
from bot.service.conversation import Service


@dataclass
class BotData:
    """What handlers reach through `context.bot_data`, typed (PTB's contexttypesbot)."""

    service: Service | None = None
    settings: Settings | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def svc(self) -> Service:
        assert self.service is not None, "service is attached before polling starts"
        return self.service


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
