"""Turn the characters of one number into a Decimal: digits with separators, words, fractions.

Separator policy (documented in docs/numbers.md). English news is the default reading:

- ``1,350,000`` (several comma groups) and ``1,350.5`` are thousands separators;
- ``1.350.000`` (several dot groups) and ``1.350,5`` are continental thousands separators;
- ``1,5`` / ``1,25`` / ``1,2345`` (not exactly three digits after the comma) is a decimal comma;
- ``1,350`` (one comma, three digits) is read as 1350 and is ambiguous unless the same text
  shows English separators elsewhere; if the text shows only continental separators it is
  read as 1.35;
- ``1.350`` (one dot, three digits) is read as 1.35 unless the text shows only continental
  separators, when it is read as 1350 and marked ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Final, NamedTuple

from summarizer.numbers import lexicon


class Convention(StrEnum):
    """Which digit-grouping convention a text shows by its unambiguous numbers."""

    english = "english"
    continental = "continental"
    unknown = "unknown"


_ENGLISH_EVIDENCE: Final = re.compile(
    r"\d{1,3}(?:,\d{3}){2,}|\d+,\d{3}\.\d+|\d+\.(?:\d{1,2}|\d{4,})"
)
_CONTINENTAL_EVIDENCE: Final = re.compile(
    r"\d{1,3}(?:\.\d{3}){2,}|\d+\.\d{3},\d+|\d+,(?:\d{1,2}|\d{4,})"
)
_SINGLE_COMMA_GROUP: Final = re.compile(r"\d{1,3},\d{3}")
_SINGLE_DOT_GROUP: Final = re.compile(r"\d{1,3}\.\d{3}")
_WORD_SPLIT: Final = re.compile(r"[\s-]+")


class Reading(NamedTuple):
    """A number's value plus whether its separators admit another reading."""

    value: Decimal
    ambiguous: bool = False
    note: str | None = None


def needs_convention(raw: str) -> bool:
    """Only a single group of three digits after one separator depends on the convention."""
    return bool(_SINGLE_COMMA_GROUP.fullmatch(raw) or _SINGLE_DOT_GROUP.fullmatch(raw))


def detect_convention(numbers: Iterable[str]) -> Convention:
    """The convention shown by the numbers (as written) whose separators read one way."""
    english = continental = False
    for raw in numbers:
        english = english or _ENGLISH_EVIDENCE.fullmatch(raw) is not None
        continental = continental or _CONTINENTAL_EVIDENCE.fullmatch(raw) is not None
    if english and not continental:
        return Convention.english
    if continental and not english:
        return Convention.continental
    return Convention.unknown


def parse_digits(raw: str, convention: Convention | None = Convention.unknown) -> Reading:
    """Read digits with thousands separators or a decimal mark, by the policy above.

    ``convention`` only matters for a lone group of three digits (see `needs_convention`).
    """
    if _SINGLE_COMMA_GROUP.fullmatch(raw):
        thousands = Decimal(raw.replace(",", ""))
        decimal = Decimal(raw.replace(",", "."))
        if convention == Convention.english:
            return Reading(thousands)
        if convention == Convention.continental:
            return Reading(decimal)
        return Reading(
            thousands,
            ambiguous=True,
            note=f"'{raw}' read as {thousands} (comma as thousands separator); "
            f"with a decimal comma it would be {decimal}",
        )
    if _SINGLE_DOT_GROUP.fullmatch(raw) and convention == Convention.continental:
        thousands = Decimal(raw.replace(".", ""))
        return Reading(
            thousands,
            ambiguous=True,
            note=f"'{raw}' read as {thousands} (the text uses dots as thousands separators); "
            f"with a decimal point it would be {Decimal(raw)}",
        )
    if "," in raw and "." in raw:
        if raw.index(",") < raw.index("."):
            return Reading(Decimal(raw.replace(",", "")))
        return Reading(Decimal(raw.replace(".", "").replace(",", ".")))
    if raw.count(",") >= 2:
        return Reading(Decimal(raw.replace(",", "")))
    if raw.count(".") >= 2:
        return Reading(Decimal(raw.replace(".", "")))
    if "," in raw:
        # One comma and not exactly three digits after it: a decimal comma ("1,5 percent").
        return Reading(Decimal(raw.replace(",", ".")))
    return Reading(Decimal(raw))


def parse_written(raw: str) -> int:
    """Read a written number of up to three digits ("a hundred and fifty", "twenty-one")."""
    total = 0
    current = 0
    for word in _WORD_SPLIT.split(raw.lower()):
        if not word or word == "and":
            continue
        if word in ("hundred", "dozen"):
            current = max(current, 1) * (100 if word == "hundred" else 12)
        else:
            current += lexicon.WORD_VALUES[word]
    return total + current


def parse_fraction(raw: str) -> Decimal:
    """Read "two-thirds", "one-third", "a quarter", "half" as a Decimal (six places)."""
    words = [w for w in _WORD_SPLIT.split(raw.lower()) if w]
    if words[0] == "half":
        return Decimal("0.5")
    numerator = lexicon.WORD_VALUES[words[0]]
    _, denominator = lexicon.FRACTIONS[words[1]]
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.000001"))


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1.35e9 -> 1350000000)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    normalised = value.normalize()
    exponent = normalised.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return Decimal(int(normalised))
    return normalised
