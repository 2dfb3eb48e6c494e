"""The store's value types and how rows map onto them.

Callers get domain models (`ArticleRecord`, `Verdict`, `Discrepancy`) wrapped in these
small read-only dataclasses; rows never leave the store package, so the table layout can
change behind a migration without touching the batch, briefing or review code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_

from summarizer.domain import (
    SCHEMA_VERSION,
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    OutcomeStatus,
    TokenUsage,
    Verdict,
)
from summarizer.store.tables import (
    ArticleRow,
    DiscrepancyRow,
    DiscrepancyStatus,
    ExtractionRunRow,
    ProviderBatchRow,
)


@dataclass(frozen=True)
class RunKey:
    """What makes two runs "the same": a rerun with an equal key skips the article."""

    model: str
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    sampling_hash: str = ""


def of_run_key(
    table: type[ExtractionRunRow] | type[ProviderBatchRow], key: RunKey
) -> ColumnElement[bool]:
    """The rows of `table` made under `key` (model, prompt and schema version; the
    sampling is the cache's concern, not the run's)."""
    return and_(
        table.model == key.model,
        table.prompt_version == key.prompt_version,
        table.schema_version == key.schema_version,
    )


@dataclass(frozen=True)
class StoredRun:
    """Provenance of the run a stored record came from."""

    id: int
    model: str
    prompt_version: str
    schema_version: str
    status: OutcomeStatus
    error: str | None
    raw_output: str | None
    usage: TokenUsage
    attempts: int
    latency_s: float
    cached: bool
    started_at: dt.datetime
    finished_at: dt.datetime


@dataclass(frozen=True)
class StoredDiscrepancy:
    """A cross-check finding with its row id and review status."""

    id: int
    run_id: int
    article_id: str
    status: DiscrepancyStatus
    discrepancy: Discrepancy

    # The finding's own fields, as review pages and the CLI read them.
    @property
    def code(self) -> str:
        return self.discrepancy.code.value

    @property
    def field(self) -> str:
        return self.discrepancy.field

    @property
    def claim(self) -> str:
        return self.discrepancy.claim

    @property
    def source(self) -> str | None:
        return self.discrepancy.source

    @property
    def message(self) -> str:
        return self.discrepancy.message

    @property
    def spans(self) -> list[dict[str, Any]]:
        return [span.model_dump(mode="json") for span in self.discrepancy.spans]


@dataclass(frozen=True)
class StoredArticle:
    """An article with its current run, record, verdict and discrepancies (if any)."""

    article_id: str
    text: str
    meta: ArticleMeta
    fetched_at: dt.datetime
    run: StoredRun | None = None
    record: ArticleRecord | None = None
    verdict: Verdict | None = None
    discrepancies: list[StoredDiscrepancy] = dataclasses.field(default_factory=list)
    problem: str | None = None
    """Why the run's stored record could not be read (then ``record`` is None)."""


@dataclass(frozen=True)
class SaveResult:
    """What `Store.save_outcome` did: a new run row, or nothing because one existed."""

    run_id: int
    inserted: bool


# --------------------------------------------------------------------------- row mapping


def aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything the store writes is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def run_of(row: ExtractionRunRow) -> StoredRun:
    return StoredRun(
        id=row.id,
        model=row.model,
        prompt_version=row.prompt_version,
        schema_version=row.schema_version,
        status=OutcomeStatus(row.status),
        error=row.error,
        raw_output=row.raw_output,
        usage=TokenUsage(prompt_tokens=row.prompt_tokens, completion_tokens=row.completion_tokens),
        attempts=row.attempts,
        latency_s=row.latency_s,
        cached=row.cached,
        started_at=aware(row.started_at),
        finished_at=aware(row.finished_at),
    )


def discrepancy_of(row: DiscrepancyRow) -> StoredDiscrepancy:
    return StoredDiscrepancy(
        id=row.id,
        run_id=row.run_id,
        article_id=row.article_id,
        status=DiscrepancyStatus(row.status),
        discrepancy=Discrepancy.model_validate(
            {
                "code": row.code,
                "field": row.field,
                "claim": row.claim,
                "source": row.source,
                "spans": row.spans,
                "message": row.message,
            }
        ),
    )


def meta_of(row: ArticleRow) -> ArticleMeta:
    return ArticleMeta(
        title=row.title, source=row.source, published=row.published, author=row.author
    )
