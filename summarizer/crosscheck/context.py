"""Everything about one source text that several checks need, computed once per source."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from summarizer.crosscheck.direction import source_direction
from summarizer.crosscheck.textfold import FoldedText, find_all, fold
from summarizer.domain import Direction, MentionKind, NumericMention
from summarizer.vocabulary import scale_multiplier


@dataclass(slots=True)
class _SourceFigures:
    """What the number checks read off one source and its mentions; built once per
    source, however many records of it are checked."""

    mentions: list[NumericMention]
    signature: tuple[object, ...]
    figures: list[NumericMention]
    by_id: dict[str, NumericMention]
    starts: list[int]
    longest: int
    directions: dict[int, Direction | None] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, mentions: list[NumericMention]) -> _SourceFigures:
        figures = _share_scales(
            text, sorted((m for m in mentions if m.is_figure), key=lambda m: m.start)
        )
        return cls(
            mentions=mentions,
            signature=_signature(mentions),
            figures=figures,
            by_id={m.id: m for m in mentions} | {m.id: m for m in figures},
            starts=[m.start for m in figures],
            longest=max((m.end - m.start for m in figures), default=0),
        )


def _signature(mentions: list[NumericMention]) -> tuple[object, ...]:
    """Every field of every mention: an equal list reads the same."""
    return tuple(tuple(vars(m).values()) for m in mentions)


_KEPT: Final = 256
"""Sources kept: more than a batch or the development corpus checks in turn (72)."""
_FIGURES: OrderedDict[str, _SourceFigures] = OrderedDict()


def _source_figures(text: str, mentions: list[NumericMention]) -> _SourceFigures:
    """The cached reading of `text` when its mentions are the same list (or an equal one)."""
    hit = _FIGURES.get(text)
    if hit is not None and (hit.mentions is mentions or hit.signature == _signature(mentions)):
        _FIGURES.move_to_end(text)
        return hit
    built = _SourceFigures.build(text, mentions)
    _FIGURES[text] = built
    while len(_FIGURES) > _KEPT:
        _FIGURES.popitem(last=False)
    return built


def clear_context_cache() -> None:
    """Forget the cached per-source readings (for cold-start timing and tests)."""
    _FIGURES.clear()


@dataclass(slots=True)
class SourceContext:
    """The source text, its folded form, its figure mentions and the publication date."""

    text: str
    mentions: list[NumericMention]
    published: dt.date | None = None
    folded: FoldedText = field(init=False)
    figures: list[NumericMention] = field(init=False)
    """Figure mentions in text order; a bare number sharing a neighbour's scale has it."""
    by_id: dict[str, NumericMention] = field(init=False)
    _source: _SourceFigures = field(init=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self._source = _source_figures(self.text, self.mentions)
        self.figures = self._source.figures
        self.by_id = self._source.by_id

    def direction(self, mention: NumericMention) -> Direction | None:
        """Which way the source says the mention moved (read once per mention and source)."""
        directions = self._source.directions
        key = id(mention)
        if key not in directions:
            directions[key] = source_direction(
                self.text, mention, self.figures, self._source.starts
            )
        return directions[key]

    def _near(self, start: int, end: int) -> list[NumericMention]:
        """Figures that may overlap [start, end): a slice found by bisection."""
        starts = self._source.starts
        low = bisect_left(starts, start - self._source.longest)
        return self.figures[low : bisect_left(starts, end)]

    def find_number_text(self, text: str) -> list[tuple[int, int]]:
        """Where `text` stands in the source (folded match) as a whole number: "6%" is
        not found inside "8.6%", nor "1.4" inside "11.45"."""
        return [(s, e) for s, e in find_all(self.folded, text) if _standalone(self.text, s, e)]

    def inside(self, spans: list[tuple[int, int]]) -> list[NumericMention]:
        """Figure mentions lying within any of the given original-text spans, in text order."""
        return self._select(spans, lambda m, s, e: s <= m.start and m.end <= e)

    def overlapping(self, spans: list[tuple[int, int]]) -> list[NumericMention]:
        """Figure mentions that overlap any of the given spans, in text order."""
        return self._select(spans, lambda m, s, e: m.start < e and s < m.end)

    def _select(
        self, spans: list[tuple[int, int]], keep: Callable[[NumericMention, int, int], bool]
    ) -> list[NumericMention]:
        found = {id(m): m for s, e in spans for m in self._near(s, e) if keep(m, s, e)}
        if len(spans) < 2:
            return list(found.values())
        return sorted(found.values(), key=lambda m: m.start)


def _standalone(text: str, start: int, end: int) -> bool:
    """No digit continues the number on either side ("1.4" is not inside "11.45")."""

    def digit(at: int) -> bool:
        return 0 <= at < len(text) and text[at].isdigit()

    before = digit(start - 1) or (start > 0 and text[start - 1] in ".," and digit(start - 2))
    after = digit(end) or (end < len(text) and text[end] in ".," and digit(end + 1))
    return not (before or after)


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
