"""Draft -> domain conversion: grounded numbers come from the source, not the model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from summarizer.domain import Direction, FigureKind, MentionKind, NumericMention
from summarizer.extraction.convert import (
    frame_kind,
    resolve_date,
    to_extraction,
    two_sentences,
)
from summarizer.extraction.requests import find_mentions
from summarizer.extraction.wire import DraftMeeting, GroundedExtraction
from summarizer.source_text import sentence_around

TEXT = (
    "Ministers met in Hanoi on February 22. Trade reached US$1.35 billion in 2022, "
    "up 56 percent year on year. Imports fell 4.5 percent.\n\nA second paragraph."
)


def mention(
    mid: str,
    text: str,
    value: str,
    unit: str | None,
    kind: MentionKind,
    direction: Direction | None = None,
) -> NumericMention:
    start = TEXT.index(text)
    return NumericMention(
        id=mid,
        start=start,
        end=start + len(text),
        text=text,
        value=Decimal(value),
        unit=unit,
        kind=kind,
        direction=direction,
    )


MENTIONS = [
    mention("n1", "US$1.35 billion", "1350000000", "USD", MentionKind.amount),
    mention("n2", "56 percent", "56", "percent", MentionKind.percent, Direction.up),
    mention("n3", "4.5 percent", "4.5", "percent", MentionKind.percent, Direction.down),
]


def draft(figures: list[dict[str, str]], **extra: object) -> GroundedExtraction:
    """A grounded answer citing these {"id", "metric"} pairs (on the wire: id -> metric)."""
    return GroundedExtraction.model_validate(
        {
            "summary": "One. Two. Three.",
            "meetings": [
                {
                    "kind": "meeting",
                    "date_text": "February 22",
                    "location": "Hanoi",
                    "participants": [{"name": "Nguyen Hong Dien"}, {"name": "Shen Xiaoming"}],
                }
            ],
            "figures": {figure["id"]: figure["metric"] for figure in figures},
            "agreements": [],
            **extra,
        }
    )


def test_grounded_figures_take_value_unit_text_and_evidence_from_the_mention() -> None:
    figures = [
        {"id": "n1", "metric": "trade"},
        {"id": "n2", "metric": "growth of trade"},
        {"id": "n3", "metric": "decline of imports"},
    ]
    extraction = to_extraction(draft(figures), TEXT, MENTIONS, dt.date(2023, 2, 23))
    trade = extraction.figures[0]
    assert (trade.value, trade.unit, trade.kind) == (Decimal(1350000000), "USD", FigureKind.amount)
    assert trade.text == "US$1.35 billion"
    assert trade.evidence == "Trade reached US$1.35 billion in 2022, up 56 percent year on year."
    assert [f.metric for f in extraction.figures] == [
        "trade",
        "growth of trade",
        "decline of imports",
    ]
    assert [f.mention_id for f in extraction.figures] == ["n1", "n2", "n3"]
    assert extraction.summary == "One. Two."


def test_kind_direction_and_period_come_from_the_frame_not_the_model() -> None:
    """'up 56 percent' is a change up, 'fell 4.5 percent' a change down (negative), in the
    period its sentence names; the model wrote none of these."""
    figures = [{"id": "n1", "metric": "trade"}, {"id": "n2", "metric": "growth of trade"}]
    figures.append({"id": "n3", "metric": "decline of imports"})
    trade, growth, imports = to_extraction(
        draft(figures), TEXT, MENTIONS, dt.date(2023, 2, 23)
    ).figures
    assert (trade.kind, trade.direction, trade.period) == (FigureKind.amount, None, "2022")
    assert (growth.kind, growth.direction, growth.value) == (FigureKind.change, Direction.up, 56)
    assert growth.period == "2022"
    assert (imports.kind, imports.direction) == (FigureKind.change, Direction.down)
    assert imports.value == Decimal("-4.5")


@pytest.mark.parametrize(
    ("kind", "unit", "expected"),
    [
        (MentionKind.amount, "USD", FigureKind.amount),
        (MentionKind.count, "documents", FigureKind.count),
        (MentionKind.ordinal, "edition", FigureKind.ordinal),
        (MentionKind.percent, "percent", FigureKind.rate),
    ],
)
def test_a_level_without_a_frame_is_read_from_what_the_number_is(
    kind: MentionKind, unit: str, expected: FigureKind
) -> None:
    number = mention("n1", "US$1.35 billion", "5", unit, kind)
    assert frame_kind(number, None) == (expected, None)


def test_unknown_mention_ids_are_dropped() -> None:
    extraction = to_extraction(draft([{"id": "n99", "metric": "x"}]), TEXT, MENTIONS, None)
    assert extraction.figures == []


def test_meeting_date_is_resolved_against_publication_and_must_be_in_the_text() -> None:
    extraction = to_extraction(draft([]), TEXT, MENTIONS, dt.date(2023, 2, 23))
    meeting = extraction.meetings[0]
    assert meeting.date == dt.date(2023, 2, 22)
    assert meeting.location == "Hanoi"
    invented = draft([])
    invented.meetings[0].date_text = "March 3, 2021"
    invented.meetings[0].location = "Paris"
    meeting = to_extraction(invented, TEXT, MENTIONS, dt.date(2023, 2, 23)).meetings[0]
    assert meeting.location is None
    # the invented date is dropped; the day the sentence about the meeting names is used
    assert (meeting.date, meeting.date_text) == (dt.date(2023, 2, 22), "on February 22")
    nothing = TEXT.replace(" on February 22", "")
    invented.meetings[0].location = "Hanoi"
    meeting = to_extraction(invented, nothing, MENTIONS, dt.date(2023, 2, 23)).meetings[0]
    assert (meeting.date, meeting.date_text) == (None, None)


def test_a_meeting_dated_by_the_dateline_gets_the_day_its_own_sentences_name() -> None:
    from summarizer.extraction.meeting_dates import meeting_date_text

    text = (
        "VIETNAM, October 3 -\n\nFive cities signed a cooperation agreement at a conference "
        "on Monday.\n\nDeputy Director Tran Thi Lan said trade rose."
    )
    assert meeting_date_text("October 3", ["Tran Thi Lan"], text) == "on Monday"
    assert meeting_date_text("October 3", ["Tran Thi Lan"], text.replace(" on Monday", "")) is None
    text = "HANOI, May 5 -\n\nMinister Dien received Liu Ning on May 4.\n\nThe talks went on."
    assert meeting_date_text(None, ["Nguyen Hong Dien"], text) == "on May 4"
    assert meeting_date_text("May 4", ["Nguyen Hong Dien"], text) == "May 4"


def test_an_agreement_title_is_extended_to_what_the_source_says_it_is_about() -> None:
    from summarizer.extraction.agreement_titles import extend_title

    sentence = (
        "Five cities signed a cooperation agreement in the industry and trade field for the "
        "2023-25 period at a conference on Monday."
    )
    assert extend_title("cooperation agreement", sentence) == (
        "cooperation agreement in the industry and trade field for the 2023-25 period"
    )
    assert extend_title("MoU", "They signed an MoU in Hanoi on Friday.") == "MoU"
    assert extend_title("MoU", "They signed an MoU on trade and agreed to meet.") == "MoU on trade"
    assert extend_title("Action Plan", "No such words here.") == "Action Plan"


def test_resolve_date_moves_back_a_year_for_dates_after_publication() -> None:
    assert resolve_date("December 30", dt.date(2024, 1, 3)) == dt.date(2023, 12, 30)
    assert resolve_date("August 30", dt.date(2024, 8, 31)) == dt.date(2024, 8, 30)
    assert resolve_date("no date here", None) is None


def test_sentence_around_and_two_sentences() -> None:
    start = TEXT.index("A second")
    assert sentence_around(TEXT, start, start + 3) == "A second paragraph."
    assert two_sentences("A b. C d! E f? G.") == "A b. C d!"
    assert two_sentences("A b. C d and then the cap cut") == "A b."
    slipped = "Dien met Vi Thao on November 26. They discussed many 解决方案 for trade."
    assert two_sentences(slipped, "Dien met Vi Thao.") == "Dien met Vi Thao on November 26."
    assert two_sentences(slipped, "会谈 Dien met Vi Thao.") == slipped  # the source uses them


@pytest.mark.parametrize(
    "text", ["on Monday", "yesterday", "February 22", "on December 30", "ngày 26/11", "Nov. 26"]
)
def test_extraction_dates_meetings_as_the_cross_check_reads_them(text: str) -> None:
    """One reading of date words: otherwise a correct record would be flagged date_mismatch."""
    from summarizer.crosscheck import resolve_date_text

    published = dt.date(2023, 10, 3)  # a Tuesday
    assert resolve_date(text, published) is not None
    assert resolve_date(text, published) == resolve_date_text(text, published)


def test_a_bare_weekday_is_the_one_before_publication() -> None:
    assert resolve_date("on Monday", dt.date(2023, 10, 3)) == dt.date(2023, 10, 2)


def test_placeholder_and_unrelated_agreements_are_dropped_and_repeats_merged() -> None:
    """Seen from the embedded model on a seed: four agreements titled 'none'."""
    agreements = [
        {"title": "none", "type": "other", "status": "in_force"},
        {"title": "None", "type": "other", "status": "in_force"},
        {"title": "Free trade pact with Mars", "type": "agreement", "status": "signed"},
        {"title": "Trade cooperation MoU", "type": "mou", "status": "signed"},
        {"title": "trade  cooperation MoU", "type": "mou", "status": "signed"},
    ]
    text = "The ministers signed a memorandum on trade cooperation in Hanoi."
    extraction = to_extraction(draft([], agreements=agreements), text, [], None)
    assert [a.title for a in extraction.agreements] == ["Trade cooperation MoU"]


def test_every_gold_agreement_title_counts_as_grounded() -> None:
    """The filter must never drop a real agreement: the hand-made gold titles all pass."""
    import json

    from support.crosscheck import GOLD, SEEDS, needs_gold

    from summarizer.extraction.convert import agreement_is_grounded
    from summarizer.ingest import load_article

    needs_gold()
    checked = 0
    for path in sorted(GOLD.glob("*.json")):
        text = load_article(str(SEEDS / f"{path.stem}.txt")).text
        for agreement in json.loads(path.read_text(encoding="utf-8"))["agreements"]:
            assert agreement_is_grounded(agreement["title"], text), agreement["title"]
            checked += 1
    assert checked >= 5


def test_agreement_evidence_is_the_source_sentence_that_names_it() -> None:
    text = (
        "Ministers met in Hanoi.\n\nThey signed a memorandum on customs cooperation. "
        "Trade rose 5 percent."
    )
    agreements = [{"title": "MoU on customs cooperation", "type": "mou", "status": "signed"}]
    [agreement] = to_extraction(draft([], agreements=agreements), text, [], None).agreements
    assert agreement.evidence == "They signed a memorandum on customs cooperation."
    assert agreement.evidence in text


def test_agreement_status_follows_the_words_of_its_sentence() -> None:
    """'negotiations to sign the MoU' is under negotiation and 'witnessed the signing'
    signed, whatever the model said; with no status words the model's reading stands."""
    text = (
        "The Secretary showed his support for negotiations to sign the MoU on trade "
        "cooperation. They witnessed the signing of a rail route agreement. "
        "A border trade plan was mentioned too."
    )
    agreements = [
        {"title": "MoU on trade cooperation", "type": "mou", "status": "in_force"},
        {"title": "rail route agreement", "type": "agreement", "status": "in_force"},
        {"title": "border trade plan", "type": "action_plan", "status": "proposed"},
    ]
    extraction = to_extraction(draft([], agreements=agreements), text, [], None)
    statuses = [a.status.value for a in extraction.agreements]
    assert statuses == ["under_negotiation", "signed", "proposed"]


