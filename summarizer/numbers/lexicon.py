"""Word lists only the number extractor reads: written numbers, months, counted nouns.

Currencies, scales, qualifiers and change words are shared with the checker and live in
`summarizer.vocabulary`; `patterns.py` compiles both once, at import.
"""

from __future__ import annotations

from typing import Final

from summarizer.vocabulary import word_set

# --------------------------------------------------------------------------- written numbers

ONES: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: Final[dict[str, int]] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
A_SCALES: Final[tuple[str, ...]] = ("thousand", "million", "billion", "trillion")
"""Scales that "a" counts once: "more than a trillion pounds", "a million people"."""

WORD_VALUES: Final[dict[str, int]] = {**ONES, **TEENS, **TENS, "a": 1, "dozen": 12}

FRACTIONS: Final[dict[str, tuple[int, int]]] = {
    "half": (1, 2),
    "halves": (1, 2),
    "third": (1, 3),
    "thirds": (1, 3),
    "quarter": (1, 4),
    "quarters": (1, 4),
    "fifth": (1, 5),
    "fifths": (1, 5),
    "sixth": (1, 6),
    "sixths": (1, 6),
    "tenth": (1, 10),
    "tenths": (1, 10),
}
"""Denominators of written fractions ("two-thirds" -> 2/3)."""

ORDINAL_WORDS: Final[dict[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
"""Ordinals in words; with a superlative they are ranks ("second-biggest buyer")."""

# --------------------------------------------------------------------------- months

MONTHS: Final[dict[str, int]] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# --------------------------------------------------------------------------- counted nouns

STOPWORDS: Final[frozenset[str]] = word_set(
    "a an the this that these those which who whom whose what of in on at to from for by "
    "with without and or nor but as than per each every last next ago after before since "
    "until while when where said says say is are was were be been being has have had do "
    "does did will would can could may might must shall should not no more less most "
    "over under up down its it their his her our your my between during including "
    "compared against about around into onto upon within across through via worth "
    "respectively year-on-year yoy annually a-year also only just alone so such other among "
    "amongst "
    "another both all some any many much few several same own new old high low"
)
"""Words that end a counted-noun search: "one of", "two could", "10 of which"."""

MONEY_NOUNS: Final[frozenset[str]] = word_set(
    "imports exports sales profits revenues earnings reserves deficits surpluses assets "
    "investments loans funds receipts outlays payments credits debts prices costs taxes "
    "tariffs duties wages savings deposits flows inflows outflows remittances sums "
    "figures numbers totals volumes values turnovers"
)
"""Plural nouns before a bare scaled number that measure money, not a count of things:
"imports reached 4.3 billion" names no counted unit."""

NOT_PLURAL: Final[frozenset[str]] = word_set(
    "always perhaps besides whereas afterwards towards sometimes thus plus various "
    "previous famous serious numerous continuous enormous less unless series species "
    "news politics economics basis analysis crisis emphasis status bonus campus "
    "consensus census focus virus gas bus"
)
"""Words ending in "s" that are not plural nouns."""

RATE_ADJECTIVES: Final[dict[str, str]] = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annual": "year",
}
"""Adjectives before a counted noun that make a rate: "750,000 daily barrels"."""

IRREGULAR_PLURALS: Final[frozenset[str]] = word_set(
    "people children staff personnel police cattle livestock men women memoranda criteria feet"
)

SINGULAR_UNITS: Final[frozenset[str]] = word_set(
    "year month week day hour minute second time tonne ton barrel unit edition session notch level "
    "round term point person member country province city project percent plant "
    "hectare kilometre kilometer km metre meter kg kilogram litre liter cubic "
    "square mile acre vehicle ship case bpd mw gw kwh mwh teu"
)
"""Counted nouns accepted in the singular ("one year", "a 25 year period", "one-week")."""

HYPHEN_UNITS: Final[frozenset[str]] = word_set(
    "year month week day hour minute member seat storey story point nation party "
    "country tonne ton kilometre km mile room bed lane"
)
"""Nouns glued to a number by a hyphen that make a count ("5-year goals", "four-day visit")."""

MEASURE_NOUNS: Final[frozenset[str]] = word_set(
    "tonnes tons barrels bpd hectares people workers jobs employees units vehicles cars "
    "households companies enterprises firms projects"
)
"""Plural nouns that make a four-digit integer a count, not a year ("1500 tonnes")."""

ROLE_NOUNS: Final[frozenset[str]] = word_set(
    "partner market supplier investor lender provider exporter importer buyer seller "
    "producer consumer source destination economy creditor donor customer client "
    "shareholder employer manufacturer maker carmaker automaker bank company firm trader "
    "retailer airline port billionaire contributor recipient holder owner operator "
    "developer insurer miner refiner shipper"
)
"""Singular nouns of a role that a superlative or ordinal ranks: "the largest trade partner"
(rank 1), "fourth investor" (rank 4); a plural ("one of the largest investors") is no rank."""

BARE_SUPERLATIVES: Final[frozenset[str]] = word_set("largest biggest top greatest richest leading")
"""Superlatives that alone rank first ("top trading partner", "the world's leading gas
producer"); "a leading exporter" is one of several (`ROLE_RANK` callers drop "a"/"one"),
and "most" alone does not rank."""

MARK_MONEY_NOUNS: Final[frozenset[str]] = word_set(
    "deficit deficits surplus surpluses loan loans credit credits bond bonds issue "
    "payment payments budget package investment investments fund facility deal order "
    "contract fine profit loss"
)
"""Nouns after "mark" that make it Deutsche marks: "a 300 mln mark deficit" (money),
where "the 800 billion mark" alone is a threshold."""

COUNT_MODIFIERS: Final[frozenset[str]] = word_set("other more new additional further")
"""Words between a number and its counted noun that the search steps over: "four other
firms", "10 more plants", "two new projects" (otherwise "more" and "new" end it)."""

AGED_THINGS: Final[frozenset[str]] = word_set(
    "debt debts loan loans plant plants factory mine company firm business agreement pact "
    "treaty accord deal law ban embargo dispute war conflict policy system tariff quota "
    "regime program programme contract bond bonds reactor ship fleet peg record scheme"
)
"""Things whose age is a duration ("the 10 year-old debt" = 10 years); any other age
("a 45-year-old minister") is a person's, which is never a figure."""
