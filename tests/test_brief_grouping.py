"""Cross-article grouping: one meeting from two sources, and sources that disagree."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from support.brief import (
    accepted,
    make_article,
    make_record,
    two_source_inputs,
)

from summarizer.brief import BriefingInput, build_briefing
from summarizer.brief.folding import fold, metric_key
from summarizer.brief.grouping import same_meeting
from summarizer.domain import (
    Agreement,
    AgreementStatus,
    Meeting,
    Participant,
    Unverified,
    Verdict,
)


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Nguyễn Hồng Diên") == fold("NGUYEN HONG DIEN") == "nguyen hong dien"
    assert fold("Đà Nẵng") == "da nang"


def test_metric_key_keeps_direction_of_trade() -> None:
    assert metric_key("Guangxi's exports to Vietnam") != metric_key("Vietnam's exports to Guangxi")
    assert metric_key("The exports of Guangxi") == metric_key("exports Guangxi")


def test_same_meeting_from_two_articles_is_one_entry_listing_both_sources() -> None:
    briefing = build_briefing(two_source_inputs())
    assert len(briefing.meetings) == 1
    meeting = briefing.meetings[0]
    assert meeting.source_ids == ["S1", "S2"]
    assert meeting.date == dt.date(2025, 11, 26)
    assert meeting.locations == ["Hà Nội"]
    names = [person.name for side in meeting.sides for person in side.people]
    assert names == ["Nguyễn Hồng Diên", "Vi Thao"]
    assert [side.country for side in meeting.sides] == ["Vietnam", "China"]
    assert meeting.topics == ["border trade", "electricity"]
    assert meeting.outcomes == ["Agreed to speed up customs clearance."]


def _meeting(day: int, *names: str) -> Meeting:
    return Meeting(
        kind="meeting",
        date=dt.date(2025, 11, day),
        date_text=f"November {day}",
        participants=[Participant(name=name) for name in names],
    )


def test_meetings_on_other_dates_or_with_other_people_stay_apart() -> None:
    base = _meeting(26, "Nguyen Hong Dien", "Vi Thao")
    assert same_meeting(base, _meeting(26, "Vi Thao", "Nguyễn Hồng Diên", "Ha Vi"))
    assert not same_meeting(base, _meeting(27, "Nguyen Hong Dien", "Vi Thao"))
    assert not same_meeting(base, _meeting(26, "Nguyen Hong Dien", "Liu Ning"))
    undated = base.model_copy(update={"date": None, "date_text": None})
    assert not same_meeting(undated, undated)


def test_different_values_from_two_sources_are_a_disagreement_not_a_flag() -> None:
    briefing = build_briefing(two_source_inputs())
    assert len(briefing.disagreements) == 1
    disagreement = briefing.disagreements[0]
    assert [r.value for r in disagreement.reports] == [
        Decimal("35700000000"),
        Decimal("36100000000"),
    ]
    assert disagreement.statement == (
        "S1 (Talks in Hanoi): US$35.7 billion; S2 (Guangxi chairman visits): US$36.1 billion"
    )
    assert briefing.flagged == []
    assert briefing.counts.flagged == 0
    row = next(r for r in briefing.figures if r.disagreement)
    assert row.source_ids == ["S1", "S2"]


def test_same_value_from_two_sources_is_one_row_and_other_directions_stay_apart() -> None:
    briefing = build_briefing(two_source_inputs())
    growth = [r for r in briefing.figures if r.metric.startswith("growth")]
    assert len(growth) == 1
    assert growth[0].source_ids == ["S1", "S2"] and not growth[0].disagreement
    exports = [r for r in briefing.figures if "exports" in r.metric]
    assert [r.reports[0].display for r in exports] == ["US$29.5 billion", "US$6.2 billion"]
    assert all(len(r.reports) == 1 for r in exports)
    assert len(briefing.figures) == 4


def test_one_source_repeating_a_figure_counts_once() -> None:
    first, _ = two_source_inputs()
    record = first.record.model_copy(
        update={"figures": [*first.record.figures, first.record.figures[0]]}
    )
    briefing = build_briefing([first.model_copy(update={"record": record})])
    assert len(briefing.figures) == 3
    assert briefing.disagreements == []


def test_agreements_grouped_by_status_in_briefing_order_and_merged_across_sources() -> None:
    text_a, text_b = "Article one about an MoU.", "Article two about the same MoU."
    article_a = make_article(text_a, "One", "2025-01-01")
    article_b = make_article(text_b, "Two", "2025-01-02")

    def agreement(title: str, status: AgreementStatus, parties: list[str]) -> Agreement:
        return Agreement(title=title, type="mou", parties=parties, status=status)

    record_a = make_record(
        article_a,
        agreements=[
            agreement("Rail MoU", AgreementStatus.proposed, ["Vietnam"]),
            agreement("Customs plan", AgreementStatus.in_force, []),
            agreement("Trade MoU", AgreementStatus.signed, ["Vietnam"]),
        ],
    )
    record_b = make_record(
        article_b,
        agreements=[
            agreement("TRADE MOU", AgreementStatus.signed, ["Guangxi", "vietnam"]),
            agreement("Power deal", AgreementStatus.under_negotiation, []),
            agreement("Tariff deal", AgreementStatus.agreed_in_principle, []),
        ],
    )
    briefing = build_briefing([accepted(article_a, record_a), accepted(article_b, record_b)])
    assert [g.status for g in briefing.agreements] == [
        AgreementStatus.signed,
        AgreementStatus.agreed_in_principle,
        AgreementStatus.under_negotiation,
        AgreementStatus.proposed,
        AgreementStatus.in_force,
    ]
    signed = briefing.agreements[0].agreements
    assert len(signed) == 1
    assert signed[0].source_ids == ["S1", "S2"]
    assert signed[0].parties == ["Vietnam", "Guangxi"]


def test_an_agreement_field_stays_unconfirmed_only_if_no_source_confirms_it() -> None:
    """The merged agreement is marked for a field that neither report's check confirmed."""
    inputs = []
    for n, unsure in enumerate([["status", "date_text"], ["status"]], start=1):
        article = make_article(f"Article {n} about the trade MoU.", f"A{n}", f"2025-01-0{n}")
        record = make_record(
            article,
            agreements=[
                Agreement(title="Trade MoU", type="mou", status=AgreementStatus.signed),
                Agreement(title=f"Only in {n}", type="mou", status=AgreementStatus.proposed),
            ],
        )
        verdict = Verdict(
            status="accepted",
            unverified=[
                Unverified(field=f"agreements[0].{name}", claim="x", reason="no cue")
                for name in unsure
            ],
        )
        inputs.append(BriefingInput(article=article, record=record, verdict=verdict))
    briefing = build_briefing(inputs)
    (signed,) = briefing.agreements[0].agreements
    assert signed.source_ids == ["S1", "S2"] and signed.unconfirmed == ["status"]
    proposed = briefing.agreements[1].agreements
    assert [a.unconfirmed for a in proposed] == [[], []]


def test_since_leaves_out_older_articles() -> None:
    first, second = two_source_inputs()
    briefing = build_briefing([first, second], since=dt.date(2025, 11, 28))
    assert [ref.title for ref in briefing.sources] == ["Guangxi chairman visits"]
    assert briefing.disagreements == []
    assert briefing.period_start == briefing.period_end == dt.date(2025, 11, 28)