def test_numbers_the_convention_keeps_out_of_figures_are_not_offered() -> None:
    """A name's ordinal and the digits of a date are not listed for the model to cite."""
    text = "The 20th Central Committee met on 27/11/2025. Exports rose 7.5 percent to US$2 billion."
    offered = [m.text for m in find_mentions(text)]
    assert "7.5 percent" in offered and "US$2 billion" in offered
    assert not any("20th" in t or "11" in t for t in offered)


def test_a_restated_figure_is_kept_once_and_equal_values_of_other_things_twice() -> None:
    """The lead restating the headline's figure is one fact (the gold lists it once); the
    same value said of something else is another figure."""
    text = (
        "Trade between Vietnam and Laos reached 5 billion USD in 2022. "
        "Trade between Vietnam and Laos reached 5 billion USD in 2022, officials said. "
        "Vietnam's imports from Cambodia were 5 billion USD in 2022."
    )
    mentions = find_mentions(text)
    assert len(mentions) == 3
    metrics = ["trade between Vietnam and Laos", "trade", "Vietnam's imports from Cambodia"]
    figures = [{"id": m.id, "metric": metric} for m, metric in zip(mentions, metrics, strict=True)]
    kept = to_extraction(draft(figures), text, mentions, None).figures
    assert [f.metric for f in kept] == [metrics[0], metrics[2]]


