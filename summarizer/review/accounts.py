"""Reviewer accounts, browser sessions and API tokens in the store.

Only digests of session ids and tokens are stored; the signing key for the session
cookie is generated on first use and kept in ``review_settings`` (or taken from
``$SUMMARIZER_SECRET_KEY``), so sessions survive a server restart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from summarizer.review.auth import (
    AuthError,
    digest,
    hash_password,
    new_api_token,
    new_secret,
    validate_username,
    verify_password,
)
from summarizer.review.tables import (
    ReviewerRow,
    ReviewSessionRow,
    ReviewSettingRow,
    ReviewTokenRow,
)
from summarizer.settings import env_value

SESSION_LIFETIME = dt.timedelta(hours=12)
TOKEN_LIFETIME = dt.timedelta(days=90)
MAX_TOKEN_LIFETIME = dt.timedelta(days=366)
SECRET_ENV_VAR = "SUMMARIZER_SECRET_KEY"
_SIGNING_KEY = "session_signing_key"


@dataclass(frozen=True)
class Reviewer:
    """An authenticated reviewer, and the CSRF token of their session (None for tokens)."""

    id: int
    name: str
    csrf_token: str | None = None


def add_user(session: Session, name: str, password: str) -> Reviewer:
    """Create an account; refuses duplicates and weak input with a clear message."""
    validate_username(name)
    row = ReviewerRow(name=name, password_hash=hash_password(password))
    session.add(row)
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise AuthError(f"user {name!r} already exists") from exc
    return Reviewer(id=row.id, name=row.name)


def _user(session: Session, name: str) -> ReviewerRow:
    row = session.execute(select(ReviewerRow).where(ReviewerRow.name == name)).scalar_one_or_none()
    if row is None:
        raise AuthError(f"no user named {name!r}; create one with `summarizer users add {name}`")
    return row


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class AccountInfo:
    """An account as `summarizer users list` shows it (never a hash)."""

    name: str
    created_at: dt.datetime
    disabled: bool
    live_tokens: int
    sessions: int


@dataclass(frozen=True)
class TokenInfo:
    """One bearer token's metadata; ``state`` is live, expired or revoked."""

    id: int
    user: str
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if _aware(self.expires_at) <= _now() else "live"


def issue_token(
    session: Session,
    name: str,
    *,
    lifetime: dt.timedelta = TOKEN_LIFETIME,
    keep_others: bool = False,
) -> str:
    """A new bearer token for a user (shown once, stored hashed), expiring after
    ``lifetime``; it revokes the user's earlier tokens unless ``keep_others``."""
    row = _user(session, name)
    if row.disabled_at is not None:
        raise AuthError(f"user {name!r} is disabled; enable it first")
    if not dt.timedelta(0) < lifetime <= MAX_TOKEN_LIFETIME:
        raise AuthError(f"a token lives between 1 and {MAX_TOKEN_LIFETIME.days} days")
    now = _now()
    if not keep_others:
        _revoke_where(session, ReviewTokenRow.user_id == row.id, now)
    token = new_api_token()
    session.add(
        ReviewTokenRow(
            user_id=row.id, token_hash=digest(token), created_at=now, expires_at=now + lifetime
        )
    )
    session.commit()
    return token


