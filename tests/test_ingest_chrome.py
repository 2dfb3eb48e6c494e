"""Page chrome is removed from plain text by general rules, and nothing else is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.ingest import load_article
from summarizer.ingest.chrome import remove_chrome
from summarizer.source_text import read_source_text

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus" / "articles"
CHROME_SEED = SEEDS / "002_55c89a1fcdb3cd68.txt"
_DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")


def test_seed_chrome_is_removed_and_every_sentence_kept() -> None:
    raw = read_source_text(CHROME_SEED)
    article = load_article(CHROME_SEED)
    sentences = [line.strip() for line in raw.split("\n") if line.strip().endswith(".")]
    assert len(sentences) >= 15
    for sentence in sentences:
        assert sentence in article.text
    assert "reached 35.7 billion USD, an increase of 7.44%" in article.text
    assert "Source: Foreign Market Development Department" in article.text
    assert article.text.endswith(".html")  # the "Source: <url>" attribution closes the body
    for chrome in (
        "Vietnam.vn",
        "Comment (0)",
        "No data",
        "Same category",
        "Beautiful sunrise over the seas of Vietnam",
        "Same author",
        "Political System",
        "Thai stilt house",
        "Bộ Công thương27/11/2025",
    ):
        assert chrome not in article.text
    assert article.text.startswith("Talks between Minister of Industry and Trade")
    assert article.meta.title is not None and article.meta.title.startswith("Talks between")


def _other_seeds() -> list[Path]:
    return [path for path in sorted(SEEDS.glob("*.txt")) if path != CHROME_SEED]


@pytest.mark.parametrize("path", _other_seeds(), ids=lambda p: p.name)
def test_other_seeds_lose_only_their_date_header(path: Path) -> None:
    raw = read_source_text(path)
    expected = _DATE_PREFIX.sub("", raw).strip()
    assert load_article(path).text == expected


def _corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"robustness corpus not found at {CORPUS}")
@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_corpus_articles_are_unchanged(path: Path) -> None:
    assert load_article(path).text == read_source_text(path).strip()


STORY = (
    "Exports rose to 5 billion USD in March, the ministry said on Tuesday.\n\n"
    "The ministry expects a further rise in the second quarter of the year."
)


@pytest.mark.parametrize(
    ("chrome_tail"),
    [
        "\n\nRelated articles\n\nMinister visits port\nNew rail link opens next month",
        "\n\n3 comments\n\nLeave a reply",
        "\n\nTags: trade, exports\n\nRead more\nAnother headline here",
        "\n\nEconomy\n\nWorld\n\nBusiness\n\nSport",
        "\n\nYou may also like\n\nHeadline one about trade\nHeadline two about ports",
    ],
)
def test_trailing_chrome_blocks_are_cut(chrome_tail: str) -> None:
    assert remove_chrome(STORY + chrome_tail) == STORY


@pytest.mark.parametrize(
    "banner",
    ["VnExpress.net - Tin nhanh Việt Nam", "Home > Economy > Trade", "Skip to content"],
)
def test_top_banners_are_cut(banner: str) -> None:
    assert remove_chrome(f"{banner}\n\n{STORY}") == STORY


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nSource: Ministry of Industry and Trade",
        "\n\nReporting by Lan Nguyen; Editing by Minh Tran",
        "\n\nKey figures:\n- Exports: 5 billion USD\n- Imports: 4 billion USD",
        "\n\n— VNS",
    ],
)
def test_attribution_and_lists_after_the_story_are_kept(tail: str) -> None:
    assert remove_chrome(STORY + tail) == STORY + tail


def test_a_marker_word_inside_the_story_cuts_nothing() -> None:
    text = f"{STORY}\n\nRelated\n\n{STORY}"
    assert remove_chrome(text) == text


def test_text_without_any_sentence_is_left_alone() -> None:
    assert remove_chrome("Trade figures\n\nSame category") == "Trade figures\n\nSame category"
