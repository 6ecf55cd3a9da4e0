"""Settings are read once, from the environment and `.env`, LOG_LEVEL included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings


def test_log_level_comes_from_the_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("LOG_LEVEL=debug\n")
    assert load_settings(_env_file=env).log_level == "DEBUG"


def test_a_bad_log_level_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("LOG_LEVEL=verbose\n")
    with pytest.raises(ConfigError, match=r"^LOG_LEVEL: "):
        load_settings(_env_file=env)


def test_the_command_line_takes_log_level_from_dot_env(tmp_path: Path) -> None:
    """`recovery-bot db upgrade` run in a folder whose .env sets LOG_LEVEL=DEBUG logs at DEBUG."""
    (tmp_path / ".env").write_text(f"LOG_LEVEL=DEBUG\nDATABASE_URL=sqlite:///{tmp_path}/t.db\n")
    env = {k: v for k, v in os.environ.items() if k not in ("LOG_LEVEL", "DATABASE_URL")}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "database is up to date" in done.stdout
    assert " DEBUG " in done.stderr
    (tmp_path / ".env").write_text("LOG_LEVEL=loud\n")
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [bad.stderr.strip()]  # one line
    assert bad.stderr.startswith("configuration error: LOG_LEVEL:")


@pytest.mark.parametrize(
    ("value", "expected"),
    # Empty means unset, as for every setting: the default time.
    [("09:00", "09:00"), ("23:59", "23:59"), (" 07:30 ", "07:30"), ("off", None), ("", "09:00")],
)
def test_flag_digest_at_is_a_program_local_time_or_off(
    tmp_path: Path, value: str, expected: str | None
) -> None:
    (tmp_path / ".env").write_text(f"FLAG_DIGEST_AT={value}\n")
    settings = load_settings(_env_file=tmp_path / ".env")
    assert settings.flag_digest_at == expected
    at = settings.flag_digest_time
    assert (f"{at:%H:%M}" if at is not None else None) == expected


def test_flag_digest_at_defaults_to_nine() -> None:
    assert load_settings(_env_file=None).flag_digest_at == "09:00"


@pytest.mark.parametrize("value", ["9:00", "24:00", "09:60", "9am", "09:00:00"])
def test_a_bad_flag_digest_at_is_one_line_naming_the_variable(tmp_path: Path, value: str) -> None:
    (tmp_path / ".env").write_text(f"FLAG_DIGEST_AT={value}\n")
    with pytest.raises(ConfigError, match=r"^FLAG_DIGEST_AT: use HH:MM on a 24-hour clock"):
        load_settings(_env_file=tmp_path / ".env")


def test_the_violence_hotline_is_a_helpline_like_the_others(tmp_path: Path) -> None:
    """HELPLINE_VIOLENCE reaches the emergency reply to violence, empty keeps the default,
    and words are refused like any other helpline's."""
    env = tmp_path / ".env"
    env.write_text("HELPLINE_VIOLENCE=016\n")
    assert load_settings(_env_file=env).helplines.violence == "016"
    env.write_text("HELPLINE_VIOLENCE=\n")
    assert load_settings(_env_file=env).helplines.violence == "1-800-799-7233"
    env.write_text("HELPLINE_VIOLENCE=the hotline\n")
    with pytest.raises(ConfigError, match=r"^HELPLINE_VIOLENCE: "):
        load_settings(_env_file=env)