def test_a_metric_that_is_only_the_number_takes_the_frames_phrase() -> None:
    """The model copied the NUMBERS line's quoted text as the metric; the frame's phrase
    (with 'growth of' for a change up) replaces it, a real metric is left alone."""
    figures = [{"id": "n1", "metric": "US$1.35 billion"}, {"id": "n2", "metric": "56 percent"}]
    figures.append({"id": "n3", "metric": "decline of imports"})
    trade, growth, imports = to_extraction(draft(figures), TEXT, MENTIONS, None).figures
    assert trade.metric == "Trade" and growth.metric == "growth of Trade"
    assert imports.metric == "decline of imports"


def test_a_title_written_into_a_name_moves_to_the_title_and_groups_are_no_participants() -> None:
    from summarizer.extraction.participants import is_group, split_title

    assert split_title("U. S. Trade Representative Jamieson Greer", None) == (
        "Jamieson Greer",
        "U. S. Trade Representative",
    )
    assert split_title("Commerce Secretary Howard Lutnick", "Secretary") == (
        "Howard Lutnick",
        "Secretary",
    )
    assert split_title("Nguyen Hong Dien", "Minister") == ("Nguyen Hong Dien", "Minister")
    organisation = "Guangdong Bird's Nest Industry Association"
    assert split_title(organisation, None) == (organisation, None)
    assert is_group("Other senior officials") and not is_group("Ahn Duk-geun")


