"""Run extraction over many articles: bounded parallel model calls, one writer, resumable.

Why it is safe to kill at any moment: each article's run, record, discrepancies and
cache entry are written in one transaction by the single writer (this thread), and the
store's unique key (article, model, prompt version, schema version) means a rerun skips
what is stored and can never insert it twice. Worker threads only call the model.

Planning streams: each input is read (fetched, parsed) as the workers need more work, so
reading URLs overlaps with model calls. Each article is claimed in the store before its
model call (`summarizer.batch.claims`), so two batches on one store extract it once.
A store error on one article fails that article only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from summarizer.batch.cache import CacheSpec, OutcomeCache
from summarizer.batch.claims import Claims, Heartbeat
from summarizer.batch.options import BatchOptions
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

T = TypeVar("T")

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


def from_cache(
    article: SourceArticle, cache: OutcomeCache | None, rechecker: Rechecker | None
) -> Processed | None:
    """The cached outcome of `article` (re-checked by today's checker), if it has a record.

    Every runner asks this before paying for a model call.
    """
    started = utcnow()
    cached = cache.get(article.article_id) if cache is not None else None
    if cached is None or cached.record is None:
        return None
    outcome = cached
    if rechecker is not None:
        outcome = with_verdict(cached, rechecker(cached.record, article))
    return Processed(article, outcome, True, started, utcnow())


def process_article(
    article: SourceArticle,
    extractor: Extractor,
    cache: OutcomeCache | None = None,
    rechecker: Rechecker | None = None,
) -> Processed:
    """Cache hit (re-checked) or model call; never raises for a model problem."""
    hit = from_cache(article, cache, rechecker)
    if hit is not None:
        return hit
    started = utcnow()
    try:
        outcome = extractor(article)
    except Exception as exc:  # one bad article must not stop the batch
        outcome = failure_outcome(article.article_id, exc)
    return Processed(article, outcome, False, started, utcnow())


class Planner:
    """Streams the input into work: records input failures, skips duplicates and done
    articles (re-checking them when asked) and yields each article still to extract.

    The counts in `summary` grow as the input is read, so nothing waits for the whole
    input before the first model call.
    """

    def __init__(
        self,
        items: Iterable[SourceArticle | IngestFailure],
        store: Store,
        key: RunKey,
        *,
        retry_failed: bool,
        rechecker: Rechecker | None = None,
    ) -> None:
        self.items = items
        self.store = store
        self.key = key
        self.retry_failed = retry_failed
        self.rechecker = rechecker
        self.ok_ids = store.done_article_ids(key, include_failed=False)
        self.failed_ids = store.done_article_ids(key, include_failed=True) - self.ok_ids
        self.done: list[SourceArticle] = []
        self.failures: list[IngestFailure] = []
        self.duplicates = 0
        self.stored_failed = 0

    def is_done(self, article_id: str) -> bool:
        if article_id in self.ok_ids:
            return True
        return article_id in self.failed_ids and not self.retry_failed

    def stream(self, writer: BatchWriter | None = None) -> Iterator[SourceArticle]:
        seen: set[str] = set()
        summary = writer.summary if writer is not None else None
        for item in self.items:
            if isinstance(item, IngestFailure):
                self.failures.append(item)
                if writer is not None:
                    writer.record_input_failure(item)
                continue
            if item.article_id in seen:
                self.duplicates += 1
                if summary is not None:
                    summary.duplicates += 1
                continue
            seen.add(item.article_id)
            if summary is not None:
                summary.seen += 1
            if not self.is_done(item.article_id):
                yield item
                continue
            self.done.append(item)
            if item.article_id in self.failed_ids:
                self.stored_failed += 1
            if summary is not None and writer is not None:
                summary.skipped += 1
                summary.stored_failed = self.stored_failed
                if self.rechecker is not None:
                    checked, changed = recheck_stored([item], self.store, self.key, self.rechecker)
                    summary.rechecked += checked
                    summary.recheck_changed += changed
                writer.progress.advance(summary)

    def read_all(self, writer: BatchWriter | None = None) -> Plan:
        """The whole input read at once, for runners that need all the work first (the
        provider's Batch API submits one file); the writer's cache is fetched in one go."""
        todo = list(self.stream(writer))
        if writer is not None and writer.cache is not None:
            writer.cache.prefetch(article.article_id for article in todo)
        return Plan(todo=todo, done=self.done, failures=self.failures, duplicates=self.duplicates)


def plan_batch(
    items: Iterable[SourceArticle | IngestFailure],
    store: Store,
    key: RunKey,
    *,
    retry_failed: bool,
) -> Plan:
    """Split the input into new work, already-done articles and unreadable sources."""
    return Planner(items, store, key, retry_failed=retry_failed).read_all()


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
        with contextlib.suppress(SQLAlchemyError):  # still reported and counted below
            self.store.record_ingest_failure(failure.source, failure.error)
        self.summary.input_failed += 1
        self.summary.errors.append((failure.source, failure.error))
        self.progress.advance(self.summary)

    def _store(self, processed: Processed, outcome: ExtractionOutcome) -> None:
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

    def save(self, processed: Processed) -> None:
        """Store one outcome; a store error fails this article only, never the batch."""
        outcome = processed.outcome
        try:
            self._store(processed, outcome)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            error = f"the store refused this article: {reason[0] if reason else type(exc)}"
            outcome = ExtractionOutcome(
                article_id=processed.article.article_id,
                status=OutcomeStatus.failed,
                error=error,
                usage=outcome.usage,
                attempts=outcome.attempts,
            )
            # A failed run (no record) usually still fits; else it is only reported.
            with contextlib.suppress(SQLAlchemyError):
                self._store(processed, outcome)
        source = processed.article.meta.source
        if source is not None and source in self._failed_sources:
            with contextlib.suppress(SQLAlchemyError):
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


def open_batch(
    items: Iterable[SourceArticle | IngestFailure],
    store: Store,
    spec: CacheSpec,
    options: BatchOptions,
    progress: ProgressSink | None = None,
    rechecker: Rechecker | None = None,
) -> tuple[Planner, BatchWriter]:
    """Shared first half of every runner: the streaming planner and the single writer.

    With ``options.recheck``, the stored records of skipped articles are re-checked by
    `rechecker` as the planner meets them.
    """
    key = spec.run_key
    planner = Planner(
        items,
        store,
        key,
        retry_failed=options.retry_failed,
        rechecker=rechecker if options.recheck else None,
    )
    summary = BatchSummary()
    cache = OutcomeCache(store, spec) if options.use_cache else None
    failed_sources = {source for source, _ in store.ingest_failures()}
    sink = progress or NullProgress()
    writer = BatchWriter(store, key, summary, sink, cache, failed_sources)
    sink.start(0)
    sink.advance(summary)
    return planner, writer


def claimed(
    articles: Iterable[SourceArticle], claims: Claims, writer: BatchWriter, *, retry_failed: bool
) -> Iterator[SourceArticle]:
    """The articles this batch won the claim for; the others are another batch's work."""
    for article in articles:
        if claims.claim(article.article_id, retry_failed=retry_failed):
            yield article
            continue
        writer.summary.elsewhere += 1
        writer.summary.skipped += 1
        writer.progress.advance(writer.summary)


class DaemonPool:
    """A fixed set of daemon worker threads.

    Unlike `ThreadPoolExecutor`, whose threads the interpreter joins at exit, a worker
    stuck in a hung model call cannot keep the process alive once the batch has given the
    article up (see `DEFAULT_ARTICLE_TIMEOUT_S`).
    """

    def __init__(self, workers: int) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._threads = [
            threading.Thread(target=self._work, name=f"batch-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, call = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to the waiting writer
                future.set_exception(exc)

    def submit(self, call: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        self._jobs.put((future, call))
        return future

    def shutdown(self, *, wait: bool) -> None:
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


def _timed_out(article: SourceArticle, seconds: float, started: dt.datetime) -> Processed:
    error = (
        f"the article took longer than {seconds:g} s (model calls and retries); the model may "
        "be hung or too slow: rerun with --retry-failed, or raise --article-timeout"
    )
    outcome = ExtractionOutcome(
        article_id=article.article_id, status=OutcomeStatus.failed, error=error, attempts=1
    )
    return Processed(article, outcome, False, started, utcnow())


def run_batch(
    items: Iterable[SourceArticle | IngestFailure],
    *,
    store: Store,
    extractor: Extractor,
    spec: CacheSpec,
    options: BatchOptions | None = None,
    rechecker: Rechecker | None = None,
    progress: ProgressSink | None = None,
) -> BatchSummary:
    """Process every new article with at most ``options.workers`` model calls in flight.

    The input is read lazily, a few articles ahead of the workers, so fetching and
    parsing overlap with extraction; `elapsed_s` covers both. An article that takes more
    than ``options.article_timeout`` is stored as failed and its worker abandoned.
    """
    t0 = time.monotonic()
    chosen = options or BatchOptions()
    planner, writer = open_batch(items, store, spec, chosen, progress, rechecker)
    summary = writer.summary
    claims = Claims(store, spec.run_key)
    workers = chosen.workers
    article_timeout_s = chosen.article_timeout
    max_in_flight = workers * 2
    todo = claimed(planner.stream(writer), claims, writer, retry_failed=chosen.retry_failed)
    pool = DaemonPool(workers)
    abandoned = False
    pending: dict[Future[Processed], tuple[SourceArticle, float, dt.datetime]] = {}
    try:
        with Heartbeat(claims):
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < max_in_flight:
                    article = next(todo, None)
                    if article is None:
                        exhausted = True
                        break
                    future = pool.submit(
                        functools.partial(
                            process_article, article, extractor, writer.cache, rechecker
                        )
                    )
                    pending[future] = (article, time.monotonic(), utcnow())
                if not pending:
                    break
                oldest = min(started for _, started, _ in pending.values())
                timeout = max(oldest + article_timeout_s - time.monotonic(), 0.0)
                finished, _ = wait(list(pending), timeout=timeout, return_when=FIRST_COMPLETED)
                for future in finished:
                    article, _, _ = pending.pop(future)
                    writer.save(future.result())
                    claims.release(article.article_id)
                now = time.monotonic()
                for future, (article, started, started_at) in list(pending.items()):
                    if now - started >= article_timeout_s and not future.done():
                        future.cancel()
                        del pending[future]
                        abandoned = True
                        writer.save(_timed_out(article, article_timeout_s, started_at))
                        claims.release(article.article_id)
    finally:
        # On Ctrl-C or a store error, do not start the queued articles; what is stored stays.
        for future in pending:
            future.cancel()
        pool.shutdown(wait=not abandoned)
    summary.elapsed_s = time.monotonic() - t0
    writer.progress.finish(summary)
    return summary
