"""Whose rank a rank figure is (`extraction.ranks`): the holder the sentence names, the
owner and the ranked noun, all in the source's words."""

from __future__ import annotations

import pytest

from summarizer.extraction.ranks import rank_holder_metric
from summarizer.numbers import extract_mentions


def _metric(sentence: str, rank: str) -> str | None:
    mention = next(m for m in extract_mentions(sentence) if rank in m.text)
    return rank_holder_metric(sentence, mention.start, mention)


@pytest.mark.parametrize(
    ("sentence", "rank", "metric"),
    [
        (
            "UFJ Holdings, Japan's fourth-largest bank, has been at the centre of a bid battle.",
            "fourth-largest",
            "UFJ Holdings: Japan's fourth-largest bank",
        ),
        (
            "The offer came from Mitsubishi Tokyo Financial Group (MTFG), Japan's "
            "second-largest bank.",
            "second-largest",
            "Mitsubishi Tokyo Financial Group: Japan's second-largest bank",
        ),
        (
            "Japan is Vietnam's largest ODA provider, second investor and fourth trade partner.",
            "largest ODA provider",
            "Japan: Vietnam's largest ODA provider",
        ),
        (
            "He said South Korea is the fourth largest importer of U.S. agricultural products.",
            "fourth largest",
            "South Korea: the fourth largest importer of U.S. agricultural products",
        ),
        (
            "In 1986 the EC was China's third largest trading partner, with imports rising.",
            "third largest",
            "EC: China's third largest trading partner",
        ),
    ],
)
def test_a_rank_names_its_holder(sentence: str, rank: str, metric: str) -> None:
    assert _metric(sentence, rank) == metric


def test_a_rank_in_a_list_after_one_copula_keeps_the_holder() -> None:
    sentence = "China continues to be the largest supplier and the second-largest export market."
    assert _metric(sentence, "second-largest") == "China: the second-largest export market"
    of_whom = "Vietnam has become the fifth largest export market of China."
    assert _metric(of_whom, "fifth largest") == "Vietnam: the fifth largest export market of China"


def test_no_holder_no_metric() -> None:
    sentence = "Exports fell for the 14th consecutive month."
    assert _metric(sentence, "14th") is None


def test_every_rank_of_a_list_is_the_lists_owner() -> None:
    closing = "Brazil stayed the top supplier, largest buyer and the third investor of Peru."
    assert _metric(closing, "top supplier") == "Brazil: the top supplier of Peru"
    assert _metric(closing, "largest buyer") == "Brazil: largest buyer of Peru"
    opening = "Korea is Ghana's largest lender, second donor and fifth trade partner."
    assert _metric(opening, "second donor") == "Korea: Ghana's second donor"
    assert _metric(opening, "fifth trade partner") == "Korea: Ghana's fifth trade partner"


def test_a_name_that_modifies_a_noun_is_no_owner() -> None:
    sentence = "China is the largest buyer of U.S. soybeans."
    assert _metric(sentence, "largest buyer") == "China: the largest buyer"
    other_verb = "Chile is the largest buyer and seller of Peru."
    assert _metric(other_verb, "largest buyer") == "Chile: the largest buyer"


def test_a_headline_dash_names_the_holder_and_in_names_where_it_ranks() -> None:
    headline = "Laos - Thailand's biggest trade partner in Southeast Asia: minister"
    assert _metric(headline, "biggest") == (
        "Laos: Thailand's biggest trade partner in Southeast Asia"
    )
    scoped = "Japan is the second largest investor in Cambodia, the agency said."
    assert _metric(scoped, "second largest") == "Japan: the second largest investor in Cambodia"
