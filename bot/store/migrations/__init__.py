"""Alembic migrations, run through `bot.store.database.upgrade`."""