def _revoke_where(session: Session, condition: object, now: dt.datetime) -> int:
    result = session.execute(
        update(ReviewTokenRow)
        .where(condition, ReviewTokenRow.revoked_at.is_(None))  # type: ignore[arg-type]
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def list_tokens(session: Session, name: str | None = None) -> list[TokenInfo]:
    """Every token (live, expired, revoked), optionally of one user, oldest first."""
    query = (
        select(ReviewTokenRow, ReviewerRow.name)
        .join(ReviewerRow, ReviewerRow.id == ReviewTokenRow.user_id)
        .order_by(ReviewTokenRow.id)
    )
    if name is not None:
        query = query.where(ReviewerRow.id == _user(session, name).id)
    return [
        TokenInfo(
            id=token.id,
            user=user,
            created_at=_aware(token.created_at),
            expires_at=_aware(token.expires_at),
            revoked_at=_aware(token.revoked_at) if token.revoked_at else None,
        )
        for token, user in session.execute(query).all()
    ]


def revoke_tokens(session: Session, name: str, token_id: int | None = None) -> int:
    """Revoke one token of a user (by id), or all of them; how many were live."""
    row = _user(session, name)
    condition = ReviewTokenRow.user_id == row.id
    if token_id is not None:
        found = session.get(ReviewTokenRow, token_id)
        if found is None or found.user_id != row.id:
            raise AuthError(f"user {name!r} has no token with id {token_id}")
        condition = ReviewTokenRow.id == token_id
    count = _revoke_where(session, condition, _now())
    session.commit()
    return count


def _end_all_sessions(session: Session, user_id: int) -> None:
    session.execute(delete(ReviewSessionRow).where(ReviewSessionRow.user_id == user_id))


def set_password(session: Session, name: str, password: str) -> None:
    """Change a password; the user's browser sessions end (tokens are kept)."""
    row = _user(session, name)
    row.password_hash = hash_password(password)
    _end_all_sessions(session, row.id)
    session.commit()


def set_disabled(session: Session, name: str, disabled: bool) -> None:
    """Disable (no login, sessions ended, tokens refused) or enable an account again."""
    row = _user(session, name)
    row.disabled_at = _now() if disabled else None
    if disabled:
        _end_all_sessions(session, row.id)
    session.commit()


def remove_user(session: Session, name: str) -> None:
    """Delete an account with its sessions and tokens; the audit log keeps its name."""
    row = _user(session, name)
    session.execute(delete(ReviewTokenRow).where(ReviewTokenRow.user_id == row.id))
    _end_all_sessions(session, row.id)
    session.delete(row)
    session.commit()


def list_users(session: Session) -> list[AccountInfo]:
    now = _now()
    users = session.execute(select(ReviewerRow).order_by(ReviewerRow.name)).scalars().all()
    tokens = session.execute(
        select(ReviewTokenRow).where(ReviewTokenRow.revoked_at.is_(None))
    ).scalars()
    live: dict[int, int] = {}
    for token in tokens:
        if _aware(token.expires_at) > now:
            live[token.user_id] = live.get(token.user_id, 0) + 1
    sessions: dict[int, int] = {}
    for login in session.execute(select(ReviewSessionRow)).scalars():
        if _aware(login.expires_at) > now:
            sessions[login.user_id] = sessions.get(login.user_id, 0) + 1
    return [
        AccountInfo(
            name=user.name,
            created_at=_aware(user.created_at),
            disabled=user.disabled_at is not None,
            live_tokens=live.get(user.id, 0),
            sessions=sessions.get(user.id, 0),
        )
        for user in users
    ]


def authenticate(session: Session, name: str, password: str) -> Reviewer | None:
    """The reviewer if the password is right and the account enabled; same cost whether
    or not the user exists (a disabled account is checked like a wrong password)."""
    row = session.execute(
        select(ReviewerRow).where(ReviewerRow.name == name.strip().lower())
    ).scalar_one_or_none()
    if not verify_password(row.password_hash if row else None, password) or row is None:
        return None
    if row.disabled_at is not None:
        return None
    return Reviewer(id=row.id, name=row.name)


def user_for_token(session: Session, token: str) -> Reviewer | None:
    """The reviewer of a live token: not expired, not revoked, account enabled."""
    if not token:
        return None
    found = session.execute(
        select(ReviewTokenRow, ReviewerRow)
        .join(ReviewerRow, ReviewerRow.id == ReviewTokenRow.user_id)
        .where(ReviewTokenRow.token_hash == digest(token))
    ).one_or_none()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or _aware(row.expires_at) <= _now():
        return None
    if user.disabled_at is not None:
        return None
    return Reviewer(id=user.id, name=user.name)


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes; everything stored is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def start_session(session: Session, reviewer: Reviewer) -> tuple[str, str]:
    """A new login session: (session id for the cookie, CSRF token for the forms)."""
    session_id, csrf = new_secret(), new_secret()
    session.add(
        ReviewSessionRow(
            id_hash=digest(session_id),
            user_id=reviewer.id,
            csrf_token=csrf,
            expires_at=_now() + SESSION_LIFETIME,
        )
    )
    session.commit()
    return session_id, csrf


def session_reviewer(session: Session, session_id: str) -> Reviewer | None:
    """The reviewer of a live session, or None (unknown or expired)."""
    row = session.get(ReviewSessionRow, digest(session_id))
    if row is None:
        return None
    if _aware(row.expires_at) <= _now():
        session.delete(row)
        session.commit()
        return None
    user = session.get(ReviewerRow, row.user_id)
    if user is None or user.disabled_at is not None:
        return None
    return Reviewer(id=user.id, name=user.name, csrf_token=row.csrf_token)


def end_session(session: Session, session_id: str) -> None:
    session.execute(delete(ReviewSessionRow).where(ReviewSessionRow.id_hash == digest(session_id)))
    session.commit()


def signing_key(session: Session) -> str:
    """The cookie-signing key: from the environment, else generated once and stored."""
    from_env = env_value(SECRET_ENV_VAR)
    if from_env:
        return from_env
    row = session.get(ReviewSettingRow, _SIGNING_KEY)
    if row is not None:
        return row.value
    session.add(ReviewSettingRow(key=_SIGNING_KEY, value=new_secret(48)))
    try:
        session.commit()
    except IntegrityError:
        session.rollback()  # another process created it first; use theirs
    stored = session.get(ReviewSettingRow, _SIGNING_KEY)
    assert stored is not None
    return stored.value
