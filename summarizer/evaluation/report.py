"""Run the whole evaluation over an articles folder and a gold folder; one report object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.evaluation.benchmark import ArticleInput, BenchmarkResult, run_benchmark
from summarizer.evaluation.gold import GoldError, load_gold_dir
from summarizer.evaluation.numbers_eval import NumberCounts, score_numbers
from summarizer.evaluation.scoring import ModelScores
from summarizer.numbers import extract_mentions
from summarizer.review.replay import ReplayResult
from summarizer.source_text import read_source_text

DETECTION_TARGET = 0.99
FALSE_ALARM_TARGET = 0.01


@dataclass(slots=True)
class EvalReport:
    """Everything `summarizer eval` prints."""

    articles: list[ArticleInput]
    numbers: NumberCounts
    benchmark: BenchmarkResult
    model: ModelScores | None = None
    frames: ModelScores | None = None
    """The program's own figures, no model (`--frames`); meetings and agreements empty."""
    regressions: list[ReplayResult] | None = None
    """Exported review decisions replayed through today's checker (`--regressions`)."""

    @property
    def meets_targets(self) -> bool:
        return self.benchmark.false_alarm_rate <= FALSE_ALARM_TARGET and all(
            k.rate >= DETECTION_TARGET for k in self.benchmark.kinds.values()
        )

    def to_json(self) -> dict[str, Any]:
        bench = self.benchmark
        return {
            "articles": len(self.articles),
            "numbers": {
                "recall": round(self.numbers.recall, 4),
                "precision": round(self.numbers.precision, 4),
                "core_recall": round(self.numbers.core_recall, 4),
                "gold_figures": self.numbers.gold,
                "found": self.numbers.found,
                "figure_mentions": self.numbers.mentions,
                "matching_mentions": self.numbers.correct_mentions,
            },
            "crosscheck": {
                "detection": {k: round(v.rate, 4) for k, v in sorted(bench.kinds.items())},
                "expected_code": {k: round(v.code_rate, 4) for k, v in sorted(bench.kinds.items())},
                "cases_per_kind": {k: v.cases for k, v in sorted(bench.kinds.items())},
                "false_alarm_rate": round(bench.false_alarm_rate, 4),
                "clean_cases": bench.clean.cases,
                "cases": bench.cases,
                "skipped": dict(sorted(bench.skipped.items())),
                "one_figure_false_alarm_rate": round(bench.single.rate, 4),
                "one_figure_cases": bench.single.cases,
                "whole_article_false_alarm_rate": round(bench.whole.rate, 4),
                "whole_article_cases": bench.whole.cases,
                "flagged_base_records": list(bench.flagged_bases),
                "meets_targets": self.meets_targets,
            },
            "gold_items_skipped": {
                "count": len(bench.gold_skipped),
                "reasons": skipped_reasons(bench.gold_skipped),
                "items": list(bench.gold_skipped),
            },
            "model": None if self.model is None else self.model.model_dump(),
            "frames": None if self.frames is None else self.frames.model_dump(),
            "regressions": None if self.regressions is None else regressions_json(self.regressions),
        }


def skipped_reasons(items: list[str]) -> dict[str, int]:
    """How many skipped gold items share each reason ("unknown qualifier", ...)."""
    counts: dict[str, int] = {}
    for item in items:
        reason = item.split(": ", 1)[-1].split(" '", 1)[0].split(' "', 1)[0]
        counts[reason] = counts.get(reason, 0) + 1
    return dict(sorted(counts.items()))


def regressions_json(results: list[ReplayResult]) -> dict[str, Any]:
    """Counts a script can track, and the cases the checker still gets wrong.

    A case is still wrong when the field a reviewer decided on is flagged again after the
    decision is applied: an approved model value the checker keeps flagging is a false
    alarm, a correction it keeps flagging is a checker that disagrees with the reviewer.
    """
    still = [r for r in results if r.field_still_flagged]
    return {
        "cases": len(results),
        "field_no_longer_flagged": len(results) - len(still),
        "record_accepted": sum(1 for r in results if r.record_accepted),
        "still_flagged": [
            {
                "discrepancy_id": r.discrepancy_id,
                "article_id": r.article_id,
                "field": r.field,
                "decision": r.decision,
                "codes": r.codes,
            }
            for r in still
        ],
    }


def load_articles(articles_dir: Path, gold_dir: Path) -> list[ArticleInput]:
    """Pair every gold file with its article (gold `article` names the file)."""
    if not articles_dir.is_dir():
        raise GoldError(f"{articles_dir}: not a directory of articles")
    pairs: list[ArticleInput] = []
    for gold in load_gold_dir(gold_dir):
        path = articles_dir / gold.article
        if not path.is_file():
            raise GoldError(f"{path}: article named by gold file {gold.article!r} is missing")
        pairs.append(ArticleInput(gold.article, read_source_text(path), gold))
    if not pairs:
        raise GoldError(f"{gold_dir}: no gold *.json files")
    return pairs


def evaluate(articles: list[ArticleInput]) -> EvalReport:
    """Number-extraction scores and the cross-check mutation benchmark."""
    counts = NumberCounts()
    for article in articles:
        score_numbers(article.text, article.gold, extract_mentions(article.text), counts)
    return EvalReport(articles=articles, numbers=counts, benchmark=run_benchmark(articles))
