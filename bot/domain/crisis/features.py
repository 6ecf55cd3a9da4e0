"""Text -> the crisis model's input: hashed character and word n-grams, plus the rules' say.

Pure and standard library only, so the bot and the build tool (`tools/crisis_model.py`) turn a
message into exactly the same numbers. Character n-grams (2 to 5 letters, inside word
boundaries) carry typos, stretched letters and shared stems across English and Spanish; word
unigrams and bigrams come from the rules' normalisation (accents off, slang and "OD" expanded);
emoji are tokens of their own; the tier the hand-written rules give is one more feature, so
the model learns how far to trust them. Each n-gram is hashed (CRC-32) into `DIM` buckets.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence

from bot.domain.crisis.written import strip_accents

DIM = 1 << 18  # hashed buckets; the rule features sit after them
RULE_FEATURES = ("rule:1", "rule:2", "rule:3", "rule:4")
WIDTH = DIM + len(RULE_FEATURES)
_TOKEN = re.compile(r"[a-z0-9]+|[^\sa-z0-9.,;:!?'\"()\-]")
_RUN = re.compile(r"(.)\1{2,}")
NEGATIONS = frozenset({
    "not", "no", "dont", "didnt", "doesnt", "never", "wont", "wouldnt", "isnt", "aint",
    "havent", "nunca", "ni", "jamas", "tampoco",
})  # fmt: skip


def light(text: str) -> str:
    """Lowercase, accents off, apostrophes gone, a letter run of three or more cut to two."""
    plain = strip_accents(text.lower())
    return _RUN.sub(r"\1\1", plain.replace("’", "").replace("'", ""))


def grams(text: str, normalized: str) -> Counter[str]:
    """The n-grams of a message: `normalized` is the rules' normalisation of `text`."""
    found: Counter[str] = Counter()
    for token in _TOKEN.findall(light(text)):
        if not token.isalnum():
            found["e" + token] += 1  # an emoji or symbol: meaning of its own
            continue
        padded = f" {token} "
        for n in (2, 3, 4, 5):
            for i in range(len(padded) - n + 1):
                found["c" + padded[i : i + n]] += 1
    words = _negated(normalized.split())
    for word in words:
        found["w" + word] += 1
    for first, second in itertools.pairwise(words):
        found["b" + first + " " + second] += 1
    return found


def _negated(words: list[str]) -> list[str]:
    """Words within three after a negation ("no quiero beber", "dont want to drink") are marked
    "~word", so "want to drink" and "dont want to drink" are different features."""
    out: list[str] = []
    left = 0
    for word in words:
        if word == ".":
            left = 0
        elif word in NEGATIONS:
            left = 3
        elif left:
            left -= 1
            word = "~" + word
        out.append(word)
    return out


def bucket(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8")) % DIM


def counts(text: str, normalized: str, rule_tier: int | None) -> dict[int, float]:
    """Sublinear term frequencies per column (1 + ln count); the rule tier as a 1."""
    row: dict[int, float] = {}
    for gram, n in grams(text, normalized).items():
        column = bucket(gram)
        row[column] = row.get(column, 0.0) + 1.0 + math.log(n)
    if rule_tier is not None and 1 <= rule_tier <= len(RULE_FEATURES):
        row[DIM + rule_tier - 1] = 1.0
    return row


def weighted(
    row: dict[int, float], idf: Sequence[float] | Mapping[int, float]
) -> dict[int, float]:
    """TF-IDF of the n-grams scaled to unit length; the rule columns stay 1."""
    out = {k: v * idf[k] for k, v in row.items() if k < DIM}
    norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
    scaled = {k: v / norm for k, v in out.items()}
    scaled.update((k, v) for k, v in row.items() if k >= DIM)
    return scaled
