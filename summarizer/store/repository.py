"""The store's API for the batch and the briefing: articles, runs, records, cache, jobs.

Callers get the value types of `summarizer.store.values` (domain models wrapped in small
read-only dataclasses); rows never leave the store package, so the table layout can
change behind a migration without touching the batch, briefing or review code. Review
decisions, which must read and write in one transaction with their audit entry, use the
session-level functions of `summarizer.store.discrepancies`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from summarizer.domain import (
    ArticleRecord,
    Discrepancy,
    ExtractionOutcome,
    OutcomeStatus,
    SourceArticle,
    Verdict,
)
from summarizer.store import discrepancies
from summarizer.store.engine import open_engine
from summarizer.store.jobs import JobRecords, put_cache
from summarizer.store.tables import (
    ArticleRow,
    DiscrepancyRow,
    DiscrepancyStatus,
    ExtractionRunRow,
    RecordRow,
    utcnow,
)
from summarizer.store.values import (
    RunKey,
    SaveResult,
    StoredArticle,
    StoredDiscrepancy,
    StoredRun,
    aware,
    discrepancy_of,
    meta_of,
    of_run_key,
    run_of,
)

__all__ = [
    "RunKey",
    "SaveResult",
    "Store",
    "StoredArticle",
    "StoredDiscrepancy",
    "StoredRun",
]


def _one_line(exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first.get('msg')}{more}" if where else f"{first.get('msg')}{more}"


def _current_run(
    runs: Iterable[ExtractionRunRow], model: str | None, prompt_version: str | None
) -> ExtractionRunRow | None:
    """A successful run beats a failed one; among equals the most recent wins."""
    candidates = [
        run
        for run in runs
        if (model is None or run.model == model)
        and (prompt_version is None or run.prompt_version == prompt_version)
    ]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda run: (run.status != OutcomeStatus.failed.value, aware(run.finished_at)),
    )


def _stored_article(
    row: ArticleRow, model: str | None = None, prompt_version: str | None = None
) -> StoredArticle:
    """The article with its current run; a stored record that no longer validates (a
    hand edit, an older schema) is reported in ``problem`` instead of raising, so one bad
    row never breaks a listing of the others."""
    run = _current_run(row.runs, model, prompt_version)
    record = verdict = None
    problem = None
    found: list[StoredDiscrepancy] = []
    if run is not None:
        try:
            if run.record is not None:
                record = ArticleRecord.model_validate(run.record.record)
                verdict = Verdict.model_validate(run.record.verdict)
            found = [discrepancy_of(d) for d in sorted(run.discrepancies, key=lambda d: d.id)]
        except ValidationError as exc:
            record = verdict = None
            problem = f"the stored record of run {run.id} is invalid ({_one_line(exc)})"
    return StoredArticle(
        article_id=row.article_id,
        text=row.text,
        meta=meta_of(row),
        fetched_at=aware(row.fetched_at),
        run=run_of(run) if run is not None else None,
        record=record,
        verdict=verdict,
        discrepancies=found,
        problem=problem,
    )


def _discrepancy_rows(
    run_id: int | None, article_id: str, discrepancies: Iterable[Discrepancy]
) -> list[DiscrepancyRow]:
    """Rows for new (open) discrepancies; `run_id` None when they are attached to a new run."""
    return [
        DiscrepancyRow(
            **({"run_id": run_id} if run_id is not None else {}),
            article_id=article_id,
            code=d.code.value,
            field=d.field,
            claim=d.claim,
            source=d.source,
            spans=[span.model_dump(mode="json") for span in d.spans],
            message=d.message,
            status=DiscrepancyStatus.open.value,
        )
        for d in discrepancies
    ]


# --------------------------------------------------------------------------- the store


class Store(JobRecords):
    """The store's API; thread-safe (each call opens its own short session).

    Articles, runs, records and discrepancies are here; the batch's bookkeeping (ingest
    failures, response cache, provider batch jobs) comes from `JobRecords`.
    """

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        """Open (and migrate) the store at a path or SQLAlchemy URL; see `resolve_db_url`."""
        return cls(open_engine(db))

    # ----------------------------------------------------------------------- batch writes

    def done_article_ids(self, key: RunKey, *, include_failed: bool) -> set[str]:
        """Articles that already have a current run for this key (failed ones optionally)."""
        query = select(ExtractionRunRow.article_id).where(of_run_key(ExtractionRunRow, key))
        if not include_failed:
            query = query.where(ExtractionRunRow.status != OutcomeStatus.failed.value)
        with self.session() as session:
            return set(session.scalars(query))

    def save_outcome(
        self,
        article: SourceArticle,
        outcome: ExtractionOutcome,
        key: RunKey,
        *,
        started_at: dt.datetime | None = None,
        finished_at: dt.datetime | None = None,
        cached: bool = False,
        cache_entry: tuple[str, dict[str, Any]] | None = None,
    ) -> SaveResult:
        """Write article, run, record, discrepancies (and cache entry) in one transaction.

        A successful run already stored for the key is kept and nothing is written, so a
        rerun or a second concurrent worker can never duplicate a record; a failed run is
        replaced by the new outcome (that is what ``--retry-failed`` relies on).
        """
        try:
            with self.session() as session:
                return self._save_outcome(
                    session, article, outcome, key, started_at, finished_at, cached, cache_entry
                )
        except IntegrityError:
            # Another writer stored the same key between our check and our insert.
            with self.session() as session:
                existing = _run_for(session, article.article_id, key)
                if existing is None:
                    raise
                return SaveResult(run_id=existing.id, inserted=False)

    def _save_outcome(
        self,
        session: Session,
        article: SourceArticle,
        outcome: ExtractionOutcome,
        key: RunKey,
        started_at: dt.datetime | None,
        finished_at: dt.datetime | None,
        cached: bool,
        cache_entry: tuple[str, dict[str, Any]] | None,
    ) -> SaveResult:
        existing = _run_for(session, article.article_id, key)
        if existing is not None:
            if existing.status != OutcomeStatus.failed.value:
                return SaveResult(run_id=existing.id, inserted=False)
            session.delete(existing)
            session.flush()
        _ensure_article(session, article, flush=False)
        now = utcnow()
        run = ExtractionRunRow(
            article_id=article.article_id,
            model=key.model,
            prompt_version=key.prompt_version,
            schema_version=key.schema_version,
            sampling_hash=key.sampling_hash,
            status=outcome.status.value,
            error=outcome.error,
            raw_output=outcome.raw_output,
            prompt_tokens=outcome.usage.prompt_tokens,
            completion_tokens=outcome.usage.completion_tokens,
            attempts=outcome.attempts,
            latency_s=outcome.latency_s,
            cached=cached,
            started_at=started_at or now,
            finished_at=finished_at or now,
        )
        if outcome.record is not None and outcome.verdict is not None:
            # Related rows ride on the run: one flush inserts article, run, record and
            # discrepancies in dependency order, and the run id is filled in for them.
            run.record = RecordRow(
                record=outcome.record.model_dump(mode="json"),
                verdict=outcome.verdict.model_dump(mode="json"),
            )
            run.discrepancies = _discrepancy_rows(
                None, article.article_id, outcome.verdict.discrepancies
            )
        session.add(run)
        if cache_entry is not None:
            put_cache(session, cache_entry[0], cache_entry[1], outcome.usage)
        session.flush()
        return SaveResult(run_id=run.id, inserted=True)

    def replace_verdict(self, run_id: int, verdict: Verdict) -> bool:
        """Store a re-checked verdict; True when it changed anything.

        Discrepancies that persist (same code and field) keep their row and review
        status; new ones open; vanished ones are removed unless a reviewer decided them.
        """
        with self.session() as session:
            run = session.get(ExtractionRunRow, run_id)
            if run is None or run.record is None:
                raise KeyError(f"no stored record for run {run_id}")
            new_json = verdict.model_dump(mode="json")
            if run.record.verdict == new_json:
                return False
            run.record.verdict = new_json
            run.status = verdict.status.value
            old = {(d.code, d.field): d for d in run.discrepancies}
            keep: set[tuple[str, str]] = set()
            for discrepancy in verdict.discrepancies:
                ident = (discrepancy.code.value, discrepancy.field)
                keep.add(ident)
                row = old.get(ident)
                if row is None:
                    session.add_all(_discrepancy_rows(run.id, run.article_id, [discrepancy]))
                else:
                    row.claim = discrepancy.claim
                    row.source = discrepancy.source
                    row.spans = [span.model_dump(mode="json") for span in discrepancy.spans]
                    row.message = discrepancy.message
            for ident, row in old.items():
                if ident not in keep and row.status == DiscrepancyStatus.open.value:
                    session.delete(row)
            return True

    def run_counts(self, key: RunKey) -> dict[OutcomeStatus, int]:
        """How many current runs of each status exist for the key."""
        query = (
            select(ExtractionRunRow.status, func.count())
            .where(of_run_key(ExtractionRunRow, key))
            .group_by(ExtractionRunRow.status)
        )
        counts = dict.fromkeys(OutcomeStatus, 0)
        with self.session() as session:
            for status, count in session.execute(query):
                counts[OutcomeStatus(status)] = int(count)
        return counts

    # ----------------------------------------------------------------------- read API

    def get_article_text(self, article_id: str) -> SourceArticle | None:
        """The article as ingested, e.g. to re-check a record against its source."""
        with self.session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return None
            return SourceArticle(article_id=row.article_id, text=row.text, meta=meta_of(row))

    def list_articles(
        self,
        since: dt.date | None = None,
        *,
        model: str | None = None,
        prompt_version: str | None = None,
        with_record_only: bool = False,
    ) -> list[StoredArticle]:
        """Stored articles (published, else fetched, on or after `since`), newest first.

        Each carries its current run: for the given model/prompt version when named,
        a successful run before a failed one, the latest among equals.
        """
        query = select(ArticleRow).options(
            selectinload(ArticleRow.runs).selectinload(ExtractionRunRow.record),
            selectinload(ArticleRow.runs).selectinload(ExtractionRunRow.discrepancies),
        )
        if since is not None:
            start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
            query = query.where(
                or_(
                    ArticleRow.published >= since,
                    and_(ArticleRow.published.is_(None), ArticleRow.fetched_at >= start),
                )
            )
        query = query.order_by(
            ArticleRow.published.desc().nulls_last(), ArticleRow.fetched_at.desc()
        )
        with self.session() as session:
            articles = [
                _stored_article(row, model, prompt_version) for row in session.scalars(query)
            ]
        if with_record_only:
            articles = [a for a in articles if a.record is not None]
        return articles

    def get_article(
        self, article_id: str, *, model: str | None = None, prompt_version: str | None = None
    ) -> StoredArticle | None:
        query = (
            select(ArticleRow)
            .where(ArticleRow.article_id == article_id)
            .options(
                selectinload(ArticleRow.runs).selectinload(ExtractionRunRow.record),
                selectinload(ArticleRow.runs).selectinload(ExtractionRunRow.discrepancies),
            )
        )
        with self.session() as session:
            row = session.scalars(query).one_or_none()
            return _stored_article(row, model, prompt_version) if row is not None else None

    def list_discrepancies(
        self,
        *,
        status: DiscrepancyStatus | None = None,
        article_id: str | None = None,
        run_id: int | None = None,
    ) -> list[StoredDiscrepancy]:
        """Discrepancies in id order, filtered by review status, article or run."""
        with self.session() as session:
            return discrepancies.listed(
                session, status=status, article_id=article_id, run_id=run_id
            )

    def get_discrepancy(self, discrepancy_id: int) -> StoredDiscrepancy | None:
        with self.session() as session:
            return discrepancies.get(session, discrepancy_id)


# --------------------------------------------------------------------------- helpers


def _ensure_article(session: Session, article: SourceArticle, *, flush: bool = True) -> None:
    if session.get(ArticleRow, article.article_id) is not None:
        return
    session.add(
        ArticleRow(
            article_id=article.article_id,
            source=article.meta.source,
            title=article.meta.title,
            published=article.meta.published,
            author=article.meta.author,
            text=article.text,
        )
    )
    if flush:
        session.flush()


def _run_for(session: Session, article_id: str, key: RunKey) -> ExtractionRunRow | None:
    return session.scalars(
        select(ExtractionRunRow).where(
            ExtractionRunRow.article_id == article_id, of_run_key(ExtractionRunRow, key)
        )
    ).one_or_none()
