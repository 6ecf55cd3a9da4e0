"""What is answered without the database: help and crisis only, from the static scripts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.urgent import urgent_effects
from bot.locales import t

CTX = m.Ctx(now=datetime(2026, 11, 26, 18, 0, tzinfo=UTC))


def kinds(effects: list[m.Effect] | None) -> list[str]:
    return [type(e).__name__ for e in effects or ()]


@pytest.mark.parametrize(
    "event",
    [m.Command("help"), m.Command("sos"), m.Command("ayuda"), m.Text("help"),
     m.Text(t("en", "help.key")), m.Button("m:help")],
)  # fmt: skip
def test_help_requests_get_the_help_text(event: m.Event) -> None:
    found = urgent_effects(event, CTX, "en")
    assert kinds(found) == ["Reply"]
    assert found is not None and isinstance(found[0], m.Reply)
    assert found[0].text.startswith(t("en", "help.title")) and found[0].urgent


@pytest.mark.parametrize(
    ("event", "lang", "source"),
    [(m.Text("i want to end my life tonight"), "en", "text"),
     (m.Edit("quiero matarme esta noche"), "es", "edit"),
     (m.Media("photo", "i want to end my life tonight"), "en", "text")],
)  # fmt: skip
def test_crisis_language_gets_its_script_and_a_record(
    event: m.Event, lang: str, source: str
) -> None:
    found = urgent_effects(event, CTX, lang)
    assert kinds(found) == ["Reply", "RecordCrisis"]
    assert found is not None
    record = found[1]
    # Suicidal intent with a time: tier 1, its own reply (not the overdose steps).
    assert record == m.RecordCrisis(1, source, "crisis.emergency_intent")
    assert isinstance(found[0], m.Reply) and found[0].urgent


def test_help_with_crisis_words_gets_both() -> None:
    found = urgent_effects(m.Command("help", "i want to end my life tonight"), CTX, "en")
    assert kinds(found) == ["Reply", "RecordCrisis", "Reply"]


def test_not_safe_is_an_emergency_record() -> None:
    found = urgent_effects(m.Button("g:safe:n"), CTX, "en")
    assert found is not None and found[1] == m.RecordCrisis(1, "safety_button", "safe.danger")


@pytest.mark.parametrize(
    "event",
    [m.Text("rough day at work"), m.Button("g:safe:y"), m.Button("s3:yes"),
     m.Command("checkin"), m.Media("sticker"), m.Edit("see you tomorrow")],
)  # fmt: skip
def test_everything_else_waits_for_the_database(event: m.Event) -> None:
    assert urgent_effects(event, CTX, "en") is None
