"""`summarizer review` and `summarizer users` as a person types them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support.review import seeded_store
from typer.testing import CliRunner

from summarizer.cli import review_cmd, users_cmd  # noqa: F401  (registers ours)
from summarizer.cli.app import app


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.db"
    store, _ = seeded_store(path)
    store.close()
    return str(path)


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env=env or {}, input=stdin)
    return result.exit_code, result.output


def test_list_and_show(db: str) -> None:
    code, out = run("review", "list", "--status", "open", "--db", db)
    assert code == 0
    assert "#1" in out and "scale_mismatch" in out and "6.2 million USD" in out
    code, out = run("review", "show", "1", "--db", db)
    assert code == 0
    assert "[[6.2 billion USD]]" in out and "figures[2].value" in out


def test_writes_need_a_reviewer_name(db: str) -> None:
    code, out = run("review", "approve", "1", "--db", db, env={"SUMMARIZER_REVIEWER": ""})
    assert code == 2 and "--reviewer" in out
    code, out = run("review", "approve", "1", "--db", db, env={"SUMMARIZER_REVIEWER": "alice"})
    assert code == 0 and "discrepancy 1 approved by alice (audit entry 1)" in out


def test_resolved_and_unknown_ids_exit_2(db: str) -> None:
    assert run("review", "approve", "1", "--reviewer", "alice", "--db", db)[0] == 0
    code, out = run("review", "reject", "1", "--reason", "x", "--reviewer", "bob", "--db", db)
    assert code == 2 and "already approved (by alice" in out
    code, out = run("review", "approve", "42", "--reviewer", "bob", "--db", db)
    assert code == 2 and "no discrepancy with id 42" in out


def test_two_cli_reviewers_at_once_record_one_decision(db: str) -> None:
    """Two `summarizer review` processes decide the same discrepancy concurrently."""
    env = {**os.environ, "SUMMARIZER_DB": db}
    base = [sys.executable, "-m", "summarizer", "review"]
    commands = {
        "alice": [*base, "approve", "1", "--reviewer", "alice"],
        "bob": [*base, "reject", "1", "--reason", "wrong scale", "--reviewer", "bob"],
    }
    procs = {
        who: subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for who, cmd in commands.items()
    }
    results = {who: (p.wait(timeout=120), *p.communicate()) for who, p in procs.items()}
    codes = sorted(code for code, _out, _err in results.values())
    assert codes == [0, 2], results
    winner = next(who for who, (code, _o, _e) in results.items() if code == 0)
    _code, _out, err = next(r for r in results.values() if r[0] == 2)
    assert f"(by {winner} at" in err and "nothing was changed" in err
    code, out = run("review", "verify", "--db", db)
    assert code == 0 and "audit log intact: 1 entries" in out


def test_correct_validates_and_reports_the_change(db: str) -> None:
    base = ("review", "correct", "1", "--reviewer", "alice", "--db", db)
    code, out = run(*base, "--field", "figures[2].value", "--value", "6.2bn")
    assert code == 2 and "valid decimal" in out
    code, out = run(*base, "--source")
    assert code == 0
    assert 'figures[2].value: "6200000" -> "6200000000"' in out
    assert 'figures[2].scale: "million" -> "billion"' in out


def test_verify_detects_tampering(db: str) -> None:
    run("review", "approve", "1", "--reviewer", "alice", "--db", db)
    run("review", "reject", "2", "--reason", "dup", "--reviewer", "alice", "--db", db)
    code, out = run("review", "verify", "--db", db)
    assert code == 0 and "audit log intact: 2 entries" in out
    head = out.strip().rsplit(" ", 1)[-1]
    assert run("review", "verify", "--expect-head", head, "--db", db)[0] == 0
    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER review_audit_log_no_update")
    connection.execute("UPDATE review_audit_log SET who='mallory' WHERE seq=1")
    connection.commit()
    connection.close()
    code, out = run("review", "verify", "--db", db)
    assert code == 1 and "entry 1: content does not match its hash" in out


def test_export_writes_regression_cases(db: str, tmp_path: Path) -> None:
    run("review", "correct", "1", "--source", "--reviewer", "alice", "--db", db)
    run("review", "approve", "2", "--reviewer", "bob", "--db", db)
    target = tmp_path / "cases.jsonl"
    code, _out = run("review", "export", "--output", str(target), "--db", db)
    assert code == 0
    cases = [json.loads(line) for line in target.read_text().splitlines()]
    assert [(c["discrepancy_id"], c["decision"]) for c in cases] == [(1, "correct"), (2, "approve")]
    first = cases[0]
    assert (first["field"], first["record_value"], first["source_value"]) == (
        "figures[2].value",
        "6200000",
        "6.2 billion USD",
    )
    assert first["decided_value"] == "6200000000"
    assert first["record"]["figures"][2]["value"] == "6200000000"
    assert "6.2 billion USD" in first["source_text"]
    code, out = run("review", "export", "--decision", "approve", "--db", db)
    assert code == 0 and len(out.strip().splitlines()) == 1


def test_users_add_and_token(db: str) -> None:
    code, out = run("users", "add", "alice", "--password-stdin", "--db", db, stdin="s3cret-pass\n")
    assert code == 0 and "created reviewer alice" in out
    code, out = run("users", "add", "alice", "--password-stdin", "--db", db, stdin="other-pass\n")
    assert code == 2 and "already exists" in out
    code, out = run("users", "add", "Bob!", "--password-stdin", "--db", db, stdin="s3cret-pass\n")
    assert code == 2 and "invalid user name" in out
    code, out = run("users", "add", "carol", "--password-stdin", "--db", db, stdin="short\n")
    assert code == 2 and "too short" in out
    code, out = run("users", "token", "alice", "--db", db)
    assert code == 0 and out.strip().startswith("smzr_")
    code, out = run("users", "token", "nobody", "--db", db)
    assert code == 2 and "no user named" in out


def test_replay_reports_each_case(db: str, tmp_path: Path) -> None:
    run("review", "correct", "1", "--source", "--reviewer", "alice", "--db", db)
    target = tmp_path / "cases.jsonl"
    assert run("review", "export", "-o", str(target), "--db", db)[0] == 0
    code, out = run("review", "replay", str(target))
    assert code == 0
    assert "#1    correct  figures[2].value       no longer flagged" in out
    assert "1 case(s): field no longer flagged in 1" in out
    code, out = run("review", "replay", str(tmp_path / "missing.jsonl"))
    assert code == 2 and "missing.jsonl" in out
