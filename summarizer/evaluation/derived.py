"""A trivially consistent record built from an article's own number mentions.

Used to prove the checker raises nothing and accepts such records on any article (the
robustness corpus) and to time it. Mentions without a unit are left out: a record must
name a unit, and inventing one would make the record wrong.
"""

from __future__ import annotations

from summarizer.domain import (
    Direction,
    Extraction,
    Figure,
    FigureKind,
    MentionKind,
    NumericMention,
    validate_unit,
)
from summarizer.source_text import sentence_around

_KINDS = {
    MentionKind.amount: FigureKind.amount,
    MentionKind.percent: FigureKind.rate,  # a share claims a whole the source may not name
    MentionKind.percentage_point: FigureKind.change,
    MentionKind.count: FigureKind.count,
    MentionKind.ordinal: FigureKind.ordinal,
    MentionKind.number: FigureKind.count,
}


def _unit_ok(unit: str | None) -> bool:
    if not unit:
        return False
    try:
        validate_unit(unit)
    except ValueError:
        return False
    return True


def figure_from_mention(text: str, mention: NumericMention) -> Figure | None:
    """The figure a careful reader would record for this mention, or None if it has no unit."""
    if not mention.is_figure or not _unit_ok(mention.unit):
        return None
    assert mention.unit is not None
    kind = _KINDS.get(mention.kind, FigureKind.amount)
    value = mention.value
    direction = mention.direction
    if direction is not None and mention.unit in ("percent", "percentage_point"):
        kind = FigureKind.change
        if direction is Direction.down:
            value = -value
    elif kind == FigureKind.change:
        direction = Direction.up
    else:
        direction = None
    return Figure(
        value=value,
        unit=mention.unit,
        kind=kind,
        direction=direction,
        qualifier=mention.qualifier,
        metric="figure",
        text=mention.text,
        evidence=sentence_around(text, mention.start, mention.end),
        mention_id=mention.id,
    )


def record_from_mentions(text: str, mentions: list[NumericMention]) -> Extraction:
    """An extraction whose figures are exactly the article's unit-bearing mentions."""
    figures = [f for m in mentions if (f := figure_from_mention(text, m)) is not None]
    quoted = [f.text for f in figures[:3] if f.text]
    summary = "Reported: " + "; ".join(quoted) + "." if quoted else "No figures reported."
    return Extraction(summary=summary, figures=figures)
