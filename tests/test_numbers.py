"""A table of the extractor's features, each with a real sentence from news copy."""

from __future__ import annotations

from decimal import Decimal

import pytest

from summarizer.domain import Direction, MentionKind, NumericMention, Qualifier
from summarizer.numbers import extract_mentions


def find(text: str, fragment: str) -> NumericMention:
    """The single mention whose text contains ``fragment``."""
    hits = [m for m in extract_mentions(text) if fragment in m.text]
    assert len(hits) == 1, f"{fragment!r}: {[m.text for m in extract_mentions(text)]}"
    return hits[0]


# (sentence, fragment of the mention, value, value_high, unit, kind)
VALUE_CASES = [
    # currencies before and after, scales
    ("trade revenue reached US$1.35 billion, up", "US$1.35", "1350000000", None, "USD", "amount"),
    ("That comprised $695.2 million in exports", "$695.2", "695200000", None, "USD", "amount"),
    ("reached 36.3 billion USD last year", "36.3", "36300000000", None, "USD", "amount"),
    ("Total trade reached 290 mln dlrs last year", "290", "290000000", None, "USD", "amount"),
    ("a total volume of 2.5 billion roubles in trade", "2.5", "2500000000", None, "RUB", "amount"),
    ("Britain exported 1.5 billion stg worth of goods", "1.5", "1500000000", None, "GBP", "amount"),
    ("to borrow up to 150 billion yen in an untied", "150", "150000000000", None, "JPY", "amount"),
    ("at 7.6 billion francs in the first 11 months", "7.6", "7600000000", None, "FRF", "amount"),
    ("sold 428 mln Australian dlrs' worth of goods", "428", "428000000", None, "AUD", "amount"),
    ("amounted to 2.8 billion U.S. Dlrs last year", "2.8", "2800000000", None, "USD", "amount"),
    ("could invest up to $20bn in oil", "$20bn", "20000000000", None, "USD", "amount"),
    ("rose to $186.3m (£97m) from", "£97m", "97000000", None, "GBP", "amount"),
    ("worth 1.314 billion yuan, up from", "1.314", "1314000000", None, "CNY", "amount"),
    ("rescheduling 30 bln dlrs of private debt", "30", "30000000000", None, "USD", "amount"),
    ("a fund of €2.5 million for ports", "€2.5", "2500000", None, "EUR", "amount"),
    ("a loan of VND 500 billion for the road", "500", "500000000000", None, "VND", "amount"),
    ("vốn 3,5 nghìn tỷ đồng cho dự án", "3,5", "3500000000000", None, "VND", "amount"),
    ("doanh thu đạt 120 tỷ đồng", "120", "120000000000", None, "VND", "amount"),
    ("revenue of 12 crore rupees", "12", "120000000", None, "INR", "amount"),
    ("spend over 5,000 billion yen to boost", "5,000", "5000000000000", None, "JPY", "amount"),
    ("could well cross half a billion dollars this", "half", "500000000", None, "USD", "amount"),
    ("a one billion dollar accord signed in Moscow", "one", "1000000000", None, "USD", "amount"),
    # percent and points
    ("up 56 percent year on year", "56", "56", None, "percent", "percent"),
    ("accounts for over 95% of the total", "95", "95", None, "percent", "percent"),
    ("account for 38.33 per cent of the country", "38.33", "38.33", None, "percent", "percent"),
    ("Japan will pay five pct less for ore", "five", "5", None, "percent", "percent"),
    (
        "the rate rose 0.25 percentage points to 4.5",
        "0.25",
        "0.25",
        None,
        "percentage_point",
        "percentage_point",
    ),
    ("inflation rose 1,5 percent in May", "1,5", "1.5", None, "percent", "percent"),
    # ranges
    (
        "an increase by each side of 350 to 400 mln stg over",
        "350",
        "350000000",
        "400000000",
        "GBP",
        "amount",
    ),
    ("forecasts growth of 6-6.5% in 2004", "6-6.5", "6", "6.5", "percent", "percent"),
    ("a rise of 3-5 percent is expected", "3-5", "3", "5", "percent", "percent"),
    (
        "likely to rise to between 33 and 34 mln tonnes in 1987/88",
        "33",
        "33000000",
        "34000000",
        "tonnes",
        "count",
    ),
    (
        "export growth must increase ten to eleven pct annually",
        "ten",
        "10",
        "11",
        "percent",
        "percent",
    ),
    (
        "trim output by about 10 pct to between 5.5 mln to 5.6 mln chips",
        "5.5",
        "5500000",
        "5600000",
        "chips",
        "count",
    ),
    # counts, written numbers, zero padding, ordinals
    (
        "representatives of 04 northern provinces sharing a border",
        "04",
        "4",
        None,
        "provinces",
        "count",
    ),
    (
        "witnessed the signing of three cooperation documents, including",
        "three",
        "3",
        None,
        "documents",
        "count",
    ),
    ("Five centrally-run cities, including Hà Nội", "Five", "5", None, "cities", "count"),
    ("invited the minister to attend its 21st edition.", "21st", "21", None, "edition", "ordinal"),
    (
        "added to the 20th Central Committee of the Party",
        "20th",
        "20",
        None,
        "committee",
        "ordinal",
    ),
    ("Fifty major textile trading countries adopted", "Fifty", "50", None, "countries", "count"),
    (
        "reorganise the country's 3,600 trade agents to deliver",
        "3,600",
        "3600",
        None,
        "agents",
        "count",
    ),
    ("buy 132 warplanes including 72 Tornado fighters", "72", "72", None, "fighters", "count"),
    ("a hundred and fifty workers joined", "hundred", "150", None, "workers", "count"),
    ("twenty-five companies signed", "twenty-five", "25", None, "companies", "count"),
    ("about a dozen delegations attended", "dozen", "12", None, "delegations", "count"),
    ("a tough 5-year plan", "5-year", "5", None, "year", "count"),
    ("will supply 7.5 million tonnes of LPG annually", "7.5", "7500000", None, "tonnes", "count"),
    # fractions and plain numbers
    ("Japan accounted for about one-third.", "one-third", "0.333333", None, "fraction", "fraction"),
    ("two-thirds of the exports", "two-thirds", "0.666667", None, "fraction", "fraction"),
    # multiples, ratios, ranks, rates and durations in words (issue 8)
    ("Nearly half of exports go to China.", "half", "0.5", None, "fraction", "fraction"),
    ("output was cut by a third", "a third", "0.333333", None, "fraction", "fraction"),
    (
        "a quarter of a percentage point rise",
        "quarter",
        "0.25",
        None,
        "percentage_point",
        "percentage_point",
    ),
    ("Rates were 5-3/8 pct.", "5-3/8", "5.375", None, "percent", "percent"),
    ("a cut of 75 cents per barrel", "75 cents", "0.75", None, "USD per barrel", "amount"),
    ("exports almost trebled", "trebled", "3", None, "times", "multiple"),
    ("Vietnam ranks first among exporters.", "first", "1", None, "rank", "rank"),
    ("Trade between the two doubled last year.", "doubled", "2", None, "times", "multiple"),
    ("Exports saw a threefold rise.", "threefold", "3", None, "times", "multiple"),
    ("Output halved to 2 mln tonnes.", "halved", "0.5", None, "times", "multiple"),
    ("a three-to-one ratio of exports", "three-to-one", "3", None, "ratio", "ratio"),
    ("Japan is the second-biggest buyer.", "second-biggest", "2", None, "rank", "rank"),
    ("Vietnam ranked 11th among 50 economies.", "11th", "11", None, "rank", "rank"),
    ("They have cooperated for two decades.", "two decades", "20", None, "years", "count"),
    (
        "Exports reached 474,000 bpd in March.",
        "474,000",
        "474000",
        None,
        "barrels per day",
        "count",
    ),
    (
        "Shipments of memory chips rose to six mln in March.",
        "six mln",
        "6000000",
        None,
        "shipments",
        "count",
    ),
    ("Trade passed the US$800 billion mark.", "US$800", "800000000000", None, "USD", "amount"),
    ("Rice sold at $450 a tonne.", "$450", "450", None, "USD per tonne", "amount"),
    ("It traded at 24,500 dong to the dollar.", "24,500", "24500", None, "VND per USD", "amount"),
    ("Profit was VND131 trillion.", "VND131", "131000000000000", None, "VND", "amount"),
    (
        "Growth slowed by 0.4 point.",
        "0.4 point",
        "0.4",
        None,
        "percentage_point",
        "percentage_point",
    ),
    ("fixed the won at a two-year high of 846.90.", "846.90", "846.9", None, None, "number"),
]


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "high", "unit", "kind"),
    VALUE_CASES,
    ids=[case[0][:40] for case in VALUE_CASES],
)
def test_value_unit_and_kind(
    sentence: str, fragment: str, value: str, high: str | None, unit: str | None, kind: str
) -> None:
    mention = find(sentence, fragment)
    assert mention.value == Decimal(value)
    assert mention.value_high == (None if high is None else Decimal(high))
    assert mention.unit == unit
    assert mention.kind == MentionKind(kind)
    assert mention.text == sentence[mention.start : mention.end]


