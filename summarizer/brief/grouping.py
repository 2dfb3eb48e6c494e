"""Merge what several articles say about the same meeting, figure or agreement.

Two articles reporting one meeting should read as one entry with two sources, and two
articles giving different values for one figure are a disagreement *between sources*
(to be shown side by side), not a model error. Matching is deliberately conservative:
names and metrics are compared after case and diacritic folding, never fuzzily, so two
different meetings or figures are not merged by accident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.brief.folding import fold, metric_key
from summarizer.brief.model import (
    AgreementGroup,
    BriefAgreement,
    BriefFigure,
    BriefMeeting,
    Disagreement,
    FigureReport,
    MeetingReport,
    Person,
    Side,
)
from summarizer.domain import Agreement, AgreementStatus, Meeting
from summarizer.render.formatting import AGREEMENT_ORDER


@dataclass(frozen=True)
class SourcedMeeting:
    source_id: str
    meeting: Meeting


@dataclass(frozen=True)
class SourcedFigure:
    """A formatted figure report plus the fields that decide which figure it is."""

    report: FigureReport
    metric: str
    entities: tuple[str, ...]
    period: str | None

    @property
    def key(self) -> tuple[str, tuple[str, ...], str, str]:
        entities = tuple(sorted({fold(entity) for entity in self.entities}))
        return (metric_key(self.metric), entities, fold(self.period or ""), self.report.unit)


@dataclass(frozen=True)
class SourcedAgreement:
    source_id: str
    agreement: Agreement
    unconfirmed: tuple[str, ...] = ()
    """Fields of the agreement this source's check could not confirm ('status')."""


