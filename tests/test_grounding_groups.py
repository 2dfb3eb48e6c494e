"""Parties named as unnamed groups, and the one word a phrase may add (made-up source;
each rule has a case it applies to and one it leaves alone)."""

from __future__ import annotations

import pytest

from summarizer.crosscheck.grounding import _name_problem, _phrase_problem
from summarizer.crosscheck.wordmatch import SourceWords

SOURCE = (
    "Growers and consumers failed to agree on a quota formula for the world's cocoa "
    "trade. Andean nations and South Korean officials met in Lima. The Peru fishing pact "
    "was signed on Friday."
)
PARTY = "agreements[0].parties[0]"


@pytest.mark.parametrize(
    ("party", "grounded"),
    [
        ("cocoa consumers", True),  # a group the source names with a word of its sentence
        ("Andean countries", True),  # 'countries' for the source's 'nations'
        ("South Korean officials", True),
        ("tea and coffee consumers", False),  # the source never writes 'tea' or 'coffee'
        ("Japanese officials", False),  # a country the source never names is no added word
        ("Chilean countries", False),
    ],
)
def test_a_party_named_as_a_group(party: str, grounded: bool) -> None:
    problem = _name_problem(SourceWords(SOURCE), PARTY, party)
    assert (problem is None) is grounded


@pytest.mark.parametrize(
    ("title", "grounded"),
    [
        ("Peru fishing pact signed on Friday", True),
        ("Peru coastal fishing pact", True),  # one word of the model's own ('coastal')
        ("Peru-Japan fishing pact", False),  # 'Japan' is a country, not a description
        ("Peru-Japanese fishing pact", False),
    ],
)
def test_an_added_word_may_not_be_a_country(title: str, grounded: bool) -> None:
    problem = _phrase_problem(SourceWords(SOURCE), "agreements[0].title", title)
    assert (problem is None) is grounded
