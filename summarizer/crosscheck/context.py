"""Everything about one source text that several checks need, computed once per check."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summarizer.crosscheck.direction import source_direction
from summarizer.crosscheck.textfold import FoldedText, fold
from summarizer.domain import Direction, MentionKind, NumericMention
from summarizer.vocabulary import scale_multiplier


@dataclass(slots=True)
class SourceContext:
    """The source text, its folded form, its figure mentions and the publication date."""

    text: str
    mentions: list[NumericMention]
    published: dt.date | None = None
    folded: FoldedText = field(init=False)
    figures: list[NumericMention] = field(init=False)
    by_id: dict[str, NumericMention] = field(init=False)
    _starts: list[int] = field(init=False)
    _directions: dict[int, Direction | None] = field(init=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self.figures = _share_scales(
            self.text, sorted((m for m in self.mentions if m.is_figure), key=lambda m: m.start)
        )
        self.by_id = {m.id: m for m in self.mentions} | {m.id: m for m in self.figures}
        self._starts = [m.start for m in self.figures]
        self._directions = {}

    def direction(self, mention: NumericMention) -> Direction | None:
        """Which way the source says the mention moved (read once per mention)."""
        key = id(mention)
        if key not in self._directions:
            self._directions[key] = source_direction(self.text, mention, self.figures, self._starts)
        return self._directions[key]

    def inside(self, spans: list[tuple[int, int]]) -> list[NumericMention]:
        """Figure mentions lying within any of the given original-text spans."""
        return [m for m in self.figures if any(s <= m.start and m.end <= e for s, e in spans)]

    def overlapping(self, spans: list[tuple[int, int]]) -> list[NumericMention]:
        """Figure mentions that overlap any of the given spans."""
        return [m for m in self.figures if any(m.start < e and s < m.end for s, e in spans)]


_SHARED_GAP = re.compile(r"\s*(?:and|or|to|-|–)\s*", re.IGNORECASE)


def _share_scales(text: str, figures: list[NumericMention]) -> list[NumericMention]:
    """A bare number coordinated with a scaled one shares its scale and unit: in
    "154.0 billion against 159.4 and 117.1 billion", 159.4 is 159.4 billion dollars."""
    out = list(figures)
    for index in range(len(out) - 2, -1, -1):
        bare, partner = out[index], out[index + 1]
        multiplier = scale_multiplier(partner.scale)
        if (
            bare.kind is not MentionKind.number
            or bare.unit is not None
            or bare.scale is not None
            or multiplier is None
            or not _SHARED_GAP.fullmatch(text[bare.end : partner.start])
        ):
            continue
        out[index] = bare.model_copy(
            update={"value": bare.value * multiplier, "unit": partner.unit, "scale": partner.scale}
        )
    return out
