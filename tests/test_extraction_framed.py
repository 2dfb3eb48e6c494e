"""Figures from frames alone (`LLMConfig.metrics_from_frames`, the embedded default): the
model is asked for no figure, reads no NUMBERS list, and the program writes a figure for
every listed number from its frame."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_extraction_repair import ScriptedClient

from summarizer.domain import (
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    ReasonCode,
    SourceArticle,
    Verdict,
    VerdictStatus,
)
from summarizer.extraction.pipeline import repair_targets, run_extraction
from summarizer.extraction.requests import build_part_requests, find_mentions
from summarizer.extraction.wire import FramedExtraction
from summarizer.llm.config import LLMConfig, resolve_config
from summarizer.llm.prompts import load_prompts
from summarizer.source_text import InputError

TEXT = (
    "Minister An met Minister Keo in Hanoi on March 2. Two-way trade reached US$2.1 "
    "billion in 2023, up 12 percent year on year.\n\n"
    "Hainan's exports rose 7.5 percent."
)
ARTICLE = SourceArticle(
    article_id="0123456789abcdef", text=TEXT, meta=ArticleMeta(published=dt.date(2024, 1, 5))
)
ANSWER: dict[str, Any] = {"summary": "An met Keo in Hanoi.", "meetings": []}


def test_the_embedded_model_gets_figures_from_frames_an_endpoint_from_the_model() -> None:
    assert LLMConfig().metrics_from_frames
    assert not LLMConfig(base_url="http://x/v1").metrics_from_frames
    assert LLMConfig(base_url="http://x/v1", figure_metrics="frames").metrics_from_frames
    assert not LLMConfig(figure_metrics="model").metrics_from_frames
    assert not LLMConfig(grounding=False).metrics_from_frames  # the model retypes them


def test_the_choice_is_read_from_the_environment_and_checked() -> None:
    env = {"SUMMARIZER_FIGURE_METRICS": "model"}
    assert not resolve_config(environ=env).metrics_from_frames
    with pytest.raises(InputError, match="figure_metrics"):
        resolve_config(environ={"SUMMARIZER_FIGURE_METRICS": "both"})


def test_a_framed_request_lists_no_numbers_and_asks_for_no_figures_or_agreements() -> None:
    (request,) = build_part_requests(ARTICLE, LLMConfig(), load_prompts())
    assert request.draft_model is FramedExtraction
    properties = request.draft_model.model_json_schema()["properties"]
    assert "figures" not in properties and "agreements" not in properties
    system, user = (m["content"] for m in request.messages)
    assert "NUMBERS" not in system and "NUMBERS" not in user
    assert '"figures"' not in system and '"agreements"' not in system
    assert "US$2.1 billion" in user  # the article itself is still sent
    grounded = build_part_requests(ARTICLE, LLMConfig(figure_metrics="model"), load_prompts())
    assert "NUMBERS" in grounded[0].messages[1]["content"]
    assert '"agreements"' in grounded[0].messages[0]["content"]
    # the constant part stays first and byte-identical from article to article
    other = SourceArticle(article_id="fedcba9876543210", text="Exports rose 3 percent.")
    (second,) = build_part_requests(other, LLMConfig(), load_prompts())
    assert second.messages[0] == request.messages[0]


def accept_all(_text: str, _record: ArticleRecord, _published: dt.date | None) -> Verdict:
    return Verdict(status=VerdictStatus.accepted, discrepancies=[])


def test_every_listed_number_becomes_a_figure_from_its_frame() -> None:
    client = ScriptedClient([ANSWER])
    outcome = run_extraction(ARTICLE, LLMConfig(), client, checker=accept_all)  # type: ignore[arg-type]
    assert outcome.record is not None
    figures = {f.text: f for f in outcome.record.figures}
    assert set(figures) == {m.text for m in find_mentions(TEXT)}
    assert figures["US$2.1 billion"].metric == "Two-way trade"
    assert figures["US$2.1 billion"].period == "2023"
    assert figures["12 percent"].metric == "growth of Two-way trade"
    assert figures["12 percent"].value > 0
    # a later paragraph with no period words of its own carries the one stated before
    assert figures["7.5 percent"].metric == "growth of Hainan's exports"
    assert figures["7.5 percent"].period == "2023"
    assert len(client.asked) == 1


def test_a_framed_repair_re_asks_the_summary_never_a_figure() -> None:
    record = ArticleRecord(article_id="0123456789abcdef", summary="S.")
    figure_flag = Discrepancy(
        code=ReasonCode.wrong_metric, field="figures[0].metric", claim="x", message="m"
    )
    summary_flag = Discrepancy(
        code=ReasonCode.summary_misattributed, field="summary", claim="S.", message="m"
    )
    assert repair_targets(record, [figure_flag], figures=False) is None
    targets = repair_targets(record, [figure_flag, summary_flag], figures=False)
    assert targets is not None and targets.summary and targets.ids == []


def test_a_flagged_summary_is_asked_again_alone_and_merged() -> None:
    def flag_summary(_text: str, record: ArticleRecord, _published: dt.date | None) -> Verdict:
        if record.summary == "Better.":
            return Verdict(status=VerdictStatus.accepted, discrepancies=[])
        flag = Discrepancy(
            code=ReasonCode.summary_misattributed, field="summary", claim="S.", message="m"
        )
        return Verdict(status=VerdictStatus.flagged, discrepancies=[flag])

    client = ScriptedClient([ANSWER, {"summary": "Better."}])
    outcome = run_extraction(ARTICLE, LLMConfig(), client, checker=flag_summary)  # type: ignore[arg-type]
    repair_model, repair_messages = client.asked[1]
    assert list(repair_model.model_json_schema()["properties"]) == ["summary"]
    assert "what it measures" not in repair_messages[-1]["content"]
    assert outcome.record is not None and outcome.record.summary == "Better."
    assert outcome.record.figures  # the program's figures survive the round


def test_a_rank_after_a_possessive_reads_as_the_sources_words() -> None:
    text = "He said that as the world’s biggest free-trade port, Hainan will grow."
    client = ScriptedClient([ANSWER])
    article = SourceArticle(article_id="0123456789abcdef", text=text, meta=ArticleMeta())
    outcome = run_extraction(article, LLMConfig(), client, checker=accept_all)  # type: ignore[arg-type]
    assert outcome.record is not None
    (rank,) = outcome.record.figures
    assert rank.metric == "the world’s biggest free-trade port"
