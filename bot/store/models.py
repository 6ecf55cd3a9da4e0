"""SQLAlchemy tables. Every table holding a client's data hangs off `clients.id` (ON DELETE
CASCADE), so `/delete` and `/export` are complete by construction."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.columns import UTCDateTime

# Stable constraint names so Alembic migrations work the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON}


# The client's status once staff discharged them: the record stays, no message goes to them.
DISCHARGED = "discharged"


def _client_fk() -> Any:
    return mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)


class Client(Base):
    __tablename__ = "clients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudo_id: Mapped[str] = mapped_column(String(16), unique=True)
    tg_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="enrolling")
    language: Mapped[str] = mapped_column(String(5), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="America/New_York")
    checkin_time: Mapped[str] = mapped_column(String(5), default="20:00")
    takes_medication: Mapped[bool] = mapped_column(Boolean, default=False)
    support_name: Mapped[str | None] = mapped_column(String(64))
    support_phone: Mapped[str | None] = mapped_column(String(32))
    reasons: Mapped[str | None] = mapped_column(Text)
    track_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    enrolled_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]
    # While blocked, the status the client had before, so unblocking restores a /stop.
    status_before_block: Mapped[str | None] = mapped_column(String(16))
    # The /settings reminder switches the client turned off, e.g. {"session": false}
    # (bot/domain/schedule/kinds.py says which kinds each switch covers).
    reminder_prefs: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)
    # Whether /progress shows the days since last use: only when the client asks for it.
    show_days_since_use: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    # Staff-only, copied from the invite (migration 0006): a chart number or initials and the
    # counselor, so staff know who `pseudo_id` is. Never shown to the client, never logged.
    label: Mapped[str | None] = mapped_column(String(32))
    counselor: Mapped[str | None] = mapped_column(String(64))
    # Migration 0007: when staff discharged the client (status "discharged"): no message of
    # any kind goes to them from then on; the record stays.
    discharged_at: Mapped[datetime | None]


class Invite(Base):
    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    track: Mapped[str | None] = mapped_column(String(64))
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    # Migration 0006: the client id the invite's redeemer gets (printed beside the link),
    # and the staff-only label and counselor copied onto that client.
    pseudo_id: Mapped[str | None] = mapped_column(String(16), unique=True, index=True)
    label: Mapped[str | None] = mapped_column(String(32))
    counselor: Mapped[str | None] = mapped_column(String(64))
    # Migration 0007: when staff revoked it (or removed its track with --force); a revoked
    # invite's link enrolls nobody.
    revoked_at: Mapped[datetime | None]


class Consent(Base):
    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    version: Mapped[str] = mapped_column(String(16))
    accepted_at: Mapped[datetime]


class Conversation(Base):
    __tablename__ = "conversations"
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(32))
    draft: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime]


class ProcessedUpdate(Base):
    """Telegram update ids already handled; holds no client data."""

    __tablename__ = "processed_updates"
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(index=True)


class InboxUpdate(Base):
    """A Telegram update recorded before its offset is confirmed to Telegram; deleted once
    handled. Holds what the person sent only for that while (seconds, or until a restart)."""

    __tablename__ = "inbox"
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    lane: Mapped[int | None] = mapped_column(BigInteger)  # chat id: one chat's updates in order
    payload: Mapped[dict[str, Any]]
    received_at: Mapped[datetime]
    # How many runs of the bot started handling it: one that never finishes (a crash each
    # time) is set aside rather than retried forever.
    attempts: Mapped[int] = mapped_column(Integer, default=1)


class OutboxMessage(Base):
    """One outgoing message decided in the transaction of the event that caused it, kept
    until Telegram accepted it (then deleted) or it can never be delivered.

    Status: pending (next_try_at says when) -> deleted when sent; failed (Telegram refused it,
    or the person blocked the bot); the payload is emptied when a row fails."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # Whose it is when it goes to them (None for the staff chat and strangers).
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    update_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(12))  # reply, notice, compose
    payload: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(index=True)
    detail: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]


class CheckIn(Base):
    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("client_id", "local_date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    local_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime]
    mood: Mapped[int | None]
    craving: Mapped[int | None]
    substance_use: Mapped[str | None] = mapped_column(String(16))
    sleep: Mapped[str | None] = mapped_column(String(8))
    stress: Mapped[int | None]
    triggers: Mapped[list[str]] = mapped_column(JSON, default=list)
    medication: Mapped[str | None] = mapped_column(String(8))
    confidence: Mapped[int | None]
    safety: Mapped[str | None] = mapped_column(String(8))


class Craving(Base):
    __tablename__ = "cravings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    created_at: Mapped[datetime]
    intensity: Mapped[int | None]
    triggers: Mapped[list[str]] = mapped_column(JSON, default=list)
    action: Mapped[str | None] = mapped_column(String(32))
    coping_offered: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_at: Mapped[datetime | None]
    helped: Mapped[str | None] = mapped_column(String(32))


class TriggerLog(Base):
    __tablename__ = "trigger_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    created_at: Mapped[datetime]
    triggers: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(String(200))


class CopingOutcome(Base):
    __tablename__ = "coping_outcomes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    created_at: Mapped[datetime]
    skill: Mapped[str] = mapped_column(String(32))
    helped: Mapped[str | None] = mapped_column(String(8))


class CrisisEvent(Base):
    """A crisis detection: tier and what was shown, never the message text.

    `client_id` is NULL when the person was not enrolled."""

    __tablename__ = "crisis_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    tier: Mapped[int]
    source: Mapped[str] = mapped_column(String(16))
    shown: Mapped[str] = mapped_column(String(32))
    # Migration 0006: the staff notice's follow-up. Who tapped "I'm on it" first ("staff:<id>"
    # and the name Telegram showed) and when; how many times the notice was sent again.
    ack_by: Mapped[str | None] = mapped_column(String(64))
    ack_name: Mapped[str | None] = mapped_column(String(64))
    ack_at: Mapped[datetime | None]
    notices: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    noticed_at: Mapped[datetime | None]


class NoticeMessage(Base):
    """Where a crisis notice was delivered (migration 0011): the staff chat, a repeat, a
    staff member's private copy. Taken on the web, each is edited to say who took it."""

    __tablename__ = "notice_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("crisis_events.id", ondelete="CASCADE"), index=True
    )
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    sent_at: Mapped[datetime]


