"""Load the gold exchange format (/work/shared/eval/README.md) leniently.

The gold format is for evaluation, not the product's schema, so unknown keys
(`location_note`, `note`, `noise`, `core` in new places) are tolerated and kept.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer import errors
from summarizer.fieldpath import validation_message


class GoldModel(BaseModel):
    """Lenient base: extra keys are allowed, nothing is stripped."""

    model_config = ConfigDict(extra="allow")


class GoldParticipant(GoldModel):
    name: str
    role: str | None = None
    country: str | None = None
    core: bool = True


class GoldMeeting(GoldModel):
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    kind: str | None = None
    title: str | None = None
    participants: list[GoldParticipant] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    core: bool = True

    @property
    def iso_date(self) -> dt.date | None:
        return parse_iso_date(self.date)


class GoldFigure(GoldModel):
    text: str
    value: Decimal
    unit: str
    kind: str
    direction: str | None = None
    qualifier: str | None = None
    what: str | None = None
    period: str | None = None
    core: bool = True


class GoldAgreement(GoldModel):
    title: str
    type: str | None = None
    parties: list[str] = Field(default_factory=list)
    status: str
    date: str | None = None

    @property
    def iso_date(self) -> dt.date | None:
        return parse_iso_date(self.date)


class GoldArticle(GoldModel):
    article: str
    published: dt.date | None = None
    meetings: list[GoldMeeting] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)
    agreements: list[GoldAgreement] = Field(default_factory=list)
    consistency: list[str] = Field(default_factory=list)


class GoldError(errors.InputError):
    """A gold file that cannot be read; the message names the file and the problem."""


def parse_iso_date(value: str | None) -> dt.date | None:
    """A full ISO date, or None for null or partial dates such as '2009'."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def load_gold_file(path: Path) -> GoldArticle:
    """One gold annotation file."""
    try:
        return GoldArticle.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        reason = validation_message(exc)
        raise GoldError(f"{path}: cannot read gold annotation: {reason}") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold annotation: {exc}") from exc


def load_gold_dir(directory: Path) -> list[GoldArticle]:
    """Every `*.json` gold file in a directory, sorted by name."""
    if not directory.is_dir():
        raise GoldError(f"{directory}: not a directory of gold *.json files")
    return [load_gold_file(p) for p in sorted(directory.glob("*.json"))]
