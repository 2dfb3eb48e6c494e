"""Compare a record's meeting or agreement date with the source's date words.

The date words are read by `summarizer.ingest.relative.resolve_day`, the same reading the
extraction uses, against the publication date: ISO and complete dates, "February 22",
"22 February", "Nov. 26", "ngày 26/11", weekdays ("on Monday": the latest such day on or
before publication, or the coming one when the sentence holding the words speaks of the
future: "will leave for Washington on Monday"), "yesterday", "today", "next week" ...
Text that names no single day returns None and is not compared.
"""

from __future__ import annotations

import datetime as dt

from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.textfold import FoldedText
from summarizer.domain import Discrepancy, ReasonCode, SourceSpan
from summarizer.ingest.relative import resolve_day, resolve_day_in


def resolve_date_text(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar date `text` names, read against `published`; None when it names none."""
    return resolve_day(text, published)


def check_date(
    source: FoldedText,
    field: str,
    date: dt.date | None,
    date_text: str | None,
    published: dt.date | None,
) -> list[Discrepancy]:
    """A date text must be in the source, and the date must be what that text resolves to."""
    if not date_text:
        return []
    spans = locate_evidence(source, date_text)
    if not spans:
        return [
            Discrepancy(
                code=ReasonCode.date_mismatch,
                field=f"{field}.date_text",
                claim=date_text,
                message=(
                    f"{field}.date_text: the source does not contain '{date_text}'; "
                    "copy the date words exactly as written."
                ),
            )
        ]
    if date is None:
        return []
    resolved = resolve_day_in(date_text, source.original, published)
    if resolved is None or resolved == date:
        return []
    start, end = spans[0]
    basis = f" published {published.isoformat()}" if published else ""
    return [
        Discrepancy(
            code=ReasonCode.date_mismatch,
            field=f"{field}.date",
            claim=date.isoformat(),
            source=f"{source.original[start:end]} -> {resolved.isoformat()}",
            spans=[SourceSpan(start=start, end=end, text=source.original[start:end])],
            message=(
                f"{field}.date: '{date_text}' in an article{basis} means "
                f"{resolved.isoformat()}, not {date.isoformat()}."
            ),
        )
    ]
