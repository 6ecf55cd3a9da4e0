"""Initial schema: clients and everything that hangs off them.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Written out by hand, not imported from bot.store.models, so this revision keeps describing
# the schema as it was even after the models move on.
TS = sa.DateTime(timezone=True)


def _id(table: str) -> list[SchemaItem]:
    """An integer surrogate key named by the convention."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _client_ref(table: str, *, nullable: bool = False) -> list[SchemaItem]:
    """The client_id column and its cascading foreign key."""
    return [
        sa.Column("client_id", sa.Integer(), nullable=nullable),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=f"fk_{table}_client_id_clients", ondelete="CASCADE"
        ),
    ]


def _client_index(table: str) -> None:
    """The index on client_id that every per-client table has."""
    op.create_index(f"ix_{table}_client_id", table, ["client_id"])


def upgrade() -> None:
    """Create every table, constraint and index."""
    _create_clients()
    _create_enrolment()
    _create_checkins()
    _create_logs()


def _create_clients() -> None:
    """The client row that every piece of personal data hangs off."""
    op.create_table(
        "clients",
        *_id("clients"),
        sa.Column("pseudo_id", sa.String(16), nullable=False),
        sa.Column("tg_user_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("checkin_time", sa.String(5), nullable=False),
        sa.Column("takes_medication", sa.Boolean(), nullable=False),
        sa.Column("support_name", sa.String(64), nullable=True),
        sa.Column("support_phone", sa.String(32), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("track_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("enrolled_at", TS, nullable=True),
        sa.Column("last_seen_at", TS, nullable=True),
        sa.Column("status_before_block", sa.String(length=16), nullable=True),
        sa.UniqueConstraint("pseudo_id", name="uq_clients_pseudo_id"),
        sa.UniqueConstraint("tg_user_id", name="uq_clients_tg_user_id"),
    )


def _create_enrolment() -> None:
    """Invites, consents, conversation state and the update-id ledger."""
    op.create_table(
        "invites",
        *_id("invites"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("track", sa.String(64), nullable=True),
        *_client_ref("invites", nullable=True),
        sa.UniqueConstraint("code_hash", name="uq_invites_code_hash"),
    )
    _client_index("invites")
    op.create_table(
        "consents",
        *_id("consents"),
        *_client_ref("consents"),
        sa.Column("version", sa.String(16), nullable=False),
        sa.Column("accepted_at", TS, nullable=False),
    )
    _client_index("consents")
    op.create_table(
        "conversations",
        *_client_ref("conversations"),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("draft", sa.JSON(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("client_id", name="pk_conversations"),
    )
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("processed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("update_id", name="pk_processed_updates"),
    )
    op.create_index("ix_processed_updates_processed_at", "processed_updates", ["processed_at"])


def _create_checkins() -> None:
    """One row per client per local date."""
    op.create_table(
        "checkins",
        *_id("checkins"),
        *_client_ref("checkins"),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("craving", sa.Integer(), nullable=True),
        sa.Column("substance_use", sa.String(16), nullable=True),
        sa.Column("sleep", sa.String(8), nullable=True),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("triggers", sa.JSON(), nullable=False),
        sa.Column("medication", sa.String(8), nullable=True),
        sa.Column("confidence", sa.Integer(), nullable=True),
        sa.Column("safety", sa.String(8), nullable=True),
        sa.UniqueConstraint("client_id", "local_date", name="uq_checkins_client_id"),
    )
    _client_index("checkins")


def _create_logs() -> None:
    """The event records: cravings, triggers, coping outcomes, crises."""
    op.create_table(
        "cravings",
        *_id("cravings"),
        *_client_ref("cravings"),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("triggers", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(32), nullable=True),
        sa.Column("coping_offered", sa.String(32), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("outcome_at", TS, nullable=True),
    )
    _client_index("cravings")
    op.create_table(
        "trigger_logs",
        *_id("trigger_logs"),
        *_client_ref("trigger_logs"),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("triggers", sa.JSON(), nullable=False),
        sa.Column("note", sa.String(200), nullable=True),
    )
    _client_index("trigger_logs")
    op.create_table(
        "coping_outcomes",
        *_id("coping_outcomes"),
        *_client_ref("coping_outcomes"),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("skill", sa.String(32), nullable=False),
        sa.Column("helped", sa.String(8), nullable=True),
    )
    _client_index("coping_outcomes")
    op.create_table(
        "crisis_events",
        *_id("crisis_events"),
        *_client_ref("crisis_events", nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("shown", sa.String(32), nullable=False),
    )
    _client_index("crisis_events")


def downgrade() -> None:
    """Drop everything, dependents first."""
    for table in (
        "crisis_events",
        "coping_outcomes",
        "trigger_logs",
        "cravings",
        "checkins",
        "processed_updates",
        "conversations",
        "consents",
        "invites",
    ):
        op.drop_table(table)  # drops its indexes with it
    op.drop_table("clients")
