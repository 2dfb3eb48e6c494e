"""Account lifecycle (`summarizer users ...`) as an administrator meets it, and what the
web page then lets each account do (issue 10, items 8 and 9)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from support.review import PASSWORD, login, new_session, seeded_store
from typer.testing import CliRunner

from summarizer.cli import review_cmd, users_cmd  # noqa: F401  (registers ours)
from summarizer.cli.app import app
from summarizer.review.tables import ReviewTokenRow
from summarizer.review.web import create_app
from summarizer.store.repository import Store


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={}, input=stdin)
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "accounts.db"
    store, _ = seeded_store(path)
    store.close()
    added = run("users", "add", "alice", "--password-stdin", "--db", str(path), stdin=PASSWORD)
    assert added[0] == 0
    return str(path)


def _client(db: str) -> TestClient:
    return TestClient(create_app(Store.open(db).engine), base_url="http://127.0.0.1")


def _bearer(client: TestClient, token: str) -> int:
    response = client.get("/api/discrepancies", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


def test_disable_blocks_login_sessions_and_tokens_and_enable_restores(db: str) -> None:
    code, token = run("users", "token", "alice", "--db", db)
    assert code == 0
    client = _client(db)
    assert login(client) == 303 and client.get("/queue").status_code == 200
    assert _bearer(client, token.strip()) == 200
    code, out = run("users", "disable", "alice", "--db", db)
    assert code == 0 and "disabled alice" in out
    assert client.get("/queue", follow_redirects=False).status_code == 303  # session ended
    assert _bearer(client, token.strip()) == 401
    assert login(_client(db)) == 401
    code, out = run("users", "list", "--db", db)
    assert code == 0 and re.search(r"alice\s+disabled", out)
    assert run("users", "enable", "alice", "--db", db)[0] == 0
    assert login(_client(db)) == 303
    assert _bearer(client, token.strip()) == 200


def test_remove_deletes_the_account_but_not_its_decisions(db: str) -> None:
    assert run("review", "approve", "2", "--reviewer", "alice", "--db", db)[0] == 0
    code, out = run("users", "remove", "alice", "--db", db)
    assert code == 0 and "removed alice" in out
    assert login(_client(db)) == 401
    code, out = run("users", "remove", "alice", "--db", db)
    assert code == 2 and "no user named 'alice'" in out
    code, out = run("review", "show", "2", "--db", db)
    assert "decision: approve by alice" in out
    assert run("review", "verify", "--db", db)[0] == 0


def test_passwd_changes_the_password_and_ends_sessions(db: str) -> None:
    client = _client(db)
    assert login(client) == 303
    code, out = run(
        "users", "passwd", "alice", "--password-stdin", "--db", db, stdin="a new passphrase\n"
    )
    assert code == 0 and "password changed" in out
    assert client.get("/queue", follow_redirects=False).status_code == 303
    assert login(_client(db)) == 401
    assert login(_client(db), password="a new passphrase") == 303
    code, out = run("users", "passwd", "alice", "--password-stdin", "--db", db, stdin="        \n")
    assert code == 2 and "too short" in out


def test_tokens_are_listed_revoked_and_expire(db: str) -> None:
    _code, first = run("users", "token", "alice", "--keep-others", "--db", db)
    _code, second = run("users", "token", "alice", "--keep-others", "--days", "1", "--db", db)
    client = _client(db)
    assert _bearer(client, first.strip()) == 200 and _bearer(client, second.strip()) == 200
    code, out = run("users", "tokens", "--db", db)
    assert code == 0 and out.count(" live ") == 2 and "smzr_" not in out
    code, out = run("users", "revoke", "alice", "--id", "1", "--db", db)
    assert code == 0 and "revoked 1 token(s)" in out
    assert _bearer(client, first.strip()) == 401 and _bearer(client, second.strip()) == 200
    code, out = run("users", "tokens", "alice", "--db", db)
    assert re.search(r"#1\s+alice\s+revoked", out) and re.search(r"#2\s+alice\s+live", out)
    store = Store.open(db)
    with new_session(store) as session:  # the clock moves past the second token's expiry
        session.execute(
            update(ReviewTokenRow)
            .where(ReviewTokenRow.id == 2)
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
        session.commit()
    assert _bearer(client, second.strip()) == 401
    assert re.search(r"#2\s+alice\s+expired", run("users", "tokens", "--db", db)[1])
    assert run("users", "revoke", "alice", "--id", "99", "--db", db)[0] == 2
    code, out = run("users", "token", "alice", "--days", "0", "--db", db)
    assert code == 2  # a token always expires


def test_a_new_token_replaces_earlier_ones_by_default(db: str) -> None:
    _code, first = run("users", "token", "alice", "--db", db)
    _code, second = run("users", "token", "alice", "--db", db)
    client = _client(db)
    assert _bearer(client, first.strip()) == 401 and _bearer(client, second.strip()) == 200


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("carl\n", PASSWORD, "invalid user name"),
        ("carl", " " * 8, "too short"),
        ("carl", "  a b c d e f  ", "too short"),
        ("carl", "x" * 1025, "too long"),
    ],
)
def test_account_input_policy(db: str, name: str, password: str, message: str) -> None:
    code, out = run("users", "add", name, "--password-stdin", "--db", db, stdin=password + "\n")
    assert code == 2 and message in out
    assert "carl" not in run("users", "list", "--db", db)[1]


def test_a_token_from_before_the_upgrade_keeps_working_and_now_expires(tmp_path: Path) -> None:
    from alembic import command

    from summarizer.review.auth import digest
    from summarizer.store.engine import alembic_config, create_db_engine, open_engine

    path = tmp_path / "old.db"
    engine = create_db_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:  # a store as the previous release left it
        config.attributes["connection"] = connection
        command.upgrade(config, "0002_review")
        connection.exec_driver_sql(
            "INSERT INTO review_users (name, password_hash, token_hash, created_at) "
            f"VALUES ('alice', 'x', '{digest('smzr_old-token')}', '2026-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO review_sessions (id_hash, user_id, csrf_token, expires_at, created_at)"
            " VALUES ('s', 1, 'c', '2999-01-01', '2026-01-01')"
        )
    engine.dispose()
    open_engine(str(path)).dispose()  # upgrades to the current schema
    client = _client(str(path))
    assert _bearer(client, "smzr_old-token") == 200
    code, out = run("users", "tokens", "--db", str(path))
    assert code == 0 and re.search(r"#1\s+alice\s+live", out)
    assert "1 session(s)" in run("users", "list", "--db", str(path))[1]  # not cascaded away
