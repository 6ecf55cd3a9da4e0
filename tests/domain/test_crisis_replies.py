"""What the bot says once a tier is known (docs/clinical.md, Crisis tiers), in both languages."""

from __future__ import annotations

import pytest

from bot.domain.conversation import machine
from bot.domain.conversation import model as m
from bot.domain.conversation.crisis_replies import crisis_effects, lapse_script
from bot.domain.conversation.replies import numbers
from bot.domain.crisis.screen import Tier
from bot.locales import LANGUAGES, t
from tests.domain.helpers import NOW, Driver

CTX = m.Ctx(now=NOW, profile=m.Profile(status="active"))
CHECK = {
    "en": "That sounds heavy. Are you safe right now?",
    "es": "Eso suena muy duro. ¿Está a salvo ahora mismo?",
}
SAFE_BUTTONS = {
    "en": ("I'm safe", "I need help now"),
    "es": ("Estoy a salvo", "Necesito ayuda ya"),
}


def driver(
    lang: str, state: m.State = m.State.MENU, name: str | None = None, phone: str | None = None
) -> Driver:
    """A client speaking `lang`, sitting in `state`, with a support person if given."""
    profile = m.Profile(status="active", language=lang, support_name=name, support_phone=phone)
    return Driver(state, m.Ctx(now=NOW, profile=profile))


def test_check_is_tier_5() -> None:
    assert Tier.CHECK == 5 and Tier(5) is Tier.CHECK


@pytest.mark.parametrize("lang", LANGUAGES)
def test_safety_check_is_short_calm_and_asks_with_two_buttons(lang: str) -> None:
    reply, record = crisis_effects(5, "text", CTX, lang)
    assert isinstance(reply, m.Reply)
    assert reply.text == CHECK[lang]
    assert [[(c.label, c.data) for c in row] for row in reply.buttons] == [
        [(SAFE_BUTTONS[lang][0], "g:safe:y"), (SAFE_BUTTONS[lang][1], "g:safe:n")]
    ]
    assert record == m.RecordCrisis(5, "text", "crisis.check")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("tap", "key", "recorded"),
    [
        ("g:safe:y", "safe.thanks", []),
        ("g:safe:n", "safe.danger", [m.RecordCrisis(1, "safety_button", "safe.danger")]),
    ],
)
def test_the_check_is_answered_by_the_safety_buttons(
    lang: str, tap: str, key: str, recorded: list[m.Effect]
) -> None:
    d = driver(lang, m.State.CI_MOOD)
    d.draft = {"flow": "checkin", "a": {}, "seq": 3, "date": "2026-11-26"}
    d.send(m.Button(tap))
    first = t(lang, key, crisis="988", emergency="911").split("\n")[0]
    assert d.said().startswith(first)
    assert [e for e in d.last if isinstance(e, m.RecordCrisis)] == recorded
    assert d.state is m.State.CI_MOOD  # a tap on "Are you safe?" never leaves a step


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_screened_check_comes_first_and_the_step_goes_on(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(machine, "screen", lambda text: Tier.CHECK)
    d = driver(lang)
    d.cmd("checkin")
    d.text("5")
    assert d.replies()[0].text == CHECK[lang]
    assert m.RecordCrisis(5, "text", "crisis.check") in d.last
    assert d.state is m.State.CI_CRAVING and d.draft["a"]["mood"] == 5


# ---- the lapse reply, by substance (docs/clinical.md, Crisis tiers) --------------------------

LAPSE_SCRIPTS = ("crisis.lapse", "crisis.lapse_alcohol", "crisis.lapse_non_opioid")
NALOXONE = {"en": ("naloxone", "Fentanyl"), "es": ("naloxona", "fentanilo")}
ALCOHOL_ADVICE = {
    "en": ("Don't drive", "sleeping pills", "opioids", "stopping all at once", "program"),
    "es": ("No maneje", "pastillas para dormir", "opioides", "de golpe", "programa"),
}
NOT_ALONE = {"en": "Don't use alone", "es": "No consuma a solas"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", LAPSE_SCRIPTS)
def test_every_lapse_script_keeps_no_judgment_and_the_tolerance_warning(
    lang: str, key: str
) -> None:
    text = t(lang, key)
    no_judgment, tolerance = t(lang, "crisis.lapse").split("\n")[:2]
    assert text.startswith(no_judgment + "\n")
    assert tolerance.split(".")[0] in text  # "...after a break your body handles less..."
    assert all(word in text for word in NALOXONE[lang]) is (key == "crisis.lapse")
    assert all(word in text for word in ALCOHOL_ADVICE[lang]) is (key == "crisis.lapse_alcohol")
    assert (NOT_ALONE[lang] in text) is (key != "crisis.lapse_alcohol")


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("en", "I relapsed and drank last night", "crisis.lapse_alcohol"),
        ("en", "I relapsed on heroin last night", "crisis.lapse"),
        ("en", "I used last night", "crisis.lapse"),
        ("en", "I used meth yesterday", "crisis.lapse_non_opioid"),
        ("en", "I smoked weed last night", "crisis.lapse_non_opioid"),
        ("es", "me tomé unas cervezas, recaí", "crisis.lapse_alcohol"),
        ("es", "recaí con heroína anoche", "crisis.lapse"),
        ("es", "recaí anoche", "crisis.lapse"),
        ("es", "recaí con perico", "crisis.lapse_non_opioid"),
        ("es", "fumé mota anoche, recaí", "crisis.lapse_non_opioid"),
    ],
)
@pytest.mark.parametrize("where", ["menu", "stranger", "command", "caption"])
def test_typed_use_gets_the_script_for_its_substance(
    lang: str, text: str, key: str, where: str
) -> None:
    d = driver(lang, m.State.STRANGER if where == "stranger" else m.State.MENU)
    if where == "command":
        d.cmd("today", text)
    elif where == "caption":
        d.send(m.Media("photo", text))
    else:
        d.text(text)
    assert m.RecordCrisis(3, "text", key) in d.last
    assert d.replies()[0].text == t(lang, key)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("use", "key"), [("alcohol", "crisis.lapse_alcohol"), ("other", "crisis.lapse")]
)
def test_checkin_use_answer_gets_the_script_for_its_substance(
    lang: str, use: str, key: str
) -> None:
    d = driver(lang)
    d.cmd("checkin")
    d.tap("5")
    d.tap("5")
    d.tap(use)
    assert d.replies()[0].text == t(lang, key)
    assert d.state is m.State.CI_SLEEP and d.draft["a"]["use"] == use


