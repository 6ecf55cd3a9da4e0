"""Faults made for real for the tests: a small file system that can fill up, and a database
folder this process may only read."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_tmpfs(megabytes: int, why: str) -> Iterator[Path]:
    """A tmpfs of `megabytes` MB mounted on a new folder; the test is skipped, saying `why`
    it needed one, where mounting is not allowed (it needs root)."""
    folder = Path(tempfile.mkdtemp(prefix="tmpfs-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder)],
        capture_output=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {why} not run")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def fill(folder: Path) -> Path:
    """Write zeros into `folder` until its file system is full; returns the file to delete."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 4096)
    return filler


NOBODY = 65534


@contextlib.contextmanager
def as_nobody(folder: Path) -> Iterator[None]:
    """File permissions as an unprivileged process sees them. Root writes to a 0444 file
    regardless, so under root the whole process takes the effective uid of nobody (threads
    included) for the duration, on a folder owned by nobody."""
    if os.geteuid() != 0:
        yield
        return
    for path in [folder, *folder.iterdir()]:
        os.chown(path, NOBODY, NOBODY)
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def set_mode(folder: Path, writable: bool) -> None:
    """The database file, its -wal and -shm, and the folder: read-only, or writable again."""
    for path in folder.iterdir():
        path.chmod(0o644 if writable else 0o444)
    folder.chmod(0o755 if writable else 0o555)


async def write_lock(path: Path | str) -> sqlite3.Connection:
    """Another connection holding `path`'s write lock (and readers out), as another process
    would; roll it back and close it when done.

    Taken off the event loop: the bot under test may be inside a transaction on this loop
    when the lock is asked for (the planner runs at start-up), and a synchronous BEGIN here
    would wait out its 5 s busy timeout while that transaction can never reach its commit."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        await asyncio.to_thread(holder.execute, "BEGIN EXCLUSIVE")
    except BaseException:
        holder.close()
        raise
    return holder
