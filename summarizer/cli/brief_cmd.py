"""`summarizer brief`: one briefing across the stored articles (Markdown, HTML or JSON)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from summarizer.brief.build import build_briefing
from summarizer.brief.from_store import inputs_from_store
from summarizer.brief.render_html import render_html
from summarizer.brief.render_json import render_json
from summarizer.brief.render_md import render_markdown
from summarizer.cli.app import app
from summarizer.cli.options import DbOption
from summarizer.store.engine import open_engine
from summarizer.store.repository import Store


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
    store = Store(open_engine(db, create=False))  # a read: never create an empty store
    try:
        selection = inputs_from_store(store, start)
    finally:
        store.close()
    for problem in selection.problems:  # one bad article never breaks the briefing
        typer.echo(f"warning: {problem}", err=True)
    if selection.without_record:
        typer.echo(
            f"note: {selection.without_record} stored article(s) have no record yet "
            "(failed or not extracted) and are left out",
            err=True,
        )
    briefing = build_briefing(selection.inputs, since=start)
    renderers = {
        BriefFormat.md: render_markdown,
        BriefFormat.html: render_html,
        BriefFormat.json: render_json,
    }
    text = renderers[output_format](briefing)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    counts = briefing.counts
    typer.echo(
        f"wrote {output} ({counts.articles} articles, {counts.accepted} accepted, "
        f"{counts.flagged} flagged, {len(briefing.flagged)} open flags)",
        err=True,
    )
