"""Templates and how values read on the web view's pages: times in the program's zone,
percentages, the flags, tiers and statuses in words (from the catalogs)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from bot.locales import t, tn
from bot.locales.formats import program_when
from bot.service.digest import FLAG_KEYS
from bot.service.web_auth import Viewer
from bot.web.security import CSRF_FIELD

HERE = Path(__file__).resolve().parent
LANG = "en"  # English first; the texts are in bot/locales/web_*.py like the bot's


def templates(zone: str) -> Environment:
    """The Jinja2 environment: autoescaped HTML, `_(key, **params)` for the catalogs' texts,
    `_n(key, count, **params)` for those that agree with a number (Babel's plural rules),
    and the filters `when` (a time in `zone`), `day`, `pct`, `flag`, `tier`, `status`."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["_"] = lambda key, **params: t(LANG, key, **params)
    env.globals["_n"] = lambda key, count, **params: tn(LANG, key, count, **params)
    env.filters.update(
        when=lambda moment: when(moment, zone),
        day=lambda value: value.isoformat() if isinstance(value, date) else "",
        pct=lambda share: "-" if share is None else f"{round(share * 100)}%",
        flag=lambda name: t(LANG, FLAG_KEYS[name]) if name in FLAG_KEYS else name,
        tier=lambda tier: t(LANG, f"staff.tier.{tier}"),
        status=lambda status: t(LANG, f"web.status.{status}"),
        tuple_pair=lambda value: (value, value),
    )
    return env


def when(moment: datetime | None, zone: str) -> str:
    """'2026-11-30 2:05 PM EST': the day, time and zone abbreviation in `zone`
    (`formats.program_when`, as the command line and Telegram show times); '-' for none."""
    return "-" if moment is None else program_when(moment, zone)


def render(
    request: Request, name: str, viewer: Viewer | None = None, status: int = 200,
    **context: Any,
) -> HTMLResponse:  # fmt: skip
    """Template `name` with the viewer (for the menu and the CSRF token) and `context`."""
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(
        request=request, viewer=viewer, csrf_field=CSRF_FIELD, lang=LANG, **context
    )
    return HTMLResponse(html, status_code=status)
