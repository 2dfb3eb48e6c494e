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
    Figure,
    ReasonCode,
    SourceArticle,
    Verdict,
    VerdictStatus,
)
from summarizer.extraction.pipeline import run_extraction
from summarizer.extraction.requests import build_part_requests, find_mentions, frame_extraction
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
ANSWER: dict[str, Any] = {"meetings": []}


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


def test_the_summary_is_the_articles_lead_not_written_by_the_model() -> None:
    (request,) = build_part_requests(ARTICLE, LLMConfig(), load_prompts())
    assert "summary" not in request.draft_model.model_json_schema()["properties"]
    assert '"summary"' not in request.messages[0]["content"]
    client = ScriptedClient([{"meetings": []}])
    outcome = run_extraction(ARTICLE, LLMConfig(), client, checker=accept_all)  # type: ignore[arg-type]
    assert outcome.record is not None
    assert outcome.record.summary == (
        "Minister An met Minister Keo in Hanoi on March 2. Two-way trade reached US$2.1 "
        "billion in 2023, up 12 percent year on year."
    )


def test_a_flagged_framed_answer_gets_no_repair_round() -> None:
    def flag_summary(_text: str, _record: ArticleRecord, _published: dt.date | None) -> Verdict:
        flag = Discrepancy(
            code=ReasonCode.summary_misattributed, field="summary", claim="S.", message="m"
        )
        return Verdict(status=VerdictStatus.flagged, discrepancies=[flag])

    client = ScriptedClient([ANSWER])
    outcome = run_extraction(ARTICLE, LLMConfig(), client, checker=flag_summary)  # type: ignore[arg-type]
    assert len(client.asked) == 1  # nothing the model wrote can fix a flag on the lead
    assert outcome.record is not None and outcome.record.figures


def test_a_rank_after_a_possessive_reads_as_the_sources_words() -> None:
    text = "He said that as the world’s biggest free-trade port, Hainan will grow."
    client = ScriptedClient([ANSWER])
    article = SourceArticle(article_id="0123456789abcdef", text=text, meta=ArticleMeta())
    outcome = run_extraction(article, LLMConfig(), client, checker=accept_all)  # type: ignore[arg-type]
    assert outcome.record is not None
    (rank,) = outcome.record.figures
    assert rank.metric == "the world’s biggest free-trade port"


def _framed_figures(text: str, published: dt.date) -> list[Figure]:
    """The figures the program reads from `text` alone (the embedded default's path)."""
    source = SourceArticle(
        article_id="0123456789abcdef", text=text, meta=ArticleMeta(published=published)
    )
    return frame_extraction(source).figures


def test_two_ranks_of_one_holder_are_two_figures() -> None:
    text = (
        "Borduria remained the largest trade partner, largest export market and the second "
        "largest importer of Ruritania in 2023."
    )
    figures = _framed_figures(text, dt.date(2024, 1, 5))
    ranks = [f.text for f in figures if f.kind.value == "ordinal"]
    assert ranks == ["largest trade partner", "largest export market", "second largest"]


def test_a_run_is_of_the_figure_its_sentence_gave_before_it() -> None:
    text = (
        "Exports to Borduria dropped 7.7 percent to 1.05 trillion crowns in January, marking "
        "the sixth straight month of decline."
    )
    figures = _framed_figures(text, dt.date(2024, 2, 5))
    runs = [f.metric for f in figures if "straight" in f.text]
    assert runs == ["Exports to Borduria: sixth straight month"]
