"""A meeting's date words must belong to the meeting, not to the dateline or page furniture.

The dateline is the header the article starts with ("date 2023-02-22", "VIETNAM, October 3
-", "HÀ NỘI, May 5 (VNA) -"); page furniture is a short line with no sentence around its
date ("Bộ Công thươngBộ Công thương27/11/2025"). When every occurrence of a meeting's
`date_text` lies there, the date is the article's, not the meeting's: `date_from_dateline`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.textfold import SOURCES_CACHED, FoldedText
from summarizer.domain import Discrepancy, ReasonCode, SourceSpan
from summarizer.source_text import DATELINE, DATELINE_REACH

_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}")

_DATE_IN_LINE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}")


_OPENING_LINES = 3


def _opening_lines(text: str) -> list[int]:
    """Where the first non-empty lines start (the header line aside): the dateline opens
    the lead, which follows the headline."""
    starts: list[int] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip() and not _HEADER.match(line):
            starts.append(offset)
            if len(starts) == _OPENING_LINES:
                break
        offset += len(line) + 1
    return starts


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The dateline at the start of the text and every page-furniture line with a date."""
    return list(_dateline_spans(text))


@lru_cache(maxsize=SOURCES_CACHED)
def _dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    header = _HEADER.match(text)
    if header:
        spans.append((header.start(), header.end()))
    for start in _opening_lines(text):
        match = DATELINE.match(text[start : start + DATELINE_REACH])
        if match:  # "TAIPEI, March 3 - ..." opening the lead, after the header and headline
            spans.append((start + match.start(), start + match.end()))
            break
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        short = bool(stripped) and len(stripped) <= 80
        if short and not re.search(r"[.!?]\s|[.!?]$", stripped) and _DATE_IN_LINE.search(stripped):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return tuple(spans)


def dateline_only(folded: FoldedText, date_text: str) -> tuple[int, int] | None:
    """The first place of `date_text` in the source when every place it stands is the
    dateline or page furniture (so it dates the article, not the meeting); else None."""
    found = locate_evidence(folded, date_text)
    if not found:
        return None  # date_mismatch already says the words are not in the source
    header = dateline_spans(folded.original)
    if not all(any(s <= start and end <= e for s, e in header) for start, end in found):
        return None
    return found[0]


def check_dateline(folded: FoldedText, field: str, date_text: str | None) -> list[Discrepancy]:
    if not date_text:
        return []
    place = dateline_only(folded, date_text)
    if place is None:
        return []
    start, end = place
    return [
        Discrepancy(
            code=ReasonCode.date_from_dateline,
            field=f"{field}.date_text",
            claim=date_text,
            source=folded.original[start:end],
            spans=[SourceSpan(start=start, end=end, text=folded.original[start:end])],
            message=(
                f"{field}.date_text: '{date_text}' is the article's dateline, not the meeting's "
                "date; use the date words of the sentence about the meeting, or none."
            ),
        )
    ]
