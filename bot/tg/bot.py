"""The bot every part of the Telegram door uses: PTB's ExtBot, plus one guard on getUpdates.

An update the library cannot parse used to stop the bot for everyone: PTB raises while
parsing the batch, its updater fetches the same batch again at once (thousands of times a
second), and each time logs the raw updates, names and texts included, at CRITICAL. Here such
an update is set aside before parsing: it is replaced by a bare update with the same id (no
handler matches it, and the next offset moves past it), counted, and logged in one line that
carries its id and nothing a person wrote."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import ExtBot

log = logging.getLogger(__name__)


class GuardedBot(ExtBot[Any]):
    """ExtBot whose getUpdates sets unparseable updates aside; `set_aside` counts them."""

    set_aside = 0

    async def _post(self, endpoint: str, *args: Any, **kwargs: Any) -> Any:
        # PTB is pinned (==22.8): _post is where getUpdates' raw JSON passes before parsing.
        result = await super()._post(endpoint, *args, **kwargs)
        if endpoint != "getUpdates" or not isinstance(result, list):
            return result
        return [self._readable(raw) for raw in result]

    def _readable(self, raw: Any) -> Any:
        try:
            Update.de_json(dict(raw), self)
            return raw
        except Exception as exc:  # whatever the library raises on data it cannot read
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if not isinstance(update_id, int):
                raise  # without an id the offset cannot move past it: PTB's handling stands
            GuardedBot.set_aside += 1
            log.error(
                "update %d could not be read (%s) and was set aside; %d so far",
                update_id, exc.__class__.__name__, GuardedBot.set_aside,
            )  # fmt: skip
            return {"update_id": update_id}
