"""The web view's pages for signed-in staff: caseload, client, alerts, invites, schedules,
report. Each handler is thin: read the request, call the service, render a template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.routing import BaseRoute

from bot.web.security import Page

Guard = Callable[[Page], Callable[..., Any]]


def routes(guarded: Guard) -> list[BaseRoute]:
    """The pages' routes, each behind `guarded` (a session, and CSRF on POST)."""
    return []
