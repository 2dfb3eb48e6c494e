"""The embedded default model, live (no cassette): the README's main command on one seed.

Slow (tens of seconds to minutes on 2 CPU cores) and deselected by default; run it with
`pytest -m live_model`. It goes through exactly what a newcomer runs: the `summarizer`
command with no endpoint configured, which assembles the packaged weights, starts the
llama.cpp server on 127.0.0.1 itself and stops it when done.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from summarizer.domain import ExtractionOutcome, OutcomeStatus
from summarizer.ingest import load_article
from summarizer.numbers import extract_mentions

pytestmark = [pytest.mark.live_model, pytest.mark.slow]

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f81a58b2d35ee533.txt"


def test_embedded_default_summarizes_a_seed(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["HOME"] = os.environ.get("HOME", str(tmp_path))  # reuse the assembled-weights cache
    command = [sys.executable, "-m", "summarizer", "summarize", str(SEED), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    assert done.returncode in (0, 3), done.stderr  # accepted or flagged, not failed
    outcome = ExtractionOutcome.model_validate_json(done.stdout)
    assert outcome.status in (OutcomeStatus.accepted, OutcomeStatus.flagged)
    assert (done.returncode == 0) == (outcome.status is OutcomeStatus.accepted)
    record = outcome.record
    assert record is not None and record.provenance is not None
    assert "qwen2.5-coder-1.5b" in record.provenance.model.lower()
    assert outcome.usage.prompt_tokens > 0 and outcome.usage.completion_tokens > 0
    text = load_article(str(SEED)).text
    source_values = {abs(m.value) for m in extract_mentions(text)}
    assert len(record.figures) >= 4, "the article states six economic figures"
    for figure in record.figures:
        assert isinstance(figure.value, Decimal)
        assert abs(figure.value) in source_values
        assert figure.evidence in text
    names = {p.name for m in record.meetings for p in m.participants}
    assert "Nguyen Hong Dien" in names
