"""Every regular expression of the number extractor, compiled once at import.

The extractor scans text with `CORE` (a number written in digits or words) and then reads
what sits around each hit with small anchored patterns (currency, scale, percent, unit),
so each pattern stays readable and testable on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from summarizer import vocabulary
from summarizer.numbers import lexicon


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "us dollars" wins over "dollars"."""
    escaped = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return "|".join(escaped).replace(r"\ ", r"\s+")


def _month_alternation() -> str:
    """Month names as written in prose (Title case) or in wire headlines (UPPER case)."""
    forms: set[str] = set()
    for name in lexicon.MONTHS:
        forms.add(name.title())
        forms.add(name.upper())
    return _alternation(forms)


_MONTH = _month_alternation()
_YEAR = r"(?:1[89]\d{2}|20\d{2}|21\d{2})"
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"


def _first_letter_trie(words: Iterable[str]) -> str:
    """An alternation grouped by first letter: `re` fails fast on every other letter."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{_alternation(rests)})" for first, rests in sorted(groups.items()))


_SCAN_WORDS = _first_letter_trie(
    [*(set(lexicon.WORD_VALUES) - {"a"}), "half"]
    + [rf"a {w}" for w in ("hundred", "dozen", *lexicon.FRACTIONS, *lexicon.A_SCALES)]
)

_DOMAINS = ("com", "org", "net", "gov", "edu", "vn", "cn", "uk", "int", "info", "io")
URL_HINTS: Final = ("://", "@", "www.", *(f".{d}" for d in _DOMAINS))
URL_HINT: Final = re.compile(rf"://|@|www\.|\.(?:{'|'.join(_DOMAINS)})\b")
"""A URL, e-mail address or bare domain (in lower-cased text); the whitespace-free token
around it is masked, so digits in links are never read as figures."""

# --------------------------------------------------------------------------- scanning

DIGIT_RUN: Final = re.compile(r"\d+")
"""Where to look: every number, date and year holds a digit or a number word."""

MONTH_DATE: Final = re.compile(
    rf"(?P<month>{_MONTH})\b\.?"
    rf"(?:\s+(?P<day>\d{{1,2}}){_DAY_SUFFIX}(?!\d|[,.]\d)(?:,?\s+(?P<year>{_YEAR})(?!\d))?"
    rf"|,?\s+(?P<month_year>{_YEAR})(?!\d|[,.]\d))"
)
"""Month-first dates: "February 22", "Feb. 22, 2023", "June 1982"."""

DIGIT_DATE: Final = re.compile(
    # 2023-02-22
    r"(?<!\d)(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?![\d-])"
    # 27/11/2025, 27.11.2025 (day first; glued to a word is fine: "thương27/11/2025")
    r"|(?<![\d/.])(?P<dmy_d>\d{1,2})(?P<sep>[/.])(?P<dmy_m>\d{1,2})(?P=sep)"
    r"(?P<dmy_y>\d{4}|\d{2})(?![\d/])"
    # 22 February 2023 / 5th of May
    rf"|(?<![\d.,])(?P<dm_d>\d{{1,2}}){_DAY_SUFFIX}\s+(?:of\s+)?(?P<dm_m>{_MONTH})\b\.?"
    rf"(?:,?\s+(?P<dm_y>{_YEAR})(?!\d))?"
)
"""Dates that start with a digit; tried at each digit run before reading a quantity."""

PERIOD: Final = re.compile(
    rf"(?<![\d.,])(?P<y1>{_YEAR})\s?(?P<sep>[-–/])\s?(?P<y2>\d{{4}}|\d{{2}})(?![\d%]|\.\d)"
)
"""Year periods: "2023-25", "Action Plan 2024-2026", fiscal "1987/88"."""

DECADE: Final = re.compile(rf"(?<![\d.,])(?P<y>{_YEAR})'?s\b")
"""Decades such as "the 1990s", kept as years."""

TIME_OR_CODE: Final = re.compile(r"[:/]\d|/[A-Za-zĐđ]")
"""A number followed by ":5" or "/QD" is a clock time or a document code, not a figure."""

# --------------------------------------------------------------------------- numbers

DIGITS: Final = re.compile(
    # 1,350,000.5 | 1.350.000,5 | 1.350,5 | 1,5 | 1350 | 13.5
    r"(?:(?<![\w.,/:])|(?<=[A-Z][A-Za-z]))(?<![A-Za-z]-)(?P<digits>"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]\d)"
    r"|\d{1,3}\.\d{3},\d+(?![\d.,]\d)"
    r"|\d+,\d+(?![\d,]\d)"
    r"|\d+(?:\.\d+)?(?![\d.]\d))"
    r"(?!\d)"
)
"""A number in digits, with thousands separators or a decimal mark."""

HYPHEN_YEAR: Final = re.compile(rf"(?<=[A-Za-z]-)(?P<hyphen_year>{_YEAR})(?![\d\w])")
"""A year glued after a word and a hyphen: "end-1987", "mid-2024"."""

_WRITTEN_UNIT = (
    rf"(?:(?:{_alternation(lexicon.TENS)})(?:-|\s)(?:{_alternation(lexicon.ONES)})\b"
    rf"|(?:{_alternation(lexicon.TENS)})"
    rf"|(?:{_alternation(lexicon.TEENS)})"
    rf"|(?:{_alternation(lexicon.ONES)}))"
)
_WRITTEN = (
    rf"(?:(?:{_WRITTEN_UNIT}|a)\s+hundred(?:\s+(?:and\s+)?{_WRITTEN_UNIT})?"
    rf"|a\s+dozen|a(?=\s+(?:{_alternation(lexicon.A_SCALES)})\b)|{_WRITTEN_UNIT})"
)
_FRACTION_WORD = _alternation(lexicon.FRACTIONS)
_FIRST_LETTERS = "".join(
    sorted(
        {w[0] for w in (*lexicon.WORD_VALUES, "half")} | {w[0].upper() for w in lexicon.WORD_VALUES}
    )
)

WORD_HINT: Final = re.compile(rf"\b(?:{_SCAN_WORDS})\b")
"""Fast scan for number words over lower-cased text; `WORDS` then reads each hit."""

WORDS: Final = re.compile(
    rf"\b(?=[{_FIRST_LETTERS}])(?i:"
    # written fractions: two-thirds, one-third, a third of, half a (billion)
    rf"(?P<fraction>(?:{_alternation(lexicon.ONES)}|a)[-\s](?:{_FRACTION_WORD})|half(?:\s+a)?)"
    # written numbers: five, twenty-one, a hundred and fifty, a dozen
    rf"|(?P<written>{_WRITTEN}))\b"
)
"""A number in words: "five", "twenty-one", "a hundred and fifty", "two-thirds"."""

ATTACHED_SUFFIX: Final = re.compile(r"(?P<suffix>st|nd|rd|th|bn|mn|mln|bln|tn|m|k|K|b)(?!\w)")
"""Letters glued to digits that still leave a number: ordinals and short scales."""

# --------------------------------------------------------------------------- around a number

_PREFIX_SYMBOLS = _alternation(vocabulary.CURRENCY_PREFIX_SYMBOLS)
_CODES = _alternation(vocabulary.WRITTEN_CURRENCY_CODES | set(vocabulary.CODE_ALIASES))

CURRENCY_BEFORE: Final = re.compile(
    rf"(?:(?P<symbol>{_PREFIX_SYMBOLS})|\b(?P<code>{_CODES})\s?)\s?$"
)
"""Currency just before a number: "US$1.35", "$ 5", "USD 30", "VND5"."""

SCALE: Final = re.compile(
    rf"(?:\s+|-)?(?P<scale>{_alternation(vocabulary.SCALE_WORDS)})"
    rf"(?:\s+(?P<scale2>{_alternation(('billion', 'tỷ', 'tỉ', 'million', 'triệu'))}))?"
    r"(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
"""A scale word after a number ("1.35 billion", "one-mln", "5,000 nghìn tỷ")."""

_CURRENCY_WORDS = _alternation([*vocabulary.CURRENCY_WORDS, *vocabulary.SUBUNIT_WORDS])
CURRENCY_AFTER: Final = re.compile(
    rf"\s*(?:(?P<code>\b(?:{_CODES})\b)|(?i:(?P<word>\b(?:{_CURRENCY_WORDS})(?![\wÀ-ỹ])))'?)"
)
"""Currency after a number: "36.3 billion USD", "290 mln dlrs", "1.5 billion stg"."""

PERCENT: Final = re.compile(
    r"(?P<points>\s*(?:percentage|pct|per\s?cent(?:age)?)[\s-]+points?\b)"
    r"|(?P<percent>\s?%|\s*(?:percent|per\s?cent|per-cent|pct)\b)",
    re.IGNORECASE,
)
"""Percent or percentage points after a number ("56 percent", "7.44%", "2 pct points")."""

RANGE_JOIN: Final = re.compile(r"\s*(?:-|–|—|to|and)\s*|\s+or\s+", re.IGNORECASE)
"""Between two numbers of a range: "3-5 percent", "350 to 400 mln", "between 33 and 34",
"three or four years"."""

RANGE_CURRENCY: Final = re.compile(rf"\s*(?:{_PREFIX_SYMBOLS}|\b(?:{_CODES})\s?)")
"""The currency repeated before a range's second number: "A$7.17 to A$8.24", "VND5,500-
VND7,000"."""

