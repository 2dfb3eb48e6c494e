"""The Markdown briefing of one outcome: every section, grouped agreements, explained verdict."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from summarizer.domain import (
    Agreement,
    AgreementStatus,
    AgreementType,
    ArticleMeta,
    ArticleRecord,
    Direction,
    Discrepancy,
    ExtractionOutcome,
    Figure,
    FigureKind,
    Meeting,
    MeetingKind,
    OutcomeStatus,
    Participant,
    ReasonCode,
    Verdict,
)
from summarizer.render.formatting import format_figure
from summarizer.render.record_markdown import render_outcome_markdown

ARTICLE_ID = "0123456789abcdef"


def outcome() -> ExtractionOutcome:
    record = ArticleRecord(
        article_id=ARTICLE_ID,
        meta=ArticleMeta(source="a.txt", published=dt.date(2023, 2, 22)),
        summary="Two ministers met. Trade grew.",
        meetings=[
            Meeting(
                kind=MeetingKind.bilateral_talks,
                date=dt.date(2023, 2, 22),
                date_text="February 22",
                location="Hanoi",
                participants=[Participant(name="A B", title="Minister", country="Vietnam")],
                topics=["trade"],
            )
        ],
        figures=[
            Figure(
                value=Decimal(1350000000),
                unit="USD",
                kind=FigureKind.amount,
                metric="trade | total",
                text="US$1.35 billion",
                evidence="US$1.35 billion",
            ),
            Figure(
                value=Decimal("-4.5"),
                unit="percent",
                kind=FigureKind.change,
                direction=Direction.down,
                metric="imports",
                evidence="fell 4.5 percent",
            ),
        ],
        agreements=[
            Agreement(
                title="Trade MoU",
                type=AgreementType.mou,
                status=AgreementStatus.signed,
                parties=["VN", "CN"],
            ),
            Agreement(
                title="Office", type=AgreementType.arrangement, status=AgreementStatus.proposed
            ),
        ],
    )
    verdict = Verdict.from_discrepancies(
        [
            Discrepancy(
                code=ReasonCode.scale_mismatch,
                field="figures[0].value",
                claim="1.35 million",
                source="US$1.35 billion",
                message="The source says 1.35 billion, not 1.35 million.",
            )
        ],
        numbers_checked=2,
    )
    return ExtractionOutcome(
        article_id=ARTICLE_ID, status=OutcomeStatus.flagged, record=record, verdict=verdict
    )


def test_briefing_has_every_section() -> None:
    text = render_outcome_markdown(outcome())
    assert text.startswith("# a.txt\n")
    assert "Two ministers met. Trade grew." in text
    assert "**bilateral talks**, 2023-02-22, Hanoi: A B (Minister, Vietnam)" in text
    assert "| US$1.35 billion | US$1.35 billion | amount | trade \\| total |  |" in text
    assert "| \u22124.5 % | change (down) | imports |" in text
    assert text.index("**Signed**") < text.index("Trade MoU") < text.index("**Proposed**")
    assert "**FLAGGED**: 2 number(s) checked" in text
    assert "`scale_mismatch` at `figures[0].value`: The source says 1.35 billion" in text


def test_failed_outcome_shows_error_and_raw_output() -> None:
    failed = ExtractionOutcome(
        article_id=ARTICLE_ID,
        status=OutcomeStatus.failed,
        error="the model refused",
        raw_output="I cannot help",
    )
    text = render_outcome_markdown(failed)
    assert "# Extraction failed" in text and "the model refused" in text
    assert "I cannot help" in text


def test_figure_values_read_as_in_the_briefing() -> None:
    figure = Figure(
        value=Decimal("171.9"), unit="percent", kind=FigureKind.share, metric="m", evidence="e"
    )
    assert format_figure(figure) == "171.9 %"
