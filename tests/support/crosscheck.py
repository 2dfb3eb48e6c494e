"""Shared helpers for the cross-check and evaluation tests: seeds, gold, figure builders."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from summarizer.domain import Extraction, Figure
from summarizer.source_text import read_source_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "gold"
CORPUS = SHARED / "corpus" / "articles"


def seed(prefix: str) -> str:
    """The normalised text of the seed article whose name starts with `prefix`."""
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return read_source_text(path)


def sentence_with(text: str, needle: str) -> str:
    """The sentence of `text` holding `needle` (test-side, independent of product code)."""
    at = text.index(needle)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(". ", at)
    return text[start : end + 1 if end >= 0 else len(text)].strip()


def fig(
    source: str,
    text: str,
    value: str | int,
    unit: str,
    kind: str = "amount",
    **extra: Any,
) -> Figure:
    """A figure quoting `text`, its evidence the sentence around it."""
    data: dict[str, Any] = {
        "value": Decimal(str(value)),
        "unit": unit,
        "kind": kind,
        "metric": "test figure",
        "text": text,
        "evidence": sentence_with(source, text),
    }
    data.update(extra)
    return Figure.model_validate(data)


def record(*figures: Figure, summary: str = "A summary.", **extra: Any) -> Extraction:
    return Extraction.model_validate(
        {"summary": summary, "figures": [f.model_dump() for f in figures], **extra}
    )


def needs_gold() -> None:
    if not GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD}")
