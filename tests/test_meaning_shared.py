"""A metric the record gives two figures of one period, and a summary number said of
another figure's metric: invented sentences, one flagged and one correct case each."""

from __future__ import annotations

import datetime as dt

import pytest
from support.crosscheck import fig, record

from summarizer.crosscheck import check_record
from summarizer.domain import Discrepancy, ReasonCode

SOURCE = (
    "date 2024-03-05\n"
    "Ruritania posts trade figures\n\n"
    "The statistics office released its monthly report on Tuesday.\n\n"
    "Ruritania's exports to Borduria rose to $4.2 billion in January, the office said. "
    "Its exports to Freedonia reached $1.9 billion in January. "
    "A year earlier, exports to Freedonia stood at $1.2 billion.\n\n"
    "The trade deficit with Freedonia stood at 310 billion yen ($2.6 billion) in January.\n\n"
    "Wheat and barley harvests were both strong. The wheat harvest reached 4.2 million "
    "tonnes in 2023, and the barley harvest 1.9 million tonnes. Wheat bound for Borduria "
    "fetched $210 a tonne.\n\nHard wheat sold at 52 dlrs a tonne, soft wheat at 51.80 dlrs."
)
PUBLISHED = dt.date(2024, 3, 5)
BORDURIA = "Ruritania's exports to Borduria"
FREEDONIA = "Ruritania's exports to Freedonia"


def _flags(rec: object, code: ReasonCode) -> list[Discrepancy]:
    verdict = check_record(SOURCE, rec, published=PUBLISHED)  # type: ignore[arg-type]
    return [d for d in verdict.discrepancies if d.code is code]


def _figure(text: str, value: str, metric: str, period: str, unit: str = "USD") -> object:
    return fig(SOURCE, text, value, unit, metric=metric, period=period)


def test_two_figures_of_one_period_with_one_metric_flag_the_one_the_source_denies() -> None:
    wrong = record(
        _figure("4.2 million tonnes", "4200000", "wheat harvest", "2023", "tonnes"),
        _figure("1.9 million tonnes", "1900000", "wheat harvest", "2023", "tonnes"),
    )
    flags = _flags(wrong, ReasonCode.wrong_metric)
    assert [d.field for d in flags] == ["figures[1].metric"]
    assert "also the metric of figures[0]" in flags[0].message


def test_two_numbers_of_one_sentence_are_two_quantities_even_when_one_rounds_the_other() -> None:
    def price(text: str, value: str, metric: str) -> object:
        return _figure(text, value, metric, "2023", "USD per tonnes")

    wrong = record(
        price("52 dlrs a tonne", "52", "hard wheat price"),
        price("51.80 dlrs", "51.80", "hard wheat price"),
    )
    assert [d.field for d in _flags(wrong, ReasonCode.wrong_metric)] == ["figures[1].metric"]
    right = record(
        price("52 dlrs a tonne", "52", "hard wheat price"),
        price("51.80 dlrs", "51.80", "soft wheat price"),
    )
    assert _flags(right, ReasonCode.wrong_metric) == []


def test_two_figures_with_no_period_and_one_metric_of_two_words_are_flagged() -> None:
    def harvest(text: str, value: str, metric: str) -> object:
        return fig(SOURCE, text, value, "tonnes", metric=metric)

    wrong = record(
        harvest("4.2 million tonnes", "4200000", "wheat harvest"),
        harvest("1.9 million tonnes", "1900000", "wheat harvest"),
    )
    assert [d.field for d in _flags(wrong, ReasonCode.wrong_metric)] == ["figures[1].metric"]
    loose = record(
        harvest("4.2 million tonnes", "4200000", "harvest"),
        harvest("1.9 million tonnes", "1900000", "harvest"),
    )
    assert _flags(loose, ReasonCode.wrong_metric) == []


