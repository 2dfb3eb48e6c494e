"""What the model reads on the framed path: the article's opening, its sentences about
meetings and the sentences that name someone new by title, in the source's order.

On the framed path (the embedded default) the program writes the summary (the lead), the
figures and the agreements itself; the model writes only the meetings. Those come from
the opening, from the sentences that tell of a meeting and from the sentences that name
a person by title. The rest of an article is mostly figures and what was said, which the
model no longer reads, and reading them was most of each article's prompt time on a
2-core CPU (issue 11).

The model's answer is still grounded against the whole source (names, titles, places and
date words must be found there), so reading less cannot let it write what the article
does not say. A sentence left out is never quoted to the model; the kept sentences keep
their paragraph breaks, so the model sees where one paragraph ends.
"""

from __future__ import annotations

import re

from summarizer.extraction.participants import COMPANY_WORDS, HEAD_TITLES, ORGANISATION_WORDS
from summarizer.frames import sentence_spans

OPENING_SENTENCES = 3
"""The headline (or dateline) and the first two sentences are always read: the lead says
who met whom, where and when."""

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


_NAME_AFTER_TITLE = re.compile(rf"\b(?i:{_TITLES})\.?((?:\s+(?:[A-Z][\w'’-]*|of|and|the|to))*)")
"""A title word and the capitalised words after it: the person's name, or the rest of a
long title ("Ambassador Extraordinary and Plenipotentiary of China to Vietnam Ha Vi")."""
_WORD = re.compile(r"[\w'’-]+")


def _names_someone_new(sentence: str, seen: set[str]) -> bool:
    """Whether a titled name in `sentence` has a word the view has not shown yet: "Chairman
    Vi Thao proposed ..." after the lead named him adds nobody to the meetings."""
    for match in _NAME_AFTER_TITLE.finditer(sentence):
        words = [w.casefold() for w in _WORD.findall(match.group(1)) if w[:1].isupper()]
        if any(word not in seen for word in words):
            return True
    return False


_CAPITALISED_RUN = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")
"""Two or more capitalised words in a row, not opening the sentence: a name."""
_NOT_A_PERSON = ORGANISATION_WORDS | COMPANY_WORDS

_MEETS = re.compile(
    r"\b(?:met|meets|meeting with|received|receives|receiving|hosted|hosts|talks with"
    r"|held talks|visit(?:s|ed|ing)?|called on|phone call|welcom\w*)\b",
    re.I,
)
"""Verbs of one party meeting another: with a new name after them, a new meeting."""

_WHEN = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow"
    r"|(?:last|next|this) (?:week|month)|(?-i:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov"
    r"|Dec))\b",
    re.I,
)
"""Date words: a sentence that says when a meeting was is kept."""


def _tells_something_new(sentence: str, seen: set[str]) -> bool:
    """A meeting sentence that says when, or names a person, body or place the view has not
    shown ("He later received a delegation of Samsung"), not one more line about the
    meeting already told ("During the talks, the two leaders discussed ...")."""
    if _WHEN.search(sentence) or _names_someone_new(sentence, seen):
        return True
    for run in _CAPITALISED_RUN.finditer(sentence):
        words = [w.casefold() for w in run.group().split()]
        # a new name that is no body: "Patricio Powell, acting general secretary"
        if not _NOT_A_PERSON & set(words) and any(w not in seen for w in words):
            return True
    if not _MEETS.search(sentence):
        return False  # "during the talks", "attending the meeting were ...": the same one
    words = _WORD.findall(sentence)[1:]  # the first word is capitalised anyway
    return any(w[:1].isupper() and w.casefold() not in seen for w in words)


def _tells_of_a_meeting(sentence: str) -> bool:
    return bool(_PEOPLE_AND_MEETINGS.search(sentence))


def model_view(text: str) -> str:
    """The sentences of `text` the model reads on the framed path, paragraphs kept: the
    opening (`OPENING_SENTENCES`), every later sentence that tells of a meeting and says
    something new (`_tells_something_new`), and every sentence that names someone by title
    whom the view has not named yet. The whole text when nothing would be left out.

    Why not every sentence with a title: the model writes only the meetings (the program
    writes the summary, figures and agreements), and in a long report of one meeting most
    sentences are "Minister X said ..." of people named in the lead: seed 002 sent the
    model 1 165 prompt tokens, most of them such sentences.
    """
    spans = sentence_spans(text)
    seen: set[str] = set()
    kept: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if (
            index < OPENING_SENTENCES
            or (_tells_of_a_meeting(sentence) and _tells_something_new(sentence, seen))
            or (_TITLE_OR_TITLED_NAME.search(sentence) and _names_someone_new(sentence, seen))
        ):
            kept.append((start, end))
            seen.update(w.casefold() for w in _WORD.findall(sentence))
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
