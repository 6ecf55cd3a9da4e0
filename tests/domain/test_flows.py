"""Whole flows through the pure machine: enrollment, check-in, craving, trigger log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.domain.conversation import model as m
from tests.domain.helpers import NOW, Driver


def enrolled_driver(**ctx: object) -> Driver:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, invite_ok=True, **ctx))  # type: ignore[arg-type]
    d.cmd("start", "CODE")
    d.tap("en")
    d.tap("yes")
    d.text("chicago")
    d.text("7:30pm")
    d.tap("yes")
    d.text("Ana")
    d.text("555-123-4567")
    d.text("My kids")
    return d


def test_enrollment_collects_every_setting_then_shows_menu() -> None:
    d = enrolled_driver()
    assert isinstance(d.effects[0], m.Enroll)
    assert d.saved(m.RecordConsent) == [m.RecordConsent("2026-11-v1")]
    final = d.saved(m.SetProfile)[-1].fields
    assert final == {
        "timezone": "America/Chicago", "checkin_time": "19:30", "takes_medication": True,
        "support_name": "Ana", "support_phone": "555-123-4567", "reasons": "My kids",
        "status": "active",
    }  # fmt: skip
    assert d.state is m.State.MENU
    assert any(r.help_key for r in d.replies())


def test_nothing_health_related_is_asked_before_consent() -> None:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, invite_ok=True))
    d.cmd("start", "CODE")
    d.tap("es")
    d.tap("no")
    assert d.state is m.State.CONSENT
    assert not d.saved(m.RecordConsent)
    d.cmd("checkin")
    assert d.state is m.State.CONSENT
    assert "configurar" in d.said()


def test_declining_consent_keeps_asking_nothing_else() -> None:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, invite_ok=True))
    d.cmd("start", "CODE")
    d.tap("en")
    d.tap("no")
    assert "will not ask you anything else" in d.said()
    assert d.state is m.State.CONSENT


def test_stranger_without_invite_gets_help_and_how_to_join() -> None:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW))
    for event in (m.Command("start"), m.Text("hi"), m.Command("checkin"), m.Media("photo")):
        d.send(event)
        assert d.state is m.State.STRANGER
        assert "988" in d.said() and "911" in d.said()
        assert "invite" in d.said()
        assert not [e for e in d.last if not isinstance(e, m.Reply)]


def test_stranger_with_bad_invite_is_told_so() -> None:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, invite_ok=False))
    d.cmd("start", "WRONG")
    assert "not valid" in d.said()
    assert d.state is m.State.STRANGER


def test_open_enrollment_needs_no_code() -> None:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, open_enrollment=True))
    d.cmd("start")
    assert d.state is m.State.LANGUAGE
    assert isinstance(d.last[0], m.Enroll)


@pytest.mark.parametrize("first", ["hi", "hola", "hello there", "?"])
def test_open_enrollment_any_first_message_begins(first: str) -> None:
    """A newcomer in open enrollment says "hi" rather than /start: that begins too."""
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, open_enrollment=True))
    d.send(m.Text(first))
    assert d.state is m.State.LANGUAGE
    assert isinstance(d.last[0], m.Enroll)


def test_open_enrollment_a_crisis_first_gets_its_reply_and_how_to_begin() -> None:
    d = Driver(m.State.STRANGER, m.Ctx(now=NOW, open_enrollment=True))
    d.send(m.Text("i want to kill myself"))
    assert d.state is m.State.STRANGER  # the crisis reply, not a consent form
    assert "988" in d.said() and "/start" in d.said() and "invite" not in d.said()
    d.send(m.Command("help"))
    assert d.state is m.State.STRANGER and "/start" in d.said()


def test_full_checkin_is_saved_once_with_every_answer() -> None:
    d = Driver(ctx=m.Ctx(now=NOW, profile=m.Profile(status="active", takes_medication=True)))
    d.cmd("checkin")
    for value in ("6", "3", "no", "well", "4"):
        d.tap(value)
    d.tap("k:feel")
    d.tap("t:bored")
    d.tap("done")
    d.tap("yes")  # medication
    d.tap("8")  # confidence
    assert d.state is m.State.CI_SAFETY  # weekly safety question (not asked this week)
    d.tap("no")
    saves = d.saved(m.SaveCheckIn)
    assert len(saves) == 1
    assert saves[0].local_date == date(2026, 11, 26)
    assert saves[0].values == {
        "mood": 6, "craving": 3, "substance_use": "no", "sleep": "well", "stress": 4,
        "triggers": ["bored"], "medication": "yes", "confidence": 8, "safety": "no",
    }  # fmt: skip
    assert d.state is m.State.MENU


def test_safety_question_only_when_a_rule_fires_once_asked_this_week() -> None:
    ctx = m.Ctx(
        now=NOW, profile=m.Profile(status="active"), today=m.Today(safety_asked_this_week=True)
    )
    calm = Driver(ctx=ctx)
    calm.cmd("checkin")
    for value in ("7", "2", "no", "ok", "3", "none", "9"):
        calm.tap(value)
    assert calm.state is m.State.MENU
    low = Driver(ctx=ctx)
    low.cmd("checkin")
    for value in ("2", "2", "no", "ok", "3", "none", "9"):
        low.tap(value)
    assert low.state is m.State.CI_SAFETY


def test_safety_yes_shows_crisis_tier_at_once_and_records_it() -> None:
    d = Driver()
    d.cmd("checkin")
    for value in ("1", "skip", "skip", "skip", "skip", "none", "skip"):
        d.tap(value)
    d.tap("yes")
    assert m.RecordCrisis(2, "checkin", "crisis.suicidal") in d.last
    assert "988" in d.said() and "safe" in d.said()
    assert d.saved(m.SaveCheckIn)[0].values["safety"] == "yes"


def test_use_reported_gets_the_lapse_script_without_judgment() -> None:
    d = Driver()
    d.cmd("checkin")
    d.tap("5")
    d.tap("5")
    d.tap("other")
    assert "does not erase your progress" in d.said()
    assert "naloxone" in d.said()
    assert d.state is m.State.CI_SLEEP


def test_back_and_skip_on_every_checkin_step() -> None:
    d = Driver()
    d.cmd("checkin")
    d.tap("4")
    d.tap("back")
    assert d.state is m.State.CI_MOOD
    d.tap("skip")
    assert d.state is m.State.CI_CRAVING
    d.tap("back")
    d.tap("back")
    assert d.state is m.State.MENU
    # Leaving a flow is not /stop: it says what was left and that nothing was kept.
    assert "we left the check-in. Nothing from it was saved" in d.said()
    assert "Stopped" not in d.said()
    assert not d.saved(m.SaveCheckIn)


def test_second_checkin_same_day_asks_to_replace() -> None:
    ctx = m.Ctx(now=NOW, profile=m.Profile(status="active"), today=m.Today(checkin_done=True))
    d = Driver(ctx=ctx)
    d.cmd("checkin")
    assert d.state is m.State.CHECKIN_REPLACE
    d.tap("no")
    assert d.state is m.State.MENU and not d.saved(m.SaveCheckIn)
    d.cmd("checkin")
    d.tap("yes")
    assert d.state is m.State.CI_MOOD
    assert d.draft["replace"] is True


def test_craving_log_offers_a_matched_skill_and_records_it() -> None:
    d = Driver(
        ctx=m.Ctx(
            now=NOW,
            profile=m.Profile(status="active", support_name="Ana", support_phone="555 0101"),
        )
    )
    d.cmd("craving")
    d.tap("6")
    d.tap("k:people")
    d.tap("t:usedwith")
    d.tap("done")
    d.tap("nothing")
    saved = d.saved(m.SaveCraving)
    assert saved == [m.SaveCraving(6, ["usedwith"], "nothing", "leave")]
    assert "Leave the place" in d.said()
    helped = [c for c in d.buttons() if c.data.startswith("h:leave:y")]
    assert helped
    d.send(m.Button(helped[0].data))
    d.send(m.Button(helped[0].data))  # double tap
    assert d.saved(m.SaveCopingOutcome) == [m.SaveCopingOutcome("leave", "y")]
    d.send(m.Button("c:call"))
    assert "Ana" in d.said() and "555 0101" in d.said()


def test_trigger_log_needs_a_trigger_and_takes_a_note() -> None:
    d = Driver()
    d.cmd("trigger")
    d.tap("done")
    assert d.state is m.State.TL_TRIGGERS and "at least one" in d.said()
    d.text("argument with my brother")
    d.tap("done")
    d.text("x" * 201)  # over the limit: the first 200 are kept, and the client is told
    assert d.state is m.State.MENU and "first 200" in d.said()
    assert d.saved(m.SaveTriggerLog) == [
        m.SaveTriggerLog(["other:argument with my brother"], "x" * 200)
    ]


def test_settings_change_one_field_and_return() -> None:
    d = Driver()
    d.cmd("settings")
    d.tap("time")
    d.text("25:99")
    assert d.state is m.State.CHECKIN_TIME and "not a time" in d.said()
    d.text("6:15 am")
    assert d.saved(m.SetProfile) == [m.SetProfile({"checkin_time": "06:15"})]
    assert d.state is m.State.SETTINGS
    d.tap("language")
    d.tap("es")
    assert d.state is m.State.SETTINGS and "Idioma: Español" in d.said()


def test_days_since_use_is_a_setting_of_its_own_not_a_reminder_switch() -> None:
    d = Driver()
    d.cmd("settings")
    assert "Days since last use: off" in d.said()
    d.tap("days_since_use")
    assert d.saved(m.SetProfile) == [m.SetProfile({"show_days_since_use": True})]
    assert d.state is m.State.SETTINGS and "Days since last use: on" in d.said()
    d.tap("days_since_use")
    assert d.saved(m.SetProfile)[-1] == m.SetProfile({"show_days_since_use": False})
    assert "Days since last use: off" in d.said()


def test_delete_confirms_then_erases() -> None:
    d = Driver()
    d.cmd("delete")
    assert d.state is m.State.DELETE_CONFIRM and "cannot be undone" in d.said()
    d.tap("no")
    assert d.state is m.State.MENU and not d.saved(m.DeleteClient)
    d.cmd("delete")
    d.tap("yes")
    assert d.state is m.State.STRANGER and d.saved(m.DeleteClient)


def test_stop_and_start_again() -> None:
    d = Driver()
    d.cmd("stop")
    assert d.saved(m.SetProfile) == [m.SetProfile({"status": "stopped"})]
    assert "/start" in d.said()
    d.cmd("start")
    assert d.saved(m.SetProfile)[-1] == m.SetProfile({"status": "active"})


def test_today_reports_what_is_done() -> None:
    ctx = m.Ctx(now=NOW, profile=m.Profile(status="active"), today=m.Today(True, 2, 1))
    d = Driver(ctx=ctx)
    d.cmd("today")
    assert "Thursday, November 26, 2026" in d.said() and "Cravings logged: 2" in d.said()
    assert "Check-in done" in d.said()


def test_reply_in_spanish_after_language_choice() -> None:
    d = Driver(ctx=m.Ctx(now=NOW, profile=replace(m.Profile(status="active"), language="es")))
    d.cmd("craving")
    assert "ganas" in d.said()


def test_reminder_switches_return_to_live_settings_buttons() -> None:
    d = Driver()
    d.cmd("settings")
    d.tap("reminders")
    assert d.state is m.State.REMINDERS
    d.tap("t:reengage")
    assert d.saved(m.SetProfile)[-1] == m.SetProfile({"reminder_prefs": {"reengage": False}})
    d.tap("close")
    assert d.state is m.State.SETTINGS
    # Press the button the view just shown carries (not one built from the stored draft).
    shown = next(c.data for c in d.buttons() if c.data.endswith(":close"))
    d.send(m.Button(shown))
    assert d.state is m.State.MENU and "older message" not in d.said()
