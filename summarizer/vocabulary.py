"""One vocabulary of units, currencies, scales, qualifiers and change words.

The number extractor, the domain models, the cross-checker, the review corrections and
the evaluation all read this module, so that whatever the extractor can emit the domain
accepts, and a record's scale word is judged by the same table that read the source.

Units (see docs/crosscheck.md, "Units"):

- an ISO 4217 code, current or withdrawn (``USD``, ``FRF``, ``SUR``);
- ``percent`` and ``percentage_point``;
- ``times`` (multiples: "doubled" = 2), ``fraction`` ("one-third" = 0.3333), ``ratio``
  ("three-to-one" = 3) and ``rank`` ("the second-biggest buyer" = 2);
- a counted noun in lower case (``provinces``, ``tonnes``, ``years``; ``index points`` for
  an index level);
- a compound ``A per B`` of the above (``USD per tonne``, ``barrels per day``,
  ``VND per USD``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Final

import pycountry


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list: long word lists stay readable as one string.

    The one home for this spelling of a word list; `summarizer.numbers.lexicon` uses it too.
    """
    return frozenset(text.split())


# --------------------------------------------------------------------------- enums


class Direction(StrEnum):
    up = "up"
    down = "down"
    flat = "flat"


class Qualifier(StrEnum):
    over = "over"
    more_than = "more_than"
    at_least = "at_least"
    about = "about"
    nearly = "nearly"
    almost = "almost"
    under = "under"
    less_than = "less_than"
    up_to = "up_to"


# --------------------------------------------------------------------------- currencies

WITHDRAWN_CURRENCY_CODES: Final[frozenset[str]] = word_set(
    "ADP AFA ALK AOK AON AOR ARA ARP ATS AZM BEF BGL BOP BRB BRC BRE BRN BRR BYB BYR "
    "CSD CSK CYP DDM DEM ECS ECU EEK ESP FIM FRF GHC GRD GWP HRD HRK IEP ILP ILR ISJ ITL "
    "LTL LUF LVL MGF MLF MTL MZM NLG PEI PES PLZ PTE ROL RUR SDD SIT SKK SRG SUR TJR "
    "TMM TPE TRL UAK VEB VEF VNN XEU YDD YUD YUM YUN ZMK ZRN ZRZ ZWD ZWN ZWR"
)
"""ISO 4217 list three: codes of withdrawn currencies (1987 wire copy quotes francs)."""

ISO_CURRENCY_CODES: Final[frozenset[str]] = (
    frozenset(c.alpha_3 for c in pycountry.currencies) | WITHDRAWN_CURRENCY_CODES
)

CURRENCY_LINEAGES: Final[tuple[frozenset[str], ...]] = (
    frozenset(("SUR", "RUR", "RUB")),
    frozenset(("TRL", "TRY")),
    frozenset(("ROL", "RON")),
    frozenset(("PLZ", "PLN")),
    frozenset(("BGL", "BGN")),
    frozenset(("MZM", "MZN")),
    frozenset(("GHC", "GHS")),
    frozenset(("VEB", "VEF", "VES")),
    frozenset(("YUM", "RSD", "CSD")),
    frozenset(("XEU", "ECU", "EUR")),
    frozenset(("ZMK", "ZMW")),
    frozenset(("GHC", "GHS")),
)
"""Redenominated currencies written with one word: "roubles" is SUR in 1987, RUB today."""

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
    "Rp.": "IDR",
    "Rp": "IDR",
    "RM": "MYR",
}
"""Symbols written before the digits ("US$1.35 billion"); a bare "$" is read as USD."""

AMBIGUOUS_SYMBOLS: Final[dict[str, str]] = {
    "¥": "¥ is written for both yen (JPY) and yuan (CNY); read as JPY",
    "$": "a bare $ is read as US dollars",
}

WRITTEN_CURRENCY_CODES: Final[frozenset[str]] = word_set(
    "USD EUR GBP JPY CNY KRW INR RUB AUD CAD CHF HKD SGD THB MYR IDR PHP TWD LAK KHR MMK "
    "BRL MXN ZAR SEK NOK DKK NZD SAR AED VND"
)
"""Upper-case codes the extractor recognises before or after a number ("36.3 billion USD")."""

CODE_ALIASES: Final[dict[str, str]] = {"RMB": "CNY"}

