"""Notice messages: where each crisis notice was delivered, so that taking it on the web
edits those messages as a tap in the staff chat edits its own.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create notice_messages: a crisis event's id, a chat and a message id; no words."""
    op.create_table(
        "notice_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["crisis_events.id"],
            name="fk_notice_messages_event_id_crisis_events",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notice_messages"),
    )
    op.create_index("ix_notice_messages_event_id", "notice_messages", ["event_id"])


def downgrade() -> None:
    """Drop notice_messages: a notice taken on the web is then announced in a new message."""
    op.drop_index("ix_notice_messages_event_id", table_name="notice_messages")
    op.drop_table("notice_messages")
