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
