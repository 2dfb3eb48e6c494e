"""Compare summarizer.numbers with quantulum3: throughput and recall of the gold figures.

Run from the repository root:  python benchmarks/bench_numbers.py [--repeat N]
(the development corpus eval/dev/ by default; --articles seeds --gold ../shared/eval/gold
for the seeds).

Throughput is measured over the articles after a warm-up call (quantulum3 loads its
unit tables on first use). Recall is counted two ways:

- strict (ours only): value signed by direction and the gold unit by the vocabulary's
  rule (`summarizer.vocabulary.units_agree`: ISO code or its lineage, percent, counted
  noun stem, compound unit); "core" counts only gold figures not marked `core: false`;
- lenient (both tools): the magnitude matches within 0.5% and the unit class agrees
  (same currency code; percent; anything else for a counted noun), since quantulum3 has no
  notion of direction or of the counted noun.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from summarizer.crosscheck import check_record
from summarizer.domain import Direction, NumericMention
from summarizer.evaluation.clean import clean_record
from summarizer.evaluation.gold import load_gold_file
from summarizer.numbers import extract_mentions
from summarizer.vocabulary import RANK, RATIO, TIMES, units_agree

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "eval" / "dev" / "articles"
GOLD = ROOT / "eval" / "dev" / "gold"
TOLERANCE = Decimal("0.005")

Span = tuple[int, int]


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= abs(b) * TOLERANCE


def _unit_class(unit: str) -> str:
    if unit == "percent":
        return "percent"
    return unit if unit.isupper() else "noun"


def _ours_hits(text: str, figure: dict[str, Any], span: Span, *, strict: bool) -> bool:
    gold_value = Decimal(str(figure["value"]))
    for m in extract_mentions(text):
        if not (m.start < span[1] and span[0] < m.end) or m.unit is None:
            continue
        if strict:
            # a multiple, ratio or rank is a positive factor ("halved" = 0.5 times, down)
            down = m.direction == Direction.down and m.unit not in (TIMES, RATIO, RANK)
            signed = -m.value if down else m.value
            if _close(signed, gold_value) and units_agree(m.unit, figure["unit"]):
                return True
        elif _close(m.value, abs(gold_value)) and _lenient_unit(m, figure["unit"]):
            return True
    return False


def _lenient_unit(m: NumericMention, gold_unit: str) -> bool:
    assert m.unit is not None
    return _unit_class(m.unit) == _unit_class(gold_unit)


def _quantulum_hits(quantities: list[Any], figure: dict[str, Any], span: Span) -> bool:
    gold_value = abs(Decimal(str(figure["value"])))
    wanted = _unit_class(figure["unit"])
    for q in quantities:
        q_start, q_end = q.span
        if not (q_start < span[1] and span[0] < q_end):
            continue
        if not _close(Decimal(str(q.value)), gold_value):
            continue
        code = getattr(q.unit, "currency_code", None)
        if q.unit.name == "percentage":
            got = "percent"
        elif code:
            got = str(code)
        else:
            got = "noun"
        if got == wanted:
            return True
    return False


def _time(function: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """CPU seconds for one pass over ``texts``: best of three runs of ``repeat`` passes.

    Process time, not wall time, so that other work on a shared machine skews it less.
    """
    runs = []
    for _ in range(3):
        started = time.process_time()
        for _ in range(repeat):
            for text in texts:
                function(text)
        runs.append((time.process_time() - started) / repeat)
    return min(runs)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--repeat", type=int, default=200, help="passes for our extractor")
    arguments.add_argument("--repeat-quantulum", type=int, default=1, help="passes for quantulum3")
    arguments.add_argument("--articles", type=Path, default=ARTICLES, help="article .txt folder")
    arguments.add_argument("--gold", type=Path, default=GOLD, help="gold .json folder")
    options = arguments.parse_args()

    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser  # imported here: slow import, optional dev dependency

    gold_files = sorted(options.gold.glob("*.json"))
    if not gold_files:
        raise SystemExit(f"no gold files under {options.gold}")
    texts = {
        p.stem: (options.articles / json.loads(p.read_text(encoding="utf-8"))["article"]).read_text(
            encoding="utf-8"
        )
        for p in gold_files
    }
    corpus = list(texts.values())
    chars = sum(len(t) for t in corpus)

    parser.parse(corpus[0])  # warm-up: quantulum3 loads its unit tables on first use
    extract_mentions(corpus[0])
    ours_s = _time(extract_mentions, corpus, options.repeat)
    theirs_s = _time(parser.parse, corpus, options.repeat_quantulum)

    records = [(texts[p.stem], clean_record(texts[p.stem], load_gold_file(p))) for p in gold_files]
    started = time.process_time()
    for text, record in records:
        check_record(text, record)
    check_s = time.process_time() - started
    checked_numbers = sum(len(record.figures) for _, record in records)

    total = strict = ours_lenient = theirs_lenient = core_total = core_strict = 0
    for path in gold_files:
        text = texts[path.stem]
        quantities = parser.parse(text)
        for figure in json.loads(path.read_text(encoding="utf-8"))["figures"]:
            for match in re.finditer(re.escape(figure["text"]), text):
                total += 1
                span = match.span()
                hit = _ours_hits(text, figure, span, strict=True)
                strict += hit
                if figure.get("core", True):
                    core_total += 1
                    core_strict += hit
                ours_lenient += _ours_hits(text, figure, span, strict=False)
                theirs_lenient += _quantulum_hits(quantities, figure, span)

    figures = unexplained = 0
    for path in gold_files:
        text = texts[path.stem]
        spans = [
            m.span()
            for f in json.loads(path.read_text(encoding="utf-8"))["figures"]
            for m in re.finditer(re.escape(f["text"]), text)
        ]
        for mention in extract_mentions(text):
            if mention.is_figure:
                figures += 1
                unexplained += not any(mention.start < e and s < mention.end for s, e in spans)

    n = len(corpus)
    print(
        f"{options.articles}: {n} articles, {chars:,} characters, {total} gold figure occurrences"
    )
    print(f"{'':24}{'articles/s':>12}{'chars/s':>14}{'recall (lenient)':>18}")
    for name, seconds, hits in (
        ("summarizer.numbers", ours_s, ours_lenient),
        ("quantulum3", theirs_s, theirs_lenient),
    ):
        print(
            f"{name:24}{n / seconds:12,.0f}{chars / seconds:14,.0f}"
            f"{hits / total:17.1%} ({hits}/{total})"
        )
    print(f"strict recall (signed value + gold unit), ours: {strict / total:.1%}")
    print(f"strict core recall, ours: {core_strict / core_total:.1%} ({core_strict}/{core_total})")
    print(
        f"figure mentions (dates/years excluded): {figures}, overlapping a gold figure: "
        f"{figures - unexplained} ({(figures - unexplained) / figures:.0%}); "
        f"not in gold: {unexplained}"
    )
    print(f"speed ratio: {theirs_s / ours_s:,.0f}x faster than quantulum3")
    print(f"per article: ours {ours_s / n * 1e3:.3f} ms, quantulum3 {theirs_s / n * 1e3:.1f} ms")
    print(
        f"cross-check of gold-derived records (extraction included, cold caches): "
        f"{check_s / n * 1e3:.2f} ms per article, "
        f"{check_s / max(checked_numbers, 1) * 1e3:.3f} ms per figure"
    )


if __name__ == "__main__":
    main()
