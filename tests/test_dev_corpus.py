"""The development corpus (eval/dev/) is whole: every article has gold and a source row.

It is the set the deterministic core is tuned and reported on, so its integrity is a
test: gold texts are exact substrings, dates agree with the article header, and it
keeps the breadth the issue asks for (60+ articles, 6+ outlets, 3+ decades).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _sources() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for table in sorted((DEV / "sources").glob("*.tsv")):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows[row["file"]] = row
    return rows


def test_every_article_has_gold_and_a_source_row() -> None:
    articles = {p.name for p in (DEV / "articles").glob("*.txt")}
    golds = {
        json.loads(p.read_text(encoding="utf-8"))["article"] for p in (DEV / "gold").glob("*.json")
    }
    assert len(articles) >= 60
    assert articles == golds
    assert articles <= set(_sources())


def test_gold_texts_are_substrings_and_dates_match_the_header() -> None:
    for path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (DEV / "articles" / gold["article"]).read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"date {gold['published']}", path.name
        for figure in gold["figures"]:
            assert figure["text"] in text, f"{path.name}: {figure['text']!r}"


def test_breadth_outlets_and_decades() -> None:
    outlets = {row["outlet"].split(" (")[0].strip() for row in _sources().values()}
    decades = {
        json.loads(p.read_text(encoding="utf-8"))["published"][:3]
        for p in (DEV / "gold").glob("*.json")
    }
    assert len(outlets) >= 6, outlets
    assert len(decades) >= 3, decades


def test_no_seed_or_robustness_article_is_in_it() -> None:
    others = [*(Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")]
    if (SHARED / "corpus" / "articles").is_dir():
        others += (SHARED / "corpus" / "articles").glob("*.txt")
    openings = {" ".join(p.read_text(encoding="utf-8").split()[5:40]) for p in others}
    for path in (DEV / "articles").glob("*.txt"):
        body = " ".join(path.read_text(encoding="utf-8").split()[5:40])
        assert body not in openings, path.name