CURRENCY_WORDS: Final[dict[str, str]] = {
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
    "taiwan dollar": "TWD",
    "taiwan's dollar": "TWD",
    "taiwan dlrs": "TWD",
    "new taiwan dollars": "TWD",
    "hong kong dollar": "HKD",
    "singapore dollar": "SGD",
    "new zealand dollar": "NZD",
    "korean won": "KRW",
    "south korean won": "KRW",
    "chinese yuan": "CNY",
    "japanese yen": "JPY",
    "vietnamese dong": "VND",
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
    "schillings": "ATS",
    "drachmas": "GRD",
    "escudos": "PTE",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "pesos": "MXN",
    "peso": "MXN",
    "riyal": "SAR",
    "riyals": "SAR",
    "kip": "LAK",
    "riel": "KHR",
    "kyat": "MMK",
    "forints": "HUF",
    "forint": "HUF",
    "zlotys": "PLN",
    "zloty": "PLN",
    "egyptian pounds": "EGP",
    "egyptian pound": "EGP",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "saudi riyals": "SAR",
    "rand": "ZAR",
    "shekels": "ILS",
    "dinars": "KWD",
    "dinar": "KWD",
    "lei": "RON",
    "kronor": "SEK",
    "crowns": "SEK",
    "kwacha": "ZMW",
    "shillings": "KES",
    "shilling": "KES",
    "naira": "NGN",
    "cedis": "GHS",
    "cedi": "GHS",
    "birr": "ETB",
    "dirhams": "AED",
    "dirham": "AED",
    "taka": "BDT",
    "kina": "PGK",
    "tugrik": "MNT",
    "tenge": "KZT",
    "reais": "BRL",
    "soles": "PEN",
    "bolivars": "VES",
}
"""Currency names written after the number ("290 mln dlrs", "1.5 billion stg").

Withdrawn currencies (francs, marks, lire, guilders, pesetas) map to their historic
ISO 4217 codes (FRF, DEM, ITL, NLG, ESP); "roubles" reads as RUB and matches SUR, its
Soviet predecessor, through `CURRENCY_LINEAGES`.
"""

NATIONAL_CURRENCIES: Final[dict[str, dict[str, str]]] = {
    "dinar": {
        "jordan": "JOD",
        "kuwait": "KWD",
        "iraq": "IQD",
        "bahrain": "BHD",
        "tunisia": "TND",
        "algeria": "DZD",
        "libya": "LYD",
        "serbia": "RSD",
        "yugoslavia": "YUM",
    },
    "peso": {
        "mexico": "MXN",
        "argentina": "ARS",
        "chile": "CLP",
        "colombia": "COP",
        "philippines": "PHP",
        "cuba": "CUP",
        "uruguay": "UYU",
        "bolivia": "BOB",
    },
    "rupee": {
        "india": "INR",
        "pakistan": "PKR",
        "lanka": "LKR",
        "nepal": "NPR",
        "mauritius": "MUR",
        "seychelles": "SCR",
    },
    "shilling": {"kenya": "KES", "uganda": "UGX", "tanzania": "TZS", "somalia": "SOS"},
    "kwacha": {"zambia": "ZMW", "malawi": "MWK"},
    "franc": {
        "france": "FRF",
        "switzerland": "CHF",
        "belgium": "BEF",
        "luxembourg": "LUF",
        "rwanda": "RWF",
        "burundi": "BIF",
        "guinea": "GNF",
        "madagascar": "MGF",
    },
    "riyal": {"saudiarabia": "SAR", "qatar": "QAR", "oman": "OMR", "yemen": "YER"},
    "krona": {"sweden": "SEK", "iceland": "ISK"},
    "krone": {"denmark": "DKK", "norway": "NOK"},
    "dirham": {"unitedarabemirates": "AED", "morocco": "MAD"},
}
"""Currency words several countries use, by the country (as `summarizer.countries` folds
it) whose currency the word is: "902 mln dinars" in a text about Jordan is JOD. A text
that names none of them keeps the word's entry in `CURRENCY_WORDS`. "Pounds" is left to
"Egyptian pounds"-like names (`SHARED_CURRENCY_WORDS`): British copy names many countries."""

