"""`summarizer batch`: many articles into the store, in parallel, resumable and idempotent."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from summarizer.batch.extraction import LazyExtractor, cache_spec, recheck
from summarizer.batch.progress import (
    BatchSummary,
    NullProgress,
    ProgressSink,
    RichProgress,
    failure_lines,
)
from summarizer.batch.progress import summary_table as make_summary_table
from summarizer.cli.app import app
from summarizer.domain import IngestFailure, SourceArticle
from summarizer.ingest import iter_sources
from summarizer.llm.config import resolve_config
from summarizer.source_text import InputError
from summarizer.store.engine import DB_ENV_VAR
from summarizer.store.repository import Store

_HELP = (
    "Extract and cross-check every article into the store; rerun to resume.\n\n"
    "Articles already stored for the same model, prompt version and schema version are "
    "skipped, so a rerun (also after a crash) does only what is missing. Exits 1 when any "
    "article or source failed; failures are stored with their error (see --retry-failed)."
)


@app.command("batch", help=_HELP)
def batch_command(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files, folders, URLs or RSS/Atom feeds.", metavar="SOURCE..."),
    ],
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, max=256, help="Model calls in flight.")
    ] = 4,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help=f"SQLite file or SQLAlchemy URL (default ${DB_ENV_VAR}, else ./summarizer.db).",
        ),
    ] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Process articles whose last run failed again.")
    ] = False,
    recheck_stored: Annotated[
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
        float,
        typer.Option("--poll-interval", min=0.0, help="Seconds between provider batch polls."),
    ] = 30.0,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ignore and do not fill the response cache.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Plan, then run locally, on Ray or through the provider's Batch API; print a summary."""
    console = Console(stderr=True)
    if provider_batch and ray_address:
        raise typer.BadParameter("--provider-batch and --ray cannot be combined")
    try:
        config = resolve_config(base_url=base_url, model=model, config_file=config_file)
        store = Store.open(db)
    except InputError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    spec = cache_spec(config)
    items: list[SourceArticle | IngestFailure] = list(iter_sources(sources))
    progress: ProgressSink = NullProgress() if quiet else RichProgress(console)
    summary: BatchSummary
    if provider_batch:
        from summarizer.batch.provider_batch import run_provider_batch

        summary = run_provider_batch(
            items,
            store=store,
            config=config,
            spec=spec,
            rechecker=recheck,
            retry_failed=retry_failed,
            progress=progress,
            poll_interval_s=poll_interval,
        )
    elif ray_address:
        from summarizer.batch.ray_runner import RayUnavailableError, run_ray_batch

        try:
            summary = run_ray_batch(
                items,
                store=store,
                config=config,
                spec=spec,
                address=ray_address,
                concurrency=concurrency,
                retry_failed=retry_failed,
                recheck=recheck_stored,
                rechecker=recheck,
                progress=progress,
                use_cache=not no_cache,
            )
        except RayUnavailableError as exc:
            console.print(f"[red]error:[/] {escape(str(exc))}")
            store.close()
            raise typer.Exit(2) from exc
    else:
        from summarizer.batch.runner import run_batch

        with LazyExtractor(config) as extractor:
            summary = run_batch(
                items,
                store=store,
                extractor=extractor,
                spec=spec,
                concurrency=concurrency,
                retry_failed=retry_failed,
                recheck=recheck_stored,
                rechecker=recheck,
                progress=progress,
                use_cache=not no_cache,
            )
    if quiet:
        console.print(make_summary_table(summary))
    for line in failure_lines(summary):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    store.close()
    if summary.failed or summary.input_failed:
        raise typer.Exit(1)
