"""The outbox through the real Application: what Telegram refuses or loses is sent later,
the rest of an event's replies still go out in order, and a share is "sent" only when it was.

Telegram fails the way it does (502, 500, 429, 403, 400 with migrate_to_chat_id) through the
fake HTTP layer; the service's clock is moved by hand to make retries due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.locales import t
from bot.service.mailbox import BACKOFF, encode
from bot.store import mailbox
from bot.store.models import AuditEntry, OutboxMessage
from bot.tg import delivery
from bot.tg.handlers import courier
from tests.tg.conftest import MovableClock, enroll, staff_settings
from tests.tg.driver import Harness, Person

STAFF_CHAT = -4001
BAD_GATEWAY = "Bad Gateway"


@pytest.fixture
def settings(enrollment: str) -> Settings:
    """The ring-3 settings with a staff chat."""
    return staff_settings(enrollment, STAFF_CHAT)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process retries without their seconds of waiting."""
    monkeypatch.setattr(delivery, "RETRY_WAITS", (0.0, 0.0))
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # as `recovery-bot run` sets it


def outage(harness: Harness, times: int, code: int = 502, chat_id: int | None = None) -> None:
    """The next `times` sendMessage calls (to `chat_id`) fail with `code`."""
    words = {429: "Too Many Requests: retry after 1", 403: "Forbidden: bot was kicked"}
    wait = 1 if code == 429 else None
    for _ in range(times):
        harness.fake.fail_next(
            "sendMessage", code, words.get(code, BAD_GATEWAY), wait, chat_id=chat_id
        )


def texts_to(harness: Harness, chat_id: int) -> list[str]:
    """What the chat shows: the messages Telegram accepted, in order."""
    return [m.text for m in harness.fake.messages.values() if m.chat_id == chat_id]