DIRECTION_CASES = [
    ("reached US$1.35 billion, up 56 percent year on year", "56", Direction.up),
    ("reached 35.7 billion USD, an increase of 7.44%, of which", "7.44", Direction.up),
    ("reached 6.2 billion USD, a decrease of 10.5%.", "10.5", Direction.down),
    ("respectively rising 171.9 percent and 7.5 percent, according", "171.9", Direction.up),
    ("respectively rising 171.9 percent and 7.5 percent, according", "7.5", Direction.up),
    ("contribution to the 10 per cent growth in total retail sales", "10", Direction.up),
    ("He estimated total 1987 textile exports would be 15 pct up on 1986", "15", Direction.up),
    ("Japan will pay five pct less for the Indian iron ore", "five", Direction.down),
    ("plans to slash production of 256K DRAM semiconductors by 29.41 pct", "29.41", Direction.down),
    ("following a call to reduce production by more than 20 pct", "20", Direction.down),
    ("the Korean won rose by some six pct", "six", Direction.up),
    ("The won has gained 5.1 pct since the beginning of 1986.", "5.1", Direction.up),
    ("Exports fell 3.2 percent in March", "3.2", Direction.down),
    ("will mandate a 10 pct annual reduction in the trade surpluses", "10", Direction.down),
    ("sales were unchanged at 2 percent", "2", None),  # "unchanged at" is a level
    ("surplus rose to 7.4 billion dollars last year", "7.4", None),  # a level, not a change
    ("down from 4.94 billion francs in 1985", "4.94", None),
    ("compared with 8.2% in 2003", "8.2", None),
    # change words the look-back reads
    ("Fees are thought to have dropped by between 20 and 30%.", "20 and 30%", Direction.down),
    ("Prices may fall another 500 yen per tonne.", "500 yen", Direction.down),
    ("Weak investment knocked off 0.2 point from growth.", "0.2 point", Direction.down),
    ("Net trade subtracted 0.5 point.", "0.5 point", Direction.down),
    ("led by a 12 per cent plunge in car sales", "12 per cent", Direction.down),
    ("a 9 pct surge in orders", "9 pct", Direction.up),
    ("The rate dipped below 90 yen last month.", "below 90 yen", None),
    ("Prices fell 800 rupees per tonne (about 10 dlrs) in March.", "about 10 dlrs", Direction.down),
    # a change word governs both aspects of one change; "losing" is a fall
    (
        "Sales fell, declining 20.7 percent in value and 4 percent in volume.",
        "4 percent",
        Direction.down,
    ),
    ("The peso slid, losing 85 pct of its value in a year.", "85 pct", Direction.down),
    # a percentage before the noun it is the rate of is a level, whatever verb governs it
    ("The plan means dropping 40 pct import duties on cars.", "40 pct", None),
    ("Seoul is raising 8 percent tariffs on steel.", "8 percent", None),
    ("Seoul raised tariffs by 8 percent.", "8 percent", Direction.up),
]


