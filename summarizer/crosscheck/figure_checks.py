"""Check each record figure: its evidence, its value against the source, its quoted text."""

from __future__ import annotations

from collections.abc import Callable

from summarizer.crosscheck.context import SourceContext
from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.figures import (
    Claim,
    Finding,
    claim_label,
    explain,
    reconcile,
    unit_problem,
    value_agrees,
)
from summarizer.crosscheck.quantities import describe
from summarizer.domain import (
    Direction,
    Discrepancy,
    Figure,
    FigureKind,
    NumericMention,
    ReasonCode,
    SourceSpan,
)
from summarizer.vocabulary import scale_multiplier

_SAME_NUMBER_CODES = frozenset((ReasonCode.direction_flip, ReasonCode.percent_vs_points))
"""Misses that name the quoted source figure itself: the same number, read otherwise."""

TextChecker = Callable[[str, str], list[Discrepancy]]
"""Checks the numbers inside a piece of free text: (field, text) -> discrepancies."""


def figure_claim(index: int, figure: Figure, *, computed: bool = False) -> Claim:
    """The claim a figure makes: magnitude, unit and, for changes or negatives, a direction.

    `computed` marks a total that is the exact sum of the record's parts.
    """
    direction = figure.direction
    if figure.value < 0:
        direction = Direction.down
    elif direction is None and figure.kind == FigureKind.change and figure.value > 0:
        direction = Direction.up
    return Claim(
        field=f"figures[{index}].value",
        magnitude=abs(figure.value),
        unit=figure.unit,
        direction=direction,
        label=claim_label(figure.value, figure.unit, direction),
        computed=computed,
    )


def _among(mention: NumericMention | None, group: list[NumericMention]) -> bool:
    """`mention` is one of `group` (by identity: mentions compare field by field, slowly)."""
    return any(mention is m for m in group)


def _ordered(*groups: list[NumericMention]) -> list[NumericMention]:
    seen: set[str] = set()
    out: list[NumericMention] = []
    for group in groups:
        for mention in group:
            if mention.id not in seen:
                seen.add(mention.id)
                out.append(mention)
    return out


def check_figure(
    ctx: SourceContext,
    index: int,
    figure: Figure,
    check_text: TextChecker,
    *,
    computed: bool = False,
) -> tuple[list[Discrepancy], Finding]:
    """All discrepancies of one figure, and the value finding (used by breakdown checks)."""
    found: list[Discrepancy] = []
    evidence_spans = locate_evidence(ctx.folded, figure.evidence)
    if not evidence_spans:
        found.append(
            Discrepancy(
                code=ReasonCode.evidence_not_in_source,
                field=f"figures[{index}].evidence",
                claim=figure.evidence,
                message=(
                    f"figures[{index}].evidence: this quote is not in the source; "
                    "copy the sentence holding the figure verbatim."
                ),
            )
        )
    text_spans = ctx.find_number_text(figure.text) if figure.text else []
    anchor = ctx.by_id.get(figure.mention_id) if figure.mention_id else None
    in_evidence = ctx.inside(evidence_spans)
    by_text = ctx.overlapping(text_spans)
    by_text_in_evidence = [m for m in by_text if _among(m, in_evidence)]
    claim = figure_claim(index, figure, computed=computed)
    anchored = _ordered(
        [anchor] if anchor is not None and anchor.is_figure else [], by_text_in_evidence, by_text
    )
    finding = reconcile(ctx, claim, [anchored, in_evidence, ctx.figures], strong_tiers=2)
    pointed: list[NumericMention] = []
    if finding.ok and not _among(finding.mention, anchored):
        # The quoted figure itself says otherwise ("knocked off 0.4" recorded as a rise):
        # the same number elsewhere does not make it right.
        pointed = by_text_in_evidence or ([anchor] if anchor is not None else [])
        finding = _contradicted(ctx, claim, pointed) or finding
    if finding.ok and evidence_spans and not pointed and not _among(finding.mention, in_evidence):
        # No quoted figure, and the value stands only outside the evidence: if the
        # evidence states the number otherwise, that is the error.
        local = reconcile(ctx, claim, [in_evidence], strong_tiers=1)
        if local.code in _SAME_NUMBER_CODES:
            finding = local
    if not finding.ok:
        assert finding.code is not None
        found.append(
            Discrepancy(
                code=finding.code,
                field=claim.field,
                claim=claim.label,
                source=finding.source,
                spans=finding.spans(),
                message=finding.message,
            )
        )
    elif evidence_spans and not _among(finding.mention, in_evidence):
        # The value is in the article, but is it in the quoted evidence?
        local = reconcile(ctx, claim, [in_evidence], strong_tiers=1)
        if local.ok:
            finding = local
        else:
            found.append(
                Discrepancy(
                    code=ReasonCode.evidence_missing_figure,
                    field=f"figures[{index}].evidence",
                    claim=figure.evidence,
                    source=finding.mention.text if finding.mention else None,
                    spans=[
                        SourceSpan(start=s, end=e, text=ctx.text[s:e]) for s, e in evidence_spans
                    ]
                    + finding.spans(),
                    message=(
                        f"figures[{index}].evidence: the quoted evidence does not contain "
                        f"{claim.label}; quote the sentence that states it."
                    ),
                )
            )
    found.extend(_check_text(ctx, index, figure, finding, text_spans, check_text))
    found.extend(_check_scale_word(index, figure, finding))
    return found, finding


