"""The wire format a language model fills: a small draft that the program turns into the domain.

It is smaller than `Extraction` on purpose: a 1.5B model writes every token at ~14 tok/s,
and every field it does not have to type is one it cannot get wrong. With grounding,
`figures` maps the id of each regex-found mention (every id the article lists, as
required keys of the schema, so a grammar-constrained server can neither skip one nor emit
an unknown one) to its metric, the one part that needs language, or null for a number that
is no economic figure; the program copies value, unit, text and evidence from the source
and fills kind, direction, period and qualifier from the figure's frame
(`summarizer.frames`), which the cross-checker reads too. Without grounding the model retypes
the figure and validators check it against the source text (passed as validation
context), so instructor feeds concrete errors back on a retry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from summarizer.domain import (
    AgreementStatus,
    AgreementType,
    Direction,
    FigureKind,
    MeetingKind,
    validate_unit,
)


def _slim_schema(schema: dict[str, Any]) -> None:
    """Drop titles and descriptions from the JSON Schema sent to the model.

    The system prompt explains every field once; repeating it in the tool schema cost
    ~600 prompt tokens per call (~10 s on two CPU cores) and changed no answer we saw.
    """
    schema.pop("description", None)  # the title stays: instructor names the tool after it
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict):
            prop.pop("title", None)
            prop.pop("description", None)


def bounded(chars: int) -> dict[str, Any]:
    """A length cap in the JSON Schema only: a grammar-constrained server (llama.cpp compiles
    `maxLength`/`maxItems` into its grammar) cannot run past it, while an unconstrained
    endpoint's longer answer is trimmed by the program (`convert`) rather than refused.

    Why: unbounded, the 1.5B model once copied the whole article into `summary` (751
    generated tokens for seed 000, against ~200 for the answer itself).
    """
    return {"maxLength": chars}


SUMMARY_CHARS = 240
"""One or two sentences, at most 35 words."""
PHRASE_CHARS = 90
"""A metric, topic or title: a phrase, not a sentence."""
TOPICS = 3
MEETINGS = 6
FRAMED_MEETINGS = 3
"""Reports tell of one or two meetings (none of the 116 gold articles here has more than
two); with nothing else to write, the 1.5B model listed seed 002's one meeting four times
over, 240 tokens of repetition, until a cap stopped it."""
PARTICIPANTS = 8
AGREEMENTS = 10
"""Caps on the lists in the grammar only (the most in any gold file: 2 meetings, 3
participants, 6 agreements). Why: unbounded, the model once repeated one agreement until
`max_tokens` ran out (seed 003 without grounding: 1 200 tokens, no answer)."""


class WireModel(BaseModel):
    """Unknown keys are errors, so a model that renames a field gets told so."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_slim_schema
    )


class DraftParticipant(WireModel):
    name: str = Field(
        min_length=1,
        description="Person's name only, without title.",
        json_schema_extra=bounded(PHRASE_CHARS),
    )
    title: str | None = Field(
        default=None,
        description="Title or role as written.",
        json_schema_extra={
            "anyOf": [{"type": "string", **bounded(2 * PHRASE_CHARS)}, {"type": "null"}]
        },
    )
    country: str | None = Field(default=None, description="Country or side represented.")


class DraftMeeting(WireModel):
    kind: MeetingKind
    # Required but nullable: a grammar-constrained model must decide, not silently omit.
    date_text: str | None = Field(
        description="Date exactly as written, e.g. 'February 22'; null if none."
    )
    location: str | None = Field(description="City; null if none is named.")
    participants: list[DraftParticipant] = Field(
        min_length=1, json_schema_extra={"maxItems": PARTICIPANTS}
    )
    topics: list[str] = Field(
        default_factory=list,
        description="Short topic phrases.",
        json_schema_extra={
            "maxItems": TOPICS,
            "items": {"type": "string", **bounded(PHRASE_CHARS)},
        },
    )


class DraftAgreement(WireModel):
    title: str = Field(min_length=1, json_schema_extra=bounded(2 * PHRASE_CHARS))
    type: AgreementType
    parties: list[str] = Field(default_factory=list)
    status: AgreementStatus


class _FigureChecks(WireModel):
    """Checks shared by both figure drafts; messages are written for the model to act on."""

    @model_validator(mode="after")
    def _change_has_direction(self) -> Any:
        kind, direction = getattr(self, "kind", None), getattr(self, "direction", None)
        if kind == FigureKind.change and direction is None:
            raise ValueError("a figure of kind 'change' needs direction 'up', 'down' or 'flat'")
        return self


class GroundedFigure(WireModel):
    """One cited mention and its metric, as the conversion takes it (`GroundedExtraction.cited`).

    Only what needs language: kind, direction, period and qualifier are the frame's
    (`convert.figure_from_mention`), not generated: ~20 fewer tokens per figure.
    """

    id: str = Field(description="Id of the listed number, e.g. 'n3'.")
    metric: str = Field(
        min_length=1,
        description="What the number measures, in a few words.",
        json_schema_extra=bounded(PHRASE_CHARS),
    )


