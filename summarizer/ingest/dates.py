"""Publication dates from the words of an article: header prefixes, bylines and datelines.

Metadata (HTML ``<meta>``, a feed entry's date) is better evidence and wins when present;
these rules are for plain text. A file's modification time is never a publication date.

The rules, in order:

1. a header prefix ``date 2023-02-22`` at the very start;
2. a short non-sentence line near the top holding a full date (``Ministry27/11/2025``,
   ``2023-02-22``, ``31-MAR-1987``, ``March 31, 1987``, ``31 March 1987``);
3. a wire dateline ``PLACE, Month D -`` in the first lines; when it carries no year, the
   year is inferred from period phrases in the text (see `infer_year`), else unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from summarizer.ingest.chrome import HEAD_LINES, is_prose
from summarizer.numbers.lexicon import WORD_VALUES

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
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
        ],
        start=1,
    )
    for name in names
}
MONTH_PATTERN = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

_HEADER_PREFIX = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SLASHED = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_WIRE = re.compile(rf"(?<!\d)(\d{{1,2}})-({MONTH_PATTERN})-(\d{{4}})(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN})\s+(\d{{4}})\b", re.IGNORECASE
)
_DATELINE = re.compile(
    rf"^\s*[A-ZÀ-Ỹ][\w.'’ À-ỹ-]{{1,40}},\s+({MONTH_PATTERN})\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?"
    r"\s*[-–—]",
)
_PERIOD_TO_DATE = re.compile(
    r"\bfirst\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+months?\s+of\s+((?:19|20)\d{2})\b"
    r"|\bfirst\s+(half|quarter)\s+of\s+((?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the numbers are not a calendar day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_number(name: str) -> int:
    """1-12 for an English month name or abbreviation ('Sept.', 'october')."""
    return MONTHS[name.rstrip(".").lower()]


def header_prefix_date(text: str) -> dt.date | None:
    """The date of a ``date 2023-02-22`` header prefix."""
    match = _HEADER_PREFIX.match(text)
    return make_date(*(int(g) for g in match.groups())) if match else None


def header_prefix_end(text: str) -> int:
    """Where the text after a ``date YYYY-MM-DD`` header prefix begins (0 without one)."""
    match = _HEADER_PREFIX.match(text)
    if match is None:
        return 0
    rest = text[match.end() :]
    return match.end() + len(rest) - len(rest.lstrip())


def strip_header_prefix(text: str) -> str:
    """The text without its ``date YYYY-MM-DD`` header prefix (it is metadata, not prose)."""
    return text[header_prefix_end(text) :]


def find_full_date(text: str) -> tuple[int, dt.date] | None:
    """The earliest complete date (with a year) in `text` and where it starts.

    ``dd/mm/yyyy`` is read day first, as outside the United States; when the first
    number cannot be a day-of-month reading it is read month first (``11/27/2025``).
    """
    found: list[tuple[int, dt.date]] = []
    for match in _ISO.finditer(text):
        if day := make_date(int(match[1]), int(match[2]), int(match[3])):
            found.append((match.start(), day))
    for match in _SLASHED.finditer(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if day := make_date(year, second, first) or make_date(year, first, second):
            found.append((match.start(), day))
    for match in _WIRE.finditer(text):
        if day := make_date(int(match[3]), month_number(match[2]), int(match[1])):
            found.append((match.start(), day))
    for match in _MONTH_DAY_YEAR.finditer(text):
        if day := make_date(int(match[3]), month_number(match[1]), int(match[2])):
            found.append((match.start(), day))
    for match in _DAY_MONTH_YEAR.finditer(text):
        if day := make_date(int(match[3]), month_number(match[2]), int(match[1])):
            found.append((match.start(), day))
    return min(found, default=None)


def full_date_in(line: str) -> dt.date | None:
    """The first complete date (with a year) written in a line."""
    found = find_full_date(line)
    return found[1] if found else None


def infer_year(text: str, month: int) -> int | None:
    """The publication year implied by period-to-date phrases, or None when unknowable.

    'in the first eight months of 2023' is reported once those months are over: the
    same year when the dateline month comes after the period, else early the next year.
    Plain year mentions are ignored: articles cite past years and future targets alike.
    """
    votes: Counter[int] = Counter()
    for match in _PERIOD_TO_DATE.finditer(text):
        if match[1]:
            count = match[1].lower()
            months = int(count) if count.isdigit() else WORD_VALUES[count]
            year = int(match[2])
        else:
            months = 6 if match[3].lower() == "half" else 3
            year = int(match[4])
        votes[year if month > months else year + 1] += 1
    if not votes:
        return None
    best = max(votes.values())
    return max(year for year, count in votes.items() if count == best)


def dateline_date(text: str) -> dt.date | None:
    """The date of a ``PLACE, Month D -`` dateline in the first lines, year inferred."""
    for line in [line for line in text.split("\n") if line.strip()][:3]:
        match = _DATELINE.match(line)
        if match is None:
            continue
        month, day = month_number(match[1]), int(match[2])
        year = int(match[3]) if match[3] else infer_year(text, month)
        return make_date(year, month, day) if year else None
    return None


def published_from_text(text: str) -> dt.date | None:
    """The publication date written in a plain-text article, or None."""
    if found := header_prefix_date(text):
        return found
    for line in [line for line in text.split("\n") if line.strip()][:HEAD_LINES]:
        if not is_prose(line) and len(line.strip()) <= 100 and (found := full_date_in(line)):
            return found
    return dateline_date(text)
