"""`summarizer batch`: many articles into the store, in parallel, resumable and idempotent."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from summarizer.api import make_backend, run_batch
from summarizer.batch.api import BatchOptions
from summarizer.batch.progress import (
    NullProgress,
    RichProgress,
    failure_lines,
    has_failures,
    retry_hint,
)
from summarizer.batch.progress import summary_table as make_summary_table
from summarizer.cli.app import app
from summarizer.cli.options import DbOption

_HELP = (
    "Extract and cross-check every article into the store; rerun to resume.\n\n"
    "Articles already stored for the same model, prompt version and schema version are "
    "skipped, so a rerun (also after a crash) does only what is missing. Exits 1 while any "
    "article of the input has a failed run or a source could not be read, also when the "
    "failure is from an earlier run; failures are stored with their error and retried "
    "with --retry-failed."
)


@app.command("batch", help=_HELP)
def batch_command(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files, folders, URLs or RSS/Atom feeds.", metavar="SOURCE..."),
    ],
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            "-j",
            min=1,
            max=256,
            help="Model calls in flight (default 4; the embedded model on 2 cores: 1).",
        ),
    ] = None,
    db: DbOption = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Process articles whose last run failed again.")
    ] = False,
    recheck: Annotated[
        bool,
        typer.Option(
            "--recheck", help="Re-run the cross-check over stored records (no model calls)."
        ),
    ] = False,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (…/v1).")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Model name at the endpoint.")
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="TOML config file (an \\[llm] table).")
    ] = None,
    provider_batch: Annotated[
        bool,
        typer.Option(
            "--provider-batch", help="Submit through the hosted OpenAI Batch API (async, cheaper)."
        ),
    ] = False,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray", help="Distribute over Ray: 'auto', or ray://head:10001."),
    ] = None,
    poll_interval: Annotated[
        float | None,
        typer.Option(
            "--poll-interval", min=0.0, help="Seconds between provider batch polls (default 30)."
        ),
    ] = None,
    article_timeout: Annotated[
        float | None,
        typer.Option(
            "--article-timeout",
            min=1.0,
            help="Seconds one article may take before it is stored as failed (default 1800).",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ignore and do not fill the response cache.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Plan, then run locally, on Ray or through the provider's Batch API; print a summary."""
    console = Console(stderr=True)
    options = BatchOptions(
        concurrency=concurrency,
        retry_failed=retry_failed,
        recheck=recheck,
        use_cache=not no_cache,
        poll_interval_s=poll_interval,
        article_timeout_s=article_timeout,
    )
    backend = make_backend(
        ray=ray_address,
        provider_batch=provider_batch,
        base_url=base_url,
        model=model,
        config_file=config_file,
    )
    progress = NullProgress() if quiet else RichProgress(console)
    summary = run_batch(sources, db=db, options=options, backend=backend, progress=progress)
    if quiet:
        console.print(make_summary_table(summary))
    for line in failure_lines(summary):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    hint = retry_hint(summary)
    if hint:
        console.print(hint, markup=False, highlight=False, soft_wrap=True)
    if has_failures(summary):
        raise typer.Exit(1)
