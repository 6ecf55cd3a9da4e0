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
        return [self._parse(raw)[1] for raw in result]

    async def send_text(
        self, chat_id: int, text: str, *, reply_markup: Any = None,
        protect_content: bool | None = None, rate_limit_args: Any = None,
    ) -> int:  # fmt: skip
        """sendMessage with these arguments, as `send_message` sends it (the bot sets no
        Defaults and no arbitrary callback data); returns only the new message's id. The
        courier needs no more, and turning each answer into a PTB Message cost about 3% of
        the bot's CPU under load (issue 12's profile)."""
        data = {"chat_id": chat_id, "text": text, "reply_markup": reply_markup,
                "protect_content": protect_content}  # fmt: skip
        kwargs = self._merge_api_rl_kwargs(None, rate_limit_args)
        result = await self._post("sendMessage", data, api_kwargs=kwargs)
        return int(result["message_id"])

    async def fetch_updates(
        self, offset: int | None, poll_seconds: int, allowed_updates: list[str]
    ) -> list[tuple[Update, dict[str, Any]]]:
        """getUpdates for the poller (bot.tg.polling), each update with the JSON it came as
        (what the inbox keeps) and parsed once: PTB's `get_updates` parses what `_post`
        returns again, and the inbox then turned the parsed update back into JSON. An update
        that cannot be read is set aside as in `_post`."""
        data = {"timeout": poll_seconds, "offset": offset, "allowed_updates": allowed_updates}
        # As PTB's get_updates: the long poll's own seconds on top of the read timeout.
        read_timeout = (self._request[0].read_timeout or 0) + poll_seconds
        result = await super()._post("getUpdates", data, read_timeout=read_timeout)
        fetched = [self._parse(raw) for raw in result or ()]
        for update, _ in fetched:
            self.insert_callback_data(update)  # as ExtBot.get_updates does
        return fetched

    def _parse(self, raw: Any) -> tuple[Update, Any]:
        """The update and the JSON to keep for it: a bare update with its id for one the
        library cannot read."""
        try:
            return Update.de_json(dict(raw), self), raw
        except Exception as exc:  # whatever the library raises on data it cannot read
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if not isinstance(update_id, int):
                raise  # without an id the offset cannot move past it: PTB's handling stands
            GuardedBot.set_aside += 1
            log.error(
                "update %d could not be read (%s) and was set aside; %d so far",
                update_id, exc.__class__.__name__, GuardedBot.set_aside,
            )  # fmt: skip
            return Update(update_id), {"update_id": update_id}
