"""ORM tables of the store: articles, extraction runs, records, discrepancies, cache.

One extraction run per (article, model, prompt version, schema version) is the *current*
result; the unique constraint is what makes a batch idempotent and resumable, because a
rerun can neither insert a second result nor lose the first.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from summarizer.store.base import Base

JsonDict = dict[str, Any]


def utcnow() -> dt.datetime:
    """Timezone-aware now; every timestamp in the store is UTC."""
    return dt.datetime.now(dt.UTC)


class DiscrepancyStatus(StrEnum):
    """Where a flagged discrepancy stands in human review."""

    open = "open"
    approved = "approved"
    corrected = "corrected"
    rejected = "rejected"


class ArticleRow(Base):
    """An ingested article: the normalised text every stored offset refers to."""

    __tablename__ = "articles"

    article_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    runs: Mapped[list[ExtractionRunRow]] = relationship(back_populates="article")


class ExtractionRunRow(Base):
    """One model run over one article, failures included (with error and raw output)."""

    __tablename__ = "extraction_runs"
    __table_args__ = (
        UniqueConstraint("article_id", "model", "prompt_version", "schema_version"),
        CheckConstraint("status IN ('accepted', 'flagged', 'failed')", name="status"),
        Index("ix_extraction_runs_key", "model", "prompt_version", "schema_version", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("articles.article_id", ondelete="CASCADE")
    )
    model: Mapped[str] = mapped_column(String(200))
    prompt_version: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[str] = mapped_column(String(32))
    sampling_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    raw_output: Mapped[str | None] = mapped_column(Text)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    latency_s: Mapped[float] = mapped_column(Float, default=0.0)
    cached: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    article: Mapped[ArticleRow] = relationship(back_populates="runs")
    record: Mapped[RecordRow | None] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True
    )
    discrepancies: Mapped[list[DiscrepancyRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True
    )


class RecordRow(Base):
    """The validated record and cross-check verdict of a successful run."""

    __tablename__ = "records"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("extraction_runs.id", ondelete="CASCADE"), primary_key=True
    )
    record: Mapped[JsonDict] = mapped_column(JSON)
    verdict: Mapped[JsonDict] = mapped_column(JSON)

    run: Mapped[ExtractionRunRow] = relationship(back_populates="record")


class DiscrepancyRow(Base):
    """One cross-check finding, kept as its own row so review can decide on it."""

    __tablename__ = "discrepancies"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'approved', 'corrected', 'rejected')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("articles.article_id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(Text)
    claim: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    spans: Mapped[list[JsonDict]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        String(16), default=DiscrepancyStatus.open.value, index=True
    )

    run: Mapped[ExtractionRunRow] = relationship(back_populates="discrepancies")


class ResponseCacheRow(Base):
    """A model answer kept by request key, so reruns and re-checks cost no tokens."""

    __tablename__ = "response_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    response: Mapped[JsonDict] = mapped_column(JSON)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IngestFailureRow(Base):
    """A source that could not be read as an article (kept so a batch reports it)."""

    __tablename__ = "ingest_failures"

    source: Mapped[str] = mapped_column(Text, primary_key=True)
    error: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ProviderBatchRow(Base):
    """A hosted Batch API job, remembered so a rerun collects it instead of resubmitting."""

    __tablename__ = "provider_batches"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    model: Mapped[str] = mapped_column(String(200))
    prompt_version: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[str] = mapped_column(String(32))
    input_file_id: Mapped[str] = mapped_column(String(128))
    output_file_id: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(32))
    article_ids: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    collected_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
