"""Exported decisions replay through the real cross-checker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.crosscheck import GOLD, SEEDS, needs_gold
from support.review import flagged_record, new_session, seed_article, seeded_store
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.crosscheck import check_record
from summarizer.review import service
from summarizer.review.regression import export_cases, load_regression_cases, write_cases
from summarizer.review.replay import replay_cases, summary_line
from summarizer.store.repository import Store


def _store_with_real_flags(db: Path) -> tuple[Store, dict[str, int]]:
    """The seeded store holding the real cross-checker's flags; their ids by field."""
    article = seed_article()
    found = list(check_record(article.text, flagged_record(article)).discrepancies)
    store, _article = seeded_store(db, discrepancies=found)
    return store, {d.discrepancy.field: d.id for d in store.list_discrepancies()}


def test_corrected_record_is_accepted_on_replay(tmp_path: Path) -> None:
    store, by_field = _store_with_real_flags(tmp_path / "replay.db")
    assert "figures[2].value" in by_field
    with new_session(store) as session:
        service.accept_source(session, by_field["figures[2].value"], "alice")
        cases = export_cases(session)
    path = tmp_path / "cases.jsonl"
    write_cases(cases, path)
    loaded = load_regression_cases(path)
    assert loaded == cases
    [result] = replay_cases(loaded)
    assert result.field == "figures[2].value" and result.decision == "correct"
    assert not result.field_still_flagged
    assert "field no longer flagged in 1" in summary_line([result])


def test_approved_false_alarm_stays_flagged_and_rejected_item_is_gone(tmp_path: Path) -> None:
    store, by_field = _store_with_real_flags(tmp_path / "replay.db")
    with new_session(store) as session:
        service.approve(session, by_field["figures[2].value"], "alice", reason="false alarm")
        cases = export_cases(session)
    [approved] = replay_cases(cases)
    # Nothing changed in the record, so today's checker still flags it: a regression target.
    assert approved.field_still_flagged and approved.codes == ["scale_mismatch"]
    assert not approved.record_accepted
    with new_session(store) as session:
        service.reject(session, by_field["figures[2].text"], "bob", "wrong figure")
        rejected = [c for c in export_cases(session) if c.decision == "reject"]
    [result] = replay_cases(rejected)
    assert not result.field_still_flagged and result.codes == []


def test_bad_case_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"article_id": "x"}\n')
    with pytest.raises(ValueError, match=":1: not a regression case"):
        load_regression_cases(path)


def test_eval_replays_exported_decisions(tmp_path: Path) -> None:
    """`summarizer eval --regressions FILE` reports which decided fields are still flagged."""
    store, by_field = _store_with_real_flags(tmp_path / "replay.db")
    with new_session(store) as session:
        service.approve(session, by_field["figures[2].value"], "alice", reason="false alarm")
        service.reject(session, by_field["figures[1].part_of"], "bob", "not a part")
        cases = export_cases(session)
    path = tmp_path / "cases.jsonl"
    write_cases(cases, path)
    needs_gold()
    args = ["eval", "--articles", str(SEEDS), "--gold", str(GOLD)]
    result = CliRunner().invoke(app, [*args, "--regressions", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["regressions"]
    assert report["cases"] == 2
    assert report["field_no_longer_flagged"] == 1
    [still] = report["still_flagged"]
    assert still["decision"] == "approve" and still["codes"] == ["scale_mismatch"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    failed = CliRunner().invoke(app, [*args, "--regressions", str(bad)])
    assert failed.exit_code == 2 and ":1: not a regression case" in failed.stderr
