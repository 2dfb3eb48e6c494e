"""Find every number in an article and normalise it into a `NumericMention`.

Order of work, and why:

1. URLs are masked first: digits in a link are never figures.
2. Dates, year periods ("2023-25", "1987/88") and decades are found before anything else
   so that their digits cannot be read as counts, ranges or subtractions.
3. Each remaining number (`patterns.DIGITS`, `patterns.WORDS`) is read outwards: currency
   before it, scale, a second number making a range, percent / currency / counted noun
   after it, then a hedge ("over") and a change word ("up", "a decrease of") around it.
4. A last pass spreads a change word over a coordinated list ("rising 171.9 percent and
   7.5 percent") and carries a unit to bare scaled numbers later in the same sentence
   ("7.1 billion dlrs last year from 4.3 billion in 1985").

``value`` is always the unsigned magnitude as written; ``direction`` carries the sign of a
change. A consumer that wants a signed change computes ``-value`` when direction is down.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, pairwise
from typing import Final, Literal

from summarizer import countries, vocabulary
from summarizer.domain import Direction, MentionKind, NumericMention, Qualifier
from summarizer.numbers import context, lexicon, patterns
from summarizer.numbers.numerals import (
    Convention,
    detect_convention,
    needs_convention,
    parse_digits,
    parse_fraction,
    parse_written,
    plain,
)

_MIN_YEAR: Final = 1800
_MAX_YEAR: Final = 2199
_COUNT_WINDOW: Final = 4
_ORDINAL_WINDOW: Final = 3
_FIGURE_KINDS: Final = frozenset(
    (
        MentionKind.amount,
        MentionKind.percent,
        MentionKind.percentage_point,
        MentionKind.count,
        MentionKind.number,
    )
)
_AFTER_DIRECTION_KINDS: Final = frozenset(
    (MentionKind.amount, MentionKind.percent, MentionKind.percentage_point)
)
_MONTH_OR_DAY: Final = frozenset(lexicon.MONTHS) | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
_PREVIOUS_WORD: Final = re.compile(r"\b([A-Za-z]+)\s+$")
_DEFINITE: Final = frozenset(("the", "these", "those", "both", "all"))
_ADJECTIVE_TIME_UNITS: Final = frozenset(("year", "month", "week", "day", "decade", "quarter"))
"""Singular time units after a number ("five-year", "two year"): a length, not a set."""
_PART_OF_THE: Final = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|some|each|any|none|all|most|\d+)"
    r"\s+of\s+the\s+$",
    re.IGNORECASE,
)
_PERIOD_OPENERS: Final = frozenset(("first", "previous", "remaining", "same", "initial"))
"""Words that make "N months" a reporting period ("the first 10 months of 2025"), not a
duration; "the past three years" and "the next six months" are durations, hence figures."""
_TIME_UNITS: Final = frozenset(
    ("days", "weeks", "months", "quarters", "years", "decades", "day", "week", "month", "year")
)
_DAY_RANGE_END = re.compile(
    r"\s*(?:-|–|to|through|until)\s*(?P<day>\d{1,2})(?!\d|[,.]\d|\s*(?:%|percent|pct|per\b))"
)
"""The end of a day range after a month date: "-20" in "Dec. 1-20"."""
_DAY_BEFORE: Final = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_CHANGE_TO_LEVEL: Final = 4
"""After a change word, "rose $1.64 to $47.10" is a change and a level, not a range, when
the second number is this many times the first or more ("rose 5 to 6 pct" is a range)."""
_OIL_WORDS: Final = re.compile(r"\b(?:crude|oil|brent|wti|opec)\b", re.IGNORECASE)
_HALF_PERIODS: Final = frozenset(("first", "second", "latter", "last", "next", "the", "a"))
_HALF_HEDGES: Final = frozenset(
    ("nearly", "almost", "about", "over", "than", "roughly", "around", "some", "by", "just")
)
_ADJECTIVE_AND: Final = re.compile(r"[ \t]+[a-z]+(?:-[a-z]+)?[ \t]+[a-z]{3,}s\b")
"""After "and" in a counted noun phrase, one adjective and the plural noun ("small and
medium enterprises")."""
_FROM_GAP: Final = re.compile(r"^\s*from\s*$", re.IGNORECASE)
_DOCUMENT_NUMBER: Final = re.compile(r"\bNo\.?\s?$")
_FRACTION_OF_POINT: Final = re.compile(r"\s+of\s+a\s+percentage\s+point\b", re.IGNORECASE)
_MIXED_FRACTION: Final = re.compile(r"(?:-|\s)(?P<num>\d{1,2})/(?P<den>2|4|8|16|32)(?![\d/])")
_RANKED: Final = frozenset(("ranked", "ranks", "ranking", "placed", "No", "no"))
_RANK_VERBS: Final = frozenset(
    ("ranked", "ranks", "rank", "ranking", "placed", "came", "finished", "stood", "remained")
)
"""Verbs before "No. N" that make it a rank with nothing after it ("ranked No.21")."""
_PER_NOUNS: Final = {
    "ton": "tonne",
    "metric ton": "tonne",
    "kilo": "kg",
    "kilogram": "kg",
    "cubic meter": "cubic metre",
    "cu m": "cubic metre",
    "cum": "cubic metre",
    "m3": "cubic metre",
}
"""One spelling for each denominator noun: "per metric ton" is per tonne."""


@dataclass
class _Draft:
    """A mention being built; turned into an immutable `NumericMention` at the end.

    Its fields are the mention's but ``id`` and ``text``, so `extract_mentions` passes
    them on as they are (`NumericMention` forbids any other)."""

    start: int
    end: int
    value: Decimal
    kind: MentionKind
    value_high: Decimal | None = None
    unit: str | None = None
    scale: str | None = None
    direction: Direction | None = None
    qualifier: Qualifier | None = None
    ambiguous: bool = False
    note: str | None = None


@dataclass
class _Number:
    """One number core as read: value, where it ends, and how it was written."""

    value: Decimal
    end: int
    written: bool
    fraction: bool = False
    integer_text: str | None = None
    ambiguous: bool = False
    note: str | None = None
    scale: str | None = None
    scale_factor: Decimal = Decimal(1)


def extract_mentions(text: str) -> list[NumericMention]:
    """Every numeric mention in ``text``, sorted by start, with ids "n1", "n2", ...

    ``mention.text == text[mention.start:mention.end]`` holds for every mention.
    """
    mentions = []
    for index, d in enumerate(_Extractor(text).run(), start=1):
        d.value = plain(d.value)
        d.value_high = None if d.value_high is None else plain(d.value_high)
        mentions.append(NumericMention(id=f"n{index}", text=text[d.start : d.end], **vars(d)))
    return mentions


class _Extractor:
    """One pass over one text; holds the masks so that helpers stay small."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._convention: Convention | None = None
        self.clauses = context.Clauses(text)
        self._countries: dict[str, list[tuple[int, str]]] = {}
        self.lots: dict[int, Decimal] = {}
        """The lot a price was quoted per ("per 1,000 cubic metres"), by id of its draft."""
        self.lowered = text.lower()
        if len(self.lowered) != len(text):  # a few letters (e.g. "İ") grow when lower-cased
            self.lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.blocked: list[tuple[int, int]] = _url_tokens(text, self.lowered)
        self.drafts: list[_Draft] = []
        self.sentences = context.Sentences(text)
        self._names: list[tuple[int, str]] | None = None

    # ------------------------------------------------------------------ driver

    def run(self) -> list[_Draft]:
        self._find_month_dates()
        self._find_word_figures()
        self._scan()
        self.drafts.sort(key=lambda d: d.start)
        self._spread_directions()
        self._carry_units()
        self._read_rates()
        self._carry_denominators()
        self._carry_points()
        self._carry_measures()
        self._read_index_levels()
        self._read_zeros()
        for draft in self.drafts:
            if draft.kind == MentionKind.number:
                draft.direction = None  # "reduced output of 256 kilobit": a label, not a change
        return self.drafts

    @property
    def convention(self) -> Convention:
        """The text's digit grouping, worked out only when a number depends on it."""
        if self._convention is None:
            text = self.text
            numbers = (
                m.group()
                for run in patterns.DIGIT_RUN.finditer(text)
                if (m := patterns.DIGITS.match(text, run.start())) is not None
            )
            self._convention = detect_convention(numbers)
        return self._convention

    def _is_blocked(self, start: int, end: int) -> bool:
        return any(start < b_end and b_start < end for b_start, b_end in self.blocked)

    def _take(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        self.blocked.append((draft.start, draft.end))

    def _scan(self) -> None:
        """Visit every digit run and number word once, left to right.

        A date, period or decade starting at a digit wins over a quantity; a quantity
        (with its range, unit and counted noun) consumes the text it covers.
        """
        text = self.text
        candidates = heapq.merge(
            ((m.start(), m) for m in patterns.DIGIT_RUN.finditer(text)),
            ((m.start(), m) for m in patterns.WORD_HINT.finditer(self.lowered)),
            key=lambda item: item[0],
        )
        consumed = 0
        for start, hit in candidates:
            if start < consumed or self._is_blocked(start, hit.end()):
                continue
            if hit.re is patterns.DIGIT_RUN:
                if start > 0 and text[start - 1].isdigit():
                    continue
                draft = self._date_or_year_at(start)
                if draft is None:
                    core = patterns.DIGITS.match(text, start) or patterns.HYPHEN_YEAR.match(
                        text, start
                    )
                    draft = None if core is None else self._read_quantity(core)
            else:
                core = patterns.WORDS.match(text, start)
                draft = None if core is None else self._read_quantity(core)
            if draft is None or self._is_blocked(draft.start, draft.end):
                continue
            consumed = draft.end
            self._take(draft)

    # ------------------------------------------------------------------ dates and years

    def _find_month_dates(self) -> None:
        text = self.text
        for match in patterns.MONTH_DATE.finditer(text):
            start = match.start()
            if start > 0 and text[start - 1].isalpha():
                continue  # "Summay 5" is not a date
            if match.group("month_year") is not None:
                if _DAY_BEFORE.search(text, max(0, start - 12), start):
                    continue  # "22 February 2023": read whole from the day, in the scan
                year, month = int(match.group("month_year")), _month(match.group("month"))
                value, note = Decimal(year * 100 + month), f"{year:04d}-{month:02d}"
                ambiguous = False
            else:
                iso = _checked_date(
                    None if match.group("year") is None else int(match.group("year")),
                    _month(match.group("month")),
                    int(match.group("day")),
                )
                if iso is None:
                    continue
                value, note = iso
                ambiguous = False
            if not self._is_blocked(*match.span()):
                self._take(
                    _Draft(
                        start, match.end(), value, MentionKind.date, note=note, ambiguous=ambiguous
                    )
                )
                if match.group("day") is not None and match.group("year") is None:
                    self._take_range_end(match)

    def _take_range_end(self, first: re.Match[str]) -> None:
        """The last day of a day range ("the Dec. 1-20 period", "March 1 to 10"): a date,
        not a figure."""
        end = _DAY_RANGE_END.match(self.text, first.end())
        if end is None or int(end.group("day")) <= int(first.group("day")):
            return
        iso = _checked_date(None, _month(first.group("month")), int(end.group("day")))
        if iso is None or self._is_blocked(end.start("day"), end.end("day")):
            return
        self._take(_Draft(end.start("day"), end.end("day"), iso[0], MentionKind.date, note=iso[1]))

    def _find_word_figures(self) -> None:
        """Figures written without a numeral: multiples, ratios and ranks in words.

        "trade doubled" (2 times), "a threefold rise" (3 times), "halved" (0.5 times),
        "three-to-one" (ratio 3), "the second-biggest buyer" (rank 2). Found before the
        scan so that "three" in "three-to-one" is not also read as a count.
        """
        text = self.text
        for match in patterns.MULTIPLE.finditer(text):
            verb, fold, digits = (
                match.group("verb"),
                match.group("fold"),
                match.group("digits_fold"),
            )
            if verb is not None:
                value = vocabulary.MULTIPLE_VERBS[verb.lower()]
            elif fold is not None:
                value = vocabulary.FOLD_WORDS[fold.lower()]
            else:
                value = Decimal(digits)
            self._take_word_figure(
                match.start(), match.end(), value, MentionKind.multiple, vocabulary.TIMES
            )
        for match in patterns.RATIO.finditer(text):
            first, second = _word_or_digits(match.group("a")), _word_or_digits(match.group("b"))
            if first is None or not second:
                continue
            self._take_word_figure(
                match.start(), match.end(), first / second, MentionKind.ratio, vocabulary.RATIO
            )
        lowered = self.lowered
        for match in patterns.GLUED_MEASURE.finditer(text):
            value = Decimal(match.group("digits").replace(",", ""))
            unit = match.group("unit").lower()
            self._take_word_figure(match.start(), match.end(), value, MentionKind.count, unit)
        for match in patterns.CONVERSION_LINE.finditer(text):
            code = match.group("code")
            quoted = _currency_code(code) if code else _currency_code(match.group("word"))
            base = vocabulary.CURRENCY_PREFIX_SYMBOLS[match.group("lhs")]
            value = Decimal(match.group("rhs").replace(",", ""))
            self._take_word_figure(
                match.start(), match.end(), value, MentionKind.amount, f"{quoted} per {base}"
            )
        for match in patterns.NUMBERED_RANK.finditer(text):
            lead = match.group("lead").lower()
            if lead in _RANK_VERBS or patterns.NUMBERED_RANK_AFTER.match(text, match.end()):
                value = Decimal(match.group("digits"))
                self._take_word_figure(
                    match.start("no"), match.end(), value, MentionKind.rank, vocabulary.RANK
                )
        ranks = chain(
            patterns.RANKED_WORDS.finditer(text),
            patterns.RANK_WORDS.finditer(text),
            filter(self._is_role_rank, patterns.ROLE_RANK.finditer(lowered)),
            filter(self._ranks_one, patterns.COORDINATED_RANK.finditer(lowered)),
            patterns.SUPERLATIVE_OF.finditer(lowered),
        )
        for match in ranks:
            self._take_word_figure(
                match.start(), match.end(), _ordinal_value(match), MentionKind.rank, vocabulary.RANK
            )
        for match in patterns.STREAK.finditer(lowered):
            # "the third straight month" of a run: it has lasted 3 months
            value = _ordinal_value(match)
            unit = _plural_time(match.group("unit"))
            self._take_word_figure(match.start(), match.end(), value, MentionKind.ordinal, unit)
        for match in patterns.IN_A_PERIOD.finditer(lowered):
            unit, factor = _duration(match.group("unit"))
            unit = _plural_time(unit)
            start, end = match.start("one"), match.end()
            self._take_word_figure(start, end, Decimal(factor), MentionKind.count, unit)
        for match in patterns.NTH_TIME.finditer(lowered):
            start = match.start("span")
            value = _ordinal_value(match)
            self._take_word_figure(start, match.end(), value, MentionKind.ordinal, "time")
        for match in patterns.AND_A_HALF.finditer(lowered):
            value, unit, kind = _and_a_half(match)
            self._take_word_figure(match.start(), match.end(), value, kind, unit)
        for match in patterns.LONG_DURATION.finditer(lowered):
            # "a week-long trip" lasts one week
            unit = _plural_time(match.group("unit"))
            self._take_word_figure(match.start(), match.end(), Decimal(1), MentionKind.count, unit)

    def _is_role_rank(self, match: re.Match[str]) -> bool:
        """Whether "largest ... partner" ranks: no modifier is a stop word or a number, and
        "a largest"/"one of the top" (one among several) do not rank."""
        middle = self.text[match.end(1 if match.group(1) else 2) : match.start("noun")].split()
        if any(w.lower() in lexicon.STOPWORDS or w.lower() in lexicon.WORD_VALUES for w in middle):
            return False
        return self._ranks_one(match)

    def _ranks_one(self, match: re.Match[str]) -> bool:
        """A superlative ranks first unless "a"/"an"/"one" (one of several) or an ordinal
        ("11th largest", "third biggest": the ordinal is the rank) stands before it."""
        before = self.lowered[max(0, match.start() - 12) : match.start()].split()
        if not before:
            return True
        last = before[-1]
        if last in lexicon.ORDINAL_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", last):
            return False
        return last not in ("a", "an", "one")

    def _take_word_figure(
        self, start: int, end: int, value: Decimal, kind: MentionKind, unit: str
    ) -> None:
        if self._is_blocked(start, end):
            return
        floor = self.clauses.start_of(start)
        draft = _Draft(start, end, value, kind, unit=unit)
        draft.qualifier, draft.start, draft.direction = context.cues_before(self.text, start, floor)
        if kind is MentionKind.multiple:
            if draft.direction is None:
                draft.direction = context.direction_after(self.text, end)
            if draft.direction is None or draft.direction is Direction.flat:
                draft.direction = Direction.up if value > 1 else Direction.down
        else:
            draft.direction = None
        self._take(draft)

    def _date_or_year_at(self, start: int) -> _Draft | None:
        """A date, year period or decade starting at the digit run at ``start``."""
        text = self.text
        match = patterns.DIGIT_DATE.match(text, start)
        if match is not None:
            iso = _date_iso(match)
            if iso is not None:
                value, note, ambiguous = iso
                return _Draft(
                    start, match.end(), value, MentionKind.date, note=note, ambiguous=ambiguous
                )
        match = patterns.PERIOD.match(text, start)
        if match is not None:
            first = int(match.group("y1"))
            raw = match.group("y2")
            second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
            if first < second <= first + 20:
                note = "fiscal year" if match.group("sep") == "/" else "period"
                return _Draft(
                    start,
                    match.end(),
                    Decimal(first),
                    MentionKind.year,
                    value_high=Decimal(second),
                    note=note,
                )
        match = patterns.DECADE.match(text, start)
        if match is not None and int(match.group("y")) % 10 == 0:
            return _Draft(
                start, match.end(), Decimal(match.group("y")), MentionKind.year, note="decade"
            )
        return None

    # ------------------------------------------------------------------ quantities

    def _read_core(self, match: re.Match[str]) -> _Number | None:
        """The value of one CORE hit, with glued scale letters; None when not a number."""
        text = self.text
        end = match.end()
        groups = match.groupdict()
        if groups.get("hyphen_year") is not None:
            raw = groups["hyphen_year"]
            return _Number(Decimal(raw), end, written=False, integer_text=raw)
        if groups.get("fraction") is not None:
            value = parse_fraction(groups["fraction"])
            return _Number(value, end, written=True, fraction=True)
        if groups.get("written") is not None:
            return _Number(Decimal(parse_written(groups["written"])), end, written=True)
        raw = groups["digits"]
        if patterns.TIME_OR_CODE.match(text, end):
            return None
        reading = parse_digits(raw, self.convention if needs_convention(raw) else None)
        mixed = _MIXED_FRACTION.match(text, end) if raw.isdigit() else None
        if mixed is not None and int(mixed.group("num")) < int(mixed.group("den")):
            # wire copy's prices and rates: "5-3/8 pct", "15 1/2 working days"
            value = reading.value + Decimal(int(mixed.group("num"))) / int(mixed.group("den"))
            return _Number(value, mixed.end(), written=False)
        number = _Number(
            reading.value,
            end,
            written=False,
            integer_text=raw if raw.isdigit() else None,
            ambiguous=reading.ambiguous,
            note=reading.note,
        )
        if end < len(text) and text[end].isalpha():
            suffix = patterns.ATTACHED_SUFFIX.match(text, end)
            if suffix is None:
                return None  # "256K DRAM", "4G", "2x": a code, not a figure
            letters = suffix.group("suffix")
            if letters in ("st", "nd", "rd", "th"):
                number.scale = letters  # marks an ordinal; read by the caller
            else:
                number.scale = letters
                number.scale_factor = vocabulary.SCALE_WORDS.get(
                    letters.lower(), vocabulary.ATTACHED_SCALES.get(letters, Decimal(1))
                )
            number.end = suffix.end()
        return number

    def _read_scale(self, number: _Number) -> None:
        """A scale word after the number: "1.35 billion", "one-mln", "5,000 nghìn tỷ"."""
        if number.scale is not None:
            return
        match = patterns.SCALE.match(self.text, number.end)
        if match is None:
            return
        words = [match.group("scale")]
        factor = vocabulary.SCALE_WORDS[words[0].lower()]
        if match.group("scale2"):
            words.append(match.group("scale2"))
            factor *= vocabulary.SCALE_WORDS[words[1].lower()]
        number.scale = " ".join(words)
        number.scale_factor = factor
        number.end = match.end()

    def _read_quantity(self, match: re.Match[str]) -> _Draft | None:
        text = self.text
        first = self._read_core(match)
        if first is None:
            return None
        start = match.start()
        floor = self.clauses.start_of(start)

        if first.scale in ("st", "nd", "rd", "th"):
            return self._ordinal(start, first)

        currency: str | None = None
        note: str | None = first.note
        ambiguous = first.ambiguous
        before = patterns.CURRENCY_BEFORE.search(text, max(floor, start - 6), start)
        if before is not None:
            symbol = before.group("symbol")
            code = before.group("code")
            if symbol is not None:
                currency = vocabulary.CURRENCY_PREFIX_SYMBOLS[symbol]
                if symbol == "¥":
                    ambiguous = True
                    note = vocabulary.AMBIGUOUS_SYMBOLS[symbol]
            else:
                currency = vocabulary.CODE_ALIASES.get(code, code)
            start = before.start()

        if currency is None and start > 0 and text[start - 1].isalpha():
            return None  # "COVID19", "A320": digits glued to letters that are not a currency
        if currency is None and _DOCUMENT_NUMBER.search(text, max(0, start - 5), start):
            return None  # "Resolution No. 36": a document's number (a rank was read before)
        self._read_scale(first)
        if first.scale in vocabulary.ATTACHED_SCALES and currency is None:
            measure = patterns.WORD_AFTER.match(text, first.end)
            measured = measure is not None and measure.group("word").lower() in (
                lexicon.MEASURE_NOUNS
            )
            if not measured and self._glued_measure_before(start, first.scale) is None:
                return None  # "100m" without a currency could be metres; "1m barrels" is not
        fraction = match.groupdict().get("fraction")
        if fraction is not None and first.scale is None:
            word_before = _PREVIOUS_WORD.search(text, max(0, start - 12), start)
            preceding = word_before.group(1).lower() if word_before else ""
            of_after = re.match(r"\s+of\b", text[first.end :]) is not None
            if fraction.lower().startswith("half"):
                if preceding in _HALF_PERIODS or not (of_after or preceding in _HALF_HEDGES):
                    return None  # "first half", "half-year": a period; "nearly half of": a share
            elif " " in fraction and not (
                of_after or preceding == "by" or patterns.PERCENT.match(text, first.end)
            ):
                return None  # "a third country" is an ordinal use, "a third of" a fraction
            of_a_point = _FRACTION_OF_POINT.match(text, first.end)
            if of_a_point is not None:
                # "a quarter of a percentage point" is 0.25 points
                draft = _Draft(
                    start,
                    of_a_point.end(),
                    first.value,
                    MentionKind.percentage_point,
                    unit="percentage_point",
                )
                draft.qualifier, draft.start, draft.direction = context.cues_before(
                    text, start, floor
                )
                return draft

        second = self._read_range(first, start, match)
        end = (second or first).end
        value = first.value * (first.scale_factor if first.scale else Decimal(1))
        value_high: Decimal | None = None
        scale = first.scale
        if second is not None:
            factor = second.scale_factor if second.scale else first.scale_factor
            scale = second.scale or first.scale
            if first.scale is None:
                value = first.value * factor
            value_high = second.value * factor
            ambiguous = ambiguous or second.ambiguous
            note = note or second.note

        kind = MentionKind.number
        direction: Direction | None = None
        unit: str | None = currency
        lot_size: Decimal | None = None
        if currency is not None:
            kind = MentionKind.amount
        percent = patterns.PERCENT.match(text, end)
        if percent is not None and currency is None and first.scale is None:
            points = percent.group("points") is not None
            kind = MentionKind.percentage_point if points else MentionKind.percent
            unit = "percentage_point" if points else "percent"
            end = percent.end()
        elif currency is None:
            after = patterns.CURRENCY_AFTER.match(text, end)
            if after is not None and (
                after.group("code") or _currency_word_ok(text, start, after, first)
            ):
                code = after.group("code")
                if code is not None:
                    unit = vocabulary.CODE_ALIASES.get(code, code)
                else:
                    word = " ".join(after.group("word").lower().split())
                    if word in vocabulary.SUBUNIT_WORDS:
                        unit, factor = vocabulary.SUBUNIT_WORDS[word]
                        value *= factor
                        value_high = None if value_high is None else value_high * factor
                    else:
                        unit = vocabulary.CURRENCY_WORDS[word]
                        if word in vocabulary.SHARED_CURRENCY_WORDS:
                            unit = self._qualified_currency(word, start) or unit
                        unit = self._national_currency(word, start) or unit
                kind = MentionKind.amount
                end = after.end()

        if kind == MentionKind.amount and unit is not None:
            lot = _per_lot(text, unit, end)
            if lot is not None:
                # "949 won per 100 yen" is 9.49 KRW per JPY; the 100 is no figure of its own
                unit, end, size = lot
                lot_size = size
                value /= size
                value_high = None if value_high is None else value_high / size
                note = _join_notes(note, f"quoted per {size} {unit.split(' per ')[1]}")
            else:
                unit, end = _compound(text, unit, end)
        elif kind == MentionKind.number and scale is None:
            rate = patterns.PER_CURRENCY.match(text, end)
            numerator = None if rate is None else self._currency_before(start, rate)
            if rate is not None and numerator is not None:
                # "quoted the won at 812.05 against the dollar": KRW per USD
                unit, kind, end = (
                    f"{numerator} per {_per_currency_code(rate)}",
                    MentionKind.amount,
                    rate.end(),
                )
                note = _join_notes(note, "currency named earlier in the text")

        glued = None if currency else self._glued_measure_before(start, first.scale)
        if kind == MentionKind.number and glued is not None:
            # "stocks fell 1m barrels to 294.3m": the level is in the same measure
            kind, unit = MentionKind.count, glued.unit
            note = _join_notes(note, f"unit carried from '{self._span(glued)}'")
        if kind == MentionKind.number:
            year = self._year(first, second, start, end)
            if year is not None:
                return year
            counted = self._elided_noun(start, end) or self._counted_noun(end, first)
            if counted is False:
                return None
            if counted is not None:
                unit, end = counted
                kind = MentionKind.count
                if second is None and scale is None and self._not_a_quantity(start, first, unit):
                    return None
                unit, years = _duration(unit)
                factor = Decimal(years)
                if years != 1:
                    value *= factor
                    value_high = None if value_high is None else value_high * factor
                    note = _join_notes(note, f"{factor} {unit} per {counted[0].rstrip('s')}")
                months = patterns.AND_MONTHS.match(text, end) if unit == "years" else None
                if months is not None and second is None:
                    # "2 years and 8 months" is one duration: 2.6667 years
                    value += (Decimal(months.group("months")) / 12).quantize(Decimal("0.0001"))
                    end = months.end()
                per = patterns.PER_TIME.match(text, end) or patterns.OF_PER_TIME.match(text, end)
                annually = None if per is not None else patterns.ANNUALLY.match(text, end)
                if per is not None:
                    unit, end = f"{unit} per {per.group('per').lower()}", per.end()
                elif annually is not None and unit not in _TIME_UNITS:
                    unit, end = f"{unit} per year", annually.end()
                unit = vocabulary.canonical_unit(unit)
                if unit == vocabulary.TIMES:
                    kind = MentionKind.multiple
                elif re.match(r"\s+fewer\b", text[(second or first).end :]):
                    direction = Direction.down  # "48,000 fewer mortgages"
                elif unit in ("point", "points") and value < 100:
                    # "growth slowed by 0.4 point": economic news counts rates in points
                    kind, unit = MentionKind.percentage_point, vocabulary.POINTS
            elif first.fraction:
                kind, unit = MentionKind.fraction, vocabulary.FRACTION
            elif scale is not None and second is None:
                noun = patterns.NOUN_BEFORE.search(text, floor, start)
                noun_word = "" if noun is None else noun.group("noun").lower()
                if _is_plural(noun_word) and noun_word not in lexicon.MONEY_NOUNS:
                    unit, kind = noun_word, MentionKind.count
                    note = _join_notes(note, f"counted noun '{unit}' stands before the number")
            elif first.written and scale is None:
                return None  # "one of", "the two could": a word, not a figure

        draft = _Draft(
            start=start,
            end=end,
            value=value,
            value_high=value_high,
            kind=kind,
            unit=unit,
            scale=scale,
            ambiguous=ambiguous,
            note=note,
        )
        draft.qualifier, draft.start, draft.direction = context.cues_before(text, start, floor)
        draft.direction = draft.direction or direction
        if draft.direction is None and kind in _AFTER_DIRECTION_KINDS:
            draft.direction = context.direction_after(text, end)
        if unit == vocabulary.PERCENT and patterns.RATE_NOUN_AFTER.match(text, end):
            draft.direction = None  # "dropping 50 pct sales tax": the tax's rate, a level
        if lot_size is not None:
            self.lots[id(draft)] = lot_size
        return draft

    def _read_range(self, first: _Number, start: int, match: re.Match[str]) -> _Number | None:
        """A second number making a range: "3-5 percent", "350 to 400 mln", "33 and 34"."""
        text = self.text
        join = patterns.RANGE_JOIN.match(text, first.end)
        if join is None:
            return None
        word = join.group().strip().lower()
        before = text[max(0, start - 12) : start]
        if word == "and" and not patterns.BETWEEN_BEFORE.search(before):
            return None
        if word == "to" and re.search(r"\bfrom\s+$", before, re.IGNORECASE):
            return None  # "from 5 to 6 percent" gives two levels, not a range
        pos = join.end()
        symbol = patterns.RANGE_CURRENCY.match(text, pos)
        if symbol is not None:
            pos = symbol.end()
        if match.re is patterns.WORDS:
            core = patterns.WORDS.match(text, pos)
            if core is None or core.group("written") is None:
                core = patterns.DIGITS.match(text, pos)  # "between five and 30 pct"
                if core is None:
                    return None
        else:
            core = patterns.DIGITS.match(text, pos)
            if core is None:
                return None
        second = self._read_core(core)
        if second is None or second.scale in ("st", "nd", "rd", "th"):
            return None
        self._read_scale(second)
        low = first.value * first.scale_factor
        high = second.value * (second.scale_factor if second.scale else first.scale_factor)
        if first.scale is None:
            low = first.value * (second.scale_factor if second.scale else Decimal(1))
        if high <= low:
            return None
        if word == "to" and high >= low * _CHANGE_TO_LEVEL:
            _, _, direction = context.cues_before(text, start, self.clauses.start_of(start))
            if direction is not None:
                return None  # "crude rose $1.64 to $47.10": by how much, and to what level
        return second

    def _glued_measure_before(self, start: int, scale: str | None) -> _Draft | None:
        """The "1m barrels" that "to 294.3m" continues: the figure just before, with the
        same glued scale and a measured unit, joined by "to" or "from"."""
        if scale not in vocabulary.ATTACHED_SCALES or not self.drafts:
            return None
        last = self.drafts[-1]
        if last.scale != scale or last.unit not in lexicon.MEASURE_NOUNS:
            return None
        return last if patterns.TO_OR_FROM.fullmatch(self.text, last.end, start) else None

    def _not_a_quantity(self, start: int, number: _Number, unit: str) -> bool:
        """Counts that only name things already known, or a reporting period.

        "the two countries", "the five cities" point back at known things; "the first
        10 months of 2025" is a period, like a year. Neither is a figure to check. A
        duration ("over the past two years", "for the next five years") is a figure.
        """
        previous = _PREVIOUS_WORD.search(self.text, max(0, start - 12), start)
        word = previous.group(1).lower() if previous else ""
        if word in _DEFINITE and number.written:
            if unit in _ADJECTIVE_TIME_UNITS:
                return False  # "the five-year deadline" lasts five years
            # "one of the four municipalities" says how many there are
            return not _PART_OF_THE.search(self.text, max(0, start - 30), start)
        return word in _PERIOD_OPENERS and unit in _TIME_UNITS

    def _year(self, first: _Number, second: _Number | None, start: int, end: int) -> _Draft | None:
        """A bare four-digit integer in 1800-2199 is a year unless a measure noun follows."""
        if not _is_year(first) or first.scale is not None:
            return None
        if second is not None and not (_is_year(second) and second.scale is None):
            return None
        noun = self._counted_noun(end, first)
        if isinstance(noun, tuple) and noun[0] in lexicon.MEASURE_NOUNS:
            return None
        return _Draft(
            start=start,
            end=end,
            value=first.value,
            value_high=None if second is None else second.value,
            kind=MentionKind.year,
        )

    def _ordinal(self, start: int, number: _Number) -> _Draft:
        """ "21st edition" -> 21, unit "edition"; "11th among", "4th-largest" -> a rank."""
        end = number.end
        rank = patterns.RANK_AFTER.match(self.text, end)
        previous = _PREVIOUS_WORD.search(self.text, max(0, start - 12), start)
        if rank is not None or (previous is not None and previous.group(1).lower() in _RANKED):
            if rank is not None and rank.group("superlative") is not None:
                end = rank.end()
            return _Draft(
                start=start, end=end, value=number.value, kind=MentionKind.rank, unit="rank"
            )
        streak = patterns.STREAK_AFTER.match(self.text, end)
        if streak is not None:
            # "the 14th consecutive month": the run has lasted 14 months
            streak_unit = _plural_time(streak.group("unit"))
            return _Draft(start, streak.end(), number.value, MentionKind.ordinal, unit=streak_unit)
        unit: str | None = None
        pos = end
        name = patterns.WORD_AFTER.match(self.text, pos)
        if name is not None and name.group("word")[0].isupper():
            # "the 20th Central Committee": an ordinal inside a name; its unit is the head noun
            while name is not None and name.group("word")[0].isupper():
                unit, end = name.group("word").lower(), name.end()
                name = patterns.WORD_AFTER.match(self.text, end)
            return _Draft(
                start=start,
                end=end,
                value=number.value,
                kind=MentionKind.ordinal,
                unit=unit,
                note="ordinal inside a name",
            )
        for _ in range(_ORDINAL_WINDOW):
            word = patterns.WORD_AFTER.match(self.text, pos)
            if word is None:
                break
            lower = word.group("word").lower()
            if lower in lexicon.STOPWORDS or lower in _MONTH_OR_DAY:
                break
            unit, end, pos = lower, word.end(), word.end()
        return _Draft(start=start, end=end, value=number.value, kind=MentionKind.ordinal, unit=unit)

    def _elided_noun(self, start: int, end: int) -> tuple[str, int] | None:
        """The noun of "Among the 11 groups ..., nine reported price hikes": a count that
        opens the clause after "among/of the N <nouns>," counts those nouns (its own noun
        is left out; "nine reported" is no count of hikes), as does one "out of the 68
        challenges". None unless that is so."""
        out_of = patterns.OUT_OF_THE.match(self.text, end)
        if out_of is not None:
            return out_of.group("noun").lower(), end
        after = patterns.WORD_AFTER.match(self.text, end)
        if after is not None and (
            _is_plural(after.group("word"))
            or after.group("word").lower() in lexicon.COUNT_MODIFIERS
        ):
            return None
        sentence_start = self.sentences.span_of(start)[0]
        before = self.text[max(sentence_start, start - 240) : start]
        antecedent = patterns.AMONG_THE.search(before)
        if antecedent is None:
            return None
        return antecedent.group("noun").lower(), end

    def _counted_noun(self, end: int, number: _Number) -> tuple[str, int] | Literal[False] | None:
        """The thing counted: "04 northern provinces" -> provinces; False drops the number.

        Returns (unit, end of the noun), None when nothing is counted, or False when a
        written number is glued to a word that is not a unit ("two-way", "three-to-one").
        """
        text = self.text
        aged = patterns.YEAR_OLD.match(text, end)
        if aged is not None:
            # "the 10 year-old debt" has lasted 10 years; "a 45-year-old man" is an age
            thing = patterns.WORD_AFTER.match(text, aged.end())
            if thing is not None and thing.group("word").lower() in lexicon.AGED_THINGS:
                return "years", aged.end()
            return False
        hyphen = patterns.HYPHEN_WORD.match(text, end)
        if hyphen is not None:
            word = hyphen.group("word").lower()
            singular = word[:-1] if word.endswith("s") else word
            if singular in lexicon.HYPHEN_UNITS:
                return singular, hyphen.end()
            return False if number.written else None
        pos = end
        measured = patterns.MEASURED_NOUN.match(text, pos)
        if measured is not None:
            pos = measured.end()  # "2.45 mln 60-kilo bags": the bags are counted
        first_word: tuple[str, int] | None = None
        for index in range(_COUNT_WINDOW):
            abbreviation = patterns.ABBREVIATION_AFTER.match(text, pos)
            if abbreviation is not None:
                pos = abbreviation.end()  # "37 U.S. cities"
                continue
            match = patterns.WORD_AFTER.match(text, pos)
            if match is None:
                break
            word = match.group("word")
            lower = word.lower()
            if lower in lexicon.COUNT_MODIFIERS:
                pos = match.end()  # "four other firms", "10 more plants"
                continue
            if (
                lower == "and"
                and first_word is not None
                and first_word[0].rstrip("s") not in lexicon.SINGULAR_UNITS
                and _ADJECTIVE_AND.match(text, match.end())
            ):
                pos = match.end()  # "5 million small and medium enterprises"
                continue
            if lower in lexicon.STOPWORDS or lower in _MONTH_OR_DAY:
                break
            if index == 0:
                first_word = (lower, match.end())
            if word == lower and _is_plural(lower):
                before = text[end : match.start()].split()
                if before and before[-1].lower() in ("cubic", "square"):
                    return f"{before[-1].lower()} {lower}", match.end()  # "1.4 billion cubic feet"
                rate = next(
                    (
                        lexicon.RATE_ADJECTIVES[w.lower()]
                        for w in before
                        if w.lower() in lexicon.RATE_ADJECTIVES
                    ),
                    None,
                )
                if rate is not None:
                    return f"{lower} per {rate}", match.end()  # "750,000 daily barrels"
                return lower, match.end()
            if word.istitle() and (lower in lexicon.MEASURE_NOUNS or lower.endswith("ans")):
                return lower, match.end()  # "Metric Tonnes" in a title, "10 million Mexicans"
            pos = match.end()
        if first_word is not None and text[end : end + 1].isspace():
            lower, word_end = first_word
            if lower in lexicon.SINGULAR_UNITS or lower.rstrip("s") in lexicon.SINGULAR_UNITS:
                return lower, word_end
        return None

    # ------------------------------------------------------------------ final passes

    def _spread_directions(self) -> None:
        """A change word governs every item of a list: "rising 171.9 percent and 7.5 percent"."""
        previous: _Draft | None = None
        for draft in self.drafts:
            if (
                previous is not None
                and draft.direction is None
                and previous.direction is not None
                and draft.kind == previous.kind
                and draft.kind in _FIGURE_KINDS
                and (
                    patterns.LIST_JOIN.match(self.text[previous.end : draft.start])
                    or patterns.ASPECT_LIST_JOIN.match(self.text[previous.end : draft.start])
                )
            ):
                draft.direction = previous.direction
            previous = draft

    def _carry_units(self) -> None:
        """Give bare numbers the unit their sentence already named.

        "7.1 billion dlrs last year from 4.3 billion in 1985": 4.3 billion is USD.
        "rising 171.9 and 7.5 percent": 171.9 is a percent.
        """
        figures = [d for d in self.drafts if d.kind in _FIGURE_KINDS]
        self._share_scales(figures)
        for index, draft in enumerate(figures):
            if draft.kind != MentionKind.number:
                continue
            if draft.scale is not None:
                source = self._scaled_source(figures, index)
                if source is not None:
                    draft.unit, draft.kind = source.unit, source.kind
                    draft.note = _join_notes(
                        draft.note, f"unit {source.unit} carried from '{self._span(source)}'"
                    )
                    continue
            following = figures[index + 1] if index + 1 < len(figures) else None
            if (
                following is not None
                and following.kind in (MentionKind.percent, MentionKind.percentage_point)
                and draft.scale is None
                and patterns.LIST_JOIN.match(self.text[draft.end : following.start])
            ):
                draft.unit, draft.kind = following.unit, following.kind
                draft.note = _join_notes(
                    draft.note, f"unit carried from '{self._span(following)}' in the same list"
                )
                if draft.direction is None:
                    draft.direction = following.direction

    def _currency_names(self) -> list[tuple[int, str]]:
        """(offset, code) of every currency named in the text; found once, when needed."""
        if self._names is None:
            self._names = []
            for match in patterns.CURRENCY_NAME.finditer(self.lowered):
                word = match.group("word")
                ambiguous = word is not None and word.lower() in vocabulary.AMBIGUOUS_CURRENCY_WORDS
                after_the = self.lowered[max(0, match.start() - 4) : match.start()] == "the "
                if ambiguous and not after_the:
                    continue  # "won" the verb, "the 800 billion mark": only "the won" names it
                self._names.append((match.start(), _currency_code(match.group())))
        return self._names

    def _qualified_currency(self, word: str, start: int) -> str | None:
        """The code of the last "Egyptian pounds"-like name before a bare "pounds"."""
        base = word.rstrip("s")
        for offset, code in reversed(self._currency_names()):
            if offset >= start:
                continue
            name = self.lowered[offset : offset + 40].split()
            if len(name) >= 2 and name[1].rstrip("s.,;") == base:
                return code
        return None

    def _national_currency(self, word: str, start: int) -> str | None:
        """The code of a word several countries' currencies share ("dinars", "pesos"), by
        the nearest country the text names before it (else the first after it); None when
        it names none of them, or the word is no such word."""
        base = word.split()[-1].removesuffix("s")
        by_country = vocabulary.NATIONAL_CURRENCIES.get(base)
        if by_country is None or " " in word:
            return None  # "Egyptian pounds", "US dollars": the country is in the name
        mentions = self._country_mentions(base, by_country)
        before = [(offset, code) for offset, code in mentions if offset < start]
        if before:
            return before[-1][1]
        return mentions[0][1] if mentions else None

    def _country_mentions(self, base: str, by_country: dict[str, str]) -> list[tuple[int, str]]:
        """(offset, code) of each naming of a country that uses the currency word `base`,
        by its name or its demonym ("Jordan", "Jordanian"); found once per word."""
        if base not in self._countries:
            names = {
                word: code
                for country, code in by_country.items()
                for word in (country, *countries.WORDS_FOR_COUNTRY.get(country, ()))
            }
            pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))})\b")
            self._countries[base] = [
                (m.start(), names[m.group()]) for m in pattern.finditer(self.lowered)
            ]
        return self._countries[base]

    def _currency_before(self, start: int, rate: re.Match[str]) -> str | None:
        """The currency a bare rate quotes: the last one named before it in this paragraph
        or the one before, other than the rate's denominator ("the yuan ... 8.28 to the
        dollar")."""
        denominator = _per_currency_code(rate)
        floor = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n\n", 0, start)))
        for offset, code in reversed(self._currency_names()):
            if offset >= start:
                continue
            if offset < floor:
                return None
            if not vocabulary.same_currency(code, denominator):
                return code
        return None

    def _read_rates(self) -> None:
        """Exchange rates told by the sentence around a plain amount.

        "the won-dollar rate closed at 1,070 won" and "the dollar traded against the euro at
        $1.3280" quote one currency in another: KRW per USD, USD per EUR. A later "the
        rate ... 1,080 won" in the same text reads by the last pair named.
        """
        pairs: list[tuple[int, str, str]] | None = None
        for draft in self.drafts:
            unit = draft.unit
            if draft.kind != MentionKind.amount or unit is None:
                continue
            if draft.scale is not None and draft.scale.lower() != "hundred":
                continue
            if vocabulary.unit_class(unit) is not vocabulary.UnitClass.currency:
                continue
            sentence = self.sentences.span_of(draft.start)
            words = self.text[sentence[0] : sentence[1]]
            other: str | None = None
            against = patterns.AGAINST_CURRENCY.search(words)
            if against is not None:
                code = _currency_code(against.group("word"))
                named = any(
                    c == unit and sentence[0] <= o < sentence[1] for o, c in self._currency_names()
                )
                if code != unit and named:
                    other = code
            if other is None and (patterns.RATE_WORD.search(words) or "-" in words):
                if pairs is None:
                    pairs = [
                        (m.start(), _currency_code(m.group("a")), _currency_code(m.group("b")))
                        for m in patterns.CURRENCY_PAIR.finditer(self.lowered)
                    ]
                for offset, a, b in reversed(pairs):
                    if offset < draft.start and unit in (a, b) and a != b:
                        in_sentence = offset >= sentence[0]
                        if in_sentence or patterns.RATE_WORD.search(words):
                            other = b if unit == a else a
                        break
            if other is not None:
                draft.unit = f"{unit} per {other}"
                draft.note = _join_notes(draft.note, f"an exchange rate against {other}")
                self._quote_per_sentence_lot(draft)

    def _quote_per_sentence_lot(self, draft: _Draft) -> None:
        """A rate of the pair its sentence quoted per lot is per that lot too: "949 won per
        100 yen, up from 940 won" makes 940 won 9.40 KRW per JPY."""
        for quoted in self.drafts:
            lot = self.lots.get(id(quoted))
            if (
                lot is not None
                and quoted is not draft
                and quoted.unit == draft.unit
                and not context.sentence_ends_between(
                    self.text, min(quoted.end, draft.end), max(quoted.start, draft.start)
                )
            ):
                draft.value /= lot
                draft.value_high = None if draft.value_high is None else draft.value_high / lot
                draft.note = _join_notes(draft.note, f"quoted per the sentence's {lot}")
                self.lots[id(draft)] = lot
                return

    def _carry_to_bare_numbers(
        self, is_source: Callable[[_Draft], bool], carry: Callable[[_Draft, _Draft], _Draft]
    ) -> None:
        """The walk every carry of a unit makes: each bare number (no unit, no scale) after
        a draft that ``is_source`` accepts, in the same sentence, goes to ``carry`` with that
        source, and ``carry`` returns the source for the numbers after it."""
        source: _Draft | None = None
        for draft in self.drafts:
            if is_source(draft):
                source = draft
                continue
            if source is None or draft.kind != MentionKind.number or draft.unit or draft.scale:
                continue
            if context.sentence_ends_between(self.text, source.end, draft.start):
                source = None
                continue
            source = carry(source, draft)

    def _carry_points(self) -> None:
        """Elliptical rates: "exports added 0.3 point and imports contributed 0.2".

        A bare number after a percent or percentage-point figure in the same sentence, of
        the same order (at most twice it, or 2), and not a level ("to 131.5"), is in its unit.
        """

        def carry(source: _Draft, draft: _Draft) -> _Draft:
            if draft.value > max(source.value, Decimal(1)) * 2 or draft.value_high is not None:
                return source
            if patterns.LEVEL_BEFORE.search(self.text, max(0, draft.start - 12), draft.start):
                return source
            draft.kind, draft.unit = source.kind, source.unit
            draft.note = _join_notes(draft.note, f"unit carried from '{self._span(source)}'")
            return source

        rates = (MentionKind.percent, MentionKind.percentage_point)
        self._carry_to_bare_numbers(lambda d: d.kind in rates, carry)

    def _carry_measures(self) -> None:
        """ "over 200,000 tonnes against 350,000 a year earlier": a bare number compared
        with a measured quantity just before it in the sentence is in the same measure (and
        measures the next one: "200,000 tonnes against 350,000 ... and 420,000")."""

        def carry(source: _Draft, draft: _Draft) -> _Draft:
            gap = self.text[source.end : draft.start]
            close = source.value / 10 <= draft.value <= source.value * 10
            if not close or not patterns.COMPARED_BEFORE.search(gap) or gap.rstrip().endswith("to"):
                return source
            draft.kind, draft.unit = MentionKind.count, source.unit
            draft.note = _join_notes(draft.note, f"unit carried from '{self._span(source)}'")
            return draft

        self._carry_to_bare_numbers(
            lambda d: d.kind == MentionKind.count and d.unit in lexicon.MEASURE_NOUNS, carry
        )

    def _read_zeros(self) -> None:
        """ "cut tariffs to zero from 5 pct": zero in the unit of the figure it is compared
        with, next to it in the clause."""
        if "zero" not in self.lowered:
            return
        for match in patterns.ZERO.finditer(self.lowered):
            if self._is_blocked(*match.span()):
                continue
            later = [d for d in self.drafts if d.start >= match.end()]
            if not later or later[0].kind not in _FIGURE_KINDS or later[0].unit is None:
                continue
            if not patterns.TO_OR_FROM.fullmatch(self.text, match.end(), later[0].start):
                continue
            draft = _Draft(
                match.start(), match.end(), Decimal(0), later[0].kind, unit=later[0].unit
            )
            draft.note = f"unit of '{self._span(later[0])}', which it is compared with"
            self._take(draft)
        self.drafts.sort(key=lambda d: d.start)

    def _read_index_levels(self) -> None:
        """ "The volume index ... rose to 131.0 from 114.6": bare numbers in a sentence about
        an index, after the word "index", are index levels (unit "index points")."""
        if "index" not in self.lowered:
            return
        for draft in self.drafts:
            if draft.kind != MentionKind.number or draft.unit or draft.scale:
                continue
            start, _ = self.sentences.span_of(draft.start)
            if patterns.INDEX_WORD.search(self.text, start, draft.start):
                draft.unit, draft.kind = vocabulary.INDEX_POINTS, MentionKind.amount
                draft.note = _join_notes(draft.note, "a level of the index named before it")

    def _carry_denominators(self) -> None:
        """Give a price the denominator its sentence already named.

        "US$473 and US$453 per tonne", "18 dlrs per barrel from 14 dlrs", "21,036 dong per
        dollar from 20,828", "1,000 ringgit per tonne (about 250 stg)": all are prices of one
        thing. Oil prices in dollars are per barrel ("Brent crude gained $1.32").
        """
        figures = [d for d in self.drafts if d.kind in _FIGURE_KINDS]
        source: _Draft | None = None
        for index, draft in enumerate(figures):
            if source is not None and context.sentence_ends_between(
                self.text, source.end, draft.start
            ):
                source = None
            parts = None if draft.unit is None else vocabulary.compound_parts(draft.unit)
            if parts is not None:
                source = draft
                continue
            if draft.scale is not None and draft.scale.lower() != "hundred":
                continue
            carried = self._carried_denominator(draft, source, figures[index + 1 :])
            if carried is not None:
                draft.unit, draft.kind = carried
                draft.note = _join_notes(draft.note, f"priced per the sentence's {carried[0]}")

    def _carried_denominator(
        self, draft: _Draft, source: _Draft | None, later: list[_Draft]
    ) -> tuple[str, MentionKind] | None:
        gap_before = "" if source is None else self.text[source.end : draft.start]
        if source is not None and source.unit is not None:
            currency, per = source.unit.split(" per ", 1)
            if draft.kind == MentionKind.amount and draft.unit == currency:
                lot = self.lots.get(id(source))
                if lot is not None:
                    # "$2 per 1,000 cubic metres, bringing it down to $58": $58 per 1,000 too
                    draft.value /= lot
                    draft.value_high = None if draft.value_high is None else draft.value_high / lot
                    draft.note = _join_notes(draft.note, f"quoted per the sentence's {lot} {per}")
                    self.lots[id(draft)] = lot
                return source.unit, MentionKind.amount
            if draft.kind == MentionKind.amount and patterns.OPEN_BRACKET.match(gap_before):
                draft.direction = draft.direction or source.direction  # a conversion
                return f"{draft.unit} per {per}", MentionKind.amount
            bare = draft.kind == MentionKind.number and draft.unit is None
            if bare and patterns.COMPARED_BEFORE.search(gap_before):
                return source.unit, MentionKind.amount
        if draft.kind != MentionKind.amount or draft.unit is None:
            return None
        if later and later[0].unit is not None and later[0].scale is None:
            parts = vocabulary.compound_parts(later[0].unit)
            gap_after = self.text[draft.end : later[0].start]
            if parts is not None and parts[0] == draft.unit and patterns.LIST_JOIN.match(gap_after):
                return later[0].unit, MentionKind.amount  # "US$473 and US$453 per tonne"
        if patterns.SHARES_AT.search(self.text, self.clauses.start_of(draft.start), draft.start):
            return f"{draft.unit} per share", MentionKind.amount  # "valued its shares at A$7.17"
        if draft.unit == "USD" and _OIL_WORDS.search(
            self.text, self.clauses.start_of(draft.start), draft.start
        ):
            return "USD per barrel", MentionKind.amount
        return None

    def _share_scales(self, figures: list[_Draft]) -> None:
        """ "against 159.4 and 117.1 billion": the scale written once serves both numbers."""
        for draft, following in pairwise(figures):
            if draft.kind != MentionKind.number or draft.scale or draft.value_high is not None:
                continue
            factor = vocabulary.scale_multiplier(following.scale)
            if (
                factor is None
                or factor == 1
                or following.unit not in (None, *_plain_currency(following))
            ):
                continue
            if patterns.SHARED_SCALE_JOIN.match(self.text[draft.end : following.start]):
                draft.value *= factor
                draft.scale = following.scale
                draft.note = _join_notes(
                    draft.note, f"scale '{following.scale}' shared with '{self._span(following)}'"
                )

    def _scaled_source(self, figures: list[_Draft], index: int) -> _Draft | None:
        """Where a bare scaled number's unit was named.

        Wire copy names a currency once and then writes "600 mln", "6.93 billion": the
        nearest scaled amount before it in the same sentence, else the amount it rises to
        ("rose 200 mln to 11.9 billion guilders"), else one in the sentences before, in this
        paragraph or the one before.
        """
        draft = figures[index]
        following = figures[index + 1] if index + 1 < len(figures) else None
        if (
            following is not None
            and following.kind in (MentionKind.amount, MentionKind.count)
            and following.scale
            and _FROM_GAP.match(self.text[draft.end : following.start])
        ):
            return following  # "to 3.0 mln from 2.45 mln bags": both count bags
        paragraph = self.text.rfind("\n\n", 0, draft.start)
        floor = self.text.rfind("\n\n", 0, max(0, paragraph))
        crossed = False
        candidate: _Draft | None = None
        for source in reversed(figures[:index]):
            if source.end <= floor:
                break
            if not crossed and context.sentence_ends_between(self.text, source.end, draft.start):
                crossed = True
            if source.kind in (MentionKind.amount, MentionKind.count) and source.scale:
                candidate = source
                break
        if candidate is not None and not crossed:
            return candidate
        if index + 1 < len(figures):
            following = figures[index + 1]
            gap = self.text[draft.end : following.start]
            if (
                following.kind is MentionKind.amount
                and following.scale
                and patterns.SHARED_SCALE_JOIN.match(gap)
            ):
                return following
        if (
            candidate is not None
            and vocabulary.unit_class(candidate.unit) is vocabulary.UnitClass.currency
        ):
            return candidate
        return None

    def _span(self, draft: _Draft) -> str:
        return self.text[draft.start : draft.end]


