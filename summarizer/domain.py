"""The domain models: every record the tool reads, writes, checks or renders.

All models are strict (``extra="forbid"``) so that a language model's output that
adds, renames or mistypes a field is rejected at the boundary instead of leaking
into a briefing. Validators carry messages written for two readers: a person
reading an error, and a model receiving it back as a validation retry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from summarizer.vocabulary import TIMES
from summarizer.vocabulary import Direction as Direction
from summarizer.vocabulary import Qualifier as Qualifier
from summarizer.vocabulary import validate_unit as validate_unit

SCHEMA_VERSION = "1.0.0"
"""Bumped whenever a change to these models changes the exported JSON Schemas."""

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class StrictModel(BaseModel):
    """Base for every domain model: unknown fields are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def fields_from(source: object, names: Iterable[str], **given: Any) -> dict[str, Any]:
    """Keyword arguments naming each of ``names``: ``given`` ones as given, the others as
    ``source``'s attribute of that name.

    Where a model (or dataclass) is built from an object with the same field names, the
    names stay in the two declarations instead of a third list at the copy, so a field
    added to both is carried, and one missing from the source fails loudly.
    """
    return {name: given[name] if name in given else getattr(source, name) for name in names}


# --------------------------------------------------------------------------- enums


class MeetingKind(StrEnum):
    bilateral_talks = "bilateral_talks"
    visit = "visit"
    conference = "conference"
    call = "call"
    meeting = "meeting"


class FigureKind(StrEnum):
    amount = "amount"
    change = "change"
    share = "share"
    count = "count"  # type: ignore[assignment]  # shadows str.count on purpose
    ordinal = "ordinal"
    rate = "rate"
    price = "price"


class AgreementType(StrEnum):
    mou = "mou"
    agreement = "agreement"
    cooperation_agreement = "cooperation_agreement"
    trade_agreement = "trade_agreement"
    action_plan = "action_plan"
    work_plan = "work_plan"
    mechanism = "mechanism"
    arrangement = "arrangement"
    loan = "loan"
    contract = "contract"
    declaration = "declaration"
    other = "other"


class AgreementStatus(StrEnum):
    signed = "signed"
    proposed = "proposed"
    agreed_in_principle = "agreed_in_principle"
    under_negotiation = "under_negotiation"
    in_force = "in_force"


class ReasonCode(StrEnum):
    """Why the cross-checker flagged a record; each code has one meaning."""

    not_in_source = "not_in_source"
    scale_mismatch = "scale_mismatch"
    unit_mismatch = "unit_mismatch"
    percent_vs_points = "percent_vs_points"
    direction_flip = "direction_flip"
    rounding = "rounding"
    evidence_not_in_source = "evidence_not_in_source"
    evidence_missing_figure = "evidence_missing_figure"
    breakdown_mismatch = "breakdown_mismatch"
    total_contradicted = "total_contradicted"
    date_mismatch = "date_mismatch"
    instruction_in_source = "instruction_in_source"  # text addressed to a model (injection)
    ungrounded_text = "ungrounded_text"
    role_swap = "role_swap"
    wrong_metric = "wrong_metric"
    period_mismatch = "period_mismatch"
    qualifier_mismatch = "qualifier_mismatch"
    kind_mismatch = "kind_mismatch"
    summary_misattributed = "summary_misattributed"
    evidence_spliced = "evidence_spliced"
    date_from_dateline = "date_from_dateline"
    status_contradicted = "status_contradicted"
    not_a_figure = "not_a_figure"


class VerdictStatus(StrEnum):
    accepted = "accepted"
    flagged = "flagged"


# --------------------------------------------------------------------------- units


Unit = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=40),
    AfterValidator(validate_unit),
]
"""A unit field: one the vocabulary knows (`summarizer.vocabulary.validate_unit`, the one
check of a unit that every model of a figure uses)."""

MAX_MAGNITUDE = Decimal(10) ** 18
"""No economic figure reaches a quintillion; larger values are typos or attacks (1e4400)."""
MAX_DIGITS = 30


def bounded_value(value: Decimal) -> Decimal:
    """A finite value below `MAX_MAGNITUDE` with at most `MAX_DIGITS` significant digits."""
    if not value.is_finite():
        raise ValueError("a figure value must be a finite number")
    if abs(value) >= MAX_MAGNITUDE:
        raise ValueError(f"a figure value must be below 10^18 in magnitude, not {value:.3e}")
    if len(value.as_tuple().digits) > MAX_DIGITS:
        raise ValueError(f"a figure value may have at most {MAX_DIGITS} digits")
    return value


# --------------------------------------------------------------------------- numbers in text


class MentionKind(StrEnum):
    """What a deterministic numeric mention is; dates and years are kept apart from figures."""

    amount = "amount"
    percent = "percent"
    percentage_point = "percentage_point"
    count = "count"  # type: ignore[assignment]  # shadows str.count on purpose
    ordinal = "ordinal"
    rank = "rank"
    multiple = "multiple"
    fraction = "fraction"
    ratio = "ratio"
    number = "number"
    year = "year"
    date = "date"


