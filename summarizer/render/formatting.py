"""How a record's values read, for every renderer: figures, agreement statuses.

The one home of display formatting: the one-record Markdown (`render.record_markdown`)
and the briefing (`summarizer.brief`, all three formats) both call it, so the same
figure never reads two ways. Every number goes through `format_figure`, which reads the
validated ``Decimal`` (and its unit, kind, direction and qualifier) and never the
model's ``text`` field, so nothing printed differs from what the cross-check saw.
"""

from __future__ import annotations

from decimal import Decimal

from summarizer.domain import AgreementStatus, Direction, Figure, FigureKind, Qualifier
from summarizer.frames import frames_for
from summarizer.numbers import extract_mentions

MINUS = "\u2212"
"""The typographic minus sign: a hyphen in front of a number reads as a dash."""

_SCALES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)

_CURRENCY_PREFIX: dict[str, str] = {
    "USD": "US$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "AUD": "A$",
    "CAD": "C$",
    "SGD": "S$",
    "HKD": "HK$",
}

_QUALIFIER_WORDS: dict[Qualifier, str] = {
    Qualifier.over: "over",
    Qualifier.more_than: "more than",
    Qualifier.at_least: "at least",
    Qualifier.about: "about",
    Qualifier.nearly: "nearly",
    Qualifier.almost: "almost",
    Qualifier.under: "under",
    Qualifier.less_than: "less than",
    Qualifier.up_to: "up to",
}


def plain_decimal(value: Decimal) -> str:
    """Exact digits without exponent or trailing zeros: 1.3500E+9 -> '1350000000'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def group_thousands(value: Decimal) -> str:
    """Exact digits with comma thousands separators: 12500.5 -> '12,500.5'."""
    digits = plain_decimal(abs(value))
    whole, _, fraction = digits.partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{fraction}" if fraction else grouped


def scaled_magnitude(value: Decimal) -> str:
    """An absolute amount with a scale word when it is large: 1350000000 -> '1.35 billion'."""
    magnitude = abs(value)
    for factor, word in _SCALES:
        if magnitude >= factor:
            return f"{group_thousands(magnitude / factor)} {word}"
    return group_thousands(magnitude)


def _sign(value: Decimal, kind: FigureKind, direction: Direction | None) -> str:
    """Changes always carry a sign; other figures only when negative."""
    if value < 0:
        return MINUS
    if kind == FigureKind.change and value > 0:
        return "+"
    if kind == FigureKind.change and direction == Direction.flat:
        return "±"
    return ""


def _ordinal_suffix(value: Decimal) -> str:
    if value != value.to_integral_value():
        return ""
    number = int(abs(value))
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def format_value(
    value: Decimal,
    unit: str,
    kind: FigureKind,
    direction: Direction | None = None,
    qualifier: Qualifier | None = None,
) -> str:
    """Format one value: 'US$1.35 billion', '+56 %', '−10.5 %', 'over 95 %', '4 provinces'."""
    sign = _sign(value, kind, direction)
    if unit == "percent":
        body = f"{sign}{plain_decimal(abs(value))} %"
    elif unit == "percentage_point":
        points = "point" if abs(value) == 1 else "points"
        body = f"{sign}{plain_decimal(abs(value))} percentage {points}"
    elif unit.isupper():
        amount = scaled_magnitude(value)
        prefix = _CURRENCY_PREFIX.get(unit)
        body = f"{sign}{prefix}{amount}" if prefix else f"{sign}{amount} {unit}"
    elif kind == FigureKind.ordinal:
        body = f"{sign}{plain_decimal(abs(value))}{_ordinal_suffix(value)} {unit}"
    else:
        body = f"{sign}{scaled_magnitude(value)} {unit}"
    if qualifier is not None:
        return f"{_QUALIFIER_WORDS[qualifier]} {body}"
    return body


def format_figure(figure: Figure) -> str:
    """Format a record's figure from its validated fields (never from `figure.text`)."""
    return format_value(figure.value, figure.unit, figure.kind, figure.direction, figure.qualifier)


AGREEMENT_ORDER: tuple[tuple[AgreementStatus, str], ...] = (
    (AgreementStatus.signed, "Signed"),
    (AgreementStatus.agreed_in_principle, "Agreed in principle"),
    (AgreementStatus.under_negotiation, "Under negotiation"),
    (AgreementStatus.proposed, "Proposed"),
    (AgreementStatus.in_force, "In force"),
)
"""Agreement statuses in the order renderers list them, with their headings: what the
news moved (signed, agreed, negotiating, proposed) first, standing agreements last."""


def figure_clause(figure: Figure) -> str:
    """The clause of the figure's evidence that states it (its frame), read without the
    source: the evidence sentence is the figure's own quote of it."""
    mentions = extract_mentions(figure.evidence)
    frames = frames_for(figure.evidence, mentions)
    wanted = figure.text or ""
    for mention in mentions:
        frame = frames.get(mention.id)
        if frame is not None and wanted and (wanted in mention.text or mention.text in wanted):
            return frame.clause.text
    return figure.evidence
