"""Figure values are printed from the record's Decimal with unit, scale and sign."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from summarizer.domain import Direction, Figure, FigureKind, Qualifier
from summarizer.render.formatting import format_figure, format_value, plain_decimal


@pytest.mark.parametrize(
    ("value", "unit", "kind", "direction", "qualifier", "expected"),
    [
        ("1350000000", "USD", FigureKind.amount, None, None, "US$1.35 billion"),
        ("1353200000", "USD", FigureKind.amount, None, None, "US$1.3532 billion"),
        ("695200000", "USD", FigureKind.amount, None, None, "US$695.2 million"),
        ("35.7E9", "USD", FigureKind.amount, None, None, "US$35.7 billion"),
        ("12500000000000", "VND", FigureKind.amount, None, None, "12.5 trillion VND"),
        ("2500000", "EUR", FigureKind.amount, None, Qualifier.about, "about €2.5 million"),
        ("-2000000000", "USD", FigureKind.change, Direction.down, None, "−US$2 billion"),
        ("56", "percent", FigureKind.change, Direction.up, None, "+56 %"),
        ("-10.5", "percent", FigureKind.change, Direction.down, None, "−10.5 %"),
        ("0", "percent", FigureKind.change, Direction.flat, None, "±0 %"),
        ("95", "percent", FigureKind.share, None, Qualifier.over, "over 95 %"),
        ("20.10", "percent", FigureKind.share, None, None, "20.1 %"),
        (
            "0.5",
            "percentage_point",
            FigureKind.change,
            Direction.up,
            None,
            "+0.5 percentage points",
        ),
        ("4", "provinces", FigureKind.count, None, None, "4 provinces"),
        (
            "12500",
            "workers",
            FigureKind.count,
            None,
            Qualifier.more_than,
            "more than 12,500 workers",
        ),
        ("21", "edition", FigureKind.ordinal, None, None, "21st edition"),
        ("12", "edition", FigureKind.ordinal, None, None, "12th edition"),
        ("3", "round", FigureKind.ordinal, None, None, "3rd round"),
    ],
)
def test_format_value(
    value: str,
    unit: str,
    kind: FigureKind,
    direction: Direction | None,
    qualifier: Qualifier | None,
    expected: str,
) -> None:
    assert format_value(Decimal(value), unit, kind, direction, qualifier) == expected


def test_plain_decimal_never_uses_exponent_or_rounds() -> None:
    assert plain_decimal(Decimal("1.35E+9")) == "1350000000"
    assert plain_decimal(Decimal("0.000123")) == "0.000123"
    assert plain_decimal(Decimal("-0.0")) == "0"
    assert plain_decimal(Decimal("123456789.987654321")) == "123456789.987654321"


def test_format_figure_reads_the_value_not_the_text() -> None:
    figure = Figure(
        value=Decimal("1400000000"),
        unit="USD",
        kind=FigureKind.amount,
        metric="trade",
        text="US$1.35 billion",
        evidence="Trade reached US$1.35 billion.",
    )
    assert format_figure(figure) == "US$1.4 billion"


def test_one_record_markdown_shows_the_clause_with_controls_escaped() -> None:
    """`summarize --format md` prints the clause too, and no control or bidi character of
    the article or the model reaches the terminal unescaped."""
    from support.outcomes import outcome_of
    from test_brief_render import _input_with_controls

    from summarizer.domain import Verdict
    from summarizer.render.record_markdown import render_outcome_markdown

    item = _input_with_controls()
    verdict = Verdict(status="accepted", numbers_checked=1)
    markdown = render_outcome_markdown(outcome_of(item.article, item.record, verdict))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", markdown)
    figure_row = next(line for line in markdown.splitlines() if "US$5 billion" in line)
    assert r"USD\x1b[2K\x0dsource agrees \u202e9 noillib\u202c in 2024." in figure_row
    assert markdown.startswith(r"# Title\x1b]0;pwned\x07")
