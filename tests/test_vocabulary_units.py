"""When two spellings name one unit: the one vocabulary both the extractor and the checker
read (`summarizer.vocabulary`)."""

from __future__ import annotations

import pytest

from summarizer.vocabulary import units_agree


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("provinces", "northern provinces"),
        ("memoranda", "memoranda of understanding"),
        ("letters", "letters of interest"),
        ("USD per tonne", "dollars per tonne"),
        ("SUR", "RUB"),
    ],
)
def test_the_same_unit(a: str, b: str) -> None:
    assert units_agree(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("understandings", "memoranda of understanding"),
        ("interest", "letters of interest"),
        ("USD per tonne", "USD"),
        ("USD", "EUR"),
    ],
)
def test_different_units(a: str, b: str) -> None:
    assert not units_agree(a, b)
