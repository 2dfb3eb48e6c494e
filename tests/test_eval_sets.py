"""Every evaluation set under eval/ is whole, broad and disjoint from the others.

The development corpus (eval/dev/) is tuned and reported on; eval/holdout/, eval/blind/
and eval/unseen/ were each built later, measured once before anyone tuned on them, and
say in their README which articles were read for a fix since. Their integrity is a test:
every article has gold and a source row, gold texts are exact substrings, dates agree with
the article header, each set keeps its breadth, and no article of one set is in another,
in the seeds or in the robustness corpus (compared by content, not by name).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from summarizer.evaluation.gold import load_gold_dir

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set and the breadth it promises."""

    name: str
    least: int
    most: int
    outlets: int

    @property
    def root(self) -> Path:
        return ROOT / "eval" / self.name

    def articles(self) -> list[Path]:
        return sorted((self.root / "articles").glob("*.txt"))


SETS = (
    EvalSet("dev", least=60, most=200, outlets=6),
    EvalSet("holdout", least=12, most=15, outlets=5),
    EvalSet("blind", least=12, most=15, outlets=5),
    EvalSet("unseen", least=12, most=15, outlets=5),
)
IDS = [s.name for s in SETS]


def _sources(which: EvalSet) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for table in sorted((which.root / "sources").glob("*.tsv")):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows[row["file"]] = row
    return rows


def _golds(which: EvalSet) -> list[dict[str, object]]:
    return [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((which.root / "gold").glob("*.json"))
    ]


def _words(path: Path) -> str:
    """An article's text as one line of words, so re-wrapped copies compare equal."""
    return " ".join(path.read_text(encoding="utf-8").split())


def _body_opening(path: Path) -> str:
    """The first 30 words of the body (after the date line, headline and blank line)."""
    body = path.read_text(encoding="utf-8").split("\n", 3)[3]
    return " ".join(body.split()[:30])


@pytest.mark.parametrize("which", SETS, ids=IDS)
def test_every_article_has_gold_and_a_source_row(which: EvalSet) -> None:
    articles = {p.name for p in which.articles()}
    assert which.least <= len(articles) <= which.most
    assert articles == {g["article"] for g in _golds(which)}
    assert articles <= set(_sources(which))
    assert len(load_gold_dir(which.root / "gold")) == len(articles)


@pytest.mark.parametrize("which", SETS, ids=IDS)
def test_gold_texts_are_substrings_and_dates_match_the_header(which: EvalSet) -> None:
    for gold in _golds(which):
        text = (which.root / "articles" / str(gold["article"])).read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"date {gold['published']}", gold["article"]
        assert text.splitlines()[2] == "", gold["article"]
        figures = gold["figures"]
        assert isinstance(figures, list)
        for figure in figures:
            assert figure["text"] in text, f"{gold['article']}: {figure['text']!r}"


@pytest.mark.parametrize("which", SETS, ids=IDS)
def test_breadth_outlets_and_decades(which: EvalSet) -> None:
    outlets = {row["outlet"].split(" (")[0].strip() for row in _sources(which).values()}
    decades = {str(g["published"])[:3] for g in _golds(which)}
    assert len(outlets) >= which.outlets, outlets
    assert len(decades) >= 3, decades


@pytest.mark.parametrize("which", SETS, ids=IDS)
def test_no_article_is_in_another_set(which: EvalSet) -> None:
    others = [p for s in SETS if s is not which for p in s.articles()]
    others += [*(ROOT / "seeds").glob("*.txt"), *(SHARED / "seeds").glob("*.txt")]
    others += (SHARED / "corpus" / "articles").glob("*.txt")
    texts = [_words(p) for p in others]
    for path in which.articles():
        opening = _body_opening(path)
        assert not any(opening in text for text in texts), path.name
