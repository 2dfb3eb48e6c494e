"""Is a figure right about what its number is? Metric, roles, period, qualifier and kind
compared with the figure's frame (`summarizer.frames`), no model.

- `role_swap`: the metric names the exporter as the importer, or another exporter
  ("exports from Vietnam to Hainan" for "$695.2 million in Hainan's exports").
- `wrong_metric`: a two-way total recorded as a one-way flow or the reverse, or a metric
  whose words belong to another figure's clause and not to this one's.
- `period_mismatch`: the period's year (or "first N months") is not the one in scope.
- `qualifier_mismatch`: a hedge ("over 95%") dropped, flipped or invented.
- `kind_mismatch`: a change recorded as a share or level, a level or share as a change.
- `not_a_figure`: the number is a year, a date, an ordinal inside a proper name ("20th
  Central Committee", "21st edition"), a phone number or page furniture.
- `summary_misattributed`: a summary number said of a metric or year its frame denies.
- `evidence_spliced`: an evidence quote with "..." joins words of two sentences.
Rules and their measured false alarms: docs/crosscheck.md ("Meaning checks").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from summarizer.crosscheck.context import SourceContext
from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.figures import Claim, unit_problem, value_agrees
from summarizer.crosscheck.quantities import is_coarser_rounding, significant_step, written_step
from summarizer.crosscheck.textfold import SOURCES_CACHED
from summarizer.crosscheck.wordmatch import (
    ALIASES,
    DEMONYMS,
    FUNCTION_WORDS,
    Token,
    canonical,
    fold_word,
    stem,
    tokens_of,
    word_list,
)
from summarizer.domain import (
    Discrepancy,
    Figure,
    FigureKind,
    MentionKind,
    NumericMention,
    Qualifier,
    ReasonCode,
    SourceSpan,
    Unverified,
)
from summarizer.frames import Frame, FrameRole, names_a_totals_span, read_period, sentence_spans
from summarizer.vocabulary import units_agree

GENERIC = frozenset(
    {
        "accumulated",
        "adjusted",
        "amount",
        "annual",
        "average",
        "change",
        "combined",
        "compared",
        "conversion",
        "cumulative",
        "current",
        "daily",
        "decline",
        "decrease",
        "dollar",
        "downwardly",
        "drop",
        "duration",
        "equivalent",
        "estimated",
        "expected",
        "fall",
        "far",
        "figure",
        "first",
        "forecast",
        "gain",
        "gross",
        "growth",
        "half",
        "increase",
        "jump",
        "last",
        "length",
        "level",
        "month",
        "monthly",
        "months",
        "net",
        "next",
        "number",
        "on",
        "overall",
        "peak",
        "percent",
        "percentage",
        "period",
        "preliminary",
        "previous",
        "projected",
        "proportion",
        "quarter",
        "rate",
        "record",
        "reported",
        "respectively",
        "revised",
        "rise",
        "seasonally",
        "share",
        "since",
        "so",
        "some",
        "sterling",
        "sum",
        "term",
        "time",
        "total",
        "upwardly",
        "value",
        "volume",
        "whole",
        "y",
        "year",
        "year-on-year",
        "yearly",
        "yoy",
    }
)
"""Words a metric may add or omit without changing what it names."""

SUPPORT_OTHER = 0.67
"""A metric is another figure's when none of its words stand in its own figure's
sentence, the sentence before or its level's words, and another figure's hold at least
two thirds of them."""
SUPPORT_OWN = 0.5
SUPPORT_ELSEWHERE = 1.0
"""Or when, its proper names set aside, less than half of its words stand there and
another figure's (not the same number again, not in the lead) hold all of them. A
metric whose one such word names a measure (`MEASURES`: "remittances" for "workers
sent $2bn home") is left to `Meaning.measure_problem`, which needs the figure's own
words to name another measure: a measure they do not name is often their paraphrase."""
DISTINCT_ELSEWHERE = 2
"""Words of a metric that only another figure's scope holds, enough to say it is that
figure's (one is often a synonym: 'consecutive' for 'straight')."""

_QUALIFIER_GROUPS: dict[Qualifier, str] = {
    Qualifier.over: "above",
    Qualifier.more_than: "above",
    Qualifier.at_least: "above",
    Qualifier.about: "about",
    Qualifier.nearly: "below",
    Qualifier.almost: "below",
    Qualifier.under: "below",
    Qualifier.less_than: "below",
    Qualifier.up_to: "below",
}


# --------------------------------------------------------------------------- flows


@dataclass(frozen=True, slots=True)
class Flow:
    """What a phrase says flows between whom: a two-way total or a one-way export."""

    measure: str | None
    """'trade' (two-way), 'exports' (one-way, imports normalised), 'balance' (surplus,
    deficit), or None."""
    exporter: str | None = None
    importer: str | None = None


_ENTITY = r"([a-z][a-z-]*)"
_PARTNER = r"([a-z][a-z-]*)(?! 's)"
"""A partner after "to"/"from": not a possessive ("to Japan's biggest partner, China")."""
_MEASURES = frozenset({"trade", "export", "exports", "import", "imports", "commerce"})


_DIFFERENCE = re.compile(
    r"\b(?:differences?|gap) between (?:[a-z'-]+ ){0,4}?"
    r"(?:exports?|exported|imports?|imported) and "
    r"(?:[a-z'-]+ ){0,2}?(?:exports?|exported|imports?|imported)\b",
    re.I,
)
"""'The difference between what A exported and imported', 'the gap between US exports and
imports': the balance, not the flows."""
_NOT_COMMERCE = re.compile(r"\b(?:foreign|stock|currency) exchange\b|\bexchange rates?\b", re.I)
"""'Exchange' of currencies or shares ('foreign exchange reserves', 'exchange rate',
'stock exchange'), not an exchange of goods: no trade."""


@lru_cache(maxsize=8192)
def parse_flow(
    phrase: str,
    entities: frozenset[str],
    home: str | None = None,
    parties: frozenset[str] | None = None,
) -> Flow:
    """The flow a metric or noun phrase names; entities are the source's proper names.
    `home` (the article's own country, `home_place`) owns a one-way flow whose phrase
    names no owner ("Exports to all of Asia dropped", "imports rose") unless it is the
    flow's partner: news copy leaves its own country unsaid. `parties` (`trading_parties`)
    are the names that can own a flow after "exports of": goods there ("exports of
    ABC resin") are not an owner."""
    text = _possessives(_NOT_COMMERCE.sub(" currency ", phrase))
    if len(text.split()) > 14:
        return Flow(None)  # a whole sentence, not a noun phrase: no reliable reading
    if re.search(r"\b(?:surplus\w*|deficit\w*|balance|gap|shortfall|imbalance)\b", text):
        return Flow("balance")
    if _DIFFERENCE.search(text):
        return Flow("balance")
    if re.search(
        r"imports?\W{0,3}(?:(?:from|to)\W+)?(?:and|plus|\+|/)?\W*exports?"
        r"|exports?\W{0,3}(?:(?:from|to)\W+)?(?:and|plus|\+|/)?\W*imports?"
        r"|\b(?:exported|imported) (?:and|or) (?:exported|imported)\b",
        text,
    ):
        return Flow("trade")
    one_way = None
    if re.search(r"\bexports?\b|\bexported\b|\bexport\b", text):
        one_way = "exports"
    elif re.search(r"\bimports?\b|\bimported\b", text):
        one_way = "imports"
    if one_way is None:
        if re.search(r"\b(?:trade|two-way|bilateral|exchange|commerce)\b", text):
            return Flow("trade")
        return Flow(None)

    def entity(pattern: str, among: frozenset[str] | None = None) -> str | None:
        for match in re.finditer(pattern, text):
            word = match.group(1)
            named = word in entities and word not in FUNCTION_WORDS and word not in GENERIC
            if named and (among is None or word in among):
                return word
        return None

    noun = r"(?:exports?|exported|export)" if one_way == "exports" else r"(?:imports?|imported)"
    owner = (
        # "the fifth largest export market of China": China's exports go to the holder
        entity(rf"\bexport (?:markets?|destinations?) (?:of|for) (?:the )?{_ENTITY}")
        or entity(rf"{_ENTITY} 's (?:[a-z0-9-]+ ){{0,3}}{noun}\b")  # "'s 10-month export"
        or entity(rf"\b{noun} (?:of|by) (?:the )?{_ENTITY}", parties)
        or entity(rf"\b{_ENTITY} (?:[a-z-]+ )?{noun}\b")
    )
    if one_way == "exports":
        owner = owner or entity(rf"\b{noun} (?:[a-z-]+ ){{0,2}}from (?:the )?{_PARTNER}")
        partner = entity(rf"\b{noun}\b(?: [a-z'-]+){{0,4}}? (?:to|into) (?:the )?{_PARTNER}")
        if owner is None and home is not None and home != partner:
            owner = home
        return Flow("exports", owner, partner)
    partner = entity(rf"\b{noun}\b(?: [a-z'-]+){{0,4}}? from (?:the )?{_PARTNER}")
    if owner is None and home is not None and home != partner:
        owner = home
    return Flow("exports", partner, owner)


_COMPASS = frozenset(word_list("west east north south northern southern eastern western"))


_AMERICA = frozenset(word_list("america american americans"))
_AMERICAS = frozenset(word_list("latin central south north"))


def _in_region(tokens: list[Token], i: int) -> bool:
    """Whether token i is "America(n)" of a region's name ("Latin America", "South
    American"): the region, not the United States that "America" alone names."""
    return (
        tokens[i].folded in _AMERICA
        and i > 0
        and tokens[i - 1].folded in _AMERICAS
        and tokens[i - 1].raw[:1].isupper()
    )


def _possessives(phrase: str) -> str:
    """Folded words with possessives kept as a separate "'s" ("hainan 's exports"); the
    words of capitalised names ("Ministry of Industry and Trade") are masked; a region
    of the Americas is its first word ("latin")."""
    out = []
    tokens = tokens_of(phrase.replace("’", "'"))
    for i, token in enumerate(tokens):
        if i > 0 and token.raw[:1].isupper() and token.folded in _MEASURES:
            out.append("name")
            continue
        if _in_region(tokens, i):
            if token.raw.endswith("'s") or token.raw.endswith("'"):
                out.append("'s")
            continue
        following = tokens[i + 1].raw[:1] if i + 1 < len(tokens) else ""
        next_word = tokens[i + 1].folded if i + 1 < len(tokens) else ""
        if (
            token.folded in _COMPASS
            and token.raw[:1].isupper()
            and following.isupper()
            and next_word not in _AMERICA
        ):
            continue  # "West German exports": the country is the next word
        out.append(canonical(token.folded))
        if token.raw.endswith("'s") or token.raw.endswith("'"):
            out.append("'s")
    return " ".join(out)


def same_party(a: str, b: str) -> bool:
    """One party under two names: equal, or one is a known alias (`wordmatch.ALIASES`) of
    a name the other ends or starts ("png" and "papuanewguinea" ends in "guinea")."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        for alias in ALIASES.get(x, ()):
            if alias == y or alias.endswith(y) or alias.startswith(y):
                return True
    return False


def flow_problem(claimed: Flow, frame: Flow) -> ReasonCode | None:
    """`role_swap`, `wrong_metric` or None (agreeing, or nothing to compare)."""
    if claimed.measure is None or frame.measure is None:
        return None
    if claimed.measure != frame.measure:
        return ReasonCode.wrong_metric
    if claimed.measure != "exports":
        return None
    pairs = (
        (claimed.exporter, frame.importer),
        (claimed.importer, frame.exporter),
        (claimed.exporter, frame.exporter),
        (claimed.importer, frame.importer),
    )
    swapped = any(a and b and same_party(a, b) for a, b in pairs[:2])
    differ = any(a and b and not same_party(a, b) for a, b in pairs[2:])
    return ReasonCode.role_swap if swapped or differ else None


_CALENDAR = frozenset(
    word_list(
        "january february march april may june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday"
    )
)


@lru_cache(maxsize=SOURCES_CACHED)
def proper_names(text: str) -> frozenset[str]:
    """Folded words the source capitalises inside sentences and never writes in lower
    case (Hainan, Vietnam, Guangxi), plus countries of demonyms; months excluded."""
    upper: set[str] = set()
    lower: set[str] = set()
    for start, end in sentence_spans(text):
        for i, token in enumerate(tokens_of(text[start:end])):
            if token.raw[:1].isupper():
                if i > 0:
                    upper.add(token.folded)
            elif token.raw[:1].isalpha():
                lower.add(token.folded)
    names = {canonical(w) for w in upper - lower - FUNCTION_WORDS - _CALENDAR}
    return frozenset(names - GENERIC)


@lru_cache(maxsize=SOURCES_CACHED)
def home_place(text: str) -> str | None:
    """The article's own country: the first trading party (`places`) its headline names
    (the first line after a "date" header); when the headline names none or is in capitals
    (then capitals do not mark names: "EUROPEAN COMMUNITY TO SET UP OFFICE"), the first
    country (or demonym) its lead sentence names after the dateline ("TAIPEI, March 3 -
    Taiwan's textile exports ...", "Colombian finance minister ..."). None when neither
    names one."""
    sentences = sentence_spans(text)
    lines = [text[a:b] for a, b in sentences[:3] if not re.match(r"date\s+\d", text[a:b])]
    parties = places(text)
    for line in lines[:1] if lines and lines[0].upper() != lines[0] else []:
        named = _parties_in(line, parties)
        if named:
            if _owned_flows(text, named[0]) == 0:
                owning = [p for p in named[1:] if _owned_flows(text, p) >= _OWNS_ITS_TRADE]
                if owning:
                    return owning[0]
            return named[0]
    if len(lines) > 1:  # a headline in capitals, or naming no place: the lead's first country
        return _first_party(_DATELINE_LEAD.sub("", lines[1]), _COUNTRIES)
    return None


_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .'-]{1,40},[^-–—]{0,30}[-–—]\s*")
""""TAIPEI, March 3 - ": the place a wire story was filed from, not what it is about."""


def _parties_in(line: str, parties: frozenset[str]) -> list[str]:
    """The trading parties a line names, in order, each once."""
    tokens = tokens_of(line)
    named: list[str] = []
    for i, token in enumerate(tokens):
        word = canonical(token.folded)
        if (
            word in parties
            and token.raw[:1].isupper()
            and not _in_region(tokens, i)
            and word not in named
        ):
            named.append(word)
    return named


_OWNED_FLOW = re.compile(
    r"(?P<owner>[A-Z][\w-]*)['’]s\s+(?:[a-z-]+\s+){0,2}?(?:trade|exports?|imports?|shipments|"
    r"surplus|deficit)\b(?![ -](?:partners?|ties|relations|office|minister|promotion))"
)


_OWNS_ITS_TRADE = 2


def _owned_flows(text: str, party: str) -> int:
    """How often the source writes the party's own trade ("Japan's imports", "Japan's
    trade surplus"): a headline naming first a party whose trade the article never gives
    and then one whose trade it gives at least twice ("China now top trader with Japan",
    Japan's figures) is about the second."""
    return sum(canonical(fold_word(m["owner"])) == party for m in _OWNED_FLOW.finditer(text))


def _first_party(line: str, parties: frozenset[str]) -> str | None:
    tokens = tokens_of(line)
    for i, token in enumerate(tokens):
        word = canonical(token.folded)
        if word in parties and token.raw[:1].isupper() and not _in_region(tokens, i):
            return word
    return None


@lru_cache(maxsize=SOURCES_CACHED)
def places(text: str) -> frozenset[str]:
    """Proper names the source uses as trading parties: before "'s", after "in", "to",
    "from", "between", "with" or "and", or in a hyphenated pair ("Vietnam-China")."""
    names = proper_names(text)
    found: set[str] = set()
    pattern = re.compile(
        r"(?:\b(?:in|to|from|between|with|and)\s+(?:the\s+)?([A-Z][\w-]+)|([A-Z]\w+)['’]s\b"
        r"|\b([A-Z]\w+)-[A-Z]\w+|\b[A-Z]\w+-([A-Z]\w+))"
    )
    for match in pattern.finditer(text):
        for group in match.groups():
            if group:
                word = canonical(fold_word(group.split("-")[0]))
                if word in names:
                    found.add(word)
    return frozenset(found)


_COUNTRIES = frozenset(DEMONYMS.values())


@lru_cache(maxsize=SOURCES_CACHED)
def trading_parties(text: str) -> frozenset[str]:
    """Names that can own or receive a flow: the source's `places` and every country
    (`summarizer.countries`), folded; not goods or firms the source capitalises."""
    return places(text) | _COUNTRIES


# --------------------------------------------------------------------------- measures

MEASURES: dict[str, tuple[str, ...]] = {
    "surplus": ("surplus", "surpluses"),
    "deficit": ("deficit", "deficits", "shortfall"),
    "balance": ("balance", "gap", "imbalance"),
    "current account": ("current account",),
    "trade": ("trade", "turnover", "commerce"),
    "exports": ("export", "exports", "exported", "shipments", "outbound"),
    "imports": ("import", "imports", "imported", "inbound", "purchases"),
    "price": ("price", "prices", "cost", "costs", "paid", "priced"),
    "revenue": ("revenue", "revenues", "sales"),
    "profit": ("profit", "profits", "earnings", "income"),
    "output": ("output", "production", "produced"),
    "national product": ("gnp", "gdp", "gross national product", "gross domestic product"),
    "consumer prices": ("cpi", "inflation", "consumer price", "consumer prices"),
    "investment": ("investment", "investments", "invested", "fdi"),
    "debt": ("debt", "debts", "owed", "loans", "borrowing"),
    "reserves": ("reserves",),
    "exchange rate": ("exchange rate", "exchange rates"),
    "tariff": ("tariff", "tariffs", "duty", "duties"),
    "spending": ("spending", "spent", "spend", "spends", "expenditure", "outlays"),
    "remittances": ("remittances",),
    "jobs": ("jobs", "employment", "unemployment", "jobless"),
    "orders": ("orders",),
    "disbursement": ("disbursement", "disbursed"),
    "deposits": ("deposits",),
    "wages": ("wages", "salaries", "salary"),
}
"""What a figure can measure, each with the words that name it. A metric naming one of
these that its figure's words never write, where those words name another and another
figure's words name the metric's, measures something else (`Meaning.measure_problem`)."""

_MEASURE_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        sorted((re.escape(w) for words in MEASURES.values() for w in words), key=len, reverse=True)
    )
    + r")\b",
    re.I,
)
_MEASURE_OF = {w: measure for measure, words in MEASURES.items() for w in words}
_REMARK = re.compile(r"\([^()]*\)")


def one_way_measures(measures: frozenset[str]) -> frozenset[str]:
    """Exports and imports as one measure: which of them a metric names is `parse_flow`'s
    to judge, with the roles ("China's exports to Vietnam" is "Vietnam's imports from
    China")."""
    if measures & {"exports", "imports"}:
        return (measures - {"exports", "imports"}) | {"one-way flow"}
    return measures


@lru_cache(maxsize=8192)
def measures_of(text: str) -> frozenset[str]:
    """The measures (`MEASURES`) a text names; exports and imports together are trade,
    the difference between them a balance.
    A capitalised word next to another capitalised one belongs to a name ("Ministry of
    Industry and Trade", "Commerce Department") and names no measure."""
    found = {
        _MEASURE_OF[m.group().lower()]
        for m in _MEASURE_WORD.finditer(text)
        if not (m.group()[:1].isupper() and _in_name(text, m.start(), m.end()))
    }
    if _DIFFERENCE.search(text):
        found = (found - {"exports", "imports"}) | {"balance"}
    if {"exports", "imports"} <= found:
        found.add("trade")
    if found & _BALANCES:
        found.discard("trade")  # "trade deficit": the trade names which balance
    return frozenset(found)


_AFTER_CUT = re.compile(
    r"[,;:()]|\b(?:and|or|but|while|from|to|in|of|after|against|compared|with|than|for|on|"
    r"at|by|as|was|were|is|are|rose|fell|up|down|despite|because|due|amid|after|before|"
    r"since|until|which|that|the|a|an)\b",
    re.I,
)
_BALANCES = frozenset({"surplus", "deficit", "balance", "current account"})


def _missing(claimed: frozenset[str], local: frozenset[str]) -> frozenset[str]:
    """Measures of `claimed` that `local` does not name; a neutral "balance"/"gap" may be
    a surplus or a deficit."""
    missing = claimed - local
    if "balance" in local:
        missing -= {"surplus", "deficit"}
    if local & {"surplus", "deficit"}:
        missing -= {"balance"}
    return missing


def _in_name(text: str, start: int, end: int) -> bool:
    before = re.search(
        r"([A-Z][\w'-]*)\s+(?:(?:of|and|for|the)\s+)?$", text[max(0, start - 40) : start]
    )
    after = re.match(r"\s+(?:(?:of|and|for|the)\s+)?[A-Z]", text[end : end + 20])
    return bool(before or after)


def _local_words(frame: Frame) -> str:
    """The words that describe a frame's number: its subject and its window."""
    return " ".join(p.text for p in (frame.subject, frame.window) if p is not None)


# --------------------------------------------------------------------------- units

_HEADS: dict[str, tuple[str, ...]] = {
    "money": (
        "value",
        "worth",
        "revenue",
        "revenues",
        "earnings",
        "profit",
        "profits",
        "price",
        "prices",
        "cost",
        "debt",
        "budget",
        "remittances",
        "spending",
        "assets",
        "reserves",
        "deposits",
        "loans",
    ),
    "quantity": ("volume", "tonnage", "quantity"),
    "time": ("duration", "span", "period"),
    "ratio": ("rate", "share", "proportion", "percentage"),
}
"""What a metric's first head word says its number is: money, a quantity, a time, a
ratio. A number in a unit of another family cannot be it ("941,000 tonnes" is no value,
"1.4 billion USD" no duration, "three billion dlr" no interest rate)."""
_HEAD_WORD = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,2}?("
    + "|".join(w for words in _HEADS.values() for w in words)
    + r")\s+(?:[\w'’-]+\s+)?(?:of|for|in|since|over|on|paid|under|at|payable)\b"
    r"|^(?!.*\bof\b).*\b(debt|budget|remittances|spending|revenues?|profits?|earnings)\W*$",
    re.I,
)
"""The head word of a metric: a head before its of-phrase near the start ("value of
Thailand's rice exports", "period since ..."), or a money noun ending it ("Brazil's
foreign debt")."""
_HEAD_OF = {w: family for family, words in _HEADS.items() for w in words}
_TIME_UNITS = frozenset(
    word_list(
        "years year months month days day weeks week hours quarters decades decade sessions session"
    )
)
"""Units of a span of time; trading sessions are days of a market ("in the past three
sessions")."""


