"""Reconcile one numeric claim with the source's mentions: value, scale, unit, direction.

A claim is accepted when some candidate mention agrees on value (within the source's
own precision), unit and direction. Otherwise the most telling near miss names the
error, in this order: the same number with another unit (unit_mismatch /
percent_vs_points) or the opposite direction (direction_flip); the same digits at another
power of 1000 (scale_mismatch); a coarser rounding of a source number (rounding); else
not_in_source. Candidates are tried in priority order (the mention the record points at,
then the evidence, then the whole article), so messages quote the most relevant source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from summarizer.crosscheck.context import SourceContext
from summarizer.crosscheck.quantities import (
    describe,
    is_coarser_rounding,
    power_of_thousand_ratio,
    within_precision,
    written_step,
)
from summarizer.crosscheck.textfold import fold_query
from summarizer.domain import Direction, NumericMention, ReasonCode, SourceSpan
from summarizer.vocabulary import (
    UnitClass,
    compound_parts,
    noun_stem,
    unit_class,
    units_agree,
)

_WEAK = 6
"""Rank of a weak explanation: same number, unrelated unit."""

_FAR_RANKS = range(4, _WEAK)
"""Explanations a figure may take from outside its evidence: another scale, a rounding."""

_NOUN_WINDOW = 60
"""Characters after a number in which its counted noun must appear ("04 northern provinces")."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A number the record asserts, wherever it sits (a figure field or free text)."""

    field: str
    magnitude: Decimal
    unit: str | None
    direction: Direction | None
    label: str
    strict_direction: bool = True
    """Structured figures must match a decrease exactly; free text only flags opposites."""
    computed: bool = False
    """The value is the exact sum of the record's own parts: it may be finer than the
    source's rounded total ("1.3532 billion" for "US$1.35 billion")."""


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of reconciling one claim: a match, or a reason code and a message."""

    code: ReasonCode | None
    mention: NumericMention | None
    message: str = ""
    source: str | None = None

    @property
    def ok(self) -> bool:
        return self.code is None

    def spans(self) -> list[SourceSpan]:
        if self.mention is None:
            return []
        return [SourceSpan(start=self.mention.start, end=self.mention.end, text=self.mention.text)]


def _step(mention: NumericMention) -> Decimal:
    return written_step(mention.text, mention.value)


def _values(mention: NumericMention) -> list[Decimal]:
    return [mention.value] if mention.value_high is None else [mention.value, mention.value_high]


_WORD_TOLERANCE = Decimal("0.015")
"""Multiples, fractions and ratios in words are exact (one-third); 0.33 is within 1.5%."""

_PERCENT_WORDS = re.compile(r"%|\bper\s?cent|\bpct\b|\bpercent|\bpoints?\b", re.IGNORECASE)


def value_agrees(claim: Claim, mention: NumericMention) -> bool:
    """The claim's magnitude is the mention's value (or range end) as the source states it.

    A value more precise than the source ("1.3 billion" for "US$1 billion") is not
    supported: only the source's own value is. Multiples, fractions and ratios may be
    written as rounded decimals (0.33 for "one-third").
    """
    if unit_class(mention.unit) in _DIMENSIONLESS_ROUNDED:
        return any(abs(claim.magnitude - v) <= abs(v) * _WORD_TOLERANCE for v in _values(mention))
    if claim.computed:
        step = _step(mention)
        return any(within_precision(claim.magnitude, v, step) for v in _values(mention))
    return any(claim.magnitude == v for v in _values(mention))


_DIMENSIONLESS_ROUNDED = frozenset((UnitClass.times, UnitClass.fraction, UnitClass.ratio))


def unit_problem(ctx: SourceContext, claim: Claim, mention: NumericMention) -> ReasonCode | None:
    """Why the claim's unit cannot be the mention's unit, or None when compatible.

    A source number whose unit is not stated next to it does not contradict a counted
    noun, a currency or a rate (the unit may be named elsewhere); a percentage needs a
    percent word in the same clause, or the number to be a change ("0.1 lower than").
    """
    mine, theirs = unit_class(claim.unit), unit_class(mention.unit)
    if mine is UnitClass.none:
        return None
    assert claim.unit is not None
    if {mine, theirs} == {UnitClass.percent, UnitClass.points}:
        return ReasonCode.percent_vs_points
    if theirs is UnitClass.none:
        if mine in (UnitClass.percent, UnitClass.points):
            clause = ctx.text[max(0, mention.start - 80) : mention.end + 40]
            if _PERCENT_WORDS.search(clause) or ctx.direction(mention) is not None:
                return None  # "0.1 lower than a year ago": a change, its unit unstated
            return ReasonCode.unit_mismatch
        return None
    assert mention.unit is not None
    if units_agree(claim.unit, mention.unit):
        return None
    if mine is UnitClass.compound and theirs is not UnitClass.compound:
        parts = compound_parts(claim.unit)
        assert parts is not None
        if units_agree(parts[0], mention.unit):
            return None  # "1,070 won" for KRW per USD: the denominator is left unstated
    if mine is UnitClass.noun and theirs in (UnitClass.noun, UnitClass.compound):
        stems = {noun_stem(word) for word in claim.unit.split() if len(word) > 2}
        if stems & {noun_stem(word) for word in fold_query(mention.text).split()}:
            return None  # "ministries and central agencies" for "20 ministries"
    return ReasonCode.unit_mismatch


def _named_after(ctx: SourceContext, mention: NumericMention, noun: str) -> bool:
    """A word of `noun` (singular or plural) appears in or just after the mention."""
    window = fold_query(mention.text + " " + ctx.text[mention.end : mention.end + _NOUN_WINDOW])
    stems = [noun_stem(word) for word in noun.split() if len(word) > 2]
    return any(stem and fold_query(stem) in window for stem in stems)


def direction_agrees(ctx: SourceContext, claim: Claim, mention: NumericMention) -> bool:
    """A claimed decrease needs a source decrease; a claimed increase must not be a fall."""
    if claim.direction is None or claim.direction is Direction.flat:
        return True
    said = ctx.direction(mention)
    if claim.direction is Direction.down:
        return said is Direction.down if claim.strict_direction else said is not Direction.up
    return said is not Direction.down


def _quote(mention: NumericMention) -> str:
    return f"'{mention.text}'"


def _said_direction(ctx: SourceContext, mention: NumericMention) -> str:
    said = ctx.direction(mention)
    if said is Direction.down:
        return "a decrease"
    if said is Direction.up:
        return "an increase"
    return "no decrease"


def reconcile(
    ctx: SourceContext,
    claim: Claim,
    tiers: list[list[NumericMention]],
    *,
    strong_tiers: int = 0,
) -> Finding:
    """Accept the claim against the first agreeing candidate, else name the nearest miss.

    `tiers` are candidate groups in priority order (the mention the record points at,
    the evidence, the whole article); a miss is explained from the first tier that
    offers an explanation. Only the first `strong_tiers` tiers may explain a miss as a
    number with an unrelated unit (a count of other things, a percent for an amount), and,
    when there are such tiers, as the same number with another direction or unit.
    """
    for tier in tiers:
        for mention in tier:
            if (
                value_agrees(claim, mention)
                and unit_problem(ctx, claim, mention) is None
                and direction_agrees(ctx, claim, mention)
            ):
                return Finding(None, mention)
    for number, tier in enumerate(tiers):
        explanations = [e for m in tier if (e := explain(ctx, claim, m)) is not None]
        if number >= strong_tiers:
            # Far from where the record points, a number with another unit is a coincidence;
            # so is one with another direction or percent/points where the record points
            # somewhere (its evidence): an invented 1.1% is no misread "1.1 point" elsewhere.
            far = _FAR_RANKS if strong_tiers else range(_WEAK)
            explanations = [e for e in explanations if e[0] in far]
        if explanations:
            return min(explanations, key=lambda pair: pair[0])[1]
    everything = [m for tier in tiers for m in tier]
    nearest = _nearest(ctx, claim, everything)
    hint = f"; the nearest source figure is {_quote(nearest)}" if nearest is not None else ""
    return Finding(
        ReasonCode.not_in_source,
        nearest,
        f"{claim.field}: the source does not contain {claim.label}{hint}.",
        nearest.text if nearest is not None else None,
    )


def _same_family(claim: Claim, mention: NumericMention) -> bool:
    mine, theirs = unit_class(claim.unit), unit_class(mention.unit)
    return mine is theirs or UnitClass.none in (mine, theirs)


def explain(
    ctx: SourceContext, claim: Claim, mention: NumericMention
) -> tuple[int, Finding] | None:
    """Why this mention is not the claim, ranked (lower is a more telling explanation)."""
    problem = unit_problem(ctx, claim, mention)
    said = _quote(mention)
    if value_agrees(claim, mention):
        if problem is None and not direction_agrees(ctx, claim, mention):
            return 1, Finding(
                ReasonCode.direction_flip,
                mention,
                f"{claim.field}: the source gives {_said_direction(ctx, mention)} "
                f"({said}), so {claim.label} has the wrong direction.",
                mention.text,
            )
        if problem is ReasonCode.percent_vs_points:
            kind = "percentage-point" if mention.unit == "percentage_point" else "percent"
            return 2, Finding(
                problem,
                mention,
                f"{claim.field}: the source says {said}, a {kind} figure, not {claim.label}.",
                mention.text,
            )
        if problem is not None:
            strong = _same_family(claim, mention) and unit_class(claim.unit) is not UnitClass.noun
            rank = 3 if strong else _WEAK
            return rank, Finding(
                problem,
                mention,
                f"{claim.field}: the source says {said} "
                f"(unit {mention.unit or 'none stated'}), not {claim.label}.",
                mention.text,
            )
    if problem is not None:
        return None
    step = _step(mention)
    if any(power_of_thousand_ratio(claim.magnitude, v) for v in _values(mention)):
        return 4, Finding(
            ReasonCode.scale_mismatch,
            mention,
            f"{claim.field}: the source says {said}, not {claim.label} "
            "(wrong scale: thousand/million/billion).",
            mention.text,
        )
    if any(is_coarser_rounding(claim.magnitude, v, step) for v in _values(mention)):
        return 5, Finding(
            ReasonCode.rounding,
            mention,
            f"{claim.field}: the source says {said}; {claim.label} rounds it more coarsely "
            "than the source states it — give the source's figure.",
            mention.text,
        )
    return None


def _nearest(
    ctx: SourceContext, claim: Claim, candidates: list[NumericMention]
) -> NumericMention | None:
    """The candidate with a compatible unit closest in value, for the message only."""
    usable = [m for m in candidates if unit_problem(ctx, claim, m) is None] or candidates
    if not usable:
        return None
    return min(usable, key=lambda m: abs(m.value - claim.magnitude))


def claim_label(value: Decimal, unit: str | None, direction: Direction | None) -> str:
    """How a claim reads in a message: '6.2 million USD', 'an increase of 10.5%'."""
    text = describe(abs(value), unit)
    if direction is Direction.down:
        return f"a decrease of {text}"
    if direction is Direction.up:
        return f"an increase of {text}"
    return text
