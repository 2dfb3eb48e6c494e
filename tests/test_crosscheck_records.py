"""Correct records are accepted: gold-derived records of the seeds, self-derived corpus records."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.crosscheck import CORPUS, GOLD, SEEDS, needs_gold

from summarizer.crosscheck import check_record
from summarizer.domain import VerdictStatus
from summarizer.evaluation.clean import clean_record
from summarizer.evaluation.derived import record_from_mentions
from summarizer.evaluation.gold import load_gold_file
from summarizer.numbers import extract_mentions
from summarizer.source_text import read_source_text


@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_gold_derived_record_is_accepted(name: str) -> None:
    needs_gold()
    gold = load_gold_file(GOLD / f"{name}.json")
    text = read_source_text(SEEDS / gold.article)
    rec = clean_record(text, gold)
    verdict = check_record(text, rec, published=gold.published)
    assert verdict.status == VerdictStatus.accepted, [d.message for d in verdict.discrepancies]
    assert verdict.numbers_checked >= len(gold.figures)


def _corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus(), reason=f"robustness corpus not found at {CORPUS}")
@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_self_derived_record_is_accepted_on_the_corpus(path: Path) -> None:
    text = read_source_text(path)
    mentions = extract_mentions(text)
    rec = record_from_mentions(text, mentions)
    verdict = check_record(text, rec, mentions=mentions)
    assert verdict.status == VerdictStatus.accepted, [d.message for d in verdict.discrepancies]
    # Without mention ids or texts the checker must find the same figures itself.
    bare = rec.model_copy(
        update={
            "figures": [
                f.model_copy(update={"mention_id": None, "text": None}) for f in rec.figures
            ]
        }
    )
    assert check_record(text, bare).status == VerdictStatus.accepted