class NumericMention(StrictModel):
    """One number found in source text by the regex extractor, with its exact span."""

    id: NonEmptyStr = Field(description="Stable id within one article, e.g. 'n3'.")
    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(gt=0, description="Character offset one past the last character.")
    text: NonEmptyStr = Field(description="The mention exactly as written in the source.")
    value: Decimal = Field(
        description="Normalised value in base units (1.35 billion -> 1350000000)."
    )
    value_high: Decimal | None = Field(default=None, description="Upper bound for a range.")
    unit: str | None = Field(default=None, description="ISO 4217 code, percent, or counted noun.")
    scale: str | None = Field(default=None, description="Scale word as written: billion, mln, tỷ.")
    kind: MentionKind
    direction: Direction | None = None
    qualifier: Qualifier | None = None
    ambiguous: bool = Field(default=False, description="True when the digits admit two readings.")
    note: str | None = None

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"mention span end {self.end} must be after start {self.start}")
        return self

    @property
    def is_figure(self) -> bool:
        """Dates and years are not figures."""
        return self.kind not in (MentionKind.year, MentionKind.date)


# --------------------------------------------------------------------------- extracted content


class Participant(StrictModel):
    name: NonEmptyStr = Field(description="Person or organisation name, without the title.")
    title: str | None = Field(
        default=None, description="Title or role, e.g. 'Minister of Industry and Trade'."
    )
    organisation: str | None = None
    country: str | None = Field(
        default=None, description="Side or country the participant represents."
    )


class Meeting(StrictModel):
    kind: MeetingKind
    date: dt.date | None = Field(
        default=None, description="ISO date resolved against publication date."
    )
    date_text: str | None = Field(
        default=None, description="The date exactly as written in the source."
    )
    location: str | None = Field(
        default=None, description="City or place; null when none is named."
    )
    title: str | None = Field(default=None, description="Event title, for conferences.")
    participants: list[Participant] = Field(min_length=1)
    topics: list[ShortText] = Field(default_factory=list)
    outcome: str | None = None

    @model_validator(mode="after")
    def _date_needs_text(self) -> Self:
        if self.date is not None and not self.date_text:
            raise ValueError("a meeting date needs date_text: the words of the source it came from")
        return self


class Figure(StrictModel):
    value: Decimal = Field(description="Value in base units; negative for a decrease.")
    unit: Unit = Field(description="ISO 4217 code, 'percent', 'percentage_point' or counted noun.")
    scale: str | None = Field(default=None, description="Scale word as written: 'billion', 'mln'.")
    kind: FigureKind
    direction: Direction | None = Field(default=None, description="For changes: up, down or flat.")
    qualifier: Qualifier | None = None
    metric: NonEmptyStr = Field(description="What the figure measures.")
    entities: list[NonEmptyStr] = Field(default_factory=list)
    period: str | None = Field(default=None, description="'2022', 'first 10 months of 2025'.")
    text: str | None = Field(
        default=None, description="The figure exactly as written: 'US$1.35 billion'."
    )
    evidence: NonEmptyStr = Field(
        description="Verbatim source sentence or clause holding the figure."
    )
    mention_id: str | None = Field(default=None, description="Id of the source mention it labels.")
    part_of: int | None = Field(
        default=None, ge=0, description="Index of the figure this one is a part of (breakdowns)."
    )

    @field_validator("value")
    @classmethod
    def _value_is_bounded(cls, value: Decimal) -> Decimal:
        return bounded_value(value)

    @model_validator(mode="after")
    def _direction_agrees_with_sign(self) -> Self:
        if self.kind == FigureKind.change:
            if self.direction is None:
                raise ValueError("a change figure needs a direction: up, down or flat")
            if self.unit == TIMES:
                return self  # a multiple carries its own sense: "halved" is 0.5 times, down
            if self.direction == Direction.down and self.value > 0:
                raise ValueError(
                    "direction 'down' needs a negative value (a decrease of 10.5% is -10.5)"
                )
            if self.direction == Direction.up and self.value < 0:
                raise ValueError("direction 'up' needs a positive value")
        return self


class Agreement(StrictModel):
    title: NonEmptyStr
    type: AgreementType
    parties: list[NonEmptyStr] = Field(default_factory=list)
    status: AgreementStatus
    date: dt.date | None = None
    date_text: str | None = None
    evidence: str | None = Field(default=None, description="Verbatim source clause.")


class Extraction(StrictModel):
    """What a language model fills for one article (the program adds the rest)."""

    summary: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1200)] = Field(
        description="Two sentences for a briefing reader."
    )
    meetings: list[Meeting] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)


