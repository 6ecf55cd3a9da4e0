"""Crisis-language screener: which safety script, if any, a free-text message calls for.

Pure and standard library only; English and Spanish. It favours recall (CLINICAL.md 3.2):
help shown to someone who did not need it costs little, a missed crisis costs a great deal.
The rules live in `bot.domain.crisis.patterns`; this module normalises text and applies them.
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum

from bot.domain.crisis import patterns as cp


class Tier(IntEnum):
    """The scripted reply a message calls for; a lower number is more urgent."""

    EMERGENCY = 1  # overdose now, unresponsive or not breathing, intent with means or "now"
    CRISIS = 2  # suicidal thoughts, self-harm, harm to others, abuse or threats
    LAPSE = 3  # the client reports their own alcohol or drug use
    POISON = 4  # accidental dose or swallowed household product, no sign of collapse
    CHECK = 5  # something heavy but no tier is clear, or a denial: a calm safety check


_RULES_BY_TIER: tuple[tuple[Tier, tuple[cp.Rule, ...]], ...] = (
    (Tier.EMERGENCY, cp.EMERGENCY),
    (Tier.CRISIS, cp.CRISIS),
    (Tier.LAPSE, cp.LAPSE),
    (Tier.POISON, cp.POISON),
)


def screen(text: str) -> Tier | None:
    """The most urgent tier whose rules match `text`, or None."""
    normal = normalize(text)
    if not normal.strip(" ."):
        return None
    for tier, rules in _RULES_BY_TIER:
        if any(_fires(rule, normal) for rule in rules):
            return tier
    return None


# --- normalisation ------------------------------------------------------------------------

_JOKE_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f639\U0001f480]")
# "OD", "ODd", "OD'ing": upper case tells the abbreviation from the word "odd".
_OD_UPPER = re.compile(r"\bOD(['’]?[dD]|['’]?(?:ed|ED|ing|ING|in|IN))?\b")
_OD_LOWER = re.compile(r"\bod(['’]d|['’]?ed|['’]?ing|['’]?in)?\b")
_APOSTROPHES = re.compile("['’‘`´]")
# Symbols standing for letters inside a word: "d!e", "k1ll", "su1c1de", "$elf".
_LEET = re.compile(r"(?<=[a-z])[!1|@0$3](?=[a-z])|(?<![a-z0-9])\$(?=[a-z])")
_LEET_LETTERS = {"!": "i", "1": "i", "|": "i", "@": "a", "0": "o", "$": "s", "3": "e"}
_SENTENCE_BREAK = re.compile(r"[.!?;:,\n\r\t…]+")
_NOT_WORD = re.compile(r"[^a-z0-9. ]+")
_LONG_RUN = re.compile(r"([a-z])\1{2,}")
_ANY_RUN = re.compile(r"([a-z])\1+")
_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in cp.PHRASES) + r")\b")
_STRETCHED = {_ANY_RUN.sub(r"\1", word): word for word in cp.STRETCHABLE}


def normalize(text: str) -> str:
    """Lowercase ASCII words, slang expanded, sentence breaks as " . " tokens."""
    text = _JOKE_EMOJI.sub(" lol ", text)
    text = _OD_UPPER.sub(_expand_od, text)
    text = _OD_LOWER.sub(_expand_od, _strip_accents(text).lower())
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    text = _LEET.sub(lambda m: _LEET_LETTERS[m.group(0)], text)
    text = _NOT_WORD.sub(" ", _SENTENCE_BREAK.sub(" . ", text))
    text = _LONG_RUN.sub(r"\1\1", text)
    text = " ".join(_fix_word(word) for word in text.split())
    return _PHRASE.sub(lambda m: cp.PHRASES[m.group(0)], text)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _expand_od(match: re.Match[str]) -> str:
    suffix = _APOSTROPHES.sub("", match.group(1) or "").lower()
    if suffix in ("d", "ed"):
        return "overdosed"
    return "overdosing" if suffix else "overdose"


def _fix_word(word: str) -> str:
    """Expand slang; undo stretching ("diieee" -> "die") for the words that matter."""
    # Only known words are un-stretched: squeezing "odd" would turn it into "od" (overdose).
    word = _STRETCHED.get(_ANY_RUN.sub(r"\1", word), word)
    return cp.SLANG.get(word, word)


# --- rule matching ------------------------------------------------------------------------


def _fires(rule: cp.Rule, text: str) -> bool:
    if not all(need.search(text) for need in rule.needs):
        return False
    return any(_counts(rule, text, match) for match in rule.pattern.finditer(text))


def _counts(rule: cp.Rule, text: str, match: re.Match[str]) -> bool:
    """Whether a match stands, given its clause (the text between sentence breaks)."""
    starts = [match.start(g) for g in rule.pattern.groupindex if match.start(g) >= 0]
    anchor = min(starts, default=match.start())
    previous_break = text.rfind(" . ", 0, anchor)
    clause_start = 0 if previous_break < 0 else previous_break + 3
    clause_end = text.find(" . ", match.end())
    clause_end = len(text) if clause_end < 0 else clause_end
    if rule.unless and rule.unless.search(text, clause_start, clause_end):
        return False
    before = text[clause_start:anchor].split()[-rule.window :]
    return not rule.blockers.intersection(before)
