"""Fetch a page or feed over HTTP(S) with httpx: bounded in time and size, clear errors.

Only what can hold an article is read (HTML, plain text, RSS/Atom/XML); the body is
streamed and abandoned as soon as it passes the size limit, so a huge or endless
response costs at most `max_bytes`. Every fetch also has a total deadline (connect,
redirects and body together): a server that drips one byte every few seconds is cut off
at `TOTAL_DEADLINE_S`, not held for as long as it keeps sending.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from summarizer.source_text import MAX_ARTICLE_BYTES, InputError

USER_AGENT = "summarizer-ingest/0.1 (briefing news summariser; +https://example.invalid/summarizer)"
DEFAULT_TIMEOUT_S = 20.0
TOTAL_DEADLINE_S = 60.0
"""The most one URL may take, start to end, however the server paces its bytes."""
MAX_REDIRECTS = 5

ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
    }
)


class FetchError(InputError):
    """A URL that could not be fetched: network failure, HTTP status, type or size."""


@dataclass(frozen=True)
class Fetched:
    """A response body with what is needed to decode it."""

    url: str
    media_type: str
    charset: str | None
    body: bytes

    @property
    def is_feed_type(self) -> bool:
        return self.media_type in FEED_TYPES


def is_url(source: str) -> bool:
    """http(s) URLs are fetched; anything else is a path."""
    return urlsplit(source).scheme.lower() in ("http", "https")


def make_client(timeout_s: float = DEFAULT_TIMEOUT_S) -> httpx.Client:
    """A client that follows a few redirects and names itself."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,"
            "application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5",
        },
    )


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    header = response.headers.get("content-type", "")
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _read_body(
    response: httpx.Response, url: str, max_bytes: int, deadline: float | None = None
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{url}: {int(declared):,} bytes is larger than the {max_bytes:,}-byte limit"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if deadline is not None and time.monotonic() > deadline:
            raise _DeadlineExceeded
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: the response is larger than the {max_bytes:,}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


class _DeadlineExceeded(Exception):
    """The total deadline passed while the body was still arriving."""


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    deadline_s: float | None = None,
) -> Fetched:
    """GET `url`; raise `FetchError` with the reason when it cannot give an article or feed.

    `deadline_s` (default `TOTAL_DEADLINE_S`) bounds the whole fetch: a watchdog closes
    the connection when it passes, so even a read that never returns ends then.
    """
    if not is_url(url):
        raise FetchError(f"{url}: not an http(s) URL")
    total = TOTAL_DEADLINE_S if deadline_s is None else deadline_s
    deadline = time.monotonic() + total
    own_client = client is None
    active = client or make_client(timeout_s)
    expired = threading.Event()
    watchdog: threading.Timer | None = None
    try:
        with active.stream("GET", url) as response:

            def _cut() -> None:
                expired.set()
                response.close()

            watchdog = threading.Timer(max(deadline - time.monotonic(), 0.0), _cut)
            watchdog.daemon = True
            watchdog.start()
            if response.status_code >= 400:
                raise FetchError(
                    f"{url}: HTTP {response.status_code} {response.reason_phrase}".strip()
                )
            media_type, charset = _content_type(response)
            if media_type and media_type not in ARTICLE_TYPES | FEED_TYPES:
                raise FetchError(
                    f"{url}: content type {media_type!r} is not an article; "
                    "expected HTML, plain text or an RSS/Atom feed"
                )
            body = _read_body(response, url, max_bytes, deadline)
            if expired.is_set():
                raise _DeadlineExceeded
            return Fetched(str(response.url), media_type, charset, body)
    except _DeadlineExceeded as exc:
        raise FetchError(
            f"{url}: took longer than the {total:g} s limit for one URL; the server is too slow"
        ) from exc
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"{url}: timed out ({type(exc).__name__}); the server did not answer"
        ) from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL ({exc})") from exc
    except (httpx.HTTPError, httpx.StreamError, OSError) as exc:
        if expired.is_set():
            raise FetchError(
                f"{url}: took longer than the {total:g} s limit for one URL; the server is too slow"
            ) from exc
        raise FetchError(f"{url}: network error ({type(exc).__name__}: {exc})") from exc
    finally:
        if watchdog is not None:
            watchdog.cancel()
        if own_client:
            active.close()
