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
_APPOSITION = re.compile(rf"(?P<holder>{_NAME})(?:\s*\([^()]*\))?(?:,|\s+[-–—])\s*{_OWNER}")
"""'UFJ Holdings, Japan's ' / 'Mitsubishi Tokyo Financial Group (MTFG), Japan's ' / a
headline's 'Vietnam - Chile's '."""
_COPULA = re.compile(
    rf"(?P<holder>{_NAME})\s+(?:is|was|are|were|remains|remained|became|becomes|has\s+become|"
    r"have\s+become|had\s+become|continues\s+to\s+be|continued\s+to\s+be|stays|stayed|ranks|"
    r"ranked|came|comes)\s+(?:as\s+)?"
)
"""'Japan is ', 'China remained ', 'Vietnam has become ': the holder of what follows."""
_LIST_ITEM = re.compile(
    r"^(?:(?:the|its|their|a|an)\s+)?(?:[\w.'’-]+['’]s\s+)?(?:(?:and|,)\s*|[\w-]+(?:\s+|(?=,))){0,12}$"
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
_LIST_OWNER = re.compile(r"^(?:the\s+)?(?P<owner>(?:[A-Z][\w.-]*\s+){0,2}[\w.-]+['’]s?)\s")
"""A possessive opening a copula's list of ranks ("Vietnam's largest ODA provider, second
investor and fourth trade partner"): the owner of every rank in it."""
_LIST_OF_OWNER = re.compile(
    rf"^(?P<items>(?:\s*(?:,|and\b|the\b|[a-zA-Z-]+\b))*?)\s+of\s+(?P<owner>(?:the\s+)?{_NAME})"
    r"(?=\s*(?:[,;:]|\.?\s*$|\.\s+[A-Z]|\s+(?:in|and|for|since|after|last|this|with)\b))"
)
"""The rest of a list of ranks up to its closing "of NAME" ("..., largest export market and
the second largest importer of Vietnam"): the owner of every rank in it."""
_RANK_SCOPE = re.compile(
    rf"^\s+(?P<scope>in\s+(?:the\s+)?{_NAME})(?=\s*(?:[,;:]|\.?\s*$|\.\s+[A-Z]|\s+(?:and|with|"
    r"after|since|last|this|for)\b))"
)
"""Where a rank holds ("largest trade partner in Southeast Asia", "the second largest
investor in Vietnam"): part of what is ranked."""
_RANK_WORDS = r"\w+est|top|leading|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
"""The words a rank is written with ("largest", "top", "fourth")."""
_RANK_WORD = re.compile(rf"\b(?:{_RANK_WORDS})\b", re.I)
_TIME_WORD = re.compile(r"^(?:In|On|At|By|For|During|Since|Last|This|However|But|Thus|And)$")


def _holder(before: str) -> tuple[str, str] | None:
    """The name that holds a rank, from the sentence before the rank word, and the list of
    ranks it opens (empty after an apposition)."""
    appositions = list(_APPOSITION.finditer(before))
    if appositions and appositions[-1].end() == len(before):
        return appositions[-1]["holder"], ""
    copulas = list(_COPULA.finditer(before))
    if copulas and _LIST_ITEM.match(before[copulas[-1].end() :]):
        return copulas[-1]["holder"], before[copulas[-1].end() :]
    return None


def _list_owner(opening: str, after: str) -> str:
    """Whose ranks a copula's list is, for a rank that names no owner of its own: the
    possessive the list opens with, or the "of NAME" that closes it, when only more ranks
    stand between ("China remained the largest trade partner, largest export market and the
    second largest importer of Vietnam": all three are Vietnam's)."""
    if opening:
        start = _LIST_OWNER.match(opening)
        if start and not _RANK_WORD.match(start["owner"]):
            return start["owner"]
    closing = _LIST_OF_OWNER.match(after)
    if closing and len(closing["items"].split()) <= 12:
        items = closing["items"]
        if not items.strip() or _RANK_WORD.search(items):
            return "of " + re.sub(r"(?<=[a-z]{2})\.$", "", closing["owner"])
    return ""


def _clean(holder: str) -> str | None:
    words = holder.split()
    while words and _TIME_WORD.match(words[0]):
        words.pop(0)  # "In 1986 the EC": a time before the name
    return " ".join(words) or None


_RANK_END = re.compile(rf"(?:{_RANK_WORDS}|\d+(?:st|nd|rd|th))$", re.I)
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
    found = _holder(before)
    if found is None:
        return None
    holder, opening = _clean(found[0]), found[1]
    if holder is None:
        return None
    owner = _OWNER_BEFORE.search(before)
    owner_text = owner.group().strip() if owner else ""
    if holder.casefold() in owner_text.casefold():
        owner_text = ""
    after = sentence[at + len(mention.text) :]
    noun = _NOUN_AFTER.match(after) if _RANK_END.search(mention.text) else None
    noun_text = noun["noun"] if noun else ""
    scope = _RANK_SCOPE.match(after[noun.end() :] if noun else after)
    if scope:
        noun_text = f"{noun_text} {scope['scope'].rstrip('.')}".strip()
    closing = ""
    if owner_text in ("", "the") and " of " not in f" {noun_text} ":
        shared = _list_owner(opening, after)
        if shared.startswith("of "):
            closing = shared
        elif shared:
            owner_text = shared
    ranked = " ".join(part for part in (owner_text, mention.text, noun_text, closing) if part)
    return f"{holder}: {ranked}"
