"""A number's role in its clause (level, change, share) from the words around it.
Sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.domain import Qualifier
from summarizer.frames import FrameRole, frames_for
from summarizer.numbers import extract_mentions


def _role(text: str, number: str) -> FrameRole:
    mentions = extract_mentions(text)
    frames = frames_for(text, mentions, dt.date(2024, 6, 1))
    (frame,) = [frames[m.id] for m in mentions if m.text.startswith(number) and m.id in frames]
    return frame.role


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The euro stood at $1.10, two cents weaker than before the data.", "two cents"),
        ("The deficit was $3bn larger than a year earlier.", "$3bn"),
        ("Sales were 4% lower than in May.", "4%"),
    ],
)
def test_a_comparative_after_the_number_makes_it_a_change(text: str, number: str) -> None:
    assert _role(text, number) is FrameRole.change


def test_a_number_with_no_change_word_is_a_level() -> None:
    assert _role("The euro stood at $1.10 on Friday.", "$1.10") is FrameRole.level


def _qualifier(text: str, number: str) -> Qualifier | None:
    mentions = extract_mentions(text)
    frames = frames_for(text, mentions, dt.date(2024, 6, 1))
    (frame,) = [frames[m.id] for m in mentions if m.text.endswith(number) and m.id in frames]
    return frame.qualifier


@pytest.mark.parametrize(
    ("text", "number", "qualifier"),
    [
        ("Exports could not exceed 600,000 tonnes in 1988.", "600,000 tonnes", Qualifier.up_to),
        ("Exports exceeded 600,000 tonnes in 1988.", "600,000 tonnes", Qualifier.over),
        ("The envoy was handing over 11 letters of intent.", "11 letters", None),
    ],
)
def test_a_negated_excess_is_a_cap_and_a_particle_no_hedge(
    text: str, number: str, qualifier: Qualifier | None
) -> None:
    assert _qualifier(text, number) is qualifier


def test_made_up_is_a_share_not_a_rise() -> None:
    import datetime as dt

    from summarizer.extraction.convert import to_extraction
    from summarizer.extraction.requests import find_mentions
    from summarizer.extraction.wire import FramedExtraction

    def figures(text: str) -> dict[str, tuple[str, str]]:
        draft = FramedExtraction(summary="x", meetings=[])
        record = to_extraction(draft, text, find_mentions(text), dt.date(2005, 1, 1))
        return {f.text: (f.kind.value, f.metric) for f in record.figures}

    text = "Exports to the US made up 30 percent of Vietnam's total exports."
    assert figures(text)["30 percent"] == (
        "share",
        "Exports to the US as a share of Vietnam's total exports",
    )
    text = "China accounted for 20.1% of Japan's trade in 2004."
    assert figures(text)["20.1%"] == ("share", "China's share of Japan's trade")
    assert figures("Prices picked up 5 percent.")["5 percent"][0] == "change"