def _distinct(values: Iterable[str | None]) -> list[str]:
    """Non-empty values in first-seen order, duplicates (after folding) dropped."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        if value and fold(value) not in seen:
            seen.add(fold(value))
            kept.append(value)
    return kept


# --------------------------------------------------------------------------- meetings


def same_meeting(first: Meeting, second: Meeting) -> bool:
    """Same date and the same participants (names folded); undated meetings never merge."""
    if first.date is None or first.date != second.date:
        return False
    names_a = {fold(p.name) for p in first.participants}
    names_b = {fold(p.name) for p in second.participants}
    needed = min(2, len(names_a), len(names_b))
    return len(names_a & names_b) >= needed


def _clusters(meetings: list[SourcedMeeting]) -> list[list[SourcedMeeting]]:
    """Connected groups under `same_meeting`, in order of first appearance."""
    parent = list(range(len(meetings)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, first in enumerate(meetings):
        for j in range(i + 1, len(meetings)):
            if same_meeting(first.meeting, meetings[j].meeting):
                parent[root(j)] = root(i)
    groups: dict[int, list[SourcedMeeting]] = {}
    for index, item in enumerate(meetings):
        groups.setdefault(root(index), []).append(item)
    return list(groups.values())


def _merge_people(items: list[SourcedMeeting]) -> list[Side]:
    """Participants once each (details filled from any source), grouped by side."""
    people: dict[str, Person] = {}
    for item in items:
        for participant in item.meeting.participants:
            key = fold(participant.name)
            known = people.get(key)
            people[key] = Person(
                name=known.name if known else participant.name,
                title=(known.title if known else None) or participant.title,
                organisation=(known.organisation if known else None) or participant.organisation,
                country=(known.country if known else None) or participant.country,
            )
    sides: dict[str, Side] = {}
    for person in people.values():
        key = fold(person.country or "")
        side = sides.setdefault(key, Side(country=person.country, people=[]))
        side.people.append(person)
    return list(sides.values())


def merge_meetings(meetings: list[SourcedMeeting]) -> list[BriefMeeting]:
    """One entry per distinct meeting, listing every source that reports it, by date."""
    merged: list[BriefMeeting] = []
    for group in _clusters(meetings):
        first = group[0].meeting
        merged.append(
            BriefMeeting(
                kind=first.kind,
                date=first.date,
                title=next((m.meeting.title for m in group if m.meeting.title), None),
                locations=_distinct(m.meeting.location for m in group),
                sides=_merge_people(group),
                topics=_distinct(topic for m in group for topic in m.meeting.topics),
                reports=[
                    MeetingReport(
                        source_id=m.source_id,
                        date_text=m.meeting.date_text,
                        location=m.meeting.location,
                        outcome=m.meeting.outcome,
                    )
                    for m in group
                ],
            )
        )
    return sorted(merged, key=lambda m: (m.date is None, m.date or dt.date.max))


# --------------------------------------------------------------------------- figures


def _statement(reports: list[FigureReport], labels: dict[str, str]) -> str:
    return "; ".join(f"{labels.get(r.source_id, r.source_id)}: {r.display}" for r in reports)


def group_figures(
    figures: list[SourcedFigure], labels: dict[str, str]
) -> tuple[list[BriefFigure], list[Disagreement]]:
    """Merge reports of one figure; sources giving different values become a disagreement.

    `labels` names each source for the disagreement statement ('S1 (title)').
    """
    groups: dict[tuple[str, tuple[str, ...], str, str], list[SourcedFigure]] = {}
    for figure in figures:
        groups.setdefault(figure.key, []).append(figure)
    rows: list[BriefFigure] = []
    disagreements: list[Disagreement] = []
    for group in groups.values():
        first = group[0]
        kept: list[SourcedFigure] = []
        seen: set[tuple[str, object]] = set()
        for item in group:  # one source stating the same value twice counts once
            identity = (item.report.source_id, item.report.value)
            if identity not in seen:
                seen.add(identity)
                kept.append(item)
        reports = [item.report for item in kept]
        all_values = {r.value for r in reports}
        disagree = len(all_values) > 1 and len({r.source_id for r in reports}) > 1
        if not disagree and len(all_values) > 1:
            # One source, several values: distinct figures it did not label apart.
            rows.extend(_row(item, [item.report], disagreement=False) for item in kept)
            continue
        rows.append(_row(first, reports, disagreement=disagree))
        if disagree:
            disagreements.append(
                Disagreement(
                    metric=first.metric,
                    entities=list(first.entities),
                    period=first.period,
                    unit=first.report.unit,
                    reports=reports,
                    statement=_statement(reports, labels),
                )
            )
    return rows, disagreements


def _row(first: SourcedFigure, reports: list[FigureReport], *, disagreement: bool) -> BriefFigure:
    return BriefFigure(
        metric=first.metric,
        entities=list(first.entities),
        period=first.period,
        unit=first.report.unit,
        reports=reports,
        disagreement=disagreement,
    )


# --------------------------------------------------------------------------- agreements


def group_agreements(agreements: list[SourcedAgreement]) -> list[AgreementGroup]:
    """Agreements by status (signed first); one agreement reported twice is listed once."""
    merged: dict[tuple[str, AgreementStatus], BriefAgreement] = {}
    for item in agreements:
        agreement = item.agreement
        key = (fold(agreement.title), agreement.status)
        known = merged.get(key)
        if known is None:
            merged[key] = BriefAgreement(
                title=agreement.title,
                type=agreement.type,
                status=agreement.status,
                parties=_distinct(agreement.parties),
                date=agreement.date,
                date_text=agreement.date_text,
                source_ids=[item.source_id],
                unconfirmed=sorted(item.unconfirmed),
            )
            continue
        # A field one source's evidence confirms is confirmed for the merged agreement.
        known.unconfirmed = [f for f in known.unconfirmed if f in item.unconfirmed]
        known.parties = _distinct([*known.parties, *agreement.parties])
        known.date = known.date or agreement.date
        known.date_text = known.date_text or agreement.date_text
        if item.source_id not in known.source_ids:
            known.source_ids.append(item.source_id)
    groups: list[AgreementGroup] = []
    for status, label in AGREEMENT_ORDER:
        members = [a for a in merged.values() if a.status == status]
        if members:
            groups.append(AgreementGroup(status=status, label=label, agreements=members))
    return groups