SUBUNIT_WORDS: Final[dict[str, tuple[str, Decimal]]] = {
    "cents": ("USD", Decimal("0.01")),
    "cent": ("USD", Decimal("0.01")),
    "us cents": ("USD", Decimal("0.01")),
    "pence": ("GBP", Decimal("0.01")),
    "sen": ("MYR", Decimal("0.01")),
}
"""Currency subunits after a number: "75 cents per barrel" is 0.75 USD per barrel."""

SHARED_CURRENCY_WORDS: Final[frozenset[str]] = word_set("pound pounds franc francs")
"""Currency words several countries use: after "Egyptian pounds" a bare "pounds" in the
same text is EGP, after "Swiss francs" a bare "francs" is CHF."""

AMBIGUOUS_CURRENCY_WORDS: Final[frozenset[str]] = word_set("won mark marks pound dong real kip")
"""Currency words that are also plain English ("won", "the 800 billion mark")."""

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
    "trillions": Decimal(10**12),
    "quadrillion": Decimal(10**15),
    "mln": Decimal(10**6),
    "mn": Decimal(10**6),
    "bln": Decimal(10**9),
    "bn": Decimal(10**9),
    "trln": Decimal(10**12),
    "trn": Decimal(10**12),
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


def scale_multiplier(word: str | None) -> Decimal | None:
    """The power of ten a scale word (or two, "nghìn tỷ") stands for; None if unknown."""
    if not word:
        return None
    factor = Decimal(1)
    parts = word.strip().rstrip(".").split()
    if not parts:
        return None
    for part in parts:
        found = SCALE_WORDS.get(part.lower(), ATTACHED_SCALES.get(part))
        if found is None:
            found = ATTACHED_SCALES.get(part.lower())
        if found is None:
            return None
        factor *= found
    return factor


# --------------------------------------------------------------------------- units

PERCENT: Final = "percent"
POINTS: Final = "percentage_point"
TIMES: Final = "times"
FRACTION: Final = "fraction"
RATIO: Final = "ratio"
RANK: Final = "rank"
INDEX_POINTS: Final = "index points"
"""The unit of an index level ("the volume index rose to 131.0"), a counted noun; the
base year belongs to what the figure measures, not to the unit."""
DIMENSIONLESS_UNITS: Final[frozenset[str]] = frozenset((TIMES, FRACTION, RATIO, RANK))
"""Units of numbers that measure no thing: multiples, fractions, ratios, ranks."""

DURATION_WORDS: Final[dict[str, tuple[str, int]]] = {
    "decade": ("years", 10),
    "decades": ("years", 10),
    "century": ("years", 100),
    "centuries": ("years", 100),
    "fortnight": ("weeks", 2),
    "fortnights": ("weeks", 2),
}
"""Durations counted in a larger word: "two decades" is 20 years."""

UNIT_ALIASES: Final[dict[str, str]] = {
    "%": PERCENT,
    "per cent": PERCENT,
    "percentage": PERCENT,
    "pct": PERCENT,
    "percentage point": POINTS,
    "percentage points": POINTS,
    "percentage_points": POINTS,
    "points": POINTS,
    "pp": POINTS,
    "ppt": POINTS,
    "multiple": TIMES,
    "fold": TIMES,
    "x": TIMES,
    "share": FRACTION,
    "ranking": RANK,
    "place": RANK,
    "position": RANK,
    "bpd": "barrels per day",
    "b/d": "barrels per day",
    "barrels a day": "barrels per day",
    "barrels per day": "barrels per day",
    "tpy": "tonnes per year",
    "mt": "tonnes",
    "metric tons": "tonnes",
    "metric tonnes": "tonnes",
    "tons": "tonnes",
    "ton": "tonnes",
    "tonne": "tonnes",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kgs": "kg",
}
"""Other spellings of units (gold files, model output, abbreviations in the source)."""

_NOUN: Final = re.compile(r"^[a-z][a-z \-']{0,40}$")
_CODE: Final = re.compile(r"^[A-Z]{3}$")


class UnitClass(Enum):
    currency = "currency"
    percent = "percent"
    points = "percentage_point"
    times = "times"
    fraction = "fraction"
    ratio = "ratio"
    rank = "rank"
    compound = "compound"
    noun = "noun"
    none = "none"


