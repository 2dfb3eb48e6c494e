"""URLs and feed URLs, served by a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.openai_server import QuietHTTPServer

from summarizer.domain import IngestFailure, SourceArticle
from summarizer.ingest import iter_sources, load_article
from summarizer.ingest.urls import USER_AGENT, fetch
from summarizer.source_text import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@dataclass
class Site:
    """What the local server serves, and the requests it saw."""

    base: str = ""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    user_agents: list[str] = field(default_factory=list)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.user_agents.append(self.headers.get("User-Agent", ""))
            if self.path == "/slow":
                time.sleep(1.5)
            status, headers, body = site.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test output is for assertions."""

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    site = Site()
    server = QuietHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    html = {"Content-Type": "text/html; charset=utf-8"}
    rss = (FIXTURES / "rss.xml").read_text("utf-8").replace("{base}", site.base).encode()
    site.routes.update(
        {
            "/story.html": (200, html, (FIXTURES / "story.html").read_bytes()),
            "/linked.html": (200, html, (FIXTURES / "linked.html").read_bytes()),
            "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, rss),
            "/mislabelled-feed": (200, html, rss),
            "/seed.txt": (
                200,
                {"Content-Type": "text/plain; charset=utf-8"},
                (SEEDS / "002_55c89a1fcdb3cd68.txt").read_bytes(),
            ),
            "/untyped-html": (200, {}, (FIXTURES / "story.html").read_bytes()),
            "/untyped-text": (200, {}, (FIXTURES / "story.txt").read_bytes()),
            "/redirect": (302, {"Location": "/story.html"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
            "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
            "/huge-declared": (200, {**html, "Content-Length": "50000000"}, b""),
            "/server-error": (500, {}, b"oops"),
            "/slow": (200, html, (FIXTURES / "story.html").read_bytes()),
        }
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def test_url_gives_the_same_article_as_the_file(site: Site) -> None:
    article = load_article(f"{site.base}/story.html")
    assert article.article_id == load_article(FIXTURES / "story.txt").article_id
    assert article.meta.source == f"{site.base}/story.html"
    assert article.meta.published == dt.date(2023, 10, 3)
    assert article.meta.author == "Lan Nguyen"
    assert "Reader One" not in article.text
    assert site.user_agents[-1] == USER_AGENT


def test_redirects_are_followed(site: Site) -> None:
    article = load_article(f"{site.base}/redirect")
    assert article.article_id == load_article(FIXTURES / "story.html").article_id
    assert article.meta.source == f"{site.base}/redirect"


def test_responses_without_a_content_type_are_sniffed(site: Site) -> None:
    html = load_article(f"{site.base}/untyped-html")
    text = load_article(f"{site.base}/untyped-text")
    assert "<p>" not in html.text and html.meta.author == "Lan Nguyen"
    assert html.article_id == text.article_id


def test_plain_text_url_gets_chrome_removal_and_dates(site: Site) -> None:
    article = load_article(f"{site.base}/seed.txt")
    assert "Same category" not in article.text and "35.7 billion USD" in article.text
    assert article.meta.published == dt.date(2025, 11, 27)


@pytest.mark.parametrize("path", ["/feed.xml", "/mislabelled-feed"])
def test_feed_url_entries_use_content_or_fetch_the_link(site: Site, path: str) -> None:
    full, linked, broken = list(iter_sources([f"{site.base}{path}"]))
    assert isinstance(full, SourceArticle)
    assert full.article_id == load_article(FIXTURES / "story.txt").article_id
    assert isinstance(linked, SourceArticle)
    assert "deep-water port at Vung Ang" in linked.text  # from the page, not the teaser
    assert "teaser" not in linked.text
    assert linked.meta.published == dt.date(2023, 10, 3)  # the entry's own date
    assert linked.meta.author == "Minh Tran"
    assert linked.meta.source == f"{site.base}/linked.html"
    assert isinstance(broken, IngestFailure)
    assert broken.source == f"{site.base}/missing.html" and "HTTP 404" in broken.error


def test_load_article_on_a_feed_points_to_iter_sources(site: Site) -> None:
    with pytest.raises(InputError, match="feed with 3 entries"):
        load_article(f"{site.base}/feed.xml")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nowhere", "HTTP 404"),
        ("/server-error", "HTTP 500"),
        ("/image.png", "content type 'image/png' is not an article"),
        ("/huge-declared", "50,000,000 bytes is larger than"),
        ("/loop", "redirects"),
    ],
)
def test_bad_urls_fail_clearly_without_stopping_the_batch(
    site: Site, path: str, reason: str
) -> None:
    failure, article = list(iter_sources([f"{site.base}{path}", f"{site.base}/story.html"]))
    assert isinstance(failure, IngestFailure) and reason in failure.error
    assert failure.source == f"{site.base}{path}"
    assert isinstance(article, SourceArticle)


def test_streamed_body_is_cut_at_the_size_limit(site: Site) -> None:
    with pytest.raises(InputError, match="larger than the 1,000-byte limit"):
        fetch(f"{site.base}/story.html", max_bytes=1000)


def test_slow_server_times_out(site: Site) -> None:
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{site.base}/slow", timeout_s=0.3)


def test_unreachable_host_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match="network error"):
        load_article(f"http://127.0.0.1:{port}/story.html")