def test_a_meeting_of_placeholders_groups_or_bare_countries_is_dropped() -> None:
    from summarizer.extraction.participants import is_named_person_or_body

    for nobody in ("None", "Vietnam", "U. S.", "Other senior officials"):
        assert not is_named_person_or_body(nobody), nobody
    assert is_named_person_or_body("Sumitomo Metal Industries Ltd")
    assert is_named_person_or_body("Nguyen Hong Dien")
    nobody = draft([])
    for person in nobody.meetings[0].participants:
        person.name = "None"
    assert to_extraction(nobody, TEXT, MENTIONS, dt.date(2023, 2, 23)).meetings == []


def test_only_titles_that_name_an_agreement_are_agreements_and_acronyms_are_spelled_out() -> None:
    from summarizer.extraction.agreement_titles import expand_acronym, names_an_agreement

    assert names_an_agreement("MoU on trade promotion") and names_an_agreement("takeover offer")
    assert names_an_agreement("EVFTA")
    assert not names_an_agreement("Negotiation team")
    assert not names_an_agreement("approval by shareholders")
    text = "Both are members of the South Asia Free Trade Agreement (SAFTA), in force since 2006."
    assert expand_acronym("SAFTA", text) == "South Asia Free Trade Agreement (SAFTA)"
    assert expand_acronym("SAFTA", "No spelling here.") == "SAFTA"