_SPECIAL_CLASSES: Final[dict[str, UnitClass]] = {
    PERCENT: UnitClass.percent,
    POINTS: UnitClass.points,
    TIMES: UnitClass.times,
    FRACTION: UnitClass.fraction,
    RATIO: UnitClass.ratio,
    RANK: UnitClass.rank,
}


def canonical_unit(unit: str) -> str:
    """The one spelling of a unit: aliases resolved, "A a B"/"A/B" written "A per B".

    Currency words inside a compound become codes ("dollars per tonne" -> "USD per tonne").
    Unknown words are returned as written (trimmed, spaces collapsed).
    """
    text = " ".join(unit.strip().split())
    lowered = text.lower()
    if lowered in UNIT_ALIASES:
        return UNIT_ALIASES[lowered]
    if text in CODE_ALIASES:
        return CODE_ALIASES[text]
    for joiner in (" per ", " a ", " an ", "/", " to the ", " to one ", " for each "):
        if joiner in lowered and lowered not in CURRENCY_WORDS:
            left, _, right = lowered.partition(joiner)
            if left and right:
                return f"{_unit_part(left)} per {_unit_part(right)}"
    return text


def _unit_part(word: str) -> str:
    word = word.strip()
    upper = word.upper()
    if upper in ISO_CURRENCY_CODES or upper in CODE_ALIASES:
        return CODE_ALIASES.get(upper, upper)
    if word in CURRENCY_WORDS:
        return CURRENCY_WORDS[word]
    if word in UNIT_ALIASES:
        return UNIT_ALIASES[word]
    return word


def compound_parts(unit: str) -> tuple[str, str] | None:
    """("USD", "tonne") for "USD per tonne"; None for a simple unit."""
    left, sep, right = unit.partition(" per ")
    if not sep or not left or not right:
        return None
    return left, right


def _simple_unit_ok(unit: str) -> bool:
    if unit in _SPECIAL_CLASSES:
        return True
    if _CODE.match(unit):
        return unit in ISO_CURRENCY_CODES
    return bool(_NOUN.match(unit))


def validate_unit(unit: str) -> str:
    """A unit of the vocabulary (see the module docstring), or ValueError saying which."""
    parts = compound_parts(unit)
    if parts is not None and all(_simple_unit_ok(p) for p in parts):
        return unit
    if parts is None and _simple_unit_ok(unit):
        return unit
    if _CODE.match(unit):
        raise ValueError(f"unit {unit!r} is not an ISO 4217 currency code (e.g. USD, VND, FRF)")
    raise ValueError(
        f"unit {unit!r} must be an ISO 4217 code (USD), 'percent', 'percentage_point', "
        "'times', 'fraction', 'ratio', 'rank', a lower-case counted noun such as "
        "'provinces', or a compound such as 'USD per tonne'"
    )


def unit_class(unit: str | None) -> UnitClass:
    """Which family a unit belongs to; counted nouns are lower-case words."""
    if not unit:
        return UnitClass.none
    if unit in _SPECIAL_CLASSES:
        return _SPECIAL_CLASSES[unit]
    if compound_parts(unit) is not None:
        return UnitClass.compound
    if _CODE.match(unit):
        return UnitClass.currency
    return UnitClass.noun


def same_currency(a: str, b: str) -> bool:
    """One currency, or a currency and its redenominated successor (SUR and RUB)."""
    if a == b:
        return True
    return any(a in lineage and b in lineage for lineage in CURRENCY_LINEAGES)


def noun_stem(word: str) -> str:
    """A crude singular form of the head noun: 'northern provinces' -> 'province',
    'memoranda of understanding' -> 'memoranda' (the head stands before "of")."""
    phrase = word.strip().lower().split(" of ")[0]
    head = phrase.split()[-1] if phrase.strip() else ""
    head = head.strip("-'")
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith(("sses", "xes", "ches", "shes")):
        return head[:-2]
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def units_agree(a: str, b: str) -> bool:
    """Two units name the same thing: one spelling, one currency lineage or one noun stem."""
    a, b = canonical_unit(a), canonical_unit(b)
    if a == b:
        return True
    class_a, class_b = unit_class(a), unit_class(b)
    if class_a is not class_b:
        return False
    if class_a is UnitClass.currency:
        return same_currency(a, b)
    if class_a is UnitClass.noun:
        return noun_stem(a) == noun_stem(b)
    if class_a is UnitClass.compound:
        pa, pb = compound_parts(a), compound_parts(b)
        assert pa is not None and pb is not None
        return units_agree(pa[0], pb[0]) and units_agree(pa[1], pb[1])
    return a.lower() == b.lower()


