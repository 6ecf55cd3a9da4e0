"""The fake Bot API server, exercised through the real python-telegram-bot client."""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
import zipfile

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonCommands,
    MessageEntity,
    ReplyKeyboardMarkup,
)
from telegram.error import BadRequest, EndPointNotFound, Forbidden, InvalidToken, RetryAfter

from tests.fakeapi import FakeTelegram, tiny_png
from tests.fakeapi_tests.conftest import ANA, TOKEN, make_bot

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in pairs]])


async def test_get_me(fake: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot
    assert me.username == "test_recovery_bot"
    assert me.id == 123
    assert fake.refused == []


async def test_send_message_with_inline_keyboard_then_edit(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA, first_name="Ana")
    markup = keyboard(("Yes", "answer:yes"), ("No", "answer:no"))
    sent = await bot.send_message(ANA, "<b>Ready?</b>", parse_mode="HTML", reply_markup=markup)
    assert sent.message_id == 1
    assert sent.text == "Ready?"
    assert sent.from_user is not None and sent.from_user.is_bot
    assert sent.reply_markup == markup
    assert ana.buttons() == [("Yes", "answer:yes"), ("No", "answer:no")]
    second = await bot.send_message(ANA, "plain")
    assert second.message_id == 2

    edited = await bot.edit_message_text("Thanks!", chat_id=ANA, message_id=sent.message_id)
    assert isinstance(edited, object) and getattr(edited, "text", None) == "Thanks!"
    assert [m["text"] for m in fake.sent(ANA)] == ["Thanks!", "plain"]
    assert "reply_markup" not in fake.sent(ANA)[0]  # editing text without markup drops it
    assert [name for name, _ in fake.calls].count("editMessageText") == 1
    assert fake.refused == []


async def test_reply_keyboard_is_remembered_not_echoed(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA)
    markup = ReplyKeyboardMarkup([["😊 Good", "😔 Bad"]], resize_keyboard=True)
    sent = await bot.send_message(ANA, "How are you?", reply_markup=markup)
    assert sent.reply_markup is None
    assert ana.reply_buttons() == ["😊 Good", "😔 Bad"]
    assert (ana.reply_keyboard() or {})["resize_keyboard"] is True
    assert fake.refused == []


async def test_get_updates_text_and_callback_query(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA)
    ana.send_command("/start", "CODE")
    await bot.send_message(ANA, "Pick one", reply_markup=keyboard(("Yes", "y"), ("No", "n")))
    query_id = ana.press("Yes")

    updates = await bot.get_updates(timeout=0)
    assert [u.effective_message is not None for u in updates] == [True, True]
    start = updates[0].message
    assert start is not None and start.text == "/start CODE"
    assert start.entities == (MessageEntity(MessageEntity.BOT_COMMAND, 0, 6),)
    query = updates[1].callback_query
    assert query is not None and query.id == query_id and query.data == "y"
    assert await query.answer("Saved") is True
    assert fake.answers[query_id]["text"] == "Saved"

    confirmed = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    assert confirmed == ()
    assert fake.refused == []


async def test_callback_query_answered_twice_or_late(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA)
    await bot.send_message(ANA, "Pick", reply_markup=keyboard(("A", "a"), ("B", "b")))
    first, late = ana.press("a"), ana.press("B")
    await bot.answer_callback_query(first)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(first)
    fake.advance(16)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(late)
    assert len(fake.refused) == 2


async def test_send_photo_and_document_and_download(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(ANA)
    photo = await bot.send_photo(ANA, tiny_png(3, 2), caption="Your week")
    assert (photo.photo[-1].width, photo.photo[-1].height) == (3, 2)
    assert photo.caption == "Your week"
    assert fake.uploads[0].data.startswith(PNG_SIGNATURE)

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("entries.csv", "date,mood\n2024-01-01,good\n")
    document = await bot.send_document(ANA, archive.getvalue(), filename="export.zip")
    assert document.document is not None and document.document.file_name == "export.zip"
    upload = fake.uploads[1]
    assert (upload.method, upload.file_name, upload.chat_id) == ("sendDocument", "export.zip", ANA)
    with zipfile.ZipFile(io.BytesIO(upload.data)) as zf:
        assert zf.namelist() == ["entries.csv"]

    file = await bot.get_file(document.document.file_id)
    assert bytes(await file.download_as_bytearray()) == archive.getvalue()
    assert fake.refused == []


async def test_commands_and_menu_button(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(ANA)
    assert await bot.set_my_commands([BotCommand("start", "Start")], language_code="en")
    assert await bot.set_my_commands([BotCommand("start", "Inicio")], language_code="es")
    assert await bot.set_chat_menu_button(ANA, MenuButtonCommands())
    assert fake.commands["en"] == [{"command": "start", "description": "Start"}]
    assert (await bot.get_my_commands(language_code="es"))[0].description == "Inicio"
    assert await bot.get_my_commands() == ()
    assert fake.menu_buttons[ANA] == {"type": "commands"}
    assert fake.refused == []


async def test_refuses_invalid_requests(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(ANA)
    cases = [
        (bot.send_message(ANA, "x", reply_markup=keyboard(("Big", "d" * 65))), "BUTTON_DATA"),
        (bot.send_message(ANA, "a" * 4097), "message is too long"),
        (bot.send_message(ANA, "   "), "message text is empty"),
        (bot.send_message(ANA, "x", api_kwargs={"colour": "red"}), 'unknown parameter "colour"'),
        (bot.send_message(None, "x"), "chat_id is empty"),  # type: ignore[arg-type]
        (bot.send_message(999, "x"), "chat not found"),
        (bot.send_message(ANA, "<b>bold", parse_mode="HTML"), "can't parse entities"),
        (bot.send_message(ANA, "1.5", parse_mode="MarkdownV2"), "reserved"),
        (bot.edit_message_text("x", chat_id=ANA, message_id=77), "message to edit not found"),
    ]
    for call, message in cases:
        with pytest.raises(BadRequest, match=f"(?i){message}"):
            await call
    descriptions = [refusal.description for refusal in fake.refused]
    assert len(descriptions) == len(cases)
    assert all(d.startswith("Bad Request: ") for d in descriptions)


async def test_edit_with_identical_content_is_refused(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(ANA)
    sent = await bot.send_message(ANA, "same", reply_markup=keyboard(("Ok", "ok")))
    markup = keyboard(("Ok", "ok"))
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("same", ANA, sent.message_id, reply_markup=markup)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(ANA, sent.message_id, reply_markup=markup)
    assert [r.method for r in fake.refused] == ["editMessageText", "editMessageReplyMarkup"]


async def test_wrong_token_and_unknown_method(fake: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(InvalidToken):
        async with make_bot(fake, token="123:WRONG"):
            pass
    with pytest.raises(EndPointNotFound, match="sendTelepathy"):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": ANA})
    assert [r.description for r in fake.refused] == ["Unauthorized", "Not Found"]


def test_rate_limit_429_with_retry_after(fake: FakeTelegram) -> None:
    fake.user(ANA)
    fake.rate_limit_per_second = 5
    with httpx.Client(base_url=f"{fake.url}/bot{TOKEN}") as client:
        answers = [
            client.post("/sendMessage", data={"chat_id": ANA, "text": f"#{i}"}) for i in range(8)
        ]
    limited = [a.json() for a in answers if a.status_code == 429]
    assert limited, [a.status_code for a in answers]
    assert limited[0]["description"].startswith("Too Many Requests: retry after ")
    assert limited[0]["parameters"]["retry_after"] >= 1
    assert fake.count_429 == len(limited)
    assert fake.refused == []


def test_rate_limit_window_with_injected_clock() -> None:
    now = [1000.0]
    with FakeTelegram(token=TOKEN, rate_limit_per_second=2, clock=lambda: now[0]) as fake:
        fake.user(ANA)
        with httpx.Client(base_url=f"{fake.url}/bot{TOKEN}") as client:

            def send() -> int:
                return client.post("/sendMessage", json={"chat_id": ANA, "text": "hi"}).status_code

            assert [send(), send(), send()] == [200, 200, 429]
            now[0] += 1.0
            assert send() == 200
    assert fake.count_429 == 1


async def test_injected_failure_maps_to_ptb_errors(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(ANA)
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(ANA, "hi")
    assert raised.value.retry_after == dt.timedelta(seconds=3)
    assert (await bot.send_message(ANA, "hi")).text == "hi"
    assert fake.count_429 == 1
    assert fake.refused == []


async def test_blocked_user_gets_403_and_my_chat_member(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(ANA)
    fake.block(ANA)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ANA, "still there?")
    assert fake.count_403 == 1
    (update,) = await bot.get_updates(timeout=0)
    member = update.my_chat_member
    assert member is not None
    assert (member.old_chat_member.status, member.new_chat_member.status) == ("member", "kicked")
    assert fake.refused == []


async def test_long_poll_returns_early_when_update_arrives(fake: FakeTelegram, bot: Bot) -> None:
    ana = fake.user(ANA)
    timer = threading.Timer(0.2, ana.send_text, args=("wake up",))
    started = time.monotonic()
    timer.start()
    try:
        updates = await bot.get_updates(timeout=5)
    finally:
        timer.join()
    assert time.monotonic() - started < 2.5
    assert updates[0].message is not None and updates[0].message.text == "wake up"


async def test_long_poll_returns_empty_after_timeout(fake: FakeTelegram, bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 3
    assert fake.refused == []
