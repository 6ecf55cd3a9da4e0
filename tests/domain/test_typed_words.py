"""What the client types where buttons are offered: navigation words act as the buttons do,
in either language, and are never taken as an answer (a custom trigger, a name); a word that
starts an offered label offers that label."""

from __future__ import annotations

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.machine import step
from tests.domain.helpers import ACTIVE, NOW, Driver

ES = m.Profile(status="active", timezone="America/New_York", language="es")


def in_triggers(flow: str = "checkin", lang: str = "en") -> Driver:
    d = Driver(ctx=m.Ctx(now=NOW, profile=ES if lang == "es" else ACTIVE))
    d.cmd(flow)
    if flow == "checkin":
        for value in ("6", "3", "no", "ok", "4"):
            d.tap(value)
    elif flow == "craving":
        d.tap("6")
    return d


def chosen(d: Driver) -> list[str]:
    return list(d.draft.get("sel", []))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("word", ["Skip", "skip", "Omitir", "SKIP ▶", "saltar"])
def test_typed_skip_skips_and_adds_nothing(lang: str, word: str) -> None:
    d = in_triggers(lang=lang)
    assert d.state is m.State.CI_TRIGGERS
    d.text(word)
    assert d.state is not m.State.CI_TRIGGERS, d.said()
    assert not any(k.startswith("other:") for k in d.draft["a"].get("triggers") or [])


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("word", ["Back", "back", "◀ Back", "Atrás", "atras", "volver"])
def test_typed_back_goes_back(lang: str, word: str) -> None:
    d = in_triggers(lang=lang)
    d.text(word)
    assert d.state is m.State.CI_STRESS, d.said()
    assert chosen(d) == [] or not any(k.startswith("other:") for k in chosen(d))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("word", ["cancel", "Stop", "cancelar", "parar", "salir", "quit"])
@pytest.mark.parametrize("flow", ["checkin", "craving", "trigger"])
def test_typed_cancel_words_leave_the_flow(lang: str, word: str, flow: str) -> None:
    d = in_triggers(flow, lang)
    d.text(word)
    assert d.state is m.State.MENU, d.said()
    assert not d.saved(m.SaveCheckIn) and not d.saved(m.SaveTriggerLog)
    assert not d.saved(m.SaveCraving)
    assert not d.saved(m.SetProfile)  # a typed "stop" leaves this flow, not every reminder


@pytest.mark.parametrize("word", ["Done", "listo", "None today", "Ninguno hoy"])
def test_typed_done_and_none_act_as_the_buttons(word: str) -> None:
    d = in_triggers("craving")
    d.tap("k:people")
    d.tap("t:usedwith")
    d.tap("up")
    d.text(word)
    assert d.state is m.State.CR_ACTION, d.said()
    expected = [] if word in ("None today", "Ninguno hoy") else ["usedwith"]
    assert d.draft["a"]["triggers"] == expected


def test_typed_group_and_trigger_labels_act_as_taps() -> None:
    d = in_triggers("trigger")
    d.text("people")  # the "People" group's label: opens it, as the tap does
    assert d.draft["cat"] == "people" and not chosen(d)
    d.text("peo")  # only the navigation labels are offered on a trigger step
    assert d.state is m.State.TL_TRIGGERS and chosen(d) == ["other:peo"]
    d.draft["sel"] = []
    d.text("argument with my brother")  # not a label: the client's own trigger
    assert chosen(d) == ["other:argument with my brother"]


def test_a_word_that_starts_a_label_offers_it() -> None:
    d = in_triggers("checkin")
    d.text("non")  # "None today"
    assert d.state is m.State.CI_TRIGGERS and not chosen(d)
    assert [c.data.split(":", 1)[1] for c in d.buttons()] == ["none"]
    d.tap("none")
    assert d.state is not m.State.CI_TRIGGERS
    # On a choice step too: "alc" offers "Yes, alcohol".
    e = Driver()
    e.cmd("checkin")
    e.tap("6")
    e.tap("3")
    e.text("alc")
    assert e.state is m.State.CI_USE
    assert [c.data.split(":", 1)[1] for c in e.buttons()] == ["alcohol"]


@pytest.mark.parametrize("word", ["skip", "Omitir", "back"])
def test_navigation_words_on_text_steps_are_not_answers(word: str) -> None:
    d = Driver()
    d.cmd("settings")
    d.tap("support")
    assert d.state is m.State.SUPPORT_NAME
    d.text(word)
    assert d.state is not m.State.SUPPORT_NAME
    assert not [e for e in d.saved(m.SetProfile) if word in str(e.fields)]


