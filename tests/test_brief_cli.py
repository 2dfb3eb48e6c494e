"""`summarizer brief` against a real (temporary) store, with review decisions applied."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from support.brief import two_source_inputs
from support.outcomes import outcome_of, scale_mismatch
from typer.testing import CliRunner

from summarizer.brief.from_store import inputs_from_store, renumber
from summarizer.brief.model import BriefingInput
from summarizer.cli import app
from summarizer.domain import (
    Discrepancy,
    Unverified,
    Verdict,
)
from summarizer.review import service
from summarizer.store.repository import RunKey, Store

KEY = RunKey(model="test-model", prompt_version="p1")
runner = CliRunner()


def _wrong_scale(item: BriefingInput) -> tuple[BriefingInput, list[Discrepancy]]:
    """Article S1 with figure 2 extracted as 29.5 *million*, flagged twice."""
    figures = list(item.record.figures)
    figures[2] = figures[2].model_copy(update={"value": Decimal("29500000"), "scale": "million"})
    record = item.record.model_copy(update={"figures": figures})
    found = [
        scale_mismatch(
            item.article.text,
            "29.5 billion USD",
            "29.5 million USD",
            "figures[2].value",
            "The source says 29.5 billion USD, not million.",
        ),
        Discrepancy(
            code="rounding",
            field="figures[1].value",
            claim="7.44 %",
            message="Illustrative second finding on the growth figure.",
        ),
    ]
    return item.model_copy(update={"record": record}), found


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "brief.db"
    store = Store.open(str(path))
    first, second = two_source_inputs()
    first, found = _wrong_scale(first)
    for item, discrepancies in ((first, found), (second, [])):
        verdict = Verdict.from_discrepancies(discrepancies, numbers_checked=3)
        outcome = outcome_of(item.article, item.record, verdict)
        store.save_outcome(item.article, outcome, KEY)
    store.close()
    return path


def _brief(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["brief", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _open_ids(db: Path) -> list[int]:
    store = Store.open(str(db))
    try:
        return [d.id for d in store.list_discrepancies()]
    finally:
        store.close()


def test_brief_reads_the_store_and_lists_open_flags(db: Path) -> None:
    markdown = _brief(db)
    assert "**2** articles · **1** accepted · **1** flagged" in markdown
    assert "## ⚠ Awaiting review (2)" in markdown
    assert "`scale_mismatch`" in markdown and "US$29.5 million" in markdown
    assert "## Disagreements between sources" in markdown  # 35.7 vs 36.1 billion


def test_an_accepted_correction_replaces_the_value_in_the_briefing(db: Path) -> None:
    scale_id = _open_ids(db)[0]
    store = Store.open(str(db))
    with Session(store.engine, expire_on_commit=False) as session:
        service.accept_source(session, scale_id, "alice")
    store.close()
    markdown = _brief(db)
    table = markdown.split("## Figures", 1)[1].split("\n## ", 1)[0]
    assert "US$29.5 billion" in table and "29.5 million" not in markdown
    assert "## ⚠ Awaiting review (1)" in markdown
    assert "`rounding`" in markdown and "`scale_mismatch`" not in markdown
    assert "· corrected" in markdown


def test_a_rejected_item_leaves_and_later_flags_are_renumbered(db: Path) -> None:
    rounding_id = _open_ids(db)[1]
    store = Store.open(str(db))
    with Session(store.engine, expire_on_commit=False) as session:
        service.reject(session, rounding_id, "bob", reason="not a figure of this article")
    selection = inputs_from_store(store)
    store.close()
    flagged = next(i for i in selection.inputs if i.open_flags)
    assert len(flagged.record.figures) == 2
    assert [d.field for d in flagged.open_flags] == ["figures[1].value"]
    assert flagged.record.figures[1].value == Decimal("29500000")


def test_an_unconfirmed_field_stays_on_its_figure_when_an_earlier_one_is_rejected(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unverified.db"
    store = Store.open(str(path))
    first, _ = two_source_inputs()
    item, found = _wrong_scale(first)
    unsure = Unverified(field="figures[2].period", claim="x", reason="no period words in scope")
    verdict = Verdict.from_discrepancies(found, numbers_checked=3).model_copy(
        update={"unverified": [unsure]}
    )
    store.save_outcome(item.article, outcome_of(item.article, item.record, verdict), KEY)
    rounding_id = _open_ids(path)[1]  # on figures[1], the 7.44 % growth
    with Session(store.engine, expire_on_commit=False) as session:
        service.reject(session, rounding_id, "bob", reason="not a figure of this article")
    (selected,) = inputs_from_store(store).inputs
    store.close()
    assert [u.field for u in selected.verdict.unverified] == ["figures[1].period"]
    markdown = _brief(path)
    (row,) = [line for line in markdown.splitlines() if line.startswith("| US$29.5 million")]
    assert row.endswith("◌ unconfirmed: period |")
    assert markdown.count("◌ unconfirmed") == 1


def test_renumber_drops_flags_on_removed_items_and_shifts_later_ones() -> None:
    flag = Discrepancy(code="rounding", field="figures[3].value", claim="x", message="m")
    assert renumber(flag, ["figures[1]"]) == flag.model_copy(update={"field": "figures[2].value"})
    assert renumber(flag, ["figures[3]"]) is None
    assert renumber(flag, ["meetings[0]"]) == flag


def test_brief_writes_html_and_json_files(db: Path, tmp_path: Path) -> None:
    html_path, json_path = tmp_path / "out" / "b.html", tmp_path / "b.json"
    runner.invoke(app, ["brief", "--db", str(db), "--format", "html", "-o", str(html_path)])
    result = runner.invoke(
        app, ["brief", "--db", str(db), "--format", "json", "--output", str(json_path)]
    )
    assert result.exit_code == 0, result.output
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["counts"]["articles"] == 2 and len(data["flagged"]) == 2


def test_since_filters_and_bad_dates_are_refused(db: Path) -> None:
    data = json.loads(_brief(db, "--format", "json", "--since", "2025-11-28"))
    assert [s["title"] for s in data["sources"]] == ["Guangxi chairman visits"]
    result = runner.invoke(app, ["brief", "--db", str(db), "--since", "last week"])
    assert result.exit_code == 2
    assert "not a date" in result.output