def test_a_paraphrased_title_takes_the_texts_own_name_and_an_unnamed_agreement_is_dropped() -> None:
    from summarizer.extraction.agreement_titles import head_in_text, source_name

    sentence = "They will draw up a list of key tasks to implement the Action Plan 2024-2026."
    assert source_name("Border trade action plan", sentence) == "Action Plan 2024-2026"
    assert source_name("list of key tasks", sentence) == "list of key tasks"
    text = "Both sides discussed customs cooperation at the border gates."
    assert not head_in_text("MoU on customs cooperation", text)
    assert head_in_text("MoU on customs cooperation", text + " They signed a memorandum.")
    assert head_in_text("agreement to fight discrimination", "They agreed to work together.")
    assert not head_in_text("trade deal", "The mountain road reopened.")  # not 'deal' in words


def test_a_bare_agreement_noun_in_capitals_is_no_name_to_replace_a_title_with() -> None:
    from summarizer.extraction.agreement_titles import source_name

    sentence = "The two sides signed an MoU on trade promotion between the agencies."
    title = "memorandum of understanding on trade promotion between the two agencies"
    assert source_name(title, sentence) == title


def test_a_meeting_of_bodies_alone_is_a_deal_not_a_meeting() -> None:
    from summarizer.extraction.convert import convert_meeting
    from summarizer.extraction.wire import DraftMeeting

    text = "UFJ Holdings agreed on Friday to merge with Mitsubishi Tokyo Financial Group."

    def meeting(*names: str) -> DraftMeeting:
        return DraftMeeting.model_validate(
            {
                "kind": "meeting",
                "date_text": None,
                "location": None,
                "participants": [{"name": n} for n in names],
            }
        )

    assert convert_meeting(meeting("UFJ Holdings", "Sumitomo Mitsui Financial"), text, None) is None
    kept = convert_meeting(meeting("UFJ Holdings", "Nobuyuki Hirano"), text, None)
    assert kept is not None and len(kept.participants) == 2
    dated = meeting("Hanoi Department of Industry and Trade", "HCM City Department of Trade")
    dated.date_text = "on Friday"
    assert convert_meeting(dated, text, dt.date(2005, 2, 26)) is None  # bodies, no people
    dated = meeting("Ministry of Industry and Trade", "Nguyen Hong Dien")
    dated.date_text = "on Friday"
    assert convert_meeting(dated, text, dt.date(2005, 2, 26)) is not None


def test_one_name_with_no_counterpart_or_no_day_and_no_place_is_no_meeting() -> None:
    from summarizer.extraction.convert import convert_meeting
    from summarizer.extraction.wire import DraftMeeting

    text = "Peter Mandelson said talks would start. He met Robert Zoellick in Geneva."
    alone = DraftMeeting.model_validate(
        {
            "kind": "meeting",
            "date_text": None,
            "location": None,
            "participants": [{"name": "Peter Mandelson"}],
        }
    )
    assert convert_meeting(alone, text, None) is None
    placed = alone.model_copy(update={"location": "Geneva"})
    assert convert_meeting(placed, text, None) is None  # a speaker: no one he met
    group = DraftMeeting.model_validate(
        {
            "kind": "meeting",
            "date_text": None,
            "location": "Geneva",
            "participants": [{"name": "Peter Mandelson"}, {"name": "Other senior officials"}],
        }
    )
    kept = convert_meeting(group, text, None)  # a group: no participant, but a counterpart
    assert kept is not None and [p.name for p in kept.participants] == ["Peter Mandelson"]
    conference = placed.model_copy(update={"kind": "conference"})
    assert convert_meeting(conference, text, None) is not None


