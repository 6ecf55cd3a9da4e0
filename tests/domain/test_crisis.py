"""Crisis screener: recall and false alarms on the labelled set, plus must-never-miss cases."""

import re

import pytest

from bot.domain.crisis.screen import Tier, screen
from tests.domain.crisis_messages import CRISIS, ORDINARY

# Accents, or a common Spanish word that English messages do not use.
_SPANISH = re.compile(
    r"[áéíóúñ¿¡]|\b(?:que|quiero|estoy|mi|mis|el|la|los|las|y|con|por|para|ya|muy|pero|hoy"
    r"|tengo|es|una|un|se|lo|le|del|al|mas|sin|esta|ayer|anoche|voy|vivir|nadie|todos|ojala"
    r"|tome|mejor|ando|fui|llevo|gracias|buenos)\b",
    re.IGNORECASE,
)


def _is_spanish(text: str) -> bool:
    return _SPANISH.search(text) is not None


def test_set_is_large_and_bilingual() -> None:
    assert len(CRISIS) >= 150
    assert len(ORDINARY) >= 150
    assert sum(_is_spanish(text) for text, _ in CRISIS) >= 40
    assert sum(_is_spanish(text) for text in ORDINARY) >= 40
    assert {tier for _, tier in CRISIS} == set(Tier)
    assert len({text for text, _ in CRISIS} | set(ORDINARY)) == len(CRISIS) + len(ORDINARY)


def test_recall_and_false_alarm_rate() -> None:
    hits = sum(screen(text) is not None for text, _ in CRISIS)
    false_alarms = sum(screen(text) is not None for text in ORDINARY)
    n, m = len(CRISIS), len(ORDINARY)
    recall, false_alarm_rate = hits / n, false_alarms / m
    print(
        f"crisis recall {recall:.3f} ({hits}/{n}); "
        f"false-alarm rate {false_alarm_rate:.3f} ({false_alarms}/{m})"
    )
    assert recall >= 0.95
    assert false_alarm_rate <= 0.10


def test_tier_accuracy_on_detected_messages() -> None:
    detected = [(tier, screen(text)) for text, tier in CRISIS if screen(text) is not None]
    right = sum(expected == found for expected, found in detected)
    accuracy = right / len(detected)
    print(f"tier accuracy {accuracy:.3f} ({right}/{len(detected)})")
    assert accuracy >= 0.85


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I took too many pills and can't stay awake", Tier.EMERGENCY),
        ("he's not breathing", Tier.EMERGENCY),
        ("no respira", Tier.EMERGENCY),
        ("I want to kill myself", Tier.CRISIS),
        ("everyone would be better off without me", Tier.CRISIS),
        ("no quiero vivir", Tier.CRISIS),
    ],
)
def test_must_never_miss(text: str, tier: Tier) -> None:
    assert screen(text) == tier


@pytest.mark.parametrize(
    "text",
    [
        "killing it at work",
        "me muero de risa",
        "I'm dying to see my kids",
        "this traffic is killing me",
        "dead tired",
        "I could murder a burger",
        "shot a great photo",
        "me mata el calor",
        "overdosed on netflix",
        "I don't want to drink",
        "no quiero beber",
        "I want a drink so bad but I won't",
    ],
)
def test_idioms_and_negations_do_not_fire(text: str) -> None:
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 5000, ("I am fine today. " * 300)[:5000], "😀🙏💔👍", "🔥" * 2000, "..."],
)
def test_odd_input_does_not_break(text: str) -> None:
    assert screen(text) is None


def test_long_message_still_screened() -> None:
    assert screen("ok. " * 1200 + "I want to kill myself") == Tier.CRISIS


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("That's odd", None),  # "odd" must not be read as "OD"
        ("my friend ODd", Tier.EMERGENCY),
        ("kmsss", Tier.CRISIS),
        ("NOOOO QUIERO VIVIR", Tier.CRISIS),
        ("i want to d!e", Tier.CRISIS),
        ("I'm suicidal but I'm safe right now", Tier.CRISIS),
        ("i'm going to overdose tonight", Tier.EMERGENCY),
        ("took 2 percocet as prescribed after my surgery", None),
    ],
)
def test_normalisation_edge_cases(text: str, tier: Tier | None) -> None:
    assert screen(text) == tier
