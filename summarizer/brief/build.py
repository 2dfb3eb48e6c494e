"""Build the briefing view model from the stored articles' current records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from summarizer.brief.evidence import checked_span, locate
from summarizer.brief.grouping import (
    SourcedAgreement,
    SourcedFigure,
    SourcedMeeting,
    group_agreements,
    group_figures,
    merge_meetings,
)
from summarizer.brief.model import (
    Briefing,
    BriefingCounts,
    BriefingInput,
    FigureReport,
    FlaggedItem,
    SourceRef,
)
from summarizer.domain import Discrepancy, ReasonCode, VerdictStatus
from summarizer.fieldpath import is_under, item_of
from summarizer.render.formatting import figure_clause, format_figure


def published_of(item: BriefingInput) -> dt.date | None:
    """The record's publication date, else the ingested article's."""
    return item.record.meta.published or item.article.meta.published


def _link(source: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (a path, javascript:) stays text."""
    if source and re.match(r"^https?://[^\s<>\"']+$", source):
        return source
    return None


def _source_ref(source_id: str, item: BriefingInput) -> SourceRef:
    meta, fallback = item.record.meta, item.article.meta
    source = meta.source or fallback.source
    return SourceRef(
        id=source_id,
        article_id=item.article.article_id,
        title=meta.title or fallback.title,
        source=source,
        link=_link(source),
        published=published_of(item),
        status=item.verdict.status,
        corrected=item.corrected,
        open_flags=len(item.open_flags),
        overrides=len(item.overrides),
        summary=item.record.summary,
        text=item.article.text,
    )


def _flags_by_figure(discrepancies: list[Discrepancy]) -> dict[int, list[ReasonCode]]:
    flags: dict[int, list[ReasonCode]] = {}
    for discrepancy in discrepancies:
        item = item_of(discrepancy.field)
        if item is not None and item.collection == "figures":
            codes = flags.setdefault(item.index, [])
            if discrepancy.code not in codes:
                codes.append(discrepancy.code)
    return flags


def _override(item: BriefingInput, index: int) -> str | None:
    """The reviewer's reason if any field of figure `index` was set as an override."""
    prefix = f"figures[{index}]"
    reasons = [reason for path, reason in item.overrides.items() if is_under(path, prefix)]
    return "; ".join(dict.fromkeys(reasons)) or None


def _unconfirmed(item: BriefingInput, prefix: str) -> list[str]:
    """Fields under `prefix` ('figures[2]') the check could neither confirm nor contradict."""
    return sorted(
        {
            u.field.removeprefix(f"{prefix}.")
            for u in item.verdict.unverified
            if is_under(u.field, prefix)
        }
    )


def _figures(source_id: str, item: BriefingInput) -> list[SourcedFigure]:
    text = item.article.text
    flags = _flags_by_figure(item.open_flags)
    sourced: list[SourcedFigure] = []
    for index, figure in enumerate(item.record.figures):
        evidence_span = locate(text, figure.evidence)
        report = FigureReport(
            source_id=source_id,
            figure_index=index,
            value=figure.value,
            unit=figure.unit,
            kind=figure.kind,
            direction=figure.direction,
            qualifier=figure.qualifier,
            display=format_figure(figure),
            text=figure.text,
            evidence=figure.evidence,
            clause=figure_clause(figure),
            evidence_span=evidence_span,
            text_span=locate(text, figure.text, within=evidence_span) if evidence_span else None,
            flags=flags.get(index, []),
            unconfirmed=_unconfirmed(item, f"figures[{index}]"),
            override=_override(item, index),
        )
        sourced.append(
            SourcedFigure(
                report=report,
                metric=figure.metric,
                entities=tuple(figure.entities),
                period=figure.period,
            )
        )
    return sourced


def _flagged(source_id: str, item: BriefingInput) -> list[FlaggedItem]:
    text = item.article.text
    items: list[FlaggedItem] = []
    for discrepancy in item.open_flags:
        spans = [checked_span(text, span) for span in discrepancy.spans]
        items.append(
            FlaggedItem(
                source_id=source_id,
                code=discrepancy.code,
                field=discrepancy.field,
                claim=discrepancy.claim,
                source_says=discrepancy.source,
                message=discrepancy.message,
                spans=[span for span in spans if span is not None],
            )
        )
    return items


def build_briefing(inputs: Iterable[BriefingInput], since: dt.date | None = None) -> Briefing:
    """One briefing across articles: merged meetings, figures, agreements, open flags.

    Articles published before `since` are left out; an article without a publication
    date is kept, because the store already chose it.
    """
    chosen = [
        item
        for item in inputs
        if since is None or (published := published_of(item)) is None or published >= since
    ]
    chosen.sort(key=lambda i: (published_of(i) or dt.date.max, i.article.article_id))
    sources = [_source_ref(f"S{n}", item) for n, item in enumerate(chosen, start=1)]
    labels = {ref.id: f"{ref.id} ({ref.label})" for ref in sources}
    meetings = [
        SourcedMeeting(ref.id, meeting)
        for ref, item in zip(sources, chosen, strict=True)
        for meeting in item.record.meetings
    ]
    agreements = [
        SourcedAgreement(ref.id, agreement, tuple(_unconfirmed(item, f"agreements[{index}]")))
        for ref, item in zip(sources, chosen, strict=True)
        for index, agreement in enumerate(item.record.agreements)
    ]
    figures = [
        figure
        for ref, item in zip(sources, chosen, strict=True)
        for figure in _figures(ref.id, item)
    ]
    figure_rows, disagreements = group_figures(figures, labels)
    dates = [ref.published for ref in sources if ref.published is not None]
    return Briefing(
        since=since,
        period_start=min(dates, default=None),
        period_end=max(dates, default=None),
        counts=BriefingCounts(
            articles=len(chosen),
            accepted=sum(i.verdict.status == VerdictStatus.accepted for i in chosen),
            flagged=sum(i.verdict.status == VerdictStatus.flagged for i in chosen),
            corrected=sum(i.corrected for i in chosen),
            awaiting_review=sum(bool(i.open_flags) for i in chosen),
        ),
        sources=sources,
        meetings=merge_meetings(meetings),
        figures=figure_rows,
        agreements=group_agreements(agreements),
        disagreements=disagreements,
        flagged=[
            flag
            for ref, item in zip(sources, chosen, strict=True)
            for flag in _flagged(ref.id, item)
        ],
    )
