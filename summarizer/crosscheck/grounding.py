"""Every text field of a record must be found in its source, not only its numbers.

Names (participants, locations, countries, parties) must stand in the source with all
their tokens together, in any spacing or order (`SourceWords.find_name`). Descriptive
phrases (titles, organisations, agreement and meeting titles) are often reworded, so
each of their content words must be in the article and most of them
(`PHRASE_SENTENCE_SHARE`) in one source sentence. A field that fails is flagged
`ungrounded_text`, with the nearest sentence as the source when there is one.
"""

from __future__ import annotations

import re
from math import ceil

from summarizer.countries import COUNTRY_FORMS, DEMONYMS
from summarizer.crosscheck.wordmatch import SourceWords, Token, content_words, word_list
from summarizer.domain import Discrepancy, Extraction, ReasonCode, SourceSpan

PHRASE_SENTENCE_SHARE = 0.6
"""Share of a phrase's content words that two adjacent source sentences must hold."""

DESCRIPTIVE = frozenset(
    {
        "accord",
        "agreement",
        "arrangement",
        "contract",
        "cooperation",
        "deal",
        "extension",
        "framework",
        "joining",
        "memorandum",
        "merger",
        "offer",
        "pact",
        "plan",
        "programme",
        "program",
        "proposal",
        "takeover",
        "treaty",
        "upgrade",
        "bid",
        "renewal",
        "revision",
        "proposed",
        "planned",
        "bilateral",
    }
)
"""Words a model writes to describe an agreement that the source may not use."""

GROUPS = frozenset(
    word_list(
        "officials representatives negotiators businesses delegation delegates team bankers "
        "ministers members executives leaders companies firms participants producers exporters "
        "importers traders analysts experts staff side authorities government administration "
        "mission consumers countries nations economies governments buyers suppliers investors "
        "creditors lenders donors farmers growers manufacturers"
    )
)
"""Nouns naming an unnamed group ("South Korean officials", "coffee consumers", "Latin
American countries"): such a 'name' is a phrase."""


def _names_a_country(word: Token) -> bool:
    """A country's name or demonym ('Japan', 'Japanese'): a word a phrase may not add."""
    return word.folded in DEMONYMS or word.folded in COUNTRY_FORMS


_REMARK = re.compile(r"\([^()]*\)")


def _unremarked(text: str) -> str:
    """The field without parenthesised remarks ("(not named)", "(upgrade)"), which
    annotate rather than name; what is left must be grounded."""
    return " ".join(_REMARK.sub(" ", text).split()) or text


def _name_problem(words: SourceWords, field: str, name: str) -> Discrepancy | None:
    bare = _unremarked(name)
    if words.find_name(bare) is not None:
        return None
    found, missing = words.found_words(bare)
    group = any(w.folded in GROUPS for w in content_words(bare))
    if group or (not missing and found and _is_organisation(bare)):
        return _phrase_problem(words, field, bare, lenient=".parties[" in field)
    return Discrepancy(
        code=ReasonCode.ungrounded_text,
        field=field,
        claim=name,
        message=f"{field}: '{name}' is not named in the source; copy the name as written.",
    )


def _is_organisation(name: str) -> bool:
    """A party or organisation with four or more words may be paraphrased like a title."""
    return len(name.split()) >= 4


def _phrase_problem(
    words: SourceWords, field: str, phrase: str, pair: bool = True, lenient: bool = False
) -> Discrepancy | None:
    phrase = _unremarked(phrase)
    found, missing = words.found_words(phrase)
    missing = [w for w in missing if w.folded not in DESCRIPTIVE and w.folded not in GROUPS]
    if not found and not missing:
        return None
    size = len(found) + len(missing)
    if (
        len(missing) == 1
        and len(found) >= (1 if lenient else 2)
        and not _names_a_country(missing[0])
    ):
        missing = []  # one descriptive word of a phrase may be the model's own, not a country
    if missing:
        listed = ", ".join(f"'{w.raw}'" for w in missing[:4])
        return Discrepancy(
            code=ReasonCode.ungrounded_text,
            field=field,
            claim=phrase,
            message=f"{field}: the source never writes {listed}; use the source's words.",
        )
    number, share = words.best_sentence(phrase, pair)
    needed = ceil(PHRASE_SENTENCE_SHARE * size) if size >= 3 else size
    if lenient and size <= 3:
        needed = size - 1  # "IMF mission": a short title may add one word of its own
    if share * size >= needed - 1e-9:
        return None
    spans = []
    if number >= 0:
        start, end = words.sentences[number]
        spans = [SourceSpan(start=start, end=end, text=words.text[start:end])]
    return Discrepancy(
        code=ReasonCode.ungrounded_text,
        field=field,
        claim=phrase,
        source=spans[0].text if spans else None,
        spans=spans,
        message=(
            f"{field}: no source sentence says '{phrase}' (at best {share:.0%} of its words "
            "stand together); describe it with the words of one sentence."
        ),
    )


def check_grounding(words: SourceWords, record: Extraction) -> list[Discrepancy]:
    """`ungrounded_text` for each name, title, location or party the source does not hold."""
    found: list[Discrepancy | None] = []
    for m, meeting in enumerate(record.meetings):
        field = f"meetings[{m}]"
        if meeting.location:
            found.append(_name_problem(words, f"{field}.location", meeting.location))
        if meeting.title:
            found.append(_phrase_problem(words, f"{field}.title", meeting.title))
        for p, participant in enumerate(meeting.participants):
            where = f"{field}.participants[{p}]"
            found.append(_name_problem(words, f"{where}.name", participant.name))
            if participant.title:
                found.append(
                    _phrase_problem(words, f"{where}.title", participant.title, lenient=True)
                )
            if participant.organisation:
                found.append(
                    _phrase_problem(
                        words, f"{where}.organisation", participant.organisation, pair=True
                    )
                )
            if participant.country:
                found.append(_name_problem(words, f"{where}.country", participant.country))
    for a, agreement in enumerate(record.agreements):
        field = f"agreements[{a}]"
        found.append(_phrase_problem(words, f"{field}.title", agreement.title))
        for k, party in enumerate(agreement.parties):
            found.append(_name_problem(words, f"{field}.parties[{k}]", party))
    return [d for d in found if d is not None]
