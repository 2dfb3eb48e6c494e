"""Recall and precision of the regex number extractor against gold figures.

Recall: a gold figure is found when a figure mention overlapping its text has the gold
magnitude and a matching unit. Precision: the share of figure mentions (dates and years
excluded) whose magnitude and unit match some gold figure of the article (a figure
stated twice, as in a caption, counts as correct both times).
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.domain import NumericMention
from summarizer.evaluation.gold import GoldArticle, GoldFigure
from summarizer.evaluation.scoring import RELATIVE_TOLERANCE
from summarizer.vocabulary import units_agree


@dataclass(slots=True)
class NumberCounts:
    """Counts behind recall and precision (summed over articles)."""

    gold: int = 0
    found: int = 0
    core_gold: int = 0
    core_found: int = 0
    mentions: int = 0
    correct_mentions: int = 0
    missed: list[str] | None = None

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def core_recall(self) -> float:
        return self.core_found / self.core_gold if self.core_gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct_mentions / self.mentions if self.mentions else 0.0


def _agrees(mention: NumericMention, figure: GoldFigure) -> bool:
    magnitude = abs(figure.value)
    if abs(mention.value - magnitude) > magnitude * RELATIVE_TOLERANCE:
        return False
    return mention.unit is not None and units_agree(mention.unit, figure.unit)


def score_numbers(
    text: str, gold: GoldArticle, mentions: list[NumericMention], counts: NumberCounts
) -> None:
    """Add one article's recall and precision counts to `counts`."""
    figures = [m for m in mentions if m.is_figure]
    if counts.missed is None:
        counts.missed = []
    for figure in gold.figures:
        spans = []
        start = text.find(figure.text)
        while start >= 0:
            spans.append((start, start + len(figure.text)))
            start = text.find(figure.text, start + 1)
        hit = any(
            _agrees(m, figure) and any(m.start < e and s < m.end for s, e in spans) for m in figures
        )
        counts.gold += 1
        counts.found += hit
        if figure.core:
            counts.core_gold += 1
            counts.core_found += hit
        if not hit:
            counts.missed.append(f"{gold.article}: {figure.text!r}")
    counts.mentions += len(figures)
    counts.correct_mentions += sum(any(_agrees(m, f) for f in gold.figures) for m in figures)
