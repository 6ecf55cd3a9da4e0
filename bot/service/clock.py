"""The clock every use case reads "now" from: the system's, or a file's in simulated time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bot.config import Settings

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def make_clock(settings: Settings) -> Clock:
    """The real clock, or with CLOCK_FILE set (tests), the time written in that file."""
    path = settings.clock_file
    if not path:
        return system_clock

    def from_file() -> datetime:
        try:
            with open(path) as handle:
                return datetime.fromisoformat(handle.read().strip())
        except (OSError, ValueError):
            return system_clock()

    return from_file
