"""RSS/Atom feed files: entries with content become articles dated by the entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer.domain import IngestFailure, SourceArticle
from summarizer.ingest import iter_sources, load_article
from summarizer.ingest.feeds import entry_date, looks_like_feed
from summarizer.source_text import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _only_article(feed: Path, xml: str) -> SourceArticle:
    """Write `xml` to `feed` and read it: it must hold exactly one article."""
    feed.write_text(xml, "utf-8")
    (item,) = list(iter_sources([feed]))
    assert isinstance(item, SourceArticle)
    return item


def test_atom_entry_content_is_used_and_dated_in_its_own_time_zone() -> None:
    article, failure = list(iter_sources([FIXTURES / "atom.xml"]))
    assert isinstance(article, SourceArticle)
    # 01:15 at +07:00 is still 17 May in UTC; the entry's own calendar day is the 18th.
    assert article.meta.published == dt.date(2023, 5, 18)
    assert article.meta.title == "Guangdong trade reaches 47 billion USD"
    assert article.meta.author == "Trade Desk"
    assert article.meta.source == "https://example.invalid/guangdong"
    assert article.text.startswith("Guangdong trade reaches 47 billion USD\n\nStatistics from")
    assert "10.2 billion USD in the first three months of this year" in article.text
    assert "alert" not in article.text and "<p>" not in article.text
    assert isinstance(failure, IngestFailure)
    assert "no content, summary or link" in failure.error


def test_feed_entry_with_full_content_is_the_same_article_as_the_page(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        (FIXTURES / "rss.xml").read_text("utf-8").replace("{base}", "http://127.0.0.1:9")
    )
    first = next(iter(iter_sources([feed])))
    assert isinstance(first, SourceArticle)
    assert first.article_id == load_article(FIXTURES / "story.txt").article_id
    assert first.meta.published == dt.date(2023, 10, 3)
    assert first.meta.author == "Lan Nguyen"


def test_feed_without_entries_is_one_failure(tmp_path: Path) -> None:
    feed = tmp_path / "empty.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    )
    (failure,) = list(iter_sources([feed]))
    assert isinstance(failure, IngestFailure) and "no entries" in failure.error
    with pytest.raises(InputError, match="no entries"):
        load_article(feed)


@pytest.mark.parametrize(
    ("head", "is_feed"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', True),
        (b"<!DOCTYPE html><html><body><p>feed the world</p>", False),
        (b"Trade news: <rss> is mentioned in plain text", False),
    ],
)
def test_feeds_are_detected_by_content(head: bytes, is_feed: bool) -> None:
    assert looks_like_feed(head) is is_feed


def test_feed_entities_from_an_internal_doctype_are_not_expanded(tmp_path: Path) -> None:
    """Internal entities are how 'billion laughs' feeds explode; they are never expanded."""
    item = _only_article(
        tmp_path / "entities.xml",
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY co "Consolidated Trade Corporation">]>'
        '<rss version="2.0"><channel><title>x</title><item><title>Exports</title>'
        "<description>&co; exported 5 billion USD in March, officials said.</description>"
        "</item></channel></rss>",
    )
    assert "exported 5 billion USD in March" in item.text
    assert "Consolidated" not in item.text


def test_teaser_without_link_is_used_when_it_is_a_sentence(tmp_path: Path) -> None:
    item = _only_article(
        tmp_path / "teaser.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
        "<title>Exports rise</title><description>Exports rose 5 percent in March, "
        "the ministry said &amp; officials agreed.</description>"
        "<pubDate>Tue, 03 Oct 2023 08:00:00 GMT</pubDate></item></channel></rss>",
    )
    assert item.text == (
        "Exports rise\n\nExports rose 5 percent in March, the ministry said & officials agreed."
    )
    assert item.meta.published == dt.date(2023, 10, 3)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"published": "Tue, 03 Oct 2023 01:10:00 +0700"}, dt.date(2023, 10, 3)),
        ({"updated": "2023-05-18T23:30:00-05:00"}, dt.date(2023, 5, 18)),
        ({"published": "October 2023"}, None),  # no day: not today's day filled in
        ({"published": "garbage"}, None),
        ({}, None),
    ],
)
def test_entry_dates_are_read_as_written(entry: dict[str, str], expected: dt.date | None) -> None:
    assert entry_date(entry) == expected
