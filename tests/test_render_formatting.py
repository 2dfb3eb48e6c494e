"""One way to render a record: the one-record Markdown and the briefing agree.

Same figure, same text; same order of agreement statuses; and a quote the cross-checker
accepts is one the briefing finds (it uses the cross-checker's own locator).
"""

from __future__ import annotations

from support.brief import accepted, make_article, make_record
from support.crosscheck import fig

from summarizer.brief import build_briefing, render_markdown
from summarizer.crosscheck import check_record
from summarizer.domain import (
    Agreement,
    AgreementStatus,
    AgreementType,
    ArticleRecord,
    ExtractionOutcome,
    OutcomeStatus,
    SourceArticle,
)
from summarizer.render.formatting import AGREEMENT_ORDER
from summarizer.render.record_markdown import render_outcome_markdown

TEXT = (
    "In 2022, trade revenue between Vietnam and Hainan reached US$1.35 billion, up 56 "
    "percent year on year. The two sides signed a trade MoU and proposed a customs deal; "
    "an investment treaty is in force."
)
EVIDENCE = "in 2022, trade revenue between Vietnam and Hainan ... reached US$1.35 billion"
"""Lower-case start and an ellipsis: near-verbatim, as the cross-checker accepts."""


def _record() -> tuple[SourceArticle, ArticleRecord]:
    article = make_article(TEXT, "Hainan trade", "2023-02-22")
    figures = [
        fig(TEXT, "US$1.35 billion", 1350000000, "USD", evidence=EVIDENCE),
        fig(TEXT, "56 percent", 56, "percent", "change", direction="up"),
    ]
    agreements = [
        Agreement(title=title, type=AgreementType.mou, status=status)
        for title, status in (
            ("Investment treaty", AgreementStatus.in_force),
            ("Customs deal", AgreementStatus.proposed),
            ("Trade MoU", AgreementStatus.signed),
        )
    ]
    return article, make_record(article, figures=figures, agreements=agreements)


def _single_markdown(article: SourceArticle, record: ArticleRecord) -> str:
    """`summarizer summarize --format md` of this record, checked against its article."""
    verdict = check_record(article.text, record)
    status = OutcomeStatus(verdict.status.value)
    outcome = ExtractionOutcome(
        article_id=article.article_id, status=status, record=record, verdict=verdict
    )
    return render_outcome_markdown(outcome)


def test_a_figure_reads_the_same_in_the_record_markdown_and_the_briefing() -> None:
    article, record = _record()
    single = _single_markdown(article, record)
    brief = render_markdown(build_briefing([accepted(article, record)]))
    for display in ("US$1.35 billion", "+56 %"):
        assert f"| {display} |" in single
        assert display in brief
    assert "1,350,000,000" not in single and "56%" not in single


def test_agreement_statuses_are_listed_in_one_order_by_both() -> None:
    article, record = _record()
    single = _single_markdown(article, record)
    brief = render_markdown(build_briefing([accepted(article, record)]))
    headings = ["Signed", "Proposed", "In force"]
    assert [label for _, label in AGREEMENT_ORDER if label in headings] == headings
    for text in (single, brief):
        positions = [text.index(heading) for heading in headings]
        assert positions == sorted(positions), text


def test_a_quote_the_cross_check_accepts_is_found_by_the_briefing() -> None:
    article, record = _record()
    verdict = check_record(article.text, record)
    assert not [d for d in verdict.discrepancies if d.field.startswith("figures[0]")]
    briefing = build_briefing([accepted(article, record)])
    report = next(r for row in briefing.figures for r in row.reports if r.figure_index == 0)
    assert report.evidence_span is not None
    quoted = TEXT[report.evidence_span.start : report.evidence_span.end]
    assert quoted.startswith("In 2022") and quoted.endswith("US$1.35 billion")
    assert report.text_span is not None
    assert TEXT[report.text_span.start : report.text_span.end] == "US$1.35 billion"
