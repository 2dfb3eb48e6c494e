"""`summarizer eval --articles DIR --gold DIR`: number recall/precision and the
cross-check mutation benchmark; `--extract` also scores the language model's records."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, cast

import typer
from rich.console import Console
from rich.table import Table

from summarizer.cli.app import app
from summarizer.domain import (
    ExtractionOutcome,
    SourceArticle,
)
from summarizer.evaluation.attribution import MeaningScores
from summarizer.evaluation.benchmark import ArticleInput
from summarizer.evaluation.gold import GoldError
from summarizer.evaluation.meaning_mutations import MeaningResult, run_meaning_benchmark
from summarizer.evaluation.report import (
    DETECTION_TARGET,
    FALSE_ALARM_TARGET,
    EvalReport,
    evaluate,
    load_articles,
)
from summarizer.evaluation.scoring import ModelScores, ScoredPair, outcome_pair, score_records
from summarizer.review.regression import load_regression_cases
from summarizer.review.replay import replay_cases, summary_line
from summarizer.source_text import InputError

ExtractFn = Callable[[SourceArticle], ExtractionOutcome]


def load_model_extractor() -> ExtractFn:
    """The extraction hook, imported only when --extract is asked for.

    `summarizer.extraction.extract_for_eval` is the contract; the pipeline module that
    defines it is tried too, in case the package does not re-export it.
    """
    problems: list[str] = []
    for module_name in ("summarizer.extraction", "summarizer.extraction.pipeline"):
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            problems.append(str(exc))
            continue
        hook = getattr(module, "extract_for_eval", None)
        if callable(hook):
            return cast(ExtractFn, hook)
        problems.append(f"{module_name} has no extract_for_eval")
    raise RuntimeError(f"model extraction is not available ({'; '.join(problems)})")


def score_model(
    articles: list[ArticleInput], extract: ExtractFn, records: Path | None = None
) -> ModelScores:
    """Run the model on every article and score its records (F1 and meaning) against gold;
    with `records`, each outcome is also written there as `<gold name>.json`."""
    pairs = []
    texts = []
    for article in articles:
        source = article.source()
        outcome = extract(source)
        if records is not None:
            (records / f"{article.name}.json").write_text(
                outcome.model_dump_json(indent=1), encoding="utf-8"
            )
        pairs.append(outcome_pair(outcome, source.article_id, article.gold))
        texts.append(source.text)
    return score_records(pairs, texts)


def score_frames(articles: list[ArticleInput]) -> ModelScores:
    """The program's own figures for every article (no model), checked and scored against
    gold: what the embedded default's records say about their numbers."""
    from summarizer.crosscheck import check_record
    from summarizer.extraction.requests import frame_extraction

    pairs: list[ScoredPair] = []
    texts = []
    for article in articles:
        source = article.source()
        extraction = frame_extraction(source)
        verdict = check_record(source.text, extraction, published=source.meta.published)
        pairs.append((extraction, verdict, article.gold))
        texts.append(source.text)
    return score_records(pairs, texts)