def _draft_meeting(*people: tuple[str, str | None]) -> DraftMeeting:
    return DraftMeeting.model_validate(
        {
            "kind": "meeting",
            "date_text": "on Friday",
            "location": None,
            "participants": [{"name": n, "title": t} for n, t in people],
        }
    )


def test_places_are_no_participants_and_a_meeting_of_places_is_dropped() -> None:
    from summarizer.extraction.convert import convert_meeting
    from summarizer.extraction.participants import is_place

    text = (
        "The People's Committee of Lao Cai province and the Republic of Korea (RoK)'s Jeju "
        "island signed an MoU on Friday. Governor Oh Young-hun met Secretary Dang Xuan Phong."
    )
    assert is_place("Lao Cai", text) and is_place("Lào Cai", text) and is_place("RoK", text)
    assert not is_place("Oh Young-hun", text)
    places = _draft_meeting(("Lao Cai", None), ("RoK", None))
    assert convert_meeting(places, text, dt.date(2023, 11, 25)) is None
    people = _draft_meeting(("Lao Cai", None), ("Oh Young-hun", "Governor"))
    kept = convert_meeting(people, text, dt.date(2023, 11, 25))
    assert kept is not None and [p.name for p in kept.participants] == ["Oh Young-hun"]
    assert is_place("RoK's Jeju Province", text)  # a name that ends in a place noun


def test_a_title_alone_is_no_name() -> None:
    from summarizer.extraction.convert import convert_meeting
    from summarizer.extraction.participants import is_named_person_or_body, is_title_only

    assert is_title_only("Minister of Economic Planning") and is_title_only("Deputy Prime Minister")
    assert not is_title_only("Minister Dien") and not is_title_only("Chun In-yong")
    assert not is_named_person_or_body("Minister of Economic Planning")
    text = "Deputy Prime Minister Chun In-yong and the Minister of Economic Planning met."
    office = _draft_meeting(
        ("Chun In-yong", "Deputy Prime Minister"), ("Minister of Economic Planning", "Chung")
    )
    assert convert_meeting(office, text, dt.date(1987, 6, 18)) is None  # one name, no day, no place
    office.location = "Seoul"  # an office is no counterpart: the same man's second title
    assert convert_meeting(office, text, dt.date(1987, 6, 18)) is None


def test_a_meeting_needs_a_person_not_a_model_title_that_says_company() -> None:
    from summarizer.extraction.convert import convert_meeting
    from summarizer.extraction.participants import is_person

    text = "Swiss-based Xstrata said on Friday that President Reagan had met Mr Son."
    assert not is_person("Xstrata", "not specified", text)
    assert not is_person("Yukos", "company", text) and not is_person("Bac Ninh", "Province", text)
    assert is_person("Reagan", None, text) and is_person("Son", None, text)
    assert is_person("Hugo Chavez", None, text) and is_person("Xstrata", "Chief Executive", text)
    deal = _draft_meeting(("Xstrata", "not specified"), ("WMC Resources", None))
    assert convert_meeting(deal, text, dt.date(2005, 1, 7)) is None
    met = _draft_meeting(("Reagan", None), ("Son", None))
    assert convert_meeting(met, text, dt.date(2005, 1, 7)) is not None


