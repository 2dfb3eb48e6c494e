"""Run extraction over many articles: bounded parallel model calls, one writer, resumable.

Why it is safe to kill at any moment: each article's run, record, discrepancies and
cache entry are written in one transaction by the single writer (this thread), and the
store's unique key (article, model, prompt version, schema version) means a rerun skips
what is stored and can never insert it twice. Worker threads only call the model.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from summarizer.batch.cache import CacheSpec, OutcomeCache
from summarizer.batch.progress import BatchSummary, NullProgress, ProgressSink
from summarizer.domain import (
    ArticleRecord,
    ExtractionOutcome,
    IngestFailure,
    OutcomeStatus,
    SourceArticle,
    Verdict,
)
from summarizer.store.repository import RunKey, Store
from summarizer.store.tables import utcnow

Extractor = Callable[[SourceArticle], ExtractionOutcome]
"""One article in, one outcome out (the extraction stage: model call + validation + check)."""

Rechecker = Callable[[ArticleRecord, SourceArticle], Verdict]
"""Re-run the deterministic cross-check of a record against its article's text."""


@dataclass(frozen=True)
class Processed:
    """One article's outcome with its timing, ready to be stored."""

    article: SourceArticle
    outcome: ExtractionOutcome
    cached: bool
    started_at: dt.datetime
    finished_at: dt.datetime


@dataclass
class Plan:
    """What a batch has to do, decided before any model call."""

    todo: list[SourceArticle] = field(default_factory=list)
    done: list[SourceArticle] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    duplicates: int = 0


def failure_outcome(article_id: str, exc: BaseException) -> ExtractionOutcome:
    """An extractor that raised instead of returning a failed outcome still gets recorded."""
    message = f"{type(exc).__name__}: {exc}".strip()
    return ExtractionOutcome(article_id=article_id, status=OutcomeStatus.failed, error=message)


def with_verdict(outcome: ExtractionOutcome, verdict: Verdict) -> ExtractionOutcome:
    """The same outcome judged by another (e.g. newer) cross-checker."""
    return outcome.model_copy(
        update={"verdict": verdict, "status": OutcomeStatus(verdict.status.value)}
    )


def process_article(
    article: SourceArticle,
    extractor: Extractor,
    cache: OutcomeCache | None = None,
    rechecker: Rechecker | None = None,
) -> Processed:
    """Cache hit (re-checked) or model call; never raises for a model problem."""
    started = utcnow()
    cached = cache.get(article.article_id) if cache is not None else None
    if cached is not None and cached.record is not None:
        outcome = cached
        if rechecker is not None:
            outcome = with_verdict(cached, rechecker(cached.record, article))
        return Processed(article, outcome, True, started, utcnow())
    try:
        outcome = extractor(article)
    except Exception as exc:  # one bad article must not stop the batch
        outcome = failure_outcome(article.article_id, exc)
    return Processed(article, outcome, False, started, utcnow())


def plan_batch(
    items: Iterable[SourceArticle | IngestFailure],
    store: Store,
    key: RunKey,
    *,
    retry_failed: bool,
) -> Plan:
    """Split the input into new work, already-done articles and unreadable sources."""
    done_ids = store.done_article_ids(key, include_failed=not retry_failed)
    plan = Plan()
    seen: set[str] = set()
    for item in items:
        if isinstance(item, IngestFailure):
            plan.failures.append(item)
            continue
        if item.article_id in seen:
            plan.duplicates += 1
            continue
        seen.add(item.article_id)
        (plan.done if item.article_id in done_ids else plan.todo).append(item)
    return plan


