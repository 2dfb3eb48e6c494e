"""Locate a record's evidence quote in the source, near-verbatim, with original offsets.

Accepted differences: whitespace runs, Unicode normalisation form, compatibility
characters, curly vs straight quotes, dash variants, letter case, punctuation or quote
marks at either end, and an ellipsis ("...", "…", "[...]") standing for omitted words.
Anything else (a changed, added or dropped word or digit) means the quote is not in the
source.
"""

from __future__ import annotations

import re

from summarizer.crosscheck.textfold import FoldedText, find_all, fold_query, trim_edges

_ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.|…)\s*")


def locate_evidence(source: FoldedText, evidence: str) -> list[tuple[int, int]]:
    """All original-text spans of `source` that the evidence quote covers (empty: not found)."""
    segments = [trim_edges(s) for s in _ELLIPSIS.split(evidence)]
    segments = [s for s in segments if fold_query(s)]
    if not segments:
        return []
    if len(segments) == 1:
        return find_all(source, segments[0])
    return _locate_segments(source, segments)


def _locate_segments(source: FoldedText, segments: list[str]) -> list[tuple[int, int]]:
    """Spans where the segments occur in order (an elided quote), first segment anchored."""
    spans: list[tuple[int, int]] = []
    for first_start, first_end in find_all(source, segments[0]):
        cursor = first_end
        end = first_end
        for segment in segments[1:]:
            following = [s for s in find_all(source, segment) if s[0] >= cursor]
            if not following:
                break
            cursor = end = following[0][1]
        else:
            spans.append((first_start, end))
    return spans
