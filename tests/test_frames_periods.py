"""Which period words a figure's frame takes (`summarizer.frames`): the words in scope,
not another number's, with the year a year-less period means."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.extraction.requests import find_mentions
from summarizer.frames import Frame, frames_for, months_spanned, read_period
from summarizer.numbers import extract_mentions


def _frame(text: str, number: str, published: dt.date) -> Frame:
    mentions = extract_mentions(text)
    frames = frames_for(text, mentions, published)
    return frames[next(m for m in mentions if number in m.text).id]


def _period(text: str, number: str, published: dt.date) -> tuple[str | None, frozenset[int]]:
    frame = _frame(text, number, published)
    return (frame.period.text if frame.period else None), frame.years


def _reported(text: str, number: str, published: dt.date) -> tuple[str | None, str | None]:
    """(period in scope, period reported): the checker holds a record to the first."""
    frame = _frame(text, number, published)
    reported = frame.reported_period
    return (frame.period.text if frame.period else None), (reported.text if reported else None)


def test_a_period_without_a_year_is_the_latest_one_up_to_publication() -> None:
    august = dt.date(2018, 8, 8)
    text = "In July, exports rose by 6 percent to 1.39 trillion yuan."
    assert _period(text, "6 percent", august) == ("In July", frozenset({2018}))
    text = "Exports rose 5 percent in the first seven months, the customs office said."
    assert _period(text, "5 percent", august) == ("in the first seven months", frozenset({2018}))
    text = "Exports rose 5 percent in the January-July period."
    assert _period(text, "5 percent", august)[1] == {2018}
    january = dt.date(2020, 1, 15)
    text = "Imports fell 3 percent in December, the ministry said."
    assert _period(text, "3 percent", january) == ("in December", frozenset({2019}))
    text = "Output grew 4 percent in the third quarter."
    assert _period(text, "4 percent", january)[1] == {2019}
    assert read_period("first eleven months", january) == (frozenset({2019}), 11)


def test_a_month_before_a_date_or_a_name_is_no_period() -> None:
    published = dt.date(2024, 5, 20)
    text = "The index rose 2 percent in May 2023, and fell 1 percent on May 5."
    assert _period(text, "2 percent", published)[0] == "May 2023"
    assert read_period("in March Fed officials said", published) == (frozenset(), None)


def test_period_words_right_after_a_number_are_that_numbers() -> None:
    published = dt.date(1987, 3, 16)
    text = (
        "France posted a trade deficit of 400 mln francs in February after a 2.5 billion "
        "franc deficit in January, the ministry said."
    )
    assert _period(text, "400 mln", published)[0] == "in February"
    assert _period(text, "2.5 billion", published)[0] == "in January"
    text = (
        "Loans increased to 40.1 billion dlrs in January from 38.7 billion in December and "
        "36.9 billion in January, 1986."
    )
    assert _period(text, "40.1", published)[0] == "in January"
    assert _period(text, "38.7", published)[0] == "in December"
    assert _period(text, "36.9", published) == ("January, 1986", frozenset({1986}))


def test_a_conversion_shares_its_figures_period() -> None:
    text = (
        "The deficit stood at 1.31 trillion yen (11.88 billion U.S. dollars) in January, "
        "after an upwardly revised 154.55 billion yen (1.40 billion U.S. dollars) deficit "
        "booked in December."
    )
    published = dt.date(2020, 2, 20)
    assert _period(text, "1.31 trillion", published)[0] == "in January"
    assert _period(text, "11.88", published)[0] == "in January"


def test_a_compared_numbers_own_year_is_not_anothers_possessive() -> None:
    text = (
        "The export target is 1.1 billion dlrs against imports of 1.805 billion dlrs, "
        "compared with 1986/7's one billion dlrs of export earnings."
    )
    assert _period(text, "1.805", dt.date(1987, 6, 29))[0] is None


def test_the_reviewed_period_points_back_across_paragraphs() -> None:
    published = dt.date(2020, 7, 7)
    text = (
        "Disbursement in the first six months of 2020 reached 156 trillion VND.\n\n"
        "Over 142 trillion VND of domestic capital was disbursed in the reviewed period."
    )
    assert _period(text, "142", published)[1] == {2020}


def test_a_stated_period_carries_to_later_paragraphs_until_another_is_named() -> None:
    published = dt.date(2020, 2, 20)
    text = (
        "Japan logged a goods trade deficit in January, the government said.\n\n"
        "Exports dropped 2.6 percent from a year earlier to 5.43 trillion yen.\n\n"
        "In December, imports fell 3.6 percent.\n\n"
        "Exports to China retreated 6.4 percent."
    )
    assert _reported(text, "5.43", published) == (None, "in January")
    assert _reported(text, "2.6", published) == (None, "in January")
    assert _reported(text, "3.6", published) == ("In December", "In December")
    assert _reported(text, "6.4", published) == (None, "In December")


def test_a_forecast_or_history_year_is_no_reporting_period_to_carry() -> None:
    text = "Sales will double by 2009, it said.\n\nPrices rose 4.75 percent."
    assert _reported(text, "4.75", dt.date(2005, 2, 10)) == (None, None)
    text = "Output rose 3 percent in 2004.\n\nPrices rose 4.75 percent."
    assert _reported(text, "4.75", dt.date(2005, 2, 10)) == (None, "2004")


def test_no_period_is_carried_back_from_past_the_opening_sentences() -> None:
    text = (
        "Exports dropped 2.6 percent. It said so. It did. It was. Imports rose 3 percent in 2019."
    )
    assert _reported(text, "2.6", dt.date(2020, 2, 20)) == (None, None)


def test_figures_before_the_first_stated_period_take_the_opening_ones() -> None:
    text = (
        "US trade deficit widens\n\n"
        "The gap between exports and imports has widened to more than $60bn.\n\n"
        "Figures from the Commerce Department for November showed exports down 2.3%."
    )
    published = dt.date(2005, 1, 12)
    assert _reported(text, "60bn", published) == (None, "for November")
    # "from the Commerce Department" names a source, not a comparison base
    assert _reported(text, "2.3%", published) == ("for November", "for November")


def test_days_of_a_month_are_that_months_period_and_a_bare_year_does_not_replace_it() -> None:
    published = dt.date(2024, 12, 23)
    text = (
        "Korea's exports increased 6.8 percent on-year in the first 20 days of December.\n\n"
        "Outbound shipments reached $40.3 billion in the Dec. 1-20 period.\n\n"
        "This year's period included 16 working days, compared with 15 last year.\n\n"
        "Exports of semiconductors surged by 23.4 percent on-year to $8.2 billion."
    )
    assert _period(text, "6.8", published) == ("in the first 20 days of December", {2024})
    assert _period(text, "40.3", published) == ("in the Dec. 1-20 period", {2024})
    assert _reported(text, "23.4", published) == (None, "in the Dec. 1-20 period")


def test_a_month_before_the_noun_is_the_figures_period_and_a_word_number_is_compared() -> None:
    published = dt.date(1987, 3, 16)
    text = "Unadjusted, the February deficit was 2.4 billion francs."
    assert _period(text, "2.4", published) == ("the February", {1987})
    text = "January's exports rose 5 percent to 11.91 billion marks."
    assert _period(text, "11.91", published) == ("January's", {1987})
    text = "The energy deficit was reduced to 6.5 billion francs from eight billion in January."
    assert _period(text, "6.5", published)[0] is None  # January is eight billion's
    assert _period("Imports may rise 5 percent.", "5 percent", published)[0] is None


_JUNE_1987, _APRIL_1987, _MARCH_1987 = (
    dt.date(1987, 6, 16),
    dt.date(1987, 4, 24),
    dt.date(1987, 3, 31),
)


@pytest.mark.parametrize(
    ("text", "number", "published", "words", "years"),
    [
        (
            "Output rose 1.2 pct in the January/March quarter, the agency said.",
            "1.2 pct",
            _JUNE_1987,
            "in the January/March quarter",
            {1987},
        ),
        (
            "The October/December rise was put at 0.8 pct.",
            "0.8 pct",
            _JUNE_1987,
            "The October/December",
            {1986},
        ),
        (
            "Industrial production from January to March grew by 2.5 per cent, figures showed.",
            "2.5 per cent",
            _APRIL_1987,
            "from January to March",
            {1987},
        ),
        (
            "Loans fell 1.01 billion guilders to 9.5 billion guilders in the week ending March 30.",
            "9.5 billion",
            _MARCH_1987,
            "in the week ending March 30",
            {1987},
        ),
        (
            "The assets stood at 151.7 billion dlrs in January last year.",
            "151.7 billion",
            _MARCH_1987,
            "in January last year",
            {1986},
        ),
        (
            "Industrial production almost doubled between 1967 and 1974, the report said.",
            "almost doubled",
            _APRIL_1987,
            "between 1967 and 1974",
            set(range(1967, 1975)),
        ),
        (  # an index's base year is no period
            "The volume index, base 1980, showed exports rising to 131.0 in February.",
            "131.0",
            _MARCH_1987,
            "in February",
            {1987},
        ),
        (  # a previous record's period is a comparison base
            "Exports reached $7.1 billion in the first 10 days of March, far exceeding the "
            "previous record of $6.7 billion set last month.",
            "7.1 billion",
            dt.date(2026, 3, 11),
            "in the first 10 days of March",
            {2026},
        ),
        (  # so is "over the same period last year"
            "In the first nine months of 2022, rice exports reached 5.4 million tons; and the "
            "export turnover gained US$2.64 billion, up 9.3 percent over the same period last "
            "year.",
            "9.3 percent",
            dt.date(2022, 10, 7),
            "In the first nine months of 2022",
            {2022},
        ),
    ],
)
def test_period_words_and_their_year(
    text: str, number: str, published: dt.date, words: str, years: set[int]
) -> None:
    assert _period(text, number, published) == (words, frozenset(years))


def test_month_ranges_and_last_month_in_the_scorer() -> None:
    from summarizer.evaluation.attribution import months_covered, period_agrees

    assert months_covered("January/March quarter 1987") == {1, 2, 3}
    published = dt.date(2023, 11, 18)
    text = "Exports reached nearly US$4.3 billion last month, up 3 percent."
    assert _period(text, "4.3 billion", published) == ("last month", frozenset({2023}))
    assert _period(text, "4.3 billion", dt.date(2024, 1, 5))[1] == {2023}
    assert months_covered("last month", published) == {10}
    assert period_agrees("last month", "October 2023", published)
    assert not period_agrees("last month", "September 2023", published)


def test_a_possessive_period_owns_the_number_after_it() -> None:
    april = dt.date(1987, 4, 7)
    text = "The inflow slumped to 606 mln marks in February from January's record 11.91 billion."
    assert _period(text, "11.91 billion", april)[0] == "January's"
    assert _period(text, "606 mln", april)[0] == "in February"


def test_a_number_compared_with_down_on_has_the_period_after_it() -> None:
    april = dt.date(1987, 4, 7)
    text = (
        "The surplus widened to 6.63 billion marks in February, but was down on the "
        "7.26 billion figure for February 1986."
    )
    assert _period(text, "7.26 billion", april) == ("February 1986", frozenset({1986}))


def test_a_compared_numbers_period_is_not_a_later_clauses() -> None:
    april = dt.date(1987, 4, 7)
    text = (
        "While foreigners bought four billion marks of bonds in February after 13 billion in "
        "January, they sold a net 500 mln marks in shares after sales worth 300 mln in January."
    )
    assert _period(text, "500 mln", april)[0] == "in February"
    assert _period(text, "300 mln", april)[0] == "in January"


def test_a_later_paragraphs_part_of_the_leads_period_is_not_carried_on() -> None:
    april = dt.date(1987, 4, 24)
    text = (
        "Results in the first three months of the year were poor.\n\n"
        "Poor results last January had been overcome in March, officials said.\n\n"
        "Foreign trade turnover totalled 27.5 billion roubles."
    )
    assert _reported(text, "27.5 billion", april)[1] == "in the first three months of the year"
    monthly = (
        "The trade gap narrowed in November.\n\n"
        "The cumulative deficit for the first eleven months of 2004 stands at 36.3 bn.\n\n"
        "November saw exports to the EU rise 2%.\n\n"
        "The surplus on services remained steady at 1.5 bn."
    )
    assert _reported(monthly, "1.5 bn", dt.date(2005, 1, 12))[1] == "November"


def test_quarters_and_halves_written_short_are_periods() -> None:
    july = dt.date(2025, 7, 21)
    assert read_period("in H1 2025", july) == (frozenset({2025}), None)
    assert read_period("in Q3", july)[0] == {2024}
    text = "Trade grew 4.8% in H1 2025."
    assert _period(text, "4.8%", july) == ("in H1 2025", frozenset({2025}))


def test_spans_to_a_month_and_across_a_new_year_are_periods() -> None:
    april = dt.date(1987, 4, 6)
    text = "Firms agreed to export over 400,000 tonnes in the six months to end-September."
    assert _period(text, "400,000", april) == (
        "in the six months to end-September",
        frozenset({1987}),  # the coming September: nearer the April publication
    )
    assert months_spanned("in the six months to end-September") == {4, 5, 6, 7, 8, 9}
    assert months_spanned("for Oct 1986-March 1987") == {10, 11, 12, 1, 2, 3}
    assert read_period("for Oct 1986-March 1987", april)[0] == {1986, 1987}
    assert months_spanned("April-Sept 1986") == set(range(4, 10))


def test_an_n_month_total_is_the_year_so_far() -> None:
    november = dt.date(2023, 11, 18)
    text = (
        "The 10-month average export price of crude oil decreased compared to the same "
        "period last year, down 20.6 per cent."
    )
    assert _period(text, "20.6 per cent", november) == ("The 10-month", frozenset({2023}))
    assert months_spanned("The 10-month") == set(range(1, 11))
    assert read_period("hit a 10-month high", november)[0] == frozenset()


def test_a_split_year_under_way_is_carried_as_the_reporting_period() -> None:
    march = dt.date(1987, 3, 9)
    text = (
        "The Soviet Union agreed to cut coal prices by five dlrs a tonne in 1987/88.\n\n"
        "The prices were set at 44 dlrs a tonne for Neryungrinsky coal."
    )
    assert _reported(text, "44 dlrs", march)[1] == "1987/88"


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        # A change's "since" is the span it runs over ...
        (
            "The krona has risen almost 14 pct against the dollar since May 1995.",
            "14 pct",
            "since May 1995",
        ),
        (
            "Since 1990, fishing quotas have been cut 45 pct, the ministry said.",
            "45 pct",
            "Since 1990",
        ),
        # ... a history's is no period of the figure.
        ("The deficit was the biggest since 1947 at 5 billion crowns.", "5 billion", None),
        ("It marked the 62nd consecutive month of surplus since May 2020.", "62nd", None),
        ("Prices rose to 380 USD per tonne, a high since December 2018.", "380 USD", None),
    ],
)
def test_a_since_period_belongs_to_a_change_not_to_a_history(
    text: str, number: str, period: str | None
) -> None:
    assert _period(text, number, dt.date(1997, 3, 1))[0] == period


def test_a_since_period_is_not_carried_to_the_next_sentence() -> None:
    text = (
        "Since 1990, fishing quotas have been cut 45 pct. Catches were 5 billion crowns, "
        "the ministry said."
    )
    assert _period(text, "5 billion", dt.date(1997, 3, 1))[0] is None


def test_more_than_before_a_number_is_its_qualifier_not_a_comparison() -> None:
    text = "The index has gained more than 16 percent this year."
    assert _period(text, "16 percent", dt.date(2013, 6, 1))[0] == "this year"
    text = "Exports grew 16 percent, faster than in 2012."
    assert _period(text, "16 percent", dt.date(2013, 6, 1))[0] is None


@pytest.mark.parametrize(
    ("text", "number", "period", "years"),
    [
        (
            "Shipments reached $40.3 billion in the Dec. 1-20 period, compared with $37.73 "
            "billion tallied a year earlier.",
            "$37.73",
            "in the Dec. 1-20 period of 2023 (a year earlier)",
            {2023},
        ),
        (
            "Sales rose to 5bn yuan in 2004 from 3bn yuan a year earlier.",
            "3bn",
            "2003 (a year earlier)",
            {2003},
        ),
        (
            "Growth was 9.5% in 2004, up from 17% the previous year.",
            "17%",
            "2003 (a year earlier)",
            {2003},
        ),
        # the figure itself keeps its own period
        ("Sales rose to 5bn yuan in 2004 from 3bn yuan a year earlier.", "5bn", "2004", {2004}),
    ],
)
def test_a_base_said_to_be_a_year_earlier_is_of_the_year_before(
    text: str, number: str, period: str, years: set[int]
) -> None:
    assert _period(text, number, dt.date(2024, 12, 21)) == (period, frozenset(years))


def test_a_base_after_from_or_after_with_no_period_is_of_the_base_before_it() -> None:
    text = (
        "Oil exports in February rose to 751 mln stg from 723 mln in January while oil "
        "imports rose to 425 mln from 352 mln. Bond sales came to 2.2 billion, after 11.2 "
        "billion."
    )
    feb = dt.date(1987, 3, 20)
    assert _period(text, "352 mln", feb)[0] == "in January"  # the sentence's earlier base
    assert _period(text, "11.2 billion", feb)[0] == "in January"  # an earlier sentence's
    assert _period(text, "425 mln", feb)[0] == "in February"  # the figure keeps its own
    # a comparison with another party is not an earlier period
    other = "Exports to Borduria were 5 bln in February against 3 bln to Freedonia."
    assert _period(other, "3 bln", feb)[0] == "in February"


def test_a_base_in_the_same_period_of_another_year_is_of_the_figures_months() -> None:
    text = (
        "For the first two months of 1987, the balance showed a surplus of 302 billion lire "
        "against a deficit of 4,622 billion in the same 1986 period."
    )
    period, years = _period(text, "4,622", dt.date(1987, 3, 20))
    assert period == "the first two months, 1986 (the same period)"
    assert years == {1986} and months_spanned(period or "") == {1, 2}
    plain = "Exports were 5 bln lire in 1987 against 4 bln in 1986."
    assert _period(plain, "4 bln", dt.date(1987, 3, 20))[0] == "1986"


def test_a_base_well_below_the_figure_of_a_month_last_year() -> None:
    text = (
        "Ruritania's trade surplus doubled in February to 261 mln dlrs from January's 129 mln "
        "but was well below the 628 mln dlrs of February last year."
    )
    assert _period(text, "628", dt.date(1987, 3, 16)) == ("of February last year", {1986})


def test_the_same_period_of_another_year_drops_the_figures_relative_year() -> None:
    text = (
        "In the first four months of this year the account showed a surplus of 1.5 bln dlrs, "
        "against a deficit of 294 mln dlrs in the same 1986 period."
    )
    period, years = _period(text, "294", dt.date(1987, 6, 20))
    assert period == "the first four months, 1986 (the same period)" and years == {1986}


def test_period_words_in_the_next_numbers_noun_phrase_are_that_numbers() -> None:
    text = (
        "Unadjusted, the February deficit was 2.4 billion francs and the two-month cumulative "
        "deficit 8.1 billion, the ministry said."
    )
    march = dt.date(1987, 3, 20)
    assert _period(text, "2.4 billion", march)[0] == "the February"
    assert _period(text, "8.1 billion", march)[0] == "the two-month"


def test_from_today_is_the_reports_own_date() -> None:
    text = "From today the price of meat will rise by an average 18 pct, the agency said."
    assert _period(text, "18 pct", dt.date(1987, 4, 13)) == (
        "From today (13 April 1987)",
        frozenset({1987}),
    )
    from summarizer.evaluation.attribution import period_agrees

    published = dt.date(1987, 4, 13)
    assert period_agrees("From today (13 April 1987)", "from April 13, 1987", published)
    assert not period_agrees("From today (13 April 1987)", "March 1987", published)


def test_a_datelines_date_is_no_period_of_the_leads_figures() -> None:
    text = (
        "Lima rice report\n\n"
        "LIMA, 1 September 2014– Peru exported 941,000 tonnes of rice in July, the "
        "association said.\n\n"
        "The exchange rate started off 2014 in the 12-hundred sol range."
    )
    published = dt.date(2014, 9, 1)
    assert _period(text, "941,000", published)[0] == "in July"
    assert _period(text, "12-hundred", published)[0] == "2014"  # no dateline: the year stays


@pytest.mark.parametrize(
    ("text", "number", "period", "years"),
    [
        (
            "Borduria's coal exports in May 2021 were 3.4 million tonnes, down from 3.9 million "
            "tonnes in the previous month.",
            "3.9 million",
            "April 2021 (the month before)",
            {2021},
        ),
        (
            "The deficit narrowed to $4.1bn in January, from $4.6bn the month before.",
            "$4.6bn",
            "December 2020 (the month before)",
            {2020},
        ),
        # a second base joined by "and" shares the first one's "from"
        (
            "Deposits rose in March to 12.5 billion from 11.9 billion a month ago and 9.8 "
            "billion a year ago.",
            "9.8",
            "in March of 2020 (a year earlier)",
            {2020},
        ),
        # a period that is not one month is not moved
        (
            "Sales were 5bn in the first half, down from 6bn in the previous month.",
            "6bn",
            "in the first half",
            {2021},
        ),
    ],
)
def test_a_base_said_to_be_a_month_earlier_is_of_the_month_before(
    text: str, number: str, period: str, years: set[int]
) -> None:
    assert _period(text, number, dt.date(2021, 7, 2)) == (period, frozenset(years))


def test_last_and_a_named_month_is_the_latest_such_month_before_publication() -> None:
    text = "Last April, Borduria signed a $240m deal with Freedonia."
    assert _period(text, "$240m", dt.date(2005, 2, 10)) == ("Last April", frozenset({2004}))
    text = "Prices rose to 18 dlrs from 14 dlrs last December."
    assert _period(text, "14 dlrs", dt.date(1987, 6, 29))[1] == {1986}
    text = "The index stood at 140 in April, compared with 120 last June."
    assert _period(text, "120", dt.date(2020, 6, 15))[1] == {2019}


def test_present_tense_levels_are_of_the_publication_month_unless_a_period_is_named() -> None:
    july = dt.date(2019, 7, 4)
    text = "The average price now stands at £152,879."
    assert _period(text, "£152,879", july) == ("now (July 2019)", frozenset({2019}))
    text = "Its purchasing power is currently only 20 pct of what it was."
    assert _period(text, "20 pct", july)[0] == "currently (July 2019)"
    text = "The deficit for the first five months of 2019 now stands at £36.3bn."
    assert _period(text, "£36.3bn", july)[0] == "for the first five months of 2019"
    text = "The agreement has now been extended, adding 300 jobs."
    assert _period(text, "300 jobs", july)[0] is None  # "now" with no level verb


def test_year_end_the_year_to_a_month_and_a_month_range_are_periods() -> None:
    march = dt.date(1987, 3, 3)
    text = "Bankers predict the dollar will fall to 32 per U.S. Dollar by year-end."
    assert _period(text, "32", march) == ("by year-end", frozenset({1987}))
    text = "Prices would rise by just under 6% in the year to September."
    period, _ = _period(text, "6%", march)
    assert period == "in the year to September" and len(months_spanned(period)) == 12
    text = "Borduria's CPI up 2.58% in January-August"
    assert _period(text, "2.58%", dt.date(2022, 9, 6)) == ("in January-August", frozenset({2022}))
    assert months_spanned("in January-August") == frozenset(range(1, 9))


def test_a_participle_dates_only_the_number_it_follows_or_precedes() -> None:
    published = dt.date(2020, 2, 20)
    text = (
        "The deficit stood at 1.31 trillion yen in January, after an upwardly revised 154.55 "
        "billion yen (1.40 billion U.S. dollars) deficit booked in December."
    )
    assert _period(text, "154.55", published)[0] == "in December"
    assert _period(text, "1.31 trillion", published)[0] == "in January"
    text = (
        "Imports were 7.9 million bpd in January, short of the record set in March 2017 of "
        "9.2 million bpd."
    )
    assert _period(text, "9.2 million", published)[0] == "March 2017"
    text = (
        "Chip exports hit $7.1 billion, far exceeding the previous record of $6.7 billion set "
        "last month. Car exports rose 5% on the year."
    )
    assert _period(text, "$6.7 billion", published)[0] == "last month"
    assert _period(text, "5%", published)[0] != "last month"  # not the next sentence's


def test_this_years_period_is_this_years_part_of_the_period_named_before() -> None:
    text = (
        "Peru's exports rose 4.1 percent in the first 15 days of May.\n\n"
        "Adjusted for holidays, daily exports rose 2.2 percent. This year's period had 11 "
        "working days, compared with 12 working days over the same time frame last year."
    )
    published = dt.date(2023, 5, 17)
    this_year = _period(text, "11", published)
    assert this_year == ("the first 15 days of May, This year", frozenset({2023}))
    last_year = _period(text, "12", published)
    assert last_year[0] == "the first 15 days of May, last year (the same period)"
    assert last_year[1] == frozenset({2022})


def test_a_relative_year_is_the_year_of_a_bare_month_beside_it() -> None:
    published = dt.date(2024, 12, 23)
    assert read_period("the Dec. 1-20 period, last year (the same period)", published)[0] == {2023}
    assert read_period("the Dec. 1-20 period", published)[0] == {2024}
    assert read_period("December 2022, last year", published)[0] == {2022}


def test_the_same_period_last_year_is_of_the_period_an_earlier_paragraph_stated() -> None:
    text = (
        "Peru's tax revenue in the first 10 months of this year rose 8 percent.\n\n"
        "Spending fulfilled only 51.3% of the plan, as compared with 55.8% recorded in the "
        "same period last year."
    )
    period = _period(text, "55.8", dt.date(2022, 11, 8))
    assert period == ("the first 10 months, last year (the same period)", {2021})


def test_a_paragraph_of_narrative_naming_two_periods_states_no_reporting_period() -> None:
    text = (
        "Chile's exports rose to 5.2 billion dlrs in March from 4.9 billion in February.\n\n"
        "Officials said heavy rain in February cut shipments that month and that buyers "
        "caught up in the March figures.\n\n"
        "The volume index showed exports rising to 120.5 from 111.2 in February."
    )
    assert _reported(text, "120.5", dt.date(1987, 4, 20)) == (None, "in March")


def test_last_quarter_is_the_quarter_before_publication_written_out() -> None:
    text = "Of the 0.6 point added by trade last quarter, exports accounted for 0.4 point."
    june = dt.date(1987, 6, 16)
    assert _period(text, "0.4", june) == ("last quarter (January/March 1987)", {1987})
    assert _period("Output fell 2 pct last quarter.", "2 pct", dt.date(1987, 2, 1)) == (
        "last quarter (October/December 1986)",
        {1986},
    )
    base = "Sales rose to 6 mln from a monthly average of 8.5 mln last quarter."
    assert _period(base, "6 mln", june)[0] is None


def test_a_base_in_the_previous_three_months_is_the_quarter_before() -> None:
    text = (
        "Output rose 1.1 pct in the April/June quarter after a 0.4 pct rise in the "
        "previous quarter."
    )
    assert _period(text, "0.4", dt.date(1987, 8, 20)) == (
        "January/March 1987 (the quarter before)",
        {1987},
    )
    january = (
        "GDP rose 2 pct in the January/March quarter after 1 pct in the previous three months."
    )
    assert _period(january, "1 pct", dt.date(1987, 5, 2)) == (
        "October/December 1986 (the quarter before)",
        {1986},
    )


def test_a_when_clause_is_of_the_period_words_it_follows() -> None:
    text = "Growth was the slowest since 1982, when output shrank 1.3 pct, officials said."
    assert _period(text, "1.3", dt.date(1987, 6, 16)) == ("1982", {1982})
    plain = "Output shrank 1.3 pct when exports fell in 1986."
    assert _period(plain, "1.3", dt.date(1987, 6, 16))[0] == "1986"


def test_how_long_a_total_runs_is_period_words_and_not_carried_on() -> None:
    text = (
        "That pushed the 10 month deficit to $500.5bn. Imports rose 3.4% in October, while "
        "exports grew 0.6%."
    )
    mentions = find_mentions(text)
    assert [m.text for m in mentions] == ["$500.5bn", "3.4%", "0.6%"]
    frames = frames_for(text, mentions, dt.date(2004, 12, 15))
    deficit = frames[mentions[0].id]
    assert deficit.period is not None and deficit.period.text == "the 10 month"
    assert deficit.subject is not None and deficit.subject.text == "the 10 month deficit"
    exports = frames[mentions[2].id]
    assert exports.reported_period is not None
    assert exports.reported_period.text == "in October"
    a_ban = "A 13-month ban on beef imports hurt trade."
    assert [m.text for m in find_mentions(a_ban)] == ["13-month"]
