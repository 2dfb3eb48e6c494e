"""pytest plugin: run store-using tests on PostgreSQL instead of their SQLite files.

``pytest -p support.pg_everywhere tests/test_review_*.py`` with ``SUMMARIZER_TEST_PG_URL``
set gives every SQLite file a test opens under its ``tmp_path`` a fresh PostgreSQL
database of its own, so the store and review tests written for SQLite also prove the
PostgreSQL path (.ci/run does this). Without the variable the plugin does nothing.
Tests that open the SQLite file themselves (``sqlite3.connect``, to tamper with it) or
hand its path to a subprocess are SQLite-bound by construction; they are skipped in this
pass (they run in the plain SQLite pass) and listed in `SQLITE_BOUND`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from summarizer.store import engine as engine_module
from support.stores import _admin_execute, drop_database, pg_admin_url

SQLITE_BOUND = frozenset(
    {
        "test_database_refuses_update_and_delete",
        "test_edited_row_is_detected",
        "test_edited_row_with_recomputed_hash_breaks_the_next_link",
        "test_deleted_row_is_detected",
        "test_deleted_last_row_is_detected_through_the_statuses",
        "test_reordered_rows_are_detected",
        "test_two_cli_reviewers_at_once_record_one_decision",
        "test_verify_detects_tampering",
        "test_open_migrates_and_sets_sqlite_pragmas",
        # review hardening: tamper with the file by hand, or serve it from a subprocess
        "test_a_broken_stored_record_leaves_the_briefing_of_the_others",
        "test_a_tampered_reviewed_record_is_detected",
        "test_a_deleted_reviewed_record_is_detected",
        "test_expect_head_catches_a_consistently_rewritten_chain",
        "test_the_keyed_chain_catches_what_only_the_key_holder_could_write",
        "test_the_page_shows_tampering_of_the_reviewed_record",
        "test_the_audit_page_checks_macs_when_the_server_has_the_key",
        "test_a_token_from_before_the_upgrade_keeps_working_and_now_expires",
        "test_x_forwarded_for_does_not_buy_a_fresh_limit",
        "test_a_guesser_cannot_lock_out_a_user_who_signed_in_there_before",
        "test_host_check_holds_on_another_loopback_address",
        "test_wildcard_bind_needs_allowed_hosts",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if pg_admin_url() is None:
        return
    skip = pytest.mark.skip(reason="opens the SQLite file directly; runs in the SQLite pass")
    for item in items:
        if getattr(item, "originalname", item.name) in SQLITE_BOUND:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _sqlite_files_become_postgres_databases(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[None]:
    admin = pg_admin_url()
    if admin is None:
        yield
        return
    real = engine_module.resolve_db_url
    created: dict[str, str] = {}

    def resolve(db: str | None = None) -> str:
        url = real(db)
        if not url.startswith("sqlite:///") or str(tmp_path) not in url:
            return url
        if url not in created:
            name = f"summ_plugin_{uuid.uuid4().hex[:12]}"
            _admin_execute(admin, f'CREATE DATABASE "{name}"')
            created[url] = make_url(admin).set(database=name).render_as_string(False)
        return created[url]

    monkeypatch.setattr(engine_module, "resolve_db_url", resolve)
    yield
    for pg in created.values():
        name = make_url(pg).database
        if name is not None:
            drop_database(admin, name)
