"""Meaning checks on wordings first met in unseen news: goods after "exports of", money
"exchange", "the difference between exports and imports", regions of the Americas, a
rank's own words. Invented sentences, a flagged and a correct case each."""

from __future__ import annotations

import datetime as dt

import pytest
from support.crosscheck import fig, record

from summarizer.crosscheck import check_record
from summarizer.crosscheck.meaning import home_place, measures_of, parse_flow
from summarizer.domain import ReasonCode

PUBLISHED = dt.date(2024, 3, 5)
METRIC_CODES = {ReasonCode.role_swap, ReasonCode.wrong_metric}


def _codes(
    source: str, text: str, value: str, unit: str, metric: str, **extra: str
) -> set[ReasonCode]:
    figure = fig(source, text, value, unit, metric=metric, **extra)
    verdict = check_record(source, record(figure), published=PUBLISHED)
    return {d.code for d in verdict.discrepancies} & METRIC_CODES


GOODS = (
    "date 2024-03-05\n"
    "Ruritania resin output rises\n\n"
    "The office published the data on Tuesday.\n\n"
    "Ruritanian exports of ABC resin in 2023 were 530,000 tonnes, the office said. "
    "Shipments from Ruritania to Borduria grew. Exports of Borduria fell to 80,000 tonnes."
)


@pytest.mark.parametrize(
    ("text", "value", "metric", "flagged"),
    [
        ("530,000 tonnes", "530000", "Ruritania's exports of ABC resin", False),
        ("80,000 tonnes", "80000", "Ruritania's exports of ABC resin", True),
    ],
)
def test_goods_after_exports_of_are_no_owner_but_a_party_is(
    text: str, value: str, metric: str, flagged: bool
) -> None:
    assert bool(_codes(GOODS, text, value, "tonnes", metric, period="2023")) is flagged


RESERVES = (
    "date 2024-03-05\n"
    "Ruritania posts trade surplus\n\n"
    "The office published the data on Tuesday.\n\n"
    "Ruritania's trade surplus hit 13.6 billion dlrs last year. The surplus has boosted "
    "foreign exchange reserves to 50 billion dlrs. Exports to Borduria rose to 9 billion "
    "dlrs. The central bank kept the exchange rate at 31.5 to the dollar."
)


@pytest.mark.parametrize(
    ("text", "value", "unit", "metric", "flagged"),
    [
        ("50 billion dlrs", "50000000000", "USD", "Ruritania's foreign exchange reserves", False),
        ("50 billion dlrs", "50000000000", "USD", "Ruritania's exports", True),
        ("9 billion dlrs", "9000000000", "USD", "Ruritania's exchange rate", True),
    ],
)
def test_foreign_exchange_is_money_not_trade(
    text: str, value: str, unit: str, metric: str, flagged: bool
) -> None:
    assert bool(_codes(RESERVES, text, value, unit, metric)) is flagged


def test_exchange_of_goods_is_still_trade() -> None:
    names = frozenset({"ruritania", "borduria"})
    assert parse_flow("foreign exchange reserves", names).measure is None
    assert parse_flow("the exchange rate", names).measure is None
    assert parse_flow("goods exchange with Borduria", names).measure == "trade"


GAP = (
    "date 2024-03-05\n"
    "Ruritania trade gap narrows\n\n"
    "The office published the data on Tuesday.\n\n"
    "The difference between what Ruritania exported and imported was 3.1 billion dlrs in "
    "January. Exports to Borduria rose to 9 billion dlrs in January."
)


@pytest.mark.parametrize(
    ("metric", "flagged"), [("Ruritania's trade gap", False), ("Ruritania's exports", True)]
)
def test_the_difference_between_exports_and_imports_is_a_balance(
    metric: str, flagged: bool
) -> None:
    codes = _codes(GAP, "3.1 billion dlrs", "3100000000", "USD", metric, period="January 2024")
    assert bool(codes) is flagged
    assert "balance" in measures_of("the difference between what A exported and imported")
    assert "balance" not in measures_of("what A exported and imported")


AMERICAS = (
    "date 2024-12-16\n"
    "Latin America sees strong growth\n\n"
    "The commission published the data on Tuesday.\n\n"
    "Latin America's economy grew, while exports registered their best performance in "
    "two decades. Demand from the US and Borduria helped Latin American exports."
)


