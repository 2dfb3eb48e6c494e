"""Agreement titles as the source writes them, and which titles name an agreement at all.

A 1.5B model shortens a title to its head noun ("cooperation agreement"), paraphrases a
name the text gives ("Border trade action plan" for "the Action Plan 2024-2026"), writes
an acronym alone ("SAFTA"), or lists things that are no agreement ("Negotiation team").
These rules read the source's own words instead; `convert.convert_agreements` applies them.
"""

from __future__ import annotations

import re

from summarizer.crosscheck.wordmatch import word_list

_TITLE_LINK = re.compile(r"\s+(?:on|in|for|of|between|regarding|concerning)\s+", re.I)
_PHRASE_WORD = re.compile(r"[\w'’-]+")
_TITLE_STOP = frozenset(
    word_list(
        "at on in for of by from with to was were is are will would which that who as after "
        "before during when while"
    )
)
_DAY_OR_MONTH = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december",
    re.I,
)
_MAX_EXTENSION_WORDS = 14


def extend_title(title: str, sentence: str | None) -> str:
    """The title as the source writes it in full: where the model's title stands verbatim
    in its evidence sentence, it is extended over the phrases that name what the
    agreement is about ("cooperation agreement" -> "cooperation agreement in the industry
    and trade field for the 2023-25 period"), up to a clause break, a place ("in Hanoi"),
    a time ("on Monday") or a verb.

    Why: a 1.5B model shortens titles to their head noun, which no longer says which
    agreement it is (and misses the gold's title by the fuzzy rule).
    """
    if not sentence:
        return title
    at = sentence.casefold().find(title.casefold())
    if at < 0:
        return title
    end = at + len(title)
    added = 0
    while added < _MAX_EXTENSION_WORDS:
        link = _TITLE_LINK.match(sentence, end)
        if link is None:
            break
        words = list(_PHRASE_WORD.finditer(sentence, link.end()))
        phrase_end = None
        for word in words:
            between = sentence[phrase_end or link.end() : word.start()]
            if phrase_end is not None and between.strip():
                break  # punctuation ends the phrase
            raw = word.group()
            first = phrase_end is None
            lowered = raw.casefold()
            if (not first and lowered in _TITLE_STOP) or _DAY_OR_MONTH.fullmatch(raw):
                break
            if lowered == "and" and re.match(
                r"\s+(?:\w+ed|will|to|also)\b", sentence[word.end() :]
            ):
                break  # "an MoU on trade and agreed to ...": a new clause
            if first and raw[:1].isupper() and link.group().strip().casefold() == "in":
                break  # "in Hanoi": where it was signed
            phrase_end = word.end()
            added += 1
        if phrase_end is None or (words and _DAY_OR_MONTH.fullmatch(words[0].group())):
            break
        end = phrase_end
    return sentence[at:end]


AGREEMENT_NOUNS = frozenset(
    word_list(
        "agreement agreements accord accords pact pacts treaty treaties deal deals contract "
        "contracts memorandum memoranda memorandums mou mous moa plan plans programme programmes "
        "program programs initiative framework protocol arrangement arrangements mechanism "
        "partnership charter declaration statement letter merger takeover bid offer package "
        "scheme project projects venture cooperation co-operation fta ftas cepa loan quota "
        "quotas list tasks roadmap commitment understanding alliance consortium "
        "settlement"
    )
)
"""Words that name an agreement-like thing. A title with none of them ("Negotiation team",
"approval by shareholders", "Yukos back tax bill") names no agreement: a 1.5B model fills
the list with such phrases from any sentence that speaks of talks or deals."""


def names_an_agreement(title: str) -> bool:
    """Whether a title has an agreement noun, or is an acronym (an FTA's: "SAFTA")."""
    words = re.findall(r"[\w-]+", title)
    if any(w.casefold() in AGREEMENT_NOUNS for w in words):
        return True
    return len(words) == 1 and words[0].isupper() and len(words[0]) >= 3


_GENERIC_NOUNS = frozenset(
    word_list("cooperation co-operation understanding list tasks commitment settlement statement")
)
"""Agreement nouns that also name what an agreement is about ("MoU on customs
cooperation"): the title's other noun ("MoU") is the one the text must write."""
_NOUN_FORMS = {
    "mou": ("mou", "memorand"),
    "mous": ("mou", "memorand"),
    "moa": ("moa",),
    "agreement": ("agreem", "agreed", "agrees"),
    "agreements": ("agreem", "agreed", "agrees"),
}
"""The words that write an agreement noun in a text: "memorandum" is an MoU, "agreed to
work together" an agreement."""


def head_in_text(title: str, text: str) -> bool:
    """Whether the agreement noun of a title ("MoU", "plan", "deal") is written in the
    text, by its first six letters ("memorandum" for "MoU"): an agreement the text never
    names as one ("MoU on customs cooperation" where the text speaks of customs only) is
    the model's invention."""
    folded = text.casefold()
    words = [w.casefold() for w in re.findall(r"[\w-]+", title)]
    nouns = [w for w in words if w in AGREEMENT_NOUNS]
    for noun in [n for n in nouns if n not in _GENERIC_NOUNS] or nouns:
        forms = _NOUN_FORMS.get(noun, (noun[:6],))
        patterns = [rf"\b{re.escape(f)}" + (r"s?\b" if len(f) <= 4 else "") for f in forms]
        if any(re.search(pattern, folded) for pattern in patterns):
            return True
    return not nouns


_PROPER_NAME = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+){0,6}?(?P<head>Plan|Agreement|Initiative|Accord|Pact|Treaty|"
    r"Protocol|Programme|Program|Framework|Partnership|Mechanism|Charter|Deal|Contract|"
    r"Memorandum of Understanding|MoU|Roadmap|Declaration)\b(?:\s+\d{4}(?:\s*[-–]\s*\d{2,4})?)?"
)
"""A name the text gives an agreement in capitals ("the Action Plan 2024-2026", "the
Black Sea Grain Initiative")."""


def source_name(title: str, sentence: str | None) -> str:
    """The text's own name for an agreement the model paraphrased ("Border trade action
    plan" -> "Action Plan 2024-2026"): a capitalised name in the evidence sentence with the
    same agreement noun, where the model's title is not written there as it is."""
    if not sentence or title.casefold() in sentence.casefold():
        return title
    heads = {w.casefold() for w in re.findall(r"[\w-]+", title)} & AGREEMENT_NOUNS
    for match in _PROPER_NAME.finditer(sentence):
        if len(match.group().split()) < 2:
            continue  # a bare "MoU" or "Agreement" names no particular one
        head = match.group("head").casefold()
        if head in heads or (head.startswith("memorandum") and heads & {"mou", "memorandum"}):
            return match.group().strip()
    return title


def expand_acronym(title: str, text: str) -> str:
    """An acronym title as the text spells it out: "SAFTA" -> "South Asia Free Trade
    Agreement (SAFTA)" where the text writes the name before "(SAFTA)"."""
    if not re.fullmatch(r"[A-Z][A-Z0-9-]{2,}", title.strip()):
        return title
    acronym = re.escape(title.strip())
    name = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|the|for|on|in|de|-))*"
    match = re.search(rf"({name})\s+\({acronym}\)", text)
    return f"{match.group(1)} ({title.strip()})" if match else title
