"""The daily flag digest: one row per program day (the idempotency key) with who took it.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create flag_digests; no client_id: a digest row names no client."""
    op.create_table(
        "flag_digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("clients", sa.Integer(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("ack_by", sa.String(64), nullable=True),
        sa.Column("ack_name", sa.String(64), nullable=True),
        sa.Column("ack_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_flag_digests"),
        sa.UniqueConstraint("day", name="uq_flag_digests_day"),
    )


def downgrade() -> None:
    """Drop the digests: who took which day's digest is lost (the audit log keeps it)."""
    op.drop_table("flag_digests")