# ---------------------------------------------------------------------- helpers


def _plain_currency(draft: _Draft) -> tuple[str, ...]:
    """The draft's unit when it is a plain currency (a scale may be shared with it)."""
    unit = draft.unit
    if unit is not None and vocabulary.unit_class(unit) is vocabulary.UnitClass.currency:
        return (unit,)
    return ()


def _is_year(number: _Number) -> bool:
    raw = number.integer_text
    return raw is not None and len(raw) == 4 and _MIN_YEAR <= int(raw) <= _MAX_YEAR


def _is_plural(word: str) -> bool:
    if word in lexicon.IRREGULAR_PLURALS:
        return True
    if len(word) < 3 or not word.endswith("s") or word in lexicon.NOT_PLURAL:
        return False
    return not word.endswith(("ss", "us", "is", "'s", "’s"))


def _currency_word_ok(text: str, start: int, after: re.Match[str], number: _Number) -> bool:
    """Ambiguous currency words ("won", "mark", "pound") need a scale or digits before.

    "the 800 billion mark" is a threshold, not Deutsche marks: "mark" after "the" or
    "a" is never a currency.
    """
    word = " ".join(after.group("word").lower().split())
    if word in ("mark", "marks"):
        previous = _PREVIOUS_WORD.search(text, max(0, start - 12), start)
        following = patterns.WORD_AFTER.match(text, after.end())
        money = following is not None and following.group("word").lower() in (
            lexicon.MARK_MONEY_NOUNS
        )
        if previous is not None and previous.group(1).lower() in ("the", "a", "an", "this"):
            return money
    if word in vocabulary.AMBIGUOUS_CURRENCY_WORDS:
        return not number.written or number.scale is not None
    return True