def test_crisis_effects_is_backward_compatible_without_a_substance() -> None:
    reply, record = crisis_effects(3, "text", CTX, "en")
    assert isinstance(reply, m.Reply) and reply.text == t("en", "crisis.lapse")
    assert record == m.RecordCrisis(3, "text", "crisis.lapse")


# ---- the overdose reply's Good Samaritan sentence --------------------------------------------

GOOD_SAMARITAN = {
    "en": "Most US states have Good Samaritan laws that protect people who call for help in an "
    "overdose.",
    "es": "La mayoría de los estados de EE. UU. tienen leyes del Buen Samaritano que protegen a "
    "quienes llaman para pedir ayuda por una sobredosis.",
}
STATE_NOTE = "Florida's 911 Good Samaritan Act protects you and the person you call for."


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("note", [None, STATE_NOTE])
def test_overdose_reply_names_good_samaritan_laws_or_the_deployments_own(
    lang: str, note: str | None
) -> None:
    ctx = m.Ctx(now=NOW, helplines=m.Helplines(good_samaritan_note=note))
    reply, record = crisis_effects(1, "text", ctx, lang)
    assert isinstance(reply, m.Reply) and record == m.RecordCrisis(1, "text", "crisis.emergency")
    assert (GOOD_SAMARITAN[lang] in reply.text) is (note is None)
    assert (STATE_NOTE in reply.text) is (note is not None)
    assert "Florida" not in reply.text or note is not None
    automated = t(lang, "crisis.emergency", good_samaritan="", emergency="").splitlines()[-1]
    assert reply.text.endswith("\n" + automated)  # still says it cannot call for help


@pytest.mark.parametrize(
    ("substance", "key"),
    [
        (None, "crisis.lapse"), ("opioid", "crisis.lapse"), ("alcohol", "crisis.lapse_alcohol"),
        ("stimulant", "crisis.lapse_non_opioid"), ("cannabis", "crisis.lapse_non_opioid"),
        ("benzo", "crisis.lapse_non_opioid"), ("kratom", "crisis.lapse"),
    ],
)  # fmt: skip
def test_lapse_script_keeps_naloxone_unless_the_drug_is_known_not_to_be_an_opioid(
    substance: str | None, key: str
) -> None:
    assert lapse_script(substance) == key
    assert crisis_effects(3, "text", CTX, "en", substance=substance)[1] == m.RecordCrisis(
        3, "text", key
    )


# ---- tier 1: suicidal intent gets its own emergency reply, an overdose the overdose steps ----

