"""The two sides of a bilateral article, for a "two-way trade" that names neither, and the
partner a bare flow shares with an earlier clause (`with_partner`).

News of economic diplomacy writes the pair once ("Vietnam and China ...") and then only
"two-way trade reached 50.21 billion USD". A reader of the record needs the pair; the
program adds it in brackets, so the record shows it is the article's pair, not the
clause's words: "two-way trade (Vietnam–China)".
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.countries import COUNTRY_FORMS, DEMONYMS, TRADE_BLOCS
from summarizer.crosscheck.meaning import home_place
from summarizer.crosscheck.wordmatch import run_together

_TWO_WAY = re.compile(r"\b(?:two-way|bilateral)\s+trade\b", re.I)
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?")
_MIN_MENTIONS = 2


def _country(words: str) -> str | None:
    """The folded country a name or its demonym stands for ("Lao" -> "laos")."""
    folded = run_together(words)
    if folded in COUNTRY_FORMS:
        return folded
    return DEMONYMS.get(folded)


def sides(text: str) -> tuple[str, str] | None:
    """The article's two countries as it writes them: its home country and the one it names
    most after it, each named at least twice, the second more often than any third; None
    for an article that is not plainly about one pair."""
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    for match in _NAME.finditer(text):
        if text.startswith("$", match.end()):
            continue  # "US$453": a currency, not a side
        phrase = match.group().rstrip(".")
        for candidate in (phrase, phrase.split()[0]):
            folded = _country(candidate)
            if folded is not None:
                counts[folded] += 1
                name = re.sub(r"['’]s$", "", candidate)
                if run_together(name) in COUNTRY_FORMS:  # the country's name, not its demonym
                    written.setdefault(folded, name)
                break
    home = home_place(text)
    if home is None or counts[home] < _MIN_MENTIONS:
        return None
    others = [(n, c) for c, n in counts.items() if c != home]
    others.sort(reverse=True)
    if not others or others[0][0] < _MIN_MENTIONS:
        return None
    if len(others) > 1 and others[1][0] == others[0][0]:
        return None
    partner = others[0][1]
    return written.get(home, home.title()), written.get(partner, partner.title())


def with_sides(metric: str, pair: tuple[str, str] | None) -> str:
    """The metric with the article's pair added when it is two-way trade naming no country."""
    if pair is None or not _TWO_WAY.search(metric):
        return metric
    if any(_country(word) for word in re.findall(r"[\w’'.-]+", metric)):
        return metric
    return f"{metric} ({pair[0]}–{pair[1]})"


_BARE_FLOW = re.compile(
    r"^(?:(?:growth|decline|rise|fall|change|increase|decrease) of )?(?:the )?"
    r"(?:(?:goods|trade|monthly) )?(?P<noun>exports|imports|shipments|deficit|surplus)$",
    re.I,
)
"""A metric that is a trade flow alone ("imports", "decline of exports", "the deficit")."""

_FLOW_TO = re.compile(
    r"\b(?:exports?|imports?|shipments|sales|purchases|trade|deficit|surplus)\s+"
    r"(?:(?:of\s+)?(?:goods\s+)?)?(?P<prep>to|from|with)\s+(?P<words>[^;.]{0,60})",
    re.I,
)
_PREPOSITION = {"exports": "to", "shipments": "to", "imports": "from"}


def _partner(words: str) -> str | None:
    """The first country or trade bloc a partner phrase names that is not an owner
    ("Japan's biggest trading partner, China" -> "China"; "from the EC" -> "EC")."""
    for match in _NAME.finditer(words):
        phrase = match.group().rstrip(".")
        if re.search(r"['’]s?$", phrase):
            continue  # an owner: "Japan's biggest trading partner"
        for candidate in (phrase, phrase.split()[0]):
            folded = run_together(candidate)
            if folded in COUNTRY_FORMS or DEMONYMS.get(folded) in ("us", "britain"):
                return candidate  # "the United States", "the United Kingdom" too
            if folded in TRADE_BLOCS:
                return candidate  # "imports from the EC"
    return None


