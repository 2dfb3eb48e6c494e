"""Files and folders: every source gives an article or a failure that says why."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from summarizer.domain import IngestFailure, SourceArticle
from summarizer.ingest import iter_sources, load_article
from summarizer.source_text import MAX_ARTICLE_BYTES, InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_html_page_keeps_the_article_and_drops_navigation_comments_and_scripts() -> None:
    article = load_article(FIXTURES / "story.html")
    assert "reached 57.5 billion USD in the first eight months of 2023" in article.text
    assert "agreed to meet again next year in Seoul." in article.text
    for chrome in (
        "Home",
        "Business",
        "Reader One",
        "disaster",
        "Tracking",
        "analytics",
        "Copyright",
        "Beautiful sunrise",
        "Comments (2)",
        "color: red",
    ):
        assert chrome not in article.text
    assert article.meta.title == "Ministers agree to boost trade"
    assert article.meta.author == "Lan Nguyen"
    assert article.meta.published == dt.date(2023, 10, 3)
    assert article.text.startswith("Ministers agree to boost trade\n\nHANOI, October 3 - ")


def test_same_story_as_text_and_as_html_is_one_article(tmp_path: Path) -> None:
    text_copy = tmp_path / "copy.txt"
    reflowed = (FIXTURES / "story.txt").read_text("utf-8").replace(" ", "  ").replace("\n", "\r\n")
    text_copy.write_text(reflowed, "utf-8")
    ids = {
        load_article(p).article_id
        for p in (FIXTURES / "story.txt", FIXTURES / "story.html", text_copy)
    }
    assert len(ids) == 1


def test_page_without_article_text_is_a_clear_failure() -> None:
    with pytest.raises(InputError, match="no article text"):
        load_article(FIXTURES / "no_article.html")


def test_folder_is_expanded_sorted_and_recursively(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(
        "Exports rose 5 percent in March, officials said.", "utf-8"
    )
    (tmp_path / "a.md").write_text(
        "# Trade talks\n\nThe **ministers** met in [Hanoi](https://x.invalid) on Monday.\n", "utf-8"
    )
    shutil.copy(FIXTURES / "story.html", tmp_path / "c.htm")
    (tmp_path / "notes.csv").write_text("not,an,article\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden draft that must not be read at all.", "utf-8")
    items = list(iter_sources([tmp_path]))
    assert [Path(str(i.meta.source)).name for i in items if isinstance(i, SourceArticle)] == [
        "a.md",
        "2.txt",
        "c.htm",
    ]
    markdown = items[0]
    assert isinstance(markdown, SourceArticle)
    assert markdown.text == "Trade talks\n\nThe ministers met in Hanoi on Monday."
    assert markdown.meta.title == "Trade talks"


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Exports rose 5 percent in März".encode("latin-1"), "not valid UTF-8"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "larger than"),
    ],
)
def test_one_bad_file_never_stops_the_batch(tmp_path: Path, payload: bytes, reason: str) -> None:
    (tmp_path / "1_bad.txt").write_bytes(payload)
    shutil.copy(SEEDS / "000_f81a58b2d35ee533.txt", tmp_path / "2_good.txt")
    items = list(iter_sources([tmp_path, FIXTURES / "no_article.html", tmp_path / "nope.txt"]))
    assert [type(item) for item in items] == [
        IngestFailure,
        SourceArticle,
        IngestFailure,
        IngestFailure,
    ]
    first, _, no_text, missing = items
    assert isinstance(first, IngestFailure) and reason in first.error
    assert first.source.endswith("1_bad.txt")
    assert isinstance(no_text, IngestFailure) and "no article text" in no_text.error
    assert isinstance(missing, IngestFailure) and "no such file" in missing.error


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (items,) = list(iter_sources([tmp_path]))
    assert isinstance(items, IngestFailure) and "holds no" in items.error


def test_load_article_refuses_folders_and_reports_bad_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_article(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b" \n")
    with pytest.raises(InputError, match="empty"):
        load_article(tmp_path / "empty.txt")


def test_html_saved_as_txt_is_detected_by_content(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "story.html", tmp_path / "saved.txt")
    article = load_article(tmp_path / "saved.txt")
    assert "<p>" not in article.text and article.meta.author == "Lan Nguyen"


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    html = (
        (FIXTURES / "story.html")
        .read_text("utf-8")
        .replace('charset="utf-8"', 'charset="windows-1252"')
    )
    html = html.replace("next year in Seoul.", "next year in Séoul.")
    (tmp_path / "legacy.html").write_bytes(html.encode("windows-1252"))
    assert "next year in Séoul." in load_article(tmp_path / "legacy.html").text


def test_duplicates_can_be_skipped() -> None:
    sources = [FIXTURES / "story.txt", FIXTURES / "story.html"]
    assert len(list(iter_sources(sources))) == 2
    assert len(list(iter_sources(sources, skip_duplicates=True))) == 1


SENTENCE = (
    "Vietnam and Laos signed a port agreement worth 1.2 billion USD on Monday, officials said."
)


@pytest.mark.parametrize(
    ("name", "payload", "outcome"),
    [
        (
            "xhtml.html",
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Port deal</title></head>'
            f"<body><article><h1>Port deal</h1><p>{SENTENCE}</p><p>{SENTENCE}</p></article>"
            "</body></html>",
            SENTENCE,
        ),
        ("saved.txt", f"<!-- saved page --><html><body><p>{SENTENCE}</p></body></html>", SENTENCE),
        (
            "garbled.html",
            f"<html><body><p>{SENTENCE[:30]} <b>unclosed <div>{SENTENCE[30:]}",
            "Monday",
        ),
        (
            "sitemap.txt",
            '<?xml version="1.0"?><urlset><url><loc>https://x</loc></url></urlset>',
            "neither an RSS/Atom feed nor a web page",
        ),
        (
            "scripts.html",
            "<html><head><script>var a = 1;</script></head><body></body></html>",
            "no article text",
        ),
    ],
)
def test_odd_documents(tmp_path: Path, name: str, payload: str, outcome: str) -> None:
    (tmp_path / name).write_text(payload, "utf-8")
    (item,) = list(iter_sources([tmp_path / name]))
    if isinstance(item, SourceArticle):
        assert outcome in item.text and "<" not in item.text
    else:
        assert outcome in item.error