# --------------------------------------------------------------------------- qualifiers

QUALIFIER_WORDS: Final[dict[str, Qualifier]] = {
    "more than": Qualifier.more_than,
    "greater than": Qualifier.more_than,
    "upwards of": Qualifier.more_than,
    "in excess of": Qualifier.more_than,
    "more than just": Qualifier.more_than,
    "at least": Qualifier.at_least,
    "no less than": Qualifier.at_least,
    "not less than": Qualifier.at_least,
    "a minimum of": Qualifier.at_least,
    "over": Qualifier.over,
    "above": Qualifier.over,
    "just over": Qualifier.over,
    "well over": Qualifier.over,
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
    "limited to": Qualifier.up_to,
    "capped at": Qualifier.up_to,
}
"""Hedges written just before a number; the mention's span includes them ("over 95%")."""

QUALIFIER_SYNONYMS: Final[dict[str, Qualifier]] = {
    "topped": Qualifier.over,
    "exceeded": Qualifier.over,
    "exceeding": Qualifier.over,
    "surpassed": Qualifier.over,
    "passed": Qualifier.over,
    "approx": Qualifier.about,
    "approximate": Qualifier.about,
    "circa": Qualifier.about,
    "est": Qualifier.about,
    "at_most": Qualifier.up_to,
    "at most": Qualifier.up_to,
    "maximum": Qualifier.up_to,
    "minimum": Qualifier.at_least,
}
"""Verbs and labels that hedge like a qualifier; used to read gold and model output."""

RATE_NOUNS: Final[frozenset[str]] = word_set(
    "tax taxes tariff tariffs duty duties levy levies surcharge surcharges stake stakes vat "
    "commission discount"
)
"""Nouns a percentage before them is the rate of: "dropping 50 pct sales tax", "the 25
percent tariffs" (a level, whatever verb governs the phrase)."""

PHRASAL_OVER_VERBS: Final[frozenset[str]] = word_set(
    "hand hands handed handing take takes took taken taking turn turns turned turning "
    "pass passes passing win wins won winning sign signs signed signing"
)
"""Verbs whose "over" is a particle, not a hedge: "handing over 11 letters", "took over
two firms" (the number is exact)."""

PHRASAL_UP_VERBS: Final[frozenset[str]] = word_set(
    "make makes made making take takes took taken taking set sets setting add adds added adding"
)
"""Verbs whose "up" is a particle, not a rise: "exports to the US made up 30 percent of
the total" is a share, "took up 20 percent" a level; "added up to 22,201bn yen" is a sum,
not a hedge "up to"."""


def qualifier_from_word(word: str) -> Qualifier | None:
    """The qualifier a word or label stands for ("roughly" -> about), else None."""
    key = " ".join(word.strip().lower().replace("-", " ").split())
    if key in Qualifier.__members__:
        return Qualifier(key)
    underscored = key.replace(" ", "_")
    if underscored in Qualifier.__members__:
        return Qualifier(underscored)
    return QUALIFIER_WORDS.get(key) or QUALIFIER_SYNONYMS.get(key)


# --------------------------------------------------------------------------- change words

UP_WORDS: Final[frozenset[str]] = word_set(
    "up rise rises rising risen rose increase increased increases increasing "
    "grow grows growing grew grown growth gain gains gained gaining jump jumps "
    "jumped jumping climb climbed climbing climbs surge surged surging surges soar soared "
    "soaring expand expanded expanding expansion boost boosted boosting raise raised "
    "hike hiked advance advanced higher up-tick uptick widen widened widening widens "
    "rebound rebounded recover recovered appreciate appreciated appreciating lift lifted "
    "lifting lifts "
    "strengthen strengthened double doubled doubling triple tripled "
    "tripling quadrupled spike spiked rocket rocketed balloon ballooned tăng"
)

