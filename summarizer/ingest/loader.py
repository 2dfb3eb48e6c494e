"""The entry point: any path, folder, feed or URL in; articles (or failures) out."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from summarizer.domain import IngestFailure, SourceArticle
from summarizer.ingest.feeds import feed_articles, looks_like_feed
from summarizer.ingest.files import (
    MAX_FEED_BYTES,
    article_from_bytes,
    expand_folder,
    read_bytes,
)
from summarizer.ingest.urls import fetch, is_url, make_client
from summarizer.source_text import MAX_ARTICLE_BYTES, InputError

Source = str | os.PathLike[str]
Item = SourceArticle | IngestFailure

_OTHER_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)


def _suffix_for(media_type: str) -> str:
    """The file suffix a response would have on disk, so it is read the same way.

    Without a content type the body is sniffed (HTML by its opening tag, else text).
    """
    return {"text/plain": ".txt", "text/markdown": ".md", "": ".txt"}.get(media_type, ".html")


def _url_items(url: str, client: httpx.Client) -> Iterator[Item]:
    """A URL: a feed (by content type or content) or one page."""
    fetched = fetch(url, client=client, max_bytes=MAX_FEED_BYTES)
    if fetched.is_feed_type or looks_like_feed(fetched.body):
        yield from feed_articles(
            fetched.body,
            source=url,
            load_page=lambda link: _page(link, client),
            base_url=fetched.url,
        )
        return
    if len(fetched.body) > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{url}: {len(fetched.body):,} bytes is larger than the "
            f"{MAX_ARTICLE_BYTES:,}-byte limit for one article"
        )
    yield article_from_bytes(
        fetched.body, source=url, suffix=_suffix_for(fetched.media_type), charset=fetched.charset
    )


def _page(url: str, client: httpx.Client) -> SourceArticle:
    """One page behind a feed entry's link."""
    fetched = fetch(url, client=client)
    return article_from_bytes(
        fetched.body, source=url, suffix=_suffix_for(fetched.media_type), charset=fetched.charset
    )


def _file_items(path: Path, client: httpx.Client) -> Iterator[Item]:
    """A file: a feed (by content) or one article."""
    data = read_bytes(path, limit=MAX_FEED_BYTES)
    if looks_like_feed(data):
        yield from feed_articles(
            data, source=str(path), load_page=lambda link: _page(link, client), base_url=None
        )
        return
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{path}: {len(data):,} bytes is larger than the {MAX_ARTICLE_BYTES:,}-byte limit "
            "for one article"
        )
    yield article_from_bytes(data, source=str(path), suffix=path.suffix.lower())


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Items of one source; an error ends that source only, as a failure record.

    Anything a parser raises on hostile input (not only `InputError`) is caught here:
    one bad source must never stop a batch.
    """
    try:
        yield from items
    except InputError as exc:
        yield IngestFailure(source=source, error=str(exc))
    except Exception as exc:  # third-party parsers on untrusted bytes
        yield IngestFailure(source=source, error=f"{source}: {type(exc).__name__}: {exc}")


def _items(source: Source, client: httpx.Client) -> Iterator[Item]:
    name = os.fspath(source)
    if is_url(name):
        yield from _guarded(name, _url_items(name, client))
        return
    scheme = _OTHER_SCHEME.match(name)
    if scheme:
        yield IngestFailure(
            source=name,
            error=f"{name}: {scheme.group(1)}:// URLs are not supported; use http(s) or a file",
        )
        return
    path = Path(name)
    if path.is_dir():
        files = expand_folder(path)
        if not files:
            yield IngestFailure(
                source=name, error=f"{name}: the folder holds no .txt, .md, .html or .htm files"
            )
        for file in files:
            yield from _guarded(str(file), _file_items(file, client))
        return
    yield from _guarded(name, _file_items(path, client))


def iter_sources(
    sources: Iterable[Source],
    *,
    client: httpx.Client | None = None,
    skip_duplicates: bool = False,
) -> Iterator[Item]:
    """Every article of every source, in order; a source that fails yields `IngestFailure`.

    Folders are expanded (sorted, recursive), feeds give one item per entry, URLs are
    fetched. With `skip_duplicates`, an article whose id was already yielded is dropped.
    """
    own_client = client is None
    active = client or make_client()
    seen: set[str] = set()
    try:
        for source in sources:
            for item in _items(source, active):
                if isinstance(item, SourceArticle) and skip_duplicates:
                    if item.article_id in seen:
                        continue
                    seen.add(item.article_id)
                yield item
    finally:
        if own_client:
            active.close()


def load_article(source: Source, *, client: httpx.Client | None = None) -> SourceArticle:
    """Exactly one article from a file or URL; raise `InputError` saying why not."""
    name = os.fspath(source)
    if not is_url(name) and Path(name).is_dir():
        raise InputError(
            f"{name}: is a directory; pass one article file (`summarizer batch` reads folders)"
        )
    items = list(iter_sources([source], client=client))
    articles = [item for item in items if isinstance(item, SourceArticle)]
    if len(items) == 1 and len(articles) == 1:
        return articles[0]
    if len(items) == 1:
        failure = items[0]
        assert isinstance(failure, IngestFailure)
        raise InputError(failure.error)
    raise InputError(
        f"{name}: is a feed with {len(items)} entries; "
        "`summarizer batch` reads feeds (or pass one entry's URL)"
    )
