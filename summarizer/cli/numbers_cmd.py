"""`summarizer numbers FILE`: list the figures the deterministic extractor finds in an article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from summarizer.cli.app import app
from summarizer.domain import MentionKind, NumericMention
from summarizer.numbers import extract_mentions
from summarizer.source_text import read_source_text


@app.command("numbers")
def numbers(
    file: Annotated[Path, typer.Argument(help="Article text file (UTF-8).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON array of the mentions.")
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list dates and years (hidden by default).")
    ] = False,
) -> None:
    """List every figure in FILE with its normalised value, unit, kind and span."""
    text = read_source_text(file)  # an InputError exits 2 through the CLI's one handler
    mentions = [m for m in extract_mentions(text) if show_all or m.is_figure]
    if as_json:
        typer.echo(json.dumps([m.model_dump(mode="json") for m in mentions], ensure_ascii=False))
        return
    Console(width=160).print(_table(file, mentions))


def _table(file: Path, mentions: list[NumericMention]) -> Table:
    """One row per mention; empty cells stay blank so the figures stand out."""
    table = Table(title=f"{len(mentions)} numeric mentions in {file.name}")
    for column in ("id", "text", "value", "unit", "kind", "direction", "qualifier", "span"):
        table.add_column(column, justify="right" if column == "value" else "left")
    for m in mentions:
        value = _value_cell(m)
        if m.ambiguous:
            value += " (?)"
        table.add_row(
            m.id,
            m.text,
            value,
            m.unit or "",
            m.kind.value,
            m.direction.value if m.direction else "",
            m.qualifier.value if m.qualifier else "",
            f"{m.start}-{m.end}",
        )
    return table


def _value_cell(mention: NumericMention) -> str:
    """Figures with thousands separators; dates in ISO form; years as written numbers."""
    if mention.kind == MentionKind.date and mention.note:
        return mention.note
    if mention.kind == MentionKind.year:
        high = f"–{mention.value_high}" if mention.value_high is not None else ""
        return f"{mention.value}{high}"
    high = f" – {mention.value_high:,}" if mention.value_high is not None else ""
    return f"{mention.value:,}{high}"
