"""Parts the record presents as a breakdown (`Figure.part_of`) must add up to the total.

Tolerance: the sum may differ from the total by half the last written place of every
number involved (695.2 million + 658 million = 1.3532 billion is consistent with a
stated 1.35 billion: allowed 0.05 + 0.5 + 5 million). When the parts are the source's
own numbers and the total is not, the source contradicts the total (total_contradicted);
otherwise the breakdown itself is wrong (breakdown_mismatch).
"""

from __future__ import annotations

from decimal import Decimal

from summarizer.crosscheck.figures import Finding
from summarizer.crosscheck.quantities import describe, significant_step, written_step
from summarizer.domain import Discrepancy, Figure, ReasonCode, SourceSpan


def _step(figure: Figure, finding: Finding) -> Decimal:
    if finding.ok and finding.mention is not None:
        return max(
            written_step(finding.mention.text, finding.mention.value),
            significant_step(figure.value),
        )
    return significant_step(figure.value)


def check_breakdowns(figures: list[Figure], findings: list[Finding]) -> list[Discrepancy]:
    """Discrepancies for every figure group linked by `part_of`."""
    found: list[Discrepancy] = []
    groups: dict[int, list[int]] = {}
    for index, figure in enumerate(figures):
        if figure.part_of is None:
            continue
        if figure.part_of == index or figure.part_of >= len(figures):
            found.append(
                Discrepancy(
                    code=ReasonCode.breakdown_mismatch,
                    field=f"figures[{index}].part_of",
                    claim=str(figure.part_of),
                    message=(
                        f"figures[{index}].part_of points at figure {figure.part_of}, "
                        "which is not another figure of this record."
                    ),
                )
            )
            continue
        groups.setdefault(figure.part_of, []).append(index)
    for total_index, parts in sorted(groups.items()):
        found.extend(_check_group(figures, findings, total_index, parts))
    return found


def _check_group(
    figures: list[Figure], findings: list[Finding], total_index: int, parts: list[int]
) -> list[Discrepancy]:
    total = figures[total_index]
    names = " + ".join(f"figures[{p}]" for p in parts)
    field = f"figures[{parts[0]}].part_of"
    units = {figures[p].unit for p in parts}
    if units != {total.unit}:
        return [
            Discrepancy(
                code=ReasonCode.breakdown_mismatch,
                field=field,
                claim=f"{names} are parts of figures[{total_index}]",
                message=(
                    f"{names} (in {', '.join(sorted(units))}) cannot add up to "
                    f"figures[{total_index}] (in {total.unit}); fix part_of or the units."
                ),
            )
        ]
    parts_sum = sum((figures[p].value for p in parts), Decimal(0))
    tolerance = (
        sum((_step(figures[p], findings[p]) for p in parts), Decimal(0))
        + _step(total, findings[total_index])
    ) / 2
    if abs(parts_sum - total.value) <= tolerance:
        return []
    sum_text = describe(parts_sum, total.unit)
    total_text = describe(total.value, total.unit)
    spans = [
        SourceSpan(start=f.mention.start, end=f.mention.end, text=f.mention.text)
        for f in (findings[p] for p in [*parts, total_index])
        if f.ok and f.mention is not None
    ]
    parts_verified = all(findings[p].ok for p in parts)
    if parts_verified and not findings[total_index].ok:
        return [
            Discrepancy(
                code=ReasonCode.total_contradicted,
                field=f"figures[{total_index}].value",
                claim=total_text,
                source=sum_text,
                spans=spans,
                message=(
                    f"figures[{total_index}].value: the source's own parts ({names}) add up "
                    f"to {sum_text}, not {total_text}."
                ),
            )
        ]
    return [
        Discrepancy(
            code=ReasonCode.breakdown_mismatch,
            field=field,
            claim=f"{names} = {sum_text}",
            source=total_text,
            spans=spans,
            message=(
                f"{names} add up to {sum_text}, which does not match the total "
                f"figures[{total_index}] = {total_text}."
            ),
        )
    ]
