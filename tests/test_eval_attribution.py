"""Meaning scores of matched model records (`summarizer.evaluation.attribution`)."""

from __future__ import annotations

import datetime as dt

from support.crosscheck import GOLD, SEEDS, needs_gold

from summarizer.domain import AgreementStatus, Verdict
from summarizer.evaluation.attribution import metric_problem, period_agrees
from summarizer.evaluation.clean import clean_record
from summarizer.evaluation.gold import load_gold_dir
from summarizer.evaluation.scoring import score_records
from summarizer.source_text import read_source_text

ACCEPTED = Verdict.from_discrepancies([], 1)

TEXT = (
    "Hainan's exports to Vietnam reached $695.2 million in 2022, while imports from "
    "Vietnam were $658 million. Trade between Vietnam and Hainan rose 7.5 percent. "
    "Rice prices in Vietnam rose to $406 a ton."
)


def test_roles_parties_and_measures_are_compared_with_the_gold_words() -> None:
    gold = "Hainan's exports to Vietnam"
    assert metric_problem("Hainan's exports to Vietnam", gold, TEXT) is None
    assert metric_problem("exports from Hainan to Vietnam", gold, TEXT) is None
    assert metric_problem("exports from Vietnam to Hainan", gold, TEXT) == "role_swap"
    assert metric_problem("Vietnam's imports from Hainan", gold, TEXT) is None
    assert metric_problem("trade between Vietnam and Hainan", gold, TEXT) == "wrong_metric"
    assert metric_problem("Vietnamese rice price", "price of rice in Vietnam", TEXT) is None
    assert metric_problem("Vietnam's rice exports", "price of rice in Vietnam", TEXT) == (
        "other_measure"
    )


def test_a_party_the_gold_names_in_parentheses_is_implied() -> None:
    assert metric_problem("Hainan's exports", "Hainan's exports (to Vietnam)", TEXT) is None
    assert metric_problem("Hainan's exports", "Hainan's exports to Vietnam", TEXT) == (
        "missing_party"
    )
    assert metric_problem("Vietnam's growth", "growth (of trade)", TEXT) == "extra_party"


def test_a_balance_named_without_its_sign_is_the_surplus_or_deficit_the_gold_names() -> None:
    text = "The gap between Ruritania's exports and imports hit $60bn in November."
    gap = "The gap between Ruritania's exports and imports"
    assert metric_problem(gap, "Ruritania's trade deficit", text) is None
    assert metric_problem("the imbalance", "Ruritania's trade surplus", text) is None
    # a sign the metric states must be the gold's
    assert metric_problem("the deficit", "Ruritania's services balance surplus", text) == (
        "other_measure"
    )


def test_periods_compare_years_month_counts_and_month_names() -> None:
    published = dt.date(2025, 11, 20)
    assert period_agrees("first 10 months of 2025", "the first ten months of 2025", published)
    assert not period_agrees("first 9 months of 2025", "first 10 months of 2025", published)
    assert not period_agrees("2024", "2025", published)
    assert period_agrees("this year", "2025", published)
    assert period_agrees("in July", "July 2025", published)  # no year: the publication's
    assert not period_agrees(None, "2025", published)  # no period: the reader cannot tell
    assert period_agrees("in the January-July period", "first seven months of 2025", published)
    assert period_agrees("January 2024", "January 2024", published)
    assert not period_agrees("2024", "January 2024", published)
    assert not period_agrees("February 2024", "January 2024", published)


def test_gold_built_records_mean_what_the_gold_says_and_a_wrong_status_counts() -> None:
    needs_gold()
    golds = load_gold_dir(GOLD)
    texts = [read_source_text(SEEDS / g.article) for g in golds]
    records = [clean_record(text, g) for g, text in zip(golds, texts, strict=True)]
    scores = score_records([(r, ACCEPTED, g) for r, g in zip(records, golds, strict=True)], texts)
    meaning = scores.meaning
    assert meaning is not None
    assert meaning.attribution.rate == 1.0 and meaning.attribution.judged == scores.figures.matched
    assert meaning.agreement_status.rate == 1.0 and meaning.meeting_date.rate == 1.0
    assert meaning.accepted_wrong_status == 0 and meaning.accepted_role_swaps == 0

    first = records[0]
    wrong = first.agreements[0].model_copy(update={"status": AgreementStatus.in_force})
    records[0] = first.model_copy(update={"agreements": [wrong, *first.agreements[1:]]})
    scores = score_records([(r, ACCEPTED, g) for r, g in zip(records, golds, strict=True)], texts)
    assert scores.meaning is not None
    assert scores.meaning.agreement_status.right == scores.meaning.agreement_status.judged - 1
    assert scores.meaning.accepted_wrong_status == 1
    assert scores.agreements.matched == scores.meaning.agreement_status.judged - 1
