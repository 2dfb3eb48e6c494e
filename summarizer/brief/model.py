"""The briefing's input and view model.

`BriefingInput` is what the store (or a folder of outcome files) hands over for one
article: its source text, its *current* record (a reviewer's correction already applied),
its verdict, and the discrepancies still awaiting review. `Briefing` is the one view model
that the Markdown, HTML and JSON renderers all read, so the three formats cannot drift.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarizer.domain import (
    AgreementStatus,
    AgreementType,
    ArticleRecord,
    Direction,
    Discrepancy,
    FigureKind,
    MeetingKind,
    Qualifier,
    ReasonCode,
    SourceArticle,
    Verdict,
    VerdictStatus,
)

BRIEFING_VERSION = "1.1.0"
"""Bumped when the JSON briefing's shape changes: the minor part for an added key (a
reader of an older version still parses it), the major part for a renamed or removed one.
1.1.0 added `FigureReport.clause` and `BriefAgreement.unconfirmed`."""


class BriefingInput(BaseModel):
    """One stored article as the briefing sees it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: SourceArticle
    record: ArticleRecord = Field(description="The current record: corrections already applied.")
    verdict: Verdict
    corrected: bool = Field(default=False, description="True when a reviewer corrected it.")
    open_discrepancies: list[Discrepancy] | None = Field(
        default=None,
        description="Discrepancies still awaiting review; None means all of the verdict's.",
    )
    overrides: dict[str, str] = Field(
        default_factory=dict,
        description="Field paths a reviewer set against the cross-check, with the reason.",
    )

    @model_validator(mode="after")
    def _same_article(self) -> Self:
        if self.article.article_id != self.record.article_id:
            raise ValueError(
                f"record {self.record.article_id} does not belong to article "
                f"{self.article.article_id}"
            )
        return self

    @property
    def open_flags(self) -> list[Discrepancy]:
        """What a reviewer still has to look at."""
        if self.open_discrepancies is not None:
            return self.open_discrepancies
        return [] if self.corrected else self.verdict.discrepancies


class ViewModel(BaseModel):
    """Base of the view models: strict, so a renderer typo is an error, not a blank."""

    model_config = ConfigDict(extra="forbid")


