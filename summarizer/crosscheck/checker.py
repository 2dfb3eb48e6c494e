"""The cross-checker's entry point: every number and quote of a record against its source.

Pure and deterministic: no I/O, no model. A record with no discrepancies is accepted;
any discrepancy flags it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from summarizer.crosscheck.breakdowns import check_breakdowns
from summarizer.crosscheck.context import SourceContext, clear_context_cache
from summarizer.crosscheck.dates import check_date
from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.faithful import check_meaning, clear_meaning_caches
from summarizer.crosscheck.figure_checks import check_figure
from summarizer.crosscheck.figures import Finding
from summarizer.crosscheck.summary import Extractor, check_free_text
from summarizer.crosscheck.textfold import SOURCES_CACHED, fold, fold_query
from summarizer.domain import (
    ArticleRecord,
    Discrepancy,
    Extraction,
    NumericMention,
    ReasonCode,
    Unverified,
    Verdict,
)
from summarizer.ingest.injection import instruction_discrepancies
from summarizer.numbers import extract_mentions


@lru_cache(maxsize=2048)
def _free_text_mentions(text: str) -> tuple[NumericMention, ...]:
    """Numbers of a free-text field; cached because topics and summaries repeat."""
    return tuple(extract_mentions(text))


@lru_cache(maxsize=SOURCES_CACHED)
def _instructions(source: str) -> tuple[Discrepancy, ...]:
    """The source's prompt-injection passages; scanned once per source text, however many
    records of it are checked (the scan costs more than all the number checks)."""
    return tuple(instruction_discrepancies(source))


def _extract_free_text(text: str) -> list[NumericMention]:
    return list(_free_text_mentions(text))


def clear_caches() -> None:
    """Forget every per-source and per-text cache of the check (for cold-start timing)."""
    fold.cache_clear()
    fold_query.cache_clear()
    _free_text_mentions.cache_clear()
    _instructions.cache_clear()
    clear_context_cache()
    clear_meaning_caches()


def check_record(
    source_text: str,
    record: Extraction,
    *,
    published: dt.date | None = None,
    mentions: list[NumericMention] | None = None,
) -> Verdict:
    """Reconcile `record` with `source_text`; `mentions` may be passed if already extracted.

    `published` defaults to the record's `meta.published`; it is needed to resolve
    relative dates ("on Monday").
    """
    if published is None and isinstance(record, ArticleRecord):
        published = record.meta.published
    ctx = SourceContext(
        text=source_text,
        mentions=extract_mentions(source_text) if mentions is None else mentions,
        published=published,
    )
    return _Checker(ctx, _extract_free_text).run(record)


class _Checker:
    """Collects discrepancies and a count of numbers checked for one record."""

    def __init__(self, ctx: SourceContext, extract: Extractor) -> None:
        self.ctx = ctx
        self.extract = extract
        self.found: list[Discrepancy] = []
        self.checked = 0

    def text(self, field: str, text: str | None) -> list[Discrepancy]:
        if not text:
            return []
        found, checked = check_free_text(self.ctx, field, text, self.extract)
        self.checked += checked
        return found

    def run(self, record: Extraction) -> Verdict:
        findings: list[Finding] = []
        for index, figure in enumerate(record.figures):
            parts = [f.value for f in record.figures if f.part_of == index]
            computed = len(parts) >= 2 and sum(parts) == figure.value
            found, finding = check_figure(self.ctx, index, figure, self.text, computed=computed)
            self.checked += 1
            self.found.extend(found)
            findings.append(finding)
        self.found.extend(check_breakdowns(record.figures, findings))
        self.found.extend(self.text("summary", record.summary))
        for index, meeting in enumerate(record.meetings):
            field = f"meetings[{index}]"
            if meeting.date_text:
                self.checked += 1
            self.found.extend(
                check_date(
                    self.ctx.folded, field, meeting.date, meeting.date_text, self.ctx.published
                )
            )
            self.found.extend(self.text(f"{field}.title", meeting.title))
            for t, topic in enumerate(meeting.topics):
                self.found.extend(self.text(f"{field}.topics[{t}]", topic))
            self.found.extend(self.text(f"{field}.outcome", meeting.outcome))
            for p, participant in enumerate(meeting.participants):
                self.found.extend(self.text(f"{field}.participants[{p}].title", participant.title))
        for index, agreement in enumerate(record.agreements):
            field = f"agreements[{index}]"
            self.found.extend(self.text(f"{field}.title", agreement.title))
            self.found.extend(
                check_date(
                    self.ctx.folded, field, agreement.date, agreement.date_text, self.ctx.published
                )
            )
            if agreement.evidence and not locate_evidence(self.ctx.folded, agreement.evidence):
                self.found.append(
                    Discrepancy(
                        code=ReasonCode.evidence_not_in_source,
                        field=f"{field}.evidence",
                        claim=agreement.evidence,
                        message=(
                            f"{field}.evidence: this quote is not in the source; "
                            "copy the clause about the agreement verbatim."
                        ),
                    )
                )
        meaning, unverified = check_meaning(self.ctx, record, findings, self.extract)
        unverified = [*_unstated_units(record, findings), *unverified]
        self.found.extend(meaning)
        self.found.extend(_instructions(self.ctx.text))  # prompt injection
        verdict = Verdict.from_discrepancies(self.found, self.checked)
        return verdict.model_copy(update={"unverified": unverified})


def _unstated_units(record: Extraction, findings: list[Finding]) -> list[Unverified]:
    """Figures matched to a source number written without a unit: the record's unit is
    neither confirmed nor contradicted ("0.1 lower than a year ago" recorded as percent)."""
    return [
        Unverified(
            field=f"figures[{index}].unit",
            claim=figure.unit,
            reason="the source writes this number without a unit",
        )
        for index, (figure, finding) in enumerate(zip(record.figures, findings, strict=True))
        if figure.unit and finding.ok and finding.mention is not None and not finding.mention.unit
    ]
