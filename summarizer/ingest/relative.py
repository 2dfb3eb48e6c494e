"""Resolve the dates news text writes relative to its publication day.

``resolve_relative_date("on Monday", published=date(2023, 10, 3))`` gives 2023-10-02.
The first date expression found in the text is resolved; the result is a `datetime.date`
when the day is known, a `PartialDate` when only the year (and month) is ("last year",
"in November"), or None when the text holds no date or needs a publication date that
is missing.

Conventions (news reports mostly look back):

- a weekday ("on Monday") is the most recent such day strictly before publication,
  unless it names the publication day itself (published on a Monday, "on Monday" is
  that day); "last Monday" is always strictly before; "next Monday" strictly after;
- a month and day without a year ("February 22") is the latest such date not more than
  `MONTH_DAY_LOOKAHEAD_DAYS` after publication: a story of October 3 that names
  "October 5" means this week, not a year ago, while "November 26" is last November;
- a numeric day/month without a year is read day first and only after "ngày", "on" or
  "dated" ("ngày 26/11"), since a bare "1/2" is more often a fraction;
- a month alone ("in November") is the latest such month not after publication;
- ``prefer_future=True`` reads bare weekdays, month-days and months forward instead
  (for "will leave on Monday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.ingest.dates import MONTH_PATTERN, find_full_date, make_date, month_number

MONTH_DAY_LOOKAHEAD_DAYS = 31
"""How far ahead a month-day without a year may lie: news names upcoming events by date
within the coming weeks; a date further ahead is read as last year's."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_PATTERN = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known only to the year or the month: 'last year' -> PartialDate(2022)."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"


ResolvedDate = dt.date | PartialDate
"""What `resolve_relative_date` returns when it finds a date."""

