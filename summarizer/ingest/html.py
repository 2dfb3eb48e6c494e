"""HTML to clean article text plus title, date and author, with trafilatura.

Whole pages go through ``trafilatura.bare_extraction`` (navigation, comments, scripts
and boilerplate dropped); fragments from feed entries are already the article body and
only need their tags turned into paragraphs.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import lxml.html  # type: ignore[import-untyped]  # lxml ships no type hints
import trafilatura
from trafilatura.settings import Document

from summarizer.source_text import InputError, decode_article_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "pre",
    "table",
    "ul",
    "ol",
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_RUNS = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class PageContent:
    """What one HTML page holds: the article body (paragraphs split by blank lines)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None


def decode_html_bytes(data: bytes, *, name: str, charset: str | None = None) -> str:
    """Decode HTML honouring a declared charset, then apply the common input checks.

    `charset` comes from the HTTP header; otherwise a ``<meta charset>`` in the first
    kilobytes is used; otherwise the page must be UTF-8.
    """
    declared = charset
    if declared is None and (match := _META_CHARSET.search(data[:4096])):
        declared = match[1].decode("ascii", "replace")
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data = data.decode(declared).encode("utf-8")
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{name}: cannot decode the page as its declared {declared}") from exc
    return decode_article_bytes(data, name=name)


def _tidy(text: str) -> str:
    """One paragraph per block, separated by one blank line; spaces collapsed."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_page(page: str, *, name: str, url: str | None = None) -> PageContent:
    """The article of a whole HTML page, or `InputError` when it has no article text."""
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, Document) or not (text := _tidy(document.text or "")):
        raise InputError(
            f"{name}: the HTML page has no article text (only navigation, scripts or "
            "boilerplate); pass the article's own page"
        )
    return PageContent(
        text="\n\n".join(line for line in text.split("\n") if line),
        title=(document.title or None),
        author=(document.author or None),
        published=_iso_date(document.date),
    )


def fragment_to_text(fragment: str) -> str:
    """Plain paragraphs from an HTML fragment (a feed entry's content or summary)."""
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.xpath("//script|//style|//noscript|//iframe|//form"):
        element.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCK_TAGS):
        block.text = "\n\n" + (block.text or "")
        block.tail = "\n\n" + (block.tail or "")
    return _tidy(root.text_content())
