"""Find where a figure's evidence sits in its source text.

Records carry evidence as verbatim text, not offsets. The briefing finds a quote with the
cross-checker's own locator (`summarizer.crosscheck.evidence.locate_evidence`: whitespace,
Unicode form, quote and dash styles, case, edge punctuation and ellipses tolerated, no
changed word), so every quote that passed the check is highlighted, and a highlighted span
is always text the article really contains.
"""

from __future__ import annotations

from summarizer.brief.model import Span
from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.textfold import fold
from summarizer.domain import SourceSpan


def locate(text: str, needle: str | None, within: Span | None = None) -> Span | None:
    """Span of the first occurrence of `needle` in `text` (or inside `within`), else None."""
    if not needle or not needle.strip():
        return None
    for start, end in locate_evidence(fold(text), needle):
        start, end = _with_edge_punctuation(text, needle, start, end)
        if within is None or (within.start <= start and end <= within.end):
            return Span(start=start, end=end)
    return None


_EDGE = ".,;:!?\"'”’“‘)(["


def _with_edge_punctuation(text: str, needle: str, start: int, end: int) -> tuple[int, int]:
    """The locator ignores punctuation at a quote's edges; the highlight keeps what the
    quote itself has there ("... province." marks the full stop too)."""
    quote = needle.strip()
    trailing = len(quote) - len(quote.rstrip(_EDGE))
    while trailing and end < len(text) and text[end] in _EDGE:
        end += 1
        trailing -= 1
    leading = len(quote) - len(quote.lstrip(_EDGE))
    while leading and start > 0 and text[start - 1] in _EDGE:
        start -= 1
        leading -= 1
    return start, end


def checked_span(text: str, span: SourceSpan) -> Span | None:
    """A discrepancy's span if it lies inside the text and is not empty; untrusted otherwise."""
    if 0 <= span.start < span.end <= len(text):
        return Span(start=span.start, end=span.end)
    return None