OPEN_BRACKET: Final = re.compile(r"^\s*\(\s*$")
"""The gap before a conversion in brackets: "1,000 ringgit per tonne (about 250 stg)"."""

COMPARED_BEFORE: Final = re.compile(
    r"\b(?:from|against|versus|vs|compared\s+(?:with|to)|than|to|and|or)"
    r"(?:\s+(?:a|the|its|their)\s+(?:close|level|rate|high|low|peak|record|previous\s+close)"
    r"\s+of)?\s*$",
    re.IGNORECASE,
)
"""Words before a bare number that compare it with a price just named: "... from 20,828",
"up from a close of 43.41"."""

SHARED_SCALE_JOIN: Final = re.compile(r"^\s*(?:and|or|to)\s*$", re.IGNORECASE)
"""Between two numbers that share one scale or unit: "159.4 and 117.1 billion"."""

LEVEL_BEFORE: Final = re.compile(r"\b(?:to|from|at)\s+$", re.IGNORECASE)
"""A word before a number that makes it a level: "rose 1.2 pct to 131.5"."""

INDEX_WORD: Final = re.compile(r"\bindex\b", re.IGNORECASE)

YEAR_OLD: Final = re.compile(r"[\s-]years?[\s-]old\b", re.IGNORECASE)
"""An age after a number: "10 year-old", "45-year-old"."""

