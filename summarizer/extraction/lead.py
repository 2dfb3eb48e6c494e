"""The article's lead, as the summary of a framed (embedded-model) record.

A news report puts who did what, where and when in its first sentence or two. Asked for
a two-sentence summary, the 1.5B embedded model copied that lead until the wire's length
cap (`wire.SUMMARY_CHARS`) cut it off, which cost about a third of its answer tokens
(issue 11) and could only add errors: a copied sentence cut short, or a number given to
another metric (issue 9's `summary_misattributed`). The program now takes the lead from
the source itself: the first sentence of the body, and the second when both are short,
with the header line, a headline and a dateline ("BUDAPEST, April 13 -") left out. Every
word of it is the source's, so the summary says only what the article says.
"""

from __future__ import annotations

import re

from summarizer.frames import sentence_spans
from summarizer.ingest.chrome import is_prose
from summarizer.ingest.dates import header_prefix_end

LEAD_CHARS = 320
"""Two sentences are the lead when together they are at most this long (about 50 words);
otherwise the first sentence alone is."""

_DATELINE = re.compile(
    r"^[A-ZÀ-Ỹ][^\n.,]{0,40}(?:,\s*[A-Z][^\n.,]{0,30})?,?\s+"
    r"(?:\(?[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}(?:\s+\d{4})?)\)?"
    r"\s*(?:\([A-Za-z]+\))?\s*[-–—]+\s*"
    r"|^[A-ZÀ-Ỹ][A-ZÀ-Ỹ ]{2,30}(?:\s*\([A-Za-z]+\))?\s*(?:[-–—]+|:)\s*"
    r"|^[A-ZÀ-Ỹ][\w.' ]{1,30}\s*\([A-Z]{2,}\)\s*(?:[-–—]+|:)\s*"
    r"|^[-–—]+\s*"
)
"""'BUDAPEST, April 13 - ', 'HÀ NỘI, May 5 (VNA) - ', 'TOKYO - ', 'KUALA LUMPUR: ',
'Hanoi (VNA) – ', a bare '– ': where and when the report was filed, not what it says."""
_WORD = re.compile(r"[^\W\d_]{2,}")


_CAPTION = re.compile(
    r"\((?:photos?|images?|file photo|source|ảnh)\b[^()]*\)\s*$|^\s*(?:photos?|ảnh)\s*:", re.I
)
"""A photo caption ends in its credit ("... (centre) at a seminar. (Photo: VNA)")."""


def _is_headline(line: str) -> bool:
    """A line in capitals ("TAIWAN WINS REVISED TEXTILE ACCORD FROM U.S."); a headline in
    sentence case with no full stop is not prose, and one with a full stop reads as a lead
    ("Japan books goods trade deficit for 3rd straight month in Jan.")."""
    return not any(c.islower() for c in line)


def _body_start(text: str) -> int:
    """Where the lead begins: after the header, a headline and the photo captions, at the
    first line of prose (`ingest.chrome.is_prose`)."""
    body_start = offset = header_prefix_end(text)
    while offset < len(text):
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        line = text[offset:line_end]
        if is_prose(line) and not _CAPTION.search(line) and not _is_headline(line):
            return offset
        offset = line_end + 1
    return body_start  # no line reads as prose (an article in capitals): all of it is body


def _has_words(sentence: str) -> bool:
    return len(_WORD.findall(sentence)) >= 5


def lead(text: str) -> str:
    """The first sentence of the body, and the second when the two are at most
    `LEAD_CHARS` long and in one paragraph; '' when the text has no sentence of prose."""
    start = _body_start(text)
    body = text[start:]
    dateline = _DATELINE.match(body)
    if dateline:
        body = body[dateline.end() :]
    sentences = [
        (s, e)
        for s, e in sentence_spans(body)
        if _has_words(body[s:e]) and not _CAPTION.search(body[s:e])
    ]
    if not sentences:
        return ""
    first_start, first_end = sentences[0]
    chosen = " ".join(body[first_start:first_end].split())
    if len(sentences) > 1:
        second_start, second_end = sentences[1]
        same_paragraph = "\n" not in body[first_end:second_start]
        second = " ".join(body[second_start:second_end].split())
        if same_paragraph and len(chosen) + 1 + len(second) <= LEAD_CHARS:
            chosen = f"{chosen} {second}"
    return chosen
