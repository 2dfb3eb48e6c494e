"""What the model reads on the framed path: the article's opening and its sentences about
people, meetings and agreements, in the source's order.

On the framed path (the embedded default) the program writes the figures and finds the
agreements itself; the model writes only the summary ("who met whom, where and when, and
the main outcome") and the meetings. Those come from the opening and from the sentences
that name a person by title, tell of a meeting, or name an agreement. The rest of an
article is mostly figures, which the model no longer reads, and reading them was most of
each article's prompt time on a 2-core CPU (issue 11).

The model's answer is still grounded against the whole source (names, titles, places and
date words must be found there), so reading less cannot let it write what the article
does not say. A sentence left out is never quoted to the model; the kept sentences keep
their paragraph breaks, so the model sees where one paragraph ends.
"""

from __future__ import annotations

import re

from summarizer.extraction.agreement_finder import AGREEMENT_NOUN
from summarizer.extraction.participants import HEAD_TITLES
from summarizer.frames import sentence_spans

OPENING_SENTENCES = 3
"""The headline (or dateline) and the first two sentences are always read: the lead says
who and what, and the summary is written from it."""

_PEOPLE_AND_MEETINGS = re.compile(
    r"\b(?:met|meets?|meetings?|talks?|received|receives?|receiving|reception|hosted|hosts?"
    r"|hosting|visit\w*|conferences?|forums?|summits?|calls?|delegations?|negotiat\w*"
    r"|discuss\w*|attend\w*|welcom\w*|sessions?|ceremony|gathering|dialogue|consultations?"
    r"|counterparts?|invitation|invited|co-chair\w*|chaired|led by|events?)\b",
    re.I,
)
"""Words of a sentence that tells of people meeting ("received", "held talks with", "at the
invitation of his counterpart")."""

_TITLES = "|".join(sorted((re.escape(w) for w in HEAD_TITLES), key=len, reverse=True))
_TITLE_OR_TITLED_NAME = re.compile(
    rf"\b(?:{_TITLES.title()})\b"  # capitalised: part of a title ("Acting Director of the ...")
    rf"|\b(?i:{_TITLES})\.?\s+[A-Z][\w'’-]+\s+[A-Z]"  # any case, then a name ("minister Javier E")
)
"""A person named by title: a capitalised title word, which in running text is part of a
person's title ("Acting Director of the Hà Nội Department of Industry and Trade Trần Thị
Phương Lan"), or a title word of any case before a capitalised name ("energy minister Javier
Espinosa")."""


def _tells_of_people(sentence: str) -> bool:
    return bool(
        _PEOPLE_AND_MEETINGS.search(sentence)
        or AGREEMENT_NOUN.search(sentence)
        or _TITLE_OR_TITLED_NAME.search(sentence)
    )


def model_view(text: str) -> str:
    """The sentences of `text` the model reads on the framed path, paragraphs kept: the
    opening (`OPENING_SENTENCES`) and every later sentence that tells of people, meetings
    or agreements. The whole text when nothing would be left out."""
    spans = sentence_spans(text)
    kept = [
        (start, end)
        for index, (start, end) in enumerate(spans)
        if index < OPENING_SENTENCES or _tells_of_people(text[start:end])
    ]
    if len(kept) == len(spans):
        return text
    pieces: list[str] = []
    previous_end: int | None = None
    for start, end in kept:
        if previous_end is not None:
            gap = text[previous_end:start]
            pieces.append("\n\n" if "\n" in gap else " ")
        pieces.append(text[start:end].strip())
        previous_end = end
    return "".join(pieces)