def unit_family(unit: str | None) -> str | None:
    """money (a currency, or a price "USD per tonne"), ratio (percent, points, fraction,
    ratio, times), time, quantity; None when unknown."""
    if not unit:
        return None
    first = unit.split()[0]
    if len(first) == 3 and first.isupper():
        return "money"
    if unit in ("percent", "percentage_point", "fraction", "ratio", "times", "rank"):
        return "ratio"
    if unit in _TIME_UNITS:
        return "time"
    return "quantity"


def unit_unfit(metric: str, unit: str | None) -> str | None:
    """Why a number in `unit` cannot be the metric's (its head word's family differs), or
    None. A ratio (a change, a share) fits any metric: "growth of the value" is a percent."""
    family = unit_family(unit)
    head = _HEAD_WORD.search(_REMARK.sub(" ", metric))
    if family is None or family == "ratio" or head is None:
        return None
    word = (head.group(1) or head.group(2)).lower()
    wanted = _HEAD_OF.get(word, "money")
    if wanted == family:
        return None
    if wanted == "ratio" and family == "money" and " per " in (unit or ""):
        return None  # "USD per tonne" as a rate
    return f"a {word} is not counted in {unit}"


# --------------------------------------------------------------------------- support


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    """Content stems of a text; cached, the same source scopes are compared many times."""
    return frozenset(
        stem(t.folded)
        for t in tokens_of(text)
        if t.folded not in FUNCTION_WORDS and t.folded not in GENERIC and not t.folded.isdigit()
    )


