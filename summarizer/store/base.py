"""The one SQLAlchemy declarative base every table of the tool is declared on.

A single ``MetaData`` lets Alembic see all tables (store, review, ...) at once, and the
naming convention gives every constraint a stable name so migrations can alter them on
SQLite (batch mode) and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base shared by all areas; import it, never create another one."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
