"""The typer application that every command module registers itself on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="summarizer",
    help="Turn economic-diplomacy news into validated, cross-checked records and briefings.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """Briefing-grade structured news summaries with a deterministic numeric cross-check."""
