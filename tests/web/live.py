"""The web view served for real: uvicorn on a loopback port in a thread of its own (its own
event loop and database engine), for a browser to drive."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import uvicorn

from bot.config import Settings
from bot.service.backend import Backend
from bot.service.clock import Clock
from bot.store.database import Database
from bot.web.app import build_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """`recovery-bot web`'s app on http://localhost:PORT until `stop()`."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings, self.clock = settings, clock
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.server: uvicorn.Server | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        db = Database(self.settings.database_url)
        app = build_app(Backend(db, self.settings, self.clock), "RecoveryTestBot")
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, access_log=False,
                                log_config=None, lifespan="off")  # fmt: skip
        self.server = uvicorn.Server(config)
        try:
            await self.server.serve()
        finally:
            await db.dispose()

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not (self.server is not None and self.server.started):
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web view did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        self.thread.join(timeout=20)
