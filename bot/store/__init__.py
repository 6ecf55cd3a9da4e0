"""Persistence: SQLAlchemy tables, repositories and Alembic migrations.

Repositories work inside the caller's transaction and never begin, commit or roll back: only
`Database.transaction()` does, and only the service layer calls it."""