def test_a_region_of_the_americas_is_not_the_united_states() -> None:
    assert home_place(AMERICAS) is None
    assert home_place(AMERICAS.replace("Latin America sees", "America sees")) == "us"
    names = frozenset({"latin", "us", "borduria"})
    assert parse_flow("Latin American exports", names).exporter == "latin"
    assert parse_flow("American exports", names).exporter == "us"
    assert parse_flow("South American exports", names).exporter != "us"


@pytest.mark.parametrize(
    ("headline", "metric", "flagged"),
    [
        ("Latin America", "period since Latin American exports last performed this well", False),
        ("America", "period since Borduria's exports last performed this well", True),
    ],
)
def test_a_regions_flow_is_not_the_headlines_america(
    headline: str, metric: str, flagged: bool
) -> None:
    source = AMERICAS.replace("Latin America sees", f"{headline} sees")
    codes = _codes(source, "two decades", "20", "years", metric)
    assert bool(codes) is flagged


RANK = (
    "date 2024-03-05\n"
    "Ruritania seeks new markets\n\n"
    "The office published the data on Tuesday.\n\n"
    "Ruritania is trying to diversify sales to reduce its dependence on its largest export "
    "market, Borduria. Foreign investment in Ruritania rose 3 percent. Exports to Borduria "
    "rose 4 percent."
)


@pytest.mark.parametrize(
    ("metric", "flagged"),
    [
        ("rank of Borduria among Ruritania's export markets", False),
        ("rank of Borduria among Ruritania's sources of investment", True),
    ],
)
def test_a_ranks_own_words_describe_it(metric: str, flagged: bool) -> None:
    codes = _codes(RANK, "largest export market", "1", "rank", metric, kind="ordinal")
    assert bool(codes) is flagged


DESTINATION = (
    "date 2024-03-05\n"
    "Trade figures improve\n\n"
    "The office published the data on Tuesday.\n\n"
    "November saw an improvement in export levels to both Borduria and the rest of the "
    "world, the office said. Borduria exports rose 2%, fuelled by chemicals."
)
OWNER = DESTINATION.replace("export levels to both Borduria", "output in both Borduria")
JAPAN = DESTINATION.replace("Borduria", "Japan")


@pytest.mark.parametrize(
    ("source", "subject", "metric", "flagged"),
    [
        (DESTINATION, "Borduria", "rise in Ruritania's exports to Borduria", False),
        (DESTINATION, "Borduria", "rise in Borduria's exports to Ruritania", True),
        (JAPAN, "Japanese", "rise in Ruritania's exports to Japan", True),
        (JAPAN, "Japan", "rise in Ruritania's exports to Japan", False),
        (OWNER, "Borduria", "rise in Ruritania's exports to Borduria", True),
    ],
)
def test_x_exports_are_exports_to_x_where_the_sentence_before_says_so(
    source: str, subject: str, metric: str, flagged: bool
) -> None:
    source = source.replace("Borduria exports", f"{subject} exports")
    source = source.replace("Japan exports", f"{subject} exports")
    codes = _codes(source, "2%", "2", "percent", metric, kind="change", direction="up")
    assert bool(codes) is flagged


TOP_TRADER = (
    "date 2005-01-26\n"
    "Borduria now top trader with Ruritania\n\n"
    "Borduria overtook Freedonia to become Ruritania's biggest trading partner in 2004. "
    "Ruritania's imports from Borduria rose 12 percent and Ruritania's trade surplus grew "
    "17.9 percent, the ministry in Ruritania said."
)


def test_a_headline_pair_is_about_the_party_whose_trade_the_article_gives() -> None:
    assert home_place(TOP_TRADER) == "ruritania"
    one_sided = TOP_TRADER.replace("Ruritania's imports", "Imports").replace(
        "Ruritania's trade surplus", "the trade surplus"
    )
    assert home_place(one_sided) == "borduria"  # one mention is not the article's trade
    partner = TOP_TRADER.replace("Ruritania's imports", "Ruritania's trade partners' imports")
    assert home_place(partner) == "borduria"  # a trade partner is not the party's trade
