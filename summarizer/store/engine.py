"""Turn what the user typed (`--db`, ``$SUMMARIZER_DB``) into a migrated SQLAlchemy engine.

A bare path means a SQLite file (WAL, so a reader never blocks the batch writer); anything
with ``://`` is a SQLAlchemy URL (``postgresql+psycopg://...``). The schema is brought up
to date on open with Alembic, so nobody ever runs ``alembic`` by hand; two processes
migrating one new database at once are serialised (SQLite: ``BEGIN IMMEDIATE``;
PostgreSQL: a transaction-scoped advisory lock).

Whatever goes wrong while opening (a typo in the dialect, a missing driver, an
unreachable server, an unwritable path, a store that does not exist for a read-only
command) is raised as one `StoreError` saying so, never as a driver traceback.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

from summarizer.errors import StoreError
from summarizer.settings import first_set

DEFAULT_DB_FILE = "summarizer.db"
DB_ENV_VAR = "SUMMARIZER_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000
MIGRATION_LOCK_KEY = 0x5355_4D4D  # "SUMM": the advisory lock that serialises migrations

_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def resolve_db_url(db: str | None = None) -> str:
    """`--db` value, else ``$SUMMARIZER_DB``, else ``summarizer.db`` in the working directory."""
    value = first_set(db, DB_ENV_VAR, default=DEFAULT_DB_FILE, environ=os.environ)
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


def display_url(url: str | URL) -> str:
    """The URL with any password hidden, for messages."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return str(url)
    return parsed.render_as_string(hide_password=True)


def parse_db_url(url: str) -> URL:
    """The parsed URL, or `StoreError` naming what is wrong with it."""
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"{url!r} is not a store URL",
            hint="pass a SQLite file path or a SQLAlchemy URL such as "
            "postgresql+psycopg://user:password@host/db",
        ) from exc


def _sqlite_file(parsed: URL) -> Path | None:
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database or "")


def create_db_engine(url: str, *, create: bool = True) -> Engine:
    """An engine with the store's connection settings; does not touch the schema.

    With `create=False` (read-only commands) a SQLite file that does not exist is a
    `StoreError` rather than a new empty store.
    """
    parsed = parse_db_url(url)
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(url, pool_pre_ping=True)
        except NoSuchModuleError as exc:
            raise StoreError(
                f"unknown database dialect or driver in {display_url(parsed)!r}",
                hint="use sqlite:///PATH, a plain file path, or postgresql+psycopg://...",
            ) from exc
        except ImportError as exc:
            raise StoreError(
                f"the database driver for {display_url(parsed)!r} is not installed ({exc.name})",
                hint='pip install "psycopg[binary]" for PostgreSQL',
            ) from exc
        except (ArgumentError, TypeError, ValueError) as exc:
            raise StoreError(f"{display_url(parsed)!r}: {exc}") from exc
    in_memory = parsed.database in (None, "", ":memory:")
    file = _sqlite_file(parsed)
    if file is not None:
        if not create and not file.exists():
            raise StoreError(
                f"no store at {file}",
                hint="run `summarizer batch SOURCE... --db PATH` first, or pass the right --db",
            )
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store's folder {file.parent}: {exc}") from exc
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


def _serialise_migrations(connection: Connection) -> None:
    """On PostgreSQL, wait for any other process migrating this database (until commit).

    Without it, two processes opening a fresh database at once both create the tables and
    the second dies on a duplicate. SQLite gets the same effect from ``BEGIN IMMEDIATE``.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    config = alembic_config()
    migration = _migration_engine(engine)
    try:
        with migration.begin() as connection:
            _serialise_migrations(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
    finally:
        if migration is not engine:
            migration.dispose()


def open_engine(db: str | None = None, *, create: bool = True) -> Engine:
    """Resolve, connect and migrate (once per process and URL); `StoreError` if it cannot.

    `create=False` is for read-only commands: a store that does not exist is an error
    (said so), not silently created empty.
    """
    url = resolve_db_url(db)
    engine = create_db_engine(url, create=create)
    try:
        with _migrate_lock:
            if url not in _migrated or url == "sqlite://":
                upgrade(engine)
                _migrated.add(url)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise StoreError(
            f"cannot open the store {display_url(url)}: {reason[0] if reason else exc}"
        ) from exc
    except OSError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store {display_url(url)}: {exc}") from exc
    return engine


@contextmanager
def store_session(db: str | None = None, *, create: bool = True) -> Iterator[Session]:
    """A session on the store for one CLI command; the engine is disposed afterwards."""
    engine = open_engine(db, create=create)
    try:
        with Session(engine, expire_on_commit=False) as session:
            yield session
    finally:
        engine.dispose()
