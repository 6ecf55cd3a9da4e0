"""Who is who and who followed up: the client id, label and counselor an invite carries to
its client, and the acknowledgement and repeats of a crisis notice.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

TS = sa.DateTime(timezone=True)
# Plain ALTER TABLE, not batch mode (see 0004): a batch rebuild of clients on SQLite would
# cascade-delete every row that hangs off it.
COLUMNS: dict[str, list[sa.Column[object]]] = {
    "invites": [
        sa.Column("pseudo_id", sa.String(16), nullable=True),
        sa.Column("label", sa.String(32), nullable=True),
        sa.Column("counselor", sa.String(64), nullable=True),
    ],
    "clients": [
        sa.Column("label", sa.String(32), nullable=True),
        sa.Column("counselor", sa.String(64), nullable=True),
    ],
    "crisis_events": [
        sa.Column("ack_by", sa.String(64), nullable=True),
        sa.Column("ack_name", sa.String(64), nullable=True),
        sa.Column("ack_at", TS, nullable=True),
        sa.Column("notices", sa.Integer(), server_default="0", nullable=False),
        sa.Column("noticed_at", TS, nullable=True),
    ],
}


def upgrade() -> None:
    """Add the columns; existing rows keep NULL (no label) and 0 notices sent again."""
    for table, columns in COLUMNS.items():
        for column in columns:
            op.add_column(table, column)
    op.create_index("ix_invites_pseudo_id", "invites", ["pseudo_id"], unique=True)


def downgrade() -> None:
    """Drop them: labels, counselors and acknowledgements are lost."""
    op.drop_index("ix_invites_pseudo_id", table_name="invites")
    for table, columns in reversed(COLUMNS.items()):
        for column in reversed(columns):
            op.drop_column(table, column.name)
