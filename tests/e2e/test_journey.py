"""A client goes from invite to check-in to craving to help, with the bot as a real process."""

from __future__ import annotations

import re

from tests.e2e.conftest import BotProcess
from tests.fakeapi import FakeTelegram
from tests.fakeapi.users import FakeUser

SECRET = "my daughter Lucy"  # typed by the client: must never reach the log


def enroll(fake: FakeTelegram, bot: BotProcess, user_id: int, code: str) -> None:
    ana = fake.user(user_id, first_name="Ana", language_code="en")
    ana.send_command("/start", code)
    ana.wait_reply("Which language")
    ana.press("English")
    ana.wait_reply("Before we start")
    ana.press("I agree")
    ana.wait_reply("time zone")
    ana.press("Chicago")
    ana.wait_reply("What time")
    ana.send_text("19:30")
    ana.wait_reply("medication")
    ana.press("No")
    ana.wait_reply("someone you can call")
    ana.send_text("Sam")
    ana.wait_reply("phone number")
    ana.send_text("555-201-3344")
    ana.wait_reply("why does recovery matter")
    ana.send_text(SECRET)
    ana.wait_reply("You're all set")
    ana.wait_reply("What would you like")


def check_in(ana: FakeUser) -> None:
    """A whole check-in from its first question: mood 7, craving 4, no use, slept well,
    stress 3, triggered by feeling lonely, 8 sure of staying sober, safe; ends saved."""
    ana.wait_reply("mood")
    for label, next_prompt in [
        ("7", "craving"), ("4", "alcohol or drug"), ("No", "sleep"), ("Well", "stressed"),
        ("3", "set off cravings"),
    ]:  # fmt: skip
        ana.press(label)
        ana.wait_reply(next_prompt)
    ana.press("Feelings")
    ana.wait_reply("Nothing chosen yet")  # the same message, edited to show the feelings
    assert ("lonely", ana.buttons()[6][1]) == ana.buttons()[6]
    ana.press("lonely")
    ana.wait_reply("Chosen: lonely")
    ana.press("Done ✓")
    ana.wait_reply("How sure")
    ana.press("8")
    ana.wait_reply("better off dead")
    ana.press("No")
    ana.wait_reply("check-in is saved")


def test_invite_checkin_craving_help(fake: FakeTelegram, bot: BotProcess) -> None:
    made = bot.command("invite", "--expires", "72h")
    assert made.returncode == 0, made.stderr
    code = re.search(r"invite code: (\S+)", made.stdout).group(1)  # type: ignore[union-attr]
    assert f"https://t.me/test_recovery_bot?start={code}" in made.stdout
    bot.start()
    enroll(fake, bot, 501, code)
    ana = fake.user(501)
    assert ana.reply_buttons() == ["🆘 Help now"]
    ana.press("✅ Check in")
    check_in(ana)
    ana.send_command("/craving")
    ana.wait_reply("How strong")
    ana.press("6")
    ana.wait_reply("What set it off")
    ana.press("None today")
    ana.wait_reply("What did you do")
    ana.press("Distract yourself")
    tip = ana.wait_reply("Try this")
    ana.press("👍 Yes", message=tip)
    ana.wait_reply("helped")
    ana.send_text("🆘 Help now")
    help_text = ana.wait_reply("988")["text"]
    assert "911" in help_text and "741741" in help_text
    ana.send_command("/progress")
    # The craving and mood chart's caption, sent last (its days start at enrollment, so it
    # says "Today" or "Last 2 days" for a client enrolled today).
    ana.wait_reply("1 craving log.")
    photos = [u for u in fake.uploads if u.method == "sendPhoto"]
    assert len(photos) == 2 and all(u.data.startswith(b"\x89PNG\r\n\x1a\n") for u in photos)
    ana.send_command("/export")
    ana.wait_reply("leaves me")
    ana.press("Yes, send the file")
    ana.wait_reply("Your data")
    (document,) = [u for u in fake.uploads if u.method == "sendDocument"]
    assert document.file_name.endswith(".zip") and document.data.startswith(b"PK")
    assert bot.rows("select mood, craving, substance_use, triggers from checkins") == [
        (7, 4, "no", '["lonely"]')
    ]
    assert bot.rows("select intensity, action from cravings") == [(6, "distract")]
    assert bot.rows("select helped from coping_outcomes") == [("y",)]
    assert bot.rows("select status, support_name from clients") == [("active", "Sam")]
    prompts = [p for m, p in fake.calls if m == "sendMessage" and "mood" in str(p.get("text"))]
    assert prompts and all(p.get("protect_content") is True for p in prompts)
    expected = {"message", "edited_message", "callback_query", "my_chat_member"}
    assert expected == set(fake.allowed_updates or [])
    assert set(fake.commands) >= {"", "es"}  # default (English) and Spanish menus
    log = bot.log()
    assert SECRET not in log and "555-201-3344" not in log and "19:30" not in log
