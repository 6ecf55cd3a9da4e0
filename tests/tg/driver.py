"""A person at a Telegram client: sends updates through the real Application, taps buttons.

Buttons are found by their label in the messages the fake recorded, and a tap carries the
Message JSON the bot got back, exactly as Telegram would send it in a callback_query."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from telegram import Update
from telegram.ext import Application

from bot.store.database import Database
from tests.tg import updates as u
from tests.tg.fakerequest import BOT_USER, FakeRequest, Shown

AnyApp = Application[Any, Any, Any, Any, Any, Any]


class Harness:
    """The application under test, its fake Bot API, and a shared update-id counter."""

    def __init__(self, app: AnyApp, fake: FakeRequest, db: Database) -> None:
        self.app = app
        self.fake = fake
        self.db = db
        self.handler_errors: list[BaseException] = []
        self._ids: Iterator[int] = itertools.count(1)
        self._queries: Iterator[int] = itertools.count(9_000_001)

    def next_id(self) -> int:
        return next(self._ids)

    def next_query_id(self) -> str:
        return str(next(self._queries))

    async def deliver(self, update: dict[str, Any]) -> None:
        """Process one raw update as the Application would after getUpdates."""
        for key in ("message", "edited_message", "channel_post", "my_chat_member"):
            if key in update:
                self.fake.remember_chat(update[key]["chat"])
        await self.app.process_update(Update.de_json(update, self.app.bot))
        # The courier records what it sent beside the handler; a test reads it after.
        courier = self.app.bot_data.extra.get("courier")
        if courier is not None and courier.settling:
            await asyncio.gather(*courier.settling)

    def person(self, user_id: int, lang: str | None = "en") -> Person:
        return Person(self, u.user(user_id, lang))

    async def count(self, model: Any, **where: Any) -> int:
        """Rows of `model` matching column=value filters."""
        stmt = select(func.count()).select_from(model).filter_by(**where)
        async with self.db.transaction() as s:
            return int(await s.scalar(stmt) or 0)

    async def rows(self, model: Any, **where: Any) -> list[Any]:
        async with self.db.transaction() as s:
            return list((await s.scalars(select(model).filter_by(**where))).all())


class Person:
    """One Telegram user in a private chat with the bot."""

    def __init__(self, harness: Harness, user: dict[str, Any]) -> None:
        self.h = harness
        self.user = user
        self.id = int(user["id"])
        self.query_ids: list[str] = []

    async def say(self, words: str) -> int:
        update_id = self.h.next_id()
        await self.h.deliver(u.text(update_id, self.user, words))
        return update_id

    async def command(self, name: str, arg: str = "") -> int:
        update_id = self.h.next_id()
        await self.h.deliver(u.command(update_id, self.user, name, arg))
        return update_id

    def shown(self) -> list[Shown]:
        """Messages in this chat, most recently sent or edited first (each once)."""
        seen: list[Shown] = []
        for key in reversed(self.h.fake.latest):
            shown = self.h.fake.messages[key]
            if key[0] == self.id and shown not in seen:
                seen.append(shown)
        return seen

    def keyboard(self) -> Shown:
        """The newest message in this chat that has inline buttons."""
        for shown in self.shown():
            if shown.markup and "inline_keyboard" in shown.markup:
                return shown
        raise AssertionError("no message with inline buttons in this chat")

    async def tap(self, label: str, on: Shown | None = None) -> dict[str, Any]:
        """Tap the button labelled `label` on `on` (default: the newest keyboard)."""
        message = on or self.keyboard()
        return await self.tap_data(button_data(message, label), message)

    async def tap_data(self, data: str, message: Shown) -> dict[str, Any]:
        """Send the callback_query Telegram sends for a tap with this `data` on `message`."""
        query_id = self.h.next_query_id()
        self.h.fake.queries.add(query_id)
        self.query_ids.append(query_id)
        raw = self.h.fake.message_json(message)
        update = u.callback(self.h.next_id(), self.user, raw, data, query_id)
        await self.h.deliver(update)
        return update

    async def tap_through(self, *labels: str) -> None:
        for label in labels:
            await self.tap(label)

    async def member(self, old: str, new: str) -> None:
        update = u.my_chat_member(self.h.next_id(), self.user, BOT_USER, old, new)
        await self.h.deliver(update)


def labels(message: Shown) -> list[str]:
    rows = (message.markup or {}).get("inline_keyboard", [])
    return [str(button["text"]) for row in rows for button in row]


def button_data(message: Shown, label: str) -> str:
    """The callback_data of the button labelled `label` on `message`."""
    for row in (message.markup or {}).get("inline_keyboard", []):
        for button in row:
            if button["text"] == label:
                return str(button["callback_data"])
    raise AssertionError(f"no button {label!r} on {message.text[:40]!r}: {labels(message)}")
