"""Ingestion: files, folders, HTML pages, RSS/Atom feeds and URLs into `SourceArticle`s.

`SourceArticle.text` is the cleaned article body (page chrome removed); every later
stage, and every character offset the cross-checker reports, refers to that text.
"""

from __future__ import annotations

from summarizer.ingest.loader import iter_sources, load_article
from summarizer.ingest.relative import (
    PartialDate,
    ResolvedDate,
    resolve_day,
    resolve_relative_date,
)

__all__ = [
    "PartialDate",
    "ResolvedDate",
    "iter_sources",
    "load_article",
    "resolve_day",
    "resolve_relative_date",
]
