"""`summarizer summarize`: exit codes and output, with a REAL recorded exchange for success."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.cassettes import CASSETTE_URL, CASSETTES, SEEDS
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.domain import ExtractionOutcome
from summarizer.llm.config import EMBEDDED_ALIAS
from summarizer.llm.server import free_port

runner = CliRunner()


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES / "summarize")


def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "summarizer.toml"
    path.write_text('[llm]\nmax_http_retries = 0\ntimeout_s = 900\nserver = "llama-server"\n')
    return path


@pytest.mark.vcr
def test_markdown_briefing_for_a_seed(model_url: str, tmp_path: Path) -> None:
    seed = SEEDS / "003_3668b60d44b6044e.txt"
    args = ["summarize", str(seed), "--format", "md", "--base-url", model_url]
    args += ["--model", EMBEDDED_ALIAS, "--config", str(config_file(tmp_path))]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 3), result.output
    text = result.stdout
    assert "## Meetings" in text and "## Figures" in text and "## Agreements" in text
    verdict = "**ACCEPTED**" if result.exit_code == 0 else "**FLAGGED**"
    assert verdict in text
    assert "Published 2023-05-18" in text


def test_json_output_is_the_whole_outcome_and_failure_exits_4(tmp_path: Path) -> None:
    """Stand-in: nothing listens on the port, so the model call fails (not a cassette)."""
    url = f"http://127.0.0.1:{free_port()}/v1"
    seed = SEEDS / "000_f81a58b2d35ee533.txt"
    args = ["summarize", str(seed), "--base-url", url, "--config", str(config_file(tmp_path))]
    result = runner.invoke(app, args)
    assert result.exit_code == 4
    outcome = ExtractionOutcome.model_validate_json(result.stdout)
    assert outcome.status.value == "failed"
    assert outcome.error is not None and "cannot reach the model endpoint" in outcome.error


@pytest.mark.parametrize("name", ["missing.txt", "empty.txt", "binary.bin"])
def test_bad_input_exits_2(tmp_path: Path, name: str) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["summarize", str(tmp_path / name)])
    assert result.exit_code == 2
    assert "error:" in result.stderr


def test_bad_config_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[llm]\nunknown = 1\n")
    seed = str(SEEDS / "000_f81a58b2d35ee533.txt")
    result = runner.invoke(app, ["summarize", seed, "--config", str(bad)])
    assert result.exit_code == 2


def test_cassette_url_is_loopback() -> None:
    assert CASSETTE_URL.startswith("http://127.0.0.1:")


def test_an_unknown_figure_metrics_choice_exits_2_with_one_line() -> None:
    seed = str(SEEDS / "000_f81a58b2d35ee533.txt")
    result = runner.invoke(app, ["summarize", seed, "--figure-metrics", "both"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: figure_metrics must be one of frames, model, not 'both'"
    ]