def test_a_summary_price_said_of_the_next_price_of_its_sentence_is_flagged() -> None:
    figures = (
        _figure("52 dlrs a tonne", "52", "hard wheat price", "2023", "USD per tonnes"),
        _figure("51.80 dlrs", "51.80", "soft wheat price", "2023", "USD per tonnes"),
    )
    wrong = record(*figures, summary="Reported figures — soft wheat price: 52 dlrs a tonne.")
    assert len(_flags(wrong, ReasonCode.summary_misattributed)) == 1
    right = record(*figures, summary="Reported figures — hard wheat price: 52 dlrs a tonne.")
    assert _flags(right, ReasonCode.summary_misattributed) == []


def test_one_metric_for_two_periods_or_a_conversion_is_no_error() -> None:
    right = record(
        _figure("$1.9 billion", "1900000000", FREEDONIA, "January 2024"),
        _figure("$1.2 billion", "1200000000", FREEDONIA, "January 2023"),
        _figure("310 billion yen", "310000000000", "deficit with Freedonia", "January 2024", "JPY"),
        _figure("$2.6 billion", "2600000000", "deficit with Freedonia", "January 2024"),
    )
    assert _flags(right, ReasonCode.wrong_metric) == []


def test_a_summary_number_said_of_another_figures_metric_is_flagged() -> None:
    figures = (
        _figure("4.2 million tonnes", "4200000", "wheat harvest", "2023", "tonnes"),
        _figure("1.9 million tonnes", "1900000", "barley harvest", "2023", "tonnes"),
    )
    wrong = record(*figures, summary="Reported figures — wheat harvest: 1.9 million tonnes.")
    flags = _flags(wrong, ReasonCode.summary_misattributed)
    assert len(flags) == 1 and "'1.9 million tonnes' is said to be" in flags[0].message
    right = record(*figures, summary="Reported figures — barley harvest: 1.9 million tonnes.")
    assert _flags(right, ReasonCode.summary_misattributed) == []


TRANSFERS = (
    "date 2024-06-01\n"
    "Freedonia posts record transfers\n\n"
    "The central bank published its annual report on Monday.\n\n"
    "Freedonian workers living abroad sent a record $9.5 billion home to Freedonia last year. "
    "Remittances rose 12 percent, and each remittance averaged $310. "
    "Household savings deposits reached $40 billion, the bank said. "
    "The bank opened its 12th branch in May. About 2 million Freedonians live overseas."
)


def _transfer_flags(metric: str) -> list[Discrepancy]:
    figure = fig(TRANSFERS, "$9.5 billion", "9500000000", "USD", metric=metric)
    verdict = check_record(TRANSFERS, record(figure), published=dt.date(2024, 6, 1))
    return [d for d in verdict.discrepancies if d.code is ReasonCode.wrong_metric]


def test_a_summary_number_said_of_another_kind_of_figures_metric_is_flagged() -> None:
    figures = (
        _figure("4.2 million tonnes", "4200000", "wheat harvest", "2023", "tonnes"),
        _figure("$210 a tonne", "210", "wheat bound for Borduria", "2023", "USD per tonnes"),
    )
    wrong = record(
        *figures, summary="Reported figures — wheat bound for Borduria: 4.2 million tonnes."
    )
    assert len(_flags(wrong, ReasonCode.summary_misattributed)) == 1
    right = record(*figures, summary="Reported figures — wheat harvest: 4.2 million tonnes.")
    assert _flags(right, ReasonCode.summary_misattributed) == []


def test_a_measure_word_another_figure_also_uses_is_a_paraphrase_not_an_error() -> None:
    assert _transfer_flags("Freedonia's remittances") == []


@pytest.mark.parametrize("metric", ["Freedonia's household savings deposits", "Freedonia's branch"])
def test_a_metric_whose_words_all_describe_another_figure_is_flagged(metric: str) -> None:
    assert [d.field for d in _transfer_flags(metric)] == ["figures[0].metric"]


