"""Extraction against REAL recorded exchanges with the embedded model (cassettes/).

Recorded with `pytest --record-mode=once tests/test_extraction_cassettes.py` against the
embedded Qwen2.5-Coder-1.5B served on 127.0.0.1:18765; replayed offline by default.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, field_validator
from support.cassettes import CASSETTES, SEEDS, cassette_config

from summarizer.domain import ExtractionOutcome, OutcomeStatus
from summarizer.extraction.pipeline import run_extraction
from summarizer.extraction.requests import find_mentions
from summarizer.ingest import load_article
from summarizer.llm.client import LLMClient
from summarizer.render.record_markdown import render_outcome_markdown

SEED = SEEDS / "000_f81a58b2d35ee533.txt"


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES / "extraction")


@pytest.mark.vcr
def test_seed_end_to_end_record_verdict_markdown(model_url: str) -> None:
    article = load_article(str(SEED))
    config = cassette_config()
    outcome = run_extraction(article, config, LLMClient(config, model_url))
    assert outcome.status in (OutcomeStatus.accepted, OutcomeStatus.flagged)
    assert outcome.record is not None and outcome.verdict is not None
    ExtractionOutcome.model_validate_json(outcome.model_dump_json())  # round-trips strictly
    record = outcome.record
    assert record.meta.published is not None and record.meta.published.isoformat() == "2023-02-22"
    assert record.figures, "the article has six economic figures"
    source_values = {abs(m.value) for m in find_mentions(article.text)}
    for figure in record.figures:
        assert abs(figure.value) in source_values  # grounded: copied, not retyped
        assert figure.evidence in article.text
    names = {p.name for m in record.meetings for p in m.participants}
    assert {"Nguyen Hong Dien", "Shen Xiaoming"} <= names
    assert outcome.usage.prompt_tokens > 0 and outcome.usage.completion_tokens > 0
    assert record.provenance is not None and record.provenance.usage == outcome.usage
    briefing = render_outcome_markdown(outcome)
    assert "## Figures" in briefing and "## Cross-check" in briefing
    assert all(f.text is not None and f.text in briefing for f in record.figures)


@pytest.mark.vcr
def test_framed_seed_asks_no_figures_and_fills_them_from_frames(model_url: str) -> None:
    """The embedded default's path: the model writes the meetings only; every listed
    number becomes a figure from its frame, the agreements are the ones the source names
    (`agreement_finder`) and the summary is the article's lead (`extraction.lead`)."""
    article = load_article(str(SEED))
    config = cassette_config(figure_metrics="frames")
    outcome = run_extraction(article, config, LLMClient(config, model_url))
    assert outcome.status in (OutcomeStatus.accepted, OutcomeStatus.flagged)
    record = outcome.record
    assert record is not None
    listed = {m.text for m in find_mentions(article.text)}
    assert {f.text for f in record.figures} == listed  # one per listed number, none retyped
    metrics = {f.text: f.metric for f in record.figures}
    assert metrics["$695.2 million"] == "Hainan’s exports"
    assert metrics["171.9 percent"] == "growth of Hainan’s exports"
    names = {p.name for m in record.meetings for p in m.participants}
    assert {"Nguyen Hong Dien", "Shen Xiaoming"} <= names
    (mou,) = record.agreements  # "negotiations to sign the MoU": its status is read, not asked
    assert mou.title.startswith("memorandum of understanding (MoU) on cooperation")
    assert mou.status.value == "under_negotiation" and mou.evidence in article.text
    assert record.summary.startswith("Minister of Industry and Trade Nguyen Hong Dien and")
    assert outcome.usage.completion_tokens > 0


class Headline(BaseModel):
    """A test model with a rule the prompt does not state, so the first answer breaks it."""

    headline: str

    @field_validator("headline")
    @classmethod
    def _shouting(cls, value: str) -> str:
        if value != value.upper():
            raise ValueError("the headline must be written entirely in CAPITAL LETTERS")
        return value


@pytest.mark.vcr
def test_validation_error_is_fed_back_and_corrected(model_url: str) -> None:
    client = LLMClient(cassette_config(max_validation_retries=2), model_url)
    messages = [
        {"role": "system", "content": "You write short news headlines."},
        {"role": "user", "content": "Headline for: Vietnam and Laos signed a customs MoU."},
    ]
    result = client.structured(Headline, messages, max_tokens=60)
    assert result.attempts >= 2  # the first answer really failed validation
    assert result.value.headline == result.value.headline.upper()
    assert result.usage.prompt_tokens > 0


@pytest.mark.vcr
def test_repair_round_sends_discrepancies_back(model_url: str) -> None:
    """Ungrounded, the model retypes numbers and the cross-check flags some; one repair
    round sends the findings back and the better of the two results is kept."""
    article = load_article(str(SEEDS / REPAIR_SEED))
    config = cassette_config(grounding=False)
    seen: list[int] = []
    client = LLMClient(config, model_url)
    original = client.structured

    def counting(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        seen.append(len(args[1]))
        return result

    client.structured = counting  # type: ignore[method-assign]
    outcome = run_extraction(article, config, client)
    assert len(seen) == 2, "one first answer and one repair round"
    assert seen[1] == seen[0] + 2  # + the model's answer + the discrepancies
    assert outcome.record is not None and outcome.verdict is not None
    assert outcome.attempts >= 2
    assert all(isinstance(f.value, Decimal) for f in outcome.record.figures)


REPAIR_SEED = "003_3668b60d44b6044e.txt"
