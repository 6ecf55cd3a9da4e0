"""One Telegram error does not cost a person their reply: help and risk scripts are retried,
and the replies after a failed one still go out, in order."""

from __future__ import annotations

import pytest

from bot.locales import t
from bot.tg import delivery
from tests.tg.conftest import enroll
from tests.tg.driver import Harness, Person


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The retry waits, without the seconds (tests never sleep through time)."""
    monkeypatch.setattr(delivery, "RETRY_WAITS", (0.0,) * len(delivery.RETRY_WAITS))


@pytest.mark.parametrize(
    ("code", "description"),
    [(502, "Bad Gateway"), (500, "Internal Server Error")],
)
async def test_a_crisis_reply_survives_a_server_error(
    harness: Harness, pat: Person, code: int, description: str
) -> None:
    """A stranger types a crisis sentence; the first sendMessage fails with 5xx."""
    harness.fake.fail_next("sendMessage", code, description)
    await pat.say("i want to end my life tonight")
    texts = harness.fake.texts()
    assert any(text.startswith("This may be an emergency. Call 911 now.") for text in texts)
    assert harness.handler_errors == []


async def test_a_crisis_reply_survives_five_server_errors_in_a_row(
    harness: Harness, pat: Person
) -> None:
    for _ in range(5):
        harness.fake.fail_next("sendMessage", 502, "Bad Gateway")
    await pat.say("i want to end my life tonight")
    assert any(text.startswith("This may be an emergency.") for text in harness.fake.texts())


async def test_the_replies_after_a_failed_one_still_go_out(harness: Harness, pat: Person) -> None:
    """A stranger's crisis message gets the crisis script, then how to join; a 400 on the
    first does not cost the second (a refused message is not retried)."""
    harness.fake.fail_next("sendMessage", 400, "Bad Request: message is too long")
    before = len(harness.fake.of("sendMessage"))
    await pat.say("i want to end my life tonight")
    sent = harness.fake.of("sendMessage")[before:]
    assert len(sent) == 2  # the refused script (once, not retried), then how to join
    assert sent[-1].params["text"] == t("en", "join.open")  # open enrollment here
    assert harness.handler_errors == []


async def test_an_ordinary_reply_is_retried_only_a_little(harness: Harness, pat: Person) -> None:
    """Three tries for a reply that is not help: then it is given up (and logged), and the
    replies after it still go out."""
    await enroll(pat)
    tries = 1 + len(delivery.RETRY_WAITS[:2])
    for _ in range(tries + 1):
        harness.fake.fail_next("sendMessage", 502, "Bad Gateway")
    before = len(harness.fake.of("sendMessage"))
    await pat.say("/today")
    sent = [call.params for call in harness.fake.of("sendMessage")[before:]]
    assert sent[:tries] == [sent[0]] * tries
    assert sent[tries]["text"] != sent[0]["text"]  # the next reply, not a fourth try
    assert harness.handler_errors == []
