"""The store keeps exactly one current result per article and key, atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from support.outcomes import failed_outcome, flag, make_article, make_outcome
from support.stores import row_count

from summarizer.domain import OutcomeStatus, TokenUsage, Verdict
from summarizer.store import discrepancies
from summarizer.store.repository import RunKey, Store
from summarizer.store.tables import (
    ArticleRow,
    DiscrepancyRow,
    DiscrepancyStatus,
    ExtractionRunRow,
    RecordRow,
)

KEY = RunKey(model="fake-model", prompt_version="p1", sampling_hash="s")


def test_outcome_round_trips_with_record_verdict_and_discrepancies(store: Store) -> None:
    article = make_article(1)
    outcome = make_outcome(article, flagged=True)
    result = store.save_outcome(article, outcome, KEY)
    assert result.inserted

    stored = store.get_article(article.article_id)
    assert stored is not None
    assert stored.text == article.text
    assert stored.meta == article.meta
    assert stored.record == outcome.record
    assert stored.verdict == outcome.verdict
    assert stored.run is not None and stored.run.status == OutcomeStatus.flagged
    assert stored.run.usage == TokenUsage(prompt_tokens=100, completion_tokens=50)
    assert [d.discrepancy for d in stored.discrepancies] == outcome.verdict.discrepancies  # type: ignore[union-attr]
    assert stored.discrepancies[0].status == DiscrepancyStatus.open


def test_second_save_for_same_key_writes_nothing(store: Store) -> None:
    article = make_article(2)
    first = store.save_outcome(article, make_outcome(article, flagged=True), KEY)
    second = store.save_outcome(article, make_outcome(article, flagged=True), KEY)
    assert not second.inserted and second.run_id == first.run_id
    assert row_count(store, ExtractionRunRow) == 1
    assert row_count(store, RecordRow) == 1
    assert row_count(store, DiscrepancyRow) == 1


def test_other_prompt_version_is_a_separate_run(store: Store) -> None:
    article = make_article(3)
    store.save_outcome(article, make_outcome(article), KEY)
    other = RunKey(model=KEY.model, prompt_version="p2")
    assert store.save_outcome(article, make_outcome(article), other).inserted
    assert store.done_article_ids(other, include_failed=False) == {article.article_id}
    assert row_count(store, ExtractionRunRow) == 2


def test_failed_run_is_kept_then_replaced_on_retry(store: Store) -> None:
    article = make_article(4)
    store.save_outcome(article, failed_outcome(article), KEY)
    assert store.done_article_ids(KEY, include_failed=False) == set()
    assert store.done_article_ids(KEY, include_failed=True) == {article.article_id}
    stored = store.get_article(article.article_id)
    assert stored is not None and stored.run is not None
    assert stored.run.error == "model timed out" and stored.run.raw_output == "{not json"
    assert stored.record is None

    assert store.save_outcome(article, make_outcome(article), KEY).inserted
    assert store.run_counts(KEY)[OutcomeStatus.accepted] == 1
    assert store.run_counts(KEY)[OutcomeStatus.failed] == 0
    assert row_count(store, ExtractionRunRow) == 1


def test_write_is_atomic_when_a_discrepancy_cannot_be_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row the database rejects leaves no article, run, record or cache entry behind."""
    import summarizer.store.repository as repo

    real = repo._discrepancy_rows

    def invalid(*args: Any) -> list[DiscrepancyRow]:
        rows = real(*args)
        for row in rows:
            row.status = "bogus"  # violates the CHECK constraint at flush time
        return rows

    monkeypatch.setattr(repo, "_discrepancy_rows", invalid)
    article = make_article(5)
    with pytest.raises(IntegrityError):
        store.save_outcome(
            article, make_outcome(article, flagged=True), KEY, cache_entry=("k", {"x": 1})
        )
    assert row_count(store, ArticleRow) == 0
    assert row_count(store, ExtractionRunRow) == 0
    assert row_count(store, RecordRow) == 0
    assert store.cache_get("k") is None


def test_list_articles_since_uses_published_then_fetched(store: Store) -> None:
    old = make_article(6, published=dt.date(2024, 1, 1))
    new = make_article(7, published=dt.date(2025, 6, 1))
    undated = make_article(8, published=None)
    for article in (old, new, undated):
        store.save_outcome(article, make_outcome(article), KEY)
    ids = [a.article_id for a in store.list_articles(since=dt.date(2025, 1, 1))]
    assert ids == [new.article_id, undated.article_id]  # undated was fetched just now
    assert len(store.list_articles()) == 3
    assert store.list_articles(since=dt.date.today() + dt.timedelta(days=2)) == []


