"""The extractor runs on every seed and corpus article, and its spans are exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.numbers import extract_mentions

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def _check_invariants(text: str) -> None:
    mentions = extract_mentions(text)
    assert [m.id for m in mentions] == [f"n{i}" for i in range(1, len(mentions) + 1)]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    previous_end = 0
    for m in mentions:
        assert m.text == text[m.start : m.end]
        assert m.start >= previous_end, f"{m.text!r} overlaps the mention before it"
        previous_end = m.end
        if m.value_high is not None:
            assert m.value_high > m.value


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_spans_are_exact(path: Path) -> None:
    _check_invariants(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not CORPUS_FILES, reason=f"robustness corpus not found under {CORPUS}")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.stem for p in CORPUS_FILES])
def test_corpus_spans_are_exact(path: Path) -> None:
    _check_invariants(path.read_text(encoding="utf-8"))
