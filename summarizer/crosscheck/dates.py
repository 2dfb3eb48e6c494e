"""Resolve a source's date words against the publication date and compare with a record.

Handled forms: ISO dates, "February 22", "22 February", "February 22, 2023",
"Nov. 26", "26/11/2025" (day first, as in Vietnamese), "ngày 26/11", weekday names
("on Monday": the latest such day on or before publication), "today", "yesterday",
"tomorrow". A month-day without a year takes the year that puts it nearest the
publication date (so a "December 30" story published on January 2 is last year's).
Text that names no resolvable date returns None and is not compared.
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.textfold import FoldedText
from summarizer.domain import Discrepancy, SourceSpan

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_WEEKDAYS = {
    name: index
    for index, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b\.?(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}))?\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "hôm nay": 0, "hôm qua": -1}


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    options: list[dt.date] = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    return min(options, key=lambda d: abs((d - published).days))


def _build(year: str | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year), month, day)
    except ValueError:
        return None
    if published is None:
        return None
    return _nearest_year(month, day, published)


def resolve_date_text(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar date `text` names, read against `published`; None when it names none."""
    if match := _ISO.search(text):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if match := pattern.search(text):
            month = _MONTHS[match["month"].lower()]
            return _build(match["year"], month, int(match["day"]), published)
    if match := _NUMERIC.search(text):
        return _build(match["year"], int(match["month"]), int(match["day"]), published)
    if published is None:
        return None
    if match := _WEEKDAY.search(text):
        back = (published.weekday() - _WEEKDAYS[match[1].lower()]) % 7
        return published - dt.timedelta(days=back)
    lowered = text.lower()
    for word, offset in _RELATIVE.items():
        if re.search(rf"\b{word}\b", lowered):
            return published + dt.timedelta(days=offset)
    return None


def check_date(
    source: FoldedText,
    field: str,
    date: dt.date | None,
    date_text: str | None,
    published: dt.date | None,
) -> list[Discrepancy]:
    """A date text must be in the source, and the date must be what that text resolves to."""
    if not date_text:
        return []
    spans = locate_evidence(source, date_text)
    if not spans:
        return [
            Discrepancy(
                code="date_mismatch",
                field=f"{field}.date_text",
                claim=date_text,
                message=(
                    f"{field}.date_text: the source does not contain '{date_text}'; "
                    "copy the date words exactly as written."
                ),
            )
        ]
    if date is None:
        return []
    resolved = resolve_date_text(date_text, published)
    if resolved is None or resolved == date:
        return []
    start, end = spans[0]
    basis = f" published {published.isoformat()}" if published else ""
    return [
        Discrepancy(
            code="date_mismatch",
            field=f"{field}.date",
            claim=date.isoformat(),
            source=f"{source.original[start:end]} -> {resolved.isoformat()}",
            spans=[SourceSpan(start=start, end=end, text=source.original[start:end])],
            message=(
                f"{field}.date: '{date_text}' in an article{basis} means "
                f"{resolved.isoformat()}, not {date.isoformat()}."
            ),
        )
    ]
