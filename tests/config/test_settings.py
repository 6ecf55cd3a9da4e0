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
