"""Merge the extractions of an article's chunks into one, without duplicates."""

from __future__ import annotations

import unicodedata

from summarizer.domain import Agreement, Extraction, Figure, Meeting


def _fold(text: str) -> str:
    """Case, accents and whitespace do not make two mentions different."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def figure_key(figure: Figure) -> tuple[str, str, str]:
    """Same value, unit and evidence span: the same figure, whichever chunk saw it."""
    return (str(figure.value.normalize()), figure.unit, _fold(figure.evidence))


def _meeting_key(meeting: Meeting) -> frozenset[str]:
    return frozenset(_fold(p.name) for p in meeting.participants)


def _agreement_key(agreement: Agreement) -> tuple[str, str]:
    return (_fold(agreement.title), agreement.status.value)


def merge_extractions(parts: list[Extraction]) -> Extraction:
    """First occurrence wins; meetings with the same participants merge their topics."""
    if len(parts) == 1:
        return parts[0]
    figures: dict[tuple[str, str, str], Figure] = {}
    meetings: dict[frozenset[str], Meeting] = {}
    agreements: dict[tuple[str, str], Agreement] = {}
    for part in parts:
        for figure in part.figures:
            figures.setdefault(figure_key(figure), figure)
        for meeting in part.meetings:
            key = _meeting_key(meeting)
            if key in meetings:
                known = meetings[key]
                topics = known.topics + [t for t in meeting.topics if t not in known.topics]
                meetings[key] = known.model_copy(update={"topics": topics})
            else:
                meetings[key] = meeting
        for agreement in part.agreements:
            agreements.setdefault(_agreement_key(agreement), agreement)
    summary = parts[0].summary
    return Extraction(
        summary=summary,
        meetings=list(meetings.values()),
        figures=list(figures.values()),
        agreements=list(agreements.values()),
    )
