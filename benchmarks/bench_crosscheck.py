"""Checks per second and microseconds per record for the cross-checker on the seeds.

    python benchmarks/bench_crosscheck.py [--gold DIR] [--repeat N] [--json]

Records are the gold-derived clean records of the seeds (the gold folder defaults to
../shared/eval/gold next to the repository). Four timings: with the source mentions
precomputed (as the pipeline does) and with the checker extracting them itself; each
also "cold", with the checker's caches (folded source, free-text numbers) cleared before
every record, as for a source seen for the first time. Each line also gives the share
spent in the meaning checks (`crosscheck.faithful.check_meaning`: grounding, frames,
metric, period, status) apart from the number checks and the rest.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from summarizer.crosscheck import check_record, checker, faithful
from summarizer.crosscheck.checker import clear_caches
from summarizer.domain import Extraction, NumericMention, VerdictStatus
from summarizer.evaluation.clean import clean_record
from summarizer.evaluation.gold import load_gold_dir
from summarizer.numbers import extract_mentions
from summarizer.source_text import read_source_text

ROOT = Path(__file__).resolve().parents[1]

Job = tuple[str, Extraction, list[NumericMention], object]

_MEANING_SECONDS = [0.0]
_check_meaning = faithful.check_meaning


def _timed_meaning(*args: Any, **kwargs: Any) -> Any:
    """`check_meaning`, adding its time to _MEANING_SECONDS."""
    start = time.perf_counter()
    try:
        return _check_meaning(*args, **kwargs)
    finally:
        _MEANING_SECONDS[0] += time.perf_counter() - start


vars(checker)["check_meaning"] = _timed_meaning  # the checker calls it by this name


def _time(jobs: list[Job], repeat: int, precomputed: bool, cold: bool = False) -> float:
    """Seconds for `repeat` passes over all records (meaning part in _MEANING_SECONDS)."""
    _MEANING_SECONDS[0] = 0.0
    start = time.perf_counter()
    for _ in range(repeat):
        for text, record, mentions, published in jobs:
            if cold:
                clear_caches()
            verdict = check_record(
                text,
                record,
                published=published,  # type: ignore[arg-type]
                mentions=mentions if precomputed else None,
            )
            assert verdict.status == VerdictStatus.accepted
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    jobs: list[Job] = []
    for gold in load_gold_dir(args.gold):
        text = read_source_text(args.articles / gold.article)
        jobs.append((text, clean_record(text, gold), extract_mentions(text), gold.published))
    _time(jobs, 3, True)  # warm caches
    results = {}
    for label, precomputed, cold in (
        ("mentions_precomputed", True, False),
        ("precomputed_cold", True, True),
        ("mentions_extracted", False, False),
        ("extracted_cold", False, True),
    ):
        seconds = _time(jobs, args.repeat, precomputed, cold)
        checks = args.repeat * len(jobs)
        results[label] = {
            "checks_per_second": round(checks / seconds, 1),
            "us_per_record": round(seconds / checks * 1e6, 1),
            "meaning_us_per_record": round(_MEANING_SECONDS[0] / checks * 1e6, 1),
        }
    report = {"records": len(jobs), "repeat": args.repeat, **results}
    if args.json:
        print(json.dumps(report))
        return
    print(f"{len(jobs)} gold-derived seed records x {args.repeat} passes")
    for label, numbers in results.items():
        print(
            f"  {label:22s} {numbers['checks_per_second']:>9,.1f} checks/s "
            f"{numbers['us_per_record']:>9,.1f} us/record "
            f"(meaning checks {numbers['meaning_us_per_record']:>7,.1f}, "
            f"the rest {numbers['us_per_record'] - numbers['meaning_us_per_record']:>7,.1f})"
        )


if __name__ == "__main__":
    main()
