"""Every gold figure of every seed is found with the right value, sign and unit."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from summarizer.domain import Direction, NumericMention
from summarizer.numbers import extract_mentions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "gold"
TOLERANCE = Decimal("0.005")


def _gold_figures() -> list[tuple[str, dict[str, Any]]]:
    if not GOLD.is_dir():
        return []
    cases: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(GOLD.glob("*.json")):
        for figure in json.loads(path.read_text(encoding="utf-8"))["figures"]:
            cases.append((path.stem, figure))
    return cases


def signed(mention: NumericMention) -> Decimal:
    """The signed value a record would carry: a decrease is negative."""
    return -mention.value if mention.direction == Direction.down else mention.value


def matches(mention: NumericMention, figure: dict[str, Any]) -> bool:
    gold = Decimal(str(figure["value"]))
    close = abs(signed(mention) - gold) <= abs(gold) * TOLERANCE
    return close and mention.unit == figure["unit"]


CASES = _gold_figures()


@pytest.mark.skipif(not CASES, reason=f"gold annotations not found under {GOLD}")
@pytest.mark.parametrize(
    ("seed", "figure"), CASES, ids=[f"{seed}:{figure['text']}" for seed, figure in CASES]
)
def test_gold_figure_is_found(seed: str, figure: dict[str, Any]) -> None:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    mentions = extract_mentions(text)
    occurrences = [m.span() for m in re.finditer(re.escape(figure["text"]), text)]
    assert occurrences, f"gold text {figure['text']!r} is not in the seed"
    for start, end in occurrences:
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        assert any(matches(m, figure) for m in overlapping), (
            f"{figure['text']!r} at {start}: expected {figure['value']} {figure['unit']}, "
            f"got {[(m.text, str(signed(m)), m.unit) for m in overlapping]}"
        )


@pytest.mark.skipif(not CASES, reason=f"gold annotations not found under {GOLD}")
def test_figure_precision_on_seeds_stays_high() -> None:
    """Figure mentions that no gold figure explains stay few (gold skips some counts)."""
    extra: list[str] = []
    total = 0
    for path in sorted(GOLD.glob("*.json")):
        figures = json.loads(path.read_text(encoding="utf-8"))["figures"]
        text = (SEEDS / f"{path.stem}.txt").read_text(encoding="utf-8")
        gold_spans = [m.span() for f in figures for m in re.finditer(re.escape(f["text"]), text)]
        for mention in extract_mentions(text):
            if not mention.is_figure:
                continue
            total += 1
            if not any(mention.start < e and s < mention.end for s, e in gold_spans):
                extra.append(mention.text)
    # Not annotated but real: "21st edition"-like ordinals, "10 localities", "Comment (0)".
    assert total - len(extra) >= 0.75 * total, extra
