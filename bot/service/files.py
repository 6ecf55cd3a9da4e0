"""Files the bot writes for people (exports, reports, the terminal's charts): they hold health
information, so only their owner may read them.

Folders it creates are 0700 and files 0600, whatever the umask. A path that is a symbolic
link is refused rather than followed: a link planted where an export goes would send the
file elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


class UnsafePath(OSError):
    """A target that is a symbolic link, or a folder that is not there (one line)."""


def private_folder(folder: Path) -> Path:
    """`folder`, created if missing, each new level 0700 (Path.mkdir gives the parents it
    creates the umask's mode); an existing folder is left as it is."""
    missing = []
    for level in [folder, *folder.parents]:
        if level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        level.mkdir(mode=FOLDER_MODE, exist_ok=True)
        level.chmod(FOLDER_MODE)  # mkdir's mode passes through the umask
    return folder


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` (replacing a file there), readable by its owner only.

    Raises UnsafePath if `path` is a symbolic link or its folder does not exist, and OSError
    for the rest (permissions, a full disk)."""
    if path.is_symlink():
        raise UnsafePath(f"{path} is a symbolic link; refusing to write through it")
    if not path.parent.is_dir():
        raise UnsafePath(f"no folder {str(path.parent)!r}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), FILE_MODE)  # O_CREAT's mode does not apply to a file there
        handle.write(data)
    return path
