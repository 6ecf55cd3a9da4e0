"""Configuration, read once at start from the environment and `.env` (nowhere else)."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.domain.content import Helplines
from bot.domain.zones import checked_zone


class ConfigError(Exception):
    """A bad setting; the message is one line naming the variable."""


class Settings(BaseSettings):
    # An empty value means unset, for every variable: `.env.example` ships `STAFF_CHAT_ID=`
    # and `HELPLINE_CRISIS=` must not take 988 out of the help text.
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", frozen=True, env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite:///data/recovery.db"
    program_timezone: str = "America/New_York"
    program_helpline: str | None = None
    enrollment: Literal["invite", "open"] = "invite"
    staff_user_ids: Annotated[tuple[int, ...], NoDecode] = ()
    staff_chat_id: int | None = None
    helpline_emergency: str = "911"
    helpline_crisis: str = "988"
    helpline_crisis_text: str = "741741"
    helpline_samhsa: str = "1-800-662-4357"
    helpline_poison: str = "1-800-222-1222"
    helpline_violence: str = "1-800-799-7233"
    good_samaritan_note: str | None = None
    poll_timeout: int = Field(default=30, ge=0, le=50)
    # Seconds a reminder's send waits for Telegram's answer. Past it the outcome is unknown:
    # the reminder is recorded "uncertain" and never sent again (it may have arrived).
    reminder_read_timeout: float = Field(default=5.0, gt=0, le=120)
    program_length_days: int = Field(default=90, ge=7, le=730)
    # Minutes a crisis notice waits for an "I'm on it" before it is sent again (three times),
    # then privately to every STAFF_USER_IDS id.
    crisis_renotify_minutes: int = Field(default=15, ge=1, le=240)
    # The program-local time (HH:MM in PROGRAM_TIMEZONE) the daily flag digest goes to the staff
    # chat; "off" (or empty) sends none. Nothing goes without STAFF_CHAT_ID either.
    flag_digest_at: str | None = "09:00"
    # Unset: INFO for `run`, WARNING for the other commands.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] | None = None
    # text: "time level logger: message"; json: one JSON object a line.
    log_format: Literal["text", "json"] = "text"
    # The staff web view's address as staff's browsers reach it (the reverse proxy's, e.g.
    # https://staff.example.org): the /web sign-in link starts with it.
    web_url: str = "http://127.0.0.1:8080"
    # Tests only: a file holding an ISO time that the bot takes as "now" (simulated time).
    clock_file: str | None = None

    @field_validator("program_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        # The staff tools' rule: a place's IANA zone ("EST" read as America/New_York), or
        # UTC; a fixed offset is refused with the name to use.
        return checked_zone(value)

    @field_validator(
        "helpline_emergency", "helpline_crisis", "helpline_crisis_text", "helpline_samhsa",
        "helpline_poison", "helpline_violence", "program_helpline",
    )  # fmt: skip
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        # A helpline is what a person in crisis dials: it must at least hold a digit.
        # (Empty means unset, so the default stays; blanks or words stop start-up.)
        if value is not None and not any(ch.isdigit() for ch in value):
            shown = repr(value.strip()) if value.strip() else "only spaces"
            raise ValueError(
                f"{shown} is not a phone number; leave the line out for the default"
            )
        return value.strip() if value is not None else None

    @field_validator("flag_digest_at", mode="before")
    @classmethod
    def _digest_at(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.lower() in ("", "off"):
            return None
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text):
            raise ValueError("use HH:MM on a 24-hour clock, e.g. 09:00, or off")
        return text

    @field_validator("log_level", mode="before")
    @classmethod
    def _level(cls, value: object) -> object:
        return value.strip().upper() or None if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("staff_user_ids", mode="before")
    @classmethod
    def _ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(p.lstrip("-").isdigit() for p in parts):
                raise ValueError("use comma-separated numeric Telegram ids")
            return tuple(int(p) for p in parts)
        return value

    @field_validator("telegram_api_url", "web_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _db(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql", "postgres://")):
            raise ValueError("use sqlite:///PATH or postgresql://USER@HOST/DB")
        return value

    @property
    def helplines(self) -> Helplines:
        return Helplines(
            emergency=self.helpline_emergency,
            crisis=self.helpline_crisis,
            crisis_text=self.helpline_crisis_text,
            samhsa=self.helpline_samhsa,
            poison=self.helpline_poison,
            violence=self.helpline_violence,
            program=self.program_helpline or None,
            good_samaritan_note=(self.good_samaritan_note or "").strip() or None,
        )

    @property
    def flag_digest_time(self) -> time | None:
        """FLAG_DIGEST_AT as a time of day (program-local), or None when the digest is off."""
        if self.flag_digest_at is None:
            return None
        hour, minute = self.flag_digest_at.split(":")
        return time(int(hour), int(minute))

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None


def load_settings(**overrides: object) -> Settings:
    """Read the settings; a bad value raises ConfigError naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]).upper() if err["loc"] else "configuration"
        message = str(err["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{name}: {message}") from None
