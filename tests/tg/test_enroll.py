"""Enrollment through taps in open mode, in English and Spanish."""

from __future__ import annotations

from bot.locales import t
from bot.store.models import Client, Consent, Conversation
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person, labels


async def test_start_in_open_mode_asks_for_a_language(harness: Harness, pat: Person) -> None:
    await pat.command("start")
    prompt = pat.keyboard()
    assert prompt.text == t("en", "enroll.language")
    assert labels(prompt) == ["English", "Español"]
    assert prompt.protect
    assert await harness.count(Client, tg_user_id=pat.id, status="enrolling") == 1


async def test_tapping_through_enrolls_and_shows_the_help_key(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    sends = harness.fake.of("sendMessage")
    keyed = [c for c in sends if "keyboard" in (c.params.get("reply_markup") or {})]
    assert [c.params["text"] for c in keyed] == [t("en", "enroll.done", time="8:00 PM")]
    markup = keyed[0].params["reply_markup"]
    assert markup["keyboard"] == [[{"text": "🆘 Help now"}]]
    assert markup["is_persistent"] is True and markup["resize_keyboard"] is True
    assert keyed[0] is sends[-2]  # the key arrives at the end, just before the menu
    assert sends[-1].params["text"] == t("en", "menu.prompt")
    [client] = await harness.rows(Client, tg_user_id=pat.id)
    assert (client.status, client.language) == ("active", "en")
    assert client.timezone == "America/New_York"
    assert client.enrolled_at is not None and client.chat_id == pat.id
    assert await harness.count(Consent, client_id=client.id) == 1
    [conv] = await harness.rows(Conversation, client_id=client.id)
    assert conv.state == "menu"
    assert harness.fake.answered == pat.query_ids and len(pat.query_ids) == 7


async def test_the_help_key_sends_help(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.say("🆘 Help now")
    last = harness.fake.texts()[-1]
    assert last.startswith(t("en", "help.title")) and "988" in last and "911" in last


async def test_spanish_speaker_is_answered_in_spanish(harness: Harness) -> None:
    ana = harness.person(5550002, lang="es")
    await ana.command("start")
    assert ana.keyboard().text == t("es", "enroll.language")
    await ana.tap("Español")
    consent = ana.keyboard()
    assert consent.text.startswith("Antes de empezar")
    assert labels(consent)[0] == "Estoy de acuerdo"
    await ana.tap("Estoy de acuerdo")
    assert ana.keyboard().text == t("es", "enroll.timezone")
    [client] = await harness.rows(Client, tg_user_id=ana.id)
    assert client.language == "es"


async def test_english_speaker_may_choose_spanish(harness: Harness, pat: Person) -> None:
    await pat.command("start")
    await pat.tap("Español")
    assert pat.keyboard().text.startswith("Antes de empezar")
    [client] = await harness.rows(Client, tg_user_id=pat.id)
    assert client.language == "es"
