"""The meaning benchmark's own rules for which mutations are errors: invented sentences."""

from __future__ import annotations

from summarizer.evaluation.meaning_mutations import _conversion_groups
from summarizer.numbers import extract_mentions


def _groups(text: str) -> list[int]:
    mentions = sorted((m for m in extract_mentions(text) if m.is_figure), key=lambda m: m.start)
    groups = _conversion_groups(text, mentions)
    return [groups[m.id] for m in mentions]


def test_an_amount_and_its_conversions_are_one_quantity() -> None:
    first, second, third = _groups("Ruritania made a hostile A$9bn ($6.9bn; £3.6bn) bid.")
    assert first == second == third


def test_amounts_in_two_currencies_said_of_two_things_are_two_quantities() -> None:
    first, second = _groups("Exports reached $5bn in May, while imports cost £3bn in June.")
    assert first != second
