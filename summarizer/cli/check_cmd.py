"""`summarizer check ARTICLE RECORD.json`: cross-check a record against its article.

Exit codes: 0 accepted, 3 flagged, 2 bad input (unreadable article, invalid JSON, a
record that does not validate).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from summarizer.api import check as check_source
from summarizer.api import parse_record
from summarizer.cli.app import app
from summarizer.domain import Extraction, Verdict, VerdictStatus
from summarizer.source_text import InputError, read_source_text

MAX_RECORD_BYTES = 2_000_000

EXIT_ACCEPTED = 0
EXIT_FLAGGED = 3


def load_record(path: Path) -> Extraction:
    """Read and validate a record file (an `ArticleRecord` if it has an id, else `Extraction`)."""
    if not path.is_file():
        raise InputError(f"{path}: no such record file")
    if path.stat().st_size > MAX_RECORD_BYTES:
        raise InputError(f"{path}: record file larger than {MAX_RECORD_BYTES:,} bytes")
    try:
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: record is not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a record must be a JSON object, got {type(data).__name__}")
    return parse_record(data, name=str(path))


@app.command("check")
def check(
    article: Annotated[Path, typer.Argument(help="Article text file (UTF-8).")],
    record: Annotated[Path, typer.Argument(help="Record JSON (ArticleRecord or Extraction).")],
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date YYYY-MM-DD (for 'on Monday')."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
) -> None:
    """Cross-check every number, quote and date of RECORD against ARTICLE."""
    text = read_source_text(article)  # InputError: one line, exit 2, by the CLI's handler
    parsed = load_record(record)
    try:
        date = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise InputError(f"--published {published!r} is not a date (YYYY-MM-DD)") from None
    verdict = check_source(text, parsed, published=date)
    if as_json:
        typer.echo(verdict.model_dump_json(indent=2))
    else:
        Console(width=160).print(verdict_table(verdict))
    raise typer.Exit(EXIT_ACCEPTED if verdict.status == VerdictStatus.accepted else EXIT_FLAGGED)


def verdict_table(verdict: Verdict) -> Table | str:
    """A table of discrepancies, or one line for an accepted record."""
    if verdict.status == VerdictStatus.accepted:
        return f"[green]accepted[/green]: {verdict.numbers_checked} numbers and dates checked"
    table = Table(
        title=f"flagged: {len(verdict.discrepancies)} discrepancies "
        f"({verdict.numbers_checked} numbers and dates checked)"
    )
    for column in ("code", "field", "claim", "source", "span"):
        table.add_column(column, overflow="fold", max_width=22)
    table.add_column("message", overflow="fold", min_width=40)
    for d in verdict.discrepancies:
        spans = ", ".join(f"{s.start}-{s.end}" for s in d.spans)
        table.add_row(d.code.value, d.field, d.claim, d.source or "", spans, d.message)
    return table
