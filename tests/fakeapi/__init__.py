"""Fake Telegram Bot API server for end-to-end tests (standard library only).

Example::

    with FakeTelegram(token="123:ABC") as fake:
        env["TELEGRAM_API_URL"] = fake.url  # the bot calls {url}/bot{token}/{method}
        ana = fake.user(42, first_name="Ana")
        ana.send_command("/start")
        assert "Welcome" in ana.wait_reply(contains="Welcome")["text"]
        ana.press("Good")
        assert not fake.refused

Faults, one shot each, for the next call of a method: ``fake.fail_next("sendMessage", 502,
"Bad Gateway")`` answers an error without performing it; ``fake.delay_next("sendMessage",
seconds=8)`` performs it and answers 8 s later; ``fake.drop_next("sendMessage")`` performs it
and closes the connection without an answer (``reset=True``: a TCP reset).

Modules: ``server`` (FakeTelegram, dispatch), ``spec`` (api.json validation), ``rules`` (text,
caption, keyboard and command limits), ``markup`` (HTML/MarkdownV2 parsing), ``methods`` and
``commands`` (implemented methods), ``updates`` (getUpdates queue), ``store`` (chats, messages,
waiting), ``users`` (simulated users), ``limits`` (flood control, injected faults: an error
answer, or a request performed and then answered late or not at all), ``media``,
``httpd`` (HTTP transport).
"""

from .media import tiny_png
from .server import FakeTelegram
from .spec import ApiError
from .store import Failure, Refusal, Upload
from .users import FakeUser

__all__ = ["ApiError", "Failure", "FakeTelegram", "FakeUser", "Refusal", "Upload", "tiny_png"]
