"""Simulated users, update delivery, observation helpers and lifecycle of the fake server."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from typing import Any

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from tests.fakeapi import FakeTelegram
from tests.fakeapi_tests.conftest import ANA, TOKEN

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def api(fake: FakeTelegram) -> httpx.Client:
    return httpx.Client(base_url=f"{fake.url}/bot{TOKEN}", timeout=10)


def wait_until(condition: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


async def test_user_media_and_edits_arrive_as_updates(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA, first_name="Ana", language_code="pt")
    ana.send_text("hello")
    ana.edit_last_text("hello again")
    ana.send_photo(caption="me")
    ana.send_sticker("🎉")
    ana.send_voice(duration=4)
    ana.send_location(1.5, 2.5)
    ana.send_document(b"a,b\n", filename="data.csv")
    updates = await bot.get_updates(timeout=0)

    edited = updates[1].edited_message
    assert edited is not None and edited.text == "hello again" and edited.message_id == 1
    photo = updates[2].message
    assert photo is not None and photo.caption == "me" and len(photo.photo) == 2
    assert photo.from_user is not None and photo.from_user.language_code == "pt"
    file = await bot.get_file(photo.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()).startswith(PNG_SIGNATURE)
    sticker, voice, location, document = (u.message for u in updates[3:])
    assert sticker is not None and sticker.sticker is not None and sticker.sticker.emoji == "🎉"
    assert (
        voice is not None
        and voice.voice is not None
        and voice.voice.duration == dt.timedelta(seconds=4)
    )
    assert location is not None and location.location is not None
    assert location.location.latitude == 1.5
    assert document is not None and document.document is not None
    assert document.document.file_name == "data.csv"
    assert [u.update_id for u in updates] == sorted({u.update_id for u in updates})
    assert fake.refused == []


async def test_redelivered_update_keeps_its_id(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA)
    ana.send_text("once")
    (first,) = await bot.get_updates(timeout=0)
    fake.redeliver(first.update_id)
    ana.send_text("next")
    (again,) = await bot.get_updates(offset=first.update_id + 1, timeout=0)
    assert again.update_id == first.update_id
    assert again.message is not None and again.message.text == "once"
    (following,) = await bot.get_updates(offset=again.update_id + 1, timeout=0)
    assert following.message is not None and following.message.text == "next"
    assert await bot.get_updates(offset=following.update_id + 1, timeout=0) == ()


async def test_group_channel_raw_updates_and_allowed_updates(fake: FakeTelegram, bot: Bot) -> None:
    fake.group_message(-100777, "/help@test_recovery_bot")
    fake.channel_post(-100888, "news")
    fake.push_raw({"poll": {"id": "1", "question": "?", "options": []}})
    fake.user(ANA).send_text("hi")
    updates = await bot.get_updates(timeout=0, allowed_updates=["message", "channel_post"])
    assert fake.allowed_updates == ["message", "channel_post"]
    assert [u.effective_chat.type for u in updates if u.effective_chat] == [
        "supergroup",
        "channel",
        "private",
    ]
    group = updates[0].message
    assert group is not None and group.entities[0].length == len("/help@test_recovery_bot")
    assert [u["poll"]["id"] for u in fake.updates.dropped] == ["1"]
    assert (await bot.send_message(-100777, "hello group")).chat.id == -100777


def test_press_finds_buttons_and_explains_misses(fake: FakeTelegram) -> None:
    ana = fake.user(ANA)
    with api(fake) as client:
        for text in ("first", "second"):
            markup = {"inline_keyboard": [[{"text": f"Open {text}", "callback_data": text}]]}
            client.post(
                "/sendMessage", json={"chat_id": ANA, "text": text, "reply_markup": markup}
            )
    first, second = fake.sent(ANA)
    ana.press("Open first")
    ana.press_on(second, "second")
    queries = [u["callback_query"] for u in fake.updates.history.values()]
    assert [(q["message"]["message_id"], q["data"]) for q in queries] == [
        (1, "first"),
        (2, "second"),
    ]
    assert len({q["id"] for q in queries}) == 2
    assert ana.buttons(first) == [("Open first", "first")]
    with pytest.raises(AssertionError, match="Open second"):
        ana.press("Missing")


def test_wait_reply_sees_new_messages_and_edits(fake: FakeTelegram) -> None:
    ana = fake.user(ANA)
    with api(fake) as client:
        timer = threading.Timer(
            0.1, client.post, ("/sendMessage",), {"data": {"chat_id": ANA, "text": "Hello Ana"}}
        )
        timer.start()
        reply = ana.wait_reply(contains="Hello", timeout=5)
        timer.join()
        assert reply["text"] == "Hello Ana"
        payload = {"chat_id": ANA, "message_id": reply["message_id"], "text": "Bye Ana"}
        client.post("/editMessageText", data=payload)
    assert ana.wait_reply(timeout=1)["text"] == "Bye Ana"
    assert ana.last_message()["edit_date"] >= reply["date"]
    with pytest.raises(AssertionError, match=r"(?s)new since last wait:.*none.*Bye Ana"):
        ana.wait_reply(timeout=0.2)
    assert fake.wait_for(lambda m: m["text"] == "Hello Ana", timeout=1)["message_id"] == 1


def test_strict_schema_refusals(fake: FakeTelegram) -> None:
    fake.user(ANA)
    bad: list[tuple[str, dict[str, Any], str]] = [
        ("deleteMessage", {"chat_id": ANA, "message_id": "x"}, "must be of type Integer"),
        ("sendMessage", {"chat_id": ANA, "text": "a", "protect_content": "maybe"}, "Boolean"),
        ("sendMessage", {"chat_id": ANA, "text": "a", "reply_markup": "{oops"}, "can't parse"),
        ("sendMessage", {"chat_id": ANA, "text": "a", "reply_markup": json.dumps(
            {"inline_keyboard": [[{"text": "a", "callback_data": "b", "colour": 1}]]}
        )}, 'unknown field "reply_markup.inline_keyboard[0][0].colour"'),
        ("sendMessage", {"chat_id": ANA, "text": "a", "reply_markup": json.dumps(
            {"inline_keyboard": [[{"text": "a"}]]}
        )}, "Text buttons are unallowed"),
        ("sendMessage", {"chat_id": ANA, "text": "a", "reply_markup": json.dumps(
            {"inline_keyboard": [[{"text": "a", "callback_data": "b", "url": "https://x.org"}]]}
        )}, "exactly one"),
        ("answerCallbackQuery", {"callback_query_id": "1", "text": "x" * 201}, "MESSAGE_TOO_LONG"),
        ("sendPhoto", {"chat_id": ANA, "photo": "nope", "caption": "c" * 1025}, "caption is too"),
        ("sendChatAction", {"chat_id": ANA, "action": "dancing"}, "wrong parameter action"),
        ("setMyCommands", {"commands": json.dumps([{"command": "Start", "description": "x"}])},
         "BOT_COMMAND_INVALID"),
    ]  # fmt: skip
    with api(fake) as client:
        for method, params, expected in bad:
            answer = client.post(f"/{method}", data=params)
            assert answer.status_code == 400, (method, answer.text)
            assert expected in answer.json()["description"], answer.json()
    assert len(fake.refused) == len(bad)
    assert fake.calls == []


def test_json_bodies_query_strings_media_groups_and_unhandled(fake: FakeTelegram) -> None:
    fake.user(ANA)
    with api(fake) as client:
        assert client.get("/getMe").json()["result"]["is_bot"] is True
        assert client.get("/getme").json()["ok"] is True  # method names are case-insensitive
        markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
        sent = client.post(
            "/sendMessage", json={"chat_id": ANA, "text": "x", "reply_markup": markup}
        )
        assert sent.json()["result"]["reply_markup"] == markup
        media = [
            {"type": "photo", "media": "attach://p1"},
            {"type": "photo", "media": "attach://p2"},
        ]
        files = {
            "p1": ("a.png", PNG_SIGNATURE, "image/png"),
            "p2": ("b.png", PNG_SIGNATURE, "image/png"),
        }
        group = client.post(
            "/sendMediaGroup", data={"chat_id": str(ANA), "media": json.dumps(media)}, files=files
        )
        assert group.json() == {"ok": True, "result": True}
        count = client.post("/getChatMemberCount", data={"chat_id": ANA})
        assert count.json() == {"ok": True, "result": True}
    assert [name for name, _ in fake.unhandled] == ["sendMediaGroup", "getChatMemberCount"]
    assert fake.refused == []


def test_concurrent_get_updates_conflict(fake: FakeTelegram) -> None:
    results: list[httpx.Response] = []
    with api(fake) as client, api(fake) as other:
        poller = threading.Thread(
            target=lambda: results.append(client.post("/getUpdates", data={"timeout": 5}))
        )
        poller.start()
        wait_until(lambda: len(fake.calls_of("getUpdates")) == 1)
        assert other.post("/getUpdates", data={"timeout": 0}).json() == {"ok": True, "result": []}
        poller.join(timeout=5)
    assert results[0].status_code == 409
    assert results[0].json()["description"].startswith("Conflict: terminated by other getUpdates")


def test_stop_does_not_hang_while_long_poll_is_blocked() -> None:
    fake = FakeTelegram(token=TOKEN).start()
    results: list[Any] = []
    with api(fake) as client:
        poller = threading.Thread(
            target=lambda: results.append(client.post("/getUpdates", data={"timeout": 30}).json())
        )
        poller.start()
        wait_until(lambda: len(fake.calls_of("getUpdates")) == 1)
        started = time.monotonic()
        fake.stop()
        poller.join(timeout=5)
    assert time.monotonic() - started < 2
    assert results == [{"ok": True, "result": []}]
    fake.stop()  # idempotent
    with pytest.raises(RuntimeError):
        _ = fake.url


def test_per_chat_limit_and_unblock(fake: FakeTelegram) -> None:
    fake.per_chat_limit = 1
    ana, bob = fake.user(ANA), fake.user(ANA + 1, first_name="Bob")
    with api(fake) as client:

        def send(chat_id: int) -> int:
            return client.post("/sendMessage", data={"chat_id": chat_id, "text": "x"}).status_code

        assert [send(ana.id), send(bob.id), send(ana.id)] == [200, 200, 429]
        fake.advance(1.5)
        ana.block()
        assert send(ana.id) == 403
        ana.unblock()
        assert send(ana.id) == 200
    kinds = [
        u["my_chat_member"]["new_chat_member"]["status"] for u in fake.updates.history.values()
    ]
    assert kinds == ["kicked", "member"]
    assert (fake.count_429, fake.count_403) == (1, 1)


def test_keyboard_button_helpers_outside_a_chat(fake: FakeTelegram) -> None:
    ana = fake.user(ANA)
    assert ana.buttons() == []
    assert ana.reply_keyboard() is None
    with pytest.raises(AssertionError, match="has not sent anything"):
        ana.last_message()
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Site", url="https://example.org")]])
    with api(fake) as client:
        data = {"chat_id": ANA, "text": "x", "reply_markup": markup.to_json()}
        assert client.post("/sendMessage", data=data).status_code == 200
    assert ana.buttons() == [("Site", None)]
    with pytest.raises(AssertionError, match="no callback button 'Site'"):
        ana.press("Site")


async def test_edit_message_media_swaps_a_photo_with_its_caption_and_buttons(
    fake: FakeTelegram, bot: Bot
) -> None:
    """The bot swaps a chart in place (issue 13): the fake stores the new picture, caption
    and buttons on the same message, as Telegram does, and refuses a text message."""
    from telegram import InputMediaPhoto

    from bot.charts.draw import mood_craving_chart
    from tests.charts.builders import TODAY, one_day

    fake.user(ANA)
    png = mood_craving_chart(one_day(), TODAY, 14, "en").png
    first = await bot.send_photo(ANA, png, caption="Last 14 days")
    keys = InlineKeyboardMarkup([[InlineKeyboardButton("Show 14 days", callback_data="m:p14")]])
    media = InputMediaPhoto(png, caption="Last 30 days", filename="chart.png")
    edited = await bot.edit_message_media(media, ANA, first.message_id, reply_markup=keys)
    assert not isinstance(edited, bool)
    assert edited.message_id == first.message_id and edited.caption == "Last 30 days"
    assert edited.photo and edited.reply_markup == keys
    assert [u.method for u in fake.uploads][-2:] == ["sendPhoto", "editMessageMedia"]
    text = await bot.send_message(ANA, "words")
    with pytest.raises(Exception, match="no media"):
        await bot.edit_message_media(media, ANA, text.message_id)