_EXPRESSIONS = re.compile(
    rf"""
      (?P<dby>\bthe\s+day\s+before\s+yesterday\b)
    | (?P<yesterday>\b(?:yesterday|hôm\s+qua)\b)
    | (?P<today>\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|hôm\s+nay)\b)
    | (?P<tomorrow>\b(?:tomorrow|ngày\s+mai)\b)
    | \b(?:ngày|on|dated)\s+(?P<nd_day>\d{{1,2}})/(?P<nd_month>\d{{1,2}})(?![/\d])
    | \b(?P<which>last|next|this(?:\s+coming)?|this\s+past|past|coming)\s+
      (?P<unit>week|month|year|(?P<wday>{_WEEKDAY_PATTERN}))\b
    | (?P<bare_wday>\b{_WEEKDAY_PATTERN}\b)
    | \b(?P<md_month>{MONTH_PATTERN})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})
    | (?<!\d)(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{MONTH_PATTERN})
      (?!\s*,?\s+\d{{4}})(?![a-z])
    | \b(?:early|mid|late|end\s+of|in|since|during)[\s-]+(?P<m_month>{MONTH_PATTERN})(?![a-z])
      (?!\s*,?\s+\d{{4}})(?!\s+\d)
    | \b(?:early|mid|late|end\s+of|in)[\s-]+(?P<my_month>{MONTH_PATTERN})
      \s*,?\s+(?P<my_year>(?:19|20)\d{{2}})\b
    | \b(?:in|of|since|during|for)\s+(?P<year>(?:19|20)\d{{2}})\b(?![-/]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _weekday_before(published: dt.date, weekday: int, *, include_today: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and not include_today:
        back = 7
    return published - dt.timedelta(days=back)


def _weekday_after(published: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - published.weekday()) % 7 or 7
    return published + dt.timedelta(days=ahead)


def _month_day(published: dt.date, month: int, day: int, *, future: bool) -> dt.date | None:
    """The latest month/day not after published + 1 (or the earliest on/after, if future)."""
    if future:
        for year in (published.year, published.year + 1):
            found = make_date(year, month, day)
            if found is not None and found >= published:
                return found
        return None
    limit = published + dt.timedelta(days=MONTH_DAY_LOOKAHEAD_DAYS)
    for year in range(limit.year, limit.year - 9, -1):  # 29 February waits for a leap year
        found = make_date(year, month, day)
        if found is not None and found <= limit:
            return found
    return None


def _shift_month(published: dt.date, months: int) -> PartialDate:
    index = published.year * 12 + published.month - 1 + months
    return PartialDate(index // 12, index % 12 + 1)


def _relative_unit(
    match: re.Match[str], published: dt.date, *, future: bool
) -> ResolvedDate | None:
    which = re.sub(r"\s+", " ", match["which"].lower())
    unit = match["unit"].lower()
    step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}
    offset = step.get(which, 0)
    if match["wday"]:
        weekday = WEEKDAYS.index(unit)
        if offset < 0:
            return _weekday_before(published, weekday, include_today=False)
        if offset > 0 or future:
            return _weekday_after(published, weekday)
        return _weekday_before(published, weekday, include_today=True)
    if unit == "year":
        return PartialDate(published.year + offset)
    if unit == "month":
        return _shift_month(published, offset)
    return None  # "last week" names no day


def _resolve_match(
    match: re.Match[str], published: dt.date, *, future: bool
) -> ResolvedDate | None:
    """Turn one matched expression into a date, given the publication day."""
    one_day = dt.timedelta(days=1)
    if match["dby"]:
        return published - 2 * one_day
    if match["yesterday"]:
        return published - one_day
    if match["today"]:
        return published
    if match["tomorrow"]:
        return published + one_day
    if match["which"]:
        return _relative_unit(match, published, future=future)
    if match["bare_wday"]:
        weekday = WEEKDAYS.index(match["bare_wday"].lower())
        if future:
            return (
                published if published.weekday() == weekday else _weekday_after(published, weekday)
            )
        return _weekday_before(published, weekday, include_today=True)
    if match["nd_day"]:
        return _month_day(published, int(match["nd_month"]), int(match["nd_day"]), future=future)
    if match["md_month"]:
        return _month_day(
            published, month_number(match["md_month"]), int(match["md_day"]), future=future
        )
    if match["dm_month"]:
        return _month_day(
            published, month_number(match["dm_month"]), int(match["dm_day"]), future=future
        )
    if match["m_month"]:
        month = month_number(match["m_month"])
        if future:
            return PartialDate(published.year + (month < published.month), month)
        return PartialDate(published.year - (month > published.month), month)
    return None


def _names_month_in_lower_case(match: re.Match[str]) -> bool:
    """'up to 20 may be' is not a date: month names count only when capitalised."""
    for group in ("md_month", "dm_month", "m_month", "my_month"):
        if match[group]:
            return match[group][0].islower()
    return False


_DAY_GROUPS = (
    *("dby", "yesterday", "today", "tomorrow", "nd_day"),
    *("wday", "bare_wday", "md_month", "dm_month"),
)


def day_expressions(text: str) -> list[tuple[int, int]]:
    """Spans of the words in `text` that name a day ("on Monday", "November 26", "26
    November", "yesterday", "ngày 26/11"), not a month or a year alone; complete dates
    with a year are `ingest.dates.find_full_date`'s."""
    spans = []
    for match in _EXPRESSIONS.finditer(text):
        if _names_month_in_lower_case(match):
            continue
        if any(match[group] for group in _DAY_GROUPS):
            spans.append((match.start(), match.end()))
    return spans


def resolve_relative_date(
    text: str, published: dt.date | None, *, prefer_future: bool = False
) -> ResolvedDate | None:
    """The date the first date expression in `text` refers to, or None.

    Complete dates ("February 22, 2023", "27/11/2025") resolve without a publication
    date; everything relative needs `published`.
    """
    absolute = find_full_date(text)
    for match in _EXPRESSIONS.finditer(text):
        if _names_month_in_lower_case(match):
            continue
        if absolute is not None and absolute[0] <= match.start():
            break
        if match["my_month"]:
            return PartialDate(int(match["my_year"]), month_number(match["my_month"]))
        if match["year"]:
            return PartialDate(int(match["year"]))
        if published is None:
            return None
        return _resolve_match(match, published, future=prefer_future)
    return absolute[1] if absolute else None


_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|slated|"
    r"going)\s+to|plans?\s+to|planned|expects?\s+to|would|upcoming|next|coming|later\s+this)\b",
    re.IGNORECASE,
)
"""Words that put a sentence in the future: "will leave for Washington on Monday"."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def is_future_context(sentence: str) -> bool:
    """Whether a sentence speaks of what is still to come (a weekday in it lies ahead)."""
    return _FUTURE_CUES.search(sentence) is not None


def sentence_holding(source: str, fragment: str) -> str:
    """The sentence of `source` that first holds `fragment` (case-folded); "" if none."""
    at = source.casefold().find(fragment.casefold())
    if at < 0:
        return ""
    starts = [m.end() for m in _SENTENCE_END.finditer(source, 0, at)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(source, at + len(fragment))
    return source[start : end_match.start() if end_match else len(source)]


def resolve_day_in(text: str, source: str, published: dt.date | None) -> dt.date | None:
    """Like `resolve_day`, reading the tense of the source sentence that holds `text`.

    "on Monday" in "will leave for Washington on Monday" is the coming Monday; in "met
    on Monday" the Monday before publication.
    """
    future = is_future_context(sentence_holding(source, text))
    resolved = resolve_relative_date(text, published, prefer_future=future)
    return resolved if isinstance(resolved, dt.date) else None


def resolve_day(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar day `text` names, or None when it names none or only a year or month.

    The one reading of date words in the pipeline: extraction turns a meeting's date text
    into its date with it, and the cross-check compares against it, so the two can only
    disagree when a record's date was written by something else.
    """
    resolved = resolve_relative_date(text, published)
    return resolved if isinstance(resolved, dt.date) else None
