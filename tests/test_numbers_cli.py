"""`summarizer numbers`: a table or JSON of figures, and one clear line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f81a58b2d35ee533.txt"
runner = CliRunner()


def test_table_lists_the_seven_figures_of_the_first_seed() -> None:
    result = runner.invoke(app, ["numbers", str(SEED)])
    assert result.exit_code == 0, result.output
    # the seventh is a rank in words: "China's biggest free-trade port" (rank 1)
    for text in ("US$1.35 billion", "56 percent", "$695.2 million", "$658 million", "port"):
        assert text in result.output
    assert "1,350,000,000" in result.output
    assert "7 numeric mentions" in result.output
    assert "February 22" not in result.output  # dates are hidden without --all


def test_all_shows_dates_and_years() -> None:
    result = runner.invoke(app, ["numbers", str(SEED), "--all"])
    assert result.exit_code == 0
    assert "February 22" in result.output
    assert "2023-02-22" in result.output


def test_json_is_a_list_of_mentions() -> None:
    result = runner.invoke(app, ["numbers", str(SEED), "--json"])
    assert result.exit_code == 0
    mentions = json.loads(result.stdout)
    assert [m["text"] for m in mentions][:3] == [
        "biggest free-trade port",
        "US$1.35 billion",
        "56 percent",
    ]
    assert (mentions[0]["value"], mentions[0]["unit"]) == ("1", "rank")
    assert mentions[1]["value"] == "1350000000"
    assert mentions[1]["unit"] == "USD"
    assert all(m["kind"] not in ("date", "year") for m in mentions)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Exports rose 5 pct to 3 million marks \xe9t\xe9", "not valid UTF-8"),
        (b"Trade reached 5 billion USD. " * (5_000_000 // 29), "larger than"),
    ],
    ids=["empty", "binary", "latin-1", "5MB"],
)
def test_bad_input_gets_one_line_and_exit_code_2(
    tmp_path: Path, payload: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    result = runner.invoke(app, ["numbers", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["numbers", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