def _per_currency_code(rate: re.Match[str]) -> str:
    """The code of the denominator of `patterns.PER_CURRENCY` ("to the U.S. dollar" -> USD)."""
    word = " ".join(rate.group("per").lower().replace(".", "").split())
    if word in ("us dollar", "u s dollar", "greenback"):
        return "USD"
    return vocabulary.CURRENCY_WORDS.get(word, word.upper() if len(word) == 3 else "USD")


def _currency_code(word: str) -> str:
    """The code for a currency word or code as written ("Taiwan's dollar" -> TWD)."""
    key = " ".join(word.lower().replace("’", "'").split())
    if key in vocabulary.CURRENCY_WORDS:
        return vocabulary.CURRENCY_WORDS[key]
    return vocabulary.CODE_ALIASES.get(word, word.upper())


def _per_lot(text: str, unit: str, end: int) -> tuple[str, int, Decimal] | None:
    """("KRW per JPY", end, 100) for "949 won| per 100 yen"; None when no lot follows."""
    lot = patterns.PER_LOT.match(text, end)
    if lot is None:
        return None
    size_word = lot.group("lot").lower().replace(",", "")
    size = Decimal({"hundred": "100", "thousand": "1000"}.get(size_word, size_word))
    word = " ".join(lot.group("per").lower().replace(".", "").split())
    noun = _PER_NOUNS.get(word.removesuffix("s"), word.removesuffix("s"))
    per = noun if noun in _LOT_NOUNS else _currency_code(word)
    if per == unit or size == 1:
        return None
    return f"{unit} per {per}", lot.end(), size


