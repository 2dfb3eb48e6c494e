"""Meaning checks on real seed sentences: frames, roles, periods, qualifiers, kinds,
summaries, spliced quotes, grounded names, agreement status, datelines, non-figures."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from support.crosscheck import GOLD, SEEDS, fig, needs_gold, record, seed

from summarizer.crosscheck import check_record
from summarizer.crosscheck.meaning import convention_excludes
from summarizer.domain import Extraction, ReasonCode, Verdict, VerdictStatus
from summarizer.evaluation.benchmark import ArticleInput
from summarizer.evaluation.clean import clean_record
from summarizer.evaluation.gold import load_gold_file
from summarizer.evaluation.meaning_mutations import MEANING_CODES, run_meaning_benchmark
from summarizer.frames import FrameRole, frames_for
from summarizer.numbers import extract_mentions
from summarizer.source_text import read_source_text

S000, S001, S002, S003, S004 = (seed(p) for p in ("000", "001", "002", "003", "004"))
P000, P002, P003, P004 = (
    dt.date(2023, 2, 22),
    dt.date(2025, 11, 27),
    dt.date(2023, 5, 18),
    dt.date(2023, 10, 3),
)


def _codes(verdict: Verdict) -> set[ReasonCode]:
    return {d.code for d in verdict.discrepancies}


def _frame_of(text: str, words: str, published: dt.date) -> tuple[dict[str, str], object]:
    mentions = extract_mentions(text)
    frames = frames_for(text, mentions, published)
    ids = {m.text: m.id for m in mentions}
    return ids, frames[ids[words]]


# --------------------------------------------------------------------------- frames


def test_frames_read_respectively_lists_and_their_levels() -> None:
    mentions = extract_mentions(S000)
    frames = frames_for(S000, mentions, P000)
    ids = {m.text: m.id for m in mentions}
    hainan = frames[ids["$695.2 million"]]
    assert hainan.subject is not None and hainan.subject.text == "Hainan’s exports"
    growth = frames[ids["171.9 percent"]]
    assert growth.role is FrameRole.change and growth.respectively
    assert growth.base_id == ids["$695.2 million"]
    assert frames[ids["7.5 percent"]].base_id == ids["$658 million"]
    assert growth.years == frozenset({2022})  # inherited from "In 2022," of the sentence before


def test_frames_give_a_change_its_level_and_the_period_in_scope() -> None:
    mentions = extract_mentions(S002)
    frames = frames_for(S002, mentions, P002)
    ids = {m.text: m.id for m in mentions}
    change = frames[ids["12.13%"]]
    assert change.base_id == ids["29.5 billion USD"]
    assert change.subject is not None and change.subject.text == "Guangxi's exports to Vietnam"
    assert change.period is not None and change.period.text == "in the first 10 months of 2025"
    assert (change.years, change.months) == (frozenset({2025}), 10)
    share = frames[ids["over 95%"]]
    assert share.role is FrameRole.share and share.qualifier is not None
    assert share.qualifier.value == "over"


def test_the_figure_refers_to_the_previous_sentence_and_this_year_is_resolved() -> None:
    mentions = extract_mentions(S003)
    frames = frames_for(S003, mentions, P003)
    later = next(frames[m.id] for m in mentions if m.text == "10.2 billion USD")
    assert later.subject is not None
    assert "trade turnover between Vietnam and Guangdong" in later.subject.text
    assert later.years == frozenset({2023}) and later.months == 3


# --------------------------------------------------------------------------- figures


def test_a_swapped_exporter_is_a_role_swap() -> None:
    wrong = fig(S000, "$695.2 million", "695200000", "USD", metric="exports from Vietnam to Hainan")
    verdict = check_record(S000, record(wrong), published=P000)
    assert ReasonCode.role_swap in _codes(verdict)
    right = wrong.model_copy(update={"metric": "Hainan's exports to Vietnam"})
    assert check_record(S000, record(right), published=P000).status == VerdictStatus.accepted


def test_respectively_figures_given_each_others_metric_are_flagged() -> None:
    growth = fig(
        S000, "171.9 percent", "171.9", "percent", "change", direction="up",
        metric="growth of Vietnam's exports",
    )  # fmt: skip
    assert ReasonCode.role_swap in _codes(check_record(S000, record(growth), published=P000))
    right = growth.model_copy(update={"metric": "growth of Hainan's exports"})
    assert check_record(S000, record(right), published=P000).status == VerdictStatus.accepted


def test_a_one_way_flow_labelled_as_the_total_is_a_wrong_metric() -> None:
    label = "import-export turnover between Vietnam and Guangxi"
    part = fig(S002, "29.5 billion USD", "29500000000", "USD", metric=label)
    assert ReasonCode.wrong_metric in _codes(check_record(S002, record(part), published=P002))
    total = fig(S002, "35.7 billion USD", "35700000000", "USD", metric=label)
    assert check_record(S002, record(total), published=P002).status == VerdictStatus.accepted


@pytest.mark.parametrize(
    ("period", "flagged"),
    [
        ("first 10 months of 2025", False),
        ("first 10 months of 2024", True),
        ("first 9 months of 2025", True),
    ],
)
def test_the_period_must_be_the_one_in_scope(period: str, flagged: bool) -> None:
    figure = fig(S002, "29.5 billion USD", "29500000000", "USD", period=period)
    codes = _codes(check_record(S002, record(figure), published=P002))
    assert (ReasonCode.period_mismatch in codes) is flagged


@pytest.mark.parametrize(
    ("qualifier", "flagged"),
    [(None, True), ("under", True), ("over", False), ("more_than", False)],
)
def test_a_hedge_must_be_kept_and_not_flipped(qualifier: str | None, flagged: bool) -> None:
    figure = fig(S002, "over 95%", "95", "percent", "share", qualifier=qualifier)
    codes = _codes(check_record(S002, record(figure), published=P002))
    assert (ReasonCode.qualifier_mismatch in codes) is flagged


def test_an_invented_hedge_is_flagged() -> None:
    figure = fig(S003, "10.2 billion USD", "10200000000", "USD", qualifier="about")
    assert ReasonCode.qualifier_mismatch in _codes(check_record(S003, record(figure)))


def test_a_change_recorded_as_a_share_and_a_level_as_a_change_are_kind_mismatches() -> None:
    share = fig(S000, "56 percent", "56", "percent", "share")
    assert ReasonCode.kind_mismatch in _codes(check_record(S000, record(share), published=P000))
    level = fig(S002, "35.7 billion USD", "35700000000", "USD", "change", direction="up")
    assert ReasonCode.kind_mismatch in _codes(check_record(S002, record(level), published=P002))


# --------------------------------------------------------------------------- summary, quotes


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Guangxi's exports to Vietnam reached 29.5 billion USD.", False),
        ("Guangxi's imports from Vietnam reached 29.5 billion USD.", True),
        ("In 2024, Guangxi's exports to Vietnam reached 29.5 billion USD.", True),
    ],
)
def test_summary_numbers_must_keep_their_metric_and_year(summary: str, flagged: bool) -> None:
    verdict = check_record(S002, Extraction(summary=summary), published=P002)
    assert (ReasonCode.summary_misattributed in _codes(verdict)) is flagged


def test_an_elided_quote_must_stay_inside_one_sentence() -> None:
    base = fig(S000, "$658 million", "658000000", "USD")
    across = "reached US$1.35 billion ... $658 million in Vietnam’s exports"
    spliced = base.model_copy(update={"evidence": across})
    verdict = check_record(S000, record(spliced), published=P000)
    assert ReasonCode.evidence_spliced in _codes(verdict)
    within = base.model_copy(update={"evidence": "That comprised … $658 million"})
    assert check_record(S000, record(within), published=P000).status == VerdictStatus.accepted


# --------------------------------------------------------------------------- names


def _meeting(**fields: object) -> Extraction:
    meeting = {"kind": "meeting", "participants": [{"name": "Nguyen Hong Dien"}], **fields}
    return Extraction.model_validate({"summary": "s", "meetings": [meeting]})


@pytest.mark.parametrize(
    ("source", "fields", "grounded"),
    [
        (S000, {"participants": [{"name": "Tran Van Minh"}]}, False),
        (S000, {"location": "Bangkok"}, False),
        (S000, {"location": "Hanoi"}, True),
        (S004, {"participants": [{"name": "Tran Thi Phuong Lan"}], "location": "Ha Noi"}, True),
        (
            S000,
            {"participants": [{"name": "Shen Xiaoming", "title": "Secretary of the Party "
             "Committee of Hainan province", "country": "China"}]},
            True,
        ),
    ],
)  # fmt: skip
def test_names_titles_and_places_must_be_in_the_source(
    source: str, fields: dict[str, object], grounded: bool
) -> None:
    codes = _codes(check_record(source, _meeting(**fields)))
    assert (ReasonCode.ungrounded_text not in codes) is grounded


def test_agreement_titles_read_abbreviations_and_demonyms() -> None:
    title = "MoU on cooperation between the Vietnamese Ministry of Industry and Trade and Hainan"
    ok = Extraction.model_validate(
        {
            "summary": "s",
            "agreements": [
                {"title": title, "type": "mou", "status": "under_negotiation"},
                {"title": "Memorandum of understanding on Vietnam-Hainan cooperation",
                 "type": "mou", "status": "under_negotiation"},
            ],
        }
    )  # fmt: skip
    assert check_record(S000, ok).status == VerdictStatus.accepted
    pact = ok.agreements[0].model_copy(update={"title": "Rice export quota pact"})
    invented = ok.model_copy(update={"agreements": [pact]})
    assert ReasonCode.ungrounded_text in _codes(check_record(S000, invented))


# --------------------------------------------------------------------------- agreements, dates


def test_a_status_its_sentence_contradicts_is_flagged_and_no_cue_is_unverified() -> None:
    title = "MoU on cooperation between the Vietnamese Ministry of Industry and Trade and Hainan"
    rec = Extraction.model_validate(
        {"summary": "s", "agreements": [{"title": title, "type": "mou", "status": "in_force"}]}
    )
    verdict = check_record(S000, rec)
    assert ReasonCode.status_contradicted in _codes(verdict)
    assert "upgrade" in verdict.discrepancies[0].message
    ftas = {"title": "new generation free trade agreements", "type": "trade_agreement"}
    quiet = Extraction.model_validate(
        {"summary": "s", "agreements": [{**ftas, "status": "signed"}]}
    )
    verdict = check_record(S004, quiet)
    assert verdict.status == VerdictStatus.accepted
    assert [u.field for u in verdict.unverified] == ["agreements[0].status"]


def _conference(date: str, date_text: str) -> Extraction:
    meeting = {
        "kind": "conference",
        "date": date,
        "date_text": date_text,
        "participants": [{"name": "Phan Thị Thắng"}],
    }
    return Extraction.model_validate({"summary": "s", "meetings": [meeting]})


def test_a_meeting_dated_by_the_dateline_is_flagged() -> None:
    dateline = _conference("2023-10-03", "October 3")
    assert ReasonCode.date_from_dateline in _codes(check_record(S004, dateline, published=P004))
    monday = _conference("2023-10-02", "on Monday")
    assert check_record(S004, monday, published=P004).status == VerdictStatus.accepted


@pytest.mark.parametrize(
    ("source", "text", "value", "unit", "kind", "flagged"),
    [
        (S002, "20th Central Committee", "20", "committee", "ordinal", True),
        (S000, "2022", "2022", "years", "count", True),
        (S001, "21st edition", "21", "edition", "ordinal", False),  # "its 21st edition."
    ],
)
def test_years_dates_and_ordinals_of_names_are_not_figures(
    source: str, text: str, value: str, unit: str, kind: str, flagged: bool
) -> None:
    figure = fig(source, text, value, unit, kind)
    codes = _codes(check_record(source, record(figure)))
    assert (ReasonCode.not_a_figure in codes) is flagged


# --------------------------------------------------------------------------- gold records


@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_gold_derived_seed_records_raise_no_meaning_discrepancy(name: str) -> None:
    needs_gold()
    gold = load_gold_file(GOLD / f"{name}.json")
    text = read_source_text(SEEDS / gold.article)
    verdict = check_record(text, clean_record(text, gold), published=gold.published)
    assert not [d.message for d in verdict.discrepancies if d.code in MEANING_CODES]


def test_meaning_benchmark_meets_its_targets_on_the_seeds() -> None:
    needs_gold()
    articles = []
    for path in sorted(GOLD.glob("*.json")):
        gold = load_gold_file(path)
        articles.append(ArticleInput(path.stem, read_source_text(SEEDS / gold.article), gold))
    result = run_meaning_benchmark(articles)
    assert result.clean.rate == 0.0, result.clean.misses[:3]
    assert result.kinds["invented_name"].rate == 1.0
    assert result.kinds["invented_location"].rate == 1.0
    assert result.meets_targets, {k: v.rate for k, v in result.kinds.items()}


def test_eval_meaning_flag_adds_the_meaning_benchmark_to_the_json() -> None:
    needs_gold()
    from typer.testing import CliRunner

    from summarizer.cli import app

    args = ["eval", "--articles", str(SEEDS), "--gold", str(GOLD), "--meaning", "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    meaning = json.loads(result.stdout)["meaning"]
    assert meaning["meets_targets"] is True
    assert meaning["false_alarm_rate"] == 0.0
    assert meaning["detection"]["invented_name"] == 1.0


def test_a_source_is_read_once_however_many_records_are_checked() -> None:
    """The frames and word indexes depend on the source alone: a second record of the
    same source reuses them; another mention list (or another date) reads it afresh."""
    from summarizer.crosscheck.context import SourceContext
    from summarizer.crosscheck.faithful import clear_meaning_caches, source_meaning

    text = "Exports rose 4 percent to 12 billion USD in 2024, while imports fell 2 percent."
    mentions = extract_mentions(text)
    clear_meaning_caches()
    first = source_meaning(SourceContext(text, mentions, dt.date(2025, 1, 5)))
    again = source_meaning(SourceContext(text, extract_mentions(text), dt.date(2025, 1, 5)))
    assert again is first
    fewer = source_meaning(SourceContext(text, mentions[:1], dt.date(2025, 1, 5)))
    assert fewer is not first and len(fewer.frames) < len(first.frames)
    assert source_meaning(SourceContext(text, mentions, dt.date(2026, 1, 5))) is not first


def test_a_base_a_year_earlier_is_of_the_year_before_the_one_stated() -> None:
    text = (
        "date 2010-03-01\nAcme posts record results\n\n"
        "Acme's profit rose to $5bn in 2009. Revenue climbed to $9bn, from $7bn a year earlier."
    )
    published = dt.date(2010, 3, 1)

    def codes(period: str) -> set[ReasonCode]:
        base = fig(text, "$7bn", "7000000000", "USD", metric="Acme revenue", period=period)
        return _codes(check_record(text, record(base), published=published))

    assert ReasonCode.period_mismatch not in codes("2008 (a year earlier)")
    assert ReasonCode.period_mismatch in codes("2006")


def test_metrics_differing_only_in_function_words_are_twins_no_case_swaps() -> None:
    from summarizer.evaluation.meaning_mutations import _same_words

    assert _same_words("Peru-Chile two-way trade", "two-way trade between Peru and Chile")
    assert _same_words("Peru's copper exports (record)", "copper exports of Peru")
    assert not _same_words("Peru's copper exports", "Peru's copper imports")
    assert not _same_words("copper price at the close", "copper price at the end of 2023")


def test_a_product_grade_is_not_a_figure_but_a_share_is() -> None:
    graded = "Vietnam's 25% broken rice sold at 410 USD a tonne."
    assert convention_excludes(graded, graded.index("25%"), graded.index("25%") + 3)
    figure = fig(graded, "25%", "25", "percent", "share")
    assert ReasonCode.not_a_figure in _codes(check_record(graded, record(figure)))
    listed = "Its 5% and 25% broken rice cost 410 and 390 USD a tonne."
    assert convention_excludes(listed, listed.index("5%"), listed.index("5%") + 2)
    share = "Rice sold at 410 USD a tonne, and 25% of it went to Ghana."
    assert convention_excludes(share, share.index("25%"), share.index("25%") + 3) is None
