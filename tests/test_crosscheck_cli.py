"""`summarizer check`: exit 0 accepted, 3 flagged, 2 bad input, with clear messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.crosscheck import SEEDS, fig, record, seed
from typer.testing import CliRunner

from summarizer.cli import app

ARTICLE = next(SEEDS.glob("002_*.txt"))
runner = CliRunner()


def _write_record(tmp_path: Path, value: str) -> Path:
    source = seed("002")
    rec = record(fig(source, "6.2 billion USD", value, "USD"))
    path = tmp_path / "record.json"
    path.write_text(rec.model_dump_json())
    return path


def test_accepted_record_exits_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(ARTICLE), str(_write_record(tmp_path, "6200000000"))])
    assert result.exit_code == 0, result.output
    assert "accepted" in result.output


def test_flagged_record_exits_3_with_a_table(tmp_path: Path) -> None:
    path = _write_record(tmp_path, "6200000")
    result = runner.invoke(app, ["check", str(ARTICLE), str(path)])
    assert result.exit_code == 3
    assert "scale_mismatch" in result.output and "figures[0].value" in result.output


def test_json_output_is_a_verdict(tmp_path: Path) -> None:
    path = _write_record(tmp_path, "6200000")
    result = runner.invoke(app, ["check", str(ARTICLE), str(path), "--json"])
    assert result.exit_code == 3
    verdict = json.loads(result.stdout)
    assert verdict["status"] == "flagged"
    assert verdict["discrepancies"][0]["code"] == "scale_mismatch"


def test_published_option_resolves_relative_dates(tmp_path: Path) -> None:
    article = next(SEEDS.glob("004_*.txt"))
    rec = {
        "summary": "Five cities signed an agreement.",
        "meetings": [
            {
                "kind": "conference",
                "date": "2023-10-02",
                "date_text": "on Monday",
                "participants": [{"name": "Phan Thị Thắng"}],
            }
        ],
    }
    path = tmp_path / "r.json"
    path.write_text(json.dumps(rec))
    ok = runner.invoke(app, ["check", str(article), str(path), "--published", "2023-10-03"])
    assert ok.exit_code == 0, ok.output
    wrong = runner.invoke(app, ["check", str(article), str(path), "--published", "2023-10-10"])
    assert wrong.exit_code == 3
    bad = runner.invoke(app, ["check", str(article), str(path), "--published", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.output


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Trade rose 5 per cent".encode("latin-1") + b"\xe9t\xe9", "not valid UTF-8"),
        (b"Trade reached 5 billion USD. " * (5_000_000 // 29), "larger than"),
    ],
    ids=["empty", "binary", "latin1", "5MB"],
)
def test_bad_article_exits_2(tmp_path: Path, payload: bytes, message: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(payload)
    result = runner.invoke(app, ["check", str(article), str(_write_record(tmp_path, "1"))])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "invalid JSON at line 1"),
        (b"[1, 2]", "must be a JSON object"),
        (b'{"summary": "x", "figures": [{"value": 1}]}', "not a valid Extraction"),
        (b'{"summary": "x", "surprise": 1}', "surprise"),
        (b'{"article_id": "nothex", "summary": "x"}', "not a valid ArticleRecord"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"", "invalid JSON at line 1"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        (b'{"summary": "' + b"x" * 5_000_000 + b'"}', "larger than 2,000,000 bytes"),
    ],
    ids=[
        "syntax",
        "array",
        "figure",
        "extra-key",
        "article-id",
        "utf16-bom",
        "empty",
        "binary",
        "5MB",
    ],
)
def test_bad_record_exits_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(content)
    result = runner.invoke(app, ["check", str(ARTICLE), str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_missing_files_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.txt"), str(tmp_path / "r.json")])
    assert result.exit_code == 2 and "no such file" in result.output
