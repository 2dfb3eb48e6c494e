"""Meaning checks on wordings first met in the unseen set: a conversion beside a later
writing of a headline number. Invented sentences, a flagged and a correct case each."""

from __future__ import annotations

import datetime as dt

from support.crosscheck import fig, record

from summarizer.crosscheck import check_record
from summarizer.crosscheck.meaning import unit_unfit
from summarizer.domain import ReasonCode

PUBLISHED = dt.date(2024, 3, 5)
METRIC_CODES = {ReasonCode.role_swap, ReasonCode.wrong_metric}

DEAL = (
    "date 2024-03-05\n"
    "Acme in $4bn gas deal with Ruritania\n\n"
    "Acme has signed a $4bn (£2.1bn) deal with Ruritania to supply gas to Borduria. "
    "Acme also took a £1.5bn loan from Ruritanian banks, the firm said."
)


def test_a_conversion_beside_a_repeat_of_the_headline_number_is_one_quantity() -> None:
    metric = "value of Acme's gas deal with Ruritania"
    dollars = fig(DEAL, "$4bn", "4000000000", "USD", metric=metric)
    right = record(dollars, fig(DEAL, "£2.1bn", "2100000000", "GBP", metric=metric))
    verdict = check_record(DEAL, right, published=PUBLISHED)
    assert {d.code for d in verdict.discrepancies} & METRIC_CODES == set()
    wrong = record(dollars, fig(DEAL, "£1.5bn", "1500000000", "GBP", metric=metric))
    verdict = check_record(DEAL, wrong, published=PUBLISHED)
    assert ReasonCode.wrong_metric in {d.code for d in verdict.discrepancies}


TRADE = (
    "date 2024-03-05\n"
    "Ruritania trade up\n\n"
    "The office said total trade grew to $9.1 billion in January 2024, helped by imports "
    "rising by 14.2 percent and exports rising by 6 percent. The minister credited the "
    "strong growth in exports to shipments to Borduria, making up 37.5 percent share in "
    "total exports. The growth rate of exports to Freedonia reached 21.5 percent."
)


def _trade_codes(text: str, value: str, metric: str, kind: str) -> set[ReasonCode]:
    extra = {"direction": "up"} if kind == "change" else {}
    figure = fig(TRADE, text, value, "percent", kind, metric=metric, period="January 2024", **extra)
    verdict = check_record(TRADE, record(figure), published=PUBLISHED)
    return {d.code for d in verdict.discrepancies}


def test_a_change_with_its_own_noun_before_its_verb_is_that_nouns() -> None:
    assert not _trade_codes("14.2 percent", "14.2", "growth of Ruritania's imports", "change")
    assert not _trade_codes("6 percent", "6", "growth of Ruritania's exports", "change")
    wrong = _trade_codes("14.2 percent", "14.2", "growth of Ruritania's total trade", "change")
    assert wrong & METRIC_CODES


def test_a_percentage_followed_by_share_is_a_share_after_growth_words() -> None:
    share = "Borduria's share of Ruritania's exports"
    assert ReasonCode.kind_mismatch not in _trade_codes("37.5 percent", "37.5", share, "share")
    growth = _trade_codes(
        "21.5 percent", "21.5", "Freedonia's share of Ruritania's exports", "share"
    )
    assert ReasonCode.kind_mismatch in growth


SURPLUS = (
    "date 2023-10-20\n"
    "Ruritania surplus narrows\n\n"
    "The office said the accumulated surplus in the Jan-Sept period was 6.4 billion dlrs, "
    "compared with 7.104 billion dlrs in a similar 2022 period. The minister expects the "
    "year's surplus to reach 8.3 billion dlrs, from 21.2 billion dlrs worth of exports and "
    "12.9 billion dlrs of imports."
)
SURPLUS_DAY = dt.date(2023, 10, 20)


def _surplus_codes(text: str, value: str, metric: str, period: str | None) -> set[ReasonCode]:
    extra = {"period": period} if period else {}
    figure = fig(SURPLUS, text, value, "USD", metric=metric, **extra)
    verdict = check_record(SURPLUS, record(figure), published=SURPLUS_DAY)
    return {d.code for d in verdict.discrepancies}


def test_the_year_of_a_compared_number_is_not_the_figures_period() -> None:
    metric = "Ruritania's accumulated trade surplus"
    assert not _surplus_codes("6.4 billion dlrs", "6400000000", metric, "Jan-Sept 2023")
    assert ReasonCode.period_mismatch in _surplus_codes(
        "6.4 billion dlrs", "6400000000", metric, "Jan-Sept 2019"
    )


def test_a_value_worth_of_goods_is_of_those_goods() -> None:
    assert not _surplus_codes("21.2 billion dlrs", "21200000000", "Ruritania's exports", None)
    wrong = _surplus_codes("21.2 billion dlrs", "21200000000", "Ruritania's trade surplus", None)
    assert wrong & METRIC_CODES


def test_trading_sessions_are_a_span_of_time() -> None:
    assert unit_unfit("period over which the currency gained 2%", "sessions") is None
    assert unit_unfit("value of Ruritania's bond sales", "sessions") is not None


GROWTH = (
    "date 2024-01-03\n"
    "Ruritania growth at 6.3% in 2023\n\n"
    "Ruritania's economy grew by 6.3% in 2023, its best year since 2015, the ministry "
    "said.\n\nThe advance, the second-fastest in Europe after Borduria, was led by growth "
    "of 11.2% in the key chemicals sector. A weak fourth quarter points to slower growth "
    "for the export-driven economy in 2024.\n\nEconomic growth is set to halve in "
    "Ruritania this year to between 3% and 4%."
)


def _growth_codes(metric: str) -> set[ReasonCode]:
    figure = fig(
        GROWTH,
        "6.3%",
        "6.3",
        "percent",
        "change",
        metric=metric,
        direction="up",
        period="2023",
        evidence="Ruritania growth at 6.3% in 2023",
    )
    verdict = check_record(GROWTH, record(figure), published=dt.date(2024, 1, 3))
    return {d.code for d in verdict.discrepancies} & METRIC_CODES


def test_a_headline_number_written_again_may_take_its_metric_from_the_body() -> None:
    assert _growth_codes("growth of Ruritania's economy") == set()
    assert _growth_codes("growth of Ruritania's chemicals sector") != set()
