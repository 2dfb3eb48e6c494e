"""The article's pair added to a 'two-way trade' that names no country (framed figures)."""

from __future__ import annotations

from summarizer.extraction.bilateral import sides, with_sides

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
