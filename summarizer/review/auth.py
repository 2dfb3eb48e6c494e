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

from summarizer import errors

USERNAME_PATTERN = re.compile(r"[a-z][a-z0-9_.-]{1,39}")
"""Lower-case account names, 2-40 characters: they appear in the audit log. Matched with
`fullmatch`, so a trailing newline (``"carl\\n"``) is not a second spelling of a name."""

MIN_PASSWORD_LENGTH = 8
"""Counted without whitespace: eight spaces are not a password."""
MAX_PASSWORD_LENGTH = 1024
"""Longer input is refused before hashing, so a login form cannot be fed megabytes."""
TOKEN_PREFIX = "smzr_"
HASH_SLOTS = 2
"""Argon2 verifications that may run at once (each takes about 64 MiB for its duration)."""
HASH_WAIT_S = 10.0

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("timing-equaliser-not-a-password")


class AuthError(errors.ReviewError):
    """A credential or account problem with a message meant for the person at the keyboard."""


def validate_username(name: str) -> str:
    """Return the name if it is a valid account name, else raise `AuthError` saying why."""
    if not USERNAME_PATTERN.fullmatch(name):
        raise AuthError(
            f"invalid user name {name!r}: use 2-40 lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter"
        )
    return name


class HashingBusy(AuthError):
    """Every argon2 slot stayed taken for `HASH_WAIT_S`: the caller should retry later."""


_SLOTS = threading.BoundedSemaphore(HASH_SLOTS)


def check_password_policy(password: str) -> str:
    """Return the password if acceptable: 8+ non-whitespace characters, at most 1024."""
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AuthError(f"password too long: use at most {MAX_PASSWORD_LENGTH} characters")
    if len("".join(password.split())) < MIN_PASSWORD_LENGTH:
        raise AuthError(
            f"password too short: use at least {MIN_PASSWORD_LENGTH} characters other than spaces"
        )
    return password


def hash_password(password: str) -> str:
    """Argon2id hash of a password, refusing ones the policy does not allow."""
    return _HASHER.hash(check_password_policy(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True if the password matches; unknown users cost the same time as wrong passwords.

    At most `HASH_SLOTS` verifications run at once, so a burst of logins cannot take the
    server's memory; `HashingBusy` when no slot frees up in time. Over-long input is
    refused without hashing.
    """
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    if not _SLOTS.acquire(timeout=HASH_WAIT_S):
        raise HashingBusy("the server is busy checking other sign-ins; try again shortly")
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    finally:
        _SLOTS.release()


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

    def waiting(self, address: str) -> float | None:
        """Like `hit` for the address over all names, without recording an attempt."""
        now = self._clock()
        with self._lock:
            hits = self._hits.get(("*", address))
            if not hits:
                return None
            while hits and now - hits[0] >= self.window_s:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(0.0, self.window_s - (now - hits[0]))
            return None


class LoginGuard:
    """Who may try a password now: failed sign-ins only, checked *before* any hashing.

    Failures are counted per (account, client), where the client is the browser's signed
    device cookie when it holds one for that account (it signed in there before) and the
    real peer address otherwise. ``limit`` failures lock that pair for ``window_s``, and
    each further lock doubles, up to ``max_lock_s``; a successful sign-in clears the pair.
    Because the lock never covers other clients, someone guessing from elsewhere (or from
    the same address, without the user's device cookie) cannot lock the real user out.
    ``peer_limit`` failures per window from one address, over all accounts, stop spraying
    many names; successful sign-ins never count.
    """

    def __init__(
        self,
        limit: int = 5,
        window_s: float = 60.0,
        *,
        max_lock_s: float = 900.0,
        peer_limit: int = 30,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_lock_s = max_lock_s
        self.max_entries = max_entries
        self._clock = clock
        self._peers = RateLimiter(limit=peer_limit, window_s=window_s, clock=clock)
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._locks: dict[tuple[str, str], tuple[float, int]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(username: str, client: str) -> tuple[str, str]:
        return (username.strip().lower(), client)

    def check(self, username: str, client: str, peer: str | None = None) -> float | None:
        """None if an attempt may go ahead, else seconds to wait (nothing is recorded)."""
        now = self._clock()
        with self._lock:
            until, _strikes = self._locks.get(self._key(username, client), (0.0, 0))
            if now < until:
                return until - now
        if peer is not None:
            return self._peers.waiting(peer)
        return None

    def failed(self, username: str, client: str, peer: str | None = None) -> None:
        """Count a wrong password; may start (or lengthen) the pair's lock."""
        key, now = self._key(username, client), self._clock()
        if peer is not None:
            self._peers.hit("*", peer)
        with self._lock:
            if len(self._failures) + len(self._locks) > self.max_entries:
                self._prune(now)
            hits = self._failures.setdefault(key, deque())
            while hits and now - hits[0] >= self.window_s:
                hits.popleft()
            hits.append(now)
            if len(hits) >= self.limit:
                _until, strikes = self._locks.get(key, (0.0, 0))
                lock_s = min(self.window_s * (2**strikes), self.max_lock_s)
                self._locks[key] = (now + lock_s, strikes + 1)
                hits.clear()

    def _prune(self, now: float) -> None:
        """Forget pairs with no failure in the window and no lock left (bounded memory
        under a spray of made-up names); a pair still locked is kept."""
        for key in [
            k for k, hits in self._failures.items() if not hits or now - hits[-1] >= self.window_s
        ]:
            del self._failures[key]
        for key in [k for k, (until, _s) in self._locks.items() if until <= now - self.max_lock_s]:
            del self._locks[key]

    def succeeded(self, username: str, client: str) -> None:
        """The right password: forget this pair's failures and lock history."""
        key = self._key(username, client)
        with self._lock:
            self._failures.pop(key, None)
            self._locks.pop(key, None)