def support(metric: str, scope: str) -> float | None:
    """Share of the metric's content words that the scope holds (None: nothing to judge);
    a scope naming imports and exports names trade."""
    words = _stems(metric)
    if not words:
        return None
    held = _stems(scope)
    if {"import", "export"} <= held:
        held = held | {"trade"}
    return len(words & held) / len(words)


@dataclass(slots=True)
class Meaning:
    """Frames of one source with what the meaning checks need. Everything in it depends
    on the source alone (text, mentions, publication date), so one Meaning serves every
    record checked against that source (`faithful.source_meaning`)."""

    ctx: SourceContext
    frames: dict[str, Frame]
    entities: frozenset[str]
    lead: str = ""
    """The headline (the first line after a "date" header): the article's topic."""
    lead_end: int = 0
    """Where the first three sentences (header, headline, lead) end: figures there
    repeat the body's."""
    _scopes: dict[str, str] = dataclasses.field(default_factory=dict)
    _flows: dict[str, Flow] = dataclasses.field(default_factory=dict)
    _years: dict[str, frozenset[int]] = dataclasses.field(default_factory=dict)
    _candidates: dict[tuple[str, str | None, str], list[NumericMention]] = dataclasses.field(
        default_factory=dict
    )

    @classmethod
    def build(cls, ctx: SourceContext, frames: dict[str, Frame]) -> Meaning:
        lines = [ctx.text[a:b] for a, b in sentence_spans(ctx.text)[:2]]
        lead = next((line for line in lines if not re.match(r"date\s+\d", line)), "")
        spans = sentence_spans(ctx.text)[:3]
        lead_end = spans[-1][1] if spans else 0
        return cls(ctx, frames, proper_names(ctx.text), lead=lead, lead_end=lead_end)

    def scope(self, frame: Frame) -> str:
        """Words describing the frame's number: its sentence, the sentence before, and
        for a change or anaphor the level's words."""
        known = self._scopes.get(frame.mention_id)
        if known is not None:
            return known
        parts = [frame.context]
        if frame.base_id and frame.base_id in self.frames:
            parts.append(self.frames[frame.base_id].scope)
        self._scopes[frame.mention_id] = scope = " ".join(parts)
        return scope

    def subject_flow(self, frame: Frame) -> Flow:
        """The flow of the frame's noun phrase, read on to the number when the phrase names
        none ("the rest was from imports, up 8 percent"); without one, of the words
        just before the number ("imports grew 12.9 percent"), never of words after it."""
        known = self._flows.get(frame.mention_id)
        if known is None:
            known = self._destination_named(frame, self._subject_flow(frame))
            self._flows[frame.mention_id] = known
        return known

    def _destination_named(self, frame: Frame, flow: Flow) -> Flow:
        """ "X exports" whose X the sentence or the one before names as where the home
        country's exports go ("exports to both Borduria and the rest of the world rose.
        Borduria exports rose 2%"): exports to X, not X's. Only for a name (not a
        demonym: "Bordurian exports" are Borduria's) written without "'s"."""
        home = home_place(self.ctx.text)
        owner = flow.exporter
        subject = frame.subject
        if flow.measure != "exports" or owner is None or flow.importer is not None:
            return flow
        if (home is not None and same_party(home, owner)) or subject is None:
            return flow
        raw = next((t for t in tokens_of(subject.text) if canonical(t.folded) == owner), None)
        if raw is None or raw.folded in DEMONYMS or raw.raw.endswith(("'s", "’s", "'", "’")):
            return flow
        if not re.search(
            rf"\b{re.escape(owner)} (?:[a-z-]+ )?exports?\b", _possessives(subject.text)
        ):
            return flow
        before = _possessives(frame.context[: frame.context.rfind(subject.text)])
        for match in re.finditer(
            r"\bexports?\b(?: [a-z'-]+){0,4}? (?:to|into) (?:both )?(?:the )?([a-z-]+)", before
        ):
            if same_party(match.group(1), owner):
                return Flow("exports", home, owner)
        return flow

    def _subject_flow(self, frame: Frame) -> Flow:
        subject = frame.subject
        if subject is None and frame.base_id in self.frames:
            subject = self.frames[frame.base_id].subject
        home = home_place(self.ctx.text)
        parties = trading_parties(self.ctx.text)
        mention = self.ctx.by_id.get(frame.mention_id)
        if subject is not None:
            flow = parse_flow(subject.text, self.entities, home, parties)
            if flow.measure is not None or mention is None or mention.start < subject.end:
                return flow
            # a noun phrase naming no flow ("the remaining"): it and the words up to the number
            words = self.ctx.text[subject.start : mention.start]
            return parse_flow(words, self.entities, home, parties)
        if frame.window is None or mention is None:
            return Flow(None)
        before = self.ctx.text[frame.window.start : mention.start]
        return parse_flow(before, self.entities, home, parties)

    def candidates(self, number: NumericMention) -> list[NumericMention]:
        """Source figures a summary number may be (`_candidates`), remembered per number."""
        key = (str(number.value), number.unit, number.text)
        if key not in self._candidates:
            self._candidates[key] = _candidates(self.ctx, number)
        return self._candidates[key]

    def years(self, frame: Frame) -> frozenset[int]:
        """`years_in_scope`, remembered per frame."""
        known = self._years.get(frame.mention_id)
        if known is None:
            self._years[frame.mention_id] = known = years_in_scope(self, frame)
        return known

    def measure_problem(self, metric: str, frame: Frame) -> str | None:
        """Why the metric names another measure than the frame's, or None: a measure
        (`MEASURES`: profit, price, CPI ...) the metric names stands nowhere in the
        figure's sentence, the sentence before or its level's words, while the words
        describing the number name a different one ("Vingroup revenue" for "its
        post-tax profit, VND7.7 trillion")."""
        claimed = one_way_measures(measures_of(_REMARK.sub(" ", metric)))
        if not claimed:
            return None
        base = self.frames.get(frame.base_id or "")
        local = self._words_before(frame)
        if base is not None:
            local = f"{self._words_before(base)} {local}"
        local_measures = one_way_measures(measures_of(local))
        missing = _missing(claimed, local_measures)
        if not missing:
            return None
        named = local_measures - claimed
        if claimed & _BALANCES:  # "trade" next to a balance names which balance it is
            named -= _BALANCES | {"trade"}
        if local_measures & claimed & _BALANCES == frozenset() and claimed & _BALANCES:
            named |= local_measures & {"surplus", "deficit"}  # a surplus said to be a deficit
        if not named:
            return None
        if not any(
            missing <= one_way_measures(measures_of(_local_words(other)))
            for other in self.frames.values()
            if other.mention_id != frame.mention_id
        ):
            return None  # the metric's own words for it, not another figure's measure
        said = frame.subject.text if frame.subject else frame.clause.text
        return f"{said} (a {', '.join(sorted(named))} figure, not {', '.join(sorted(missing))})"

    def _without_names(self, metric: str) -> str:
        """The metric without the source's proper names ("Brazil's trade surplus" ->
        "trade surplus"): a name says whose, the other words what."""
        words = [t.raw for t in tokens_of(metric) if canonical(t.folded) not in self.entities]
        return " ".join(words)

    def _another_figure(self, frame: Frame, other: Frame) -> bool:
        """Whether `other` is another figure, not this one written again: not the same
        number elsewhere (a headline repeating the body), not in the headline (whose
        words are every figure's topic)."""
        mine, theirs = self.ctx.by_id.get(frame.mention_id), self.ctx.by_id.get(other.mention_id)
        if mine is None or theirs is None:
            return False
        if abs(mine.value) == abs(theirs.value) and mine.unit == theirs.unit:
            return False
        return other.sentence.start >= self.lead_end

    def _names_counted(self, metric: str, frame: Frame) -> bool:
        """Whether the metric names what the frame's number counts ("Freedonians abroad"
        for "about 2 million Freedonians"): it is that number's, whatever else it says."""
        mention = self.ctx.by_id.get(frame.mention_id)
        if mention is None or unit_family(mention.unit) != "quantity" or not mention.unit:
            return False
        return bool(_stems(mention.unit) & _stems(metric))

    def _words_before(self, frame: Frame) -> str:
        """The subject, the window up to the number and the nouns right after it ("a 300
        mln mark surplus"), not the next figure's words ("3.6 points and foreign trade");
        a rank's own words ("largest export market") too."""
        mention = self.ctx.by_id.get(frame.mention_id)
        before = frame.window.text if frame.window else ""
        after = ""
        if frame.window is not None and mention is not None:
            before = self.ctx.text[frame.window.start : mention.start]
            rest = self.ctx.text[mention.end : max(mention.end, frame.window.end)]
            after = " ".join(_AFTER_CUT.split(rest, maxsplit=1)[0].split()[:3])
            if mention.unit == "rank":
                after = f"{mention.text} {after}"
        return f"{frame.subject.text if frame.subject else ''} {before} {after}"

    def fit(self, metric: str, frame: Frame) -> tuple[float, float]:
        """How well a metric's words describe the frame's number: the share of them in
        the words right around it (`_words_before`), then in its wider scope."""
        near = support(metric, self._words_before(frame)) or 0.0
        return near, support(metric, self.scope(frame)) or 0.0

    def metric_problem(self, metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
        """(code, why) when the metric cannot be this frame's; None when it may be."""
        return (
            self._flow_or_support_problem(metric, frame)
            or self._year_problem(metric, frame)
            or self._distinct_problem(metric, frame)
            or self._named_elsewhere(metric, frame)
            or _status_problem(metric, frame)
            or self._rank_problem(metric, frame)
        )

    def _named_elsewhere(self, metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
        """Another figure's metric: none of the metric's words (names and remarks set
        aside) stand in this figure's scope, while two or more stand in the noun phrase
        and words right around another figure of the same unit ("textile exports fell
        3%" for a figure whose sentence speaks of the currency). Only for a figure with a
        noun phrase of its own, outside the lead."""
        if frame.sentence.start < self.lead_end or frame.subject is None:
            return None
        words = _stems(self._without_names(_REMARK.sub(" ", metric)))
        mine = self.ctx.by_id.get(frame.mention_id)
        local = _stems(self._words_before(frame))
        if not words or mine is None or not local or words & _stems(self.scope(frame)):
            return None
        for other in self.frames.values():
            theirs = self.ctx.by_id.get(other.mention_id)
            if theirs is None or theirs.unit != mine.unit or other.subject is None:
                continue
            if other.mention_id == frame.mention_id or not self._another_figure(frame, other):
                continue
            if len(words & _stems(self._words_before(other))) >= DISTINCT_ELSEWHERE:
                said = frame.subject.text
                return (
                    ReasonCode.wrong_metric,
                    f"{said} (the metric's words describe '{other.subject.text}')",
                )
        return None

    def _rank_problem(self, metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
        """A rank whose metric names the ranked party and the one it is ranked for
        ("A's rank among B's export markets", "A's rank among importers of B's goods")
        the other way round from the source ("A remained the largest export market of
        B"): `role_swap`; another ranked party: `wrong_metric`."""
        mention = self.ctx.by_id.get(frame.mention_id)
        claimed = _rank_roles(metric)
        if mention is None or mention.unit != "rank" or claimed is None:
            return None
        sentence = self.ctx.text[frame.sentence.start : frame.sentence.end]
        at = mention.start - frame.sentence.start
        ranked = _last(_RANKED.finditer(sentence[:at]))
        owner = _RANK_OWNER_AFTER.match(sentence[at + len(mention.text) :])
        owner = owner or _RANK_OWNER_BEFORE.search(sentence[:at])
        if ranked is None or owner is None:
            return None
        source = (canonical(fold_word(ranked.group(1))), canonical(fold_word(owner.group(1))))
        if not all(word in self.entities for word in (*source, *claimed)):
            return None
        if same_party(claimed[0], source[0]) and same_party(claimed[1], source[1]):
            return None
        swapped = same_party(claimed[0], source[1]) and same_party(claimed[1], source[0])
        said = f"{ranked.group(1)} ... {mention.text} ... {owner.group(1)}"
        return (ReasonCode.role_swap if swapped else ReasonCode.wrong_metric), said

    def _year_problem(self, metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
        """A year the metric names ("the rate at the start of 2017") that is neither in
        the figure's sentence nor in its scope (`years_in_scope`): another time's figure."""
        bare = _REMARK.sub(" ", metric)
        named = {int(y) for y in _YEAR_DIGITS.findall(bare)}
        if not named:
            return None
        stated = {int(y) for y in _YEAR_DIGITS.findall(frame.sentence.text)}
        if named & (self.years(frame) | stated):
            return None
        said = frame.subject.text if frame.subject else frame.clause.text
        years = ", ".join(str(y) for y in sorted(named))
        return ReasonCode.wrong_metric, f"{said} (not of {years})"

    def _paragraph(self, frame: Frame) -> str:
        """The figure's paragraph (its line of the source)."""
        text = self.ctx.text
        start = text.rfind("\n", 0, frame.sentence.start) + 1
        end = text.find("\n", frame.sentence.end)
        return text[start : end if end >= 0 else len(text)]

    def _distinct_problem(self, metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
        """Another figure's metric: none of the metric's words (names and remarks set
        aside) that tell this figure from another of the same unit stand in this figure's
        words, while two or more that stand nowhere in its paragraph or the headline
        describe that other one. Figures in the lead are every figure's topic: not judged."""
        if frame.sentence.start < self.lead_end:
            return None
        words = _stems(self._without_names(_REMARK.sub(" ", metric)))
        mine = self.ctx.by_id.get(frame.mention_id)
        if not words or mine is None:
            return None
        own = _stems(self.scope(frame))
        wide = own | _stems(self._paragraph(frame)) | _stems(self.lead)
        for other in self.frames.values():
            theirs = self.ctx.by_id.get(other.mention_id)
            if theirs is None or theirs.unit != mine.unit:
                continue
            if other.mention_id == frame.mention_id or not self._another_figure(frame, other):
                continue
            scope = _stems(self.scope(other))
            if words & (own - scope) or len(words & (scope - wide)) < DISTINCT_ELSEWHERE:
                continue
            said = frame.subject.text if frame.subject else frame.clause.text
            elsewhere = other.subject.text if other.subject else other.clause.text
            return ReasonCode.wrong_metric, f"{said} (the metric's words describe '{elsewhere}')"
        return None

    def _flow_or_support_problem(self, metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
        """Wrong roles, another measure, or words another figure's scope holds."""
        claimed = parse_flow(metric, self.entities, None, trading_parties(self.ctx.text))
        source_flow = self.subject_flow(frame)
        share = frame.role is FrameRole.share or re.match(
            r"\W*(?:share|proportion)\b", metric, re.I
        )
        problem = None if share else flow_problem(claimed, source_flow)
        said = frame.subject.text if frame.subject else frame.clause.text
        if problem is not None:
            return problem, said
        other_measure = self.measure_problem(metric, frame)
        if other_measure is not None:
            return ReasonCode.wrong_metric, other_measure
        topic = self.lead if frame.subject is None else ""  # a number said of nothing
        own = support(metric, f"{self.scope(frame)} {topic}")  # is of the headline's topic
        if own is None:
            return None
        relaxed = own > 0  # partly its own words: judge the words that are not names
        if relaxed and self._names_counted(metric, frame):
            return None
        if relaxed:
            metric = self._without_names(metric)
            own = support(metric, f"{self.scope(frame)} {topic}") if metric else None
            if own is None or own >= SUPPORT_OWN:
                return None
        others = [
            (s, other)
            for other in self.frames.values()
            if other.mention_id != frame.mention_id
            and (not relaxed or self._another_figure(frame, other))
            and (s := support(metric, self.scope(other))) is not None
        ]
        if relaxed and len(_stems(metric)) < DISTINCT_ELSEWHERE and measures_of(metric):
            others = []  # a measure word alone is `measure_problem`'s to judge
        if others:
            best, other = max(others, key=lambda pair: pair[0])
            if best >= (SUPPORT_ELSEWHERE if relaxed else SUPPORT_OTHER):
                elsewhere = other.subject.text if other.subject else other.clause.text
                why = f"{said} (the metric's words describe '{elsewhere}')"
                return ReasonCode.wrong_metric, why
        return None


_RANK_METRIC = re.compile(
    r"^\W*(?:the\s+)?([A-Z][\w.-]*)['’]s?\s*s?\s+(?:rank|position|place)\s+among\s+"
    r"(?:(?:the\s+)?([A-Z][\w.-]*)['’]s?\s+[a-z]|(?:[a-z-]+\s+){1,3}(?:of|in|for|from)\s+"
    r"(?:the\s+)?([A-Z][\w.-]*))"
)
_RANKED = re.compile(
    r"\b([A-Z][\w-]+)\s+(?:has\s+become|had\s+become|remained|remains|is|was|became|"
    r"continues\s+to\s+be|continued\s+to\s+be|ranked|ranks|stood\s+as|stands\s+as)\b"
)
_RANK_OWNER_AFTER = re.compile(
    r"^(?:[\s-]+[a-z]+){0,3}?\s+of\s+(?:the\s+)?([A-Z][\w-]+)(?!\s*[A-Z])"
)
"""Whose rank it is, after it: "the fifth largest export market of B" ("in Asia" names
a region ranked within, not the owner)."""
_RANK_OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]+)['’]s?\s+(?:[a-z-]+\s+){0,1}$")


def _rank_roles(metric: str) -> tuple[str, str] | None:
    """(ranked, owner) of a rank metric ("China's rank among Vietnam's export markets",
    "China's rank among importers of Vietnamese goods"), folded; None otherwise."""
    match = _RANK_METRIC.match(_REMARK.sub(" ", metric))
    if match is None:
        return None
    owner = match.group(2) or match.group(3)
    return canonical(fold_word(match.group(1))), canonical(fold_word(owner))


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = list(matches)
    return found[-1] if found else None


_STATUS_WORDS: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = tuple(
    (re.compile(said, re.I), re.compile(cue, re.I), what)
    for said, cue, what in (
        (
            r"\b(?:forecast\w*|projected|expected|target\w*|planned|plans?|predicted|outlook)\b",
            r"\b(?:will|would|shall|could|may|might|expect\w*|forecast\w*|project\w*|"
            r"target\w*|plan\w*|predict\w*|outlook|aim\w*|goal|seen|see[sn]?|estimat\w*|"
            r"next|hop\w*|intend\w*|want\w*|seek\w*|propos\w*|likely|to (?:reach|hit|rise|"
            r"fall|grow|be)|set to|due to|anticipat\w*|budget\w*|objective|agree\w* to|within|"
            r"pledg\w*|promis\w*|vow\w*|commit\w*)\b",
            "a forecast or target",
        ),
        (
            r"\b(?:revised|revision)\b",
            r"\b(?:revis\w*|upward\w*|downward\w*|adjust\w*|cut|rais\w*|lower\w*|correct\w*)\b",
            "a revised figure",
        ),
        (
            r"\b(?:previous|original\w*|a (?:year|month|week|quarter) (?:earlier|before|ago))\b",
            r"\b(?:previous\w*|prior|earlier|before|ago|from|against|compared|versus|vs|"
            r"original\w*|last|preceding|same (?:period|month|quarter)|previously|initial\w*|"
            r"year-on-year|down|up|than|was|were|had|since|first)\b",
            "an earlier figure",
        ),
    )
)
"""A metric that says its number is a forecast or target, a revision, or an earlier
time's figure, and the words its sentence needs to say so (a future or plan word, a
revision word, a comparison or past word)."""


def _status_problem(metric: str, frame: Frame) -> tuple[ReasonCode, str] | None:
    """A metric that calls its number a forecast or a revision while neither its sentence
    nor the sentence before has a word for it ("forecast growth" for "the economy grew 4
    pct in 1986"), or an earlier figure while its clause has no comparison word ("wheat
    output a year earlier" for "wheat output hit 4 mln tonnes in 2023; barley was lower
    than in 2022"): that is another figure's metric."""
    bare = _REMARK.sub(" ", metric)
    for said, cue, what in _STATUS_WORDS:
        words = frame.clause.text if what == "an earlier figure" else frame.context
        if said.search(bare) and not cue.search(words):
            where = frame.subject.text if frame.subject else frame.clause.text
            return ReasonCode.wrong_metric, f"{where} (not {what})"
    return None


# --------------------------------------------------------------------------- figures


def _span_of(ctx: SourceContext, frame: Frame) -> list[SourceSpan]:
    return [SourceSpan(start=frame.clause.start, end=frame.clause.end, text=frame.clause.text)]


def check_figure_meaning(
    meaning: Meaning,
    index: int,
    figure: Figure,
    mention: NumericMention | None,
    unverified: list[Unverified],
) -> list[Discrepancy]:
    """The meaning discrepancies of one figure whose value matched `mention`."""
    ctx = meaning.ctx
    found: list[Discrepancy] = []
    field = f"figures[{index}]"
    outsider = not_a_figure_reason(ctx, figure, mention)
    if outsider:
        return [
            Discrepancy(
                code=ReasonCode.not_a_figure,
                field=f"{field}.value",
                claim=figure.text or str(figure.value),
                source=outsider[1],
                spans=outsider[2],
                message=f"{field}: {outsider[0]}; it is not an economic figure — leave it out.",
            )
        ]
    if mention is None or mention.id not in meaning.frames:
        return found
    frame = meaning.frames[mention.id]
    spans = _span_of(ctx, frame)
    metric = " ".join([figure.metric, *figure.entities])
    problem = meaning.metric_problem(metric, frame) if figure.metric != "figure" else None
    if problem is not None and mention.start < meaning.lead_end:
        problem = _restated_fits(meaning, metric, mention, problem)
    if problem is None and figure.metric != "figure":
        unfit = unit_unfit(figure.metric, figure.unit)
        if unfit is not None:
            problem = (ReasonCode.wrong_metric, f"{mention.text} ({unfit})")
    if problem is not None:
        code, said = problem
        found.append(
            Discrepancy(
                code=code,
                field=f"{field}.metric",
                claim=figure.metric,
                source=said,
                spans=spans,
                message=(
                    f"{field}.metric: the source says '{mention.text}' is of '{said}', "
                    f"not '{figure.metric}'"
                    + (" (roles swapped)." if code == ReasonCode.role_swap else ".")
                ),
            )
        )
    if problem is None and not names_a_measure(figure.metric):
        unverified.append(
            Unverified(
                field=f"{field}.metric",
                claim=figure.metric,
                reason="not a noun phrase: it does not say what the number measures",
            )
        )
    found.extend(_period(meaning, field, figure, frame, spans, unverified))
    found.extend(_qualifier(field, figure, mention, frame, spans))
    found.extend(_kind(field, figure, mention, frame, spans))
    return found


_DANGLING = frozenset(
    word_list("a an the its their his her our and or that which whose is are was were be been")
)
"""Words a noun phrase never ends with (a stranded preposition can: "damages Yukos will
sue Baikal for")."""
_OBJECT_START = frozenset(word_list("the a an its their his her it this that these those"))


def names_a_measure(metric: str) -> bool:
    """Whether a metric reads as a noun phrase that says what is measured: not a clause cut
    off at a function word ("clearing the way for it to conclude a"), not a bare possessive
    ("Japan's", "the world's"), not a verb and its object ("valuing the company"). A metric that
    fails is shown unconfirmed, since the check has nothing to compare it with."""
    words = re.findall(r"[\w'’-]+", metric)
    if not any(re.search(r"[^\W\d_]{3}", w) for w in words):
        return False  # "30%": the number, not what it measures
    last = words[-1].casefold()
    if last in _DANGLING or (len(words) <= 2 and re.search(r"['’]s?$", words[-1])):
        return False
    first, second = words[0], (words[1].casefold() if len(words) > 1 else "")
    return not (first.islower() and first.endswith("ing") and second in _OBJECT_START)


def _restated_fits(
    meaning: Meaning, metric: str, mention: NumericMention, problem: tuple[ReasonCode, str]
) -> tuple[ReasonCode, str] | None:
    """A headline or lead number written again later ("Ruritania growth at 4.2%" and
    "Ruritania's economy grew by 4.2%") is one quantity: its metric may be read from any
    writing, so the problem stands only when no later writing's words fit it either."""
    for copy in _copies(meaning.ctx, mention)[1:]:
        other = meaning.frames.get(copy.id)
        later = copy.start > mention.start and other is not None
        if later and other is not None and meaning.metric_problem(metric, other) is None:
            return None
    return problem


def _metric_key(text: str | None) -> str:
    """A metric or period as compared across figures: case, punctuation and spacing
    folded ("China's goods trade" is "chinas goods trade")."""
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower().replace("'s", "s")))


def _restated(a: NumericMention, b: NumericMention) -> bool:
    """The same quantity written twice: equal, or one a coarser rounding of the other
    ("1,200 won" and "1,199.60 won")."""
    if abs(a.value) == abs(b.value):
        return True
    return is_coarser_rounding(
        a.value, b.value, written_step(b.text, b.value)
    ) or is_coarser_rounding(b.value, a.value, written_step(a.text, a.value))


def _two_quantities(
    meaning: Meaning, unit_a: str | None, a: NumericMention, unit_b: str | None, b: NumericMention
) -> bool:
    """Two numbers that cannot be one quantity: of one unit and neither the same source
    number nor a rounding of it; or of two currencies where neither converts the other
    ("2.4 trillion yen (16 billion U.S. dollars)" is one deficit, "5 billion U.S.
    dollars" three sentences later another). Other units (a value and its volume,
    tonnes and barrels a day) may measure one thing. A rounding is a restatement only
    across sentences: one sentence gives "52 dlrs" and "51.80 dlrs" to two prices."""
    if a.id == b.id or abs(a.value) == abs(b.value):
        return False
    if _restated(a, b) and not _one_sentence(meaning.ctx.text, a, b):
        return False
    if unit_a == unit_b:
        return True
    money = unit_family(unit_a) == unit_family(unit_b) == "money"
    if not money or " per " in f"{unit_a} {unit_b}":
        return False
    ctx = meaning.ctx
    return not any(_converts(ctx, x, y) for x in _copies(ctx, a) for y in _copies(ctx, b))


def _copies(ctx: SourceContext, mention: NumericMention) -> list[NumericMention]:
    """The mention and the source's other writings of its number ("$6bn" in the headline
    and again in the body), so a conversion beside any of them ("$6bn (£3.12bn)") makes
    the two one quantity whichever writing a figure was matched to."""
    same = [m for m in ctx.figures if m.text == mention.text and m.id != mention.id]
    return [mention, *same]


def _one_sentence(text: str, a: NumericMention, b: NumericMention) -> bool:
    return any(s <= a.start < e and s <= b.start < e for s, e in sentence_spans(text))


def _converts(ctx: SourceContext, a: NumericMention, b: NumericMention) -> bool:
    """One number written as the other's conversion: next to each other with only
    "or", a bracket or a slash between ("VND131 trillion, or $5.6 billion")."""
    first, second = sorted((a, b), key=lambda m: m.start)
    between = [m for m in ctx.figures if first.end <= m.start and m.end <= second.start]
    if between or second.start - first.end > 40:
        return False
    gap = ctx.text[first.end : second.start]
    return bool(
        re.fullmatch(r"[\s),]*(?:,?\s*or|\(|\[|/)\s*(?:about|around|some|roughly)?\s*", gap)
    )


def check_shared_metrics(
    meaning: Meaning,
    figures: list[tuple[int, Figure, NumericMention]],
    judged: set[int],
) -> list[Discrepancy]:
    """Two figures of one record given the same metric and period (or both none, for a
    metric of two words or more), with different values of one unit ("35.7, 29.5 and 6.2
    billion USD all labelled 'goods exchanged through land border gates'"): at most one
    of them is that metric. Flagged (`wrong_metric`) on the figure whose own words fit
    the metric less (`Meaning.fit`), on both when they fit it as well; not on a figure
    whose metric is already flagged (`judged`), nor when the two numbers are one source
    number or one quantity restated (a rounding, a conversion: `_two_quantities`)."""
    found: list[Discrepancy] = []
    flagged: set[int] = set(judged)
    for a, (i, fa, ma) in enumerate(figures):
        for j, fb, mb in figures[a + 1 :]:
            if fa.metric == "figure" or _metric_key(fa.metric) != _metric_key(fb.metric):
                continue
            if _metric_key(fa.period) != _metric_key(fb.period):
                continue
            if not fa.period and len(_stems(fa.metric)) < DISTINCT_ELSEWHERE:
                continue  # no period and one word ("exports"): may be a family of figures
            if not _two_quantities(meaning, fa.unit, ma, fb.unit, mb):
                continue
            frame_a, frame_b = meaning.frames.get(ma.id), meaning.frames.get(mb.id)
            if frame_a is None or frame_b is None:
                continue
            fit_a = meaning.fit(fa.metric, frame_a)
            fit_b = meaning.fit(fb.metric, frame_b)
            pairs = ((i, fa, ma, frame_a, j, mb), (j, fb, mb, frame_b, i, ma))
            for index, figure, mention, frame, other, other_mention in pairs:
                own, theirs = (fit_a, fit_b) if index == i else (fit_b, fit_a)
                if index in flagged or own > theirs:
                    continue
                flagged.add(index)
                said = frame.subject.text if frame.subject else frame.clause.text
                field = f"figures[{index}]"
                found.append(
                    Discrepancy(
                        code=ReasonCode.wrong_metric,
                        field=f"{field}.metric",
                        claim=figure.metric,
                        source=said,
                        spans=_span_of(meaning.ctx, frame),
                        message=(
                            f"{field}.metric: '{figure.metric}' is also the metric of "
                            f"figures[{other}] ('{other_mention.text}') for the same period, so "
                            f"one of them has the wrong metric or period; the source says "
                            f"'{mention.text}' is of '{said}'."
                        ),
                    )
                )
    return found


def years_in_scope(meaning: Meaning, frame: Frame) -> frozenset[int]:
    """Years a figure may belong to: its sentence's and paragraph's (`Frame.context_years`),
    the lead's, and the publication year and the one before when its paragraph writes no
    year, its period words are relative ("last year", often a comparison base) or its
    sentence names a month without a year ("in February")."""
    published = meaning.ctx.published
    in_scope = set(frame.context_years | frame.lead_years)
    relative = (
        frame.period is not None
        and not re.search(r"\d", frame.period.text)
        and not _IN_MONTH.search(frame.period.text)  # "in December" is the month's year
    )
    sentence = frame.sentence.text
    recent = _BARE_MONTH.search(sentence) or _RELATIVE_DAY.search(sentence)
    own_year = frame.period is not None and re.search(r"\b(?:19|20)\d\d\b", frame.period.text)
    compared_only = (
        not frame.stated and re.search(r"\b(?:19|20)\d\d\b", sentence) and not own_year
    )  # a compared number's own year ("up from 4.1 pct in 1985") is its period
    months = [m.group("month") for m in _IN_MONTH.finditer(sentence)]
    local = frame.period is not None and frame.sentence.start <= frame.period.start
    local &= frame.period is not None and frame.period.end <= frame.sentence.end
    anchored = _RELATIVE_YEAR.search(sentence) and not _PUBLICATION_RELATIVE.search(sentence)
    relative_year = _RELATIVE_YEAR.search(sentence) and not (frame.stated and anchored)
    if (
        published is not None
        and months
        and len(months) == len(_BARE_MONTH.findall(sentence))
        and not frame.stated
        and not (relative and local)
        and not _RELATIVE_YEAR.search(sentence)
        and not _RELATIVE_DAY.search(sentence)
    ):
        # "in December", published in January 2020: the last December, 2019
        in_scope |= {_last_year_of(month, published) for month in months}
    elif published is not None and (
        not frame.context_years
        or relative_year
        or compared_only
        or _BARE_MONTH.search(sentence)
        or (recent and not frame.stated)
    ):
        in_scope |= {published.year, published.year - 1}
    elif published is not None and relative and frame.period is not None:
        in_scope |= read_period(frame.period.text, published)[0]  # "last year": that one
    stated = frame.context_years or in_scope
    if stated and _YEAR_BEFORE.search(sentence):  # "from 3bn a year earlier": the year
        in_scope.add(max(stated) - 1)  # before the latest one stated
    return frozenset(in_scope)


_MONTHS = word_list(
    "january february march april may june july august september october november december"
)


_IN_MONTH = re.compile(
    r"\b(?:in|for|during)\s+(?P<month>January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b(?![\s,]*(?:\d|/|-|[A-Z]))"
)
"""A month named as the time of a figure ("in December"), not a date ("April 1"), a
span ("October/December") or a month with its year."""


def _last_year_of(month: str, published: dt.date) -> int:
    """The year of the latest such month up to the publication date: news reports the
    month just past ("December figures" in January are last year's)."""
    number = _MONTHS.index(month.lower()) + 1
    return published.year if number <= published.month else published.year - 1


_RELATIVE_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|this (?:week|month)|last (?:week|month)|next (?:week|month))"
    r"\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.I,
)
_RELATIVE_YEAR = re.compile(
    r"\b(?:last|this|next|past|previous) year\b|\ba year (?:ago|earlier)\b", re.I
)
_PUBLICATION_RELATIVE = re.compile(r"\b(?:last|this|next|past) year\b", re.I)
"""Relative years counted from the publication date; "the previous year" and "a year
earlier" count from the year the sentence states."""
_YEAR_BEFORE = re.compile(
    r"\ba year (?:earlier|before)\b|\bthe (?:previous|preceding) year\b", re.I
)
"""A comparison base counted back from the year in scope ("sales rose to 6bn in 2004
from 3bn a year earlier": the 3bn is of 2003)."""
_YEAR_DIGITS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?![\ds])")
_BARE_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b(?!,?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d)"
)


