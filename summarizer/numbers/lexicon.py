"""Word lists the number extractor reads: currencies, scales, written numbers, cue words.

Kept apart from the regexes so that adding a currency or a cue word is a one-line data
change; `patterns.py` compiles everything here once, at import.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from summarizer.domain import Direction, Qualifier


def _words(text: str) -> list[str]:
    """Split a space-separated word list (keeps long lists readable)."""
    return text.split()


# --------------------------------------------------------------------------- currencies

CURRENCY_PREFIX_SYMBOLS: Final[dict[str, str]] = {
    "US$": "USD",
    "U.S.$": "USD",
    "HK$": "HKD",
    "S$": "SGD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "NT$": "TWD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₫": "VND",
    "₹": "INR",
    "₩": "KRW",
    "Rs.": "INR",
    "Rs": "INR",
}
"""Symbols written before the digits ("US$1.35 billion"); a bare "$" is read as USD."""

AMBIGUOUS_SYMBOLS: Final[dict[str, str]] = {
    "¥": "¥ is written for both yen (JPY) and yuan (CNY); read as JPY",
    "$": "a bare $ is read as US dollars",
}

CURRENCY_CODES: Final[frozenset[str]] = frozenset(
    _words(
        "USD EUR GBP JPY CNY KRW INR RUB AUD CAD CHF HKD SGD THB MYR IDR PHP TWD LAK KHR MMK "
        "BRL MXN ZAR SEK NOK DKK NZD SAR AED VND"
    )
)
"""Upper-case ISO 4217 codes recognised before or after a number ("36.3 billion USD")."""

CODE_ALIASES: Final[dict[str, str]] = {"RMB": "CNY"}

CURRENCY_WORDS: Final[dict[str, str]] = {
    # Longest, most specific names first is not needed: patterns.py sorts by length.
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dlrs": "USD",
    "u.s. dlr": "USD",
    "us dlrs": "USD",
    "australian dollars": "AUD",
    "australian dlrs": "AUD",
    "canadian dollars": "CAD",
    "canadian dlrs": "CAD",
    "hong kong dollars": "HKD",
    "hong kong dlrs": "HKD",
    "taiwan dollars": "TWD",
    "taiwan dlrs": "TWD",
    "new zealand dollars": "NZD",
    "new zealand dlrs": "NZD",
    "singapore dollars": "SGD",
    "singapore dlrs": "SGD",
    "dollars": "USD",
    "dollar": "USD",
    "dlrs": "USD",
    "dlr": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "won": "KRW",
    "dong": "VND",
    "đồng": "VND",
    "vnd": "VND",
    "stg": "GBP",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rouble": "RUB",
    "rubles": "RUB",
    "ruble": "RUB",
    "swiss francs": "CHF",
    "swiss franc": "CHF",
    "belgian francs": "BEF",
    "belgian franc": "BEF",
    "french francs": "FRF",
    "francs": "FRF",
    "franc": "FRF",
    "marks": "DEM",
    "mark": "DEM",
    "deutsche marks": "DEM",
    "deutschemarks": "DEM",
    "lire": "ITL",
    "lira": "ITL",
    "guilders": "NLG",
    "guilder": "NLG",
    "pesetas": "ESP",
    "peseta": "ESP",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "pesos": "MXN",
    "riyals": "SAR",
    "kip": "LAK",
    "riel": "KHR",
    "kyat": "MMK",
}
"""Currency names written after the number ("290 mln dlrs", "1.5 billion stg").

Withdrawn currencies (francs, marks, lire, guilders, pesetas) map to their historic
ISO 4217 codes (FRF, DEM, ITL, NLG, ESP): 1987 wire copy uses them.
"""

# --------------------------------------------------------------------------- scales

SCALE_WORDS: Final[dict[str, Decimal]] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10**3),
    "thousands": Decimal(10**3),
    "million": Decimal(10**6),
    "millions": Decimal(10**6),
    "billion": Decimal(10**9),
    "billions": Decimal(10**9),
    "trillion": Decimal(10**12),
    "mln": Decimal(10**6),
    "mn": Decimal(10**6),
    "bln": Decimal(10**9),
    "bn": Decimal(10**9),
    "trln": Decimal(10**12),
    "tn": Decimal(10**12),
    "lakh": Decimal(10**5),
    "lakhs": Decimal(10**5),
    "crore": Decimal(10**7),
    "crores": Decimal(10**7),
    "nghìn": Decimal(10**3),
    "ngàn": Decimal(10**3),
    "triệu": Decimal(10**6),
    "tỷ": Decimal(10**9),
    "tỉ": Decimal(10**9),
}
"""Scale words written after a number, with a space or without ("$20bn")."""

ATTACHED_SCALES: Final[dict[str, Decimal]] = {
    "m": Decimal(10**6),
    "k": Decimal(10**3),
    "K": Decimal(10**3),
    "b": Decimal(10**9),
}
"""One-letter scales, only accepted glued to a number that has a currency ("$186.3m")."""

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

# --------------------------------------------------------------------------- cue words

QUALIFIERS: Final[dict[str, Qualifier]] = {
    "more than": Qualifier.more_than,
    "greater than": Qualifier.more_than,
    "upwards of": Qualifier.more_than,
    "in excess of": Qualifier.more_than,
    "at least": Qualifier.at_least,
    "no less than": Qualifier.at_least,
    "not less than": Qualifier.at_least,
    "a minimum of": Qualifier.at_least,
    "over": Qualifier.over,
    "above": Qualifier.over,
    "just over": Qualifier.over,
    "well over": Qualifier.over,
    "more than just": Qualifier.more_than,
    "about": Qualifier.about,
    "around": Qualifier.about,
    "some": Qualifier.about,
    "approximately": Qualifier.about,
    "roughly": Qualifier.about,
    "an estimated": Qualifier.about,
    "estimated": Qualifier.about,
    "nearly": Qualifier.nearly,
    "close to": Qualifier.nearly,
    "just under": Qualifier.nearly,
    "almost": Qualifier.almost,
    "under": Qualifier.under,
    "below": Qualifier.under,
    "less than": Qualifier.less_than,
    "fewer than": Qualifier.less_than,
    "up to": Qualifier.up_to,
    "as much as": Qualifier.up_to,
    "as many as": Qualifier.up_to,
    "no more than": Qualifier.up_to,
    "a maximum of": Qualifier.up_to,
}
"""Hedges written just before a number; the mention's span includes them ("over 95%")."""

