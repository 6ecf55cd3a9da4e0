"""`recovery-bot web`: the web view served by uvicorn, from the bot's own database."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from starlette.applications import Starlette

from bot.config import Settings
from bot.service.backend import connect, upgrade_database
from bot.web.app import build_app

log = logging.getLogger(__name__)


def app_for(settings: Settings, bot_username: str) -> Starlette:
    """The app over a new backend, closed when the server stops."""
    backend = connect(settings)
    app = build_app(backend, bot_username)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await backend.db.dispose()

    app.router.lifespan_context = lifespan
    return app


def serve(settings: Settings, host: str, port: int, bot_username: str) -> None:
    """Migrate the database, then serve until stopped (Ctrl-C, SIGTERM). Uvicorn's access
    log is off: its lines hold the paths, and a path names a client or a sign-in token."""
    upgrade_database(settings)
    if host not in ("127.0.0.1", "::1", "localhost"):
        log.warning("the web view listens on %s: only ever behind a TLS reverse proxy", host)
    app = app_for(settings, bot_username)
    config = uvicorn.Config(app, host=host, port=port, access_log=False, proxy_headers=True,
                            log_config=None, server_header=False)  # fmt: skip
    asyncio.run(uvicorn.Server(config).serve())