def _period(
    meaning: Meaning,
    field: str,
    figure: Figure,
    frame: Frame,
    spans: list[SourceSpan],
    unverified: list[Unverified],
) -> list[Discrepancy]:
    if not figure.period:
        return []
    published = meaning.ctx.published
    years, months = read_period(figure.period, published)
    years = years or frozenset(int(y) for y in _YEAR_DIGITS.findall(figure.period))
    said = frame.period.text if frame.period else None
    in_scope = meaning.years(frame)
    local = (
        frame.period is not None and frame.sentence.start <= frame.period.start < frame.sentence.end
    )
    wrong = (
        bool(years and in_scope and years.isdisjoint(in_scope))
        or bool(months and frame.months and months != frame.months and local)
        or _self_contradicting(figure.period, published, frame.sentence.text)
    )
    if not wrong and years and not in_scope:
        stated, _ = read_period(meaning.ctx.text, published)
        near = {published.year, published.year - 1} if published else set()
        if years.isdisjoint(stated | near):
            wrong = True
        else:
            unverified.append(
                Unverified(
                    field=f"{field}.period",
                    claim=figure.period,
                    reason="no period words in scope of this figure",
                )
            )
    if not wrong:
        return []
    return [
        Discrepancy(
            code=ReasonCode.period_mismatch,
            field=f"{field}.period",
            claim=figure.period,
            source=said,
            spans=spans,
            message=(
                f"{field}.period: the period in scope of this figure is "
                f"'{said or 'not stated'}', not '{figure.period}'."
            ),
        )
    ]


