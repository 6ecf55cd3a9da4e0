"""The staff web view: staff members with a role, one-time sign-in links, browser sessions.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create staff_members, web_sign_ins and web_sessions (no client data in any)."""
    op.create_table(
        "staff_members",
        sa.Column("tg_user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("tg_user_id", name="pk_staff_members"),
    )
    for table in ("web_sign_ins", "web_sessions"):
        extra = (
            [sa.Column("expires_at", _WHEN, nullable=False), sa.Column("used_at", _WHEN)]
            if table == "web_sign_ins"
            else [sa.Column("csrf", sa.String(64), nullable=False),
                  sa.Column("seen_at", _WHEN, nullable=False)]
        )  # fmt: skip
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("token_hash", sa.String(64), nullable=False),
            sa.Column("staff_id", sa.BigInteger(), nullable=False),
            sa.Column("created_at", _WHEN, nullable=False),
            *extra,
            sa.ForeignKeyConstraint(
                ["staff_id"], ["staff_members.tg_user_id"], ondelete="CASCADE",
                name=f"fk_{table}_staff_id_staff_members",
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.UniqueConstraint("token_hash", name=f"uq_{table}_token_hash"),
        )
        op.create_index(f"ix_{table}_staff_id", table, ["staff_id"])


def downgrade() -> None:
    """Drop the web view's tables: every session ends and no staff member has a role."""
    for table in ("web_sessions", "web_sign_ins"):
        op.drop_index(f"ix_{table}_staff_id", table_name=table)
        op.drop_table(table)
    op.drop_table("staff_members")