class FreeFigure(_FigureChecks):
    """A figure the model retypes itself (the ungrounded baseline)."""

    text: str = Field(min_length=1, description="The figure exactly as written in the article.")
    value: float = Field(description="Value in base units: 'US$1.35 billion' -> 1350000000.")
    unit: str = Field(description="ISO 4217 code (USD), 'percent' or a counted noun.")
    metric: str = Field(min_length=1, description="What the number measures, in a few words.")
    kind: FigureKind
    direction: Direction | None = Field(default=None, description="For kind 'change' only.")
    period: str | None = Field(default=None, description="Time period, e.g. '2022'.")

    @field_validator("unit")
    @classmethod
    def _unit_is_known(cls, unit: str) -> str:
        return validate_unit(unit)

    @field_validator("text")
    @classmethod
    def _text_in_source(cls, text: str, info: ValidationInfo) -> str:
        source = (info.context or {}).get("source")
        if isinstance(source, str) and text not in source:
            raise ValueError(
                f"text {text!r} does not occur in the article; copy the figure exactly as written"
            )
        return text


# Every list is required (an empty list is fine) and `agreements` comes last, as in the
# worked example: with optional lists the grammar-constrained model closed the object
# after `figures` and never wrote an agreement (agreements F1 0.0 on the seeds).


class DraftExtractionBase(WireModel):
    summary: str = Field(
        min_length=1,
        description="Two sentences for a briefing reader.",
        json_schema_extra=bounded(SUMMARY_CHARS),
    )
    meetings: list[DraftMeeting] = Field(json_schema_extra={"maxItems": MEETINGS})


def _agreements() -> Any:
    return Field(json_schema_extra={"maxItems": AGREEMENTS})


class FreeExtraction(DraftExtractionBase):
    figures: list[FreeFigure]
    agreements: list[DraftAgreement] = _agreements()


class GroundedExtraction(DraftExtractionBase):
    """`figures` maps each listed mention id to its metric, or null for a number that is no
    economic figure. On the wire that is `"n4": "Hainan's exports"`: about 4 tokens of
    structure a figure instead of 10 for `{"id": "n4", "metric": ...}`, and the program, not
    the model, decides which numbers are offered (`requests.find_mentions`)."""

    figures: dict[str, str | None]
    """Read leniently; the schema `grounded_model` sends makes every listed id a required
    key, and only those."""
    agreements: list[DraftAgreement] = _agreements()

    def cited(self) -> list[GroundedFigure]:
        """The figures the answer gives a metric, in the listed order."""
        return [
            GroundedFigure(id=key, metric=metric.strip())
            for key, metric in self.figures.items()
            if isinstance(metric, str) and metric.strip()
        ]


class FramedParticipant(DraftParticipant):
    """A participant as the framed answer gives it: the name and the side it represents.
    No `title` on the wire: the program reads each title from the source
    (`participants.title_in_source`), in the source's words. Copying titles ("visiting
    member of the Communist Party of China (CPC) Central Committee and Secretary of ...")
    was a fifth of the 1.5B model's answer on the seeds."""

    title: SkipJsonSchema[str | None] = None


class FramedMeeting(DraftMeeting):
    participants: Sequence[FramedParticipant] = Field(  # type: ignore[assignment]
        min_length=1, json_schema_extra={"maxItems": PARTICIPANTS}
    )


class FramedExtraction(DraftExtractionBase):
    """The answer when the program fills every figure from its frame
    (`LLMConfig.metrics_from_frames`): no `figures` key and no `agreements` key, so the model
    reads no NUMBERS list and writes only the meetings, whose participants' titles the
    program reads from the source (`FramedParticipant`); the summary is the article's lead
    (`extraction.lead`), which the model copied when it was asked for one. The agreements are
    the ones the source names (`extraction.agreement_finder`): on the development corpus the
    finder alone scored agreement F1 0.50 where the 1.5B model's list scored 0.23 and the
    union 0.47, on the seeds 0.80 against 0.63 and 0.71."""

    summary: SkipJsonSchema[str] = ""
    """Not on the wire: the record's summary is the article's lead (`extraction.lead`)."""
    meetings: Sequence[FramedMeeting] = Field(  # type: ignore[assignment]
        json_schema_extra={"maxItems": FRAMED_MEETINGS}
    )


def grounded_model(mention_ids: list[str]) -> type[GroundedExtraction]:
    """A `GroundedExtraction` whose schema lists one required `figures` key per id, in order.

    A grammar-constrained server (llama.cpp compiles the schema into a grammar) then writes
    exactly these keys, so it can neither skip a listed number nor invent an id; it writes
    null for one that is no economic figure. Validation stays the generic mapping (strict in
    the grammar, lenient on reading, like `bounded`): an endpoint without a grammar that
    adds an unknown id has it dropped by the conversion rather than the answer refused, and
    a recorded answer still replays after the number extractor renumbers its mentions.
    """
    metric = {"anyOf": [{"type": "string", **bounded(PHRASE_CHARS)}, {"type": "null"}]}
    listed: dict[str, Any] = {
        "type": "object",
        "properties": {mention_id: dict(metric) for mention_id in mention_ids},
        "required": list(mention_ids),
        "additionalProperties": False,
    }
    return create_model(
        "Extraction",
        __base__=GroundedExtraction,
        figures=(dict[str, str | None], Field(json_schema_extra=listed)),
    )