DOWN_WORDS: Final[frozenset[str]] = word_set(
    "down fall falls falling fell fallen decrease decreased decreases decreasing "
    "decline declined declines declining drop dropped drops dropping slip slipped "
    "slipping slips slide slid sliding slides lower reduce reduced reduces reducing "
    "reduction cut cuts cutting slash slashed slashing trim trimmed trimming shrink shrank "
    "shrunk shrinking shrinks contract contracted contracting contraction plunge plunged "
    "plunging plummet plummeted tumble tumbled dip dipped dips ease eased easing eases "
    "lose loses losing lost loss losses narrow narrowed narrowing narrows slump slumped slumping "
    "halve halved halving sink sank sunk dive dived depreciate depreciated depreciating "
    "devalue devalued devaluation depreciation weaken weakened cutback cutbacks "
    "retreat retreated subtract subtracted subtracting subtracts knocked shaved wiped "
    "giảm"
)
LEVEL_QUALIFIERS: Final[frozenset[Qualifier]] = frozenset((Qualifier.under,))
"""Hedges that make a figure a threshold: "the rate dipped below 1,100 won" is a level
the rate moved under, not a fall of 1,100 won."""

FLAT_WORDS: Final[frozenset[str]] = word_set("unchanged flat steady stable")

COMPARATIVE_UP_WORDS: Final[frozenset[str]] = word_set(
    "higher more stronger dearer costlier bigger larger wider"
)
COMPARATIVE_DOWN_WORDS: Final[frozenset[str]] = word_set(
    "lower less fewer weaker cheaper smaller narrower"
)
"""Comparatives that make the number before them a change: "a cent and a half weaker than"."""

AFTER_UP_WORDS: Final[frozenset[str]] = COMPARATIVE_UP_WORDS | word_set(
    "up growth increase rise gain jump hike surge rebound expansion"
)
AFTER_DOWN_WORDS: Final[frozenset[str]] = COMPARATIVE_DOWN_WORDS | word_set(
    "down reduction decline decrease drop fall cut cutback loss plunge slump slide dip contraction"
)
"""Words right after a figure that make it a change ("15 pct up on", "10 per cent growth",
"a cent and a half weaker than before")."""

DIRECTION_WORDS: Final[dict[str, Direction]] = {
    **dict.fromkeys(UP_WORDS, Direction.up),
    **dict.fromkeys(DOWN_WORDS, Direction.down),
    **dict.fromkeys(FLAT_WORDS, Direction.flat),
}
"""Words that turn a nearby figure into a change, with the sign they carry."""

AFTER_DIRECTION_WORDS: Final[dict[str, Direction]] = {
    **dict.fromkeys(AFTER_UP_WORDS, Direction.up),
    **dict.fromkeys(AFTER_DOWN_WORDS, Direction.down),
}

MULTIPLE_VERBS: Final[dict[str, Decimal]] = {
    verb: value
    for verbs, value in (
        (word_set("double doubled doubles doubling"), Decimal(2)),
        (word_set("triple tripled triples tripling trebled trebling"), Decimal(3)),
        (word_set("quadruple quadrupled quadruples quadrupling"), Decimal(4)),
        (word_set("halve halved halves halving"), Decimal("0.5")),
    )
    for verb in verbs
}
"""Verbs that state a multiple: "trade doubled" is a change of 2 times."""

FOLD_WORDS: Final[dict[str, Decimal]] = {
    "twofold": Decimal(2),
    "two-fold": Decimal(2),
    "threefold": Decimal(3),
    "three-fold": Decimal(3),
    "fourfold": Decimal(4),
    "four-fold": Decimal(4),
    "fivefold": Decimal(5),
    "five-fold": Decimal(5),
    "sixfold": Decimal(6),
    "six-fold": Decimal(6),
    "sevenfold": Decimal(7),
    "seven-fold": Decimal(7),
    "eightfold": Decimal(8),
    "eight-fold": Decimal(8),
    "ninefold": Decimal(9),
    "nine-fold": Decimal(9),
    "tenfold": Decimal(10),
    "ten-fold": Decimal(10),
}
"""Multiples written as one word: "a threefold rise"."""

SUPERLATIVES: Final[frozenset[str]] = word_set(
    "largest biggest greatest highest leading top most lowest smallest fastest "
    "best worst richest poorest busiest major-largest"
)
"""Words after an ordinal that make it a rank: "second-largest", "third biggest"."""

RANK_PHRASES: Final[frozenset[str]] = word_set(
    "among place position rank ranked ranking spot in-the-world worldwide globally"
)
"""Words after an ordinal that make it a rank: "11th among", "ranked 5th", "third place"."""