def test_current_run_prefers_success_and_can_be_chosen_by_model(store: Store) -> None:
    article = make_article(9)
    store.save_outcome(article, make_outcome(article), KEY)
    other = RunKey(model="other-model", prompt_version="p1")
    store.save_outcome(article, failed_outcome(article), other)
    (default,) = store.list_articles()
    assert default.run is not None and default.run.model == "fake-model"
    chosen = store.get_article(article.article_id, model="other-model")
    assert chosen is not None and chosen.run is not None
    assert chosen.run.status == OutcomeStatus.failed and chosen.record is None


def test_discrepancy_status_updates(store: Store) -> None:
    article = make_article(10)
    store.save_outcome(article, make_outcome(article, flagged=True), KEY)
    (open_one,) = store.list_discrepancies(status=DiscrepancyStatus.open)
    with store.session() as session:  # review's guard: only an open row moves
        assert discrepancies.move_status(session, open_one.id, "open", "corrected")
        assert not discrepancies.move_status(session, open_one.id, "open", "approved")
    updated = store.get_discrepancy(open_one.id)
    assert updated is not None and updated.status == DiscrepancyStatus.corrected
    assert store.list_discrepancies(status=DiscrepancyStatus.open) == []
    assert store.get_discrepancy(open_one.id) == updated
    with store.session() as session:
        assert not discrepancies.move_status(session, 10_000, "open", "approved")
        assert discrepancies.get(session, 10**30) is None  # beyond any id: no overflow


def test_discrepancy_status_update_joins_a_callers_transaction(store: Store) -> None:
    article = make_article(11)
    store.save_outcome(article, make_outcome(article, flagged=True), KEY)
    (d,) = store.list_discrepancies()
    with pytest.raises(RuntimeError), store.session() as session:
        discrepancies.move_status(session, d.id, "open", DiscrepancyStatus.rejected.value)
        raise RuntimeError("audit write failed")
    assert store.get_discrepancy(d.id) == d  # rolled back with the caller


def test_replace_verdict_keeps_reviewed_discrepancies(store: Store) -> None:
    article = make_article(12)
    saved = store.save_outcome(article, make_outcome(article, flagged=True), KEY)
    (d,) = store.list_discrepancies()
    with store.session() as session:
        discrepancies.move_status(session, d.id, "open", DiscrepancyStatus.approved.value)
    extra = flag("figures[1].value")
    changed = store.replace_verdict(
        saved.run_id, Verdict.from_discrepancies([d.discrepancy, extra], numbers_checked=3)
    )
    assert changed
    rows = store.list_discrepancies(article_id=article.article_id)
    assert [(r.discrepancy.field, r.status) for r in rows] == [
        ("figures[0].value", DiscrepancyStatus.approved),
        ("figures[1].value", DiscrepancyStatus.open),
    ]
    # An accepted re-check drops the open finding but keeps the reviewed one.
    assert store.replace_verdict(saved.run_id, Verdict.from_discrepancies([], 3))
    rows = store.list_discrepancies(article_id=article.article_id)
    assert [r.id for r in rows] == [d.id]
    stored = store.get_article(article.article_id)
    assert stored is not None and stored.run is not None
    assert stored.run.status == OutcomeStatus.accepted
    assert not store.replace_verdict(saved.run_id, Verdict.from_discrepancies([], 3))


def test_ingest_failures_are_remembered_and_cleared(store: Store) -> None:
    store.record_ingest_failure("bad.bin", "binary")
    store.record_ingest_failure("bad.bin", "still binary")
    assert store.ingest_failures() == [("bad.bin", "still binary")]
    store.clear_ingest_failure("bad.bin")
    assert store.ingest_failures() == []


def test_two_stores_on_one_file_see_each_other(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    writer, reader = Store.open(path), Store.open(path)
    article = make_article(13)
    writer.save_outcome(article, make_outcome(article), KEY)
    assert reader.done_article_ids(KEY, include_failed=False) == {article.article_id}


def test_a_stored_record_that_no_longer_validates_is_reported_not_raised(store: Store) -> None:
    good, bad = make_article(20), make_article(21)
    store.save_outcome(good, make_outcome(good), KEY)
    saved = store.save_outcome(bad, make_outcome(bad), KEY)
    with store.session() as session:
        row = session.get(RecordRow, saved.run_id)
        assert row is not None
        row.record = {**row.record, "article_id": "not-hex"}
    articles = {a.article_id: a for a in store.list_articles()}
    assert articles[good.article_id].record is not None
    broken = articles[bad.article_id]
    assert broken.record is None and broken.problem is not None
    assert "article_id" in broken.problem