class Span(ViewModel):
    """Offsets into a source's text, checked to lie inside it."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)


class SourceRef(ViewModel):
    """One article the briefing draws on; other entries point to it by `id` ('S1')."""

    id: str
    article_id: str
    title: str | None
    source: str | None
    link: str | None = Field(description="The source when it is an http(s) URL, else null.")
    published: dt.date | None
    status: VerdictStatus
    corrected: bool
    open_flags: int = Field(ge=0)
    overrides: int = Field(default=0, ge=0, description="Values set against the cross-check.")
    summary: str
    text: str = Field(
        default="", exclude=True, repr=False, description="Source text, for the HTML view only."
    )

    @property
    def label(self) -> str:
        """Short name for a reader: the title, else the source, else the id."""
        return self.title or self.source or self.article_id


class Person(ViewModel):
    name: str
    title: str | None = None
    organisation: str | None = None
    country: str | None = None

    @property
    def described(self) -> str:
        """'Name (Title, Organisation)' for a reader."""
        extra = [part for part in (self.title, self.organisation) if part]
        return f"{self.name} ({', '.join(extra)})" if extra else self.name


class Side(ViewModel):
    """The participants of one meeting who represent the same country or side."""

    country: str | None
    people: list[Person]


class MeetingReport(ViewModel):
    """What one source says about a meeting that others may also report."""

    source_id: str
    date_text: str | None
    location: str | None
    outcome: str | None


class BriefMeeting(ViewModel):
    kind: MeetingKind
    date: dt.date | None
    title: str | None
    locations: list[str]
    sides: list[Side]
    topics: list[str]
    reports: list[MeetingReport]

    @property
    def source_ids(self) -> list[str]:
        return [report.source_id for report in self.reports]

    @property
    def outcomes(self) -> list[str]:
        return [report.outcome for report in self.reports if report.outcome]


class FigureReport(ViewModel):
    """One source's value for a figure, formatted from the record's Decimal."""

    source_id: str
    figure_index: int = Field(ge=0, description="Index in the record's figures list.")
    value: Decimal
    unit: str
    kind: FigureKind
    direction: Direction | None
    qualifier: Qualifier | None
    display: str = Field(description="The value as printed, rendered from `value`.")
    text: str | None = Field(description="The figure as the source wrote it.")
    evidence: str
    clause: str | None = Field(
        default=None,
        description="The words of the evidence sentence that state the figure (its frame's "
        "clause), so a reader can compare them with the metric; the whole evidence when no "
        "frame is found. Null only in briefings written before 1.1.0.",
    )
    evidence_span: Span | None = Field(description="Where the evidence is in the source text.")
    text_span: Span | None = Field(description="Where the figure itself is in the source text.")
    flags: list[ReasonCode] = Field(description="Open discrepancy codes on this figure.")
    unconfirmed: list[str] = Field(
        default_factory=list,
        description="Fields of this figure the check could neither confirm nor contradict.",
    )
    override: str | None = Field(
        default=None,
        description="The reviewer's reason when the value was stored against the cross-check.",
    )


class BriefFigure(ViewModel):
    """One figure, possibly reported by several sources (same metric, entities, period)."""

    metric: str
    entities: list[str]
    period: str | None
    unit: str
    reports: list[FigureReport]
    disagreement: bool = Field(description="True when the sources give different values.")

    @property
    def source_ids(self) -> list[str]:
        return [report.source_id for report in self.reports]


class Disagreement(ViewModel):
    """Two or more sources give different values for the same figure."""

    metric: str
    entities: list[str]
    period: str | None
    unit: str
    reports: list[FigureReport]
    statement: str = Field(description="'S1 (title): US$35.7 billion; S2 (title): …'")


class BriefAgreement(ViewModel):
    title: str
    type: AgreementType
    status: AgreementStatus
    parties: list[str]
    date: dt.date | None
    date_text: str | None
    source_ids: list[str]
    unconfirmed: list[str] = Field(
        default_factory=list,
        description="Fields no reporting source's check could confirm, e.g. a status "
        "with no status words in its evidence sentence.",
    )


class AgreementGroup(ViewModel):
    status: AgreementStatus
    label: str
    agreements: list[BriefAgreement]


class FlaggedItem(ViewModel):
    """A discrepancy the cross-checker found that no reviewer has resolved yet."""

    source_id: str
    code: ReasonCode
    field: str
    claim: str
    source_says: str | None
    message: str
    spans: list[Span] = Field(description="Source offsets that lie inside the text.")


class BriefingCounts(ViewModel):
    articles: int = Field(ge=0)
    accepted: int = Field(ge=0)
    flagged: int = Field(ge=0)
    corrected: int = Field(ge=0)
    awaiting_review: int = Field(ge=0, description="Articles with open discrepancies.")


class Briefing(ViewModel):
    """The whole briefing; `model_dump_json` of this is the JSON format."""

    briefing_version: str = BRIEFING_VERSION
    since: dt.date | None
    period_start: dt.date | None = Field(description="Earliest publication date covered.")
    period_end: dt.date | None = Field(description="Latest publication date covered.")
    counts: BriefingCounts
    sources: list[SourceRef]
    meetings: list[BriefMeeting]
    figures: list[BriefFigure]
    agreements: list[AgreementGroup]
    disagreements: list[Disagreement]
    flagged: list[FlaggedItem]

    def source(self, source_id: str) -> SourceRef:
        """The source an entry points to."""
        for ref in self.sources:
            if ref.id == source_id:
                return ref
        raise KeyError(source_id)
