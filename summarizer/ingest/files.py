"""Article files and folders on disk: .txt, .md, .html and .htm, and feed files."""

from __future__ import annotations

import re
from pathlib import Path

from summarizer.domain import ArticleMeta, SourceArticle
from summarizer.ingest.articles import article_from_plain_text, build_article, with_title_line
from summarizer.ingest.chrome import is_prose, remove_chrome
from summarizer.ingest.dates import published_from_text
from summarizer.ingest.html import decode_html_bytes, extract_page
from summarizer.source_text import (
    MAX_ARTICLE_BYTES,
    InputError,
    decode_article_bytes,
    read_regular_file,
)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
"""What a folder is expanded to; feed files are named one by one."""

MAX_FEED_BYTES = 10_000_000
"""A feed holds many entries, so it may be larger than one article."""

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml\b")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_QUOTE = re.compile(r"^>\s?", re.MULTILINE)


def expand_folder(folder: Path) -> list[Path]:
    """Article files under `folder`, recursively, in sorted order; hidden files skipped.

    Anything named like an article that is not a folder is listed, broken links and
    FIFOs included, so that reading it reports why it was not read instead of a silent skip.
    """
    return sorted(
        path
        for path in folder.rglob("*")
        if not path.is_dir()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def read_bytes(path: Path, *, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes; missing, non-regular and oversize files are clear errors."""
    return read_regular_file(path, limit=limit)


def looks_like_html(data: bytes) -> bool:
    """Content sniffing, for .txt files that hold a saved page."""
    return bool(_HTML_START.match(data[:2048].removeprefix(b"\xef\xbb\xbf")))


def markdown_to_text(text: str) -> str:
    """Markdown markup removed: heading marks, links, images, emphasis, quote marks."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_HEADING.sub("", text)


def article_from_html(html: str, *, source: str, url: str | None = None) -> SourceArticle:
    """A page's article: trafilatura's body and metadata, chrome rules applied again."""
    page = extract_page(html, name=source, url=url)
    text = remove_chrome(page.text)
    if not any(is_prose(line) for line in text.split("\n")):
        raise InputError(
            f"{source}: the HTML page has no article text (no sentence outside navigation, "
            "scripts and boilerplate); pass the article's own page"
        )
    body = with_title_line(text, page.title)
    published = page.published or published_from_text(page.text)
    meta = ArticleMeta(title=page.title, source=source, published=published, author=page.author)
    return build_article(body, meta, name=source)


def article_from_bytes(
    data: bytes, *, source: str, suffix: str, charset: str | None = None
) -> SourceArticle:
    """One article from a file's (or response's) bytes, by content first, then suffix."""
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        return article_from_html(
            decode_html_bytes(data, name=source, charset=charset), source=source
        )
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{source}: cannot decode the text as its declared {charset}") from exc
    if _XML_START.match(data[:512]):
        raise InputError(
            f"{source}: an XML document that is neither an RSS/Atom feed nor a web page"
        )
    text = decode_article_bytes(data, name=source)
    if suffix == ".md":
        text = markdown_to_text(text)
    return article_from_plain_text(text, source=source)