def test_a_metric_naming_what_its_number_counts_is_that_numbers() -> None:
    def flags(metric: str) -> list[Discrepancy]:
        figure = fig(TRANSFERS, "About 2 million Freedonians", "2000000", "freedonians")
        figure = figure.model_copy(update={"metric": metric})
        verdict = check_record(TRANSFERS, record(figure), published=dt.date(2024, 6, 1))
        return [d for d in verdict.discrepancies if d.code is ReasonCode.wrong_metric]

    assert flags("Freedonians living abroad") == []
    assert [d.field for d in flags("workers living abroad")] == ["figures[0].metric"]


SPLIT = (
    "date 2024-05-02\n"
    "Ruritania trade report\n\n"
    "The office published the data on Monday.\n\n"
    "Ruritania's trade with Borduria reached $9 billion in April. Of the figure, $5 billion "
    "was from Ruritania's exports, while the remaining was from imports, up 12 percent."
)


@pytest.mark.parametrize(
    ("metric", "flagged"),
    [
        ("growth of Ruritania's imports from Borduria", False),
        ("growth of Borduria's imports from Ruritania", True),
    ],
)
def test_a_bare_noun_phrase_reads_its_flow_from_the_words_up_to_the_number(
    metric: str, flagged: bool
) -> None:
    figure = fig(SPLIT, "12 percent", "12", "percent", "change", direction="up", metric=metric)
    verdict = check_record(SPLIT, record(figure), published=dt.date(2024, 5, 2))
    codes = {d.code for d in verdict.discrepancies}
    assert (ReasonCode.role_swap in codes) is flagged


RATES = (
    "date 2024-07-01\n"
    "Ruritania economy report\n\n"
    "The office published the data on Monday.\n\n"
    "The annual growth rate accelerated to 4.1 percent in June. "
    "The share of exports in output grew to 38 percent."
)


@pytest.mark.parametrize(
    ("text", "value", "flagged"), [("4.1 percent", "4.1", True), ("38 percent", "38", False)]
)
def test_a_percentage_its_words_call_a_growth_is_a_change_not_a_share(
    text: str, value: str, flagged: bool
) -> None:
    figure = fig(RATES, text, value, "percent", "share", metric="rate")
    verdict = check_record(RATES, record(figure), published=dt.date(2024, 7, 1))
    codes = {d.code for d in verdict.discrepancies}
    assert (ReasonCode.kind_mismatch in codes) is flagged


OUTLOOK = (
    "date 2024-08-01\n"
    "Ruritania economy report\n\n"
    "The office published the data on Monday.\n\n"
    "The Ruritanian economy grew 2.3 percent in 2023.\n\n"
    "The central bank expects the economy to grow 3.4 percent in 2024."
)


@pytest.mark.parametrize(
    ("text", "value", "metric", "flagged"),
    [
        ("2.3 percent", "2.3", "forecast growth of Ruritania's economy", True),
        ("3.4 percent", "3.4", "forecast growth of Ruritania's economy", False),
        ("2.3 percent", "2.3", "growth of Ruritania's economy", False),
    ],
)
def test_a_metric_calling_its_number_a_forecast_needs_a_forecast_word(
    text: str, value: str, metric: str, flagged: bool
) -> None:
    figure = fig(OUTLOOK, text, value, "percent", "change", direction="up", metric=metric)
    verdict = check_record(OUTLOOK, record(figure), published=dt.date(2024, 8, 1))
    flags = [d for d in verdict.discrepancies if d.code is ReasonCode.wrong_metric]
    assert bool(flags) is flagged


RANKS = (
    "date 2024-09-01\n"
    "Ruritania trade report\n\n"
    "The office published the data on Monday.\n\n"
    "Ruritania's exports to Borduria rose in August. Borduria remained the second largest "
    "export market of Ruritania. Ruritania is Freedonia's seventh largest trade partner in "
    "Asia."
)