@pytest.mark.parametrize(
    ("sentence", "fragment", "direction"),
    DIRECTION_CASES,
    ids=[f"{case[0][:35]}:{case[1]}" for case in DIRECTION_CASES],
)
def test_direction(sentence: str, fragment: str, direction: Direction | None) -> None:
    mention = find(sentence, fragment)
    assert mention.direction == direction
    assert mention.value > 0  # the magnitude as written; direction carries the sign


QUALIFIER_CASES = [
    ("accounts for over 95% of the total", "95", Qualifier.over, "over 95%"),
    (
        "to cut foreign debts totalling some 44.5 billion dlrs",
        "44.5",
        Qualifier.about,
        "some 44.5 billion dlrs",
    ),
    ("to reduce production by more than 20 pct", "20", Qualifier.more_than, "more than 20 pct"),
    (
        "agreed to export about 23 mln tonnes of iron ore",
        "23",
        Qualifier.about,
        "about 23 mln tonnes",
    ),
    ("nearly six decades of hostilities", "six", Qualifier.nearly, "nearly six decades"),
    ("borrow up to 150 billion yen", "150", Qualifier.up_to, "up to 150 billion yen"),
    ("at least 30 projects", "30", Qualifier.at_least, "at least 30 projects"),
    ("almost 40 percent of sales", "40", Qualifier.almost, "almost 40 percent"),
    ("around 1.8 billion dlrs", "1.8", Qualifier.about, "around 1.8 billion dlrs"),
    ("less than 1% of exports", "1%", Qualifier.less_than, "less than 1%"),
]


@pytest.mark.parametrize(
    ("sentence", "fragment", "qualifier", "span"),
    QUALIFIER_CASES,
    ids=[case[0][:35] for case in QUALIFIER_CASES],
)
def test_qualifier_is_read_and_included_in_the_span(
    sentence: str, fragment: str, qualifier: Qualifier, span: str
) -> None:
    mention = find(sentence, fragment)
    assert mention.qualifier == qualifier
    assert mention.text == span
    if qualifier == Qualifier.up_to:
        assert mention.direction is None  # "up to" is a hedge, not a rise


DATE_YEAR_CASES = [
    ("a meeting in Hanoi on February 22.", "February 22", MentionKind.date, "222", None),
    ("date 2023-02-22 Minister", "2023-02-22", MentionKind.date, "20230222", None),
    ("Bộ Công thương27/11/2025", "27/11/2025", MentionKind.date, "20251127", None),
    ("Nguyen Hong Dien on August 30 held talks", "August 30", MentionKind.date, "830", None),
    ("power in June 1982.", "June 1982", MentionKind.date, "198206", None),
    ("In 2022, trade revenue", "2022", MentionKind.year, "2022", None),
    ("the 2023-25 period at a conference", "2023-25", MentionKind.year, "2023", "2025"),
    ("goals set by localities for 2021-25.", "2021-25", MentionKind.year, "2021", "2025"),
    ("to implement the Action Plan 2024-2026.", "2024-2026", MentionKind.year, "2024", "2026"),
    ("in fiscal 1987/88 starting April 1", "1987/88", MentionKind.year, "1987", "1988"),
    (
        "long-term debt due between September 1986 and end-1987 over",
        "1987",
        MentionKind.year,
        "1987",
        None,
    ),
    ("exports in the 1990s grew", "1990s", MentionKind.year, "1990", None),
]


