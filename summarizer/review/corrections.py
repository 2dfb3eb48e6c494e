"""Apply a reviewer's correction or rejection to a record, validated by the domain models.

Field paths are the cross-checker's (``figures[2].value``, ``meetings[0].participants[1]
.name``, ``summary``). Records are edited as JSON and re-validated as `ArticleRecord`, so
a correction the models would refuse (a non-number value, a rising figure given a
negative value) is refused here with the models' own message.
"""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from summarizer import errors, fieldpath
from summarizer.domain import ArticleRecord
from summarizer.fieldpath import PathPart, format_path
from summarizer.vocabulary import SCALE_WORDS

JsonDict = dict[str, Any]

_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_SCALE_AFTER = re.compile(
    r"\s*(" + "|".join(sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


class CorrectionError(errors.ReviewError):
    """A correction that cannot be applied; the message says what to change."""


_CORRECTABLE = re.compile(
    r"summary"
    r"|figures\[\d+\]\.(?:value|unit|scale|kind|direction|qualifier|metric|period|text"
    r"|evidence|entities\[\d+\])"
    r"|meetings\[\d+\]\.(?:kind|date|date_text|location|title|outcome|topics\[\d+\]"
    r"|participants\[\d+\]\.(?:name|title|organisation|country))"
    r"|agreements\[\d+\]\.(?:title|type|status|date|date_text|evidence|parties\[\d+\])"
)
CORRECTABLE_HELP = (
    "summary; figures[i].value, unit, scale, kind, direction, qualifier, metric, period, "
    "text, evidence, entities[j]; meetings[i].kind, date, date_text, location, title, "
    "outcome, topics[j], participants[j].name/title/organisation/country; "
    "agreements[i].title, type, status, date, date_text, evidence, parties[j]"
)


def check_correctable(path: str) -> str:
    """The path if a reviewer may set it: one value the article states, never an id, the
    metadata or provenance, a figure's links, or a whole list or item (``figures=[]``)."""
    canonical = format_path(parse_path(path))
    if not _CORRECTABLE.fullmatch(canonical):
        raise CorrectionError(
            f"{canonical} is not a field a reviewer corrects; use one of: {CORRECTABLE_HELP} "
            "(reject an item to drop it)"
        )
    return canonical


def parse_path(path: str) -> list[PathPart]:
    """``figures[2].value`` -> ``["figures", 2, "value"]``; a `CorrectionError` otherwise."""
    try:
        return fieldpath.parse_path(path)
    except fieldpath.FieldPathError as exc:
        raise CorrectionError(str(exc)) from None


def _walk(record: JsonDict, parts: list[PathPart], path: str) -> tuple[Any, PathPart]:
    """The container holding the last part of the path, and that last part."""
    node: Any = record
    for part in parts[:-1]:
        node = _step(node, part, path)
    last = parts[-1]
    _step(node, last, path)  # raises when the field does not exist
    return node, last


def _step(node: Any, part: PathPart, path: str) -> Any:
    if isinstance(part, int):
        if not isinstance(node, list) or part >= len(node):
            raise CorrectionError(f"the record has no field {path!r} (no item {part})")
        return node[part]
    if not isinstance(node, dict) or part not in node:
        raise CorrectionError(f"the record has no field {path!r} ({part!r} is unknown)")
    return node[part]


def get_value(record: JsonDict, path: str) -> Any:
    """The JSON value at a field path."""
    container, last = _walk(record, parse_path(path), path)
    return container[last]


def _candidates(raw: str) -> list[Any]:
    """How a typed value may be meant: as text first, then as JSON (numbers, lists)."""
    if raw.strip() == "null":
        return [None]
    found: list[Any] = [raw]
    try:
        parsed = json.loads(raw, parse_float=Decimal)
    except ValueError:
        return found
    if not isinstance(parsed, str):
        found.append(str(parsed) if isinstance(parsed, Decimal) else parsed)
    return found


def validate_record(record: JsonDict) -> ArticleRecord:
    """The record as a domain model, or `CorrectionError` with the models' message."""
    try:
        return ArticleRecord.model_validate(record)
    except ValidationError as exc:
        message = fieldpath.validation_message(exc)
        raise CorrectionError(f"the corrected record is invalid: {message}") from exc


def apply_changes(
    record: JsonDict, changes: dict[str, Any], *, checked: bool = True
) -> tuple[JsonDict, JsonDict]:
    """Set already-typed values; return the new record (JSON) and the old values.

    Only `check_correctable` fields unless ``checked`` is False (undoing a decision puts
    back exactly what it replaced).
    """
    updated = copy.deepcopy(record)
    old: JsonDict = {}
    for path, value in changes.items():
        if checked:
            check_correctable(path)
        container, last = _walk(updated, parse_path(path), path)
        old[path] = container[last]
        container[last] = value
    validated = validate_record(updated)
    return validated.model_dump(mode="json"), old


def apply_typed_value(record: JsonDict, path: str, raw: str) -> tuple[JsonDict, Any, Any]:
    """Set a value typed by a person; return the new record, the old and the new value."""
    first_error: CorrectionError | None = None
    for candidate in _candidates(raw):
        try:
            new_record, old = apply_changes(record, {path: candidate})
        except CorrectionError as exc:
            first_error = first_error or exc
            continue
        return new_record, old[path], get_value(new_record, path)
    assert first_error is not None
    raise CorrectionError(f"cannot set {path} to {raw!r}: {first_error}")


def parse_source_number(text: str) -> tuple[Decimal, str | None] | None:
    """First number in a source phrase in base units, and its scale word ("6.2 billion")."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    try:
        value = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        return None
    scale = _SCALE_AFTER.match(text, match.end())
    if scale is None:
        return value, None
    word = scale.group(1)
    return value * SCALE_WORDS[word.lower()], word


def item_path(path: str) -> str | None:
    """The top-level list item a field belongs to (``figures[2]``), or None (``summary``)."""
    parse_path(path)  # a CorrectionError for a path that is not one
    item = fieldpath.item_of(path)
    return format_path([item.collection, item.index]) if item else None


def drop_items(record: JsonDict, removed: list[str]) -> JsonDict:
    """The record without rejected list items; figure ``part_of`` links are renumbered."""
    result = copy.deepcopy(record)
    by_list: dict[str, set[int]] = {}
    for path in removed:
        parts = parse_path(path)
        if len(parts) == 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
            by_list.setdefault(parts[0], set()).add(parts[1])
    for name, indexes in by_list.items():
        items = result.get(name)
        if not isinstance(items, list):
            continue
        kept = [i for i in range(len(items)) if i not in indexes]
        new_index = {old: new for new, old in enumerate(kept)}
        result[name] = [items[i] for i in kept]
        if name == "figures":
            for figure in result[name]:
                if isinstance(figure, dict) and figure.get("part_of") is not None:
                    figure["part_of"] = new_index.get(figure["part_of"])
    return result