_FUTURE = re.compile(
    r"\b(?:will|would|expect\w*|forecast\w*|project\w*|target\w*|plan\w*|estimat\w*|"
    r"predict\w*|outlook|next)\b",
    re.I,
)


def _self_contradicting(period: str, published: dt.date | None, sentence: str) -> bool:
    """A period whose words and year disagree given the publication date: "last year
    (2005)" in a 2005 article; or a month and year after publication ("December 2005" in
    February 2005) in a sentence that looks back (no "will", "forecast", "target")."""
    if published is None:
        return False
    written = {int(y) for y in _YEAR_DIGITS.findall(period)}
    if not written:
        return False
    relative = read_period(_YEAR_DIGITS.sub(" ", period), published)[0]
    looks_back = re.search(r"\b(?:last|this) year\b", period, re.I)
    if relative and looks_back and relative.isdisjoint(written):
        return True
    if _FUTURE.search(sentence) or _FUTURE.search(period):
        return False
    month = _MONTH_YEAR.fullmatch(period.strip())
    if month and len(written) == 1:
        number = _MONTHS.index(month.group(1).lower()) + 1
        return (min(written), number) > (published.year, published.month)
    return False


_MONTH_YEAR = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s*,?\s*\(?(?:19|20)\d\d\)?",
    re.I,
)