def _contradicted(
    ctx: SourceContext, claim: Claim, pointed: list[NumericMention]
) -> Finding | None:
    """The quoted source figure with the claim's number, read with another direction or
    percent/points; None when the quoted figures do not contradict the claim."""
    for mention in pointed:
        explained = explain(ctx, claim, mention)
        if explained is not None and explained[1].code in _SAME_NUMBER_CODES:
            return explained[1]
    return None


def _check_scale_word(index: int, figure: Figure, finding: Finding) -> list[Discrepancy]:
    """The record's scale word ('million') must be the one the source uses for this figure."""
    mine = scale_multiplier(figure.scale)
    if mine is None or not finding.ok or finding.mention is None:
        return []
    theirs = scale_multiplier(finding.mention.scale)
    if theirs is None or theirs == mine:
        return []
    return [
        Discrepancy(
            code=ReasonCode.scale_mismatch,
            field=f"figures[{index}].scale",
            claim=figure.scale or "",
            source=finding.mention.text,
            spans=finding.spans(),
            message=(
                f"figures[{index}].scale: the source writes '{finding.mention.text}' "
                f"(scale {finding.mention.scale}), not {figure.scale}."
            ),
        )
    ]


def _check_text(
    ctx: SourceContext,
    index: int,
    figure: Figure,
    finding: Finding,
    text_spans: list[tuple[int, int]],
    check_text: TextChecker,
) -> list[Discrepancy]:
    """The quoted `text` must hold the figure; if it is not a source quote, check its numbers."""
    if not figure.text:
        return []
    field = f"figures[{index}].text"
    if not text_spans:
        return check_text(field, figure.text)
    if not finding.ok or finding.mention is None:
        return []  # the value discrepancy already says what is wrong
    quoted = ctx.overlapping(text_spans)
    if not quoted or _among(finding.mention, quoted):
        return []  # the text names no number the extractor saw, or the figure itself
    claim = figure_claim(index, figure)
    if any(value_agrees(claim, m) and unit_problem(ctx, claim, m) is None for m in quoted):
        return []  # the same figure, quoted where the article repeats it ("8.6%" in a headline)
    return [
        Discrepancy(
            code=ReasonCode.evidence_missing_figure,
            field=field,
            claim=figure.text,
            source=quoted[0].text,
            spans=[SourceSpan(start=m.start, end=m.end, text=m.text) for m in quoted],
            message=(
                f"{field}: the quoted text '{figure.text}' does not state "
                f"{describe(figure.value, figure.unit)}; quote the figure itself."
            ),
        )
    ]
