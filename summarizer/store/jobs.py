"""The batch's bookkeeping in the store: ingest failures, the response cache, and the
hosted Batch API jobs a rerun must collect instead of resubmitting.

`StoreSessions` is the one place a store opens its short transactions; `JobRecords`
adds these three small topics to it, and `summarizer.store.repository.Store` the
articles, runs and records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from summarizer.domain import TokenUsage
from summarizer.store.tables import (
    IngestFailureRow,
    ProviderBatchRow,
    ResponseCacheRow,
    utcnow,
)
from summarizer.store.values import RunKey, of_run_key

_BATCH_COLUMNS = ProviderBatchRow.__table__.columns


class StoreSessions:
    """An engine and short transactions on it; each call of the API opens its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any exception."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session


class JobRecords(StoreSessions):
    """Ingest failures, response cache and provider batch jobs."""

    # ----------------------------------------------------------------------- ingest failures

    def record_ingest_failure(self, source: str, error: str) -> None:
        """Remember a source that could not be read (latest error wins)."""
        with self.session() as session:
            row = session.get(IngestFailureRow, source)
            if row is None:
                session.add(IngestFailureRow(source=source, error=error))
            else:
                row.error = error
                row.seen_at = utcnow()

    def clear_ingest_failure(self, source: str) -> None:
        with self.session() as session:
            session.execute(delete(IngestFailureRow).where(IngestFailureRow.source == source))

    def ingest_failures(self) -> list[tuple[str, str]]:
        """(source, error) of every source that last failed to ingest."""
        with self.session() as session:
            rows = session.scalars(select(IngestFailureRow).order_by(IngestFailureRow.source))
            return [(row.source, row.error) for row in rows]

    # ----------------------------------------------------------------------- response cache

    def cache_get(self, key: str) -> dict[str, Any] | None:
        with self.session() as session:
            row = session.get(ResponseCacheRow, key)
            return dict(row.response) if row is not None else None

    def cache_keys_present(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` have a cache entry (one query per 500 keys, not one per key)."""
        wanted = list(keys)
        present: set[str] = set()
        with self.session() as session:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                present.update(
                    session.scalars(
                        select(ResponseCacheRow.key).where(ResponseCacheRow.key.in_(chunk))
                    )
                )
        return present

    # ----------------------------------------------------------------------- provider batches

    def provider_batches(
        self, key: RunKey, *, open_only: bool = True
    ) -> list[tuple[str, str, list[str]]]:
        """(batch id, status, article ids) of hosted batch jobs submitted for the key."""
        query = select(ProviderBatchRow).where(of_run_key(ProviderBatchRow, key))
        if open_only:
            query = query.where(ProviderBatchRow.collected_at.is_(None))
        with self.session() as session:
            rows = session.scalars(query.order_by(ProviderBatchRow.created_at))
            return [(row.id, row.status, list(row.article_ids)) for row in rows]

    def add_provider_batch(
        self, batch_id: str, key: RunKey, input_file_id: str, status: str, article_ids: list[str]
    ) -> None:
        with self.session() as session:
            session.add(
                ProviderBatchRow(
                    id=batch_id,
                    model=key.model,
                    prompt_version=key.prompt_version,
                    schema_version=key.schema_version,
                    input_file_id=input_file_id,
                    status=status,
                    article_ids=article_ids,
                )
            )

    def promote_provider_batch(self, pending_id: str, batch_id: str, status: str) -> None:
        """Replace a 'submitting' placeholder by the batch the provider created, atomically:
        the same row under the provider's id and status."""
        with self.session() as session:
            row = session.get(ProviderBatchRow, pending_id)
            if row is None:
                raise KeyError(f"unknown provider batch {pending_id}")
            same = {column.key: getattr(row, column.key) for column in _BATCH_COLUMNS}
            same.update(id=batch_id, status=status, article_ids=list(row.article_ids))
            session.add(ProviderBatchRow(**same))
            session.delete(row)

    def update_provider_batch(
        self,
        batch_id: str,
        *,
        status: str,
        output_file_id: str | None = None,
        collected: bool = False,
    ) -> None:
        with self.session() as session:
            row = session.get(ProviderBatchRow, batch_id)
            if row is None:
                raise KeyError(f"unknown provider batch {batch_id}")
            row.status = status
            if output_file_id is not None:
                row.output_file_id = output_file_id
            if collected:
                row.collected_at = utcnow()


def put_cache(session: Session, key: str, response: dict[str, Any], usage: TokenUsage) -> None:
    """Insert or replace a cached model answer in the caller's transaction."""
    row = session.get(ResponseCacheRow, key)
    if row is None:
        session.add(
            ResponseCacheRow(
                key=key,
                response=response,
                prompt_tokens=usage.prompt_tokens,
                completion_tokens=usage.completion_tokens,
            )
        )
    else:
        row.response = response
        row.prompt_tokens = usage.prompt_tokens
        row.completion_tokens = usage.completion_tokens