def test_step_is_pure_with_typed_words() -> None:
    d = in_triggers()
    before = dict(d.draft)
    step(d.state, d.draft, m.Text("skip"), d.ctx)
    assert d.draft == before


@pytest.mark.parametrize("typed", ["-1", "1.0", "10.5", "+3", "11", "1 0"])
def test_a_number_off_the_scale_is_refused(typed: str) -> None:
    d = Driver()
    d.cmd("checkin")
    d.text(typed)
    assert d.state is m.State.CI_MOOD and "number from 0 to 10" in d.said()
    assert "mood" not in d.draft["a"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_trigger_log_offers_no_button_it_refuses(lang: str) -> None:
    """/trigger needs a trigger: "None today" is not offered there, and typed it is
    explained, not saved as the client's own trigger."""
    d = in_triggers("trigger", lang)
    assert [c for c in d.buttons() if c.data.endswith(":none")] == []
    for typed in ("none today", "Nada hoy", "skip"):
        d.text(typed)
        assert d.state is m.State.TL_TRIGGERS and chosen(d) == [], typed
    assert "at least one" in d.said() or "al menos" in d.said()
    # Every button offered at every step of the trigger log is accepted.
    d.tap("k:people")
    d.tap("t:usedwith")
    d.tap("done")
    assert d.state is m.State.TL_NOTE


def enrolling(lang_hint: str = "en") -> Driver:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, profile=m.Profile(language=lang_hint),
                                       open_enrollment=True))  # fmt: skip
    d.cmd("start")
    return d


YESES = [
    ("en", "yes"),
    ("en", "ok"),
    ("es", "si"),
    ("es", "Sí"),
    ("en", "Y"),
    ("es", "de acuerdo"),
]


@pytest.mark.parametrize(("lang", "typed"), YESES)
def test_consent_understands_yes(lang: str, typed: str) -> None:
    d = enrolling()
    d.tap(lang)
    assert d.state is m.State.CONSENT
    d.text(typed)
    assert d.state is m.State.TIMEZONE, d.said()
    assert d.saved(m.RecordConsent)


@pytest.mark.parametrize(("lang", "typed"), [("en", "hello"), ("es", "hola"), ("en", "maybe")])
def test_a_wrong_answer_at_consent_gets_only_the_question(lang: str, typed: str) -> None:
    d = enrolling()
    d.tap(lang)
    full = d.said()
    d.text(typed)
    assert d.state is m.State.CONSENT and not d.saved(m.RecordConsent)
    again = d.said()
    assert len(again) < len(full) / 3 and again.count("\n") <= 1, again
    assert {"yes", "no"} <= {c.data.split(":", 1)[1] for c in d.buttons()}
    d.text("no")
    assert d.state is m.State.CONSENT and not d.saved(m.RecordConsent)


@pytest.mark.parametrize("typed", ["No", "no", "nope", "No, keep it", "no gracias"])
def test_delete_then_typing_no_keeps_everything(typed: str) -> None:
    d = Driver()
    d.cmd("delete")
    d.text(typed)
    assert d.state is m.State.MENU and not d.saved(m.DeleteClient), d.said()


def test_delete_takes_the_button_or_its_whole_label() -> None:
    d = Driver()
    d.cmd("delete")
    d.text("yes")  # too easy to type by mistake for erasing everything
    assert d.state is m.State.DELETE_CONFIRM and not d.saved(m.DeleteClient)
    d.text("Yes, delete everything")
    assert d.saved(m.DeleteClient)


@pytest.mark.parametrize(("cmd", "typed", "state"), [("export", "sí", m.State.MENU),
                                                     ("export", "no", m.State.MENU)])  # fmt: skip
def test_other_confirmations_take_typed_answers(cmd: str, typed: str, state: m.State) -> None:
    d = Driver()
    d.cmd(cmd)
    d.text(typed)
    assert d.state is state
    assert bool(d.saved(m.Export)) == (typed == "sí")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("9 a. m.", "09:00"), ("9:00 p. m.", "21:00"), ("9 p.m", "21:00"), ("9:30 P. M.", "21:30"),
     ("21 h", "21:00"), ("21:00 h", "21:00"), ("9 de la noche", "21:00"),
     ("8 de la mañana", "08:00"), ("4 de la tarde", "16:00"), ("noon", "12:00"),
     ("mediodía", "12:00"), ("7 in the evening", "19:00"), ("9 o'clock pm", "21:00"),
     ("13 p. m.", None), ("25:00", None), ("9 x. m.", None)],
)  # fmt: skip
def test_typed_times(typed: str, expected: str | None) -> None:
    from bot.domain.conversation.parse import parse_time

    assert parse_time(typed) == expected


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("Eastern Time", "America/New_York"), ("hora del este", "America/New_York"),
     ("Nueva York", "America/New_York"), ("ciudad de mexico", "America/Mexico_City"),
     ("Ciudad de México", "America/Mexico_City"), ("CDMX", "America/Mexico_City"),
     ("HORA DEL PACÍFICO", "America/Los_Angeles"), ("San Juan", "America/Puerto_Rico"),
     ("Londres", "Europe/London"), ("Filadelfia", "America/New_York")],
)  # fmt: skip
def test_typed_zones_in_both_languages(typed: str, zone: str) -> None:
    from bot.domain.zones import resolve_zone

    assert resolve_zone(typed) == zone


