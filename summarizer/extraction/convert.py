"""Turn a model's draft into the strict domain `Extraction`, taking numbers from the source.

The program, not the model, decides what goes into a record where it can: a cited
mention's value, unit and exact text; the verbatim evidence sentence around it; the
meeting date resolved against the publication date (the model only copies the date's
words, since small models invent years).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from pydantic import ValidationError

from summarizer.countries import COUNTRY_FORMS
from summarizer.crosscheck.agreements import status_cue
from summarizer.crosscheck.wordmatch import run_together
from summarizer.domain import (
    Agreement,
    AgreementStatus,
    Direction,
    Extraction,
    Figure,
    FigureKind,
    Meeting,
    MeetingKind,
    MentionKind,
    NumericMention,
    Participant,
)
from summarizer.extraction.agreement_titles import (
    expand_acronym,
    extend_title,
    head_in_text,
    names_an_agreement,
    source_name,
)
from summarizer.extraction.bilateral import (
    sides,
    with_part_partner,
    with_partner,
    with_sides,
    with_topic,
)
from summarizer.extraction.lead import lead
from summarizer.extraction.meeting_dates import meeting_date_text
from summarizer.extraction.participants import (
    is_named_person_or_body,
    is_person,
    is_place,
    is_placeholder,
    is_title_only,
    split_title,
    title_in_source,
)
from summarizer.extraction.ranks import rank_holder_metric
from summarizer.extraction.wire import (
    DraftAgreement,
    DraftExtractionBase,
    DraftMeeting,
    FramedExtraction,
    FreeFigure,
    GroundedExtraction,
    GroundedFigure,
)
from summarizer.frames import RUN, Frame, FrameRole, frames_for
from summarizer.ingest.relative import resolve_day, resolve_day_in
from summarizer.source_text import sentence_around

_MAX_SUMMARY = 1200


_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
"""Kana, CJK ideographs and Hangul: the 1.5B model (trained on much Chinese) sometimes
slips a word of them into an English summary ("discussed many orientations and 解决方案")."""


def two_sentences(summary: str, source: str = "") -> str:
    """Trim a summary to two sentences and the record's length limit; a second sentence cut
    off by the wire schema's length cap (`wire.SUMMARY_CHARS`), or one written partly in a
    script the source does not use, is dropped."""
    parts = re.split(r"(?<=[.!?])\s+", summary.strip())[:2]
    if len(parts) == 2 and not re.search(r"[.!?][\"'”’)]*$", parts[1]):
        parts = parts[:1]
    if not _EAST_ASIAN.search(source):
        parts = [p for p in parts if not _EAST_ASIAN.search(p)] or parts
    trimmed = " ".join(parts)
    return trimmed[:_MAX_SUMMARY].rstrip()


def resolve_date(
    date_text: str | None, published: dt.date | None, source: str | None = None
) -> dt.date | None:
    """'February 22' + published 2023-02-22 -> 2023-02-22, 'on Monday' -> the Monday before
    (the coming one when its sentence speaks of the future), by the same reading of date
    words that the cross-check applies; None when unresolvable."""
    if not date_text:
        return None
    if source is not None:
        return resolve_day_in(date_text, source, published)
    return resolve_day(date_text, published)


def _in_text(fragment: str | None, text: str) -> str | None:
    if fragment and fragment.casefold() in text.casefold():
        return fragment
    return None


def convert_meeting(draft: DraftMeeting, text: str, published: dt.date | None) -> Meeting | None:
    """The domain meeting, or None when no participant names someone
    (`participants.is_named_person_or_body`: the model's "None", "Vietnam", "Other
    officials", a place: `participants.is_place`), when none is a person
    (`participants.is_person`: "UFJ Holdings" and "Sumitomo Mitsui Financial" in a merger
    story, five cities' Departments of Industry and Trade signing a programme, are the
    sides of a deal, not people who met; the deal is an agreement), or when one name is
    left with no counterpart (no other participant, not even a group such as "U.S.
    negotiators", unless it is a conference) or with neither a date nor a place (the
    model's "meeting" of "Peter Mandelson", who only spoke).

    Why the counterpart: on the development corpus 9 of the 10 one-person "meetings" the
    1.5B model wrote with the framed prompt were a speaker's statement."""
    names = [p.name for p in draft.participants]
    date_text = meeting_date_text(_in_text(draft.date_text, text), names, text)
    people = [
        p
        for p in draft.participants
        if is_named_person_or_body(p.name) and not is_place(p.name, text)
    ]
    participants = []
    for person in people:
        name, title = split_title(person.name, person.title or None)
        title = title or title_in_source(name, text)
        country = person.country or None
        if country is not None and is_placeholder(country):
            country = None  # the model's "unknown" names no country
        participants.append(Participant(name=name, title=title, country=country))
    if not any(is_person(p.name, p.title, text) for p in participants):
        return None
    date = resolve_date(date_text, published, text)
    location = _in_text(draft.location, text)
    named = [
        p for p in draft.participants if not is_placeholder(p.name) and not is_title_only(p.name)
    ]
    if len(participants) == 1 and (
        (date is None and location is None)
        or (len(named) < 2 and draft.kind != MeetingKind.conference)
    ):
        return None  # one name and no counterpart: a speaker, not a meeting
    return Meeting(
        kind=draft.kind,
        date=date,
        date_text=date_text,
        location=location,
        participants=participants,
        topics=[t for t in (topic.strip() for topic in draft.topics) if t][:12],
    )


def _signed(value: Decimal, direction: Direction | None) -> Decimal:
    if direction == Direction.down:
        return -abs(value)
    if direction == Direction.up:
        return abs(value)
    return value


def _default_unit(kind: FigureKind) -> str:
    return "percent" if kind in (FigureKind.share, FigureKind.rate) else "units"


_LEVEL_KINDS = {
    MentionKind.amount: FigureKind.amount,
    MentionKind.count: FigureKind.count,
    MentionKind.number: FigureKind.count,
    MentionKind.ordinal: FigureKind.ordinal,
    MentionKind.rank: FigureKind.ordinal,
}


def frame_kind(mention: NumericMention, frame: Frame | None) -> tuple[FigureKind, Direction | None]:
    """Kind and direction as the source's words state them, not as a model labels them.

    A change is a change only with a direction the words give ("up 56 percent", "an
    increase of 7.44%"); a share is a share by its frame ("accounts for 30%"); any other
    level is read from what the number is (money, a count, an ordinal, a rate).
    """
    direction = mention.direction or (frame.direction if frame is not None else None)
    role = frame.role if frame is not None else None
    if direction is not None and (
        role is FrameRole.change or mention.unit in ("percent", "percentage_point")
    ):
        return FigureKind.change, direction
    if role is FrameRole.share:
        return FigureKind.share, None
    if mention.kind in (MentionKind.percent, MentionKind.percentage_point):
        return FigureKind.rate, None
    return _LEVEL_KINDS.get(mention.kind, FigureKind.rate), None


_LETTERS = re.compile(r"[^\W\d_]{3,}")
_NUMBER_WORDS = frozenset(
    {"percent", "per", "cent", "pct", "thousand", "million", "billion", "trillion", "mln", "bln"}
)


def names_only_the_number(metric: str, mention: NumericMention) -> bool:
    """True when a metric says nothing but the number itself ("$695.2 million", "171.9
    percent"): no word of three letters or more outside the number's own text and scale."""
    own = {w.casefold() for w in _LETTERS.findall(mention.text)} | _NUMBER_WORDS
    return all(w.casefold() in own for w in _LETTERS.findall(metric))


def _is_country(phrase: str) -> bool:
    """A country's name ("China", "the US", "South Korea"): it takes a possessive."""
    return run_together(re.sub(r"^the\s+", "", phrase, flags=re.I)) in COUNTRY_FORMS


_POSSESSIVE_TAIL = re.compile(r"(?:^|\s)(?P<owner>(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?['’]s)\s*$")


def rank_metric(frame: Frame | None, mention: NumericMention) -> str | None:
    """A rank that names its own noun, after a possessive: the source's words together
    ("as the world's" + "biggest free-trade port" -> "the world's biggest free-trade port")."""
    if frame is None or frame.subject is None or not _LETTERS.search(mention.text):
        return None
    owner = _POSSESSIVE_TAIL.search(frame.subject.text)
    return f"{owner['owner']} {mention.text}" if owner else None


def frame_metric(kind: FigureKind, direction: Direction | None, frame: Frame | None) -> str | None:
    """The metric the frame states: the phrase the number measures, a change's as "growth
    of"/"decline of" it; None without a phrase."""
    if frame is None:
        return None
    whole = frame.whole.text.strip() if frame.whole is not None else None
    if frame.subject is None:
        return f"share of {whole}" if kind is FigureKind.share and whole else None
    phrase = frame.subject.text.strip()
    if kind is FigureKind.change and direction is not None:
        return f"{'decline' if direction is Direction.down else 'growth'} of {phrase}"
    if kind is FigureKind.share:
        if whole is None:
            return f"share of {phrase}"
        if _is_country(phrase):
            owner = f"{phrase}'" if phrase.endswith("s") else f"{phrase}'s"
            return f"{owner} share of {whole}"  # "China's share of Japan's trade"
        return f"{phrase} as a share of {whole}"
    return phrase


def figure_from_mention(
    draft: GroundedFigure | None, mention: NumericMention, text: str, frame: Frame | None = None
) -> Figure | None:
    """A grounded figure: value, unit, text and evidence come from the mention; kind,
    direction, period and qualifier from its frame; only the metric from the model, and
    where the model's metric names nothing but the number (seen: `"n7": "$695.2 million"`,
    the NUMBERS line copied), the phrase the frame read instead. With no draft (figures
    from frames alone) the metric is the frame's phrase; where the frame found none it is
    the number's own text, which the cross-checker marks unconfirmed
    (`meaning.names_a_measure`)."""
    kind, direction = frame_kind(mention, frame)
    metric = draft.metric if draft is not None else mention.text
    if names_only_the_number(metric, mention):
        if kind is FigureKind.ordinal:
            held = (
                rank_holder_metric(
                    frame.sentence.text, mention.start - frame.sentence.start, mention
                )
                if frame is not None
                else None
            )
            run = frame_metric(kind, direction, frame) if RUN.search(mention.text) else None
            if run is not None:  # "Indonesia maintained its trade surplus streak for the"
                run = re.sub(r"\s+(?:for|marking|of|in)(?:\s+the)?\s*$", "", run) or None
            metric = (
                held
                or (f"{run}: {mention.text}" if run else None)  # "exports: 14th consecutive month"
                or rank_metric(frame, mention)
                or frame_metric(kind, direction, frame)
                or metric
            )
        else:
            metric = frame_metric(kind, direction, frame) or metric
    reported = frame.reported_period if frame is not None else None
    period = reported.text if reported is not None else None
    qualifier = frame.qualifier if frame is not None else mention.qualifier
    try:
        return Figure(
            value=_signed(mention.value, direction) if kind == FigureKind.change else mention.value,
            unit=mention.unit or _default_unit(kind),
            scale=mention.scale,
            kind=kind,
            direction=direction,
            qualifier=qualifier,
            metric=metric,
            period=period,
            text=mention.text,
            evidence=sentence_around(text, mention.start, mention.end),
            mention_id=mention.id,
        )
    except ValidationError:
        return None


def figure_from_free(
    draft: FreeFigure, text: str, mentions: list[NumericMention], offset_hint: int = 0
) -> Figure | None:
    """An ungrounded figure: the model's own value; evidence is found by locating its text."""
    at = text.find(draft.text, offset_hint)
    if at < 0:
        at = text.find(draft.text)
    evidence = sentence_around(text, at, at + len(draft.text)) if at >= 0 else draft.text
    mention_id = next(
        (m.id for m in mentions if at >= 0 and m.start < at + len(draft.text) and m.end > at),
        None,
    )
    try:
        value = Decimal(repr(draft.value))
    except InvalidOperation:
        return None
    try:
        return Figure(
            value=_signed(value, draft.direction) if draft.kind == FigureKind.change else value,
            unit=draft.unit,
            kind=draft.kind,
            direction=draft.direction if draft.kind == FigureKind.change else None,
            metric=draft.metric,
            period=draft.period or None,
            text=draft.text,
            evidence=evidence,
            mention_id=mention_id,
        )
    except ValidationError:
        return None


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_FUNCTION_WORDS = frozenset(
    {
        "with",
        "from",
        "between",
        "that",
        "this",
        "their",
        "into",
        "over",
        "under",
        "about",
        "also",
        "have",
        "been",
        "which",
        "upon",
        "among",
        "within",
    }
)
_PLACEHOLDER_TITLES = frozenset(
    {"none", "null", "n/a", "na", "unknown", "not mentioned", "no agreement", "no agreements"}
)


def agreement_is_grounded(title: str, text: str) -> bool:
    """Whether a title names something in the article: not a placeholder ('none'), and at
    least half of its words of four or more letters (common function words aside) occur in
    the text.

    A small model made to write the agreements list sometimes fills it with 'none' items
    or invents one; titles are paraphrases, so this asks for overlap, not a quote.
    """
    if title.strip().casefold().strip(".") in _PLACEHOLDER_TITLES:
        return False
    words = _title_words(title)
    if not words:
        return False
    folded = text.casefold()
    return 2 * sum(1 for word in words if word in folded) >= len(words)


def _title_words(title: str) -> list[str]:
    words = [w.casefold() for w in _TITLE_WORD.findall(title)]
    return [w for w in words if w not in _FUNCTION_WORDS]


def agreement_evidence(title: str, text: str) -> str | None:
    """The source sentence sharing most words with the title, so a reader can check the
    model's reading of type and status against what the article says; None if none does."""
    words = set(_title_words(title))
    best: tuple[int, str] | None = None
    for match in re.finditer(r"[^\n]+", text):
        for sentence in re.split(r"(?<=[.!?])\s+", match[0]):
            folded = sentence.casefold()
            score = sum(1 for word in words if word in folded)
            if score and (best is None or score > best[0]):
                best = (score, sentence.strip())
    return best[1] if best else None


def read_status(draft: DraftAgreement, evidence: str | None) -> AgreementStatus:
    """The status the words of the evidence sentence give, by the cue reading the
    cross-checker applies (`crosscheck.agreements.status_cue`: "witnessed the signing" is
    signed, "negotiations to sign the MoU" under negotiation); the model's reading only
    where the sentence has no status words.

    Why the cue first: read from the gold titles' sentences it gives the gold status for
    31 of 42 gold agreements (seeds and dev corpus), where the 1.5B model called signed
    MoUs "in force" and an MoU to be upgraded "in force" (seeds 000, 001).
    """
    cue = status_cue(evidence, draft.title) if evidence is not None else None
    return cue[0] if cue is not None else draft.status


def convert_agreement(draft: DraftAgreement, text: str) -> Agreement:
    evidence = agreement_evidence(draft.title, text)
    return Agreement(
        title=extend_title(draft.title, evidence),
        type=draft.type,
        parties=[p for p in draft.parties if p.strip()],
        status=read_status(draft, evidence),
        evidence=evidence,
    )


def convert_agreements(drafts: list[DraftAgreement], text: str) -> list[Agreement]:
    """Grounded agreements that name an agreement (`names_an_agreement`), each (title,
    status) once; an acronym title spelled out as the text does."""
    agreements: dict[tuple[str, str], Agreement] = {}
    for draft in drafts:
        title = expand_acronym(draft.title, text)
        title = source_name(title, agreement_evidence(title, text))
        draft = draft.model_copy(update={"title": title})
        if (
            agreement_is_grounded(draft.title, text)
            and names_an_agreement(draft.title)
            and head_in_text(draft.title, text)
        ):
            agreement = convert_agreement(draft, text)
            key = (" ".join(draft.title.casefold().split()), agreement.status.value)
            agreements.setdefault(key, agreement)
    return list(agreements.values())


def _fold_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


class Restatements:
    """Remembers the figures kept so far, to drop a restatement of one: the same value, unit
    and kind said of the same thing (the same metric, or the same measured phrase and period
    by its frame), as when the lead repeats the headline's figure.

    Why: the gold lists a fact once; offered every listed number, the model labelled seed
    003's '47 billion USD' and '20.1%' twice each (lead and body), two of its five figures.
    Two equal values of different things (a different metric and phrase) are both kept.
    """

    def __init__(self, frames: dict[str, Frame]) -> None:
        self.frames = frames
        self.keys: set[tuple[str, str, str, str]] = set()

    def seen(self, figure: Figure) -> bool:
        base = (str(figure.value.normalize()), figure.unit, figure.kind.value)
        keys = {(*base, "metric:" + _fold_words(figure.metric))}
        frame = self.frames.get(figure.mention_id or "")
        if (
            frame is not None
            and frame.subject is not None
            and figure.kind is not FigureKind.ordinal
        ):
            # two ranks of one holder ("the largest trade partner, largest export market")
            # are two facts: only the same metric restates a rank
            period = _fold_words(frame.period.text) if frame.period is not None else ""
            keys.add((*base, f"phrase:{_fold_words(frame.subject.text)}|{period}"))
        if keys & self.keys:
            return True
        self.keys |= keys
        return False


def to_extraction(
    draft: DraftExtractionBase,
    text: str,
    mentions: list[NumericMention],
    published: dt.date | None,
) -> Extraction:
    """The domain extraction of one draft; figures that cannot be grounded are dropped. A
    framed draft gets a figure for every mention (parts repeat them; the merge keeps one)."""
    by_id = {m.id: m for m in mentions}
    frames = frames_for(text, mentions, published)
    figures: list[Figure] = []
    restated = Restatements(frames)
    items: list[GroundedFigure | FreeFigure | NumericMention]
    pair: tuple[str, str] | None = None
    if isinstance(draft, FramedExtraction):
        items = list(mentions)
        pair = sides(text)
    elif isinstance(draft, GroundedExtraction):
        items = list(draft.cited())
    else:
        items = list(getattr(draft, "figures", []))
    for item in items:
        figure: Figure | None = None
        if isinstance(item, NumericMention):
            frame = frames.get(item.id)
            figure = figure_from_mention(None, item, text, frame)
            if figure is not None:
                metric = with_sides(figure.metric, pair)
                if frame is not None:
                    at = item.start - frame.sentence.start
                    metric = with_topic(
                        with_partner(metric, frame.sentence.text, at), frame.sentence.text
                    )
                    metric = with_part_partner(metric, frame.sentence.text, pair)
                figure = figure.model_copy(update={"metric": metric})
        elif isinstance(item, GroundedFigure):
            mention = by_id.get(item.id)
            figure = (
                figure_from_mention(item, mention, text, frames.get(item.id)) if mention else None
            )
        elif isinstance(item, FreeFigure):
            figure = figure_from_free(item, text, mentions)
        if figure is not None and not restated.seen(figure):
            figures.append(figure)
    return Extraction(
        summary=(
            lead(text)[:_MAX_SUMMARY].rstrip()
            if isinstance(draft, FramedExtraction)
            else two_sentences(draft.summary, text)
        ),
        meetings=[
            meeting
            for meeting in (convert_meeting(m, text, published) for m in draft.meetings)
            if meeting is not None
        ],
        figures=figures,
        agreements=convert_agreements(getattr(draft, "agreements", []), text),
    )