@pytest.mark.parametrize(
    ("sentence", "fragment", "kind", "value", "high"),
    DATE_YEAR_CASES,
    ids=[case[1] for case in DATE_YEAR_CASES],
)
def test_dates_and_years_are_kept_apart(
    sentence: str, fragment: str, kind: MentionKind, value: str, high: str | None
) -> None:
    mention = find(sentence, fragment)
    assert mention.kind == kind
    assert not mention.is_figure
    assert mention.value == Decimal(value)
    assert mention.value_high == (None if high is None else Decimal(high))


def test_a_date_carries_its_iso_form_in_the_note() -> None:
    assert find("on February 22.", "February").note == "--02-22"
    assert find("signed on 22 February 2023 in Hanoi", "February").note == "2023-02-22"


@pytest.mark.parametrize(
    "sentence",
    [
        "Some specific solutions include: (i) urging the Ministries; (ii) coordinating; (iv) ok",
        "Source: https://moit.gov.vn/tin-tuc/2025/11/27/hoi-dam-123.html",
        "See www.example.com/report2024/page7 for details",
        "the COVID-19 pandemic and G20 summit",
        "256K DRAM chips",
        "Decision 15/QD-TTg was issued",
        "the meeting opened at 08:30 local time",
        "one of the important partners",
        "the two-way trade and the 'two-zero' life",
        "in the first half of the year",
        "a third country",
        "the two countries agreed; the five cities will cooperate",
        "in the first 10 months of 2025 and the remaining two months",
        "sales in the previous three months",
        "the board meets twice in a year",
    ],
)
def test_no_junk_figures(sentence: str) -> None:
    assert [m.text for m in extract_mentions(sentence) if m.is_figure] == []


# (sentence, mention text, value, unit, kind): durations are figures (eval/dev/README.md)
DURATION_CASES = [
    ("output has grown over the past two years", "two years", "2", "years", "count"),
    ("the plant will run for the next four years", "four years", "4", "years", "count"),
    ("prices eased in the last nine months", "nine months", "9", "months", "count"),
    (
        "shares fell for a fifth straight session",
        "fifth straight session",
        "5",
        "sessions",
        "ordinal",
    ),
    (
        "the jobless rate rose for the 12th consecutive month",
        "12th consecutive month",
        "12",
        "months",
        "ordinal",
    ),
    ("a second successive year of losses", "second successive year", "2", "years", "ordinal"),
    ("after a month-long strike at the port", "month-long", "1", "months", "count"),
    ("the weakest level in 4 years and 6 months", "4 years and 6 months", "4.5", "years", "count"),
    ("a ban lasting three decades", "three decades", "30", "years", "count"),
    ("the first monthly loss in a year", "a year", "1", "years", "count"),
    ("its lowest level in more than a decade", "more than a decade", "10", "years", "count"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "kind"),
    DURATION_CASES,
    ids=[c[1] for c in DURATION_CASES],
)
def test_durations_are_figures(sentence: str, text: str, value: str, unit: str, kind: str) -> None:
    mention = find(sentence, text)
    assert (mention.text, mention.value, mention.unit, mention.kind) == (
        text,
        Decimal(value),
        unit,
        MentionKind(kind),
    )


class TestSeparators:
    """Thousands separators and decimal commas, by the policy in docs/numbers.md."""

    def test_many_groups_are_thousands(self) -> None:
        assert find("a budget of 1,350,000 dollars", "1,350").value == 1350000

    def test_lone_group_is_ambiguous_without_evidence(self) -> None:
        mention = find("they sold 1,350 tonnes", "1,350")
        assert mention.value == 1350
        assert mention.ambiguous
        assert mention.note is not None and "1.350" in mention.note

    def test_english_decimals_elsewhere_settle_it(self) -> None:
        mention = find("they sold 1,350 tonnes, up 2.5 percent", "1,350")
        assert mention.value == 1350
        assert not mention.ambiguous

    def test_continental_text_reads_a_lone_comma_group_as_decimal(self) -> None:
        text = "giá trị 1.350.000 đồng, tăng 1,350 lần"
        assert find(text, "1.350.000").value == 1350000
        assert find(text, "1,350").value == Decimal("1.35")

    def test_decimal_comma(self) -> None:
        assert find("prices rose 1,5 percent", "1,5").value == Decimal("1.5")


def test_counts_are_real_counts() -> None:
    text = "Two rounds of talks covered 21 development projects and three categories."
    assert [(m.value, m.unit) for m in extract_mentions(text)] == [
        (2, "rounds"),
        (21, "projects"),
        (3, "categories"),
    ]