_LOT_NOUNS: Final = frozenset(("tonne", "kg", "litre", "liter", "barrel", "cubic metre"))
"""Measures a price may be quoted per lot of (in `_PER_NOUNS` spelling); other lots are
currencies ("per 100 yen")."""


def _compound(text: str, unit: str, end: int) -> tuple[str, int]:
    """A price or rate after an amount: "USD per tonne", "VND per USD"; else as it was."""
    rate = patterns.PER_CURRENCY.match(text, end)
    if rate is not None:
        code = _per_currency_code(rate)
        if code != unit:
            return f"{unit} per {code}", rate.end()
    per = patterns.PER_UNIT.match(text, end)
    if per is not None:
        noun = " ".join((per.group("per") or per.group("per_noun")).lower().split())
        return f"{unit} per {_PER_NOUNS.get(noun, noun)}", per.end()
    annually = patterns.ANNUALLY.match(text, end)
    if annually is not None:
        return f"{unit} per year", annually.end()
    return unit, end


def _and_a_half(match: re.Match[str]) -> tuple[Decimal, str, MentionKind]:
    """(0.015, "USD", amount) for "a cent and a half"; points are percentage points."""
    whole = match.group("whole")
    count = (
        Decimal("0.5")
        if whole is None
        else Decimal(lexicon.WORD_VALUES.get(whole, 1)) + Decimal("0.5")
    )
    word = (match.group("unit") or match.group("half_unit")).split()[0]
    if word.startswith(("point", "percentage")):
        return count, vocabulary.POINTS, MentionKind.percentage_point
    currency, factor = vocabulary.SUBUNIT_WORDS["pence" if word in ("penny", "pence") else "cent"]
    return count * factor, currency, MentionKind.amount


