"""Crisis language over Telegram: the scripted reply, its buttons, and what is recorded."""

from __future__ import annotations

from bot.domain.content import Helplines
from bot.domain.conversation.replies import numbers
from bot.locales import t
from bot.store.models import CheckIn, Client, CopingOutcome, CrisisEvent
from tests.tg import updates as u
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person, labels

SUICIDAL = t("en", "crisis.suicidal", **numbers(Helplines(), "en"))


async def test_stranger_in_crisis_gets_the_script(harness: Harness, pat: Person) -> None:
    await pat.say("I want to kill myself")
    texts = harness.fake.texts()
    assert texts[0] == SUICIDAL
    assert texts[-1] == t("en", "join.open")  # open enrollment here: how to begin
    [event] = await harness.rows(CrisisEvent)
    assert (event.client_id, event.tier, event.source) == (None, 2, "text")
    assert await harness.count(Client) == 0


async def test_client_in_crisis_is_asked_if_safe(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.say("I want to kill myself")
    script = pat.keyboard()
    assert script.text == SUICIDAL
    assert labels(script)[:2] == [t("en", "safe.yes"), t("en", "safe.no")]
    [client] = await harness.rows(Client)
    assert await harness.count(CrisisEvent, client_id=client.id, tier=2) == 1
    await pat.tap(t("en", "safe.no"))
    sent = harness.fake.of("sendMessage")[-1]
    assert sent.params["text"].startswith("Please call 911 now, or call 988")
    assert sent.params["reply_markup"]["keyboard"] == [[{"text": "🆘 Help now"}]]
    assert await harness.count(CrisisEvent, client_id=client.id, source="safety_button") == 1


async def test_coping_rating_is_counted_once(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.tap_through("🌊 Log a craving", "9", "None today", "Nothing yet")
    # "Logged." starts the offer (the wave is left to the urge-surfing card a 9 brings).
    [offer] = [m for m in pat.shown() if m.text.startswith(t("en", "cr.saved_short"))]
    helped = t("en", "cope.helped.y")
    assert labels(offer)[0] == helped
    await pat.tap(helped, on=offer)
    await pat.tap(helped, on=offer)
    assert await harness.count(CopingOutcome, helped="y") == 1
    assert harness.fake.texts()[-1] == t("en", "cope.noted")


async def test_crisis_words_in_a_photo_caption_are_screened(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    update = u.media(harness.next_id(), pat.user, "photo")
    update["message"]["caption"] = "I want to kill myself"
    await harness.deliver(update)
    assert SUICIDAL in harness.fake.texts()
    assert await harness.count(CrisisEvent, tier=2) == 1


async def test_crisis_words_after_a_stray_slash_are_screened(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    await pat.say("/ i took too many pills and cant wake him")
    assert await harness.count(CrisisEvent, tier=1) == 1
    assert t("en", "cmd.unknown") not in harness.fake.texts()


async def test_crisis_words_after_a_command_are_screened(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    await pat.say("/checkin I want to kill myself")
    assert SUICIDAL in harness.fake.texts()


async def test_checkin_safety_yes_shows_the_menu_only_after_im_safe(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    await pat.tap("✅ Check in")
    skip = t("en", "step.skip")
    await pat.tap_through("1", skip, skip, skip, skip, t("en", "tr.none"), skip)
    before = len(harness.fake.of("sendMessage"))
    await pat.tap(t("en", "opt.safety.yes"))
    sent = [c.params["text"] for c in harness.fake.of("sendMessage")[before:]]
    assert sent == [SUICIDAL]  # no "saved", no coping card, no menu
    [row] = await harness.rows(CheckIn)
    assert (row.mood, row.safety) == (1, "yes")
    await pat.tap(t("en", "safe.yes"))
    after = harness.fake.of("sendMessage")[-1].params
    assert after["text"].startswith(t("en", "safe.thanks", crisis="988"))
    assert after["text"].endswith(t("en", "menu.prompt"))
    assert "m:checkin" in str(after["reply_markup"])


async def test_before_a_language_is_chosen_a_spanish_crisis_gets_the_spanish_script(
    harness: Harness, pat: Person
) -> None:
    """Pat's phone is in English; written in Spanish, the reply is too (issue 8). At the
    language step, /ayuda (the Spanish name of /help) answers in Spanish as well."""
    await pat.say("me quiero morir")
    texts = harness.fake.texts()
    assert texts[0] == t("es", "crisis.suicidal", **numbers(Helplines(), "es"))
    assert texts[-1] == t("es", "join.open")
    await pat.command("start")
    await pat.say("mi hijo se tomo cloro")
    assert harness.fake.texts()[-3:-1] == [
        t("es", "crisis.poison", **numbers(Helplines(), "es")),
        t("es", "crisis.resume"),
    ]
    await pat.command("ayuda")
    assert harness.fake.texts()[-3].startswith(t("es", "help.title"))
    await pat.say("I relapsed last night")
    assert harness.fake.texts()[-3:-1] == [t("en", "crisis.lapse"), t("en", "crisis.resume")]
    assert await harness.count(Client) == 1
