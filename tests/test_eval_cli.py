"""`summarizer eval`: tables or one JSON object; --extract fails clearly without a model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.crosscheck import GOLD, SEEDS, needs_gold
from typer.testing import CliRunner

from summarizer.cli import app, eval_cmd

runner = CliRunner()


def test_json_report_meets_targets() -> None:
    needs_gold()
    result = runner.invoke(app, ["eval", "--articles", str(SEEDS), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["model"] is None
    assert 0 <= report["numbers"]["precision"] <= 1
    assert report["numbers"]["recall"] >= 0.9
    detection = report["crosscheck"]["detection"]
    assert {"scale", "transposed", "sign", "unit", "invented", "rounding"} <= set(detection)
    assert all(rate >= 0.99 for rate in detection.values())
    assert report["crosscheck"]["false_alarm_rate"] <= 0.01
    assert report["crosscheck"]["cases"] > 500


def test_tables_are_printed() -> None:
    needs_gold()
    result = runner.invoke(app, ["eval", "--articles", str(SEEDS), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "Cross-check mutation benchmark" in result.output
    assert "Number extraction vs gold" in result.output
    assert ": MET" in result.output


def test_bad_folders_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--articles", str(tmp_path), "--gold", str(tmp_path)])
    assert result.exit_code == 2
    (tmp_path / "x.json").write_text("{broken")
    result = runner.invoke(app, ["eval", "--articles", str(SEEDS), "--gold", str(tmp_path)])
    assert result.exit_code == 2 and "cannot read gold" in result.output


def test_a_gold_file_of_the_wrong_shape_is_one_line_naming_the_field(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(json.dumps({"article": "x.txt", "figures": [{"text": "5"}]}))
    result = runner.invoke(app, ["eval", "--articles", str(SEEDS), "--gold", str(tmp_path)])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert "figures[0].value: Field required" in line and "pydantic" not in line


def test_extract_without_a_model_module_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    needs_gold()

    def missing(name: str) -> object:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(eval_cmd.importlib, "import_module", missing)
    result = runner.invoke(
        app, ["eval", "--articles", str(SEEDS), "--gold", str(GOLD), "--extract"]
    )
    assert result.exit_code == 2
    assert "model extraction is not available" in result.output


def test_extract_scores_the_hooks_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in extractor returning gold-derived records scores perfectly through the CLI."""
    needs_gold()
    from types import SimpleNamespace

    from summarizer.crosscheck import check_record
    from summarizer.domain import ArticleRecord, ExtractionOutcome, SourceArticle
    from summarizer.evaluation.clean import clean_record
    from summarizer.evaluation.gold import load_gold_dir

    golds = {g.article: g for g in load_gold_dir(GOLD)}
    seen: list[str] = []

    def extract_for_eval(article: SourceArticle) -> ExtractionOutcome:
        assert article.meta.source is not None
        seen.append(article.meta.source)
        gold = golds[article.meta.source]
        if article.meta.source.startswith("003"):
            return ExtractionOutcome(article_id=article.article_id, status="failed", error="boom")
        extraction = clean_record(article.text, gold)
        rec = ArticleRecord(
            article_id=article.article_id, meta=article.meta, **extraction.model_dump()
        )
        verdict = check_record(article.text, rec)
        return ExtractionOutcome(
            article_id=article.article_id, status=verdict.status.value, record=rec, verdict=verdict
        )

    fake = SimpleNamespace(extract_for_eval=extract_for_eval)
    monkeypatch.setattr(eval_cmd.importlib, "import_module", lambda name: fake)
    result = runner.invoke(
        app, ["eval", "--articles", str(SEEDS), "--gold", str(GOLD), "--extract", "--json"]
    )
    assert result.exit_code == 0, result.output
    model = json.loads(result.stdout)["model"]
    assert len(seen) == 5
    assert model["articles"] == 5
    assert model["accepted_rate"] == 0.8  # the failed article counts as not accepted
    assert model["figures"]["precision"] == 1.0
    assert model["figures"]["recall"] == pytest.approx(22 / 25, abs=1e-4)  # 003 has 3


def test_gold_the_schema_cannot_hold_is_reported_not_fatal(tmp_path: Path) -> None:
    """Withdrawn currency, compound unit, unknown qualifier and unit: exit 0, each reported."""
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    text = (
        "PARIS, March 3 - French exports rose to 7.6 billion francs in February, while "
        "rice sold at 450 dlrs a tonne. Trade was in the 12-hundred won range, and some "
        "5,000 widgets were shipped."
    )
    (articles / "x.txt").write_text(text, encoding="utf-8")
    figures = [
        {"text": "7.6 billion francs", "value": 7600000000, "unit": "FRF", "kind": "amount"},
        {"text": "450 dlrs a tonne", "value": 450, "unit": "USD per tonne", "kind": "price"},
        {
            "text": "12-hundred won",
            "value": 1200,
            "unit": "KRW",
            "kind": "amount",
            "qualifier": "range",
        },
        {
            "text": "some 5,000 widgets",
            "value": 5000,
            "unit": "Widgets!",
            "kind": "count",
            "qualifier": "some",
        },
    ]
    (gold / "x.json").write_text(
        json.dumps({"article": "x.txt", "published": "1987-03-03", "figures": figures}),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["eval", "--articles", str(articles), "--gold", str(gold), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    skipped = report["gold_items_skipped"]
    assert skipped["count"] == 2
    assert skipped["reasons"] == {"unknown qualifier": 1, "unknown unit": 1}
    assert report["numbers"]["gold_figures"] == 4
    assert report["numbers"]["found"] >= 2  # FRF and USD per tonne are read by the extractor
    assert "Traceback" not in result.output


def test_frames_scores_the_programs_own_figures_with_no_model() -> None:
    needs_gold()
    args = ["eval", "--articles", str(SEEDS), "--gold", str(GOLD), "--frames", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["model"] is None  # no model was run
    frames = data["frames"]
    assert frames["figures"]["gold"] > 0 and frames["figures"]["f1"] > 0.5
    meetings = frames["meetings"]  # the meetings the source tells of (meeting_finder)
    assert 0 < meetings["matched"] <= meetings["predicted"]
    agreements = frames["agreements"]  # the agreements the source names (agreement_finder)
    assert 0 < agreements["matched"] <= agreements["predicted"]
    meaning = frames["meaning"]
    assert 0 < meaning["metric"]["right"] <= meaning["metric"]["judged"]
    assert 0 <= frames["accepted_rate"] <= 1