def _ordinal_value(match: re.Match[str]) -> Decimal:
    """The number its ``ordinal`` group names ("second" -> 2); 1 where a rank is told with
    no ordinal ("the largest partner", "number one")."""
    ordinal = match.groupdict().get("ordinal")
    return Decimal(1 if ordinal is None else lexicon.ORDINAL_WORDS[ordinal.lower()])


def _plural_time(word: str) -> str:
    """ "Month" -> "months": durations are counted in plural time units."""
    lower = word.lower()
    return lower if lower.endswith("s") else f"{lower}s"


def _duration(unit: str) -> tuple[str, int]:
    """("years", 10) for "decades": durations are counted in their base unit."""
    base = vocabulary.DURATION_WORDS.get(unit)
    return (unit, 1) if base is None else base


def _word_or_digits(text: str) -> Decimal | None:
    """A ratio term: "three" or "3.5"."""
    if text[0].isdigit():
        return Decimal(text)
    try:
        return Decimal(parse_written(text))
    except (ValueError, KeyError):
        return None


def _join_notes(first: str | None, second: str) -> str:
    return second if first is None else f"{first}; {second}"


def _month(name: str) -> int:
    return lexicon.MONTHS[name.lower().rstrip(".")]


def _checked_date(year: int | None, month: int, day: int) -> tuple[Decimal, str] | None:
    """(value, ISO note) for a calendar date; None when the day does not exist.

    The value is YYYYMMDD, or MMDD when the year is not written (the note then reads
    "--MM-DD", the ISO 8601 form of a date without a year).
    """
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: February 29 is allowed
    except ValueError:
        return None
    if year is None:
        return Decimal(month * 100 + day), f"--{month:02d}-{day:02d}"
    return Decimal(year * 10000 + month * 100 + day), f"{year:04d}-{month:02d}-{day:02d}"


