"""Telegram's length limits, counted the way Telegram counts: UTF-16 code units."""

from __future__ import annotations

from bot.tg.limits import MAX_CAPTION, MAX_TEXT, callback_data_fits, clip, utf16_len
from tests.fakeapi.rules import Rules
from tests.fakeapi.spec import ApiError, load_spec
from tests.tg.checks import check_text

EMOJI = "🆘"  # outside the Basic Multilingual Plane: two UTF-16 code units


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len(EMOJI) == 2
    assert utf16_len("ñ" * 10) == 10


def test_clip_keeps_what_fits_and_marks_the_cut() -> None:
    assert clip("short") == "short"
    text = EMOJI * 3000  # 3,000 code points, 6,000 code units: Telegram refuses it
    clipped = clip(text)
    assert utf16_len(clipped) <= MAX_TEXT and clipped.endswith("…")
    assert clipped.removesuffix("…") == EMOJI * ((MAX_TEXT - 1) // 2)
    assert utf16_len(clip("x" * 5000, MAX_CAPTION)) == MAX_CAPTION


def test_clip_never_splits_a_character() -> None:
    text = "a" + EMOJI * 2048  # 4,097 code units: the last emoji cannot be half kept
    clipped = clip(text)
    assert clipped.encode("utf-16-le").decode("utf-16-le") == clipped
    assert utf16_len(clipped) <= MAX_TEXT


def test_both_fakes_refuse_by_utf16_length() -> None:
    text = EMOJI * 2049  # 2,049 code points but 4,098 code units
    assert check_text(text) != []
    assert check_text(clip(text)) == []
    rules = Rules(load_spec())
    try:
        rules.check("sendMessage", {"chat_id": 1, "text": text})
    except ApiError as exc:
        assert "too long" in exc.description
    else:
        raise AssertionError("the fake Bot API accepted a text over 4096 UTF-16 code units")
    rules.check("sendMessage", {"chat_id": 1, "text": clip(text)})


def test_callback_data_is_counted_in_bytes() -> None:
    assert callback_data_fits("s3:yes")
    assert not callback_data_fits("")
    assert not callback_data_fits("é" * 33)  # 66 bytes of UTF-8
