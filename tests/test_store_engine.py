"""The store opens anywhere the user points it and its migrations match the ORM tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from summarizer.store.base import Base
from summarizer.store.engine import (
    alembic_config,
    import_table_modules,
    open_engine,
    resolve_db_url,
)


def test_bare_path_is_a_sqlite_file(tmp_path: Path) -> None:
    url = resolve_db_url(str(tmp_path / "x.db"))
    assert url == f"sqlite:///{tmp_path / 'x.db'}"


def test_url_passes_through() -> None:
    url = "postgresql+psycopg://u:p@db.example/summ"
    assert resolve_db_url(url) == url


def test_env_var_then_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SUMMARIZER_DB", raising=False)
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'summarizer.db'}"
    monkeypatch.setenv("SUMMARIZER_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_open_migrates_and_sets_sqlite_pragmas(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "s.db"))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    tables = set(inspect(engine).get_table_names())
    assert {"articles", "extraction_runs", "records", "discrepancies", "response_cache"} <= tables


def test_migrations_match_the_orm_tables(tmp_path: Path) -> None:
    """A table changed in any area's tables.py without a new Alembic revision fails here."""
    import_table_modules()
    engine = open_engine(str(tmp_path / "m.db"))
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_reopening_is_a_noop(tmp_path: Path) -> None:
    path = str(tmp_path / "r.db")
    open_engine(path)
    engine = open_engine(path)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    """Several processes creating the same new database at once must not collide."""
    import subprocess
    import sys

    path = tmp_path / "race.db"
    code = f"from summarizer.store.engine import open_engine; open_engine({str(path)!r})"
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    engine = open_engine(str(path))
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert versions == ScriptDirectory.from_config(alembic_config()).get_heads()