TO_OR_FROM: Final = re.compile(r"\s+(?:to|from)\s+", re.IGNORECASE)

ZERO: Final = re.compile(r"\bzero\b")
"""The word zero, in lower-cased text; a figure only when compared ("to zero from 2 pct")."""

SHARES_AT: Final = re.compile(r"\bshares?\s+at\s+$", re.IGNORECASE)
"""Before a price per share: "values the shares at A$7.17"."""

BETWEEN_BEFORE: Final = re.compile(r"\bbetween\s+$", re.IGNORECASE)

HYPHEN_WORD: Final = re.compile(r"-(?P<word>[A-Za-z]+)\b")
"""A word glued by a hyphen after a number: "5-year", "two-way", "four-day"."""

WORD_AFTER: Final = re.compile(r"[ \t]+(?P<word>[A-Za-z](?:[A-Za-z\-]|['’](?=[A-Za-z]))*)")
"""The next word, on the same line, for the counted-noun search."""

# --------------------------------------------------------------------------- cue words

TOKEN: Final = re.compile(r"[\w'’.\-]+")
"""A word (or a code such as "256K") in the look-back for hedges and change words."""

DIRECTION_AFTER: Final = re.compile(
    r"(?i:\s+(?:year[- ]on[- ]year\s+|annual\s+|yearly\s+)?"
    rf"(?P<dir>{_alternation(vocabulary.AFTER_DIRECTION_WORDS)})\b"
    r"(?!\s+(?:from|to|than)\b))"
)
"""A change word after a figure: "15 pct up on 1986", "five pct less", "10 per cent growth"."""

