"""Review decisions: what each one changes, what it refuses, and races between reviewers."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.review import KEY, new_session, seeded_store

from summarizer.review import service
from summarizer.review.audit import read_entries
from summarizer.review.tables import AuditEntry, RecordVersionRow
from summarizer.store.repository import Store
from summarizer.store.tables import DiscrepancyStatus


@pytest.fixture
def store(tmp_path: Path) -> Store:
    seeded, _article = seeded_store(tmp_path / "review.db")
    return seeded


def _status(store: Store, discrepancy_id: int) -> DiscrepancyStatus:
    found = store.get_discrepancy(discrepancy_id)
    assert found is not None
    return found.status


def _audit_count(store: Store) -> int:
    with new_session(store) as session:
        return int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def test_approve_keeps_the_record_and_logs_the_decision(store: Store) -> None:
    article_id = store.list_discrepancies()[0].article_id
    with new_session(store) as session:
        decision = service.approve(session, 1, "alice", reason="scale is right")
        record = service.current_record(session, article_id)
    assert decision.status == DiscrepancyStatus.approved
    assert _status(store, 1) == DiscrepancyStatus.approved
    assert record is not None and record.figures[2].value == Decimal("6200000")
    assert decision.audit.who == "alice"
    assert decision.audit.action == "approve"
    assert decision.audit.before["value"] == "6200000"
    assert decision.audit.at.endswith("+00:00")


def test_accept_source_corrects_value_scale_and_text(store: Store) -> None:
    article_id = store.list_discrepancies()[0].article_id
    with new_session(store) as session:
        decision = service.accept_source(session, 1, "alice")
        record = service.current_record(session, article_id)
        version = session.get(RecordVersionRow, decision.version_id)
        assert version is not None and version.audit_seq == decision.audit.seq
    assert record is not None
    figure = record.figures[2]
    assert (figure.value, figure.scale, figure.text) == (
        Decimal("6200000000"),
        "billion",
        "6.2 billion USD",
    )
    assert decision.audit.after["values"]["figures[2].value"] == "6200000000"
    assert decision.audit.before["values"]["figures[2].value"] == "6200000"
    # The stored extraction is untouched: the correction is a new, linked version.
    stored = store.get_article(article_id)
    assert stored is not None and stored.record is not None
    assert stored.record.figures[2].value == Decimal("6200000")


def test_typed_correction_is_validated_by_the_domain_models(store: Store) -> None:
    with new_session(store) as session:
        with pytest.raises(service.InvalidDecision, match="valid decimal"):
            service.correct(session, 1, "alice", "six billion")
        with pytest.raises(service.InvalidDecision, match="direction 'down' needs a negative"):
            service.correct(session, 1, "alice", "10.5", field="figures[3].value")
        with pytest.raises(service.InvalidDecision, match=r"no field 'figures\[9\]\.value'"):
            service.correct(session, 1, "alice", "1", field="figures[9].value")
    # Refused corrections change nothing and leave no audit entry.
    assert _status(store, 1) == DiscrepancyStatus.open
    assert _audit_count(store) == 0
    with new_session(store) as session:
        decision = service.correct(  # scale word and text still say million: an override
            session, 1, "bob", "6200000000", reason="scale word fixed later", override=True
        )
        record = service.current_record(session, store.list_discrepancies()[0].article_id)
    assert decision.status == DiscrepancyStatus.corrected
    assert record is not None and record.figures[2].value == Decimal("6200000000")


def test_reject_removes_the_item_and_renumbers_breakdowns(store: Store) -> None:
    article_id = store.list_discrepancies()[0].article_id
    with new_session(store) as session:
        with pytest.raises(service.ReviewError, match="reason is required"):
            service.reject(session, 2, "alice", "  ")
        service.reject(session, 2, "alice", "not a figure from this article")
        record = service.current_record(session, article_id)
    assert record is not None
    assert [f.text for f in record.figures] == [
        "35.7 billion USD",
        "6.2 million USD",
        "a decrease of 10.5%",
    ]
    assert record.figures[1].part_of == 0  # still points at the total


def test_corrections_and_rejections_on_one_record_accumulate(store: Store) -> None:
    article_id = store.list_discrepancies()[0].article_id
    with new_session(store) as session:
        service.reject(session, 2, "alice", "duplicate")
        service.accept_source(session, 1, "bob")
        record = service.current_record(session, article_id)
    assert record is not None
    assert [f.value for f in record.figures] == [
        Decimal("35700000000"),
        Decimal("6200000000"),
        Decimal("-10.5"),
    ]


def test_second_decision_and_unknown_ids_get_clear_errors(store: Store) -> None:
    with new_session(store) as session:
        service.approve(session, 1, "alice")
        with pytest.raises(service.AlreadyResolved, match="already approved \\(by alice at "):
            service.reject(session, 1, "bob", "wrong")
        with pytest.raises(service.UnknownDiscrepancy, match="no discrepancy with id 99"):
            service.approve(session, 99, "bob")
        with pytest.raises(service.ReviewError, match="reviewer name is required"):
            service.approve(session, 2, " ")
    assert _audit_count(store) == 1


def test_two_reviewers_racing_yield_exactly_one_decision(store: Store) -> None:
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(who: str) -> None:
        with new_session(store) as session:
            barrier.wait()
            try:
                if who == "alice":
                    service.accept_source(session, 1, who)
                else:
                    service.reject(session, 1, who, "wrong figure")
                outcomes[who] = "decided"
            except service.AlreadyResolved as exc:
                outcomes[who] = str(exc)

    threads = [threading.Thread(target=decide, args=(who,)) for who in ("alice", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()).count("decided") == 1
    loser = next(v for v in outcomes.values() if v != "decided")
    assert "already" in loser and "nothing was changed" in loser
    with new_session(store) as session:
        entries = read_entries(session)
        report = service.verify(session)
    assert len(entries) == 1 and report.ok


def test_listing_filters_by_status_and_neighbours_skip_resolved(store: Store) -> None:
    with new_session(store) as session:
        assert [d.id for d in service.list_discrepancies(session, "open")] == [1, 2]
        service.approve(session, 1, "alice")
        assert [d.id for d in service.list_discrepancies(session, "open")] == [2]
        assert service.neighbours(session, 2) == (None, None)
        with pytest.raises(service.ReviewError, match="unknown status"):
            service.list_discrepancies(session, "done")


def test_rerun_key_is_shared_with_the_store_helpers() -> None:
    assert KEY.model == "test-model"
