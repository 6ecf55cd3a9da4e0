"""The fake refuses what Telegram refuses, so the other tests can trust a green run."""

from __future__ import annotations

import json

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup
from telegram.error import BadRequest

from tests.tg.checks import check_call
from tests.tg.driver import Harness

CHAT = 5550001


def refused(harness: Harness, fragment: str) -> None:
    """The last call was collected as an error mentioning `fragment`; forget it."""
    assert any(fragment in e for e in harness.fake.errors), harness.fake.errors
    harness.fake.errors.clear()


async def test_text_over_4096_is_refused(harness: Harness) -> None:
    await harness.app.bot.send_message(CHAT, "x" * 4096)
    with pytest.raises(BadRequest):
        await harness.app.bot.send_message(CHAT, "x" * 4097)
    refused(harness, "4097 characters")


async def test_blank_text_is_refused(harness: Harness) -> None:
    with pytest.raises(BadRequest):
        await harness.app.bot.send_message(CHAT, "  \n")
    refused(harness, "text is empty")


async def test_callback_data_over_64_bytes_is_refused(harness: Harness) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="é" * 32)]])
    await harness.app.bot.send_message(CHAT, "fits", reply_markup=ok)
    big = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="é" * 32 + "x")]])
    with pytest.raises(BadRequest):
        await harness.app.bot.send_message(CHAT, "too big", reply_markup=big)
    refused(harness, "65 bytes")


async def test_edit_takes_only_inline_markup(harness: Harness) -> None:
    sent = await harness.app.bot.send_message(CHAT, "one")
    keys = ReplyKeyboardMarkup([["Help"]])
    with pytest.raises(BadRequest):
        await harness.app.bot.edit_message_text(
            "two", chat_id=CHAT, message_id=sent.message_id, reply_markup=keys
        )
    refused(harness, "only an inline keyboard")


async def test_identical_edit_is_not_modified(harness: Harness) -> None:
    sent = await harness.app.bot.send_message(CHAT, "same")
    with pytest.raises(BadRequest, match="not modified"):
        await harness.app.bot.edit_message_text("same", chat_id=CHAT, message_id=sent.message_id)
    edited = await harness.app.bot.edit_message_text(
        "new", chat_id=CHAT, message_id=sent.message_id
    )
    assert edited.text == "new" and harness.fake.errors == []  # Telegram's answer, no misuse


async def test_unknown_query_is_too_old(harness: Harness) -> None:
    with pytest.raises(BadRequest, match="too old"):
        await harness.app.bot.answer_callback_query("123")
    assert harness.fake.answered == [] and harness.fake.errors == []


async def test_sent_messages_come_back_as_telegram_sends_them(harness: Harness) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="s1:go")]])
    first = await harness.app.bot.send_message(CHAT, "hi", reply_markup=markup)
    second = await harness.app.bot.send_message(CHAT, "again", protect_content=True)
    assert second.message_id == first.message_id + 1
    assert first.reply_markup == markup and first.chat.type == "private"
    assert first.from_user is not None and first.from_user.is_bot
    assert harness.fake.last_shown().protect


def test_wire_checks() -> None:
    assert check_call("sendMessage", {"chat_id": "1", "text": "hi"}) == []
    assert check_call("sendMessage", {"chat_id": "1", "text": "hi", "protect_content": "1"})
    assert check_call("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": "{bad"})
    both = json.dumps({"inline_keyboard": [], "keyboard": []})
    assert check_call("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": both})
    no_action = json.dumps({"inline_keyboard": [[{"text": "a"}]]})
    assert check_call("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": no_action})
    assert check_call("sendMessage", {"chat_id": "1"}) == ["missing 'text'"]
    assert check_call("sendMessage", {"chat_id": "1", "text": "hi", "colour": "red"})
    assert check_call("sendPhoto", {"chat_id": "1"})
    bad_name = json.dumps([{"command": "Check-In", "description": "x"}])
    assert check_call("setMyCommands", {"commands": bad_name})
    assert check_call("setMyCommands", {"commands": "[]"})
