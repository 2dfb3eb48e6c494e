"""Build a correct record from a gold annotation: the clean baseline of the benchmark.

Figures get the gold value, unit, kind and text, and as evidence the source sentence
holding the gold text; meetings and agreements copy the gold; the summary quotes gold
figure texts verbatim. Gold `consistency` notes give breakdowns (`part_of`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import ValidationError

from summarizer.domain import (
    Agreement,
    AgreementStatus,
    AgreementType,
    Direction,
    Extraction,
    Figure,
    FigureKind,
    Meeting,
    MeetingKind,
    Participant,
    Qualifier,
)
from summarizer.evaluation.gold import GoldAgreement, GoldArticle, GoldFigure, GoldMeeting
from summarizer.source_text import sentence_around
from summarizer.vocabulary import (
    SCALE_WORDS,
    canonical_unit,
    qualifier_from_word,
    validate_unit,
)


def _figure_kind(kind: str) -> FigureKind:
    try:
        return FigureKind(kind)
    except ValueError:
        return FigureKind.amount


class GoldItemError(ValueError):
    """A gold item the product's schema cannot hold (an unknown unit or qualifier)."""


def gold_qualifier(word: str | None) -> Qualifier | None:
    """The product's qualifier for a gold word ("roughly" -> about); GoldItemError if none."""
    if not word:
        return None
    qualifier = qualifier_from_word(word)
    if qualifier is None:
        raise GoldItemError(f"unknown qualifier {word!r}")
    return qualifier


def gold_unit(unit: str) -> str:
    """The product's spelling of a gold unit ("percentage points" -> percentage_point)."""
    canonical = canonical_unit(unit)
    try:
        return validate_unit(canonical)
    except ValueError:
        raise GoldItemError(f"unknown unit {unit!r}") from None


def _continues_number(source: str, at: int, step: int) -> bool:
    """A digit at `at`, or a decimal mark and a digit going `step` (-1 back, +1 on)."""

    def digit(index: int) -> bool:
        return 0 <= index < len(source) and source[index].isdigit()

    return digit(at) or (0 <= at < len(source) and source[at] in ".," and digit(at + step))


def figure_text_at(source: str, text: str, nth: int = 0) -> int:
    """Where the gold `text` stands in `source` as a whole number: the `nth` occurrence
    (from 0) that is not part of a longer number ("6 percent" not inside "14.6 percent"),
    the last such one when there are fewer, else the first occurrence; -1 when absent."""
    first = source.find(text)
    found = -1
    at = first
    while at >= 0:
        if not _continues_number(source, at - 1, -1) and not _continues_number(
            source, at + len(text), 1
        ):
            found = at
            if nth == 0:
                return at
            nth -= 1
        at = source.find(text, at + 1)
    return found if found >= 0 else first


def gold_figure_to_record(source: str, figure: GoldFigure, nth: int = 0) -> Figure:
    """A correct `Figure` for one gold figure (evidence: the sentence holding the `nth`
    occurrence of its text: the n-th gold item written "3bn yuan" is the n-th "3bn yuan"
    of the article, as the gold lists figures in reading order).

    Raises GoldItemError when the gold names a unit or qualifier the schema cannot hold.
    """
    start = figure_text_at(source, figure.text, nth)
    if start < 0:
        raise GoldItemError(f"gold figure text {figure.text!r} is not in the article")
    direction = Direction(figure.direction) if figure.direction in ("up", "down", "flat") else None
    kind = _figure_kind(figure.kind)
    if kind is FigureKind.change and direction is None:
        direction = Direction.down if figure.value < 0 else Direction.up
    try:
        return _gold_figure(source, figure, start, kind, direction)
    except ValidationError as exc:
        reason = "; ".join(e["msg"] for e in exc.errors())
        raise GoldItemError(f"gold figure {figure.text!r}: {reason}") from None


def _gold_figure(
    source: str, figure: GoldFigure, start: int, kind: FigureKind, direction: Direction | None
) -> Figure:
    return Figure(
        value=figure.value,
        unit=gold_unit(figure.unit),
        kind=kind,
        direction=direction,
        qualifier=gold_qualifier(figure.qualifier),
        metric=figure.what or "figure",
        period=figure.period,
        text=figure.text,
        evidence=sentence_around(source, start, start + len(figure.text)),
    )


def _meeting_kind(kind: str | None) -> MeetingKind:
    try:
        return MeetingKind(kind or "meeting")
    except ValueError:
        return MeetingKind.meeting


def gold_meeting_to_record(meeting: GoldMeeting) -> Meeting:
    return Meeting(
        kind=_meeting_kind(meeting.kind),
        date=meeting.iso_date,
        date_text=meeting.date_text,
        location=meeting.location,
        title=meeting.title,
        participants=[
            Participant(name=p.name, title=p.role, country=p.country) for p in meeting.participants
        ],
        topics=list(meeting.topics),
    )


