"""Turn what the user typed (`--db`, ``$SUMMARIZER_DB``) into a migrated SQLAlchemy engine.

A bare path means a SQLite file (WAL, so a reader never blocks the batch writer); anything
with ``://`` is a SQLAlchemy URL (``postgresql+psycopg://...``). The schema is brought up
to date on open with Alembic, so nobody ever runs ``alembic`` by hand.
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

DEFAULT_DB_FILE = "summarizer.db"
DB_ENV_VAR = "SUMMARIZER_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000

_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def resolve_db_url(db: str | None = None) -> str:
    """`--db` value, else ``$SUMMARIZER_DB``, else ``summarizer.db`` in the working directory."""
    value = db or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_FILE
    if "://" in value:
        return value
    if value == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, a busy timeout instead of 'database is locked', real FKs."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    """An engine with the store's connection settings; does not touch the schema."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    in_memory = parsed.database in (None, "", ":memory:")
    if parsed.database and not in_memory:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        # A shared in-memory database must be one connection. A file gets a pool: opening a
        # connection (and its pragmas) per transaction would cost more than the write itself;
        # the pool hands each connection to one thread at a time.
        poolclass=StaticPool if in_memory else QueuePool,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def version_locations() -> list[str]:
    """The store's revisions plus those of any other area (``summarizer/<area>/migrations``)."""
    found = [str(_MIGRATIONS_DIR / "versions")]
    for path in sorted(_PACKAGE_DIR.glob("*/migrations/versions")):
        if path.resolve() != (_MIGRATIONS_DIR / "versions").resolve():
            found.append(str(path))
    return found


def import_table_modules() -> None:
    """Import every area's ``summarizer/<area>/tables.py`` so `Base.metadata` has all tables."""
    for path in sorted(_PACKAGE_DIR.glob("*/tables.py")):
        importlib.import_module(f"summarizer.{path.parent.name}.tables")


def alembic_config() -> Config:
    """Alembic configuration built in code (no alembic.ini to ship or find)."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    config.set_main_option("version_locations", " ".join(version_locations()))
    config.set_main_option("path_separator", "space")
    return config


def _migration_engine(engine: Engine) -> Engine:
    """For a SQLite file, an engine whose transactions start with ``BEGIN IMMEDIATE``.

    Two processes opening a new database at once (a batch and a reader, two Ray drivers)
    would otherwise both try to create the tables; the immediate write lock makes the
    second wait (busy timeout) and then find the schema already at head.
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine
    migration = create_engine(
        engine.url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        poolclass=NullPool,
    )

    def _connect(dbapi_connection: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves

    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(migration, "connect", _connect)
    event.listen(migration, "begin", _begin)
    return migration


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    config = alembic_config()
    migration = _migration_engine(engine)
    try:
        with migration.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
    finally:
        if migration is not engine:
            migration.dispose()


def open_engine(db: str | None = None) -> Engine:
    """Resolve, connect and migrate (once per process and URL)."""
    url = resolve_db_url(db)
    engine = create_db_engine(url)
    with _migrate_lock:
        if url not in _migrated or url == "sqlite://":
            upgrade(engine)
            _migrated.add(url)
    return engine
