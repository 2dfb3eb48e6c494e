"""ORM tables of the review area, declared on the store's shared `Base`.

The audit log has no foreign key to ``discrepancies`` on purpose: it must outlive any
cleanup of the data it describes, and nothing may cascade a delete into it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from summarizer.store.base import Base
from summarizer.store.tables import utcnow


class ReviewerRow(Base):
    """A reviewer account: argon2 password hash; ``disabled_at`` set means no access."""

    __tablename__ = "review_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    legacy_token_hash: Mapped[str | None] = mapped_column("token_hash", String(64), unique=True)
    """Unused since tokens have their own table (migration 0003 moved and emptied it); kept
    because dropping it on SQLite rebuilds the table and cascades into sessions."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ReviewTokenRow(Base):
    """A bearer token of one reviewer (only its SHA-256 digest); it expires or is revoked."""

    __tablename__ = "review_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("review_users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ReviewSessionRow(Base):
    """A browser login; the cookie holds the id, the table only its SHA-256 digest."""

    __tablename__ = "review_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("review_users.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReviewSettingRow(Base):
    """Small persistent settings, e.g. the session-signing key generated on first start."""

    __tablename__ = "review_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """One decision in the append-only, hash-chained audit log (never updated or deleted)."""

    __tablename__ = "review_audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    who: Mapped[str] = mapped_column(String(40))
    at: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(16))
    discrepancy_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before_json: Mapped[str] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    mac: Mapped[str | None] = mapped_column(String(64))
    """HMAC-SHA256 of ``hash`` under a key kept outside the database, when one is set."""


class RecordVersionRow(Base):
    """A reviewed version of a run's record, linked to the decision that produced it.

    ``record`` keeps every list item in place (so other discrepancies' field paths stay
    valid); ``removed`` lists the rejected items, dropped only when the record is read.
    """

    __tablename__ = "review_record_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[str] = mapped_column(String(64), index=True)
    audit_seq: Mapped[int] = mapped_column(ForeignKey("review_audit_log.seq"), unique=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    removed: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
