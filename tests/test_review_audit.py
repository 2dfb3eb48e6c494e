"""The audit log is append-only and any tampering with it is detected by verify."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support.review import new_session, seeded_store

from summarizer.review import service
from summarizer.review.audit import GENESIS_HASH, AuditRecord, entry_hash, verify_records
from summarizer.store.repository import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with three decisions in its audit log."""
    path = tmp_path / "audit.db"
    from summarizer.domain import Discrepancy

    extra = [
        Discrepancy(code="not_in_source", field=f"figures[{i}].value", claim="x", message="m")
        for i in (0, 1, 3)
    ]
    store, _ = seeded_store(path, discrepancies=extra)
    with new_session(store) as session:
        service.approve(session, 1, "alice")
        service.correct(session, 2, "bob", "29600000000", reason="typo", override=True)
        service.reject(session, 3, "carol", "not in the article")
    store.close()
    return path


def _verify(path: Path) -> list[str]:
    store = Store.open(str(path))
    with new_session(store) as session:
        report = service.verify(session)
    store.close()
    return report.problems


def _tamper(path: Path, *statements: str) -> None:
    """What someone with write access to the file could do: drop the guards, then edit."""
    connection = sqlite3.connect(path)
    connection.execute("DROP TRIGGER review_audit_log_no_update")
    connection.execute("DROP TRIGGER review_audit_log_no_delete")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def test_intact_chain_verifies(db: Path) -> None:
    assert _verify(db) == []


@pytest.mark.parametrize(
    "statement",
    ["UPDATE review_audit_log SET who='mallory' WHERE seq=1", "DELETE FROM review_audit_log"],
)
def test_database_refuses_update_and_delete(db: Path, statement: str) -> None:
    connection = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        connection.execute(statement)
    connection.close()
    assert _verify(db) == []


def test_edited_row_is_detected(db: Path) -> None:
    _tamper(db, "UPDATE review_audit_log SET reason='nothing to see' WHERE seq=2")
    assert any("entry 2: content does not match its hash" in p for p in _verify(db))


def test_edited_row_with_recomputed_hash_breaks_the_next_link(db: Path) -> None:
    connection = sqlite3.connect(db)
    row = connection.execute(
        "SELECT seq, who, at, action, discrepancy_id, before_json, after_json, reason, "
        "prev_hash FROM review_audit_log WHERE seq=2"
    ).fetchone()
    connection.close()
    import json

    forged = dict(
        zip(
            ("seq", "who", "at", "action", "discrepancy_id", "before", "after", "reason"),
            row[:8],
            strict=True,
        )
    )
    forged.update(before=json.loads(row[5]), after=json.loads(row[6]), who="mallory")
    forged["prev_hash"] = row[8]
    new_hash = entry_hash(forged)
    _tamper(db, f"UPDATE review_audit_log SET who='mallory', hash='{new_hash}' WHERE seq=2")
    problems = _verify(db)
    assert any("entry 3: prev_hash does not match" in p for p in problems)
    assert not any("entry 2" in p for p in problems)


def test_deleted_row_is_detected(db: Path) -> None:
    _tamper(db, "DELETE FROM review_audit_log WHERE seq=2")
    problems = _verify(db)
    assert any("entry 3: expected sequence number 2" in p for p in problems)
    assert any("entry 3: prev_hash does not match" in p for p in problems)


def test_deleted_last_row_is_detected_through_the_statuses(db: Path) -> None:
    _tamper(
        db,
        "PRAGMA foreign_keys=OFF",
        "DELETE FROM review_audit_log WHERE seq=3",
    )
    assert any(
        "discrepancy 3 is rejected but the audit log has no decision" in p for p in _verify(db)
    )


def test_reordered_rows_are_detected(db: Path) -> None:
    _tamper(
        db,
        "PRAGMA foreign_keys=OFF",
        "UPDATE review_audit_log SET seq=-1 WHERE seq=1",
        "UPDATE review_audit_log SET seq=1 WHERE seq=2",
        "UPDATE review_audit_log SET seq=2 WHERE seq=-1",
    )
    problems = _verify(db)
    assert any("entry 1: prev_hash does not match" in p for p in problems)
    assert any("entry 1: content does not match its hash" in p for p in problems)


def test_verify_records_on_a_hand_built_chain() -> None:
    def record(seq: int, prev: str, who: str) -> AuditRecord:
        fields = {
            "seq": seq,
            "who": who,
            "at": "2026-01-01T00:00:00+00:00",
            "action": "approve",
            "discrepancy_id": seq,
            "before": {"status": "open"},
            "after": {"status": "approved"},
            "reason": None,
            "prev_hash": prev,
        }
        return AuditRecord(**fields, hash=entry_hash(fields))  # type: ignore[arg-type]

    first = record(1, GENESIS_HASH, "alice")
    second = record(2, first.hash, "bob")
    report = verify_records([first, second])
    assert report.ok and report.entries == 2 and report.head_hash == second.hash
    assert not verify_records([second, first]).ok
    assert not verify_records([record(1, "f" * 64, "alice")]).ok
