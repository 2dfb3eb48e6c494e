"""Source text as HTML with each evidence span wrapped in a `<mark id=...>`.

The text is escaped here, segment by segment, and only the `<mark>` tags (whose ids and
classes this module generates) are added, so the result is safe to insert unescaped.
Spans from records may overlap arbitrarily; marks must nest, so a span that crosses the
end of an enclosing one is clipped to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from summarizer.brief.model import Briefing, Span

CLASS_ORDER = {"evidence": 0, "flag": 1, "figure": 2}
"""For identical spans: the widest notion opens first, so the figure mark sits innermost."""


@dataclass
class SourceMarks:
    """Marks for one source text and, for every view entry, the mark it points to."""

    source_id: str
    spans: dict[tuple[int, int, str], str] = field(default_factory=dict)

    def add(self, span: Span | None, kind: str) -> str | None:
        """Register a span; returns its mark id (shared by identical spans)."""
        if span is None:
            return None
        key = (span.start, span.end, kind)
        if key not in self.spans:
            self.spans[key] = f"{self.source_id}-{kind}-{len(self.spans) + 1}"
        return self.spans[key]

    def render(self, text: str) -> Markup:
        ordered = sorted(
            self.spans.items(), key=lambda i: (i[0][0], -i[0][1], CLASS_ORDER[i[0][2]])
        )
        parts: list[str] = []
        stack: list[int] = []  # ends of the open marks
        position = 0
        for (start, end, kind), mark_id in ordered:
            while stack and stack[-1] <= start:
                parts.append(str(escape(text[position : stack[-1]])) + "</mark>")
                position = stack.pop()
            if stack:
                end = min(end, stack[-1])
            if end <= start or start < position:
                continue
            parts.append(str(escape(text[position:start])))
            parts.append(f'<mark id="{mark_id}" class="{kind}">')
            position = start
            stack.append(end)
        while stack:
            parts.append(str(escape(text[position : stack[-1]])) + "</mark>")
            position = stack.pop()
        parts.append(str(escape(text[position:])))
        return Markup("".join(parts))


@dataclass
class Highlights:
    """Everything the HTML template needs to link entries to source text."""

    texts: dict[str, Markup]
    figure_marks: dict[tuple[str, int], tuple[str | None, str | None]]
    flag_marks: list[str | None]


def build_highlights(briefing: Briefing) -> Highlights:
    """Marks for every figure's evidence and every open discrepancy's spans."""
    marks = {ref.id: SourceMarks(ref.id) for ref in briefing.sources}
    figure_marks: dict[tuple[str, int], tuple[str | None, str | None]] = {}
    for row in briefing.figures:
        for report in row.reports:
            source = marks[report.source_id]
            evidence_id = source.add(report.evidence_span, "evidence")
            figure_id = source.add(report.text_span, "figure")
            figure_marks[(report.source_id, report.figure_index)] = (evidence_id, figure_id)
    flag_marks: list[str | None] = []
    for item in briefing.flagged:
        ids = [marks[item.source_id].add(span, "flag") for span in item.spans]
        flag_marks.append(ids[0] if ids else None)
    texts = {ref.id: marks[ref.id].render(ref.text) for ref in briefing.sources}
    return Highlights(texts=texts, figure_marks=figure_marks, flag_marks=flag_marks)
