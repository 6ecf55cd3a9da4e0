"""Parsers for typed answers: times, time zones, phone numbers, 0-10 scales. Pure functions."""

from __future__ import annotations

import re

from bot.domain.zones import fold, resolve_zone

_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
_PHONE_OK = re.compile(r"^\+?[\d\s().\-]{7,24}$")


def parse_timezone(text: str) -> str | None:
    """An IANA zone from a typed name ('America/Chicago', 'chicago', 'Pacific', 'EST',
    'hora del este'), or None; the one alias table staff use too (`bot.domain.zones`)."""
    return resolve_zone(text)


# Said instead of am/pm, in either language ("9 de la noche", "7 in the evening").
_PARTS_OF_DAY = (
    ("de la manana", "am"), ("de la madrugada", "am"), ("in the morning", "am"),
    ("de la tarde", "pm"), ("de la noche", "pm"), ("in the afternoon", "pm"),
    ("in the evening", "pm"), ("at night", "pm"),
)  # fmt: skip
_NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "mediodia": "12:00", "medio dia": "12:00",
                "midnight": "00:00", "medianoche": "00:00"}  # fmt: skip


def _plain_time(text: str) -> str:
    """A typed time with its am/pm written one way: '9:00 p. m.' -> '9:00 pm', '9 de la
    noche' -> '9 pm', '21 h' -> '21'."""
    s = " ".join(fold(text).split())
    s = re.sub(r"\s*o'?\s*clock\b", "", s)
    s = re.sub(r"\s*\b(?:h|hs|hrs|horas|hours)$", "", s)
    for words, suffix in _PARTS_OF_DAY:
        if s.endswith(words):
            s = s[: -len(words)].strip() + " " + suffix
    # "a. m.", "p.m", "P. M." -> am / pm
    return re.sub(r"\b([ap])\s*\.?\s*m\s*\.?$", r"\1m", s)


def parse_time(text: str) -> str | None:
    """'HH:MM' from '19:30', '7:30 pm', '7pm', '19.30', '19h30', '9 a. m.', '21 h', '9 de la
    noche', 'noon' or 'mediodía'; None if not a time."""
    plain = _plain_time(text)
    if plain in _NAMED_TIMES:
        return _NAMED_TIMES[plain]
    match = _TIME.match(plain)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def parse_phone(text: str) -> str | None:
    """The number as typed (trimmed) if it has 7 to 15 digits and nothing else odd."""
    value = text.strip()
    digits = sum(c.isdigit() for c in value)
    return value if _PHONE_OK.match(value) and 7 <= digits <= 15 else None


def parse_scale(text: str) -> int | None:
    """0-10 from '7', ' 7 ', '7/10'; None otherwise."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*(?:/\s*10)?\s*", text)
    if not match or int(match.group(1)) > 10:
        return None
    return int(match.group(1))


def label_key(text: str) -> str:
    """A typed or shown label reduced to lower-case words: '◀ Back' and 'back' match."""
    kept = "".join(c for c in fold(text) if c.isalnum() or c.isspace())
    return " ".join(kept.split())


def label_matches(label: str, typed: str) -> bool:
    """Whether `typed` names the button `label`: the same words, any case, accents, emoji or
    punctuation ('◀ Back' and 'back'); a number only as itself ('-1' or '1.0' is not '1')."""
    key = label_key(label)
    if key.isdigit():
        return typed.strip() == label.strip()
    return bool(key) and key == label_key(typed)


# Words typed for a step's navigation buttons, besides their labels in either language.
NAV_WORDS: dict[str, frozenset[str]] = {
    "skip": frozenset({"skip", "next", "pass", "omitir", "saltar", "pasar", "siguiente"}),
    "back": frozenset({"back", "go back", "previous", "atras", "volver", "regresar"}),
    "done": frozenset({"done", "finish", "finished", "listo", "lista", "terminar", "termine"}),
    "none": frozenset({"none", "none today", "nothing", "no triggers", "nada", "nada hoy"})
    | frozenset({"ninguno", "ninguno hoy", "ninguna"}),
}
# Typed on its own in a flow, these leave it as /cancel does (nothing saved).
CANCEL_WORDS = frozenset(
    {"cancel", "stop", "quit", "exit", "cancelar", "parar", "salir", "detener", "basta"}
)
# Typed answers to a yes/no question, in either language (folded: "sí" is "si").
YES_WORDS = frozenset(
    {"yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "agree", "i agree", "of course"}
    | {"si", "s", "claro", "vale", "dale", "acepto", "de acuerdo", "esta bien", "por supuesto"}
)
NO_WORDS = frozenset(
    {"no", "n", "nope", "nah", "no thanks", "no thank you", "i do not agree", "i dont agree"}
    | {"no gracias", "no acepto", "no estoy de acuerdo"}
)


def yes_no(text: str) -> str | None:
    """ "yes" or "no" for a typed answer to a yes/no question, else None."""
    typed = label_key(text)
    return "yes" if typed in YES_WORDS else "no" if typed in NO_WORDS else None


_SET_APART = re.compile(r"\s*([a-z]+)\s*[,.;:!-]")
# "Sometimes", "kind of", "a veces": to a question about thoughts of death or self-harm, a
# hedged answer is a yes (docs/clinical.md, Daily check-in: any yes is followed up).
_HEDGES = re.compile(
    r"\b(?:sometimes|some times|kind of|kinda|sort of|maybe|a little|a bit|at times|once or"
    r" twice|a veces|aveces|tal vez|talvez|quizas|quiza|un poco|algo|mas o menos|de vez en"
    r" cuando)\b"
)


def safety_answer(text: str) -> str | None:
    """A typed answer to the check-in's safety question: "yes" for any hedge ("yeah
    sometimes", "kind of", "sí, a veces") or a yes set apart by a comma or a stop ("yes. it
    was a bad night"); "no" for a no set apart the same way ("no, im good"); else None, and
    the question is asked again. "no sé si estoy bien" and "no estoy bien" are no "no", and
    "si" alone before more words may be Spanish "if": only the comma or stop decides."""
    exact = yes_no(text)
    if exact is not None:
        return exact
    if _HEDGES.search(label_key(text)):
        return "yes"
    head = _SET_APART.match(fold(text))
    if head is None:
        return None
    word = label_key(head.group(1))
    return "yes" if word in YES_WORDS else "no" if word in NO_WORDS else None
