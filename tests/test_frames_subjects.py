"""What a number measures when the words right before it do not say: the noun phrase of
its clause's verb, of the number it converts, of the figure it is compared with; and the
flows such phrases name. Sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.crosscheck.meaning import parse_flow
from summarizer.domain import ReasonCode
from summarizer.evaluation.meaning_mutations import TWO_WAY
from summarizer.extraction.requests import find_mentions
from summarizer.frames import Frame, frames_for
from summarizer.numbers import extract_mentions

PUBLISHED = dt.date(2024, 6, 1)


def _frame(text: str, number: str) -> Frame:
    mentions = extract_mentions(text)
    frames = frames_for(text, mentions, PUBLISHED)
    found = [frames[m.id] for m in mentions if m.text.startswith(number) and m.id in frames]
    assert found, f"no frame for {number!r} in {[m.text for m in mentions]}"
    return found[0]


def _subject(text: str, number: str) -> str | None:
    subject = _frame(text, number).subject
    return subject.text if subject else None


def test_a_change_and_the_level_it_reaches_measure_the_phrase_before_the_verb() -> None:
    text = "Peru's exports to Chile rose by 6.5 percent to 2.3 billion USD in 2023."
    assert _subject(text, "6.5") == "Peru's exports to Chile"
    assert _subject(text, "2.3") == "Peru's exports to Chile"


def test_levels_after_to_and_from_belong_to_the_clause_subject() -> None:
    text = "Seasonally adjusted, imports rose in March to 4.2 billion dlrs from 3.9 billion in May."
    assert _subject(text, "4.2") == "imports"
    assert _subject(text, "3.9") == "imports"


def test_an_appositive_name_stays_in_the_subject() -> None:
    text = "Shipments to the island's biggest buyer, Norway, fell 3 percent to 2.1 billion euros."
    subject = _subject(text, "3")
    assert subject is not None and subject.startswith("Shipments to the island's biggest buyer")
    assert "Norway" in subject


def test_a_relative_clause_before_the_verb_is_not_the_subject() -> None:
    text = (
        "In the first half, garment exports, which are counted apart from footwear, "
        "gained 8 percent from a year earlier."
    )
    assert _subject(text, "8") == "garment exports"


def test_with_and_as_clauses_have_their_own_subjects() -> None:
    text = (
        "The surplus with Canada rose 4 percent to 900 million dlrs, as imports climbed "
        "nearly 2 percent, with exports totalling 1.5 billion dlrs."
    )
    assert _subject(text, "nearly 2") == "imports"
    assert _subject(text, "1.5") == "exports"


def test_a_conversion_in_brackets_measures_what_the_number_before_it_measures() -> None:
    text = "Exports fell 2 percent to 600 billion yen (4.1 billion U.S. dollars) in May."
    assert _subject(text, "4.1") == _subject(text, "600") == "Exports"


def test_a_level_said_to_come_from_a_phrase_measures_that_phrase() -> None:
    text = "Of the total, 9 billion USD was from Chile's exports, up 4 percent."
    assert _subject(text, "9 billion") == "Chile's exports"


def test_a_balance_noun_after_the_verb_joins_the_subject() -> None:
    text = "Wheat trade showed a surplus of 1.2 billion francs in April."
    subject = _subject(text, "1.2")
    assert subject is not None
    assert parse_flow(subject, frozenset()).measure == "balance"


def test_a_year_before_levels_is_a_yardstick_not_the_period() -> None:
    frame = _frame("Output is now only 40 pct of its 1990 levels, the ministry said.", "40")
    assert frame.period is not None and frame.period.text.startswith("now (")  # publication's
    assert 1990 not in frame.years and not frame.stated


def test_two_way_phrases_read_as_trade() -> None:
    for phrase in ("imports from and exports to Chile", "Peru's imports plus exports"):
        assert parse_flow(phrase, frozenset({"chile", "peru"})).measure == "trade"
    assert parse_flow("Peru's exports to Chile", frozenset({"chile", "peru"})).measure == (
        "exports"
    )


def test_role_swaps_are_not_made_of_two_way_totals() -> None:
    assert TWO_WAY.search("Peru's trade (imports plus exports) with Chile")
    assert TWO_WAY.search("trade between Peru and Chile")
    assert not TWO_WAY.search("Peru's exports to Chile")


def test_a_participle_after_a_comma_takes_the_main_verbs_subject() -> None:
    text = (
        "In May, Peru's exports of fish meal (FM) and fish oil saw a sharp fall, "
        "dropping by 12 percent to 300 million USD."
    )
    subject = _subject(text, "12")
    assert subject is not None and subject.startswith("Peru's exports of fish meal (FM)")


def test_the_object_of_showed_is_the_subject_of_its_participle() -> None:
    text = "The trade index, base 1990, showed exports rising to 121.5 from 118.2 in March."
    assert _subject(text, "118.2") == "exports"


def test_a_time_after_in_is_not_what_a_number_measures() -> None:
    text = "Output rose to 61.0 from 58.4 in March and imports fell."
    assert _subject(text, "58.4") != "March and imports"


def test_a_flow_verb_gives_its_subject_the_flow() -> None:
    text = "Chile exported 420,000 tonnes of copper worth 3 billion USD in 2023."
    subject = _subject(text, "420,000")
    assert subject == "Chile exported"
    flow = parse_flow(subject, frozenset({"chile"}))
    assert (flow.measure, flow.exporter) == ("exports", "chile")


def test_the_headline_country_owns_a_flow_that_names_no_owner() -> None:
    from summarizer.crosscheck.meaning import home_place

    text = "date 2024-06-01\nA slow May for Peru's fish exports\n\nExports to Asia fell 4 percent."
    assert home_place(text) == "peru"
    flow = parse_flow("Exports to Asia", frozenset({"asia", "peru"}), "peru")
    assert (flow.exporter, flow.importer) == ("peru", "asia")
    assert parse_flow("imports rose", frozenset({"peru"}), "peru").importer == "peru"
    assert parse_flow("exports to Peru", frozenset({"peru"}), "peru").exporter is None
    assert home_place("date 2024-06-01\nPERU TO OPEN OFFICE IN LIMA\n\nText.") is None
    # a headline in capitals: the first country the lead names after its dateline
    wire = (
        "date 1987-03-03\nTAIWAN REJECTS PLEA\n\nTAIPEI, March 3 - Taiwan's textile exports fell."
    )
    assert home_place(wire) == "taiwan"
    wire = (
        "date 1987-03-04\nTALKS FAIL\n\nBOGOTA, March 4 - Colombian minister Cesar Gaviria spoke."
    )
    assert home_place(wire) == "colombia"  # a country, never a person the lead names first


def test_a_compass_word_before_a_country_is_part_of_its_name() -> None:
    flow = parse_flow("West German exports", frozenset({"west", "germany"}))
    assert flow.exporter == "germany"


def test_an_alias_names_the_same_party() -> None:
    from summarizer.crosscheck.meaning import Flow, flow_problem, same_party

    assert same_party("png", "guinea") and same_party("china", "prc")
    assert not same_party("peru", "chile")
    frame = Flow("exports", "png", None)
    assert flow_problem(Flow("exports", "guinea", None), frame) is None
    assert flow_problem(Flow("exports", "chile", None), frame) is not None


def test_role_swaps_do_not_respell_a_party() -> None:
    from summarizer.evaluation.meaning_mutations import _variant

    assert _variant("Brasil", "Brazil") and _variant("Peking", "Pekin")
    assert not _variant("Peru", "Chile") and not _variant("China", "Chile")


def _meaning(text: str):  # type: ignore[no-untyped-def]
    from summarizer.crosscheck.context import SourceContext
    from summarizer.crosscheck.meaning import Meaning

    mentions = extract_mentions(text)
    ctx = SourceContext(text, mentions, PUBLISHED)
    return Meaning.build(ctx, frames_for(text, mentions, PUBLISHED)), mentions


def test_a_metric_naming_another_figures_measure_is_wrong() -> None:
    text = (
        "Acme's revenue rose to 9 billion pesos in 2023.\n\n"
        "The firm opened two plants. Its net profit, 2 billion pesos, grew 5 percent."
    )
    meaning, mentions = _meaning(text)
    profit = next(m for m in mentions if m.text.startswith("2 billion"))
    frame = meaning.frames[profit.id]
    assert meaning.measure_problem("Acme revenue", frame) is not None
    assert meaning.measure_problem("Acme net profit", frame) is None
    # a paraphrase of its own (no other figure's words name it) is not another measure
    assert meaning.measure_problem("Acme earnings shortfall", frame) is None


def test_a_conversion_is_not_a_second_base_of_a_respectively_list() -> None:
    text = (
        "Acme reported sales of 90 billion pesos, or $5 billion, and a net profit of "
        "9 billion pesos, or $500 million, up 4 percent and 11 percent, respectively."
    )
    mentions = extract_mentions(text)
    frames = frames_for(text, mentions, PUBLISHED)
    by_text = {m.text: m.id for m in mentions}
    four = frames[next(i for t, i in by_text.items() if t.startswith("4"))]
    eleven = frames[next(i for t, i in by_text.items() if t.startswith("11"))]
    assert four.base_id == next(i for t, i in by_text.items() if t.startswith("90"))
    assert eleven.base_id == next(i for t, i in by_text.items() if t.startswith("9 billion"))
    meaning, _ = _meaning(text)
    assert meaning.measure_problem("growth of Acme net profit", meaning.frames[four.mention_id])
    assert meaning.measure_problem("growth of Acme sales", meaning.frames[four.mention_id]) is None


def test_a_change_in_a_clause_of_its_own_is_not_the_earlier_levels() -> None:
    text = "Services added 1.2 points to growth, while farming subtracted 0.3 point."
    frame = _frame(text, "0.3")
    assert frame.base_id is None
    subject = frame.subject.text if frame.subject else ""
    assert "Services" not in subject


def test_measure_words_inside_names_name_no_measure() -> None:
    from summarizer.crosscheck.meaning import measures_of

    assert measures_of("the Ministry of Industry and Trade announced") == frozenset()
    assert measures_of("figures from the Commerce Department") == frozenset()
    assert measures_of("Exports and imports rose") >= {"trade"}
    assert "profit" in measures_of("its net profit rose")


def test_a_surplus_is_not_a_deficit_and_a_gap_may_be_either() -> None:
    text = (
        "Peru's current account showed a 300 mln dollar surplus in May.\n\n"
        "The firm opened a plant. The trade deficit widened to 90 mln dollars in May."
    )
    meaning, mentions = _meaning(text)
    surplus = meaning.frames[next(m.id for m in mentions if m.text.startswith("300"))]
    assert meaning.measure_problem("Peru's trade deficit", surplus) is not None
    assert meaning.measure_problem("Peru's current account surplus", surplus) is None
    gap_text = "The gap between exports and imports hit 4 billion dlrs, a record deficit."
    gap_meaning, gap_mentions = _meaning(gap_text)
    gap = gap_meaning.frames[gap_mentions[0].id]
    assert gap_meaning.measure_problem("trade deficit", gap) is None


def test_a_number_said_of_nothing_is_of_the_headlines_topic() -> None:
    text = (
        "date 2024-06-01\nCopper prices edge up\n\nCopper prices rose 2 percent in May.\n\n"
        "Tin output fell to 40 tonnes. The annual rate has halved since May."
    )
    meaning, mentions = _meaning(text)
    halved = next(m for m in mentions if m.text == "halved")
    frame = meaning.frames[halved.id]
    assert frame.subject is None
    assert meaning.metric_problem("annual rate of copper price increase", frame) is None


def _years(text: str, number: str, published: dt.date) -> frozenset[int]:
    from summarizer.crosscheck.context import SourceContext
    from summarizer.crosscheck.meaning import Meaning, years_in_scope

    mentions = extract_mentions(text)
    meaning = Meaning.build(
        SourceContext(text, mentions, published), frames_for(text, mentions, published)
    )
    mention = next(m for m in mentions if m.text.startswith(number))
    return years_in_scope(meaning, meaning.frames[mention.id])


def test_a_month_without_a_year_is_the_last_such_month() -> None:
    text = "Copper exports fell 3 percent in December, the ministry said."
    assert _years(text, "3", dt.date(2024, 1, 20)) == {2023}
    assert _years(text, "3", dt.date(2024, 12, 28)) == {2024}


def test_the_previous_year_counts_from_the_stated_year() -> None:
    text = "Output grew 8 percent in 2019, down from 9 percent the previous year."
    years = _years(text, "8", dt.date(2021, 3, 1))
    assert 2019 in years and 2021 not in years and 2020 not in years


def test_an_amount_no_change_word_governs_is_a_level() -> None:
    text = "Exports rose 4 percent, while the surplus totaled only 870 million USD in May."
    assert _frame(text, "870").settled
    rise = "Exports rose 4 percent, while the surplus rose by 870 million USD in May."
    assert not _frame(rise, "870").settled
    further = "Paddy prices continued to increase additional VND100 a kilogram."
    assert not _frame(further, "VND100").settled


def test_a_conversion_of_a_change_is_a_change_and_less_than_marks_one() -> None:
    text = (
        "Trade totalled 27.5 billion pesos (1.2 billion dollars), or 4.8 billion pesos "
        "(0.2 billion dollars) less than a year earlier, while exports grew."
    )
    assert not _frame(text, "4.8").settled
    assert not _frame(text, "0.2").settled


def test_a_percentage_of_something_is_a_part_not_a_change() -> None:
    text = "Spending rose, fulfilling only 51.34% of the plan set by the cabinet."
    assert _frame(text, "51.34").settled


def test_a_share_needs_a_whole() -> None:
    from summarizer.crosscheck.meaning import _part_of_whole

    growth = _frame("The official target for 2025 GDP growth is eight pct.", "eight")
    assert not _part_of_whole(growth)
    part = _frame("Copper makes up about 40 pct of its total export earnings.", "about 40")
    assert _part_of_whole(part)
    listed = _frame(
        "Chile accounted for 20.1% of Peru's trade, compared with 18.6% for Brazil.", "18.6"
    )
    assert _part_of_whole(listed)


def test_a_metrics_head_word_needs_a_number_of_its_family() -> None:
    from summarizer.crosscheck.meaning import unit_unfit

    assert unit_unfit("value of Peru's copper exports", "tonnes") is not None
    assert unit_unfit("volume of Peru's copper exports", "USD") is not None
    assert unit_unfit("duration of the export ban", "USD") is not None
    assert unit_unfit("interest rate on the loan", "USD") is not None
    assert unit_unfit("share of copper in exports", "USD") is not None
    assert unit_unfit("Chile's foreign debt", "years") is not None
    assert unit_unfit("age of the debt", "years") is None
    assert unit_unfit("value of Peru's copper exports", "percent") is None  # a change of it
    assert unit_unfit("price of copper", "USD per tonne") is None
    assert unit_unfit("rate of the levy", "USD per tonne") is None


def test_a_value_worth_clause_measures_what_the_number_before_counts() -> None:
    text = "Chile exported 90,000 tonnes of copper worth 700 million USD in May."
    assert _subject(text, "700") == _subject(text, "90,000") == "Chile exported"


def test_a_figure_that_points_back_takes_the_subject_before() -> None:
    text = "Peru's copper exports fell to $1.2 billion, compared to April's figure of $1.7 billion."
    assert _subject(text, "$1.7") == _subject(text, "$1.2")


def test_a_comparison_base_after_down_from_is_the_same_measure() -> None:
    text = (
        "The volume of tin exports in May 2024 was recorded at 1.4 million tons, down from "
        "2.1 million tons in April."
    )
    assert _subject(text, "2.1") == "The volume of tin exports in May 2024"
    assert _subject(text, "1.4") == "The volume of tin exports in May 2024"


def test_a_metric_whose_words_are_another_figures_is_wrong() -> None:
    text = (
        "date 2024-06-01\nPeru trade report\n\nThe ministry published its figures on Monday.\n\n"
        "In Lima, Peru's copper exports rose to 2 billion USD in May.\n\n"
        "Rain fell in the north. In Lima, Peru's fish meal shipments reached 300 million USD."
    )
    meaning, mentions = _meaning(text)
    fish = meaning.frames[next(m.id for m in mentions if m.text.startswith("300"))]
    problem = meaning.metric_problem("Peru's copper exports", fish)
    assert problem is not None
    assert meaning.metric_problem("Peru's fish meal shipments", fish) is None
    assert meaning.metric_problem("Peru's fish meal exports", fish) is None  # half its own


def test_the_same_number_again_is_not_another_figure() -> None:
    text = (
        "date 2024-06-01\nPeru's copper exports jump 30 percent\n\nThe ministry spoke.\n\n"
        "Tin sales were flat. Shipments of copper abroad rose 30 percent in May."
    )
    meaning, mentions = _meaning(text)
    body = [m for m in mentions if m.text.startswith("30")][-1]
    assert meaning.metric_problem("growth of copper shipments", meaning.frames[body.id]) is None


def test_a_hedge_may_open_a_run_of_words() -> None:
    from summarizer.domain import Qualifier

    assert _frame("Oil surged back above the $47 a barrel mark.", "$47").qualifier is Qualifier.over
    assert _frame("Debt service will exceed 35 pct of exports.", "35").qualifier is Qualifier.over
    pegged = _frame("It is pegged close to a rate of 8.28 to the dollar.", "8.28")
    assert pegged.qualifier is Qualifier.about
    assert _frame("Sales were well below the 628 mln dlrs of May.", "628").qualifier is None
    assert _frame("Plants were built under a five-year plan.", "five-year").qualifier is None


def test_a_period_that_contradicts_the_publication_date() -> None:
    from summarizer.crosscheck.meaning import _self_contradicting

    published = dt.date(2005, 2, 10)
    assert _self_contradicting("last year (2005)", published, "Exports rose last year.")
    assert not _self_contradicting("last year (2004)", published, "Exports rose last year.")
    assert _self_contradicting("December (2005)", published, "Exports fell in December.")
    assert not _self_contradicting("December (2004)", published, "Exports fell in December.")
    assert not _self_contradicting("December 2005", published, "Exports will fall in December.")
    assert not _self_contradicting("year starting April 1, 2005", published, "Budget for it.")


def test_a_summary_number_in_the_wrong_unit_for_its_phrase_is_flagged() -> None:
    from summarizer.crosscheck import check_record
    from summarizer.domain import Extraction, ReasonCode

    text = (
        "date 2024-06-01\nPeru trade report\n\nThe ministry spoke.\n\n"
        "Peru exported 900,000 tonnes of copper in May. The price of grade A copper "
        "averaged 9,000 USD per tonne."
    )
    wrong = Extraction(summary="Reported: price of grade A copper: 900,000 tonnes.")
    codes = {d.code for d in check_record(text, wrong, published=PUBLISHED).discrepancies}
    assert ReasonCode.summary_misattributed in codes
    right = Extraction(summary="Reported: copper shipped abroad: 900,000 tonnes.")
    codes = {d.code for d in check_record(text, right, published=PUBLISHED).discrepancies}
    assert ReasonCode.summary_misattributed not in codes


def test_closer_to_hedges_the_number() -> None:
    from summarizer.domain import Qualifier

    text = "Growth may slow this year to a pace closer to 4 percent."
    assert _frame(text, "4").qualifier is Qualifier.about


def test_a_metric_whose_telling_words_describe_another_figure_is_wrong() -> None:
    text = (
        "date 2024-06-01\nRuritania trade report\n\nThe ministry spoke on Tuesday.\n\n"
        "Copper exports by northern traders rose to $4 billion in May.\n\n"
        "Factories had a quiet month. Steel exports from domestic mills fell to $3 billion."
    )
    meaning, mentions = _meaning(text)
    steel = meaning.frames[next(m.id for m in mentions if m.text.startswith("$3"))]
    found = meaning.metric_problem("copper exports by northern traders in the south", steel)
    assert found is not None and found[0] is ReasonCode.wrong_metric
    assert meaning.metric_problem("steel exports", steel) is None
    assert meaning.metric_problem("steel exports by northern traders in the south", steel) is None


def test_a_metric_naming_a_year_out_of_the_figures_scope_is_wrong() -> None:
    text = (
        "date 2024-06-01\nRuritania currency report\n\nThe bank spoke on Tuesday.\n\n"
        "The crown ended 2023 at 18.2 to the dollar."
    )
    meaning, mentions = _meaning(text)
    crown = meaning.frames[next(m.id for m in mentions if m.text.startswith("18.2"))]
    found = meaning.metric_problem("crown-dollar rate at the start of 2019", crown)
    assert found is not None and found[0] is ReasonCode.wrong_metric
    assert meaning.metric_problem("crown-dollar rate at the end of 2023", crown) is None


def test_a_summary_phrase_keeps_the_commas_inside_its_brackets() -> None:
    from summarizer.crosscheck.meaning import _SEGMENT

    said = "Peru's copper exports (seasonally adjusted, provisional): "
    assert _SEGMENT.split(said)[-1] == said
    assert _SEGMENT.split("In May, copper exports (provisional): ")[-1] == (
        " copper exports (provisional): "
    )


def test_a_metric_of_another_figures_noun_phrase_is_wrong_even_if_the_headline_has_it() -> None:
    text = (
        "date 2024-06-01\nRuritania textile exports slide\n\nThe ministry spoke on Tuesday.\n\n"
        "Textile exports to neighbours fell 3 percent in May, the ministry said.\n\n"
        "Factories had a quiet month. The crown rose 2 percent against the euro."
    )
    meaning, mentions = _meaning(text)
    crown = meaning.frames[next(m.id for m in mentions if m.text.startswith("2 percent"))]
    found = meaning.metric_problem("fall in textile exports to inland buyers", crown)
    assert found is not None and found[0] is ReasonCode.wrong_metric
    assert meaning.metric_problem("rise of the crown against the euro", crown) is None


def test_another_numbers_predicate_is_no_subject_and_a_modal_verb_is_cut() -> None:
    import datetime as dt

    from summarizer.frames import frames_for
    from summarizer.numbers import extract_mentions

    def subject(text: str, number: str) -> str | None:
        mentions = extract_mentions(text)
        frame = frames_for(text, mentions, dt.date(2025, 1, 1))[
            next(m for m in mentions if number in m.text).id
        ]
        return frame.subject.text if frame.subject else None

    text = (
        "PNG exported cocoa, of which nearly 50 pct was exported to West Germany, "
        "16 pct to the U.S."
    )
    assert subject(text, "16 pct") is None  # not "was exported to West Germany"
    text = "They agreed a deal that would keep tariffs on imports of Vietnamese goods at 20%."
    assert subject(text, "20%") == "tariffs on imports of Vietnamese goods"


def test_a_change_set_off_after_its_noun_phrase_measures_that_phrase() -> None:
    text = "The deficit with China, up 30.5% at $162bn, was the largest ever recorded."
    assert _subject(text, "30.5%") == "The deficit with China"
    text = "It surpassed 117 billion USD in the first eight months of 2022, up 10.8% year on year."
    assert _subject(text, "10.8%") != "in the first eight months of 2022"


def test_a_calendar_year_after_a_number_is_a_time_not_its_measure() -> None:
    text = "The surplus widened to a record 13.6 billion dlrs in calendar 1986 from 10.2 billion."
    assert _subject(text, "13.6 billion") == "The surplus"
    assert _subject(text, "10.2 billion") == "The surplus"


def test_with_after_a_flow_noun_names_its_partner_not_a_clause() -> None:
    text = "The trade surplus with the United States rose 5 per cent to $3.3 billion."
    assert _subject(text, "5 per cent") == "The trade surplus with the United States"


def test_an_appositive_after_the_noun_phrase_is_left_out() -> None:
    text = "By destination, exports to China, South Korea's top trading partner, ascended 91.2%."
    assert _subject(text, "91.2%") == "exports to China"


def test_a_number_in_a_comparison_clause_measures_the_figure_it_is_compared_with() -> None:
    text = (
        "Outbound shipments reached $40.3 billion in the Dec. 1-20 period, compared with "
        "$37.73 billion a year earlier."
    )
    subject = _frame(text, "$37.73").subject
    assert subject is not None and subject.text == "Outbound shipments"


def test_a_number_with_its_words_left_out_repeats_the_figure_before_it() -> None:
    text = "Lima's export turnover reached $3.7 billion last month, and $3.4 billion in May."
    subject = _frame(text, "$3.4").subject
    assert subject is not None and subject.text == "Lima's export turnover"
    other = "Exports were $5 billion and imports $3 billion."
    own = _frame(other, "$3 billion").subject
    assert own is not None and own.text == "imports"  # words of its own


def test_the_points_of_an_abbreviation_stay_inside_a_noun_phrase() -> None:
    text = "The mission is looking for 2.0 billion dlrs in purchases from U.S. companies."
    subject = _frame(text, "2.0 billion").subject
    assert subject is not None and subject.text == "purchases from U.S. companies"


def test_a_respectively_list_gives_each_number_its_item_of_the_subject() -> None:
    text = (
        "Trade volume with Borduria and Freedonia increased by 5.2 percent and 11.6 percent, "
        "respectively. Exports and imports rose 5% and 3%, respectively."
    )
    subjects = [_frame(text, n).subject for n in ("5.2", "11.6", "5%", "3%")]
    assert [s.text if s else None for s in subjects] == [
        "Trade volume with Borduria",
        "Trade volume with Freedonia",
        "Exports",
        "imports",
    ]
    # without "respectively", or with a list of another length, the subject stays whole
    whole = "Trade volume with Borduria and Freedonia increased by 5.2 percent and 11.6 percent."
    subject = _frame(whole, "11.6").subject
    assert subject is not None and subject.text == "Trade volume with Borduria and Freedonia"


def test_a_change_in_brackets_is_of_the_noun_phrase_before_it() -> None:
    text = (
        "Meanwhile, decreases were seen in the prices of ferry services (down 3.14%) and "
        "port and harbour services (down 0.46%). Exports to Borduria (up 5%) held up."
    )
    subjects = [_frame(text, n).subject for n in ("3.14", "0.46", "5%")]
    assert [s.text if s else None for s in subjects] == [
        "the prices of ferry services",
        "port and harbour services",
        "Exports to Borduria",
    ]


def test_a_restated_amount_and_a_subject_after_a_dated_clause() -> None:
    text = (
        "Borduria's imports added up to 22,201bn yen ($214.6bn;£114.5bn). The deficit with "
        "Freedonia, up 30.5% at $162bn, was a record. For the year ended last March 31, gnp "
        "rose 2.6 pct. The krona has weakened 0.4 percent this quarter."
    )
    subjects = {n: _frame(text, n).subject for n in ("£114.5bn", "$162bn", "2.6 pct", "0.4")}
    assert {n: s.text if s else None for n, s in subjects.items()} == {
        "£114.5bn": "Borduria's imports",
        "$162bn": "The deficit with Freedonia",
        "2.6 pct": "gnp",
        "0.4": "The krona",
    }


def test_a_base_named_by_its_month_measures_the_figure_and_a_dateline_is_no_subject() -> None:
    text = (
        "LIMA, March 16 - Ruritania's trade surplus rose to 261 mln dlrs from January's 129 "
        "mln. LIMA, March 16 - The inflow of capital slumped to 606 mln marks."
    )
    based = _frame(text, "129").subject
    assert based is not None and based.text == "Ruritania's trade surplus"
    inflow = _frame(text, "606").subject
    assert inflow is not None and inflow.text == "The inflow of capital"


def test_a_bare_measure_refers_to_the_latest_subject_that_names_its_owner() -> None:
    text = (
        "Production of Ruritanian cocoa beans tripled to 31,600 tonnes in 1986. Output is "
        "projected to rise to 50,000 tonnes in 1988. The deficit was 5 bln dlrs."
    )
    output = _frame(text, "50,000").subject
    assert output is not None and output.text == "Production of Ruritanian cocoa beans"
    deficit = _frame(text, "5 bln").subject  # no earlier deficit: the words stay
    assert deficit is not None and deficit.text == "The deficit"


def test_a_balance_after_its_number_and_a_change_a_report_shows() -> None:
    text = (
        "A fall in income led to a 300 mln mark deficit in February after a 300 mln mark "
        "surplus in January. Ruritania ran a record 7.1 billion dlr trade surplus with the "
        "U.S. Figures for November showed exports down 2.3% to $95.6bn."
    )
    subjects = {n: _frame(text, n).subject for n in ("300 mln", "7.1", "2.3%")}
    assert {n: s.text if s else None for n, s in subjects.items()} == {
        "300 mln": "deficit",
        "7.1": "trade surplus with the U.S",
        "2.3%": "exports",
    }


def test_it_refers_to_the_subject_earlier_in_its_sentence() -> None:
    text = (
        "Ruritania's exports to Borduria totaled nearly $48 billion last year, though it "
        "declined 9.1% in the first two months of 2024, the agency said."
    )
    subject = _frame(text, "9.1%").subject
    assert subject is not None and subject.text == "Ruritania's exports to Borduria"


def test_it_continued_points_back_like_it() -> None:
    text = (
        "Trade between Ruritania and Borduria doubled to 3.6 billion USD in 2019. It "
        "continued to rise to 7.3 billion USD in 2020."
    )
    subject = _frame(text, "7.3").subject
    assert subject is not None and subject.text == "Trade between Ruritania and Borduria"


def test_which_governing_a_number_is_the_figure_before_it() -> None:
    text = (
        "Domestic revenue averaged 130.8 trillion dong, which dropped to nearly 100 trillion "
        "dong in June. Its rice sold at 441 dollars a ton, which is a lower price than "
        "Borduria's rice quoted at 445 dollars a ton."
    )
    dropped = _frame(text, "nearly 100").subject
    assert dropped is not None and dropped.text == "Domestic revenue"
    compared = _frame(text, "445").subject
    assert compared is None or compared.text != "Its rice"  # a clause of its own


def test_the_surplus_refers_to_an_owned_surplus_no_number_measured() -> None:
    text = (
        "Chang said this would depend on Ruritania's ability to reduce its trade surplus with "
        "Borduria.\n\nThe surplus widened to a record 13.6 billion dlrs in 1986."
    )
    subject = _frame(text, "13.6").subject
    assert subject is not None and subject.text == "Ruritania's trade surplus with Borduria"


def test_a_flow_verb_takes_the_country_its_goods_went_to_or_came_from() -> None:
    text = (
        "Peru imported almost $20bn worth of goods from Chile during October. "
        "Freedonia exported 82 million USD worth of goods to the South American nation."
    )
    imported = _frame(text, "almost $20bn").subject
    assert imported is not None and imported.text == "Peru imported from Chile"
    exported = _frame(text, "82 million").subject  # no country by name: the verb alone
    assert exported is not None and exported.text == "Freedonia exported"


def test_a_from_to_list_measures_one_subject_and_its_target_keeps_its_year() -> None:
    text = (
        "Ruritania's domestic demand growth would decline from 7.6 pct last year to five pct "
        "in 1987 and 3.75 pct in 1988, the OECD said."
    )
    subjects = [_frame(text, n).subject for n in ("7.6", "five", "3.75")]
    assert [s.text if s else None for s in subjects] == ["Ruritania's domestic demand growth"] * 3
    assert _frame(text, "five").years == {1987}


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "It is worth 30% more than a hostile 7.4bn Australian dollar ($5.8bn; £3bn) bid by "
            "rival Ruritania Mining.",
            "£3bn",
            "hostile bid by rival Ruritania Mining",
        ),
        (
            "The way is clear for it to conclude a 3 trillion yen ($29bn) deal with Freedonia "
            "Bank.",
            "3 trillion",
            "deal with Freedonia Bank",
        ),
        (
            "Last April, Borduria signed a $240m agreement to import fuel.",
            "$240m",
            "Borduria's agreement",
        ),
        # a partner cut short is left out, not half-named
        ("Acme has signed a $6bn deal with the Middle Eastern state.", "$6bn", "Acme's deal"),
    ],
)
def test_a_number_inside_a_deals_noun_phrase_is_the_deals_value(
    text: str, number: str, subject: str
) -> None:
    assert _subject(text, number) == subject


def test_the_level_a_change_reaches_is_of_what_changed_not_of_the_report() -> None:
    text = (
        "Figures from the trade office for November showed exports down 2.3% to $95.6bn, "
        "while imports grew 1.3% to $155.8bn."
    )
    assert _subject(text, "2.3%") == "exports"
    assert _subject(text, "$95.6bn") == "exports"
    assert _subject(text, "$155.8bn") == "imports"
    assert _subject("The 100 pct tariffs are to be imposed on Borduria.", "100 pct") == "tariffs"


def test_parts_of_a_flow_after_of_which_are_the_flow_to_each_partner() -> None:
    text = (
        "Borduria exported 33,000 tonnes of cocoa in 2019, of which nearly 50 pct was exported "
        "to West Germany, 16 pct to the U.S. And the rest to Freedonia."
    )
    assert _subject(text, "nearly 50") == "Borduria exported to West Germany"
    assert _subject(text, "16 pct") == "Borduria exported to the U.S."


def test_an_account_with_a_bank_keeps_the_bank() -> None:
    text = "The Treasury's account with the Bank dropped 960 mln guilders to 6.5 billion guilders."
    assert _subject(text, "960 mln") == "The Treasury's account with the Bank"
    assert _subject(text, "6.5 billion") == "The Treasury's account with the Bank"


def test_a_base_that_names_no_noun_is_of_the_figure_before_it() -> None:
    text = "Peru's export price of coffee was 3,100 USD a tonne, a slight rise from the 3,050 USD."
    assert _subject(text, "3,050") == "Peru's export price of coffee"
    owned = "Shares were valued at 7.2 dollars, against Acme's bid of 6.4 dollars a share."
    assert "Acme" in (_subject(owned, "6.4") or "")


def test_a_product_grade_stays_inside_the_noun_phrase() -> None:
    text = "Thailand's 5% broken rice is sold at 612 USD per tonne."
    mentions = find_mentions(text)
    assert [m.text for m in mentions] == ["612 USD per tonne"]
    frame = frames_for(text, mentions, PUBLISHED)[mentions[0].id]
    assert frame.subject is not None and frame.subject.text == "Thailand's 5% broken rice"


def test_a_multiplying_verb_measures_its_object_and_the_levels_it_goes_between() -> None:
    text = (
        "Chile and Peru agreed to triple bilateral trade within five years, from current "
        "levels of $1.1 billion to about $3.3 billion, the ministers said."
    )
    assert _subject(text, "triple") == "bilateral trade"
    assert _subject(text, "five years") == "bilateral trade"
    intransitive = "The move caused maize prices to double overnight and led to riots."
    assert _subject(intransitive, "double") != "overnight and led"
    assert _subject(text, "$1.1") == "bilateral trade"
    assert _subject(text, "about $3.3") == "bilateral trade"


def test_a_change_in_an_absolute_clause_measures_its_noun() -> None:
    text = "Revenue beat the estimate, with GDP in the first nine months expanding 7.2%."
    assert _subject(text, "7.2%") == "GDP"
    assert _subject("Sales rose, with imports from Chile up 3.1%.", "3.1%") == "imports from Chile"


def test_the_period_closing_one_clause_is_not_the_next_clauses_noun() -> None:
    text = "It showed exports rising to 131.0 from 114.6 in May and imports rising to 142.2."
    assert _subject(text, "142.2") == "imports"


def test_than_expected_is_no_comparison_and_a_closed_clause_is_not_the_noun() -> None:
    text = "The economy grew faster than expected in 1986 and exports surged 9.5 pct."
    frame = _frame(text, "9.5")
    assert frame.subject is not None and frame.subject.text == "exports"
    assert frame.period is not None and frame.period.text == "1986"
    share = "Debt service is projected to exceed 35 pct of exports in 1987 and worries grow."
    assert "exports" in (_subject(share, "35 pct") or "")


def test_a_record_and_the_change_after_it_measure_what_stands_at_the_record() -> None:
    text = "Data released earlier this year showed imports at a five-year high in 2022, up 12%."
    assert _subject(text, "five-year") == "imports"
    frame = _frame(text, "12%")
    assert frame.subject is not None and frame.subject.text == "imports"
    assert frame.period is not None and frame.period.text == "2022"  # not the release's year


def test_a_change_noun_after_the_number_names_what_changed() -> None:
    text = "Exports fell 3 per cent, largely due to the 11 per cent plunge in shipments to Peru."
    assert _subject(text, "11 per cent") == "shipments to Peru"
    jump = "Officials cited a 4.2% year-on-year jump in sales of cars."
    assert _subject(jump, "4.2%") == "sales of cars"


def test_a_part_after_was_from_measures_that_flow() -> None:
    text = (
        "Of the figure, 6.2 billion USD was from Peru's exports, up 8 percent while the "
        "remaining was from imports, up 5.5 percent year-on-year."
    )
    assert _subject(text, "5.5") == "imports"


def test_a_flow_still_to_come_is_the_owners_planned_flow() -> None:
    planned = "Prices rose as Ghana plans to import two million tonnes of rice this year."
    assert _subject(planned, "two million") == "Ghana's planned imports"
    expected = "Chile is expected to export 6.7 million tonnes of copper in 2020."
    assert _subject(expected, "6.7") == "Chile's expected exports"


def test_a_headlines_bare_change_measures_the_noun_phrase_before_it() -> None:
    assert _subject("Budget collection up 16.2% in 10 months", "16.2%") == "Budget collection"
    assert _subject("Exports increase 6.8% on-year due to chip demand", "6.8%") == "Exports"
    running = "In January house prices went up 0.4%, the lender said."
    assert _subject(running, "0.4%") != "in January house prices went"


def test_a_leaders_figure_and_its_margin_over_the_next() -> None:
    text = (
        "However, Da Nang still leads the country in tourism revenue for the first half of "
        "2023, reaching nearly $3 billion, $1 billion higher than Hue."
    )
    assert _subject(text, "nearly $3") == "Da Nang's tourism revenue"
    assert _subject(text, "$1 billion") == "margin of Da Nang's tourism revenue over Hue's"


def test_a_number_after_a_bare_determiner_measures_the_noun_after_it() -> None:
    assert _subject("The 43-km link will run from Lago Agrio.", "43-km") == "The link"
    assert _subject("Its $17m profit for the quarter was small.", "$17m") == "Its profit"
    assert _subject("He said that 56 out of 60 cases were solved.", "56") != "that out"


def test_a_causing_verb_changes_its_object_by_the_number() -> None:
    text = "The cut from planned production reduced Peru's copper output by about 8,000 tonnes."
    assert _subject(text, "about 8,000") == "Peru's copper output"


def test_period_words_opening_a_clause_and_more_verbs_end_the_noun_phrase() -> None:
    assert _subject("In January house prices went up 0.4%, it said.", "0.4%") == "house prices"
    opened = "The exchange rate started off 2017 in the 1,200 won range."
    assert _subject(opened, "1,200") == "The exchange rate"


def test_a_relative_clause_measures_its_noun() -> None:
    text = "He said the upturn confirmed a rising trend in exports which totalled 1.5 billion dlrs."
    assert _subject(text, "1.5") == "exports"


def test_a_dash_aside_compares_with_the_noun_before_it_and_keeps_a_forecast_a_forecast() -> None:
    text = "The trade deficit - far bigger than the $40bn widely expected by analysts - hit it."
    assert _subject(text, "$40bn") == "The trade deficit widely expected by analysts"


def test_a_possessive_owns_a_flow_across_a_span_adjective() -> None:
    names = frozenset({"peru", "chile"})
    flow = parse_flow("Peru's 10-month export turnover over Chile's", names, "chile")
    assert flow.exporter == "peru"
