"""Everything about one source text that several checks need, computed once per check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from summarizer.crosscheck.textfold import FoldedText, fold
from summarizer.domain import NumericMention


@dataclass(slots=True)
class SourceContext:
    """The source text, its folded form, its figure mentions and the publication date."""

    text: str
    mentions: list[NumericMention]
    published: dt.date | None = None
    folded: FoldedText = field(init=False)
    figures: list[NumericMention] = field(init=False)
    by_id: dict[str, NumericMention] = field(init=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self.figures = [m for m in self.mentions if m.is_figure]
        self.by_id = {m.id: m for m in self.mentions}

    def inside(self, spans: list[tuple[int, int]]) -> list[NumericMention]:
        """Figure mentions lying within any of the given original-text spans."""
        return [m for m in self.figures if any(s <= m.start and m.end <= e for s, e in spans)]

    def overlapping(self, spans: list[tuple[int, int]]) -> list[NumericMention]:
        """Figure mentions that overlap any of the given spans."""
        return [m for m in self.figures if any(m.start < e and s < m.end for s, e in spans)]
