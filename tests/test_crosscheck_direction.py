"""Which way a source number moved: the change word must govern the number.

Sentences are written for these tests (none is from the development corpus or the seeds).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support.crosscheck import fig, record

from summarizer.crosscheck import check_record
from summarizer.crosscheck.context import SourceContext
from summarizer.domain import Direction, ReasonCode, VerdictStatus
from summarizer.numbers import extract_mentions


def _direction(source: str, text: str) -> Direction | None:
    ctx = SourceContext(text=source, mentions=extract_mentions(source))
    at = source.index(text)
    (mention,) = [m for m in ctx.figures if m.start <= at < m.end]
    return ctx.direction(mention)


@pytest.mark.parametrize(
    ("source", "number", "expected"),
    [
        # "from X": X is the earlier level; "to X": the new level.
        ("Output growth was 4.2% last year, down from 6.5% the year before.", "6.5%", None),
        ("Sales slid to 3.1 billion dollars in May.", "3.1 billion", None),
        ("The jobless rate fell to only 4.4 percent.", "4.4 percent", None),
        ("The tariff will be reduced to nil from 8 pct next year.", "8 pct", None),
        # Another clause, a comparison, or a figure stands between word and number.
        (
            "Wheat sank to 210 dollars a tonne, which was a lower price than Canada's "
            "wheat offered at 230 dollars a tonne.",
            "230 dollars",
            None,
        ),
        (
            "Revenue is on a shrinking path as the monthly average was 12.5 billion dollars.",
            "12.5 billion",
            None,
        ),
        ("Rents dropped 40 dollars to 910 dollars a month.", "910 dollars", None),
        ("Car sales were down to 51,000 against 64,000 a year earlier.", "64,000", None),
        ("Imports were down on the 4.1 billion dlrs of May.", "4.1 billion", None),
        # A number inside a noun phrase ("the ... 25 percent tariffs") is no change size.
        ("Seoul seeks an easing of the planned 30 percent duties.", "30 percent", None),
        ("The yen's rise in the past 14 months helped exporters.", "14 months", None),
        # A threshold crossed is a level.
        ("Inflation dipped below 3 percent for the first time.", "3 percent", None),
        # A participle describing a noun does not govern the number.
        ("Shrinking exports contributed 0.5 point to growth.", "0.5 point", None),
        # The change word governs the number, however far, when "by" comes last.
        (
            "Fuel subsidies were slashed across the northern provinces by about 12 percent.",
            "12 percent",
            Direction.down,
        ),
        (
            "Services added 0.6 point while net exports shaved off 0.9 point.",
            "0.9 point",
            Direction.down,
        ),
        ("Stockbuilding subtracted 0.2 point from growth.", "0.2 point", Direction.down),
        # A bracketed restatement and a bare list move with the figure they follow.
        (
            "Sugar would have to drop another 2,000 rupees a tonne (about 24 dollars) first.",
            "24 dollars",
            Direction.down,
        ),
        (
            "Turnover came to 9.1 billion francs, or 1.3 billion francs "
            "(0.2 billion dollars) less than a year earlier.",
            "1.3 billion",
            Direction.down,
        ),
        ("Exports rose 4 pct and 6 pct in the two quarters.", "6 pct", Direction.up),
        # A percentage before the noun it is the rate of is a level.
        ("Officials backed dropping 40 pct import duties on cars.", "40 pct", None),
        # A comparative right after the number says which way it moved.
        ("The euro was two cents weaker than before the data.", "two cents", Direction.down),
        ("The yuan ended 1.5 percent stronger than in May.", "1.5 percent", Direction.up),
        # "by" with the change word left out: the same change as the figure before.
        ("Copper fell by 12% in March - and by 4% in April.", "4%", Direction.down),
        ("Copper fell by 12% in March. Tin output should be decided by 4%.", "4%", None),
    ],
)
def test_the_change_word_must_govern_the_number(
    source: str, number: str, expected: Direction | None
) -> None:
    assert _direction(source, number) is expected


SOURCE = (
    "Farm output added 0.2 point to growth in the quarter, while mining knocked off 0.2. "
    "Factory output was 0.3 lower than a year earlier. "
    "Deposits rose to 88.2 billion dlrs against 90.5 and 71.4 billion a year ago. "
    "Growth in steel output slowed to 5.1% this year, down from 9.3% last year."
)


def test_a_growth_rate_after_down_from_is_not_a_decrease() -> None:
    growth = fig(SOURCE, "9.3%", "9.3", "percent", "change", direction="up")
    assert check_record(SOURCE, record(growth)).status == VerdictStatus.accepted


def test_the_quoted_figure_decides_the_direction_not_a_twin_elsewhere() -> None:
    # "knocked off 0.2" recorded as a rise; "added 0.2 point" elsewhere does not excuse it.
    figure = fig(SOURCE, "knocked off 0.2", "0.2", "percentage_point", "change", direction="up")
    codes = {d.code for d in check_record(SOURCE, record(figure)).discrepancies}
    assert codes == {ReasonCode.direction_flip}


def test_a_level_recorded_as_a_fall_is_a_direction_flip() -> None:
    # "slid to 3.1 billion": 3.1 billion is where sales ended, not how far they fell.
    source = "Sales slid to 3.1 billion dollars in May."
    fall = fig(source, "3.1 billion dollars", "-3100000000", "USD", "change", direction="down")
    codes = {d.code for d in check_record(source, record(fall)).discrepancies}
    assert codes == {ReasonCode.direction_flip}


def test_without_a_quoted_figure_the_evidence_decides_the_direction() -> None:
    source = "Wages rose 3 percent in May. Rents fell 3 percent in May."
    rise = fig(source, "fell 3 percent", "3", "percent", "change", direction="up")
    rise = rise.model_copy(update={"text": None})
    codes = {d.code for d in check_record(source, record(rise)).discrepancies}
    assert codes == {ReasonCode.direction_flip}
    fall = rise.model_copy(update={"value": Decimal("-3"), "direction": Direction.down})
    assert check_record(source, record(fall)).status == VerdictStatus.accepted
