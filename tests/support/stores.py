"""Stores for tests: a SQLite file, and a fresh PostgreSQL database when one is given.

``SUMMARIZER_TEST_PG_URL`` (``.ci/run`` sets it from ``.ci/start-postgres``) names a
PostgreSQL server and a role that may create databases; each test gets a database of its
own, dropped afterwards. Without the variable the PostgreSQL cases are skipped (and say
why); everything else runs on SQLite as always.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from summarizer.store.repository import Store

PG_ENV_VAR = "SUMMARIZER_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV_VAR) or None


def _admin_execute(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def drop_database(admin: str, name: str, attempts: int = 20) -> None:
    """Drop a test database, forcing its connections closed.

    ``WITH (FORCE)`` refuses when a backend it may not signal is connected: an autovacuum
    worker that just visited the new database, or a backend still starting up, has no
    role yet. ``.ci/start-postgres`` grants the test role ``pg_signal_backend`` so it may;
    on a server without that grant such a backend is gone within moments, so the drop is
    retried briefly before the error stands.
    """
    for attempt in range(attempts):
        try:
            _admin_execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.25)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database (SQLAlchemy URL), dropped after the test."""
    admin = pg_admin_url()
    if admin is None:
        pytest.skip(f"{PG_ENV_VAR} is not set (.ci/run starts a PostgreSQL and sets it)")
    name = f"summ_test_{uuid.uuid4().hex[:12]}"
    _admin_execute(admin, f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        drop_database(admin, name)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store every parametrised test runs on: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url: str = request.getfixturevalue("pg_url")
    return url


def row_count(store: Store, table: type) -> int:
    """How many rows `table` (an ORM table class) holds in `store`."""
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)
