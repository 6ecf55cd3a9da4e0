"""Days since last use: out of reminder_prefs into a column of its own.

It is a display choice (whether /progress shows the count), not a kind of reminder, so it no
longer rides in the JSON of reminder switches.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

KEY = "days_since_use"  # the key it had in clients.reminder_prefs
# The clients columns this revision reads and writes, written out as it knows them.
CLIENTS = sa.table(
    "clients",
    sa.column("id", sa.Integer()),
    sa.column("reminder_prefs", sa.JSON()),
    sa.column("show_days_since_use", sa.Boolean()),
)

# Plain ALTER TABLE, not batch mode: on SQLite a batch drop rebuilds the table, and dropping the
# old clients table with foreign keys on would cascade-delete every row that hangs off it.
# SQLite has ALTER TABLE ... DROP COLUMN since 3.35.


def upgrade() -> None:
    """Add clients.show_days_since_use, set it from the JSON key, and drop the key."""
    op.add_column(
        "clients",
        sa.Column("show_days_since_use", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    bind = op.get_bind()
    for client_id, prefs in _with_key(bind):
        rest = {k: v for k, v in prefs.items() if k != KEY}
        bind.execute(
            CLIENTS.update()
            .where(CLIENTS.c.id == client_id)
            .values(show_days_since_use=bool(prefs[KEY]), reminder_prefs=rest)
        )


def _with_key(bind: sa.Connection) -> list[tuple[int, dict[str, Any]]]:
    """(id, reminder_prefs) of the clients whose prefs hold the key."""
    rows = bind.execute(sa.select(CLIENTS.c.id, CLIENTS.c.reminder_prefs)).all()
    return [(cid, prefs) for cid, prefs in rows if isinstance(prefs, dict) and KEY in prefs]


def downgrade() -> None:
    """Put a true show_days_since_use back into reminder_prefs, then drop the column (false
    was the key's absence, which reads the same)."""
    bind = op.get_bind()
    shown = sa.select(CLIENTS.c.id, CLIENTS.c.reminder_prefs).where(
        CLIENTS.c.show_days_since_use.is_(True)
    )
    for client_id, prefs in bind.execute(shown).all():
        bind.execute(
            CLIENTS.update()
            .where(CLIENTS.c.id == client_id)
            .values(reminder_prefs={**(prefs or {}), KEY: True})
        )
    op.drop_column("clients", "show_days_since_use")
