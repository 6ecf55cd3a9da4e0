"""What build_application sets up: commands in both languages, allowed updates, no leaks."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from bot.domain.conversation.aliases import command_name
from bot.locales import t
from bot.service.conversation import Service
from bot.store.models import InboxUpdate, OutboxMessage, ProcessedUpdate
from bot.tg.application import serve
from bot.tg.handlers import ALLOWED_UPDATES
from bot.tg.menus import COMMANDS
from tests.tg import updates as u
from tests.tg.conftest import TOKEN, enroll
from tests.tg.driver import Harness, Person


def test_allowed_updates() -> None:
    assert ALLOWED_UPDATES == ["message", "edited_message", "callback_query", "my_chat_member"]


async def test_post_init_sets_commands_in_english_and_spanish(harness: Harness) -> None:
    assert harness.app.post_init is not None
    await harness.app.post_init(harness.app)
    calls = harness.fake.of("setMyCommands")
    assert sorted(str(c.params.get("language_code")) for c in calls) == ["None", "es"]
    for call in calls:
        lang = call.params.get("language_code", "en")
        commands = {c["command"]: c["description"] for c in call.params["commands"]}
        assert commands == COMMANDS[lang]
    spanish = next(c for c in calls if c.params.get("language_code") == "es")
    assert {"command": "ayuda", "description": "Ayuda ya, a cualquier hora"} in (
        spanish.params["commands"]
    )


TREATMENT_WORDS = ("recovery", "addiction", "treatment", "drug", "alcohol", "substance",
                   "sober", "rehab", "craving", "relapse", "recuperación", "adicción",
                   "tratamiento", "droga", "alcohol", "consumo", "recaída")  # fmt: skip


async def test_post_init_sets_a_neutral_profile_in_both_languages(harness: Harness) -> None:
    """The first screen after an invite link says what this is, in the person's language,
    with nothing on it that tells an onlooker it is about treatment."""
    assert harness.app.post_init is not None
    await harness.app.post_init(harness.app)
    fake = harness.fake
    assert set(fake.descriptions) == set(fake.short_descriptions) == {"", "es"}
    assert fake.descriptions[""] == t("en", "bot.description")
    assert fake.short_descriptions["es"] == t("es", "bot.short_description")
    for text in [*fake.descriptions.values(), *fake.short_descriptions.values()]:
        assert text and not any(word in text.lower() for word in TREATMENT_WORDS), text


@pytest.mark.parametrize("name", sorted(COMMANDS["en"]))
async def test_every_advertised_command_is_understood(
    harness: Harness, pat: Person, name: str
) -> None:
    await enroll(pat)
    sent = len(harness.fake.texts())
    await pat.command(name)
    new = harness.fake.texts()[sent:]
    assert new and t("en", "cmd.unknown") not in new
    assert [command_name(es) for es in COMMANDS["es"]] == list(COMMANDS["en"])


@pytest.mark.parametrize(("es", "en"), list(zip(COMMANDS["es"], COMMANDS["en"], strict=True)))
async def test_every_spanish_command_does_what_the_english_one_does(
    harness: Harness, pat: Person, es: str, en: str
) -> None:
    """/ajustes is /settings, /hoy is /today, ... (each answered the same way)."""
    await enroll(pat)
    answers = []
    for name in (en, es):
        await pat.command("cancel")  # from the menu each time
        sent = len(harness.fake.texts())
        await pat.command(name)
        answers.append(harness.fake.texts()[sent:])
    assert answers[1] and t("en", "cmd.unknown") not in answers[1]
    assert answers[1] == answers[0], (es, en)


async def test_no_call_or_log_carries_the_token(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await harness.app.post_init(harness.app)  # type: ignore[misc]
    await enroll(pat)
    await pat.command("help")
    methods = {c.method for c in harness.fake.calls}
    assert {"getMe", "setMyCommands", "sendMessage", "answerCallbackQuery"} <= methods
    for call in harness.fake.calls:
        assert TOKEN not in json.dumps(call.params, ensure_ascii=False)
        assert TOKEN not in "".join(call.wire.values())
    # Something was logged (the check below is not vacuous), and PTB's bot loggers, whose
    # DEBUG lines carry the token in URLs and message texts in parameters, stay at INFO.
    assert any(r.name.startswith(("telegram", "bot.")) for r in caplog.records)
    assert logging.getLogger("telegram.ext.ExtBot").getEffectiveLevel() >= logging.INFO
    leaks = [(r.name, r.getMessage()[:200]) for r in caplog.records if TOKEN in r.getMessage()]
    assert not leaks, leaks


async def test_updates_arrive_through_get_updates(harness: Harness, service: Service) -> None:
    """The fake also serves long polling, the way the product runs (`serve`, bot.tg.polling):
    the update is recorded in the inbox, answered, and gone from the inbox afterwards."""
    app, fake = harness.app, harness.fake
    fake.queue_update(u.command(harness.next_id(), u.user(5550004), "help"))
    stop = asyncio.Event()
    running = asyncio.create_task(serve(app, service, 1, stop))
    try:
        async with asyncio.timeout(10):
            await fake.sent.wait()
    finally:
        stop.set()
        await asyncio.wait_for(running, 15)  # lets the update in hand finish
    assert await harness.count(InboxUpdate) == 0
    assert await harness.count(ProcessedUpdate) == 1
    polls = fake.of("getUpdates")
    assert polls and polls[0].params["allowed_updates"] == ALLOWED_UPDATES
    assert "988" in fake.texts()[0]
    assert await harness.count(OutboxMessage) == 0  # sent, so not kept
