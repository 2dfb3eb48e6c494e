"""Build real domain objects (articles, records, verdicts, outcomes) for store and batch tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from summarizer.domain import (
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    ExtractionOutcome,
    Figure,
    FigureKind,
    OutcomeStatus,
    Provenance,
    ReasonCode,
    SourceArticle,
    SourceSpan,
    TokenUsage,
    Verdict,
)
from summarizer.source_text import article_id_for


def make_article(
    n: int, *, published: dt.date | None = dt.date(2025, 3, 1), source: str | None = None
) -> SourceArticle:
    """A distinct article per `n` (its id is the hash of its text, as in ingestion)."""
    text = (
        f"Article {n}: Viet Nam and Japan held talks in Ha Noi. "
        f"Two-way trade reached US${n + 1}.5 billion in 2024, up 12 percent."
    )
    return SourceArticle(
        article_id=article_id_for(text),
        text=text,
        meta=ArticleMeta(title=f"Talks {n}", source=source or f"seed-{n}.txt", published=published),
    )


def make_record(article: SourceArticle, *, model: str = "fake-model") -> ArticleRecord:
    return ArticleRecord(
        article_id=article.article_id,
        summary=f"Summary of {article.meta.title}.",
        figures=[
            Figure(
                value=Decimal("1500000000"),
                unit="USD",
                scale="billion",
                kind=FigureKind.amount,
                metric="two-way trade",
                evidence=article.text.split(". ")[1],
            )
        ],
        meta=article.meta,
        provenance=Provenance(model=model, prompt_version="p1"),
    )


def flag(figure_field: str = "figures[0].value") -> Discrepancy:
    return Discrepancy(
        code=ReasonCode.scale_mismatch,
        field=figure_field,
        claim="1500000000",
        source="2.5 billion",
        spans=[SourceSpan(start=10, end=21, text="2.5 billion")],
        message="The record says 1.5 billion; the source says 2.5 billion.",
    )


def scale_mismatch(text: str, said: str, claimed: str, field: str, message: str) -> Discrepancy:
    """A `scale_mismatch` on `field` pointing at where `text` says `said`."""
    start = text.index(said)
    return Discrepancy(
        code=ReasonCode.scale_mismatch,
        field=field,
        claim=claimed,
        source=said,
        spans=[SourceSpan(start=start, end=start + len(said), text=said)],
        message=message,
    )


def make_outcome(
    article: SourceArticle, *, flagged: bool = False, tokens: int = 100
) -> ExtractionOutcome:
    discrepancies = [flag()] if flagged else []
    verdict = Verdict.from_discrepancies(discrepancies, numbers_checked=2)
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus(verdict.status.value),
        record=make_record(article),
        verdict=verdict,
        usage=TokenUsage(prompt_tokens=tokens, completion_tokens=tokens // 2),
        attempts=1,
        latency_s=0.01,
    )


def outcome_of(
    article: SourceArticle, record: ArticleRecord, verdict: Verdict
) -> ExtractionOutcome:
    """One run's outcome with this record and verdict (status from the verdict)."""
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus(verdict.status.value),
        record=record,
        verdict=verdict,
        attempts=1,
    )


def failed_outcome(article: SourceArticle, error: str = "model timed out") -> ExtractionOutcome:
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus.failed,
        error=error,
        raw_output="{not json",
        usage=TokenUsage(prompt_tokens=50, completion_tokens=3),
        attempts=3,
        latency_s=0.5,
    )
