"""Program schedules and reminders: tracks, sessions, reminders, attendance.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

TS = sa.DateTime(timezone=True)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete
    )


def upgrade() -> None:
    """Add the schedule tables and the two new client and craving columns."""
    with op.batch_alter_table("clients") as batch:
        batch.add_column(sa.Column("reminder_prefs", sa.JSON(), nullable=True))
    with op.batch_alter_table("cravings") as batch:
        batch.add_column(sa.Column("helped", sa.String(32), nullable=True))
    op.create_table(
        "tracks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tracks"),
        sa.UniqueConstraint("name", name="uq_tracks_name"),
    )
    _create_sessions()
    _create_reminders()
    _create_attendance()


def _create_sessions() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("once_date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(200), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        _fk("sessions", "track_id", "tracks", "CASCADE"),
        _fk("sessions", "client_id", "clients", "CASCADE"),
    )
    op.create_index("ix_sessions_track_id", "sessions", ["track_id"])
    op.create_index("ix_sessions_client_id", "sessions", ["client_id"])


def _create_reminders() -> None:
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("occurrence", sa.String(64), nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", TS, nullable=True),
        sa.Column("claimed_at", TS, nullable=True),
        sa.Column("sent_at", TS, nullable=True),
        sa.Column("detail", sa.String(64), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("session_start", TS, nullable=True),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reminders"),
        _fk("reminders", "client_id", "clients", "CASCADE"),
        _fk("reminders", "session_id", "sessions", "SET NULL"),
        sa.UniqueConstraint("client_id", "kind", "occurrence", name="uq_reminders_client_id"),
    )
    for column in ("client_id", "due_at", "status", "session_id"):
        op.create_index(f"ix_reminders_{column}", "reminders", [column])


def _create_attendance() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("session_start", TS, nullable=False),
        sa.Column("answer", sa.String(8), nullable=False),
        sa.Column("answered_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attendance"),
        _fk("attendance", "client_id", "clients", "CASCADE"),
        _fk("attendance", "session_id", "sessions", "SET NULL"),
        sa.UniqueConstraint(
            "client_id", "session_id", "session_start", name="uq_attendance_client_id"
        ),
    )
    op.create_index("ix_attendance_client_id", "attendance", ["client_id"])
    op.create_index("ix_attendance_session_id", "attendance", ["session_id"])


def downgrade() -> None:
    """Drop the schedule tables and the added columns."""
    for table in ("attendance", "reminders", "sessions", "tracks"):
        op.drop_table(table)
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch rebuild of clients would drop
    # the old table, and with foreign keys on, every row hanging off a client with it.
    op.drop_column("cravings", "helped")
    op.drop_column("clients", "reminder_prefs")