def agreement_type(text: str | None) -> AgreementType:
    """Map the gold's free-text type ('MoU', 'work plan') onto the product's enum."""
    key = (text or "other").strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return AgreementType(key)
    except ValueError:
        return AgreementType.other


def gold_agreement_to_record(agreement: GoldAgreement) -> Agreement:
    return Agreement(
        title=agreement.title,
        type=agreement_type(agreement.type),
        parties=list(agreement.parties),
        status=AgreementStatus(agreement.status),
        date=agreement.iso_date,
    )


_NUMBER_WITH_SCALE = re.compile(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", re.I)


def _numbers(text: str) -> list[Decimal]:
    values = []
    for digits, scale in _NUMBER_WITH_SCALE.findall(text):
        value = Decimal(digits) * (SCALE_WORDS[scale.lower()] if scale else 1)
        values.append(value)
    return values


def breakdowns(gold: GoldArticle) -> list[tuple[int, list[int]]]:
    """(total index, part indices) from consistency notes like 'a + b = c, the reported total'."""
    found: list[tuple[int, list[int]]] = []
    for note in gold.consistency:
        if "=" not in note or "+" not in note.split("=")[0]:
            continue
        left, right = note.split("=", 1)
        found_parts = [_index_of(gold, v) for v in _numbers(left)]
        parts = [p for p in found_parts if p is not None]
        totals = [_index_of(gold, v, relative=Decimal("0.005")) for v in _numbers(right)]
        total_indices = [t for t in totals if t is not None and t not in parts]
        if len(parts) != len(found_parts) or not total_indices or len(parts) < 2:
            continue
        found.append((total_indices[-1], parts))
    return found


def _index_of(gold: GoldArticle, value: Decimal, relative: Decimal = Decimal(0)) -> int | None:
    best: tuple[Decimal, int] | None = None
    for index, figure in enumerate(gold.figures):
        if figure.kind == "change":
            continue
        gap = abs(figure.value - value)
        if gap <= abs(value) * relative and (best is None or gap < best[0]):
            best = (gap, index)
    return best[1] if best else None


def gold_summary(gold: GoldArticle) -> str:
    """Two sentences that quote gold figure texts verbatim (so every number is correct)."""
    sentences: list[str] = []
    if gold.meetings and gold.meetings[0].participants:
        names = " and ".join(p.name for p in gold.meetings[0].participants[:2])
        sentences.append(f"{names} met to discuss economic and trade cooperation.")
    core = [f for f in gold.figures if f.core][:3]
    if core:
        quoted = "; ".join(f"{f.what}: {f.text}" for f in core)
        sentences.append(f"Reported figures — {quoted}.")
    return " ".join(sentences) or "The article reports on economic cooperation."


def clean_record(source: str, gold: GoldArticle, skipped: list[str] | None = None) -> Extraction:
    """A correct `Extraction` of the article, built from its gold annotation.

    Gold items the schema cannot hold are left out, each with its reason appended to
    `skipped` ("r05.txt figures[3]: unknown qualifier 'range'"); they never abort a run.
    """
    reasons = skipped if skipped is not None else []
    figures: list[Figure] = []
    position: dict[int, int] = {}
    for index, item in enumerate(gold.figures):
        nth = sum(other.text == item.text for other in gold.figures[:index])
        try:
            figures.append(gold_figure_to_record(source, item, nth))
        except GoldItemError as exc:
            reasons.append(f"{gold.article} figures[{index}]: {exc}")
            continue
        position[index] = len(figures) - 1
    for total, parts in breakdowns(gold):
        if total not in position or any(p not in position for p in parts):
            continue
        for part in parts:
            at = position[part]
            figures[at] = figures[at].model_copy(update={"part_of": position[total]})
    agreements: list[Agreement] = []
    for index, agreement in enumerate(gold.agreements):
        try:
            agreements.append(gold_agreement_to_record(agreement))
        except (ValueError, ValidationError) as exc:
            reasons.append(f"{gold.article} agreements[{index}]: {_first_line(exc)}")
    meetings: list[Meeting] = []
    for index, meeting in enumerate(gold.meetings):
        if not meeting.participants:
            continue
        try:
            meetings.append(gold_meeting_to_record(meeting))
        except (ValueError, ValidationError) as exc:
            reasons.append(f"{gold.article} meetings[{index}]: {_first_line(exc)}")
    return Extraction(
        summary=gold_summary(gold), meetings=meetings, figures=figures, agreements=agreements
    )


def _first_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(e["msg"] for e in exc.errors())
    return str(exc).splitlines()[0]
