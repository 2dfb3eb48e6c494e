"""Persistent store: SQLAlchemy tables, Alembic migrations and the query API."""
