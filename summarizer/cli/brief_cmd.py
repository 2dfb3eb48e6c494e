"""`summarizer brief`: one briefing across the stored articles (Markdown, HTML or JSON)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from summarizer.api import briefing
from summarizer.cli.app import app
from summarizer.cli.options import DbOption


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def _parse_since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


@app.command("brief")
def brief_command(
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only articles published on or after this date (YYYY-MM-DD)."),
    ] = None,
    output_format: Annotated[
        BriefFormat, typer.Option("--format", help="md (default), html or json.")
    ] = BriefFormat.md,
    db: DbOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Briefing across stored articles: meetings, figures, agreements, open flags."""
    start = _parse_since(since)
    result = briefing(db, since=start)  # a read: never creates an empty store
    for problem in result.problems:  # one bad article never breaks the briefing
        typer.echo(f"warning: {problem}", err=True)
    if result.without_record:
        typer.echo(
            f"note: {result.without_record} stored article(s) have no record yet "
            "(failed or not extracted) and are left out",
            err=True,
        )
    text = result.render(output_format.value)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    counts = result.briefing.counts
    typer.echo(
        f"wrote {output} ({counts.articles} articles, {counts.accepted} accepted, "
        f"{counts.flagged} flagged, {len(result.briefing.flagged)} open flags)",
        err=True,
    )