def with_partner(metric: str, sentence: str, at: int) -> str:
    """A bare trade flow with the partner an earlier clause of its sentence names, in
    brackets: in "Exports to China retreated 6.4 percent, while imports fell 5.7 percent"
    the 5.7 percent is of "imports (from China)".

    Why: a parallel clause drops the partner it shares; without it the record says Japan's
    imports fell 5.7 percent, which is another number.
    """
    bare = _BARE_FLOW.match(metric.strip())
    if bare is None:
        return metric
    found: str | None = None
    for flow in _FLOW_TO.finditer(sentence, 0, at):
        if flow.end("prep") < at:
            found = _partner(flow.group("words")[: max(0, at - flow.start("words"))]) or found
    if found is None:
        return metric
    noun = bare.group("noun").casefold()
    return f"{metric} ({_PREPOSITION.get(noun, 'with')} {_with_article(found)})"


def _with_article(name: str) -> str:
    """A partner as prose writes it: "the United States", "the European Union", "the EC"."""
    return f"the {name}" if re.match(r"(?:United|European)\b|(?:EC|EU|EEC)$", name) else name


_TOPIC = re.compile(
    r"^\s*(?:As\s+for|As\s+to|For|Regarding|With\s+regard\s+to|In\s+terms\s+of|Turning\s+to)\s+"
    r"(?:the\s+)?(?:rest\s+of\s+)?(?P<topic>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
    r"(?:\s*\([^()]*\))?(?:,\s*including\s+[^,]+)?,"
)
"""A partner put first: "As for the European Union, Japan booked a trade deficit"."""
_FLOW_WORD = re.compile(r"\b(?:exports?|imports?|shipments|trade|deficit|surplus)\b", re.I)


def with_topic(metric: str, sentence: str) -> str:
    """A flow with the partner its sentence puts first, in brackets, when the metric names
    no partner of its own: "As for the European Union, Japan booked a trade deficit ...,
    standing at 91.38 billion yen" is the deficit with the European Union.

    Why: the fronted partner is outside the clause a frame reads, and without it the record
    gives Japan's deficit with the EU as Japan's whole deficit."""
    topic = _TOPIC.match(sentence)
    if topic is None or not _FLOW_WORD.search(metric):
        return metric
    partner = topic["topic"].rstrip(".")
    if _country(partner) is None and _country(partner.split()[0]) is None:
        return metric  # "For Sumitomo, ...": no partner (regions fold: "Asia", "European")
    if re.search(r"\b(?:to|from|with)\s+(?:the\s+)?[A-Z]", metric):
        return metric  # names its own partner
    if partner.casefold() in metric.casefold():
        return metric
    noun = _FLOW_WORD.search(metric)
    word = noun.group().casefold() if noun else ""
    preposition = _PREPOSITION.get(word, "to" if word == "export" else "with")
    return f"{metric} ({preposition} {_with_article(partner)})"


_PART_OF_TOTAL = re.compile(
    r"^\s*(?:Of\s+(?:which|this|that|these|it|the\s+(?:figure|total|amount|sum|turnover|"
    r"above))|In\s+which)\b",
    re.I,
)
"""A sentence that splits the total before it: "Of the figure, 16.29 billion USD was from
Vietnam's exports"."""
_ONE_WAY = re.compile(r"\b(?P<noun>exports?|imports?|shipments)\b", re.I)


def with_part_partner(metric: str, sentence: str, pair: tuple[str, str] | None) -> str:
    """A one-way flow naming no partner, in a sentence that splits the pair's total ("Of
    which, ..."), with the other side of the pair in brackets: "Vietnam's exports (to
    China)".

    Why: the part is of the two-way trade the sentence before gave; without the partner the
    record gives Vietnam's exports to China as all of Vietnam's exports."""
    flow = _ONE_WAY.search(metric)
    if pair is None or flow is None or not _PART_OF_TOTAL.match(sentence):
        return metric
    if re.search(r"\b(?:to|from|with|between)\s+(?:the\s+)?[A-Z]", metric):
        return metric  # names its own partner
    owners = [side for side in pair if re.search(rf"\b{re.escape(side)}\b", metric)]
    if len(owners) > 1:
        return metric
    partner = pair[1] if not owners or owners[0] == pair[0] else pair[0]
    noun = flow["noun"].casefold()
    preposition = "from" if noun.startswith("import") else "to"
    return f"{metric} ({preposition} {_with_article(partner)})"