def test_a_title_with_its_portfolio_or_body_before_a_name_moves_to_the_title() -> None:
    from summarizer.extraction.participants import split_title

    assert split_title("Deputy Minister of Industry and Trade Phan Thi Thang", None) == (
        "Phan Thi Thang",
        "Deputy Minister of Industry and Trade",
    )
    assert split_title("Secretary of Lao Cai's Party Committee Dang Xuan Phong", None) == (
        "Dang Xuan Phong",
        "Secretary of Lao Cai's Party Committee",
    )
    assert split_title("Vietnam Ambassador to Chile Pham Truong Giang", None) == (
        "Pham Truong Giang",
        "Vietnam Ambassador to Chile",
    )
    assert split_title("Comrade Vi Thao", None) == ("Vi Thao", None)
    body = "Representative of the Da Nang Department of Industry and Trade"
    assert split_title(body, None) == (body, None)  # no name after the body: left alone
    assert split_title("Nguyen Hong Dien", None) == ("Nguyen Hong Dien", None)


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        (
            "Nguyen Hong Dien",
            "Minister of Industry and Trade Nguyen Hong Dien met him.",
            "Minister of Industry and Trade",
        ),
        (
            "Shen Xiaoming",
            "Dien and the visiting Secretary of the Party Committee of China’s Hainan "
            "province, Shen Xiaoming, met.",
            "visiting Secretary of the Party Committee of China’s Hainan province",
        ),
        (
            "Liu Ning",
            "Dien held talks with Liu Ning, visiting member of the Communist Party of China "
            "(CPC) Central Committee and Secretary of the CPC Committee of Guangxi.",
            "visiting member of the Communist Party of China (CPC) Central Committee and "
            "Secretary of the CPC Committee of Guangxi",
        ),
        (
            "Salah Bassiouni",
            "He met President Hosni Mubarak and Egyptian ambassador to Moscow Salah Bassiouni.",
            "Egyptian ambassador to Moscow",
        ),
        (
            "Chatchai Sarikulya",
            "According to Commerce Minister Chatchai Sarikulya, ...",
            "Commerce Minister",
        ),
        ("Anwar Ibrahim", "Prime Minister Datuk Seri Anwar Ibrahim said.", "Prime Minister"),
        (
            "Nguyen Duy Phu",
            "Nguyen Duy Phu, head of the Trade Office (centre) at a meeting.",
            "head of the Trade Office",
        ),
        ("Tran Van An", "Tran Van An said trade grew.", None),
    ],
)
def test_a_participant_s_title_is_read_from_the_source(
    name: str, text: str, title: str | None
) -> None:
    from summarizer.extraction.participants import title_in_source

    assert title_in_source(name, text) == title


def test_the_framed_answer_has_no_title_and_the_program_reads_it() -> None:
    from summarizer.extraction.convert import convert_meeting
    from summarizer.extraction.wire import FramedExtraction, FramedMeeting

    schema = FramedExtraction.model_json_schema()
    assert "title" not in schema["$defs"]["FramedParticipant"]["properties"]
    text = "Governor Lee Cheol Woo met Secretary Nguyen Anh Tuan in Bac Ninh city on November 29."
    draft = FramedMeeting.model_validate(
        {
            "kind": "meeting",
            "date_text": "November 29",
            "location": "Bac Ninh city",
            "participants": [{"name": "Lee Cheol Woo"}, {"name": "Nguyen Anh Tuan"}],
        }
    )
    meeting = convert_meeting(draft, text, dt.date(2023, 11, 30))
    assert meeting is not None
    assert [(p.name, p.title) for p in meeting.participants] == [
        ("Lee Cheol Woo", "Governor"),
        ("Nguyen Anh Tuan", "Secretary"),
    ]


def test_a_placeholder_country_names_no_country() -> None:
    answer = draft([])
    answer.meetings[0].participants[0].country = "unknown"
    answer.meetings[0].participants[1].country = "China"
    meeting = to_extraction(answer, TEXT, MENTIONS, dt.date(2023, 2, 23)).meetings[0]
    assert [p.country for p in meeting.participants] == [None, "China"]
