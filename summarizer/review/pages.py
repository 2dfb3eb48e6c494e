"""Pure helpers that turn review data into what the templates show.

Nothing here produces HTML: the templates escape every string (article text is
untrusted), and these helpers only cut text into plain segments and labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.review.audit import AuditRecord, canonical_json


@dataclass(frozen=True)
class Segment:
    """A run of source text; ``mark`` when it lies inside a discrepancy span."""

    text: str
    mark: bool
    start: int
    end: int


def highlight_segments(text: str, spans: list[dict[str, Any]]) -> list[Segment]:
    """Cut the text at the spans' offsets (out-of-range spans are ignored, overlaps merged)."""
    ranges: list[tuple[int, int]] = []
    for span in spans:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= len(text):
            ranges.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    segments: list[Segment] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            segments.append(Segment(text[pos:start], False, pos, start))
        segments.append(Segment(text[start:end], True, start, end))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:], False, pos, len(text)))
    return segments


def _show(value: Any) -> str:
    return value if isinstance(value, str) else canonical_json(value)


def change_summary(entry: AuditRecord) -> str:
    """One line describing what a decision changed, for the audit page."""
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    if entry.action == "correct":
        old = before.get("values") or {}
        new = after.get("values") or {}
        return "; ".join(f"{path}: {_show(old.get(path))} → {_show(v)}" for path, v in new.items())
    if entry.action == "reject":
        return f"removed {after.get('removed')}"
    if entry.action == "approve":
        return f"kept {before.get('field')} = {_show(before.get('value'))}"
    return canonical_json(after)


def safe_next(url: str | None) -> str:
    """Only same-site paths are followed after login (no open redirects)."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/queue"
    return url