VIOLENCE = "crisis.emergency_violence"
OVERDOSE_STEPS = {"en": ("naloxone", "rescue breaths"), "es": ("naloxona", "respiración")}
INTENT_STEPS = {
    "en": ("988", "Stay with someone", "distance between you and anything you could use"),
    "es": ("988", "Quédese con alguien", "Aléjese de lo que podría usar"),
}
VIOLENCE_STEPS = {
    "en": ("leave the line open", "Get out if you can", "1-800-799-7233", "not your fault"),
    "es": ("deje la línea abierta", "Salga si puede", "1-800-799-7233", "No es su culpa"),
}
STEPS = {
    "crisis.emergency": OVERDOSE_STEPS, "crisis.emergency_intent": INTENT_STEPS,
    VIOLENCE: VIOLENCE_STEPS,
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("en", "i want to end my life tonight", "crisis.emergency_intent"),
        ("en", "standing on the overpass looking down, im sorry mom", "crisis.emergency_intent"),
        (
            "en",
            "my husband says hes going to shoot himself, hes in the garage with the gun",
            "crisis.emergency_intent",
        ),
        ("en", "gonna take all my pills tonight", "crisis.emergency_intent"),
        ("es", "voy a terminar con todo esta noche, ya tengo con qué", "crisis.emergency_intent"),
        ("es", "tengo la soga lista en el cuarto", "crisis.emergency_intent"),
        # Pills held, not yet taken: away from the means, not the overdose steps (issue 8).
        ("en", "I have the pills in my hand", "crisis.emergency_intent"),
        ("es", "tengo las pastillas en la mano", "crisis.emergency_intent"),
        ("en", "i have the pills in my hand and he is not breathing", "crisis.emergency"),
        ("en", "my friend is not breathing", "crisis.emergency"),
        ("en", "took them all. bye", "crisis.emergency"),
        ("en", "swallowed every pill in the house. sorry", "crisis.emergency"),
        ("en", "i want to kill myself, i already took all my pills", "crisis.emergency"),
        ("es", "mi hermano no despierta y tiene los labios morados", "crisis.emergency"),
        ("es", "ya me tomé todas las pastillas, perdónenme", "crisis.emergency"),
        # Violence now gets its own reply (get away, the line left open), not the overdose
        # steps: issue 8, item 2 ("violence happening now ... 911 first").
        ("en", "he has a gun and says hell kill me, hes in the kitchen", VIOLENCE),
        ("es", "mi ex está afuera con una pistola, dice que me va a matar", VIOLENCE),
        ("en", "my stepdad has a gun to my moms head", VIOLENCE),
        ("es", "hay un hombre con un cuchillo afuera de mi casa", VIOLENCE),
        ("en", "someones breaking into the apartment right now", VIOLENCE),
        ("es", "me está pegando mi esposo ahorita", VIOLENCE),
        ("en", "he stabbed me and im bleeding", VIOLENCE),
        ("es", "mi esposo me golpeó y estoy sangrando mucho", VIOLENCE),
        # Violence and something taken: the overdose steps (both begin with 911).
        ("en", "he made me take pills and hes hitting me", "crisis.emergency"),
        # A wish to be killed is no one's threat.
        ("en", "someone just kill me please i want to die tonight", "crisis.emergency_intent"),
    ],
)
@pytest.mark.parametrize("where", ["menu", "stranger", "edit"])
def test_tier_1_gets_the_intent_reply_or_the_overdose_steps(
    lang: str, text: str, key: str, where: str
) -> None:
    d = driver(lang, m.State.STRANGER if where == "stranger" else m.State.MENU)
    if where == "edit":
        d.send(m.Edit(text))
    else:
        d.text(text)
    source = "edit" if where == "edit" else "text"
    assert m.RecordCrisis(1, source, key) in d.last
    said = d.replies()[0].text
    assert said == t(lang, key, **numbers(m.Helplines(), lang))
    assert all(word in said for word in STEPS[key][lang])
    for other in STEPS.keys() - {key}:
        assert not any(word in said for word in STEPS[other][lang]), other


@pytest.mark.parametrize("key", ["crisis.emergency_intent", VIOLENCE])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emergency_reply_begins_as_neutrally_as_the_overdose_reply(
    lang: str, key: str
) -> None:
    """What a lock screen shows of any: "This may be an emergency. Call 911 now." (a phone an
    abuser may read shows nothing of violence either)."""
    values = numbers(m.Helplines(), lang)
    reply = t(lang, key, **values).split("\n")
    overdose = t(lang, "crisis.emergency", **values).split("\n")
    assert reply[0] == overdose[0] and "911" in reply[0]
    assert reply[-1].endswith(overdose[-1])  # it cannot call for help, either
    assert not any(w in reply[0].lower() for w in ("suicid", "vida", "violen", "hurt", "daño"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_violence_reply_names_the_deployments_hotline(lang: str) -> None:
    values = numbers(m.Helplines(emergency="112", violence="016"), lang)
    said = t(lang, VIOLENCE, **values)
    assert "016" in said and "1-800-799-7233" not in said
    assert "911" not in said and said.count("112") >= 3


def test_the_intent_reply_names_the_support_person() -> None:
    d = driver("en", name="Rosa", phone="555-0101")
    d.text("i want to end my life tonight")
    assert "Rosa" in d.replies()[0].text and "555-0101" in d.replies()[0].text
