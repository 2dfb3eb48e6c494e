"""Find where a figure's evidence sits in its source text.

Records carry evidence as verbatim text, not offsets, and a model may change whitespace or
curly quotes when it copies a sentence; the search tolerates exactly that and nothing more,
so a highlighted span is always text the article really contains.
"""

from __future__ import annotations

import re

from summarizer.brief.model import Span
from summarizer.domain import SourceSpan

_QUOTES = {"'": "['’‘]", "’": "['’‘]", "‘": "['’‘]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


def _loose_pattern(needle: str) -> re.Pattern[str] | None:
    """A pattern matching `needle` with any whitespace run and either quote style."""
    words = needle.split()
    if not words:
        return None
    parts = ["".join(_QUOTES.get(char, re.escape(char)) for char in word) for word in words]
    return re.compile(r"\s+".join(parts))


def locate(text: str, needle: str | None, within: Span | None = None) -> Span | None:
    """Span of the first occurrence of `needle` in `text` (or inside `within`), else None."""
    if not needle or not needle.strip():
        return None
    start, end = (within.start, within.end) if within else (0, len(text))
    index = text.find(needle.strip(), start, end)
    if index >= 0:
        return Span(start=index, end=index + len(needle.strip()))
    pattern = _loose_pattern(needle)
    match = pattern.search(text, start, end) if pattern else None
    return Span(start=match.start(), end=match.end()) if match else None


def checked_span(text: str, span: SourceSpan) -> Span | None:
    """A discrepancy's span if it lies inside the text and is not empty; untrusted otherwise."""
    if 0 <= span.start < span.end <= len(text):
        return Span(start=span.start, end=span.end)
    return None
