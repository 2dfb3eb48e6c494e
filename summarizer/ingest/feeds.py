"""RSS and Atom feeds with feedparser: each entry becomes an article (or a failure).

An entry's own full content is used when it has some; a teaser-only entry is replaced
by the page its link points to, its link resolved against ``xml:base`` and the feed's own
URL. Only when that page cannot be had is the teaser kept, and the record says so
(`ArticleMeta.notes`). The entry's date is the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser
from dateutil import parser as date_parser

from summarizer.domain import IngestFailure, SourceArticle
from summarizer.ingest.articles import article_from_plain_text, with_title_line
from summarizer.ingest.chrome import is_prose
from summarizer.ingest.html import fragment_to_text
from summarizer.ingest.urls import is_url
from summarizer.source_text import InputError

FULL_SUMMARY_WORDS = 120
"""A summary this long is taken as the full story; shorter ones are teasers."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
"""A DOCTYPE with an internal subset can define entities that expand enormously; feeds
do not need one (feedparser knows the HTML entities), so it is dropped before parsing."""

PageLoader = Callable[[str], SourceArticle]
"""Fetches an entry's link and returns the page's article."""


def looks_like_feed(data: bytes) -> bool:
    """RSS/Atom detected by content: a feed root element near the start."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"<!--")) and bool(
        _FEED_ROOT.search(head)
    )


def _written_day(value: str) -> dt.date | None:
    """The calendar day a date string names in its own time zone; None if it names none.

    dateutil fills missing parts from a default, so a string is parsed against two
    defaults: if the days differ, the string did not name a full day.
    """
    try:
        first = date_parser.parse(value, default=dt.datetime(2000, 1, 1))
        second = date_parser.parse(value, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def entry_date(entry: Any) -> dt.date | None:
    """The entry's own calendar date, as written (not shifted to UTC as feedparser does)."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if value and (day := _written_day(value)):
            return day
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _content_text(entry: Any) -> str | None:
    """The longest full-content block of the entry, as plain paragraphs."""
    blocks = [block.get("value", "") for block in entry.get("content", []) or []]
    texts = [fragment_to_text(block) for block in blocks if block.strip()]
    texts = [text for text in texts if text]
    return max(texts, key=len) if texts else None


def entry_link(entry: Any, base_url: str | None) -> str | None:
    """The entry's own link as an absolute http(s) URL, or None.

    feedparser already applies ``xml:base``; a link still relative is resolved against
    the feed's URL. An entry without a link has none: it never falls back to the feed.
    """
    raw = (entry.get("link") or "").strip()
    if not raw:
        return None
    if not is_url(raw) and base_url:
        raw = urljoin(base_url, raw)
    return raw if is_url(raw) else None


def entry_article(
    entry: Any, *, source: str, load_page: PageLoader, base_url: str | None = None
) -> SourceArticle:
    """One entry as an article: content, a long summary, the linked page, or a teaser."""
    title = (entry.get("title") or "").strip() or None
    author = (entry.get("author") or "").strip() or None
    published = entry_date(entry)
    link = entry_link(entry, base_url)
    name = link or (entry.get("link") or "").strip() or source
    summary = fragment_to_text(entry.get("summary") or "")
    notes: list[str] = []

    text = _content_text(entry)
    if text is None and len(_WORD.findall(summary)) >= FULL_SUMMARY_WORDS:
        text = summary
    if text is None and link:
        try:
            page = load_page(link)
        except InputError as exc:
            if not summary:
                raise
            notes.append(f"only the feed's teaser: the linked page could not be had ({exc})")
        else:
            meta = page.meta.model_copy(
                update={
                    "published": published or page.meta.published,
                    "title": page.meta.title or title,
                    "author": page.meta.author or author,
                    "source": link,
                }
            )
            return page.model_copy(update={"meta": meta})
    elif text is None and summary:
        notes.append("only the feed's teaser: the entry has no link to the full article")
    if text is None and summary:
        text = summary
    if text is None:
        raise InputError(f"{name}: the feed entry has no content, summary or link")
    if not any(is_prose(line) for line in text.split("\n")):
        raise InputError(f"{name}: the feed entry has no article text (no sentence)")
    return article_from_plain_text(
        with_title_line(text, title),
        source=name,
        published=published,
        title=title,
        author=author,
        notes=notes,
    )


def feed_articles(
    data: bytes, *, source: str, load_page: PageLoader, base_url: str | None = None
) -> Iterator[SourceArticle | IngestFailure]:
    """Every entry of the feed in `data`, in feed order; a bad entry becomes a failure.

    `base_url` (where the feed was fetched from) resolves relative entry links.
    """
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(
        _DOCTYPE.sub(b"", data[:8192], count=1) + data[8192:], response_headers=headers
    )
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise InputError(f"{source}: not a readable RSS/Atom feed ({reason})")
        raise InputError(f"{source}: the feed has no entries")
    for number, entry in enumerate(entries, start=1):
        label = entry_link(entry, base_url) or f"{source}#entry-{number}"
        try:
            yield entry_article(entry, source=label, load_page=load_page, base_url=base_url)
        except InputError as exc:
            yield IngestFailure(source=label, error=str(exc))
        except Exception as exc:  # a parser failing on one hostile entry spares the rest
            yield IngestFailure(source=label, error=f"{label}: {type(exc).__name__}: {exc}")