def test_unit_is_carried_to_bare_scaled_numbers_in_the_same_sentence() -> None:
    text = "The surplus rose to 7.1 billion dlrs last year from 4.3 billion in 1985."
    later = find(text, "4.3")
    assert (later.unit, later.kind, later.value) == ("USD", MentionKind.amount, 4300000000)
    assert later.note is not None and "7.1 billion dlrs" in later.note


def test_a_currency_named_once_serves_the_next_sentences() -> None:
    """Wire copy names the currency once: "... 5 billion dlrs. Imports reached 4.3 billion"."""
    text = "Exports were 5 billion dlrs.\n\nImports reached 4.3 billion in 1985."
    later = find(text, "4.3")
    assert (later.unit, later.kind) == ("USD", MentionKind.amount)
    assert later.note is not None and "5 billion dlrs" in later.note


def test_a_currency_is_not_carried_beyond_the_paragraph_before() -> None:
    text = "Exports were 5 billion dlrs.\n\nIt rained.\n\nImports reached 4.3 billion in 1985."
    assert find(text, "4.3").unit is None


def test_a_count_is_not_carried_across_sentences() -> None:
    text = "The port handled 5 mln tonnes. Its owner earned 2 mln last year."
    assert find(text, "2 mln").unit is None


# (text, fragment, value, unit): a scale or unit written once for several numbers
SHARED_CASES = [
    (
        "Loans rose to 12.4 billion dlrs against 11.8 and 9.6 billion a year ago.",
        "11.8",
        "11800000000",
        "USD",
    ),
    ("Reserves rose 300 mln to 8.2 billion crowns.", "300 mln", "300000000", "SEK"),
    ("It posted a 250 mln mark surplus in March.", "250 mln mark", "250000000", "DEM"),
    ("Shares fell a half pct on Monday.", "a half pct", "0.5", "percent"),
    ("The fund is worth more than a billion euros.", "a billion euros", "1000000000", "EUR"),
    ("About 3 million Canadians voted.", "3 million Canadians", "3000000", "canadians"),
    ("It shipped four Lakh Metric Tonnes of sugar.", "four Lakh Metric Tonnes", "400000", "tonnes"),
]


def test_a_threshold_mark_is_no_currency() -> None:
    assert find("Trade passed the 800 billion mark in May.", "800").unit is None


def test_abbreviation_does_not_end_the_sentence() -> None:
    text = (
        "exports to the U.S. Amounted to 2.8 billion U.S. Dlrs out of total exports of 7.8 billion."
    )
    assert find(text, "7.8").unit == "USD"


def test_ids_and_order() -> None:
    text = "In 2022 trade rose 5 pct to 3 billion USD; 12 firms signed on March 3."
    mentions = extract_mentions(text)
    assert [m.id for m in mentions] == ["n1", "n2", "n3", "n4", "n5"]
    assert [m.text for m in mentions] == ["2022", "5 pct", "3 billion USD", "12 firms", "March 3"]


def test_empty_and_numberless_text() -> None:
    assert extract_mentions("") == []
    assert extract_mentions("No figures here at all.") == []


# (sentence, mention text, rank): superlatives and ordinals that rank a role, without digits
ROLE_RANK_CASES = [
    ("Germany remains the largest trade partner of Poland", "largest trade partner", 1),
    ("Canada is the top crude supplier to the US", "top crude supplier", 1),
    ("Korea became its third investor last year", "third investor", 3),
    ("HSBC, the biggest mortgage lender in Hong Kong", "biggest mortgage lender", 1),
]


@pytest.mark.parametrize(
    ("sentence", "text", "rank"), ROLE_RANK_CASES, ids=[c[1] for c in ROLE_RANK_CASES]
)
def test_ranks_in_words(sentence: str, text: str, rank: int) -> None:
    mention = find(sentence, text)
    assert (mention.text, mention.value, mention.unit, mention.kind) == (
        text,
        Decimal(rank),
        "rank",
        MentionKind.rank,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "one of the largest investors in the region",
        "a top official said",
        "a second round of talks",
        "the largest share of the budget",
    ],
)
def test_no_rank_without_a_single_ranked_role(sentence: str) -> None:
    assert [m.text for m in extract_mentions(sentence) if m.kind is MentionKind.rank] == []


# (text, mention fragment, value, unit): exchange rates read from the words around them
RATE_CASES = [
    # a rate quoted per lot is a rate per one: the lot is no figure of its own
    ("The won-yen rate ended at 949 won per 100 yen.", "949 won per 100", "9.49", "KRW per JPY"),
    ("Robusta traded at $45 per 100 kilos in Hanoi.", "$45 per 100 kilos", "0.45", "USD per kg"),
    ("The dollar bought 2,400 dong per 100 dollars", "2,400 dong", "24", "VND per USD"),
    (
        "The central bank fixed the yuan at 7.12 to the dollar on Monday.",
        "7.12",
        "7.12",
        "CNY per USD",
    ),
    ("Dealers quoted the baht at 36.4 against the dollar.", "36.4", "36.4", "THB per USD"),
    (
        "Thailand's currency is the baht. It traded at 36.4 per dollar at noon.",
        "36.4",
        "36.4",
        "THB per USD",
    ),
    ("The won-dollar rate ended the week at 1,310 won.", "1,310", "1310", "KRW per USD"),
    (
        "The won-dollar rate rose.\n\nThe rate ended the week at 1,310 won.",
        "1,310",
        "1310",
        "KRW per USD",
    ),
    ("The dollar fell against the Swiss franc to $1.12 in London.", "$1.12", "1.12", "USD per CHF"),
    (
        "Imports cost 90 Egyptian pounds a unit. The official rate is 30.9 pounds to the dollar.",
        "30.9",
        "30.9",
        "EGP per USD",
    ),
    ("Tickets cost $25 per visitor.", "$25", "25", "USD per visitor"),
    ("The price fell below $90 a month ago.", "$90", "90", "USD"),
]


