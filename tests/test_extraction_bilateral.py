"""The article's pair added to a 'two-way trade' that names no country, and a bare flow's partner
from an earlier clause (framed figures)."""

from __future__ import annotations

from summarizer.extraction.bilateral import (
    sides,
    with_part_partner,
    with_partner,
    with_sides,
    with_topic,
)

ARTICLE = (
    "date 2023-11-27\nVietnam, China boost trade ties\n\n"
    "HÀ NỘI — Vietnam and China agreed to boost trade. Vietnam's exports to China rose.\n\n"
    "Two-way trade reached 50.21 billion USD, the Lao side said of China's market."
)


def test_a_bilateral_articles_pair_is_its_home_country_and_the_one_named_most() -> None:
    assert sides(ARTICLE) == ("Vietnam", "China")


def test_the_pair_is_added_in_brackets_only_to_two_way_trade_naming_no_country() -> None:
    pair = ("Vietnam", "China")
    assert with_sides("Two-way trade", pair) == "Two-way trade (Vietnam–China)"
    assert (
        with_sides("growth of bilateral trade", pair) == "growth of bilateral trade (Vietnam–China)"
    )
    assert with_sides("two-way trade between Vietnam and Laos", pair).endswith("Laos")
    assert with_sides("Vietnam's exports", pair) == "Vietnam's exports"
    assert with_sides("Two-way trade", None) == "Two-way trade"


def test_no_pair_when_the_article_is_not_plainly_about_two_countries() -> None:
    many = "date 2023-01-01\nRice prices\n\nThailand, India and Vietnam set prices. " * 2
    assert sides(many) is None  # India and Vietnam tie behind Thailand
    assert sides("Prices at US$453 per tonne in Vietnam. Vietnam's rice.") is None


def test_a_bare_flow_takes_the_partner_of_an_earlier_clause() -> None:
    from summarizer.extraction.bilateral import with_partner

    sentence = (
        "Exports to Peru's biggest trading partner, Chile, fell 6.4 percent to 896 million "
        "soles, while imports fell 5.7 percent to 1.7 billion soles, with the deficit at 804 "
        "million soles."
    )
    assert with_partner("decline of imports", sentence, sentence.index("5.7")) == (
        "decline of imports (from Chile)"
    )
    assert with_partner("the deficit", sentence, sentence.index("804")) == (
        "the deficit (with Chile)"
    )
    # a flow that names its own side, or no partner before it, is left alone
    assert with_partner("exports to Chile", sentence, sentence.index("6.4")) == "exports to Chile"
    alone = "Imports fell 5.7 percent, while exports to Chile rose 2 percent."
    assert with_partner("decline of imports", alone, alone.index("5.7")) == "decline of imports"


def test_a_partner_put_first_is_the_flows_partner() -> None:
    sentence = (
        "As for the European Union, Japan booked a trade deficit for the seventh straight "
        "month, standing at 91.38 billion yen."
    )
    assert with_topic("Japan booked a trade deficit", sentence) == (
        "Japan booked a trade deficit (with the European Union)"
    )
    own = "For China, exports to the United States rose 5 percent."
    assert with_topic("exports to the United States", own) == "exports to the United States"
    assert with_topic("the minister", "For Vietnam, the minister said 5 percent.") == (
        "the minister"
    )
    assert with_topic("the deficit", "The deficit widened to 5 billion.") == "the deficit"


def test_the_united_states_is_a_partner_by_its_name() -> None:
    sentence = (
        "The trade surplus with the United States rose 5 per cent, as exports climbed 7 per cent."
    )
    assert with_partner("growth of exports", sentence, sentence.find("7 per")) == (
        "growth of exports (to the United States)"
    )


def test_a_part_of_the_pairs_total_names_the_other_side() -> None:
    pair = ("Ruritania", "Borduria")
    split = "Of the figure, 16.29 billion USD was from Ruritania's exports, up 28.04 percent."
    assert with_part_partner("Ruritania's exports", split, pair) == (
        "Ruritania's exports (to Borduria)"
    )
    assert with_part_partner("imports", split, pair) == "imports (from Borduria)"
    assert with_part_partner("Borduria's exports", split, pair) == (
        "Borduria's exports (to Ruritania)"
    )
    # a sentence that splits no total, or a flow with a partner of its own, is left alone
    plain = "Ruritania's exports reached 16.29 billion USD."
    assert with_part_partner("Ruritania's exports", plain, pair) == "Ruritania's exports"
    assert with_part_partner("exports to Freedonia", split, pair) == "exports to Freedonia"


def test_a_trade_bloc_is_a_partner_by_its_name() -> None:
    sentence = (
        "Peru's imports from the EU were worth 5.7 billion dlrs and exports worth 2.6 billion."
    )
    assert with_partner("exports", sentence, sentence.find("2.6")) == "exports (to the EU)"
    asean = "Imports from ASEAN fell 3 pct, while exports rose 2 pct."
    assert with_partner("growth of exports", asean, asean.find("2 pct")) == (
        "growth of exports (to ASEAN)"
    )