PUNCTUATION: Final = re.compile(r"[.!?:;()\[\]\n]")
"""Candidate clause breaks; a full stop only counts when `is_clause_break` says so."""

LIST_JOIN: Final = re.compile(r"^\s*(?:,\s*)?(?:and|or|,)?\s*$", re.IGNORECASE)
"""The gap between items of a list ("171.9 percent and 7.5 percent")."""

ASPECT_LIST_JOIN: Final = re.compile(
    r"^\s+in\s+(?:value|volume|quantity|real|nominal|[a-z]+\s+terms)(?:\s+terms)?"
    r"\s*(?:,\s*)?(?:and|or|but|while)\s*$",
    re.IGNORECASE,
)
"""The gap between two aspects of one change: "declining 20.7 percent in value and 4
percent in volume"."""

# --------------------------------------------------------------------------- words that are figures

_NUMBER_WORD = _alternation([*lexicon.ONES, *lexicon.TEENS, *lexicon.TENS])

MULTIPLE: Final = re.compile(
    rf"\b(?P<verb>{_alternation(vocabulary.MULTIPLE_VERBS)})\b(?!-digits?\b|[-\s]digits?\b)"
    rf"|\b(?P<fold>{_alternation(vocabulary.FOLD_WORDS)})\b"
    r"|(?<![\w.,])(?P<digits_fold>\d+(?:\.\d+)?)-fold\b",
    re.IGNORECASE,
)
"""A multiple written as a word: "doubled", "halving", "a threefold rise", "10-fold";
"double-digit growth" is a size class, not a multiple."""

RATIO: Final = re.compile(
    rf"\b(?P<a>{_NUMBER_WORD}|\d+(?:\.\d+)?)-to-(?P<b>{_NUMBER_WORD}|\d+(?:\.\d+)?)\b",
    re.IGNORECASE,
)
"""A ratio: "three-to-one", "2-to-1"."""

RANK_WORDS: Final = re.compile(
    rf"\b(?P<ordinal>{_alternation(lexicon.ORDINAL_WORDS)})[-\s]"
    rf"(?P<superlative>{_alternation(vocabulary.SUPERLATIVES)})\b",
    re.IGNORECASE,
)
"""A rank in words: "second-biggest", "fourth largest"."""

_TIME_UNIT = r"(?P<unit>day|week|month|quarter|year|session|term)s?"

_STREAK_WORDS = r"(?:straight|consecutive|successive|running)"

STREAK: Final = re.compile(
    rf"\b(?P<ordinal>{_first_letter_trie(lexicon.ORDINAL_WORDS)})\s+"
    rf"(?P<streak>{_STREAK_WORDS}\s+)?{_TIME_UNIT}\b(?(streak)|\s+in\s+a\s+row\b)"
)
"""A run told by its length: "the third straight month", "a second consecutive year",
"the second year in a row"
(matched in lower-cased text, like `ROLE_RANK`, `LONG_DURATION` and `CURRENCY_NAME`)."""

STREAK_AFTER: Final = re.compile(rf"\s+{_STREAK_WORDS}\s+{_TIME_UNIT}\b", re.IGNORECASE)
"""After a digit ordinal, a run's length: "14th consecutive month"."""

IN_A_PERIOD: Final = re.compile(
    r"\b(?:first\s+time|highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|"
    r"slowest|best|worst|first|record)\b[^.;:!?\n]{0,40}?"
    r"\bin\s+(?:(?:over|more\s+than|nearly|almost|about)\s+)?(?P<one>a|one)\s+"
    r"(?P<unit>year|month|decade|week)\b"
)
"""A superlative's span of time in lower-cased text: "the first deficit in a year" (1
year), "the lowest in more than a decade" (10 years)."""

