"""`summarizer schemas`: export or check the JSON Schemas of the domain models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli.app import app
from summarizer.schema_export import drifted_schemas, export_schemas


@app.command("schemas")
def schemas_command(
    directory: Annotated[Path, typer.Option("--dir", help="Where the schema files live.")] = Path(
        "schemas"
    ),
    check: Annotated[
        bool, typer.Option("--check", help="Fail if committed schemas drift from the code.")
    ] = False,
) -> None:
    """Export JSON Schemas for the top-level models (or check them for drift)."""
    if check:
        drifted = drifted_schemas(directory)
        if drifted:
            typer.echo(f"schemas drifted from the models: {', '.join(drifted)}", err=True)
            typer.echo("run `summarizer schemas` and commit the result", err=True)
            raise typer.Exit(1)
        typer.echo("schemas match the models")
        return
    for path in export_schemas(directory):
        typer.echo(str(path))
