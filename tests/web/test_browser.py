"""The web view in a real browser: Debian's chromium driven through chromedriver (Selenium).

Skipped, saying why, where no browser is installed (`apt-get install chromium
chromium-driver`; .ci/run installs them where apt-get is there)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings, load_settings
from bot.reminders.planner import plan_all
from bot.service.backend import Backend
from bot.service.conversation import Service
from bot.service.web_auth import WebAuth
from bot.store.models import Client, CrisisEvent, NoticeMessage, OutboxMessage, Reminder
from bot.tg.application import build_application
from tests.tg.conftest import NOW, TOKEN, MovableClock
from tests.tg.driver import Harness
from tests.tg.fakerequest import FakeRequest
from tests.web.conftest import DANA, SAM, STAFF_CHAT, add_client
from tests.web.live import LiveServer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if CHROMIUM is None or DRIVER is None:
    pytest.skip(
        "no browser for the web view's browser tests: install Debian's chromium and "
        "chromium-driver (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium.common.exceptions import (  # noqa: E402
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--disable-gpu"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(str(DRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def live(backend: Backend, settings: Settings, clock: MovableClock) -> Iterator[LiveServer]:
    server = LiveServer(settings, clock).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser: WebDriver, live: LiveServer) -> Iterator[WebDriver]:
    browser.get(f"{live.url}/signed-out")
    browser.delete_all_cookies()
    yield browser


def wait_for(driver: WebDriver, css: str) -> None:
    WebDriverWait(driver, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def wait_text(driver: WebDriver, text: str) -> None:
    """Until the page's main part says `text` (a click's answer may still be loading)."""
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,
                                                 NoSuchElementException)).until(
        lambda d: text in d.find_element(By.TAG_NAME, "main").text
    )  # fmt: skip


async def sign_in(driver: WebDriver, live: LiveServer, backend: Backend, staff_id: int) -> str:
    """Open a /web link and press its button, as a staff member would; the link's URL."""
    token = await WebAuth(backend.db, backend.clock).link_token(staff_id)
    link = f"{live.url}/signin/{token}"
    driver.get(link)
    driver.find_element(By.ID, "signin").click()
    wait_for(driver, "nav")
    return link


async def test_sign_in_by_link_once_and_not_after_it_expired(
    page: WebDriver, live: LiveServer, backend: Backend, clock: MovableClock
) -> None:
    link = await sign_in(page, live, backend, DANA)
    assert "Signed in as Dana R (counselor)" in page.page_source
    assert page.current_url == f"{live.url}/"
    # The cookie is HttpOnly: the page's scripts cannot read it.
    assert page.execute_script("return document.cookie") == ""
    page.delete_all_cookies()
    page.get(link)  # the same link again
    page.find_element(By.ID, "signin").click()
    wait_text(page, "used already or has expired")
    token = await WebAuth(backend.db, backend.clock).link_token(DANA)
    page.get(f"{live.url}/signin/{token}")
    clock.now += timedelta(minutes=5)
    page.find_element(By.ID, "signin").click()
    wait_text(page, "used already or has expired")
    page.get(f"{live.url}/")
    assert page.current_url == f"{live.url}/signed-out"


async def test_a_counselor_cannot_open_another_counselors_client(
    page: WebDriver, live: LiveServer, backend: Backend
) -> None:
    await add_client(backend.db, "c-00000001", "Dana R", checkins={0: 3})
    await add_client(backend.db, "c-00000002", "Sam K", checkins={0: 3}, label="B-2")
    await sign_in(page, live, backend, DANA)
    links = [a.text for a in page.find_elements(By.CSS_SELECTOR, "tbody th a")]
    assert links == ["c-00000001"]
    page.get(f"{live.url}/clients/c-00000002")
    wait_text(page, "You do not have access to this client.")
    assert "B-2" not in page.page_source


async def test_a_forged_form_is_refused(
    page: WebDriver, live: LiveServer, backend: Backend
) -> None:
    await sign_in(page, live, backend, DANA)
    # Another site cannot know the token; a form with a wrong one changes nothing.
    page.execute_script(
        "document.querySelector('form[action=\"/signout\"] input[name=csrf]').value = 'forged'"
    )
    page.find_element(By.CSS_SELECTOR, "form[action='/signout'] button").click()
    wait_text(page, "nothing was changed")
    page.get(f"{live.url}/")
    assert "Signed in as Dana R" in page.page_source


