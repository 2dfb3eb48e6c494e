"""Numbers inside free text (summary, topics, outcomes, titles) must be in the source.

Free text is read with the same extractor as the source, so "6.2 billion USD" in a
summary and in the article normalise to the same value. Dates and years are not figures
and are not checked here. A direction is flagged only when the text states the opposite
of the source (free text often omits "up"/"down").
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.crosscheck.context import SourceContext
from summarizer.crosscheck.figures import Claim, claim_label, reconcile
from summarizer.domain import Discrepancy, NumericMention

Extractor = Callable[[str], list[NumericMention]]


def check_free_text(
    ctx: SourceContext, field: str, text: str, extract: Extractor
) -> tuple[list[Discrepancy], int]:
    """Discrepancies for the numbers in one free-text field, and how many were checked."""
    found: list[Discrepancy] = []
    checked = 0
    for mention in extract(text):
        if not mention.is_figure:
            continue
        checked += 1
        claim = Claim(
            field=field,
            magnitude=mention.value,
            unit=mention.unit,
            direction=mention.direction,
            label=f"'{mention.text}' "
            f"({claim_label(mention.value, mention.unit, mention.direction)})",
            strict_direction=False,
        )
        finding = reconcile(ctx, claim, [ctx.figures])
        if finding.ok:
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
