"""Scoring model records against gold with the README's matching rules."""

from __future__ import annotations

from decimal import Decimal

from support.crosscheck import GOLD, SEEDS, needs_gold

from summarizer.domain import Verdict
from summarizer.evaluation.clean import agreement_type, breakdowns, clean_record
from summarizer.evaluation.gold import GoldArticle, load_gold_dir
from summarizer.evaluation.mutations import replace_figure
from summarizer.evaluation.scoring import fold_name, score_records, title_similarity
from summarizer.source_text import read_source_text

ACCEPTED = Verdict.from_discrepancies([], 1)


def _pairs() -> list[tuple[GoldArticle, str]]:
    needs_gold()
    return [(g, read_source_text(SEEDS / g.article)) for g in load_gold_dir(GOLD)]


def test_gold_loader_tolerates_extra_keys_and_partial_dates() -> None:
    golds = {g.article[:3]: g for g, _ in _pairs()}
    assert golds["001"].meetings[0].model_extra == {
        "location_note": "the Chinese delegation is visiting Vietnam; no city is named"
    }
    assert golds["003"].agreements[0].iso_date is None  # "2009"
    assert golds["002"].meetings[0].participants[2].core is False
    assert agreement_type("MoU").value == "mou" and agreement_type("work plan").value == "work_plan"
    assert breakdowns(golds["000"]) == [(0, [2, 3])]
    assert breakdowns(golds["002"]) == [(1, [3, 5])]


def test_gold_derived_records_score_perfectly() -> None:
    pairs = [(clean_record(text, g), ACCEPTED, g) for g, text in _pairs()]
    scores = score_records(pairs)  # type: ignore[arg-type]
    assert scores.figures.f1 == 1.0 and scores.meetings.recall == 1.0
    assert scores.agreements.f1 == 1.0
    assert scores.accepted_rate == 1.0 and scores.articles == 5


def test_wrong_values_sign_and_missing_items_lower_the_scores() -> None:
    gold, text = next((g, t) for g, t in _pairs() if g.article.startswith("002"))
    rec = clean_record(text, gold)
    figures = list(rec.figures)
    figures[1] = replace_figure(figures[1], value=Decimal("35600000000"))  # within 0.5%: match
    figures[3] = replace_figure(figures[3], value=Decimal("29500000"))  # scale error
    figures[6] = replace_figure(figures[6], value=Decimal("10.5"), direction="up")  # sign
    rec = rec.model_copy(update={"figures": figures, "agreements": rec.agreements[:1]})
    flagged = Verdict.from_discrepancies([], 0)
    scores = score_records([(rec, flagged, gold)])  # type: ignore[list-item]
    assert scores.figures.matched == len(gold.figures) - 2
    assert scores.agreements.recall == 0.5 and scores.agreements.precision == 1.0


def test_meeting_needs_two_folded_names_and_agreement_a_fuzzy_title() -> None:
    assert fold_name("Trần Thị Phương Lan") == "tran thi phuong lan"
    assert fold_name("Đà Nẵng") == "da nang"
    assert (
        title_similarity(
            "MoU on promoting the Vietnam–China international container rail route",
            "MoU on promoting the Vietnam-China international container rail route",
        )
        == 1.0
    )
    assert title_similarity("Action Plan 2024-2026", "Action plan for 2024-2026") >= 0.5
    assert title_similarity("Action Plan 2024-2026", "MoU on e-commerce training") < 0.5
    gold, text = next((g, t) for g, t in _pairs() if g.article.startswith("004"))
    rec = clean_record(text, gold)
    one_name = rec.meetings[0].model_copy(update={"participants": rec.meetings[0].participants[:1]})
    scores = score_records([(rec.model_copy(update={"meetings": [one_name]}), ACCEPTED, gold)])  # type: ignore[list-item]
    assert scores.meetings.matched == 0


def test_a_meeting_matches_on_its_named_participants_not_on_unnamed_ones() -> None:
    """A gold "South Korean officials (not named)" (`core: false`) stands for people the article
    does not name: the one named participant is what a record must get right."""
    from summarizer.domain import Meeting, MeetingKind, Participant
    from summarizer.evaluation.gold import GoldMeeting, GoldParticipant
    from summarizer.evaluation.scoring import meeting_matches

    gold = GoldMeeting(
        participants=[
            GoldParticipant(name="Ahn Duk-geun"),
            GoldParticipant(name="U.S. negotiators (not named)", core=False),
        ]
    )
    found = Meeting(kind=MeetingKind.meeting, participants=[Participant(name="Ahn Duk-geun")])
    other = Meeting(kind=MeetingKind.meeting, participants=[Participant(name="Kim Jong")])
    assert meeting_matches(found, gold)
    assert not meeting_matches(other, gold)
    unnamed = GoldMeeting(participants=[GoldParticipant(name="officials", core=False)])
    assert not meeting_matches(found, unnamed)
