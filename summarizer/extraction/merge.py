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


def distinct_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per set of participants, topics merged: the 1.5B model sometimes lists
    one meeting four times in one answer (seed 002), and chunks overlap."""
    kept: dict[frozenset[str], Meeting] = {}
    for meeting in meetings:
        key = _meeting_key(meeting)
        if key in kept:
            known = kept[key]
            topics = known.topics + [t for t in meeting.topics if t not in known.topics]
            kept[key] = known.model_copy(update={"topics": topics})
        else:
            kept[key] = meeting
    return list(kept.values())


def merge_extractions(parts: list[Extraction]) -> Extraction:
    """First occurrence wins; meetings with the same participants merge their topics."""
    if len(parts) == 1:
        only = parts[0]
        return only.model_copy(update={"meetings": distinct_meetings(only.meetings)})
    figures: dict[tuple[str, str, str], Figure] = {}
    agreements: dict[tuple[str, str], Agreement] = {}
    for part in parts:
        for figure in part.figures:
            figures.setdefault(figure_key(figure), figure)
        for agreement in part.agreements:
            agreements.setdefault(_agreement_key(agreement), agreement)
    return Extraction(
        summary=parts[0].summary,
        meetings=distinct_meetings([m for part in parts for m in part.meetings]),
        figures=list(figures.values()),
        agreements=list(agreements.values()),
    )
