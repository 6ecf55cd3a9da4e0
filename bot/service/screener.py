"""The crisis screener's sentence encoder for a long run: its 65 MB table read from a file in
the cache folder, the rows a message uses when it is screened, instead of unpacked into the
process (`bot.domain.crisis.sentence`).

The file is the wheel's own table, uncompressed, written once in `$XDG_CACHE_HOME/recovery-bot`
(by default `~/.cache/recovery-bot`) and used by every later start. A folder that cannot be
written costs memory, nothing else: the encoder then unpacks its table as before."""

from __future__ import annotations

import logging
import os
import tempfile
from contextlib import suppress
from pathlib import Path

from bot.domain.crisis import sentence

log = logging.getLogger(__name__)


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "recovery-bot"


def use_table_file() -> Path | None:
    """Have the encoder read its table from the cache folder (before it is built): the
    file, or None (then it stays in memory)."""
    path = table_file()
    if path is not None:
        sentence.use_table(path)
    return path


def table_file(folder: Path | None = None) -> Path | None:
    """The encoder's table file in `folder` (the cache folder by default), written first if
    it is not there whole; None if it cannot be."""
    folder = folder or cache_folder()
    path = folder / sentence.table_name()
    try:
        if not _whole(path):
            _write(folder, path)
    except OSError as exc:
        log.warning("crisis screener: no table file in %s (%s); the encoder holds its table "
                    "in memory (65 MB more)", folder, exc.strerror or exc)  # fmt: skip
        return None
    return path


def _whole(path: Path) -> bool:
    """Whether `path` is a table file as `sentence.write_table` writes it: its size and header
    (it is written whole or not at all; its rows are not read here)."""
    if not path.is_file() or path.stat().st_size != sentence.table_bytes():
        return False
    header = sentence.table_header()
    with path.open("rb") as f:
        return f.read(len(header)) == header


def _write(folder: Path, path: Path) -> None:
    """The table file, whole or not at all (another process may be writing it too)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, part = tempfile.mkstemp(dir=folder, prefix=".table-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            sentence.write_table(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(part)
        raise