class ArticleMeta(StrictModel):
    title: str | None = None
    source: str | None = Field(default=None, description="Path, URL or feed the article came from.")
    published: dt.date | None = None
    author: str | None = None
    notes: list[str] = Field(
        default_factory=list,
        description="What ingestion changed or could not do: control characters removed, "
        "only the feed's teaser kept.",
    )


class TokenUsage(StrictModel):
    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class Provenance(StrictModel):
    model: NonEmptyStr
    prompt_version: NonEmptyStr
    schema_version: NonEmptyStr = SCHEMA_VERSION
    created_at: dt.datetime | None = None
    usage: TokenUsage = Field(default_factory=TokenUsage)
    attempts: int = Field(default=1, ge=1)
    latency_s: float | None = Field(default=None, ge=0)


class ArticleRecord(Extraction):
    """The validated record of one article: the extraction plus identity and provenance."""

    article_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,64}$")] = Field(
        description="Hash of the article's normalised text."
    )
    meta: ArticleMeta = Field(default_factory=ArticleMeta)
    provenance: Provenance | None = None

    @classmethod
    def from_extraction(
        cls, article: SourceArticle, extraction: Extraction, provenance: Provenance
    ) -> ArticleRecord:
        """The record of `article`: what was extracted, with its identity and provenance."""
        return cls(
            **fields_from(
                extraction,
                cls.model_fields,
                article_id=article.article_id,
                meta=article.meta,
                provenance=provenance,
            )
        )


# --------------------------------------------------------------------------- cross-check


class SourceSpan(StrictModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Discrepancy(StrictModel):
    code: ReasonCode
    field: NonEmptyStr = Field(description="Where in the record: 'figures[2].value'.")
    claim: NonEmptyStr = Field(description="What the record says.")
    source: str | None = Field(default=None, description="What the source says, if anything.")
    spans: list[SourceSpan] = Field(default_factory=list, description="Source evidence offsets.")
    message: NonEmptyStr = Field(description="One sentence a reviewer or a model can act on.")


class Unverified(StrictModel):
    """A field the checker could neither confirm nor contradict (no cue in the source)."""

    field: NonEmptyStr = Field(description="Where in the record: 'agreements[0].status'.")
    claim: NonEmptyStr = Field(description="What the record says.")
    reason: NonEmptyStr = Field(description="Why it could not be confirmed, for a reader.")


class Verdict(StrictModel):
    status: VerdictStatus
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    numbers_checked: int = Field(default=0, ge=0)
    unverified: list[Unverified] = Field(
        default_factory=list,
        description="Fields whose meaning the source neither confirms nor contradicts; no flag.",
    )

    @model_validator(mode="after")
    def _status_matches_discrepancies(self) -> Self:
        flagged = bool(self.discrepancies)
        if flagged != (self.status == VerdictStatus.flagged):
            raise ValueError("a verdict is flagged exactly when it has discrepancies")
        return self

    @classmethod
    def from_discrepancies(cls, discrepancies: list[Discrepancy], numbers_checked: int) -> Verdict:
        status = VerdictStatus.flagged if discrepancies else VerdictStatus.accepted
        return cls(status=status, discrepancies=discrepancies, numbers_checked=numbers_checked)


# --------------------------------------------------------------------------- pipeline


class SourceArticle(StrictModel):
    """One article as ingested: normalised text (all offsets refer to it) and metadata."""

    article_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,64}$")]
    text: NonEmptyStr
    meta: ArticleMeta = Field(default_factory=ArticleMeta)


class OutcomeStatus(StrEnum):
    accepted = "accepted"
    flagged = "flagged"
    failed = "failed"


class ExtractionOutcome(StrictModel):
    """Everything one extraction run produced, failures included, so nothing is lost."""

    article_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,64}$")]
    status: OutcomeStatus
    record: ArticleRecord | None = None
    verdict: Verdict | None = None
    error: str | None = Field(default=None, description="Why the run failed, for a person.")
    raw_output: str | None = Field(default=None, description="Last model output, kept on failure.")
    usage: TokenUsage = Field(default_factory=TokenUsage)
    attempts: int = Field(default=0, ge=0)
    latency_s: float = Field(default=0.0, ge=0)

    @model_validator(mode="after")
    def _status_is_consistent(self) -> Self:
        if self.status == OutcomeStatus.failed:
            if not self.error:
                raise ValueError("a failed outcome needs an error message")
        elif self.record is None or self.verdict is None:
            raise ValueError("an accepted or flagged outcome needs a record and a verdict")
        elif self.status.value != self.verdict.status.value:
            raise ValueError("outcome status must match the verdict status")
        return self


# --------------------------------------------------------------------------- ingest


class IngestFailure(StrictModel):
    """A source that could not become an article; ingestion goes on with the next one."""

    source: NonEmptyStr = Field(description="Path, URL or feed entry that failed.")
    error: NonEmptyStr = Field(description="Why, for a person: empty, binary, HTTP 404, ...")
