"""Small numeric helpers: precision of a written number, scale words, unit classes, wording.

The tolerance policy lives here (see docs/crosscheck.md): a number written with its last
digit in place q (e.g. "1.35 billion": q = 10 million) stands for any value within q/2.
"""

from __future__ import annotations

import re
from decimal import Decimal

_DIGIT_RUN = re.compile(r"\d+(?:[.,\u00a0 ']\d+)*")
_TEN = Decimal(10)


def is_power_of_ten(value: Decimal) -> bool:
    """True for 1, 10, 0.01, ...; used to recognise a literal's place value."""
    if value <= 0:
        return False
    normal = value.normalize()
    return normal.as_tuple().digits == (1,)


def significant_step(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 1350000000 -> 10000000, 7.44 -> 0.01."""
    magnitude = abs(value)
    if magnitude == 0:
        return Decimal(1)
    exponent = magnitude.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return _TEN**exponent


def written_step(text: str, value: Decimal) -> Decimal:
    """Place value of the last digit as written: "695.2 million" -> 100000, "04" -> 1.

    The digits written, read as one integer, times the step give the value; that holds
    whether "." or "," is the decimal mark, so no locale guessing is needed. Numbers
    written as words ("three") are exact counts: step 1.
    """
    magnitude = abs(value)
    if magnitude == 0:
        return Decimal(1)
    for run in _DIGIT_RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        if not digits or int(digits) == 0:
            continue
        ratio = magnitude / Decimal(int(digits))
        if is_power_of_ten(ratio):
            return ratio.normalize()
    if magnitude < 1000 and magnitude == magnitude.to_integral_value():
        return Decimal(1)
    return significant_step(magnitude)


def within_precision(claim: Decimal, source: Decimal, step: Decimal) -> bool:
    """The claim may be the source's exact value or a finer value that rounds to it."""
    claim, source = abs(claim), abs(source)
    if claim == source:
        return True
    return abs(claim - source) * 2 <= step and significant_step(claim) < step


def is_coarser_rounding(claim: Decimal, source: Decimal, source_step: Decimal) -> bool:
    """The claim looks like the source rounded to fewer digits (1.4 for 1.35, 36 for 36.3)."""
    claim, source = abs(claim), abs(source)
    if claim == source or claim == 0:
        return False
    claim_step = significant_step(claim)
    return claim_step > source_step and abs(claim - source) * 2 <= claim_step


def power_of_thousand_ratio(claim: Decimal, source: Decimal) -> int | None:
    """k != 0 when the claim is exactly the source's digits at another power of 1000 (a
    scale slip: 6.2 million for 6.2 billion). A value that only rounds to the source at
    another scale (72.5 billion near a '0.1' read as 0.1 trillion) is no slip: it is not
    in the source."""
    claim, source = abs(claim), abs(source)
    if claim == 0 or source == 0:
        return None
    for k in (-4, -3, -2, -1, 1, 2, 3, 4):
        if claim == source * Decimal(1000) ** k:
            return k
    return None


_SCALE_NAMES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def describe(value: Decimal, unit: str | None) -> str:
    """Human wording of a value in base units: 6200000000 USD -> '6.2 billion USD'."""
    magnitude = abs(value)
    sign = "-" if value < 0 else ""
    if unit == "percent":
        return f"{sign}{_plain(magnitude)}%"
    if unit == "percentage_point":
        return f"{sign}{_plain(magnitude)} percentage points"
    number = _plain(magnitude)
    for threshold, name in _SCALE_NAMES:
        if magnitude >= threshold:
            number = f"{_plain(magnitude / threshold)} {name}"
            break
    return f"{sign}{number} {unit}" if unit else f"{sign}{number}"
