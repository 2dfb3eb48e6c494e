"""What a rank ranks, read from its sentence: "UFJ Holdings, Japan's fourth-largest bank" is
UFJ Holdings' rank, "Japan is Vietnam's largest ODA provider" Japan's.

A rank ("fourth-largest", "second investor") measures its holder, not the words before it.
Recorded as "Japan's fourth-largest" the record does not say whose rank it is; the gold and
a reader both need the holder, the owner ("Japan's", "the world's") and the ranked noun.
"""

from __future__ import annotations

import re

from summarizer.domain import NumericMention

_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of\s+|de\s+|and\s+)?[A-Z][\w.&'’-]*){0,4}"
_OWNER = r"(?:(?:its|their)\s+|(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}?(?:[\w.-]+['’]s?|the)\s+)$"
_APPOSITION = re.compile(rf"(?P<holder>{_NAME})(?:\s*\([^()]*\))?,\s*{_OWNER}")
"""'UFJ Holdings, Japan's ' / 'Mitsubishi Tokyo Financial Group (MTFG), Japan's '."""
_COPULA = re.compile(
    rf"(?P<holder>{_NAME})\s+(?:is|was|are|were|remains|remained|became|becomes|has\s+become|"
    r"have\s+become|had\s+become|continues\s+to\s+be|continued\s+to\s+be|stays|stayed|ranks|"
    r"ranked|came|comes)\s+(?:as\s+)?"
)
"""'Japan is ', 'China remained ', 'Vietnam has become ': the holder of what follows."""
_LIST_ITEM = re.compile(
    r"^(?:(?:the|its|their|a|an)\s+)?(?:[\w.'’-]+['’]s\s+)?(?:(?:and|,)\s*|[\w-]+\s+){0,12}$"
)
"""Between a copula and a rank: other ranks of the same holder ("the largest trade partner,
largest export market and the second largest importer"), no clause of its own."""
_NOUN_AFTER = re.compile(
    r"^\s*(?P<noun>(?:[a-zA-Z][\w'’-]*\s+){0,3}?(?:[a-z][\w-]*)(?:\s+of\s+(?:the\s+)?"
    r"(?:U\.S\.|[A-Z][\w'’-]*)(?:\s+(?!(?:and|after|in|with|behind|to|for|since|while|which|"
    r"that)\b)[\w'’-]+){0,3})?)(?=\s*(?:[,.;:()]|\s+(?:and|after|in|with|"
    r"behind|to|for|since|while|which|that)\b|$))"
)
"""The ranked noun after a rank word: "bank", "ODA provider", "export market of China"."""
_OWNER_BEFORE = re.compile(r"(?:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[\w.-]+['’]s?\s+|the\s+)$")
"""The owner of a rank: "Japan's", "the world's", "South Korea's", or "the"."""
_TIME_WORD = re.compile(r"^(?:In|On|At|By|For|During|Since|Last|This|However|But|Thus|And)$")


def _holder(before: str) -> str | None:
    """The name that holds a rank, from the sentence before the rank word."""
    appositions = list(_APPOSITION.finditer(before))
    if appositions and appositions[-1].end() == len(before):
        return appositions[-1]["holder"]
    copulas = list(_COPULA.finditer(before))
    if copulas and _LIST_ITEM.match(before[copulas[-1].end() :]):
        return copulas[-1]["holder"]
    return None


def _clean(holder: str) -> str | None:
    words = holder.split()
    while words and _TIME_WORD.match(words[0]):
        words.pop(0)  # "In 1986 the EC": a time before the name
    return " ".join(words) or None


_RANK_END = re.compile(
    r"(?:\w+est|top|leading|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))$",
    re.I,
)
"""A rank that names no noun of its own ("fourth-largest", "third largest")."""
_VERB_RANK = re.compile(r"^(?:came|comes|ranked|ranks|placed|finished)\b", re.I)
_TRAILING_NAME = re.compile(rf"(?P<holder>{_NAME})\s+$")


def rank_holder_metric(sentence: str, at: int, mention: NumericMention) -> str | None:
    """ "Holder: owner's rank noun" for a rank at `at` in its sentence ("UFJ Holdings:
    Japan's fourth-largest bank"), or None when the sentence names no holder."""
    before = sentence[:at]
    if _VERB_RANK.match(mention.text):  # "and China came second"
        trailing = _TRAILING_NAME.search(before)
        holder = _clean(trailing["holder"]) if trailing else None
        return f"{holder}: {mention.text}" if holder else None
    holder = _holder(before)
    if holder is None:
        return None
    holder = _clean(holder)
    if holder is None:
        return None
    owner = _OWNER_BEFORE.search(before)
    owner_text = owner.group().strip() if owner else ""
    if holder.casefold() in owner_text.casefold():
        owner_text = ""
    noun = (
        _NOUN_AFTER.match(sentence[at + len(mention.text) :])
        if _RANK_END.search(mention.text)
        else None
    )
    noun_text = noun["noun"] if noun else ""
    ranked = " ".join(part for part in (owner_text, mention.text, noun_text) if part)
    return f"{holder}: {ranked}"
