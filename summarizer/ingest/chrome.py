"""Remove page chrome (site banners, comment counters, related-headline lists) from plain text.

Text copied from a web page keeps the site's furniture around the story. The rules here
are general, not tied to one site: they look at the *shape* of lines (does it read as a
sentence?) and at a short list of marker words that news sites use for their trailing
blocks. Every kept line is returned exactly as it was, so the result differs from the
input only by whole removed lines.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?:[.!?…]|\./\.)[\"'”’)\]]*$")
_WORD = re.compile(r"\w+")

_TRAILING_MARKER = re.compile(
    r"""^(?:
        (?:comments?|bình\s+luận|ý\s+kiến)\s*\(\s*\d+\s*\)
      | \d+\s+comments?
      | comments?
      | same\s+(?:category|author|topic|section)
      | cùng\s+(?:chuyên\s+mục|tác\s+giả)
      | related(?:\s+(?:news|articles?|posts?|stories|content|topics|links))?
      | (?:read|see)\s+(?:more|also)
      | more\s+(?:news|stories|articles)(?:\s+from\b.*)?
      | you\s+(?:may|might)\s+also\s+like
      | (?:most\s+(?:read|popular|viewed)|latest\s+news|top\s+stories|trending)
      | recommended(?:\s+for\s+you)?
      | leave\s+a\s+(?:comment|reply)
      | share\s+this(?:\s+(?:article|story|post))?
      | follow\s+us(?:\s+on\b.*)?
      | tags?\s*:.*
      | no\s+data
    )[\s:.]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A whole line that opens the block of site furniture after a story."""

_DOMAIN = re.compile(r"\b[\w-]+\.(?:vn|com|net|org|info|news|io|co\.uk|gov|edu)\b", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:home|trang\s+chủ)\s*(?:[>»/|›]\s*[^>»/|›]+){1,}$", re.IGNORECASE)
_NAV_LINE = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?content|menu|search|log\s*in|sign\s+in|subscribe|advertisement)$",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"^(?:source|sources|nguồn|by|reporting\s+by|editing\s+by|written\s+by|photo|photos|"
    r"compiled\s+by|translated\s+by|additional\s+reporting|©|\(c\)|copyright|[-–—]\s*\w)",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-*•·]|\(?\d+[.)]|\([ivx]+\))\s")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})(?!\d)")
_PUBLISHED_LABEL = re.compile(r"^(?:published|updated|posted)\b", re.IGNORECASE)

HEAD_LINES = 8
"""How many non-empty lines at the top may hold a banner or a byline/date line."""

MAX_CHROME_LINE = 160
"""Longer lines are treated as prose even without final punctuation."""


def is_prose(line: str) -> bool:
    """A line that reads as article prose: a sentence with its final punctuation, or long."""
    stripped = line.strip()
    if len(stripped) > MAX_CHROME_LINE:
        return True
    return bool(_SENTENCE_END.search(stripped)) and len(_WORD.findall(stripped)) >= 5


def is_attribution(line: str) -> bool:
    """'Source: ...', 'By ...', '(c) ...' lines belong to the article and are kept."""
    return bool(_ATTRIBUTION.match(line.strip()))


def is_trailing_marker(line: str) -> bool:
    """'Comment (0)', 'Same category', 'Related', ... as a whole line."""
    return bool(_TRAILING_MARKER.match(line.strip()))


def is_banner(line: str) -> bool:
    """A site banner or navigation line at the top: 'Example.vn - Slogan', 'Home > News'."""
    stripped = line.strip()
    if is_prose(stripped) or len(stripped) > 100:
        return False
    return bool(
        _DOMAIN.search(stripped) or _BREADCRUMB.match(stripped) or _NAV_LINE.match(stripped)
    )


def is_byline_date(line: str) -> bool:
    """A short non-sentence line carrying a numeric date, e.g. 'Ministry27/11/2025'."""
    stripped = line.strip()
    if is_prose(stripped) or len(stripped) > 100:
        return False
    return bool(_NUMERIC_DATE.search(stripped) or _PUBLISHED_LABEL.match(stripped))


def is_trailing_chrome(line: str) -> bool:
    """After the last paragraph: a short line that is not a sentence, list item or credit."""
    stripped = line.strip()
    return not (
        is_prose(stripped)
        or is_attribution(stripped)
        or _LIST_ITEM.match(stripped)
        or stripped.endswith(":")
    )


def _chrome_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that are page chrome."""
    non_empty = [i for i, line in enumerate(lines) if line.strip()]
    prose = [i for i in non_empty if is_prose(lines[i])]
    if not prose:
        return set()
    first_prose, last_prose = prose[0], prose[-1]
    removed: set[int] = set()

    for i in non_empty[:HEAD_LINES]:
        if (i < first_prose and is_banner(lines[i])) or is_byline_date(lines[i]):
            removed.add(i)

    tail = [i for i in non_empty if i > last_prose]
    marker = next((i for i in tail if is_trailing_marker(lines[i])), None)
    if marker is not None:
        removed.update(i for i in tail if i >= marker)
    removed.update(i for i in tail if is_trailing_chrome(lines[i]))
    return removed


def remove_chrome(text: str) -> str:
    """The text without page chrome; kept lines are unchanged, surrounding blanks trimmed.

    A removed line takes the blank lines that follow it along, so paragraphs stay
    separated by the spacing the source used.
    """
    lines = text.split("\n")
    removed = _chrome_lines(lines)
    kept: list[str] = []
    skipping_blanks = False
    for i, line in enumerate(lines):
        if i in removed:
            skipping_blanks = True
            continue
        if skipping_blanks and not line.strip():
            continue
        skipping_blanks = False
        kept.append(line)
    return "\n".join(kept).strip()