def _qualifier(
    field: str,
    figure: Figure,
    mention: NumericMention,
    frame: Frame,
    spans: list[SourceSpan],
) -> list[Discrepancy]:
    mine, theirs = figure.qualifier, frame.qualifier
    if mine is None and theirs is None:
        return []
    if mine is not None and theirs is None:
        if frame.hedged:
            return []  # a hedge word the vocabulary does not map: nothing to contradict
        why = f"the source gives '{mention.text}' with no qualifier, not '{mine.value}'"
    elif mine is None:
        assert theirs is not None
        why = f"the source hedges it ('{theirs.value}'); the qualifier was dropped"
    else:
        assert theirs is not None
        if _QUALIFIER_GROUPS[mine] == _QUALIFIER_GROUPS[theirs]:
            return []
        why = f"the source says '{theirs.value}', not '{mine.value}'"
    return [
        Discrepancy(
            code=ReasonCode.qualifier_mismatch,
            field=f"{field}.qualifier",
            claim=mine.value if mine else "none",
            source=mention.text,
            spans=spans,
            message=f"{field}.qualifier: {why}.",
        )
    ]


def _kind(
    field: str,
    figure: Figure,
    mention: NumericMention,
    frame: Frame,
    spans: list[SourceSpan],
) -> list[Discrepancy]:
    kind = figure.kind
    if kind is FigureKind.change and frame.role is not FrameRole.change and frame.settled:
        why = f"the source gives '{mention.text}' as a {frame.role.value}, not a change"
    elif (
        frame.role is FrameRole.change
        and kind in (FigureKind.share, FigureKind.amount, FigureKind.count)
        and figure.unit in ("percent", "percentage_point")
        and (mention.direction is not None or frame.explicit_change)
        and not re.search(r"\bas (?:much|many|little) as\b|\bup to\b", mention.text, re.I)
        and not _SHARE_WORDS.search(frame.window.text if frame.window else "")
    ):
        why = f"the source gives '{mention.text}' as a change, not a {kind.value}"
    elif kind is FigureKind.share and figure.unit == "percent" and not _part_of_whole(frame):
        why = f"the source gives '{mention.text}' as no part of a whole, not a share"
    elif kind is FigureKind.share and figure.unit == "percent" and _growth_rate(frame, mention):
        why = f"the source gives '{mention.text}' as a rate of growth, a change, not a share"
    else:
        return []
    return [
        Discrepancy(
            code=ReasonCode.kind_mismatch,
            field=f"{field}.kind",
            claim=kind.value,
            source=frame.clause.text,
            spans=spans,
            message=f"{field}.kind: {why}.",
        )
    ]


