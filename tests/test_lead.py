"""The framed record's summary is the article's lead, in the source's own words."""

from __future__ import annotations

from summarizer.extraction.lead import LEAD_CHARS, lead


def test_header_headline_and_dateline_are_left_out() -> None:
    text = (
        "date 1987-04-13\n"
        "HUNGARY RAISES PRICES IN EFFORT TO CURB DEFICIT\n\n"
        "BUDAPEST, April 13 - Hungary has announced sharp price increases for a range of "
        "food and consumer products.\n\n"
        "The official MTI news agency said the government decided subsidies had to be cut."
    )
    assert lead(text) == (
        "Hungary has announced sharp price increases for a range of food and consumer products."
    )


def test_a_header_on_the_lead_s_own_line_and_a_news_agency_dateline() -> None:
    assert lead(" date 2023-02-22 Minister Dien met Secretary Shen in Hanoi on Monday.") == (
        "Minister Dien met Secretary Shen in Hanoi on Monday."
    )
    text = "HÀ NỘI, May 5 (VNA) - The two ministers signed a trade deal. They met for an hour."
    assert lead(text) == "The two ministers signed a trade deal. They met for an hour."


def test_two_short_sentences_of_one_paragraph_are_the_lead_a_long_first_one_alone() -> None:
    first = "Exports of rice rose sharply in the first half of the year, officials said."
    second = "Shipments to the Philippines led the growth."
    assert lead(f"{first} {second}") == f"{first} {second}"
    assert lead(f"{first}\n\n{second}") == first  # the next paragraph is not the lead
    long_first = "The minister said " + "that trade grew and " * 20 + "that it will grow."
    assert len(long_first) > LEAD_CHARS
    assert lead(f"{long_first} {second}") == long_first


def test_lines_that_are_not_prose_are_skipped_and_no_prose_gives_nothing() -> None:
    assert lead("Strong Won Concerns\n\nAs the year closed, the won rose to 1,070 won.") == (
        "As the year closed, the won rose to 1,070 won."
    )
    assert lead("") == ""
    assert lead("Page 2 | Home") == ""


def test_a_capitals_line_is_a_headline_and_an_agency_dateline_is_left_out() -> None:
    assert lead("TAIWAN WINS ACCORD FROM U.S.\n\nTaiwan and the U.S. have revised their pact.") == (
        "Taiwan and the U.S. have revised their pact."
    )
    assert lead("Hanoi (VNA) – Lao Prime Minister Thongloun Sisoulith will visit Vietnam.") == (
        "Lao Prime Minister Thongloun Sisoulith will visit Vietnam."
    )


def test_an_article_in_capitals_still_has_a_lead() -> None:
    assert lead(
        "JAPAN RAISES ITS RICE IMPORTS AGAIN.\nTHE MINISTRY SAID IMPORTS WOULD RISE BY TEN PCT."
    ) == ("JAPAN RAISES ITS RICE IMPORTS AGAIN.")
