"""How a source figure is read beyond its own words: an unstated unit, a scale shared with
the next number, a figure the article repeats, a summary that copies a source figure.

Sentences are written for these tests (none is from the development corpus or the seeds).
"""

from __future__ import annotations

from support.crosscheck import fig, record

from summarizer.crosscheck import check_record
from summarizer.domain import ReasonCode, VerdictStatus

SOURCE = (
    "Exports up 7.5% in June\n\n"
    "Exports rose 7.5 percent in June from a year earlier. "
    "Factory output was 0.3 lower than a year earlier. "
    "Deposits rose to 88.2 billion dlrs against 90.5 and 71.4 billion a year ago. "
    "The peso traded at 17.25 pesos to the dollar on Friday."
)


def test_a_change_without_a_unit_is_a_note_not_a_flag() -> None:
    figure = fig(SOURCE, "0.3 lower", "-0.3", "percent", "change", direction="down")
    verdict = check_record(SOURCE, record(figure))
    assert verdict.status == VerdictStatus.accepted
    assert [u.field for u in verdict.unverified] == ["figures[0].unit"]


def test_a_level_without_a_unit_is_still_no_percentage() -> None:
    source = "The 14 year-old loan was rolled over on Friday."
    figure = fig(source, "14", "14", "percent", "share")
    codes = {d.code for d in check_record(source, record(figure)).discrepancies}
    assert ReasonCode.unit_mismatch in codes or ReasonCode.not_in_source in codes


def test_a_bare_number_shares_the_scale_of_the_next_one() -> None:
    figure = fig(SOURCE, "90.5", "90500000000", "USD")
    assert check_record(SOURCE, record(figure)).status == VerdictStatus.accepted
    wrong = fig(SOURCE, "90.5", "90500000", "USD")
    assert {d.code for d in check_record(SOURCE, record(wrong)).discrepancies} == {
        ReasonCode.scale_mismatch
    }


def test_quoted_text_may_be_the_figure_where_the_article_repeats_it() -> None:
    figure = fig(SOURCE, "7.5 percent", "7.5", "percent", "change", direction="up")
    moved = figure.model_copy(update={"text": "7.5%"})
    assert check_record(SOURCE, record(moved)).status == VerdictStatus.accepted


def test_a_summary_may_copy_a_source_figure_read_in_context() -> None:
    # Alone, "17.25 pesos" is an amount; in the source it is a rate. "90.5" alone has no scale.
    verdict = check_record(
        SOURCE, record(summary="The peso was at 17.25 pesos; deposits were 90.5 in June.")
    )
    assert verdict.status == VerdictStatus.accepted, [d.message for d in verdict.discrepancies]


def test_a_summary_copying_no_source_figure_is_still_checked() -> None:
    verdict = check_record(SOURCE, record(summary="Deposits were 95.5 in June."))
    assert verdict.status == VerdictStatus.flagged


def test_a_value_not_in_its_evidence_is_no_misread_twin_elsewhere() -> None:
    # 1.1% is not in its evidence; "1.1 point" two sentences on is another figure, so the
    # reason is not_in_source, not percent_vs_points.
    source = "Output grew 0.7 pct in March. Farm output added 1.1 point to growth."
    invented = fig(source, "0.7 pct", "1.1", "percent", "change", direction="up")
    found = check_record(source, record(invented)).discrepancies
    assert [d.code for d in found if d.field == "figures[0].value"] == [ReasonCode.not_in_source]
    misread = fig(source, "0.7 pct", "0.7", "percentage_point", "change", direction="up")
    found = check_record(source, record(misread)).discrepancies
    assert [d.code for d in found if d.field == "figures[0].value"] == [
        ReasonCode.percent_vs_points
    ]


def test_a_scale_slip_keeps_the_digits_exactly() -> None:
    source = "Turnover reached 27.5 billion roubles, while output rose 0.1 in the year."
    slip = fig(source, "27.5 billion roubles", "27500000", "SUR")
    assert [d.code for d in check_record(source, record(slip)).discrepancies] == [
        ReasonCode.scale_mismatch
    ]
    # 72.5 billion is no slip of "0.1" (which would round it at the trillion): not in source.
    swapped = fig(source, "27.5 billion roubles", "72500000000", "SUR")
    codes = {d.code for d in check_record(source, record(swapped)).discrepancies}
    assert codes == {ReasonCode.not_in_source}


def test_quoted_text_is_found_only_as_a_whole_number() -> None:
    # "6%" is not the "6%" inside the headline's "8.6%": the text is read as free text.
    source = "Trade up 8.6% in the year\n\nExports rose 6 percent in July."
    figure = fig(source, "6 percent", "6", "percent", "change", direction="up")
    moved = figure.model_copy(update={"text": "6%"})
    assert check_record(source, record(moved)).status == VerdictStatus.accepted
