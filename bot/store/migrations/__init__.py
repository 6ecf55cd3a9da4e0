"""Alembic migrations, run through `bot.store.database.upgrade`; one revision per schema change."""