def test_a_rate_without_a_named_currency_stays_a_number() -> None:
    assert find("It traded at 36.4 per dollar at noon.", "36.4").unit is None
    assert find("He won 36 of the games; the dollar rose.", "36").unit is None


# (text, mention fragment, value, value_high, unit): ranges and prices of one thing
RANGE_PRICE_CASES = [
    (
        "Traders paid VND8,200- VND9,100 a kilogram for coffee.",
        "VND8,200",
        "8200",
        "9100",
        "VND per kg",
    ),
    ("The shares were valued at C$4.10 to C$4.60.", "C$4.10", "4.10", "4.60", "CAD"),
    (
        "Copper fetched 8,950 dlrs per tonne, up from 8,400 dlrs.",
        "8,400",
        "8400",
        None,
        "USD per tonne",
    ),
    (
        "Grade A and grade B beans sold at US$2,310 and US$2,150 per tonne.",
        "US$2,310",
        "2310",
        None,
        "USD per tonne",
    ),
    (
        "The rupiah closed at 15,620 rupiah per dollar against 15,580 a week ago.",
        "15,580",
        "15580",
        None,
        "IDR per USD",
    ),
    (
        "Tea sold at 300 rupees per kilo (about 3.6 dollars) at auction.",
        "3.6",
        "3.6",
        None,
        "USD per kg",
    ),
    ("West Texas crude rose $2.05 to $81.40 in New York.", "$2.05", "2.05", None, "USD per barrel"),
    (
        "West Texas crude rose $2.05 to $81.40 in New York.",
        "$81.40",
        "81.40",
        None,
        "USD per barrel",
    ),
    ("Prices are expected to rise 5 to 6 percent next year.", "5 to 6", "5", "6", "percent"),
]


@pytest.mark.parametrize(
    ("text", "fragment", "value", "high", "unit"),
    RANGE_PRICE_CASES,
    ids=[f"{c[1]}:{c[4]}" for c in RANGE_PRICE_CASES],
)
def test_ranges_and_shared_denominators(
    text: str, fragment: str, value: str, high: str | None, unit: str
) -> None:
    mention = find(text, fragment)
    assert (mention.value, mention.value_high, mention.unit) == (
        Decimal(value),
        None if high is None else Decimal(high),
        unit,
    )


def test_a_total_in_a_price_sentence_keeps_its_own_unit() -> None:
    text = "Rice sold at $450 a tonne, earning $3.2 billion in all."
    assert find(text, "$3.2").unit == "USD"


def test_an_elliptical_rate_takes_the_unit_of_the_sentence() -> None:
    text = "Farm output added 0.4 point to growth while mining subtracted 0.3."
    mention = find(text, "0.3")
    assert (mention.unit, mention.kind) == ("percentage_point", MentionKind.percentage_point)


def test_a_level_after_a_rate_keeps_no_unit() -> None:
    text = "The index rose 1.2 pct in May, reaching 131.5."
    assert find(text, "131.5").unit != "percent"
    assert find("Sales rose 1.2 pct to 7.5 in May.", "7.5").unit is None


def test_index_levels_are_index_points() -> None:
    text = "The producer price index rose to 104.7 in June from 103.9 in May."
    assert [(m.value, m.unit) for m in extract_mentions(text) if m.is_figure] == [
        (Decimal("104.7"), "index points"),
        (Decimal("103.9"), "index points"),
    ]