AMONG_THE: Final = re.compile(
    r"^\s*(?:among|of)\s+(?:the|its|their|these|those)\s+(?:[\d,.]+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]{3,}s)\b[^,;:]*,\s*$",
    re.IGNORECASE,
)
"""A clause that names the set a following count is taken from: "Among the 11 groups of
main consumer goods and services, [nine]"."""

_LATER_ORDINALS = _first_letter_trie(set(lexicon.ORDINAL_WORDS) - {"first"})
NTH_TIME: Final = re.compile(
    rf"\bfor\s+(?:only\s+|just\s+)?(?P<span>(?:a|the)\s+(?P<ordinal>{_LATER_ORDINALS})"
    r"\s+(?:straight\s+|consecutive\s+|successive\s+)?time)\b"
)
"""An occurrence counted by its ordinal in lower-cased text: "raise rates for a fifth time"
(5, unit ``time``); "for the first time" tells no count."""

AND_A_HALF: Final = re.compile(
    rf"\b(?:(?P<whole>{_alternation([*lexicon.ONES, 'a', 'an'])})\s+(?P<unit>"
    r"cents?|penny|pence|percentage\s+points?|points?)\s+and\s+a\s+half"
    r"|half\s+an?\s+(?P<half_unit>cent|penny))\b"
)
"""A subunit or point and a half in lower-cased text: "almost a cent and a half weaker" (0.015
USD), "two points and a half" (2.5 percentage points), "half a cent" (0.005 USD)."""

LONG_DURATION: Final = re.compile(r"\b(?P<unit>day|week|month|year)-long\b")
"""A one-unit duration as an adjective: "a week-long trip", "a year-long campaign"."""

_ROLE = (
    rf"(?:[a-z][\w’'-]*\s+){{0,2}}?(?P<noun>{_first_letter_trie(lexicon.ROLE_NOUNS)})\b(?![-’'\w])"
)

ROLE_RANK: Final = re.compile(
    rf"\b(?:(?P<superlative>{_first_letter_trie(lexicon.BARE_SUPERLATIVES)})"
    rf"|(?P<ordinal>{_first_letter_trie(set(lexicon.ORDINAL_WORDS) - {'first'})}))\s+{_ROLE}"
)
"""A rank told by a role: "the largest trade partner" (1), "its fourth investor" (4)."""

SUPERLATIVE_OF: Final = re.compile(
    rf"\bthe\s+(?P<superlative>{_first_letter_trie(lexicon.BARE_SUPERLATIVES)})"
    r"(?=\s+of\s+(?:the|its|their|all|[a-z]+['’]s)\s)"
)
"""A rank over a set named after it, in lower-cased text: "the largest of the IMF's 184
members" (1)."""

OUT_OF_THE: Final = re.compile(
    r"\s+out\s+of\s+(?:the\s+|a\s+total\s+of\s+)?[\d,]+\s+(?:[a-z-]+\s+){0,3}?"
    r"(?P<noun>[a-z]{3,}s(?:\s+and\s+[a-z]{3,}s)?)\b",
    re.IGNORECASE,
)
"""After a count, the set it is part of: "56 out of the 68 identified trade challenges",
"189 out of the 193 nations and territories"."""

GLUED_MEASURE: Final = re.compile(
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<unit>km|kg|MW|GW|kWh|MWh)\b"
)
"""A measure glued to its number: "the 912km pipeline", "a 600MW plant"."""

MEASURED_NOUN: Final = re.compile(
    r"[ \t]+\d+(?:\.\d+)?-(?:kilo|kg|kilogram|pound|lb|tonne|ton|litre|liter|gallon)\b"
)
"""A measure glued before a counted noun: "2.45 mln 60-kilo bags" counts bags."""

