"""The locale catalogs agree with English: same keys, same placeholders, short button labels.

Everything is derived from the catalogs themselves, so new English keys are checked too."""

from __future__ import annotations

import string

import pytest

from bot import locales
from bot.locales import LANGUAGES

# Keys whose text is shown on a phone button and must stay short. An entry ending in "." or
# "_" names a family of keys; any other entry names one key and its ".sub" keys, so
# "enroll.decline" covers neither "enroll.declined" nor "tr.none" "tr.none_selected".
BUTTON_KEYS: tuple[str, ...] = (
    "menu.",
    "step.",
    "opt.",
    "cat.",
    "settings.",
    "cope.helped",
    "enroll.accept",
    "enroll.decline",
    "safe.",
    "delete.yes",
    "delete.no",
    "ci.replace_",
    "tr.none",
    "tr.groups",
    "help.key",
)
BUTTON_MAX = 32
# Families like "menu." and "step." also hold whole messages ("menu.busy"). Whether a key is a
# message is read from its English text, so a translation cannot change the answer: a message
# ends like a sentence, a button label does not ("◀ Back", "Skip ▶").
SENTENCE_ENDS = (".", "?", "!", ":")
MIN_TRANSLATED_SHARE = 0.9


def catalog(lang: str) -> dict[str, str]:
    """Every catalog of the language merged (the main one and the insights one)."""
    return locales.catalog(lang)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def matches(key: str, entry: str) -> bool:
    if entry.endswith((".", "_")):
        return key.startswith(entry)
    return key == entry or key.startswith(entry + ".")


def is_message(key: str) -> bool:
    return EN[key].rstrip().endswith(SENTENCE_ENDS)


def is_button(key: str) -> bool:
    return any(matches(key, entry) for entry in BUTTON_KEYS) and not is_message(key)


EN = catalog("en")
OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != "en"]


def test_english_is_a_supported_language() -> None:
    assert "en" in LANGUAGES
    assert EN


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_keys_as_english(lang: str) -> None:
    texts = catalog(lang)
    missing = sorted(set(EN) - set(texts))
    extra = sorted(set(texts) - set(EN))
    assert not missing and not extra, f"{lang}: missing keys {missing}, extra keys {extra}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_placeholders_as_english(lang: str) -> None:
    texts = catalog(lang)
    wrong = {
        key: (sorted(placeholders(texts[key])), sorted(placeholders(EN[key])))
        for key in sorted(set(EN) & set(texts))
        if placeholders(texts[key]) != placeholders(EN[key])
    }
    assert not wrong, f"{lang}: placeholders differ from English (theirs, English): {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_renders(lang: str) -> None:
    texts = catalog(lang)
    for key, text in texts.items():
        params = {name: "x" for name in placeholders(text)}
        assert text.format(**params), f"{lang}: {key} renders empty"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_is_empty(lang: str) -> None:
    empty = sorted(key for key, text in catalog(lang).items() if not text.strip())
    assert not empty, f"{lang}: empty texts {empty}"


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_translated_not_copied(lang: str) -> None:
    texts = catalog(lang)
    shared = sorted(set(EN) & set(texts))
    same = [key for key in shared if texts[key] == EN[key]]
    share = 1 - len(same) / len(shared)
    assert share >= MIN_TRANSLATED_SHARE, (
        f"{lang}: only {share:.0%} of texts differ from English; identical: {same}"
    )


def test_every_button_entry_still_names_a_button() -> None:
    stale = [e for e in BUTTON_KEYS if not any(matches(k, e) and is_button(k) for k in EN)]
    assert not stale, f"BUTTON_KEYS entries that match no English button label: {stale}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_button_labels_are_short(lang: str) -> None:
    long_labels = {
        key: f"{text!r} ({len(text)})"
        for key, text in sorted(catalog(lang).items())
        if key in EN and is_button(key) and len(text) > BUTTON_MAX
    }
    assert not long_labels, f"{lang}: button labels over {BUTTON_MAX} characters: {long_labels}"


def test_each_language_names_its_own_commands() -> None:
    """Spanish texts name the Spanish commands (/ajustes, not /settings), English the English."""
    import re

    from bot.domain.conversation.aliases import SPANISH
    from bot.locales import catalog

    # The staff web view's texts (keys "web.") may also name /web, the staff's sign-in
    # command, which is the same in both languages.
    for lang, names in (("en", set(SPANISH)), ("es", set(SPANISH.values()) | {"sos"})):
        for key, text in catalog(lang).items():
            allowed = names | {"web"} if key.startswith("web.") else names
            for name in re.findall(r"(?<![\w.])/([a-z_]+)\b", text):
                assert name in allowed, (lang, key, name)
