"""Reviewer accounts, browser sessions and API tokens in the store.

Only digests of session ids and tokens are stored; the signing key for the session
cookie is generated on first use and kept in ``review_settings`` (or taken from
``$SUMMARIZER_SECRET_KEY``), so sessions survive a server restart.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import delete, select
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
from summarizer.review.tables import ReviewerRow, ReviewSessionRow, ReviewSettingRow

SESSION_LIFETIME = dt.timedelta(hours=12)
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


def issue_token(session: Session, name: str) -> str:
    """A new bearer token for a user, replacing any earlier one (shown once, stored hashed)."""
    row = _user(session, name)
    token = new_api_token()
    row.token_hash = digest(token)
    session.commit()
    return token


def authenticate(session: Session, name: str, password: str) -> Reviewer | None:
    """The reviewer if the password is right; same cost whether or not the user exists."""
    row = session.execute(
        select(ReviewerRow).where(ReviewerRow.name == name.strip().lower())
    ).scalar_one_or_none()
    if not verify_password(row.password_hash if row else None, password) or row is None:
        return None
    return Reviewer(id=row.id, name=row.name)


def user_for_token(session: Session, token: str) -> Reviewer | None:
    if not token:
        return None
    row = session.execute(
        select(ReviewerRow).where(ReviewerRow.token_hash == digest(token))
    ).scalar_one_or_none()
    return Reviewer(id=row.id, name=row.name) if row is not None else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
    if user is None:
        return None
    return Reviewer(id=user.id, name=user.name, csrf_token=row.csrf_token)


def end_session(session: Session, session_id: str) -> None:
    session.execute(delete(ReviewSessionRow).where(ReviewSessionRow.id_hash == digest(session_id)))
    session.commit()


def signing_key(session: Session) -> str:
    """The cookie-signing key: from the environment, else generated once and stored."""
    from_env = os.environ.get(SECRET_ENV_VAR)
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
