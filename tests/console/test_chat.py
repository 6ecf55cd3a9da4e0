"""`recovery-bot chat` as a real process with piped input, on a real SQLite file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def chat(tmp_path: Path, script: list[str], **env: str) -> str:
    """Run the terminal conversation with `script` piped in; return everything printed."""
    environ = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/chat.db",
        "TELEGRAM_BOT_TOKEN": "",
        "ENROLLMENT": "invite",
        "PYTHONPATH": str(ROOT),  # this tree's code, whatever is installed
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--user", "tester", "--lang", "en"],
        input="\n".join(script) + "\n", capture_output=True, text=True, cwd=tmp_path,
        env=environ, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "chat.db") as conn:
        return conn.execute(sql).fetchall()


def test_help_without_enrollment(tmp_path: Path) -> None:
    out = chat(tmp_path, ["/start", "/help"])
    assert out.count("988") >= 2 and "911" in out
    assert "invite link" in out


ENROLL_AND_LOG = [
    "/start", "English", "I agree", "Los Angeles", "21:30", "No", "Skip", "Skip",
    "Check in", "7", "3", "No", "Well", "2", "None today", "8", "No",
    "/craving", "6", "Places", "bar or party", "Groups", "Done", "Nothing yet", "Yes",
    "/today",
]  # fmt: skip


def test_open_enrollment_checkin_and_craving_reach_the_database(tmp_path: Path) -> None:
    out = chat(tmp_path, ENROLL_AND_LOG, ENROLLMENT="open")
    assert "You're all set" in out and "check-in is saved" in out
    assert "Cravings logged: 1" in out
    clients = rows(tmp_path, "select status, timezone, checkin_time from clients")
    assert clients == [("active", "America/Los_Angeles", "21:30")]
    checkins = rows(tmp_path, "select mood, craving, substance_use, sleep, stress from checkins")
    assert checkins == [(7, 3, "no", "well", 2)]
    cravings = rows(tmp_path, "select intensity, triggers, action from cravings")
    assert cravings == [(6, '["bar"]', "nothing")]
    assert rows(tmp_path, "select helped from coping_outcomes") == [("y",)]


def test_good_samaritan_note_replaces_the_general_sentence(tmp_path: Path) -> None:
    note = "Florida's 911 Good Samaritan Act protects you and the person you call for."
    general = chat(tmp_path, ["/start", "he's not breathing"])
    assert "Most US states have Good Samaritan laws" in general and note not in general
    own_db = f"sqlite:///{tmp_path}/own.db"
    own = chat(
        tmp_path, ["/start", "he's not breathing"], GOOD_SAMARITAN_NOTE=note, DATABASE_URL=own_db
    )
    assert note in own and "Most US states" not in own


def test_numbers_pick_choices_and_bad_input_is_explained(tmp_path: Path) -> None:
    script = ["/start", "1", "1", "Mars/Base", "1", "25:00", "2"]
    out = chat(tmp_path, script, ENROLLMENT="open")
    assert "I don't know the time zone" in out
    assert "not a time I understand" in out


@pytest.mark.parametrize("bad", ["PROGRAM_TIMEZONE=Nowhere/Land", "ENROLLMENT=sometimes"])
def test_bad_configuration_stops_with_one_line(tmp_path: Path, bad: str) -> None:
    name, value = bad.split("=")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input="", capture_output=True, text=True,
        cwd=tmp_path, env={**os.environ, name: value, "PYTHONPATH": str(ROOT)}, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0]


def test_run_without_token_points_at_chat(tmp_path: Path) -> None:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], capture_output=True, text=True, cwd=tmp_path,
        env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "recovery-bot chat" in result.stderr


def test_invite_prints_code_and_link(tmp_path: Path) -> None:
    env = {
        **os.environ, "TELEGRAM_BOT_TOKEN": "", "DATABASE_URL": f"sqlite:///{tmp_path}/i.db",
        "PYTHONPATH": str(ROOT),
    }  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--expires", "48h"], capture_output=True,
        text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    code = result.stdout.split("invite code: ")[1].split()[0]
    assert f"t.me/<your_bot>?start={code}" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--expires", "soon"], capture_output=True,
        text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 2 and "--expires" in bad.stderr


def test_a_number_off_the_scale_is_refused_not_read_as_a_button(tmp_path: Path) -> None:
    """At a 0-10 question "-1", "1.0" or "10.5" is no button: the scale question again."""
    script = [
        "/start", "English", "I agree", "Los Angeles", "21:30", "No", "Skip", "Skip",
        "Check in", "-1", "1.0", "10.5", "7", "3", "No", "Well", "2", "None today", "8", "No",
    ]  # fmt: skip
    out = chat(tmp_path, script, ENROLLMENT="open")
    assert out.count("type a number from 0 to 10") == 3, out
    assert rows(tmp_path, "select mood, craving from checkins") == [(7, 3)]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["/start", "English", "I agree", "Chicago", "9pm", "No", "Skip", "Skip",
                "/checkin", "3", "9", "no"]),
        ("es", ["/start", "Español", "Acepto", "Chicago", "9pm", "No", "Skip", "Skip",
                "/checkin", "3", "9", "no"]),
    ],
)  # fmt: skip
def test_a_typed_label_answers_the_newest_question(
    tmp_path: Path, lang: str, words: list[str]
) -> None:
    """A craving of 9 gets a coping card ("Did that help? Yes / A bit / No") on the spot,
    above the next question ("Have you used?" No / Yes...). A typed "no" answers that
    question, not the card above it."""
    out = chat(tmp_path, words, ENROLLMENT="open")
    assert rows(tmp_path, "select helped from coping_outcomes") == []
    asked_sleep = "How did you sleep" if lang == "en" else "¿Cómo durmió"
    assert asked_sleep in out.rsplit("you> no", 1)[1]


def test_a_crisis_before_the_language_step_is_answered_in_its_language(tmp_path: Path) -> None:
    """The terminal speaks as an English phone (--lang en); a Spanish message before the
    language is chosen gets the Spanish script and the step again, /ayuda Spanish help, and
    a lapse typed at the time zone question is not refused as a zone (issue 8)."""
    script = ["hola", "me quiero morir", "/ayuda", "English", "I agree", "volví a usar"]
    out = chat(tmp_path, script, ENROLLMENT="open")
    assert "Gracias por decírmelo" in out and "Cuando quiera, seguimos" in out
    assert "Ayuda, a cualquier hora" in out
    assert "When you are ready, we can carry on" in out  # the lapse, in the chosen English
    assert "volví a usar" not in out.split("you> volví a usar", 1)[1]
    assert "time zone" in out.split("you> volví a usar", 1)[1]