@pytest.mark.parametrize(
    ("text", "metric", "code"),
    [
        ("second largest", "Borduria's rank among Ruritania's export markets", None),
        (
            "second largest",
            "Ruritania's rank among Borduria's export markets",
            ReasonCode.role_swap,
        ),
        ("seventh largest", "Ruritania's rank among Freedonia's trade partners in Asia", None),
    ],
)
def test_a_rank_names_the_ranked_party_and_whose_rank_it_is(
    text: str, metric: str, code: ReasonCode | None
) -> None:
    figure = fig(RANKS, text, "2" if "second" in text else "7", "rank", "ordinal", metric=metric)
    verdict = check_record(RANKS, record(figure), published=dt.date(2024, 9, 1))
    codes = {d.code for d in verdict.discrepancies} & {
        ReasonCode.role_swap,
        ReasonCode.wrong_metric,
    }
    assert codes == ({code} if code else set())


EARLIER = (
    "date 2024-08-01\n"
    "Ruritania harvest report\n\n"
    "The office published the data on Monday.\n\n"
    "Wheat output hit 4.4 million tonnes in 2023; barley output was lower than in 2022, at "
    "2.1 million tonnes. Rye output rose to 1.6 million tonnes from 1.3 million tonnes a "
    "year earlier."
)


@pytest.mark.parametrize(
    ("text", "value", "metric", "flagged"),
    [
        ("4.4 million tonnes", "4400000", "wheat output a year earlier", True),
        ("1.3 million tonnes", "1300000", "rye output a year earlier", False),
    ],
)
def test_a_metric_calling_its_number_an_earlier_figure_needs_a_comparison_in_its_clause(
    text: str, value: str, metric: str, flagged: bool
) -> None:
    figure = fig(EARLIER, text, value, "tonnes", metric=metric)
    verdict = check_record(EARLIER, record(figure), published=dt.date(2024, 8, 1))
    flags = [d for d in verdict.discrepancies if d.code is ReasonCode.wrong_metric]
    assert bool(flags) is flagged


MONTHS = (
    "date 2024-11-05\n"
    "Ruritania trade report\n\n"
    "The office published the data on Monday.\n\n"
    "In the first 10 months, Ruritania's exports beat Borduria's by $2 billion. "
    "The 10-month average export price of steel fell 20 percent. Two-way turnover reached $9 "
    "billion."
)


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        (
            "Reported figures — margin of Ruritania's 10-month export turnover over "
            "Borduria's: $2 billion.",
            False,
        ),
        ("Reported figures — average export price of steel: $2 billion.", True),
    ],
)
def test_a_span_adjective_inside_a_summary_phrase_is_its_period_not_a_figure(
    summary: str, flagged: bool
) -> None:
    figure = fig(MONTHS, "$2 billion", "2000000000", "USD", metric="margin of Ruritania's exports")
    verdict = check_record(MONTHS, record(figure, summary=summary), published=dt.date(2024, 11, 5))
    codes = {d.code for d in verdict.discrepancies}
    assert (ReasonCode.summary_misattributed in codes) is flagged


def test_a_metric_that_is_no_noun_phrase_is_shown_unconfirmed_not_accepted_silently() -> None:
    from summarizer.crosscheck.meaning import names_a_measure

    for junk in ("clearing the way for it to conclude a", "Japan's", "valuing the company", "30%"):
        assert not names_a_measure(junk), junk
    for fine in (BORDURIA, "widening of the US trade deficit", "damages Yukos will sue Baikal for"):
        assert names_a_measure(fine), fine
    figure = _figure("$4.2 billion", "4200000000", "Ruritania's", "January")
    verdict = check_record(SOURCE, record(figure), published=PUBLISHED)  # type: ignore[arg-type]
    assert [u.field for u in verdict.unverified] == ["figures[0].metric"]
    named = _figure("$4.2 billion", "4200000000", BORDURIA, "January")
    verdict = check_record(SOURCE, record(named), published=PUBLISHED)  # type: ignore[arg-type]
    assert verdict.unverified == []
