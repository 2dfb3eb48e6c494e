"""Meeting dates are resolved from the source's words against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.crosscheck import resolve_date_text

D = dt.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Monday", D(2023, 10, 3), D(2023, 10, 2)),
        ("August 30", D(2024, 8, 31), D(2024, 8, 30)),
        ("On the afternoon of November 26", D(2025, 11, 27), D(2025, 11, 26)),
        ("February 22", D(2023, 2, 22), D(2023, 2, 22)),
        ("on December 30", D(2024, 1, 2), D(2023, 12, 30)),
        ("30 August 2019", D(2024, 8, 31), D(2019, 8, 30)),
        ("Nov. 26, 2025", None, D(2025, 11, 26)),
        ("ngày 26/11", D(2025, 11, 27), D(2025, 11, 26)),
        ("2023-02-22", None, D(2023, 2, 22)),
        ("yesterday", D(2025, 3, 1), D(2025, 2, 28)),
        ("on Tuesday", D(2023, 10, 3), D(2023, 10, 3)),
    ],
)
def test_resolves_against_publication(text: str, published: D | None, expected: D) -> None:
    assert resolve_date_text(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [("on Monday", None), ("August 30", None), ("last year", D(2024, 1, 1)), ("February 30", None)],
)
def test_unresolvable_text_gives_none(text: str, published: D | None) -> None:
    assert resolve_date_text(text, published) is None


def test_a_future_weekday_resolves_forward() -> None:
    """'will leave for Washington on Monday' is the coming Monday, not the one before."""
    import datetime as dt

    from summarizer.crosscheck.dates import check_date
    from summarizer.crosscheck.textfold import fold
    from summarizer.extraction.convert import resolve_date

    source = "SEOUL, April 14 - The minister will leave for Washington on Monday for talks."
    published = dt.date(2025, 4, 14)  # a Monday: the coming Monday is April 21
    assert resolve_date("on Monday", published, source) == dt.date(2025, 4, 14)
    tuesday = dt.date(2025, 4, 15)
    assert resolve_date("on Monday", tuesday, source) == dt.date(2025, 4, 21)
    folded = fold(source)
    assert check_date(folded, "meetings[0]", dt.date(2025, 4, 21), "on Monday", tuesday) == []
    wrong = check_date(folded, "meetings[0]", dt.date(2025, 4, 14), "on Monday", tuesday)
    assert [d.code for d in wrong] == ["date_mismatch"]
    past = "SEOUL, April 15 - The minister met his counterpart on Monday."
    assert resolve_date("on Monday", tuesday, past) == dt.date(2025, 4, 14)


def test_a_wire_dateline_after_the_header_and_headline_is_the_dateline() -> None:
    from summarizer.crosscheck.datelines import dateline_spans

    text = (
        "date 1987-03-03\nTAIWAN REJECTS TEXTILE MAKER PLEA\n\n"
        "TAIPEI, March 3 - Central bank governor Chang Chi-cheng rejected a request, "
        "made last Saturday, by textile makers."
    )
    assert [text[a:b] for a, b in dateline_spans(text)][:2] == [
        "date 1987-03-03",
        "TAIPEI, March 3 -",
    ]
