"""Checks per second and microseconds per record for the cross-checker on the seeds.

    python benchmarks/bench_crosscheck.py [--articles DIR --gold DIR] [--repeat N] [--json]

Records are the gold-derived clean records, one per article, of the seeds (the gold
folder defaults to ../shared/eval/gold next to the repository; `--articles eval/dev/articles
--gold eval/dev/gold` times the development corpus). Four timings: with the source
mentions precomputed (as the pipeline does) and with the checker extracting them itself;
each also "cold", with the checker's caches (folded source, free-text numbers, meaning
readings, injection scan) cleared before every record, as for a source seen for the first
time. Each timing is split into its parts, each without the parts it calls: the number
checks (figures, breakdowns, numbers in free text, dates), the meaning checks
(`crosscheck.faithful.check_meaning`: grounding, frames, metric, period, status), the
extractor reading the record's own free text (summary, topics: the numbers a check
compares), the source's prompt-injection scan, and the rest (source context, verdict).
Times are this process's CPU time (`time.process_time`), so that other work on the
machine does not inflate them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.crosscheck import check_record, checker
from summarizer.crosscheck.checker import clear_caches
from summarizer.domain import Extraction, NumericMention, VerdictStatus
from summarizer.errors import SummarizerError
from summarizer.evaluation.clean import clean_record
from summarizer.evaluation.gold import load_gold_dir
from summarizer.numbers import extract_mentions
from summarizer.source_text import read_source_text

ROOT = Path(__file__).resolve().parents[1]

Job = tuple[str, Extraction, list[NumericMention], object]

_clock = time.process_time
"""CPU time of this process: on a shared machine, wall time counts the neighbours' work."""

_SECONDS: dict[str, float] = {"numbers": 0.0, "meaning": 0.0, "extract": 0.0, "scan": 0.0}
"""Seconds spent in each part of the check (exclusive of nested parts), summed over a run."""

_PARTS = {
    # The number checks: figures, breakdowns, numbers in free text, dates.
    "check_figure": "numbers",
    "check_breakdowns": "numbers",
    "check_free_text": "numbers",
    "check_date": "numbers",
    # Grounding, frames, metric, period, status (crosscheck.faithful.check_meaning).
    "check_meaning": "meaning",
    # Reading the numbers of the record's own free text (summary, topics) with the
    # extractor, for the number checks and the meaning checks alike (cached per text).
    "_extract_free_text": "extract",
    # The prompt-injection scan of the source (cached per source text).
    "_instructions": "scan",
}

_RUNNING: list[str] = []
"""The parts now running, innermost last: a nested part's time is not its caller's."""


def _timed(part: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding its time to _SECONDS[part] and taking it from the caller's part."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = _clock()
        _RUNNING.append(part)
        try:
            return function(*args, **kwargs)
        finally:
            _RUNNING.pop()
            spent = _clock() - start
            _SECONDS[part] += spent
            if _RUNNING:
                _SECONDS[_RUNNING[-1]] -= spent

    if hasattr(function, "cache_clear"):  # clear_caches() still empties a cached part
        vars(timed)["cache_clear"] = function.cache_clear
    return timed


for _name, _part in _PARTS.items():  # the checker calls each by this name
    vars(checker)[_name] = _timed(_part, vars(checker)[_name])


def _time(jobs: list[Job], repeat: int, precomputed: bool, cold: bool = False) -> float:
    """Seconds for `repeat` passes over all records (the parts' shares in _SECONDS)."""
    for part in _SECONDS:
        _SECONDS[part] = 0.0
    _FLAGGED[0] = 0
    start = _clock()
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
            _FLAGGED[0] += verdict.status == VerdictStatus.flagged
    return _clock() - start


_FLAGGED = [0]
"""Clean records flagged in the last timing run (0 on the seeds; a false alarm elsewhere)."""


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
        per = {part: spent / checks * 1e6 for part, spent in _SECONDS.items()}
        results[label] = {
            "checks_per_second": round(checks / seconds, 1),
            "us_per_record": round(seconds / checks * 1e6, 1),
            "numbers_us_per_record": round(per["numbers"], 1),
            "meaning_us_per_record": round(per["meaning"], 1),
            "free_text_extraction_us_per_record": round(per["extract"], 1),
            "scan_us_per_record": round(per["scan"], 1),
            "other_us_per_record": round(seconds / checks * 1e6 - sum(per.values()), 1),
        }
    flagged = _FLAGGED[0] // args.repeat
    report = {"records": len(jobs), "flagged": flagged, "repeat": args.repeat, **results}
    if args.json:
        print(json.dumps(report))
        return
    print(
        f"{len(jobs)} gold-derived records ({flagged} flagged) x {args.repeat} passes, "
        "microseconds per record"
    )
    for label, numbers in results.items():
        print(
            f"  {label:22s} {numbers['checks_per_second']:>9,.1f} checks/s "
            f"{numbers['us_per_record']:>9,.1f} us: "
            f"numbers {numbers['numbers_us_per_record']:>7,.1f}"
            f", meaning {numbers['meaning_us_per_record']:>8,.1f}"
            f", free-text extraction {numbers['free_text_extraction_us_per_record']:>7,.1f}"
            f", injection scan {numbers['scan_us_per_record']:>7,.1f}"
            f", context and verdict {numbers['other_us_per_record']:>7,.1f}"
        )


if __name__ == "__main__":
    try:
        main()
    except SummarizerError as error:  # bad --articles/--gold: one line, no traceback
        print(f"error: {error.user_message()}", file=sys.stderr)
        raise SystemExit(error.exit_code) from None
