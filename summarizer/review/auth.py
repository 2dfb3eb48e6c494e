"""Reviewer accounts, sessions and tokens: who may read the queue and record decisions.

Passwords are argon2id-hashed (``argon2-cffi``); sessions and tokens are random secrets of
which only a SHA-256 digest is stored, so a copy of the database cannot be replayed as a
login. Pure helpers live here; the database side is in `summarizer.review.accounts`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

USERNAME_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")
"""Lower-case account names, 2-40 characters: they appear in the audit log."""

MIN_PASSWORD_LENGTH = 8
TOKEN_PREFIX = "smzr_"

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("timing-equaliser-not-a-password")


class AuthError(ValueError):
    """A credential or account problem with a message meant for the person at the keyboard."""


def validate_username(name: str) -> str:
    """Return the name if it is a valid account name, else raise `AuthError` saying why."""
    if not USERNAME_PATTERN.match(name):
        raise AuthError(
            f"invalid user name {name!r}: use 2-40 lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter"
        )
    return name


def hash_password(password: str) -> str:
    """Argon2id hash of a password, refusing ones too short to be worth hashing."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(f"password too short: use at least {MIN_PASSWORD_LENGTH} characters")
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True if the password matches; unknown users cost the same time as wrong passwords."""
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_secret(nbytes: int = 32) -> str:
    """A URL-safe random secret (session id, CSRF token, signing key)."""
    return secrets.token_urlsafe(nbytes)


def new_api_token() -> str:
    """A bearer token; the prefix makes a leaked token easy to recognise and grep for."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """SHA-256 hex digest: what the database stores instead of a session id or token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def sign(value: str, key: str) -> str:
    """``value.signature`` with an HMAC-SHA256 signature, for the session cookie."""
    mac = hmac.new(key.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def unsign(signed: str, key: str) -> str | None:
    """The value if its signature is valid, else None (tampered or foreign cookie)."""
    value, sep, mac = signed.rpartition(".")
    if not sep or not value:
        return None
    expected = hmac.new(key.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return value if hmac.compare_digest(mac, expected) else None


def tokens_match(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison that treats a missing value as a mismatch."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class RateLimiter:
    """Sliding-window limit on login attempts per (username, client address).

    In memory, per process: enough for a single-host review server; it slows password
    guessing without locking the real user out for longer than the window.
    """

    def __init__(
        self,
        limit: int = 5,
        window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, username: str, address: str) -> float | None:
        """Record an attempt; None if allowed, else seconds until the next one is allowed."""
        key = (username.strip().lower(), address)
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= self.window_s:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(0.0, self.window_s - (now - hits[0]))
            hits.append(now)
            return None