def _date_iso(match: re.Match[str]) -> tuple[Decimal, str, bool] | None:
    """(value, ISO note, ambiguous) for a `patterns.DIGIT_DATE` hit; None if not a date."""
    groups = match.groupdict()
    ambiguous = False
    year: int | None
    if groups["iso_y"] is not None:
        year, month, day = int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"])
    elif groups["dmy_d"] is not None:
        day, month = int(groups["dmy_d"]), int(groups["dmy_m"])
        raw_year = groups["dmy_y"]
        year = int(raw_year) if len(raw_year) == 4 else 2000 + int(raw_year)
        if day <= 12 and month <= 12 and day != month:
            ambiguous = True  # 03/04/2025: read day first, as in Vietnamese and British text
    else:
        month = _month(groups["dm_m"])
        day = int(groups["dm_d"])
        year = int(groups["dm_y"]) if groups["dm_y"] else None
    checked = _checked_date(year, month, day)
    if checked is None:
        return None
    return checked[0], checked[1], ambiguous


def _url_tokens(text: str, lowered: str) -> list[tuple[int, int]]:
    """Spans of the whitespace-free tokens that hold a URL, e-mail address or domain."""
    if not any(hint in lowered for hint in patterns.URL_HINTS):
        return []  # the common case, decided by a few substring tests
    spans: list[tuple[int, int]] = []
    for hint in patterns.URL_HINT.finditer(lowered):
        if spans and hint.start() < spans[-1][1]:
            continue
        left = hint.start()
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        right = hint.end()
        while right < len(text) and not text[right].isspace():
            right += 1
        spans.append((left, right))
    return spans
