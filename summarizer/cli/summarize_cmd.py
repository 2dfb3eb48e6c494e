"""`summarizer summarize FILE|URL`: one article to a checked record (JSON) or a briefing (Markdown).

Exit codes: 0 accepted, 3 flagged by the cross-check, 4 the model failed, 2 bad input.
Errors (`summarizer.errors`) are turned into one stderr line and their exit code by the
CLI's one handler (`summarizer.cli.app`), so this command only says what to do.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from summarizer.api import summarize
from summarizer.cli.app import app
from summarizer.domain import OutcomeStatus
from summarizer.errors import EXIT_MODEL_FAILED
from summarizer.ingest import load_article
from summarizer.llm.config import resolve_config
from summarizer.render.record_markdown import render_outcome_markdown

EXIT_CODES = {
    OutcomeStatus.accepted: 0,
    OutcomeStatus.flagged: 3,
    OutcomeStatus.failed: EXIT_MODEL_FAILED,
}


class OutputFormat(StrEnum):
    json = "json"
    md = "md"


@app.command("summarize")
def summarize_command(
    source: Annotated[str, typer.Argument(help="Article file path or http(s) URL.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="json: the whole outcome; md: a briefing.")
    ] = OutputFormat.json,
    base_url: Annotated[
        str | None,
        typer.Option(help="OpenAI-compatible endpoint; default: the embedded model."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name at the endpoint.")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML config file (default ./summarizer.toml).")
    ] = None,
    grounding: Annotated[
        bool, typer.Option(help="Let the model cite regex-found numbers instead of retyping.")
    ] = True,
    figure_metrics: Annotated[
        str | None,
        typer.Option(
            help="Who names what each number measures: 'frames' (the program, from the "
            "words around it) or 'model'; default frames for the embedded model."
        ),
    ] = None,
) -> None:
    """Extract meetings, figures and agreements from one article and cross-check the numbers."""
    settings = resolve_config(
        base_url=base_url,
        model=model,
        config_file=config,
        grounding=grounding,
        figure_metrics=figure_metrics,
    )
    article = load_article(source)  # a path or URL as given (ftp:// is named, not a path)
    outcome = summarize(article, config=settings)  # a ModelError exits 4 through the handler
    if output_format == OutputFormat.md:
        typer.echo(render_outcome_markdown(outcome), nl=False)
    else:
        typer.echo(outcome.model_dump_json(indent=2))
    if outcome.status == OutcomeStatus.failed:
        typer.echo(f"error: {outcome.error}", err=True)
    raise typer.Exit(EXIT_CODES[outcome.status])