_SHARE_WORDS = re.compile(r"\b(?:share|account\w*|proportion|of (?:the )?total|makes? up)\b", re.I)
_WHOLE_CUE = re.compile(
    r"\b(?:shares?|stakes?|account\w*|proportion|percentage|portion|part|fraction|of which|"
    r"makes? up|made up|making up|represent\w*|comprise\w*|constitut\w*|occup\w*|"
    r"covers?|covered|covering|fulfil\w*|achiev\w*|equal\w*|equivalent|ratio|rate|"
    r"penetration|coverage|owns?|owned|holds?|held|controls?|dut(?:y|ies)|tariffs?|tax\w*|"
    r"levy|levies|interest|yields?|vat|inflation|unemployment|jobless|margins?|discounts?|"
    r"premiums?|commissions?|fees?|capacity|utili[sz]ation|turnout|majority|level)\b"
    r"|(?:%|\bpercent|\bper cent|\bpct)\s+of\b|\bof\s*$",
    re.I,
)
"""Words that make a percentage a part of a whole or a rate: a share, a stake,
"accounting for", "X% of", "fulfilling", a duty, an interest rate, unemployment. Without
any, a percentage is no share."""


_GROWTH_WORDS = re.compile(
    r"\b(?:growth|grew|grows?|growing|increase[sd]?|expan\w*|inflation|accelerat\w*|"
    r"decelerat\w*)\b",
    re.I,
)
"""Words that make a percentage a rate of change: growth, an increase, inflation."""


def _growth_rate(frame: Frame, mention: NumericMention) -> bool:
    """True when the words before a percentage in its window name a growth ("the growth
    rate accelerated to 4.1 pct", "inflation stood at 3%") and none a share, before it or
    right after it ("the growth in exports, 40 percent share of the total"): a change."""
    if frame.window is None:
        return False
    before = frame.window.text[: max(0, mention.start - frame.window.start)]
    after = frame.window.text[max(0, mention.end - frame.window.start) :]
    share_after = re.match(r"\W*(?:(?:percent|per cent|pct)\W+)?share\b", after, re.I)
    return bool(_GROWTH_WORDS.search(before)) and not (_SHARE_WORDS.search(before) or share_after)


def _part_of_whole(frame: Frame) -> bool:
    """True when the words around a percentage, its sentence or the sentence before make
    it a part of a whole (or a rate): "China accounted for 20.1%, compared with 18.6% for
    the US. In 2003, the US was ahead with 20.5%"."""
    return bool(_WHOLE_CUE.search(frame.context))


# --------------------------------------------------------------------------- not a figure

_PROPER_AFTER = re.compile(r"^\s+(?:[A-Z][\w’'-]*\s+){0,3}?[A-Z][\w’'-]+")
_EVENT_NOUN = re.compile(
    r"^\s*(?:edition|session|plenum|congress|anniversary|summit|meeting|conference|forum|"
    r"expo|fair|round|party congress|national congress|central committee|century)\b",
    re.I,
)
_ORDINAL_ONLY = re.compile(r"^\s*\d+(?:st|nd|rd|th)\b|^\s*(?:first|second|third)", re.I)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}")
_PHONE_WORD = re.compile(r"\b(?:tel|phone|hotline|fax|call|telephone)\b\W*$", re.I)
_FURNITURE_LINE = re.compile(
    r"^\s*(?:comments?|share|like|views?|tweets?|print|email|read more|photo|page|related|"
    r"same category|same author|no data)\b.{0,30}$",
    re.I,
)


def not_a_figure_reason(
    ctx: SourceContext, figure: Figure, mention: NumericMention | None
) -> tuple[str, str, list[SourceSpan]] | None:
    """Why the figure's number is not a figure (year, date, proper-name ordinal, phone,
    page furniture), with the source words; None when it is a figure."""
    if figure.text:
        for start, end in _text_spans(ctx, figure):
            for m in ctx.mentions:
                calendar = m.kind in (MentionKind.year, MentionKind.date)
                if calendar and m.start <= start and end <= m.end:
                    kind = "a year" if m.kind is MentionKind.year else "a date"
                    return f"'{m.text}' is {kind}", m.text, [_mspan(m)]
    if mention is None:
        return None
    inside_words = part_of_other_words(ctx.text, mention)
    if inside_words is not None:
        return inside_words, mention.text, [_mspan(mention)]
    before = ctx.text[max(0, mention.start - 20) : mention.start]
    if _PHONE.fullmatch(mention.text.strip()) or _PHONE_WORD.search(before):
        return f"'{mention.text}' is a phone number", mention.text, [_mspan(mention)]
    line_start = ctx.text.rfind("\n", 0, mention.start) + 1
    line_end = ctx.text.find("\n", mention.end)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)]
    if _FURNITURE_LINE.match(line):
        return (
            f"'{mention.text}' is page furniture ('{line.strip()}')",
            line.strip(),
            [_mspan(mention)],
        )
    return None


def is_name_ordinal(text: str, mention: NumericMention) -> bool:
    """An ordinal inside a name: before capitalised words ("20th Central Committee") or
    an event noun with its owner ("the 21st edition of the expo")."""
    if mention.kind is not MentionKind.ordinal or not _ORDINAL_ONLY.match(mention.text):
        return False
    words = mention.text.split()
    tail = " ".join(words[1:])
    after = (" " + tail if tail else "") + text[mention.end : mention.end + 40]
    event = _EVENT_NOUN.match(after)
    if event and re.match(r"\s+of\b", after[event.end() :]):
        return True  # "the 21st edition of the expo"; "its 21st edition." stays a figure
    return bool(tail and tail[:1].isupper()) or bool(not tail and _PROPER_AFTER.match(after))


_GRADE_AFTER = re.compile(
    r"\s*(?:(?:and|or|to|,|-|–)\s*\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent|pct)\s*)*broken\b", re.I
)
"""After a grade: "broken", or more grades and then "broken" ("5% and 25% broken rice")."""


def is_product_grade(text: str, mention: NumericMention) -> bool:
    """A percentage that grades a product, part of its name: rice is traded as "5% broken"
    or "25 percent broken" (the share of broken grains allowed), so "Thailand's 5% broken
    rice" quotes no figure."""
    return mention.kind is MentionKind.percent and bool(_GRADE_AFTER.match(text, mention.end))


def part_of_other_words(text: str, mention: NumericMention) -> str | None:
    """Why a number is part of other words and no figure (an ordinal inside a name, a
    product's grade, how long a total runs), or None: one reading for the checker
    (`not_a_figure_reason`) and the gold convention (`convention_excludes`)."""
    if is_name_ordinal(text, mention):
        return f"'{mention.text}' is an ordinal inside a name"
    if is_product_grade(text, mention):
        return f"'{mention.text}' is a product grade"
    if names_a_totals_span(text, mention):
        return f"'{mention.text}' is period words (how long a total runs)"
    return None


def _mspan(m: NumericMention) -> SourceSpan:
    return SourceSpan(start=m.start, end=m.end, text=m.text)


def _text_spans(ctx: SourceContext, figure: Figure) -> list[tuple[int, int]]:
    from summarizer.crosscheck.textfold import find_all

    return find_all(ctx.folded, figure.text) if figure.text else []


# --------------------------------------------------------------------------- evidence

_ELLIPSIS = re.compile(r"\.\.\.|…|\[\s*\.\.\.\s*\]")


def check_spliced(ctx: SourceContext, field: str, evidence: str | None) -> list[Discrepancy]:
    """An elided quote ('a ... b') must keep its pieces inside one source sentence."""
    if not evidence or not _ELLIPSIS.search(evidence):
        return []
    spans = locate_evidence(ctx.folded, evidence)
    if not spans:
        return []  # evidence_not_in_source says so
    sentences = sentence_spans(ctx.text)
    for start, end in spans:
        if any(s <= start and end <= e for s, e in sentences):
            return []
    start, end = spans[0]
    return [
        Discrepancy(
            code=ReasonCode.evidence_spliced,
            field=field,
            claim=evidence,
            source=ctx.text[start:end],
            spans=[SourceSpan(start=start, end=end, text=ctx.text[start:end])],
            message=(f"{field}: the '...' joins words of different sentences; quote one sentence."),
        )
    ]


# --------------------------------------------------------------------------- summary

_SEGMENT = re.compile(r"(?:[;,—–]|\s-\s)(?![^()]*\))")
"""Where a summary phrase ends: a separator outside brackets ("surplus (seasonally
adjusted, provisional): 224 mln" is one phrase)."""

Extractor = Callable[[str], list[NumericMention]]


