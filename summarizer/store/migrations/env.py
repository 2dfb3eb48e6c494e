"""Alembic environment: runs on the connection `summarizer.store.engine.upgrade` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from summarizer.store.base import Base
from summarizer.store.engine import import_table_modules

import_table_modules()  # every area's tables, so autogenerate sees the whole schema

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError(
            "migrations run from summarizer.store.engine.upgrade(); "
            "open the store with open_engine() instead of calling alembic directly"
        )
    _run(connection)


_main()
