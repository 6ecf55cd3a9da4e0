"""An update the library cannot parse is set aside; the bot goes on with the next one."""

from __future__ import annotations

import logging

import pytest
from telegram import Update

from bot.locales import t
from bot.tg.bot import GuardedBot
from tests.tg import updates as u
from tests.tg.driver import Harness, Person


async def test_an_unparseable_update_is_set_aside_and_help_still_answers(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    first = harness.next_id()
    poisoned = u.text(first, pat.user, "Maria says: i want to end my life")
    poisoned["message"]["chat"] = "not a chat"  # what the library cannot read
    harness.fake.queue_update(poisoned)
    harness.fake.queue_update(u.command(harness.next_id(), pat.user, "help"))
    harness.fake.remember_chat(u.private_chat(pat.user))
    before = GuardedBot.set_aside
    with caplog.at_level(logging.DEBUG):
        fetched = await harness.app.bot.get_updates(offset=first, timeout=0)
    assert [update.update_id for update in fetched] == [first, first + 1]
    assert fetched[0].message is None  # set aside: no handler matches it
    assert GuardedBot.set_aside == before + 1
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.tg.bot"]
    assert lines == [f"update {first} could not be read (TypeError) and was set aside; "
                     f"{before + 1} so far"]  # fmt: skip
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "Maria" not in logged and "end my life" not in logged
    for update in fetched:
        await harness.app.process_update(update)
    assert any(text.startswith(t("en", "help.title")) for text in harness.fake.texts())
    assert harness.handler_errors == []


async def test_a_handler_that_fails_sets_its_update_aside_and_the_next_is_handled(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from bot.tg import handlers

    real = handlers.event_of

    def failing(message):  # type: ignore[no-untyped-def]
        if message.text == "Maria says hi":
            raise ValueError(message.text)  # a bug, with a person's words in it
        return real(message)

    monkeypatch.setattr(handlers, "event_of", failing)
    with caplog.at_level(logging.INFO):
        poisoned = await pat.say("Maria says hi")
        await pat.command("help")
    assert [type(e) for e in harness.handler_errors] == [ValueError]
    harness.handler_errors.clear()
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.tg.handlers"]
    assert lines == [f"update {poisoned} could not be handled (ValueError) and was set aside; "
                     "1 so far"]  # fmt: skip
    assert "Maria" not in " ".join(r.getMessage() for r in caplog.records)
    assert any(text.startswith(t("en", "help.title")) for text in harness.fake.texts()[-2:])


async def test_the_pollers_fetch_parses_once_keeps_the_json_and_sets_aside_the_same(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    """The poller's getUpdates (GuardedBot.fetch_updates, issue 12): each update with the
    JSON it came as, which the inbox keeps, and an unreadable one set aside as above, its
    words neither kept nor logged."""
    first = harness.next_id()
    poisoned = u.text(first, pat.user, "Maria says: i want to end my life")
    poisoned["message"]["chat"] = "not a chat"
    harness.fake.queue_update(poisoned)
    harness.fake.queue_update(u.command(harness.next_id(), pat.user, "help"))
    harness.fake.remember_chat(u.private_chat(pat.user))
    bot = harness.app.bot
    assert isinstance(bot, GuardedBot)
    before = GuardedBot.set_aside
    with caplog.at_level(logging.DEBUG):
        fetched = await bot.fetch_updates(first, 0, ["message", "callback_query"])
    assert [(update.update_id, raw["update_id"]) for update, raw in fetched] == [
        (first, first), (first + 1, first + 1)
    ]  # fmt: skip
    assert fetched[0][0].message is None and fetched[0][1] == {"update_id": first}
    assert GuardedBot.set_aside == before + 1
    update, raw = fetched[1]
    assert update.message is not None and update.message.text == "/help"
    assert raw["message"]["text"] == "/help" and raw["message"]["chat"]["id"] == pat.id
    # What the inbox keeps reads back as the update handled (a restart hands it on).
    assert Update.de_json(dict(raw), bot).to_dict() == update.to_dict()
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "Maria" not in logged and "end my life" not in logged
