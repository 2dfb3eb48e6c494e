"""Turn cleaned text and metadata into a `SourceArticle`, the one shape every source ends in.

`SourceArticle.text` is the cleaned body that every later stage reads: numeric mentions,
evidence and cross-check offsets all index into it. Its id is `article_id_for(text)`, so
the same story read from a file, a page or a feed (other whitespace) gets the same id.
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.domain import ArticleMeta, SourceArticle
from summarizer.ingest.chrome import is_prose, remove_chrome
from summarizer.ingest.dates import published_from_text, strip_header_prefix
from summarizer.source_text import InputError, article_id_for, normalise_text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters except tab and newline: NUL breaks PostgreSQL text, escape
sequences rewrite a terminal, and none of them is article text."""
_DATELINE_START = re.compile(r"^[A-ZÀ-Ỹ][\w.'’ À-ỹ-]{1,40},\s+\w+\.?\s+\d{1,2}\b")
_FOLD = re.compile(r"\s+")


def _folded(text: str) -> str:
    return _FOLD.sub(" ", text).strip().casefold()


def strip_controls(text: str) -> tuple[str, int]:
    """The text without control characters (tab and newline kept); how many were removed."""
    cleaned, count = _CONTROL.subn("", text)
    return cleaned, count


def build_article(text: str, meta: ArticleMeta, *, name: str) -> SourceArticle:
    """The article for a cleaned body, or `InputError` when nothing is left of it.

    Every source ends here, so this is where control characters are removed; the record
    says so in `meta.notes`.
    """
    body, removed = strip_controls(normalise_text(text))
    body = body.strip()
    if not body:
        raise InputError(f"{name}: no article text is left after removing page chrome")
    if removed:
        note = f"{removed} control character(s) (NUL, escape, ...) removed at ingestion"
        meta = meta.model_copy(update={"notes": [*meta.notes, note]})
    return SourceArticle(article_id=article_id_for(body), text=body, meta=meta)


def with_title_line(text: str, title: str | None) -> str:
    """The body led by its headline, as plain-text articles are, so ids agree across sources."""
    if not title or _folded(text).startswith(_folded(title)):
        return text
    return f"{title.strip()}\n\n{text}"


def title_from_text(text: str) -> str | None:
    """A headline: a first line, then a blank; no sentence (unless in capitals), no dateline."""
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    followed_by_blank = len(lines) > 1 and not lines[1].strip()
    if (
        not first
        or not followed_by_blank
        or len(first) > 200
        or (is_prose(first) and not first.isupper())
        or _DATELINE_START.match(first)
    ):
        return None
    return first


def article_from_plain_text(
    text: str,
    *,
    source: str,
    published: dt.date | None = None,
    title: str | None = None,
    author: str | None = None,
    notes: list[str] | None = None,
) -> SourceArticle:
    """Plain text: date from its header or dateline, chrome removed, headline as title.

    `published` (from metadata) wins over what the text says.
    """
    body = remove_chrome(strip_header_prefix(normalise_text(text)))
    meta = ArticleMeta(
        title=title or title_from_text(body),
        source=source,
        published=published or published_from_text(text),
        author=author,
        notes=list(notes or []),
    )
    return build_article(body, meta, name=source)