# (text, fragment, value, unit): counts whose noun comes after a modifier or abbreviation
COUNT_CASES = [
    # a count taken from a set named before it counts that set ("nine" groups, not hikes)
    (
        "Among the 11 groups of main consumer goods, nine reported price hikes.",
        "nine",
        "9",
        "groups",
    ),
    ("Of the 20 firms surveyed, 12 said sales rose.", "12", "12", "firms"),
    ("Of the 63 provinces, 40 cities reported gains.", "40 cities", "40", "cities"),
    ("Nine reported price hikes were recorded.", "Nine", "9", "hikes"),
    # irregular plurals, and a count that says how big a set is
    ("The ministers signed four memoranda of understanding.", "four memoranda", "4", "memoranda"),
    ("Hue is one of the five central-level cities.", "five central-level cities", "5", "cities"),
    # a price quoted per lot carries its lot to the next price of its sentence
    ("Gas rose by $3 per 1,000 cubic metres to $61.", "$61", "0.061", "USD per cubic metre"),
    ("The rate was 949 won per 100 yen, up from 940 won.", "940 won", "9.4", "KRW per JPY"),
    # a rate with its goods named between, a price per cubic metre
    ("It will buy 120,000 barrels of fuel oil a month.", "120,000", "120000", "barrels per month"),
    ("Gas cost $5 per cubic meter in May.", "$5", "5", "USD per cubic metre"),
    # a currency word several countries use, by the country the text names
    ("AMMAN - Jordan's loans total 902 mln dinars.", "902 mln dinars", "902000000", "JOD"),
    ("Kuwait's budget is 5 bln dinars.", "5 bln dinars", "5000000000", "KWD"),
    ("Kenya's tea exports were 30 bln shillings.", "30 bln", "30000000000", "KES"),
    ("Subsidies cost Zambia 500 mln kwacha per year.", "500 mln", "500000000", "ZMW per year"),
    ("The kwacha slid to around 15 per dollar.", "15 per dollar", "15", "ZMW per USD"),
    # a rate per year said by an adverb, a conversion line
    ("Uganda earns 400 mln dlrs annually from coffee.", "400 mln", "400000000", "USD per year"),
    ("The mine ships 2 mln tonnes yearly.", "2 mln", "2000000", "tonnes per year"),
    ("They aim to pass the $1 billion annual target.", "$1 billion", "1000000000", "USD per year"),
    ("($1 = 4.3940 ringgit)", "$1 = 4.3940 ringgit", "4.394", "MYR per USD"),
    # a count that is part of a set, one whose noun follows a glued measure
    ("Officials said 56 out of the 68 listed trade barriers were removed.", "56", "56", "barriers"),
    ("It raised its quota to 3.0 mln from 2.45 mln 60-kilo bags.", "3.0 mln", "3000000", "bags"),
    # measures the unseen set showed
    (
        "The plant can handle 1.4 billion cubic feet of gas.",
        "1.4 billion",
        "1400000000",
        "cubic feet",
    ),
    ("The line will carry 750,000 daily barrels of oil.", "750,000", "750000", "barrels per day"),
    ("The 912km pipeline will start in Burgas.", "912km", "912", "km"),
    (
        "The fund backs 5 million small and medium enterprises.",
        "5 million",
        "5000000",
        "enterprises",
    ),
    (
        "Farm output added 0.3 point and falling imports took 0.2.",
        "0.3 point",
        "0.3",
        "percentage_point",
    ),
    ("The peso rose to 50.1 per dollar, up from a close of 50.4.", "50.4", "50.4", "MXN per USD"),
    ("S&P lifted the rating by one notch to BB+.", "one notch", "1", "notch"),
    ("The rating is one level below Brazil's.", "one level", "1", "level"),
    # an occurrence counted by its ordinal
    ("The Fed will raise rates for a fifth time this year.", "a fifth time", "5", "time"),
    ("Growth topped 3% for only the second time in 20 years.", "the second time", "2", "time"),
    # a subunit or a point and a half
    ("The dollar was almost a cent and a half weaker.", "a cent and a half", "0.015", "USD"),
    ("The pound lost half a penny.", "half a penny", "0.005", "GBP"),
    ("Rates rose two points and a half.", "two points and a half", "2.5", "percentage_point"),
    (
        "Toyota and three other carmakers signed the pact.",
        "three other carmakers",
        "3",
        "carmakers",
    ),
    ("The firm will open 12 more stores.", "12 more stores", "12", "stores"),
    ("The delegation visited 14 U.K. ports.", "14 U.K. ports", "14", "ports"),
    (
        "The mill can press 5,000 tonnes of cane a day.",
        "5,000 tonnes of cane a day",
        "5000",
        "tonnes per day",
    ),
    ("Inventories fell 2m barrels last week.", "2m barrels", "2000000", "barrels"),
    ("It sold 90,000 tonnes, against 75,000 a year earlier.", "75,000", "75000", "tonnes"),
    # a carried measure measures the next number: 3,000,000 is within 10x of 350,000 only
    (
        "Exports may top 200,000 tonnes against 350,000 in 1986 and 3,000,000 in 1985.",
        "3,000,000",
        "3000000",
        "tonnes",
    ),
]


def test_a_glued_m_without_a_measure_is_no_figure() -> None:
    assert [m.text for m in extract_mentions("He won the 100m sprint.") if m.is_figure] == []


# (text, fragment, value, unit)
COMPARED_CASES = [
    ("Stocks of crude rose 3m barrels to 310.5m last week.", "310.5m", "310500000", "barrels"),
    ("The pact cuts the duty to zero from 8 pct by 2030.", "zero", "0", "percent"),
    ("An adviser valued the shares at C$3.10 to C$3.40.", "C$3.10", "3.10", "CAD per share"),
    ("Talks on the 30 year-old dispute resumed.", "30 year-old", "30", "years"),
]


@pytest.mark.parametrize(
    "sentence", ["The 58-year-old minister resigned.", "a zero-sum game and zero tolerance"]
)
def test_ages_of_people_and_idioms_are_no_figures(sentence: str) -> None:
    assert [m.text for m in extract_mentions(sentence) if m.is_figure] == []