# ---- program schedules and reminders (migration 0002) -------------------------------------


class Track(Base):
    """A program track, e.g. "Evening IOP", whose sessions recur weekly."""

    __tablename__ = "tracks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class ProgramSession(Base):
    """A group, individual or family session: weekly (`weekday`) or once (`once_date`).

    Track-wide when `track_id` is set, one client's when `client_id` is set."""

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    track_id: Mapped[int | None] = mapped_column(
        ForeignKey("tracks.id", ondelete="CASCADE"), index=True
    )
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    weekday: Mapped[int | None]
    once_date: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5))
    duration_min: Mapped[int]
    place: Mapped[str | None] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    # Migration 0007: when staff last changed it (`session edit`); its reminders count "added
    # later" from then, so a new time is announced like a new session.
    updated_at: Mapped[datetime | None]


class SessionSkip(Base):
    """One date a weekly session does not meet (a holiday), in the session's own zone: its
    reminders for that date are not sent and /sessions does not show it (migration 0007)."""

    __tablename__ = "session_skips"
    __table_args__ = (UniqueConstraint("session_id", "skip_date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    skip_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime]


class Reminder(Base):
    """One message the bot will send on its own; unique per client, kind and occurrence.

    Status: due -> claimed -> sending -> sent; or missed (too late, quiet hours, not needed any
    more); or failed (Telegram refused it); or uncertain (handed to Telegram, no answer came:
    a timeout, a dropped connection, a crash mid-send; it may have been delivered and is never
    sent again). Never deleted except with the client, or while it is only a plan not sent
    yet (still due, or set aside by a block and still ahead): when a new check-in time or
    zone re-plans it, when its session changes or its client leaves the session's track,
    and (set aside by a discharge) when the client is readmitted."""

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("client_id", "kind", "occurrence"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    kind: Mapped[str] = mapped_column(String(24))
    occurrence: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default="due", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    detail: Mapped[str | None] = mapped_column(String(64))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    session_start: Mapped[datetime | None]
    ref_id: Mapped[int | None]
    created_at: Mapped[datetime]


class Attendance(Base):
    """A client's answer to a session reminder: there, late or cant."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("client_id", "session_id", "session_start"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    session_start: Mapped[datetime]
    answer: Mapped[str] = mapped_column(String(8))
    answered_at: Mapped[datetime]


# ---- the daily flag digest (migration 0007) --------------------------------------------------


class FlagDigest(Base):
    """One program day's flag digest to the staff chat: the day is the idempotency key (at
    most one digest a day, whatever restarts), and who took it ("I'm on it") and when.

    Not client data: no client_id and no client in it (the digest's text, which names
    clients, lives only in the outbox until Telegram accepted it); how many clients it
    listed. A day nothing was flagged has a row with 0 clients and no message."""

    __tablename__ = "flag_digests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)  # the program's local date
    created_at: Mapped[datetime]
    clients: Mapped[int] = mapped_column(Integer)
    messages: Mapped[int] = mapped_column(Integer)
    ack_by: Mapped[str | None] = mapped_column(String(64))
    ack_name: Mapped[str | None] = mapped_column(String(64))
    ack_at: Mapped[datetime | None]


# ---- audit log (migration 0003) -------------------------------------------------------------


class Heartbeat(Base):
    """When a part of the running bot was last seen working: "poller" (a getUpdates round
    done) and "dispatcher" (a reminder round done). `recovery-bot health` reads them; no
    client data."""

    __tablename__ = "heartbeats"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    at: Mapped[datetime]


class AuditEntry(Base):
    """Who exported, reported or shared what, and when.

    Not client data: no client_id, so it outlives /delete; `subject` is a pseudonymous id
    (or "all"), which names nobody once the client row is gone."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(200), default="")


# ---- the staff web view (migration 0010) ------------------------------------------------------


class StaffMember(Base):
    """A staff member who may sign in to the web view: their Telegram id (the /web command's
    sender), the name the caseload matches against a client's `counselor` and the role:
    "counselor" (their own clients) or "admin" (every client, and the staff list). No client
    data."""

    __tablename__ = "staff_members"
    tg_user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


class WebSignIn(Base):
    """A one-time sign-in link sent by /web: only the SHA-256 of its token is kept; used once
    (`used_at`), valid until `expires_at`. Removed with the staff member."""

    __tablename__ = "web_sign_ins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.tg_user_id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class WebSession(Base):
    """A signed-in browser: only the SHA-256 of its cookie is kept, with the CSRF token its
    forms carry; it ends after 15 idle minutes or 12 hours (`bot.service.web_auth`), at
    sign-out, or with every other session of its staff member ("sign out everywhere")."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.tg_user_id", ondelete="CASCADE"), index=True
    )
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    seen_at: Mapped[datetime]