def check_summary_meaning(
    meaning: Meaning,
    field: str,
    text: str,
    extract: Extractor,
    figures: list[Figure] | None = None,
) -> list[Discrepancy]:
    """Each summary number must be said of a metric and year its source frame supports,
    and not of the metric the record gives another figure (`_other_figures_metric`)."""
    ctx = meaning.ctx
    found: list[Discrepancy] = []
    said: list[_Said] = []
    for s_start, s_end in sentence_spans(text):
        sentence = text[s_start:s_end]
        numbers = [m for m in extract(sentence) if m.is_figure]
        numbers = [m for m in numbers if not _period_adjective(sentence, m)]
        for number in numbers:
            phrase = _phrase_around(sentence, number, numbers)
            years, _ = read_period(phrase, ctx.published)
            if not years:
                years = _leading_years(sentence[: number.start], ctx.published)
            candidates = meaning.candidates(number)
            frames = [meaning.frames[m.id] for m in candidates if m.id in meaning.frames]
            if not frames:
                continue
            predicate = not _OBJECT_OF.search(sentence[: number.start])
            what = _SEGMENT.split(sentence[: number.start])[-1]  # numbers inside kept
            judged = [
                _summary_problem(meaning, phrase, years, f, what if predicate else None)
                for f in frames
            ]
            if any(j is None for j in judged):
                said.append(_Said(number, phrase, what if predicate else "", frames))
                continue
            why = next(j for j in judged if j is not None)
            found.append(_summary_flag(meaning, field, phrase, frames[0], f"'{number.text}' {why}"))
    return found + _other_figures_metric(meaning, field, said, figures or [])


@dataclass(frozen=True, slots=True)
class _Said:
    """A summary number its frames allow, with the words it is said of."""

    number: NumericMention
    phrase: str
    what: str
    """The words before it back to a separator ("exports to China: "); empty when the
    number is the object of a preposition ("compared with 10")."""
    frames: list[Frame]


def _summary_flag(meaning: Meaning, field: str, phrase: str, frame: Frame, why: str) -> Discrepancy:
    return Discrepancy(
        code=ReasonCode.summary_misattributed,
        field=field,
        claim=phrase.strip(),
        source=frame.clause.text,
        spans=_span_of(meaning.ctx, frame),
        message=f"{field}: {why}.",
    )


def _other_figures_metric(
    meaning: Meaning, field: str, said: list[_Said], figures: list[Figure]
) -> list[Discrepancy]:
    """A summary number said of the very metric the record gives another figure, of the
    same unit and another value, while the record's figures of this number have another
    metric ("exports to China: 5%" where the record's 5% is "exports to Japan" and its 7%
    "exports to China"): the summary and the record's figures disagree about what the
    number is, and the source has it as the figure's. A rounding of that figure's value,
    or its conversion into another currency, is the same quantity, not another."""
    found: list[Discrepancy] = []
    for item in said:
        key = _metric_key(item.what)
        if not key or not _stems(item.what):
            continue
        number = item.number
        own = [
            f
            for f in figures
            if _same_unit(f.unit, number.unit) and abs(f.value) == abs(number.value)
        ]
        if not own or any(_metric_key(f.metric) == key for f in own):
            continue
        others = [
            f
            for f in figures
            if _metric_key(f.metric) == key
            and not (_near(f.value, number) and not _beside(meaning, f, number))
            and _other_quantity(meaning, f, number)
        ]
        kinds = [
            f
            for f in figures
            if _metric_key(f.metric) == key and _other_kind(f.unit, number.unit) and f not in others
        ]
        if not others and not kinds:
            continue
        periods = {_metric_key(f.period) for f in own if f.period}
        same_period = any(_metric_key(f.period) in periods for f in others)
        if not same_period and not _fits_better(meaning, own[0].metric, item.what, item.frames):
            continue  # of another period or kind, the source must side with the figure's
        others = others or kinds
        why = (
            f"'{number.text}' is said to be '{item.what.strip(' :')}', the record's metric of "
            f"'{others[0].text or others[0].value}'; its figure for '{number.text}' is "
            f"'{own[0].metric}', as the source says ('{_said_of(item.frames[0])}')"
        )
        found.append(_summary_flag(meaning, field, item.phrase, item.frames[0], why))
    return found


def _other_quantity(meaning: Meaning, figure: Figure, number: NumericMention) -> bool:
    """A record figure that is not the summary number's quantity (`_two_quantities`
    against each source number it may be)."""
    if _same_unit(figure.unit, number.unit):
        return abs(figure.value) != abs(number.value)
    sources = [
        m
        for m in meaning.ctx.figures
        if _same_unit(m.unit, figure.unit) and abs(m.value) == abs(figure.value)
    ]
    return bool(sources) and all(
        _two_quantities(meaning, figure.unit, m, number.unit, n)
        for m in sources
        for n in meaning.candidates(number)
    )


def _other_kind(unit: str | None, other: str | None) -> bool:
    """Units of two kinds of quantity: two families (`unit_family`: a duration and a
    rate), or a rate per something and a total ("USD per tonne" and "THB")."""
    if unit_family(unit) != unit_family(other):
        return True
    return (" per " in (unit or "")) != (" per " in (other or ""))


def _fits_better(meaning: Meaning, metric: str, phrase: str, frames: list[Frame]) -> bool:
    """The record figure's metric fits the number's source words (`Meaning.fit`) better
    than the summary's phrase: the source sides with the figure, so the summary is the
    one that is wrong (the figure is checked on its own)."""
    return any(meaning.fit(metric, f) > meaning.fit(phrase, f) for f in frames)


def _same_unit(a: str | None, b: str | None) -> bool:
    """A record's unit and a text's as one (`vocabulary.units_agree`: "USD per tonnes"
    is "USD per tonne")."""
    return a == b or (a is not None and b is not None and units_agree(a, b))


def _beside(meaning: Meaning, figure: Figure, number: NumericMention) -> bool:
    """The figure's source number and the summary number's stand in one sentence as two
    numbers ("52 dlrs for hard wheat and 51.80 dlrs for soft"): two quantities, however
    close."""
    sources = [
        m
        for m in meaning.ctx.figures
        if _same_unit(m.unit, figure.unit) and abs(m.value) == abs(figure.value)
    ]
    return any(
        m.id != n.id and _one_sentence(meaning.ctx.text, m, n)
        for m in sources
        for n in meaning.candidates(number)
    )


def _near(value: Decimal, number: NumericMention) -> bool:
    """A figure's value that is the summary number rounded, or that rounds to it."""
    step = written_step(number.text, number.value)
    return is_coarser_rounding(value, number.value, step) or is_coarser_rounding(
        number.value, value, significant_step(value)
    )


def _said_of(frame: Frame) -> str:
    return frame.subject.text if frame.subject else frame.clause.text


_PERIOD_ADJECTIVE = re.compile(r"[\w.]+-(?:day|week|month|quarter|year)(?:-long)?", re.I)


def _period_adjective(sentence: str, number: NumericMention) -> bool:
    """A span written as an adjective inside the words a summary number is said of, with
    words on both sides ("the city's 10-month export turnover: $2 billion"): the phrase's
    period, not a figure of its own (after a colon, "pause: 90-day", it is the figure)."""
    if not _PERIOD_ADJECTIVE.fullmatch(number.text):
        return False
    before = re.search(r"[A-Za-z'’]\s+$", sentence[: number.start])
    return bool(before and re.match(r"\s+[a-z]", sentence[number.end :]))


def _leading_years(before: str, published: dt.date | None) -> frozenset[int]:
    """The years of a period phrase that opens the sentence ("In 2024, exports reached
    ..."); none otherwise."""
    opening = re.match(r"\s*(?:In|During|For|Over)\s+[^,;]{0,40}?,", before)
    if opening is None:
        return frozenset()
    return read_period(opening.group(), published)[0]


def _phrase_around(sentence: str, number: NumericMention, numbers: list[NumericMention]) -> str:
    left = max([m.end for m in numbers if m.end <= number.start] or [0])
    right = min([m.start for m in numbers if m.start >= number.end] or [len(sentence)])
    before = sentence[left : number.start]
    cuts = [m.end() for m in _SEGMENT.finditer(before)]
    before = before[cuts[-1] :] if cuts else before
    after = sentence[number.end : right]
    cut = _SEGMENT.search(after)
    after = after[: cut.start()] if cut else after
    return f"{before} {after}"


def _candidates(ctx: SourceContext, number: NumericMention) -> list[NumericMention]:
    claim = Claim(
        field="summary",
        magnitude=number.value,
        unit=number.unit,
        direction=None,
        label=number.text,
        strict_direction=False,
    )
    return [
        m for m in ctx.figures if value_agrees(claim, m) and unit_problem(ctx, claim, m) is None
    ]


_OBJECT_OF = re.compile(
    r"\b(?:with|than|since|from|after|before|over|for|in|on|by|to|against|compared)\s*$", re.I
)
"""A number after a preposition ("compared with 10 years earlier") is not the value of
the phrase before it."""


def _summary_problem(
    meaning: Meaning, phrase: str, years: frozenset[int], frame: Frame, what: str | None = None
) -> str | None:
    in_scope = meaning.years(frame)
    if years and in_scope and years.isdisjoint(in_scope):
        return f"belongs to {frame.period.text if frame.period else 'another period'}"
    problem = meaning.metric_problem(phrase, frame)
    if problem is not None:
        return f"is of '{problem[1]}', not what the summary says"
    mention = meaning.ctx.by_id.get(frame.mention_id)
    unfit = unit_unfit(what, mention.unit) if mention is not None and what else None
    if unfit is not None:
        return f"cannot be what the summary says ({unfit})"
    return None


@lru_cache(maxsize=SOURCES_CACHED)
def _source_mentions(text: str) -> tuple[NumericMention, ...]:
    from summarizer.numbers import extract_mentions

    return tuple(extract_mentions(text))


def convention_excludes(text: str, start: int, end: int) -> str | None:
    """Why the gold convention keeps the words at [start, end) out of figures (a
    proper-name ordinal, a year, a date), or None. Used to build reference records."""
    for mention in _source_mentions(text):
        if mention.start < end and start < mention.end:
            if mention.kind in (MentionKind.year, MentionKind.date):
                return f"'{mention.text}' is a {mention.kind.value}"
            inside_words = part_of_other_words(text, mention)
            if inside_words is not None:
                return inside_words
    return None
