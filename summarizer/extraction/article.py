"""Minimal article loading for `summarize` (files and URLs), until full ingestion takes over.

Kept small and replaceable: when `summarizer.ingest.load_article` exists it is used instead.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import cast

import httpx

from summarizer.domain import ArticleMeta, SourceArticle
from summarizer.source_text import (
    InputError,
    article_id_for,
    decode_article_bytes,
    read_source_text,
)

_DATELINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")


def published_from_dateline(text: str) -> dt.date | None:
    """The seeds start with ' date 2023-02-22'; that is the publication date."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def article_from_text(text: str, source: str) -> SourceArticle:
    return SourceArticle(
        article_id=article_id_for(text),
        text=text,
        meta=ArticleMeta(source=source, published=published_from_dateline(text)),
    )


def _fetch_url(url: str) -> str:
    try:
        response = httpx.get(url, timeout=30.0, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch the article: {exc}") from exc
    html = decode_article_bytes(response.content, name=url)
    try:
        trafilatura = importlib.import_module("trafilatura")
    except ImportError:
        return html
    extracted = trafilatura.extract(html)
    if not extracted:
        raise InputError(f"{url}: no article text found on the page")
    return str(extracted)


def load_article(path_or_url: str) -> SourceArticle:
    """A `SourceArticle` from a file path or an http(s) URL; bad input raises `InputError`."""
    try:
        ingest = importlib.import_module("summarizer.ingest")
        loader = getattr(ingest, "load_article", None)
    except ImportError:
        loader = None
    if loader is not None:
        return cast(Callable[[str], SourceArticle], loader)(path_or_url)
    if path_or_url.startswith(("http://", "https://")):
        return article_from_text(_fetch_url(path_or_url), path_or_url)
    return article_from_text(read_source_text(Path(path_or_url)), path_or_url)
