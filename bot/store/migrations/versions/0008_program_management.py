"""Managing a program: a client's discharge, an invite's revocation, a session's last change,
and the dates a weekly session does not meet.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

TS = sa.DateTime(timezone=True)
# Plain ALTER TABLE, not batch mode (see 0004): a batch rebuild of clients on SQLite would
# cascade-delete every row that hangs off it.
COLUMNS: dict[str, list[sa.Column[object]]] = {
    "clients": [sa.Column("discharged_at", TS, nullable=True)],
    "invites": [sa.Column("revoked_at", TS, nullable=True)],
    "sessions": [sa.Column("updated_at", TS, nullable=True)],
}


def upgrade() -> None:
    """Add the columns (existing rows: never discharged, revoked or changed) and the table."""
    for table, columns in COLUMNS.items():
        for column in columns:
            op.add_column(table, column)
    op.create_table(
        "session_skips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("skip_date", sa.Date(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_session_skips"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_session_skips_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("session_id", "skip_date", name="uq_session_skips_session_id"),
    )
    op.create_index("ix_session_skips_session_id", "session_skips", ["session_id"])


def downgrade() -> None:
    """Drop them: discharges, revocations and skipped dates are forgotten."""
    op.drop_table("session_skips")
    for table, columns in reversed(COLUMNS.items()):
        for column in reversed(columns):
            op.drop_column(table, column.name)