async def test_im_on_it_from_the_alerts_page(
    page: WebDriver, live: LiveServer, backend: Backend
) -> None:
    await add_client(backend.db, "c-00000001", "Sam K", crisis_tier=1)
    async with backend.db.transaction() as s:  # the notice as the bot delivered it
        event_id = await s.scalar(select(CrisisEvent.id))
        s.add(NoticeMessage(event_id=event_id, chat_id=STAFF_CHAT, message_id=4242,
                            sent_at=datetime.now(UTC)))  # fmt: skip
    await sign_in(page, live, backend, SAM)
    page.find_element(By.LINK_TEXT, "Alerts").click()
    button = page.find_element(By.CSS_SELECTOR, "button[id^='take-crisis-']")
    button.send_keys("\n")  # the keyboard alone
    wait_text(page, "Sam K is on it")
    async with backend.db.transaction() as s:
        event = await s.scalar(select(CrisisEvent))
        told = list(await s.scalars(select(OutboxMessage)))
    assert event is not None and (event.ack_by, event.ack_name) == ("staff:7103", "Sam K")
    # The staff chat's notice is edited in place to say so.
    assert [(m.chat_id, m.payload.get("edit_message_id"), "Sam K is on it" in m.payload["text"])
            for m in told] == [(STAFF_CHAT, 4242, True)]  # fmt: skip


async def test_create_an_invite_and_see_its_link_and_qr(
    page: WebDriver, live: LiveServer, backend: Backend
) -> None:
    await sign_in(page, live, backend, DANA)
    page.get(f"{live.url}/invites")
    page.find_element(By.ID, "inv-label").send_keys("A-17")
    page.find_element(By.ID, "inv-counselor").send_keys("Dana R")
    page.find_element(By.ID, "create-invite").click()
    wait_for(page, "#invite-link")
    link = page.find_element(By.ID, "invite-link").get_attribute("href")
    assert link is not None and link.startswith("https://t.me/RecoveryTestBot?start=")
    assert page.find_element(By.CSS_SELECTOR, "figure svg").is_displayed()


async def test_an_invite_made_on_the_page_enrolls_its_client(
    page: WebDriver, live: LiveServer, backend: Backend, clock: MovableClock
) -> None:
    """The link the page shows, opened in Telegram (the real Application over the fake Bot
    API), enrolls a client with the label and counselor typed on the page."""
    await sign_in(page, live, backend, DANA)
    page.get(f"{live.url}/invites")
    page.find_element(By.ID, "inv-label").send_keys("A-17")
    page.find_element(By.ID, "inv-counselor").send_keys("Dana R")
    page.find_element(By.ID, "create-invite").click()
    wait_for(page, "#invite-link")
    link = page.find_element(By.ID, "invite-link").get_attribute("href") or ""
    pid = page.find_element(By.TAG_NAME, "main").text.split("Client id: ", 1)[1].split(".")[0]
    settings = load_settings(telegram_bot_token=TOKEN, database_url=backend.settings.database_url,
                             enrollment="invite", _env_file=None)  # fmt: skip
    fake = FakeRequest(now=int(NOW.timestamp()))
    app = build_application(settings, Service(backend.db, settings, clock), request=fake)
    async with app:
        person = Harness(app, fake, backend.db).person(5550001)
        await person.command("start", link.split("start=", 1)[1])
        await person.tap_through("English", "I agree")
    async with backend.db.transaction() as s:
        client = await s.scalar(select(Client))
    assert client is not None
    assert (client.pseudo_id, client.label, client.counselor) == (pid, "A-17", "Dana R")
    # And the counselor sees their new client on the caseload.
    page.get(f"{live.url}/")
    wait_text(page, pid)


async def test_a_session_added_on_the_page_plans_a_reminder(
    page: WebDriver, live: LiveServer, backend: Backend
) -> None:
    await backend.staff("cli:test").add_track("Evening IOP")
    cid = await add_client(backend.db, "c-00000001", "Dana R")
    await backend.staff("cli:test").set_track("c-00000001", "Evening IOP")
    await sign_in(page, live, backend, DANA)
    page.get(f"{live.url}/schedules")
    Select(page.find_element(By.ID, "session-add-track")).select_by_visible_text("Evening IOP")
    # NOW is Thursday 2026-11-26, 1 PM in New York: a session there tonight.
    page.execute_script("document.getElementById('session-add-once').value = '2026-11-26'")
    page.execute_script("document.getElementById('session-add-start').value = '18:00'")
    page.find_element(By.ID, "session-add-length").send_keys("90")
    page.find_element(By.ID, "session-add-submit").click()
    wait_text(page, "added #1 track Evening IOP group 2026-11-26 18:00-19:30")
    # The bot's planning job (every few minutes) turns it into the client's reminders.
    await plan_all(backend.db, backend.clock())
    async with backend.db.transaction() as s:
        planned = await s.execute(select(Reminder.kind, Reminder.due_at)
                                  .where(Reminder.client_id == cid, Reminder.session_id == 1)
                                  .order_by(Reminder.due_at))  # fmt: skip
        rows = [(kind, due.astimezone(UTC).strftime("%H:%M")) for kind, due in planned]
    # Added the same day: the day-before reminder goes at once, the hour-before at 5 PM.
    assert rows == [("session_day_before", "18:00"), ("session_hour_before", "22:00")]
