"""The unseen set (eval/unseen/) is whole and disjoint from every other set.

It is a third held-out set, built after the first two (eval/holdout/, eval/blind/) had been
read for fixes, so its integrity is a test: every article has gold and a source row, gold
texts are exact substrings, dates agree with the article header, and no article of it is in
the development corpus, the two earlier held-out sets, the seeds or the robustness corpus
(compared by content, not by name).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from summarizer.evaluation.gold import load_gold_dir

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "eval" / "unseen"
SHARED = ROOT.parent / "shared"


def _sources() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for table in sorted((UNSEEN / "sources").glob("*.tsv")):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows[row["file"]] = row
    return rows


def _words(path: Path) -> str:
    """An article's text as one line of words, so re-wrapped copies compare equal."""
    return " ".join(path.read_text(encoding="utf-8").split())


def _body_opening(path: Path) -> str:
    """The first 30 words of the body (after the date line, headline and blank line)."""
    body = path.read_text(encoding="utf-8").split("\n", 3)[3]
    return " ".join(body.split()[:30])


def test_every_article_has_gold_and_a_source_row() -> None:
    articles = {p.name for p in (UNSEEN / "articles").glob("*.txt")}
    golds = {
        json.loads(p.read_text(encoding="utf-8"))["article"]
        for p in (UNSEEN / "gold").glob("*.json")
    }
    assert 12 <= len(articles) <= 15
    assert articles == golds
    assert articles <= set(_sources())
    assert len(load_gold_dir(UNSEEN / "gold")) == len(articles)


def test_gold_texts_are_substrings_and_dates_match_the_header() -> None:
    for path in sorted((UNSEEN / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (UNSEEN / "articles" / gold["article"]).read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"date {gold['published']}", path.name
        assert text.splitlines()[2] == "", path.name
        for figure in gold["figures"]:
            assert figure["text"] in text, f"{path.name}: {figure['text']!r}"


def test_breadth_outlets_and_decades() -> None:
    outlets = {row["outlet"].split(" (")[0].strip() for row in _sources().values()}
    decades = {
        json.loads(p.read_text(encoding="utf-8"))["published"][:3]
        for p in (UNSEEN / "gold").glob("*.json")
    }
    assert len(outlets) >= 5, outlets
    assert len(decades) >= 3, decades


def test_no_article_is_in_a_tuned_or_robustness_set() -> None:
    others = [
        *(ROOT / "eval" / "dev" / "articles").glob("*.txt"),
        *(ROOT / "eval" / "holdout" / "articles").glob("*.txt"),
        *(ROOT / "eval" / "blind" / "articles").glob("*.txt"),
        *(ROOT / "seeds").glob("*.txt"),
        *(SHARED / "seeds").glob("*.txt"),
        *(SHARED / "corpus" / "articles").glob("*.txt"),
    ]
    assert others
    texts = [_words(p) for p in others]
    for path in (UNSEEN / "articles").glob("*.txt"):
        opening = _body_opening(path)
        assert not any(opening in text for text in texts), path.name