async def outbox(harness: Harness) -> list[OutboxMessage]:
    async with harness.db.transaction() as s:
        return list(await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


async def retry_later(harness: Harness, clock: MovableClock, seconds: float) -> int:
    """Move the clock on and run the outbox job once; returns how many rows it took."""
    clock.now += timedelta(seconds=seconds)
    return await courier_of(harness).send_due()


def courier_of(harness: Harness):  # type: ignore[no-untyped-def]
    class Ctx:
        bot = harness.app.bot
        bot_data = harness.app.bot_data

    return courier(Ctx())  # type: ignore[arg-type]


@pytest.mark.parametrize("code", [502, 500, 429])
async def test_a_crisis_reply_outlives_an_outage(
    harness: Harness, pat: Person, clock: MovableClock, code: int
) -> None:
    await enroll(pat)
    sent_before = len(texts_to(harness, pat.id))
    # More than the in-process attempts (for 429, times the rate limiter's own 1 + 3 tries).
    outage(harness, 3 if code != 429 else 12, code, chat_id=pat.id)
    await pat.say("i want to end my life tonight")
    mine = texts_to(harness, pat.id)[sent_before:]
    assert mine == [], "the outage swallowed every attempt"
    assert texts_to(harness, STAFF_CHAT), "the staff notice is not held up by the person's chat"
    [row] = await outbox(harness)
    assert (row.kind, row.status, row.attempts, row.payload["urgent"]) == (
        "reply",
        "pending",
        1,
        True,
    )
    assert await retry_later(harness, clock, BACKOFF[0] - 1) == 0  # not yet due
    assert await retry_later(harness, clock, 1) == 1
    [reply] = texts_to(harness, pat.id)[sent_before:]
    assert "911" in reply
    assert await outbox(harness) == []


async def test_the_rest_of_the_replies_go_out_after_one_fails(
    harness: Harness, pat: Person, clock: MovableClock
) -> None:
    """Three messages (the person's crisis reply, the staff notice, the menu after a
    check-in answer...) : the first fails for good; the second and third still go, in order."""
    await enroll(pat)
    before = len(harness.fake.of("sendMessage"))
    outage(harness, 3, 502, chat_id=pat.id)
    await pat.say("i want to end my life tonight")
    await pat.command("help")  # the next event's replies are not held up either
    after = [(int(c.params["chat_id"]), c.params["text"])
             for c in harness.fake.of("sendMessage")[before:]]  # fmt: skip
    delivered = [text for chat, text in after if chat == pat.id]
    assert any("988" in text for text in delivered)  # /help's answer went out
    assert [chat for chat, _ in after].count(STAFF_CHAT) == 1
    await retry_later(harness, clock, BACKOFF[0])
    late = texts_to(harness, pat.id)[-1]
    assert "911" in late  # the crisis reply, late but delivered
    assert await outbox(harness) == []


async def test_a_blocked_person_stops_their_outbox(harness: Harness, pat: Person) -> None:
    await enroll(pat)
    harness.fake.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await pat.say("i want to end my life tonight")
    rows = await outbox(harness)
    assert [(r.chat_id, r.status, r.detail) for r in rows] == [(pat.id, "failed", "blocked (403)")]
    assert rows[0].payload == {}  # nothing of what was said is kept


async def test_the_bot_removed_from_the_staff_chat(
    harness: Harness, pat: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await enroll(pat)
    harness.fake.fail_next("sendMessage", 403, "Forbidden: bot was kicked from the group chat",
                           chat_id=STAFF_CHAT)  # fmt: skip
    await pat.say("i want to end my life tonight")
    assert "911" in texts_to(harness, pat.id)[-1]  # the person is answered all the same
    [row] = await outbox(harness)
    assert (row.chat_id, row.kind, row.status) == (STAFF_CHAT, "notice", "failed")
    said = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert "staff notice not delivered: the bot is not in the staff chat (403)" in said


async def share(pat: Person) -> None:
    await pat.command("share")
    await pat.tap(t("en", "share.yes"))


async def test_a_share_is_sent_and_audited_only_when_it_arrived(
    harness: Harness, pat: Person
) -> None:
    await enroll(pat)
    await share(pat)
    assert texts_to(harness, STAFF_CHAT)[-1].startswith("Weekly summary shared by client")
    assert texts_to(harness, pat.id)[-1] == t("en", "share.sent")
    assert [a.action for a in await harness.rows(AuditEntry)] == ["share"]
    assert await outbox(harness) == []


@pytest.mark.parametrize("code", [403, 502])
async def test_a_share_that_did_not_arrive_is_not_called_sent(
    harness: Harness, pat: Person, code: int
) -> None:
    await enroll(pat)
    outage(harness, 3, code, chat_id=STAFF_CHAT)
    await share(pat)
    assert texts_to(harness, STAFF_CHAT) == []
    assert texts_to(harness, pat.id)[-1] == t("en", "share.failed")
    assert await harness.rows(AuditEntry) == []
    [row] = await outbox(harness)
    assert (row.kind, row.status) == ("compose", "failed")


async def test_a_row_that_cannot_be_composed_waits_and_does_not_stop_the_job(
    harness: Harness, pat: Person, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in composing one row (a chart, an export) costs that row a back-off, not the
    job: the notice behind it still goes out."""
    await enroll(pat)
    service = harness.app.bot_data.svc()
    async with harness.db.transaction() as s:
        compose, notice = await mailbox.add_outgoing(s, [
            {"chat_id": pat.id, "client_id": None, "update_id": None, "kind": "compose",
             "payload": {"compose": "progress", "days": 14}},
            {"chat_id": STAFF_CHAT, "client_id": None, "update_id": None, "kind": "notice",
             "payload": encode(m.Reply("Crisis notice: test", chat_id=STAFF_CHAT))},
        ], clock.now)  # fmt: skip

    async def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(service, "compose", broken)
    assert await courier_of(harness).send_due() == 2
    assert texts_to(harness, STAFF_CHAT) == ["Crisis notice: test"]
    [row] = await outbox(harness)
    assert (row.id, row.attempts, row.detail) == (compose, 1, "not prepared: RuntimeError")
    assert notice != compose