DIRECTION_WORDS: Final[dict[str, Direction]] = {
    **dict.fromkeys(
        _words(
            "up rise rises rising risen rose increase increased increases increasing "
            "grow grows growing grew grown growth gain gains gained gaining jump jumps "
            "jumped jumping climb climbed climbing surge surged surging soar soared soaring "
            "expand expanded expanding expansion boost boosted boosting raise raised "
            "hike hiked advance advanced higher up-tick uptick"
        ),
        Direction.up,
    ),
    **dict.fromkeys(
        _words(
            "down fall falls falling fell fallen decrease decreased decreases decreasing "
            "decline declined declines declining drop dropped drops dropping slip slipped "
            "slipping slide slid sliding lower reduce reduced reduces reducing reduction "
            "cut cuts cutting slash slashed slashing trim trimmed trimming shrink shrank "
            "shrunk shrinking contract contracted contraction plunge plunged plunging "
            "plummet plummeted tumble tumbled dip dipped ease eased lose lost loss losses"
        ),
        Direction.down,
    ),
    **dict.fromkeys(_words("unchanged flat steady stable"), Direction.flat),
}
"""Words that turn a nearby figure into a change, with the sign they carry."""

AFTER_DIRECTION_WORDS: Final[dict[str, Direction]] = {
    **dict.fromkeys(
        _words("up higher more growth increase rise gain jump hike"),
        Direction.up,
    ),
    **dict.fromkeys(
        _words("down lower less fewer reduction decline decrease drop fall cut loss"),
        Direction.down,
    ),
}
"""Words right after a figure that make it a change ("15 pct up on", "10 per cent growth")."""

# --------------------------------------------------------------------------- counted nouns

STOPWORDS: Final[frozenset[str]] = frozenset(
    _words(
        "a an the this that these those which who whom whose what of in on at to from for by "
        "with without and or nor but as than per each every last next ago after before since "
        "until while when where said says say is are was were be been being has have had do "
        "does did will would can could may might must shall should not no more less most "
        "over under up down its it their his her our your my between during including "
        "compared against about around into onto upon within across through via worth "
        "respectively year-on-year yoy annually a-year also only just alone so such other "
        "another both all some any many much few several same own new old high low"
    )
)
"""Words that end a counted-noun search: "one of", "two could", "10 of which"."""

NOT_PLURAL: Final[frozenset[str]] = frozenset(
    _words(
        "always perhaps besides whereas afterwards towards sometimes thus plus various "
        "previous famous serious numerous continuous enormous less unless series species "
        "news politics economics basis analysis crisis emphasis status bonus campus "
        "consensus census focus virus gas bus"
    )
)
"""Words ending in "s" that are not plural nouns."""

IRREGULAR_PLURALS: Final[frozenset[str]] = frozenset(
    _words("people children staff personnel police cattle livestock men women")
)

SINGULAR_UNITS: Final[frozenset[str]] = frozenset(
    _words(
        "year month week day hour minute second time tonne ton barrel unit edition session "
        "round term point person member country province city project percent plant "
        "hectare kilometre kilometer km metre meter kg kilogram litre liter cubic "
        "square mile acre vehicle ship case bpd mw gw kwh mwh teu"
    )
)
"""Counted nouns accepted in the singular ("one year", "a 25 year period", "one-week")."""

HYPHEN_UNITS: Final[frozenset[str]] = frozenset(
    _words(
        "year month week day hour minute member seat storey story point nation party "
        "country tonne ton kilometre km mile room bed lane"
    )
)
"""Nouns glued to a number by a hyphen that make a count ("5-year goals", "four-day visit")."""

MEASURE_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        "tonnes tons barrels bpd hectares people workers jobs employees units vehicles cars "
        "households companies enterprises firms projects"
    )
)
"""Plural nouns that make a four-digit integer a count, not a year ("1500 tonnes")."""