COORDINATED_RANK: Final = re.compile(
    rf"\b(?P<superlative>{_first_letter_trie(lexicon.BARE_SUPERLATIVES)})\s+and\s+"
    rf"(?:most\s+[a-z]+|[a-z]+est)\s+{_ROLE}"
)
"""A rank told by two superlatives of one role: "the largest and most important trading
partner" (1), in lower-cased text like `ROLE_RANK`."""

NUMBERED_RANK: Final = re.compile(
    r"\b(?P<lead>ranked|ranks|rank|ranking|placed|came|finished|stood|remained|became|is|was|"
    r"and|the|its|their)\s+(?P<no>No\.?\s?|number\s)(?P<digits>\d{1,3})\b(?![/.,]?\d|/|-\w)",
    re.IGNORECASE,
)
"""A rank written with "No.": "ranked No.21 among", "and No.7 in Asean", "the No. 1
partner"; "Decree No. 15/2022" is a document number, not a rank."""

NUMBERED_RANK_AFTER: Final = re.compile(
    rf"\s+(?:among\b|in\s+(?:the\s+)?(?:world|region|asean|asia|europe)\b|"
    rf"(?:[a-z]+\s+){{0,2}}(?:{_first_letter_trie(lexicon.ROLE_NOUNS)})\b)",
    re.IGNORECASE,
)
"""After "No. N", words that make it a rank when no rank verb comes before."""

RANKED_WORDS: Final = re.compile(
    rf"\b(?:rank(?:s|ed)?|placed|came|finished)\s+(?P<ordinal>{_alternation(lexicon.ORDINAL_WORDS)})\b"
    r"|\b(?P<number_one>number\s+one)\b",
    re.IGNORECASE,
)
"""A rank stated by a verb or as "number one": "ranks first", "came second"."""

PER_UNIT: Final = re.compile(
    r"\s*(?:(?:a|an|per|each)\s+|/\s?)"
    r"(?P<per>tonne|ton|metric\s+ton|barrel|kg|kilo|kilogram|ounce|oz|litre|liter|gallon|"
    r"bushel|pound|lb|share|head|unit|sq\s?m|square\s+metre|cubic\s+met(?:re|er)|hectare|kwh|mwh|"
    r"person|capita|day|week|month|year|annum)s?\b"
    r"(?!\s+(?:ago|earlier|before|later|back|previously)\b)"
    r"|\s*per\s+(?P<per_noun>(?!cent\b)[a-z]{3,})\b",
    re.IGNORECASE,
)
"""The denominator of a price or rate: "$450 a tonne", "18 dlrs per barrel"."""

_CURRENCY_TRIE = _first_letter_trie(vocabulary.CURRENCY_WORDS)

CURRENCY_NAME: Final = re.compile(rf"\b(?P<word>{_CURRENCY_TRIE})(?![\wÀ-ỹ])")
"""A currency named anywhere, in lower-cased text ("the won", "taiwan's dollar"): the
numerator of an exchange rate written without one ("812.05 against the dollar")."""

CURRENCY_PAIR: Final = re.compile(rf"\b(?P<a>{_CURRENCY_TRIE})-(?P<b>{_CURRENCY_TRIE})\b")
"""A currency pair, in lower-cased text: "the won-dollar exchange rate", "the euro-yen rate"."""

RATE_WORD: Final = re.compile(r"\b(?:rate|rates|exchange)\b", re.IGNORECASE)

