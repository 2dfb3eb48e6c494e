"""The batch runner: bounded parallelism, idempotent reruns, cache hits, failures recorded."""

from __future__ import annotations

import threading
import time

from support.outcomes import flag, make_article, make_outcome
from support.stores import row_count

from summarizer.batch.cache import CacheSpec, OutcomeCache
from summarizer.batch.options import BatchOptions
from summarizer.batch.runner import run_batch
from summarizer.domain import (
    ArticleRecord,
    ExtractionOutcome,
    IngestFailure,
    OutcomeStatus,
    SourceArticle,
    Verdict,
)
from summarizer.store.repository import Store
from summarizer.store.tables import DiscrepancyRow, ExtractionRunRow, RecordRow

SPEC = CacheSpec(model="fake-model", prompt_version="p1", sampling={"temperature": 0.0})


class CountingExtractor:
    """A stand-in extraction stage that counts calls and in-flight concurrency."""

    def __init__(self, *, delay_s: float = 0.0, fail_ids: frozenset[str] = frozenset()) -> None:
        self.calls = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.delay_s = delay_s
        self.fail_ids = fail_ids
        self._lock = threading.Lock()

    def __call__(self, article: SourceArticle) -> ExtractionOutcome:
        with self._lock:
            self.calls += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.delay_s)
            if article.article_id in self.fail_ids:
                raise TimeoutError("model did not answer")
            return make_outcome(article, flagged="3" in article.meta.title)  # type: ignore[operator]
        finally:
            with self._lock:
                self.in_flight -= 1


def test_batch_stores_every_article_and_counts_statuses(store: Store) -> None:
    articles = [make_article(i) for i in range(8)]
    extractor = CountingExtractor()
    summary = run_batch(
        articles, store=store, extractor=extractor, spec=SPEC, options=BatchOptions(concurrency=3)
    )
    assert (summary.processed, summary.accepted, summary.flagged) == (8, 7, 1)
    assert summary.usage.prompt_tokens == 800
    assert extractor.calls == 8
    assert row_count(store, ExtractionRunRow) == 8
    assert row_count(store, RecordRow) == 8
    assert row_count(store, DiscrepancyRow) == 1


def test_concurrency_is_bounded(store: Store) -> None:
    extractor = CountingExtractor(delay_s=0.05)
    articles = [make_article(i) for i in range(12)]
    run_batch(
        articles, store=store, extractor=extractor, spec=SPEC, options=BatchOptions(concurrency=4)
    )
    assert 2 <= extractor.max_in_flight <= 4


def test_rerun_skips_everything_and_spends_nothing(store: Store) -> None:
    articles = [make_article(i) for i in range(5)]
    run_batch(articles, store=store, extractor=CountingExtractor(), spec=SPEC)
    again = CountingExtractor()
    summary = run_batch(articles, store=store, extractor=again, spec=SPEC)
    assert again.calls == 0
    assert (summary.skipped, summary.processed, summary.usage.total_tokens) == (5, 0, 0)
    assert row_count(store, ExtractionRunRow) == 5


def test_duplicates_in_input_are_processed_once(store: Store) -> None:
    a = make_article(1)
    extractor = CountingExtractor()
    summary = run_batch([a, a, make_article(2), a], store=store, extractor=extractor, spec=SPEC)
    assert (summary.duplicates, summary.processed, extractor.calls) == (2, 2, 2)


def test_failures_are_recorded_and_retried_only_on_request(store: Store) -> None:
    articles = [make_article(i) for i in range(4)]
    bad = frozenset({articles[2].article_id})
    summary = run_batch(
        [*articles, IngestFailure(source="broken.bin", error="binary input")],
        store=store,
        extractor=CountingExtractor(fail_ids=bad),
        spec=SPEC,
    )
    assert (summary.accepted + summary.flagged, summary.failed, summary.input_failed) == (3, 1, 1)
    stored = store.get_article(articles[2].article_id)
    assert stored is not None and stored.run is not None
    assert stored.run.status == OutcomeStatus.failed
    assert stored.run.error == "TimeoutError: model did not answer"
    assert store.ingest_failures() == [("broken.bin", "binary input")]

    plain_rerun = CountingExtractor()
    run_batch(articles, store=store, extractor=plain_rerun, spec=SPEC)
    assert plain_rerun.calls == 0

    retry = CountingExtractor()
    summary = run_batch(
        articles, store=store, extractor=retry, spec=SPEC, options=BatchOptions(retry_failed=True)
    )
    assert retry.calls == 1 and summary.accepted == 1
    assert store.run_counts(SPEC.run_key)[OutcomeStatus.failed] == 0
    assert row_count(store, ExtractionRunRow) == 4


def test_cache_serves_a_new_prompt_key_free_but_not_a_changed_sampling(store: Store) -> None:
    """The cache key includes sampling: the same key after a lost run hits the cache."""
    articles = [make_article(i) for i in range(3)]
    run_batch(articles, store=store, extractor=CountingExtractor(), spec=SPEC)
    cache = OutcomeCache(store, SPEC)
    assert all(cache.get(a.article_id) is not None for a in articles)
    hotter = CacheSpec(model="fake-model", prompt_version="p1", sampling={"temperature": 0.7})
    assert OutcomeCache(store, hotter).get(articles[0].article_id) is None

    # Lose the runs but keep the cache: a rerun restores them without a model call.
    with store.session() as session:
        session.execute(ExtractionRunRow.__table__.delete())
    extractor = CountingExtractor()
    summary = run_batch(articles, store=store, extractor=extractor, spec=SPEC)
    assert extractor.calls == 0
    assert (summary.processed, summary.cached, summary.usage.total_tokens) == (3, 3, 0)
    assert row_count(store, RecordRow) == 3


def _strict_checker(record: ArticleRecord, article: SourceArticle) -> Verdict:
    """A 'new cross-checker' that flags every record (to see re-checks take effect)."""
    return Verdict.from_discrepancies([flag()], numbers_checked=2)


def test_recheck_updates_stored_verdicts_without_model_calls(store: Store) -> None:
    articles = [make_article(i) for i in range(4)]
    run_batch(articles, store=store, extractor=CountingExtractor(), spec=SPEC)
    assert store.run_counts(SPEC.run_key)[OutcomeStatus.flagged] == 1
    extractor = CountingExtractor()
    summary = run_batch(
        articles,
        store=store,
        extractor=extractor,
        spec=SPEC,
        options=BatchOptions(recheck=True),
        rechecker=_strict_checker,
    )
    assert extractor.calls == 0
    assert (summary.rechecked, summary.recheck_changed) == (4, 3)
    assert store.run_counts(SPEC.run_key)[OutcomeStatus.flagged] == 4
    assert row_count(store, DiscrepancyRow) == 4


def test_cache_hit_is_rechecked_by_the_current_checker(store: Store) -> None:
    article = make_article(5)
    run_batch([article], store=store, extractor=CountingExtractor(), spec=SPEC)
    with store.session() as session:
        session.execute(ExtractionRunRow.__table__.delete())
    summary = run_batch(
        [article],
        store=store,
        extractor=CountingExtractor(),
        spec=SPEC,
        rechecker=_strict_checker,
    )
    assert (summary.cached, summary.flagged) == (1, 1)
