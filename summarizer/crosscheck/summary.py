"""Numbers inside free text (summary, topics, outcomes, titles) must be in the source.

Free text is read with the same extractor as the source, so "6.2 billion USD" in a
summary and in the article normalise to the same value. Dates and years are not figures
and are not checked here, nor are "the two sides"-style counts of the parties. A
direction is flagged only when the text states the opposite of the source (free text
often omits "up"/"down").
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.crosscheck.context import SourceContext
from summarizer.crosscheck.figures import Claim, reconcile
from summarizer.domain import Direction, Discrepancy, NumericMention
from summarizer.vocabulary import noun_stem

Extractor = Callable[[str], list[NumericMention]]

GENERIC_PARTIES = frozenset(
    {
        "side",
        "party",
        "country",
        "nation",
        "leader",
        "official",
        "minister",
        "delegation",
        "government",
        "economy",
    }
)
"""'The two sides', 'the two countries': how a summary names the parties, not a figure."""


def is_party_count(mention: NumericMention) -> bool:
    """A count of one or two generic parties, which free text may use without a source figure."""
    return (
        mention.value <= 2
        and mention.unit is not None
        and noun_stem(mention.unit) in GENERIC_PARTIES
    )


def _label(mention: NumericMention) -> str:
    """'6.2 million USD' as quoted, with the direction the text gives it."""
    said = {Direction.up: " (an increase)", Direction.down: " (a decrease)"}
    suffix = said.get(mention.direction, "") if mention.direction else ""
    return f"'{mention.text}'{suffix}"


def _quotes_source_figure(ctx: SourceContext, mention: NumericMention) -> bool:
    """The free text copies a source figure's words ("1,070 won", "about 250 stg").

    Read alone, the copy can lose what the source's context gives it (the rate in
    "1,070 won to the dollar", the scale shared in "159.4 and 117.1 billion"); the same
    words are the same figure, unless the text gives it the opposite direction.
    """
    spans = ctx.find_number_text(mention.text)
    for quoted in ctx.overlapping(spans):
        said = ctx.direction(quoted)
        if mention.direction is None or said is None or said is mention.direction:
            return True
    return False


def check_free_text(
    ctx: SourceContext, field: str, text: str, extract: Extractor
) -> tuple[list[Discrepancy], int]:
    """Discrepancies for the numbers in one free-text field, and how many were checked."""
    found: list[Discrepancy] = []
    checked = 0
    for mention in extract(text):
        if not mention.is_figure or is_party_count(mention):
            continue
        checked += 1
        claim = Claim(
            field=field,
            magnitude=mention.value,
            unit=mention.unit,
            direction=mention.direction,
            label=_label(mention),
            strict_direction=False,
        )
        finding = reconcile(ctx, claim, [ctx.figures])
        if finding.ok or _quotes_source_figure(ctx, mention):
            continue
        assert finding.code is not None
        found.append(
            Discrepancy(
                code=finding.code,
                field=field,
                claim=mention.text,
                source=finding.source,
                spans=finding.spans(),
                message=finding.message,
            )
        )
    return found, checked