@pytest.mark.parametrize(
    ("lang", "typed", "shown"),
    [
        ("en", "Madrid", "Madrid"),
        ("es", "Nueva York", "Nueva York"),
        ("en", "CDMX", "Mexico City"),
    ],
)
def test_a_typed_zone_is_echoed_with_its_local_time(lang: str, typed: str, shown: str) -> None:
    """A US client who types "Madrid" learns at once that their clock is now Madrid's."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.domain.zones import resolve_zone

    d = Driver(ctx=m.Ctx(now=NOW, profile=ES if lang == "es" else ACTIVE))
    d.cmd("settings")
    d.tap("timezone")
    d.text(typed)
    said = d.said()
    zone = resolve_zone(typed)
    assert zone is not None and shown in said, said
    local = NOW.astimezone(ZoneInfo(zone))
    hour = local.strftime("%H:%M") if lang == "es" else local.strftime("%I:%M").lstrip("0")
    assert hour in said, (hour, said)
    assert isinstance(local, datetime)


LONG = " ".join(f"word{i}" for i in range(200))  # 1,189 characters


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_long_reasons_note_keeps_its_first_part(lang: str) -> None:
    d = Driver(ctx=m.Ctx(now=NOW, profile=ES if lang == "es" else ACTIVE))
    d.cmd("settings")
    d.tap("reasons")
    d.text(LONG)
    saved = [e.fields["reasons"] for e in d.saved(m.SetProfile) if "reasons" in e.fields]
    assert saved, d.said()
    kept = saved[-1]
    assert LONG.startswith(kept) and 400 < len(kept) <= 500 and not kept.endswith(" ")
    assert LONG[len(kept)] == " "  # cut between words
    assert "500" in d.said()


def test_a_long_note_and_own_trigger_keep_their_first_part() -> None:
    d = Driver()
    d.cmd("trigger")
    d.text(LONG[:100])
    [own] = chosen(d)
    assert own.startswith("other:word0 ") and len(own) - len("other:") <= 60
    assert "60" in d.said()
    d.tap("done")
    d.text(LONG)
    [log] = d.saved(m.SaveTriggerLog)
    assert log.note is not None and LONG.startswith(log.note) and len(log.note) <= 200


def test_a_long_answer_that_must_be_parsed_is_still_refused() -> None:
    d = Driver()
    d.cmd("settings")
    d.tap("timezone")
    d.text("America/New_York " * 10)
    assert d.state is m.State.TIMEZONE and not d.saved(m.SetProfile)


def test_a_bare_i_slipped_is_a_lapse_and_a_fall_is_not() -> None:
    """Issue 8 names a bare "i slipped" among the relapses missed; it said nothing."""
    from bot.domain.crisis.screen import Tier, screen

    for said in ("i slipped", "I slipped.", "so i slipped. again"):
        assert screen(said) is Tier.LAPSE, said
    for said in ("she slipped", "slipped on the ice lol"):
        assert screen(said) is None, said


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("flow", ["checkin", "craving", "trigger"])
@pytest.mark.parametrize("typed", ["3", "  12 ", "?!", "1, 4"])
def test_a_typed_trigger_without_a_letter_is_asked_for_in_words(
    lang: str, flow: str, typed: str
) -> None:
    """Found trying the chat as a new user: "3" typed at the check-in's trigger step (a
    button's number, as the terminal shows them) was added as the client's own trigger "3"."""
    d = in_triggers(flow, lang)
    asked = d.state
    d.text(typed)
    assert d.state is asked and not chosen(d), d.said()
    said = d.said()
    assert ("in words" in said) if lang == "en" else ("con palabras" in said), said
    d.text("my ex called" if lang == "en" else "me llamó mi ex")
    assert chosen(d) == ["other:my ex called" if lang == "en" else "other:me llamó mi ex"]