AGAINST_CURRENCY: Final = re.compile(
    r"\b(?:against|versus|vs\.?)\s+the\s+"
    rf"(?P<word>{_alternation(vocabulary.CURRENCY_WORDS)})(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
"""A currency quoted against another in the sentence: "the dollar traded against the euro"."""

PER_CURRENCY: Final = re.compile(
    r"\s+(?:to|per|against)\s+(?:the\s+|one\s+|a\s+|each\s+)?"
    r"(?P<per>u\.?s\.?\s+dollar|us\s+dollar|dollar|greenback|usd|euro|eur|yen|yuan|"
    r"pound|sterling|mark|franc)\b",
    re.IGNORECASE,
)
"""An exchange rate: "24,500 dong to the dollar", "145 yen per dollar"."""

PER_LOT: Final = re.compile(
    r"\s+(?:per|for\s+(?:every|each)|against)\s+(?:every\s+)?"
    r"(?P<lot>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|hundred|thousand)\s+"
    r"(?P<per>u\.?s\.?\s+dollars?|dollars?|usd|euros?|eur|yen|jpy|yuan|cny|won|krw|"
    r"pounds?|sterling|tonnes?|tons?|kg|kilos?|kilograms?|litres?|liters?|barrels?|"
    r"cubic\s+met(?:re|er)s?|cu\s?m|m3)\b",
    re.IGNORECASE,
)
"""A rate quoted per lot: "949 won per 100 yen", "$45 per 100 kg" (the value is per one)."""

RATE_NOUN_AFTER: Final = re.compile(
    rf"\s+(?:[a-z]+\s+)?(?:{_alternation(vocabulary.RATE_NOUNS)})\b", re.IGNORECASE
)
"""After a percentage, the noun it is the rate of: "50 pct sales tax", "25 percent tariffs"."""

AND_MONTHS: Final = re.compile(r"\s+and\s+(?P<months>\d{1,2})\s+months?\b")
"""The months of a duration in years and months: "2 years and 8 months"."""

CONVERSION_LINE: Final = re.compile(
    rf"(?P<lhs>{_PREFIX_SYMBOLS})\s?1\s*=\s*(?P<rhs>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"\s*(?:(?P<code>\b(?:{_CODES})\b)|(?i:(?P<word>\b(?:{_CURRENCY_WORDS})\b)))"
)
"""A conversion rate as wire copy states it: "($1 = 4.3940 ringgit)" is 4.394 MYR per USD."""

ANNUALLY: Final = re.compile(
    r"\s+(?:annually|yearly|per\s+annum|annual(?=\s+[a-z]))\b", re.IGNORECASE
)
"""A rate per year said by an adverb, or "annual" before the noun it measures: "400 mln
dlrs annually", "2 mln tonnes yearly", "the USD 1 billion annual target"."""

OF_PER_TIME: Final = re.compile(
    r"\s+of\s+(?:[a-z]+\s+){1,2}(?:a|per|each)\s+(?P<per>day|week|month|year|annum|quarter)\b",
    re.IGNORECASE,
)
"""A rate with the goods named between: "80,000 tonnes of rice per year", "120,000 barrels
of fuel oil a month"."""

ABBREVIATION_AFTER: Final = re.compile(r"[ \t]+(?:[A-Z]\.){2,}(?=\s)")
"""A dotted abbreviation between a number and its noun: "37 U.S. cities"."""

PER_TIME: Final = re.compile(
    r"\s+(?:a|per|each)\s+(?P<per>day|week|month|year|annum|quarter)\b", re.IGNORECASE
)
"""A rate of a counted noun: "2 mln tonnes a year", "474,000 barrels per day"."""

NOUN_BEFORE: Final = re.compile(
    r"(?i:\b(?P<noun>[a-z]+s)\b(?:\s+of\s+(?:[a-z\-]+\s+){0,3}?[a-z\-]+)?)"
    r"\s+(?:rose|fell|grew|increased|decreased|dropped|declined|jumped|climbed|reached|"
    r"totalled|totaled|hit|stood|were|was|amounted|came|surged|slumped)"
    r"(?:\s+(?:to|at|by|of|in\s+at))?\s+(?:some\s+|about\s+|nearly\s+|almost\s+)?$"
)
"""A counted noun standing before the number: "shipments of memory chips rose to six mln"."""

RANK_AFTER: Final = re.compile(
    rf"(?:[-\s](?P<superlative>{_alternation(vocabulary.SUPERLATIVES)})\b"
    rf"|\s+(?:{_alternation(vocabulary.RANK_PHRASES)})\b)",
    re.IGNORECASE,
)
"""After an ordinal, what makes it a rank: "4th-largest", "11th among", "third place"."""