@app.command("eval")
def eval_command(
    articles: Annotated[Path, typer.Option("--articles", help="Folder of article .txt files.")],
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold .json files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    extract: Annotated[
        bool, typer.Option("--extract", help="Also run the language model and score it.")
    ] = False,
    regressions: Annotated[
        Path | None,
        typer.Option(
            "--regressions",
            help="Replay review decisions exported by `summarizer review export`.",
        ),
    ] = None,
    meaning: Annotated[
        bool, typer.Option("--meaning", help="Also run the meaning mutation benchmark.")
    ] = False,
    records: Annotated[
        Path | None,
        typer.Option(
            "--records", help="With --extract: write each model outcome to DIR/NAME.json."
        ),
    ] = None,
    frames: Annotated[
        bool,
        typer.Option(
            "--frames", help="Also score the program's own figures (the framed path, no model)."
        ),
    ] = False,
) -> None:
    """Score number extraction and the cross-checker against hand-made gold."""
    try:
        inputs = load_articles(articles, gold)
        cases = load_regression_cases(regressions) if regressions is not None else None
        if records is not None:
            records.mkdir(parents=True, exist_ok=True)
    except (GoldError, InputError, OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    extractor: ExtractFn | None = None
    if extract:
        try:
            extractor = load_model_extractor()
        except RuntimeError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
    report = evaluate(inputs)
    if extractor is not None:
        try:
            report.model = score_model(inputs, extractor, records)
        except OSError as exc:
            typer.echo(f"error: cannot write a model record: {exc}", err=True)
            raise typer.Exit(code=2) from None
    if frames:
        report.frames = score_frames(inputs)
    if cases is not None:
        report.regressions = replay_cases(cases)
    meaning_result = run_meaning_benchmark(inputs) if meaning else None
    if as_json:
        data = report.to_json()
        if meaning_result is not None:
            data["meaning"] = meaning_result.to_json()
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    print_report(report)
    if meaning_result is not None:
        print_meaning(meaning_result)


def print_model_meaning(console: Console, scores: MeaningScores) -> None:
    """What the matched records say, against the gold's `what`, `period`, status, date."""
    table = Table(title="Meaning of matched model records vs gold")
    for column in ("matched items", "right", "judged", "rate"):
        table.add_column(column, justify="left" if column == "matched items" else "right")
    rows = (
        ("figures: metric and period (attribution)", scores.attribution),
        ("figures: metric (entities, roles, measure)", scores.metric),
        ("figures: period", scores.period),
        ("agreements (paired by title): status", scores.agreement_status),
        ("meetings: date", scores.meeting_date),
    )
    for label, share in rows:
        table.add_row(label, str(share.right), str(share.judged), f"{share.rate:.1%}")
    console.print(table)
    console.print(
        f"accepted records: {scores.accepted_role_swaps} figure(s) with a swapped exporter, "
        f"{scores.accepted_wrong_status} agreement(s) with the wrong status",
        markup=False,
    )


def print_meaning(result: MeaningResult) -> None:
    """The meaning benchmark's table (`--meaning`)."""
    console = Console(width=120)
    table = Table(title=f"Meaning mutation benchmark ({result.clean.cases} correct records)")
    for column in ("error kind", "cases", "detected", "expected code"):
        table.add_column(column, justify="left" if column == "error kind" else "right")
    for kind, tally in sorted(result.kinds.items()):
        table.add_row(kind, str(tally.cases), f"{tally.rate:.1%}", f"{tally.code_rate:.1%}")
    table.add_row("correct (false alarms)", str(result.clean.cases), f"{result.clean.rate:.1%}", "")
    console.print(table)
    verdict = "MET" if result.meets_targets else "NOT MET"
    console.print(
        f"meaning targets (>= 90% on average, >= 60% per kind, invented names and locations "
        f">= 99%, false alarms <= 2%): {verdict}; average {result.average:.1%}",
        markup=False,
    )


def print_report(report: EvalReport) -> None:
    """Rich tables: number extraction, cross-check detection, model scores."""
    console = Console(width=120)
    n = report.numbers
    numbers = Table(title=f"Number extraction vs gold ({len(report.articles)} articles)")
    for column in ("metric", "value", "counts"):
        numbers.add_column(column)
    numbers.add_row("recall", f"{n.recall:.1%}", f"{n.found}/{n.gold} gold figures")
    numbers.add_row("core recall", f"{n.core_recall:.1%}", f"{n.core_found}/{n.core_gold}")
    numbers.add_row(
        "precision", f"{n.precision:.1%}", f"{n.correct_mentions}/{n.mentions} figure mentions"
    )
    console.print(numbers)
    bench = report.benchmark
    table = Table(title=f"Cross-check mutation benchmark ({bench.cases} cases)")
    for column in ("error kind", "cases", "detected", "expected code", "skipped"):
        table.add_column(column, justify="left" if column == "error kind" else "right")
    for kind, result in sorted(bench.kinds.items()):
        table.add_row(
            kind,
            str(result.cases),
            f"{result.rate:.1%}",
            f"{result.code_rate:.1%}",
            str(bench.skipped.get(kind, 0)),
        )
    table.add_row(
        "clean (false alarms)", str(bench.clean.cases), f"{bench.false_alarm_rate:.1%}", "", ""
    )
    console.print(table)
    verdict = "MET" if report.meets_targets else "NOT MET"
    console.print(
        f"targets (detection >= {DETECTION_TARGET:.0%} per kind, "
        f"false alarms <= {FALSE_ALARM_TARGET:.0%}): {verdict}"
    )
    console.print(
        f"false alarms: one-figure records {bench.single.rate:.1%} of {bench.single.cases}, "
        f"whole-article records {bench.whole.rate:.1%} of {bench.whole.cases}"
    )
    for base in bench.flagged_bases:
        console.print(f"  clean base record already flagged: {base}", markup=False)
    if bench.gold_skipped:
        console.print(
            f"gold items skipped (not scored as clean cases): {len(bench.gold_skipped)}",
            markup=False,
        )
        for item in bench.gold_skipped:
            console.print(f"  skipped: {item}", markup=False)
    for result in [bench.clean, *bench.kinds.values()]:
        for miss in result.misses[:5]:
            console.print(f"  miss: {miss}", markup=False)
    if report.model is not None:
        model = Table(title=f"Model records vs gold ({report.model.articles} articles)")
        for column in ("part", "precision", "recall", "f1", "matched/pred/gold"):
            model.add_column(column)
        for name in ("figures", "meetings", "agreements"):
            prf = getattr(report.model, name)
            model.add_row(
                name,
                f"{prf.precision:.1%}",
                f"{prf.recall:.1%}",
                f"{prf.f1:.1%}",
                f"{prf.matched}/{prf.predicted}/{prf.gold}",
            )
        console.print(model)
        console.print(f"cross-checker accepted {report.model.accepted_rate:.1%} of model records")
        if report.model.meaning is not None:
            print_model_meaning(console, report.model.meaning)
    if report.frames is not None:
        prf = report.frames.figures
        console.print(
            f"program's figures (no model), {report.frames.articles} articles: precision "
            f"{prf.precision:.1%}, recall {prf.recall:.1%}, F1 {prf.f1:.1%} "
            f"({prf.matched}/{prf.predicted}/{prf.gold}); cross-checker accepted "
            f"{report.frames.accepted_rate:.1%}",
            markup=False,
        )
        if report.frames.meaning is not None:
            print_model_meaning(console, report.frames.meaning)
    if report.regressions is not None:
        console.print(f"review regressions: {summary_line(report.regressions)}", markup=False)
        for replayed in report.regressions:
            if replayed.field_still_flagged:
                console.print(
                    f"  still flagged: #{replayed.discrepancy_id} {replayed.decision} "
                    f"{replayed.field} ({', '.join(replayed.codes)})",
                    markup=False,
                )