# Every (text, fragment, value, unit) table above, by what it shows: one test reads them all.
VALUE_AND_UNIT_CASES = {
    "shared": SHARED_CASES,
    "rate": RATE_CASES,
    "count": COUNT_CASES,
    "neighbour": COMPARED_CASES,
}


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        pytest.param(*case, id=f"{group}:{case[3]}:{case[1]}")
        for group, cases in VALUE_AND_UNIT_CASES.items()
        for case in cases
    ],
)
def test_value_and_unit(text: str, fragment: str, value: str, unit: str) -> None:
    mention = find(text, fragment)
    assert (mention.value, mention.unit) == (Decimal(value), unit)


def test_the_first_time_and_a_single_subunit_are_no_figures() -> None:
    assert extract_mentions("Exports fell for the first time. He spent a cent.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "rank"),
    [
        ("Laos ranked No.21 among the bloc's partners, and No.7 in Asia.", "No.21", 21),
        ("Laos ranked No.21 among the bloc's partners, and No.7 in Asia.", "No.7", 7),
        ("Japan is the No. 1 trading partner of the city.", "No. 1", 1),
        ("China is Mongolia's 11th largest trade partner.", "11th largest", 11),
        ("Korea is the largest and most important trading partner.", "largest and most", 1),
        ("Qatar is the world's leading gas exporter.", "leading gas exporter", 1),
        ("The US, the largest of the bank's 184 members, voted.", "the largest", 1),
    ],
)
def test_ranks_by_number_sign_ordinal_and_coordinated_superlatives(
    sentence: str, text: str, rank: int
) -> None:
    mention = find(sentence, text)
    assert (mention.value, mention.unit) == (Decimal(rank), "rank")


@pytest.mark.parametrize(
    "sentence",
    [
        "Decree No. 15/2022 took effect on Monday.",
        "Resolution No. 36 was passed.",
        "Qatar is a leading gas exporter.",
        "The two countries agreed to talk.",
    ],
)
def test_document_numbers_one_of_several_and_known_sets_are_no_figures(sentence: str) -> None:
    assert [m.text for m in extract_mentions(sentence) if m.is_figure] == []


def test_streaks_and_hyphenated_durations() -> None:
    assert find("Growth topped 9% for the second year in a row.", "second year").value == 2
    mention = find("It was the last year of the five-year deadline.", "five-year")
    assert (mention.value, mention.unit) == (Decimal(5), "year")


@pytest.mark.parametrize(
    ("sentence", "fragment", "qualifier"),
    [
        ("The envoy was handing over 11 letters of intent.", "11 letters", None),
        ("The firm took over two rivals.", "two rivals", None),
        ("Growth was limited to 0.5 pct a year.", "0.5 pct", Qualifier.up_to),
        ("Exports rose over 11 percent.", "11 percent", Qualifier.over),
    ],
)
def test_a_particle_over_is_no_hedge_and_a_cap_is_up_to(
    sentence: str, fragment: str, qualifier: Qualifier | None
) -> None:
    assert find(sentence, fragment).qualifier is qualifier


@pytest.mark.parametrize(
    ("sentence", "fragment", "low", "high"),
    [
        ("The bridge will be ready in three or four years.", "three or four years", "3", "4"),
        ("Tariff cuts of between five and 30 pct take effect.", "five and 30 pct", "5", "30"),
    ],
)
def test_ranges_with_or_and_a_written_low_end(
    sentence: str, fragment: str, low: str, high: str
) -> None:
    mention = find(sentence, fragment)
    assert (mention.value, mention.value_high) == (Decimal(low), Decimal(high))


def test_double_digit_is_no_multiple() -> None:
    assert extract_mentions("It was a second year of double-digit growth.") == []


@pytest.mark.parametrize(
    ("sentence", "day", "note"),
    [
        ("Shipments reached $40.3 billion in the Dec. 1-20 period.", "20", "--12-20"),
        ("Exports in the March 1–10 period rose.", "10", "--03-10"),
        ("Sales from May 3 to 17 were flat.", "17", "--05-17"),
    ],
)
def test_the_last_day_of_a_day_range_is_a_date_not_a_figure(
    sentence: str, day: str, note: str
) -> None:
    mentions = extract_mentions(sentence)
    last = next(m for m in mentions if m.text == day)
    assert last.kind == MentionKind.date and not last.is_figure
    assert last.note == note


def test_a_percent_after_a_date_stays_a_figure() -> None:
    mentions = extract_mentions("Exports on March 1 - 10 percent up on a year earlier.")
    assert [m.text for m in mentions if m.is_figure] == ["10 percent"]


def test_added_up_to_is_a_sum_not_a_hedge() -> None:
    mention = find("Its imports added up to 22,201bn yen in 2004.", "22,201")
    assert mention.text == "22,201bn yen" and mention.qualifier is None
    hedged = find("Its imports could reach up to 22,201bn yen in 2004.", "22,201")
    assert hedged.qualifier is Qualifier.up_to