class BatchWriter:
    """The single writer: stores outcomes and keeps the counts and the display current."""

    def __init__(
        self,
        store: Store,
        key: RunKey,
        summary: BatchSummary,
        progress: ProgressSink,
        cache: OutcomeCache | None,
        failed_sources: set[str],
    ) -> None:
        self.store = store
        self.key = key
        self.summary = summary
        self.progress = progress
        self.cache = cache
        self._failed_sources = failed_sources

    def record_input_failure(self, failure: IngestFailure) -> None:
        self.store.record_ingest_failure(failure.source, failure.error)
        self.summary.input_failed += 1
        self.summary.errors.append((failure.source, failure.error))
        self.progress.advance(self.summary)

    def save(self, processed: Processed) -> None:
        outcome = processed.outcome
        entry = None if processed.cached or self.cache is None else self.cache.entry(outcome)
        self.store.save_outcome(
            processed.article,
            outcome,
            self.key,
            started_at=processed.started_at,
            finished_at=processed.finished_at,
            cached=processed.cached,
            cache_entry=entry,
        )
        source = processed.article.meta.source
        if source is not None and source in self._failed_sources:
            self.store.clear_ingest_failure(source)
            self._failed_sources.discard(source)
        self.summary.count(outcome.status, outcome.usage, cached=processed.cached)
        if outcome.status == OutcomeStatus.failed:
            where = processed.article.meta.source or processed.article.article_id
            self.summary.errors.append((where, outcome.error or "unknown error"))
        self.progress.advance(self.summary)


def recheck_stored(
    articles: Iterable[SourceArticle], store: Store, key: RunKey, rechecker: Rechecker
) -> tuple[int, int]:
    """Re-run the cross-check over stored records (no model call); (checked, changed)."""
    checked = changed = 0
    for article in articles:
        stored = store.get_article(
            article.article_id, model=key.model, prompt_version=key.prompt_version
        )
        if stored is None or stored.record is None or stored.run is None:
            continue
        checked += 1
        changed += store.replace_verdict(stored.run.id, rechecker(stored.record, article))
    return checked, changed


def start_batch(
    items: Iterable[SourceArticle | IngestFailure],
    store: Store,
    spec: CacheSpec,
    *,
    retry_failed: bool,
    progress: ProgressSink,
    use_cache: bool,
    rechecker: Rechecker | None = None,
) -> tuple[Plan, BatchWriter]:
    """Shared first half of every runner: plan, record input failures, start the display,
    and re-check the stored records of skipped articles when a `rechecker` is given."""
    key = spec.run_key
    plan = plan_batch(items, store, key, retry_failed=retry_failed)
    summary = BatchSummary(
        seen=len(plan.todo) + len(plan.done),
        skipped=len(plan.done),
        duplicates=plan.duplicates,
    )
    cache = OutcomeCache(store, spec) if use_cache else None
    if cache is not None:
        cache.prefetch(article.article_id for article in plan.todo)
    failed_sources = {source for source, _ in store.ingest_failures()}
    writer = BatchWriter(store, key, summary, progress, cache, failed_sources)
    progress.start(len(plan.todo) + len(plan.done) + len(plan.failures))
    progress.advance(summary)
    for failure in plan.failures:
        writer.record_input_failure(failure)
    if rechecker is not None:
        summary.rechecked, summary.recheck_changed = recheck_stored(
            plan.done, store, key, rechecker
        )
    return plan, writer


def run_batch(
    items: Iterable[SourceArticle | IngestFailure],
    *,
    store: Store,
    extractor: Extractor,
    spec: CacheSpec,
    concurrency: int = 4,
    retry_failed: bool = False,
    recheck: bool = False,
    rechecker: Rechecker | None = None,
    progress: ProgressSink | None = None,
    use_cache: bool = True,
) -> BatchSummary:
    """Process every new article with at most `concurrency` model calls in flight."""
    t0 = time.monotonic()
    sink = progress or NullProgress()
    plan, writer = start_batch(
        items,
        store,
        spec,
        retry_failed=retry_failed,
        progress=sink,
        use_cache=use_cache,
        rechecker=rechecker if recheck else None,
    )
    summary = writer.summary
    workers = max(1, concurrency)
    max_in_flight = workers * 2
    todo = iter(plan.todo)
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="batch")
    try:
        pending: set[Future[Processed]] = set()
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < max_in_flight:
                article = next(todo, None)
                if article is None:
                    exhausted = True
                    break
                pending.add(
                    pool.submit(process_article, article, extractor, writer.cache, rechecker)
                )
            if not pending:
                break
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                writer.save(future.result())
    finally:
        # On Ctrl-C or a store error, do not start the queued articles; what is stored stays.
        pool.shutdown(wait=True, cancel_futures=True)
    summary.elapsed_s = time.monotonic() - t0
    sink.finish(summary)
    return summary
