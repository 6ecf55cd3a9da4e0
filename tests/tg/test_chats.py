"""Media, edits, groups, channels and blocking: each answered (or not) the right way."""

from __future__ import annotations

import pytest

from bot.locales import t
from bot.store.models import Client, Conversation
from tests.tg import updates as u
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person

GROUP_ID = -4_012_345_678
CHANNEL_ID = -1_001_234_567_890


@pytest.mark.parametrize("kind", sorted(u.MEDIA))
async def test_media_gets_one_clear_reply(harness: Harness, pat: Person, kind: str) -> None:
    await enroll(pat)
    [before] = await harness.rows(Conversation)
    sent = len(harness.fake.texts())
    await harness.deliver(u.media(harness.next_id(), pat.user, kind))
    new = harness.fake.texts()[sent:]
    assert new[0] == t("en", "step.media")
    assert new.count(t("en", "step.media")) == 1
    assert new[1:] == [t("en", "menu.prompt")]  # then where the person is, nothing else
    [after] = await harness.rows(Conversation)
    assert after.state == before.state == "menu"


async def test_media_in_a_step_shows_the_step_again(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.tap("✅ Check in")
    await harness.deliver(u.media(harness.next_id(), pat.user, "photo"))
    texts = harness.fake.texts()
    assert texts[-2] == t("en", "step.media")
    assert texts[-1].startswith(t("en", "ci.mood"))


async def test_an_ordinary_edit_makes_no_call(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    calls = len(harness.fake.calls)
    await harness.deliver(u.edited(harness.next_id(), pat.user, "running late to group"))
    assert len(harness.fake.calls) == calls


async def test_an_edit_into_crisis_language_gets_the_crisis_reply(
    harness: Harness, pat: Person
) -> None:
    """'rough day at work', edited to 'i want to end my life tonight': the edit is screened
    like a new message (the conversation does not move)."""
    await enroll(pat)
    await pat.say("/checkin")
    asked = harness.fake.of("sendMessage")[-1].params["text"]
    calls = len(harness.fake.of("sendMessage"))
    await harness.deliver(u.edited(harness.next_id(), pat.user, "i want to end my life tonight"))
    sent = harness.fake.of("sendMessage")[calls:]
    assert len(sent) == 1
    assert sent[0].params["text"].startswith("This may be an emergency. Call 911 now.")
    await pat.say("7")  # the check-in goes on where it was
    assert asked.startswith(t("en", "ci.mood"))
    assert harness.fake.of("sendMessage")[-1].params["text"].startswith(t("en", "ci.craving"))


async def test_group_message_gets_a_polite_refusal(harness: Harness, pat: Person) -> None:
    await harness.deliver(u.group_text(harness.next_id(), pat.user, GROUP_ID, "/start"))
    [call] = harness.fake.of("sendMessage")
    assert call.params["chat_id"] == GROUP_ID
    assert "private chats" in call.params["text"] and "911" in call.params["text"]
    assert await harness.count(Client) == 0


async def test_channel_post_gets_a_polite_refusal(harness: Harness) -> None:
    await harness.deliver(u.channel_post(harness.next_id(), CHANNEL_ID, "hello"))
    [call] = harness.fake.of("sendMessage")
    assert call.params["chat_id"] == CHANNEL_ID
    assert call.params["text"] == t("en", "join.group", emergency="911", crisis="988")
    assert await harness.count(Client) == 0


async def test_group_refusal_follows_the_sender_language(harness: Harness) -> None:
    ana = u.user(5550003, lang="es-MX")
    await harness.deliver(u.group_text(harness.next_id(), ana, GROUP_ID, "hola"))
    assert harness.fake.texts() == [t("es", "join.group", emergency="911", crisis="988")]


async def test_block_and_unblock(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    calls = len(harness.fake.calls)
    await pat.member("member", "kicked")
    assert await harness.count(Client, tg_user_id=pat.id, status="blocked") == 1
    await pat.member("kicked", "member")
    assert await harness.count(Client, tg_user_id=pat.id, status="active") == 1
    assert len(harness.fake.calls) == calls  # nothing is sent to say so


async def test_block_by_a_stranger_stores_nothing(harness: Harness, pat: Person) -> None:
    await pat.member("member", "kicked")
    assert await harness.count(Client) == 0
    assert harness.fake.of("sendMessage") == []


async def test_unblocking_keeps_messages_stopped(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.command("stop")
    assert await harness.count(Client, status="stopped") == 1
    await pat.member("member", "kicked")
    assert await harness.count(Client, status="blocked") == 1
    await pat.member("kicked", "member")
    assert await harness.count(Client, status="stopped") == 1
