"""Passwords, signatures, tokens, sessions and the login rate limiter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from summarizer.review import accounts
from summarizer.review.auth import (
    AuthError,
    RateLimiter,
    hash_password,
    sign,
    tokens_match,
    unsign,
    validate_username,
    verify_password,
)
from summarizer.review.tables import ReviewSessionRow, ReviewTokenRow
from summarizer.store.repository import Store


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_passwords_are_argon2_hashed_and_checked() -> None:
    stored = hash_password("a long passphrase")
    assert stored.startswith("$argon2id$") and "a long passphrase" not in stored
    assert verify_password(stored, "a long passphrase")
    assert not verify_password(stored, "a long passphrasE")
    assert not verify_password(None, "a long passphrase")
    assert not verify_password("not-a-hash", "x")
    with pytest.raises(AuthError, match="too short"):
        hash_password("short")


@pytest.mark.parametrize("name", ["Alice", "a", "1abc", "al ice", "x" * 41, "<script>"])
def test_bad_user_names_are_refused(name: str) -> None:
    with pytest.raises(AuthError, match="invalid user name"):
        validate_username(name)


def test_signatures_detect_any_change() -> None:
    signed = sign("session-id", "key")
    assert unsign(signed, "key") == "session-id"
    assert unsign(signed, "other key") is None
    assert unsign("session-ie" + signed[10:], "key") is None
    assert unsign("no-signature", "key") is None
    assert tokens_match("abc", "abc") and not tokens_match("abc", "abd")
    assert not tokens_match(None, None) and not tokens_match("", "")


def test_rate_limiter_window_is_per_user_and_address() -> None:
    clock = Clock()
    limiter = RateLimiter(limit=5, window_s=60, clock=clock)
    assert [limiter.hit("alice", "10.0.0.1") for _ in range(5)] == [None] * 5
    wait = limiter.hit("Alice ", "10.0.0.1")
    assert wait == pytest.approx(60.0)
    assert limiter.hit("alice", "10.0.0.2") is None
    assert limiter.hit("bob", "10.0.0.1") is None
    clock.now += 59.0
    assert limiter.hit("alice", "10.0.0.1") == pytest.approx(1.0)
    clock.now += 1.0
    assert limiter.hit("alice", "10.0.0.1") is None


def test_accounts_sessions_and_tokens(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "auth.db"))
    with Session(store.engine, expire_on_commit=False) as session:
        alice = accounts.add_user(session, "alice", "alice-password")
        assert accounts.authenticate(session, "alice", "alice-password") == alice
        assert accounts.authenticate(session, "alice", "wrong-password") is None
        assert accounts.authenticate(session, "nobody", "alice-password") is None
        token = accounts.issue_token(session, "alice")
        assert accounts.user_for_token(session, token) == alice
        newer = accounts.issue_token(session, "alice")
        assert accounts.user_for_token(session, token) is None  # replaced: one token per user
        assert accounts.user_for_token(session, newer) == alice
        stored = session.execute(
            select(ReviewTokenRow).where(ReviewTokenRow.user_id == alice.id)
        ).scalars()
        assert all(row.token_hash != newer for row in stored)
        session_id, csrf = accounts.start_session(session, alice)
        live = accounts.session_reviewer(session, session_id)
        assert live is not None and live.name == "alice" and live.csrf_token == csrf
        session.execute(
            update(ReviewSessionRow).values(
                expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
            )
        )
        session.commit()
        assert accounts.session_reviewer(session, session_id) is None
        key = accounts.signing_key(session)
        assert len(key) > 40 and accounts.signing_key(session) == key
    store.close()
