"""A meeting's date words, read from the sentences that speak of the meeting.

The model often dates a meeting by the dateline ("HÀ NỘI, October 3 -"), which is when
the article was written, not when the meeting was held; the cross-checker flags that as
`date_from_dateline`, and a repair round rarely mends it. The program can: the day a
meeting was held is written in a sentence that names its participants ("signed ... at a
conference on Monday", "On the afternoon of November 26, Minister Dien received ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.crosscheck.datelines import dateline_only, dateline_spans
from summarizer.crosscheck.textfold import fold
from summarizer.frames import sentence_spans
from summarizer.ingest.relative import day_expressions

_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s <= start and end <= e for s, e in spans)


def _name_words(names: Sequence[str]) -> set[str]:
    """Words of the participants' names that can stand alone in later sentences
    ("Minister Dien", "Shen"): capitalised, three letters or more."""
    words = set()
    for name in names:
        words |= {w.casefold() for w in _NAME_WORD.findall(name) if w[:1].isupper()}
    return words


def meeting_date_text(date_text: str | None, names: Sequence[str], text: str) -> str | None:
    """The model's date words when the text has them outside the dateline; else the first
    day (outside the dateline) named in a sentence that names a participant, then in one
    that tells of a meeting ("at a conference on Monday"); else None.

    Why: a date the dateline alone holds is the article's date; the meeting's own is in
    the sentences about it, or nowhere (then the record says no date rather than a wrong one).
    The dateline test is the cross-checker's (`datelines.dateline_only`), so what this keeps
    is what the check accepts.
    """
    if (
        date_text
        and date_text.casefold() in text.casefold()
        and dateline_only(fold(text), date_text) is None
    ):
        return date_text  # words the text writes outside the dateline
    header = dateline_spans(text)
    words = _name_words(names)
    sentences = sentence_spans(text)
    naming = [(a, b) for a, b in sentences if _said(text[a:b]) & words]
    telling = [(a, b) for a, b in sentences if _MEETING_WORD.search(text, a, b)]
    for start, end in [*naming, *telling]:
        sentence = text[start:end]
        for d_start, d_end in day_expressions(sentence):
            if _outside(header, start + d_start, start + d_end):
                lead = _DATE_LEAD.search(sentence[:d_start])
                return sentence[lead.start() if lead else d_start : d_end]
    return None


_DATE_LEAD = re.compile(r"\b(?:on|in)\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?$", re.I)
"""The words that open date words, kept as written: "on Monday", "On the afternoon of
November 26"."""


def _said(sentence: str) -> set[str]:
    return {w.casefold() for w in _NAME_WORD.findall(sentence)}


_MEETING_WORD = re.compile(
    r"\b(?:meetings?|met|talks|conference|forum|summit|received|reception|visit(?:ed)?|"
    r"working session|held)\b",
    re.I,
)
"""Words of a sentence that tells of the meeting itself ("signed ... at a conference on
Monday"), read after the sentences naming a participant."""
