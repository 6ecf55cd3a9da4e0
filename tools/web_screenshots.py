"""The README's screenshots of the staff web view: a made-up program (eight clients, a month
of check-ins, a crisis notice nobody has taken yet) served for real and photographed by
Debian's chromium (the browser tests' setup: `apt-get install chromium chromium-driver`).

    python -m tools.web_screenshots [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By

from bot.config import load_settings
from bot.service.backend import Backend
from bot.service.web_auth import WebAuth
from bot.store.database import Database, upgrade
from tests.tg.conftest import MovableClock
from tests.web.conftest import add_client
from tests.web.live import LiveServer

ADMIN = 7101


async def _seed(url: str, clock: MovableClock) -> str:
    """The made-up program; a sign-in token for its admin."""
    upgrade(url)
    db = Database(url)
    rng = random.Random(14)
    backend = Backend(db, load_settings(database_url=url, _env_file=None), clock)
    await backend.staff("cli:demo").add_track("Evening IOP")
    for n in range(1, 9):
        days = rng.randint(12, 60)
        high = n in (2, 5)
        checkins = {ago: (9 if high and ago in (1, 2) else rng.randint(1, 6))
                    for ago in range(min(days, 30)) if rng.random() < 0.8 or ago < 1}  # fmt: skip
        if n == 7:
            checkins = {ago: 3 for ago in range(3, 20)}
        await add_client(db, f"c-{rng.getrandbits(32):08x}", ("Dana R", "Sam K")[n % 2],
                         days=days, checkins=checkins, crisis_tier=2 if n == 3 else None,
                         label=f"A-{10 + n}", seen_hours_ago=rng.randint(1, 90))  # fmt: skip
    auth = WebAuth(db, clock)
    await auth.add_staff(ADMIN, "Alex Admin", "admin", "cli:demo")
    token = await auth.link_token(ADMIN)
    await db.dispose()
    assert token is not None
    return token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    clock = MovableClock()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/demo.db"
        token = asyncio.run(_seed(url, clock))
        server = LiveServer(load_settings(database_url=url, _env_file=None), clock).start()
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,800", "--hide-scrollbars"):  # fmt: skip
            options.add_argument(flag)
        # The distribution's driver, named: Selenium then never fetches one from the network.
        service = webdriver.ChromeService(shutil.which("chromedriver") or "chromedriver")
        driver = webdriver.Chrome(service=service, options=options)
        try:
            driver.get(f"{server.url}/signin/{token}")
            driver.find_element(By.ID, "signin").click()
            driver.find_element(By.TAG_NAME, "nav")
            driver.save_screenshot(str(args.out / "caseload.png"))
            first = driver.find_element(By.CSS_SELECTOR, "tbody th a").get_attribute("href")
            driver.set_window_size(1280, 1900)
            driver.get(str(first))
            driver.find_element(By.CSS_SELECTOR, "img.chart")
            driver.save_screenshot(str(args.out / "client.png"))
        finally:
            driver.quit()
            server.stop()
    print(f"wrote {args.out / 'caseload.png'} and {args.out / 'client.png'}")


if __name__ == "__main__":
    main()
