"""`summarizer users ...`: reviewer accounts for the web review page."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from summarizer.cli.app import app
from summarizer.review.accounts import add_user, issue_token
from summarizer.review.auth import AuthError
from summarizer.store.engine import open_engine

users_app = typer.Typer(help="Reviewer accounts for `summarizer serve`.", no_args_is_help=True)
app.add_typer(users_app, name="users")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store path or SQLAlchemy URL (default $SUMMARIZER_DB)."),
]


@users_app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="Lower-case account name, e.g. alice.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a reviewer account (the password is stored as an argon2 hash)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    engine = open_engine(db)
    try:
        with Session(engine) as session:
            user = add_user(session, name, password)
    except AuthError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        engine.dispose()
    typer.echo(f"created reviewer {user.name}")


@users_app.command("token")
def token_command(
    name: Annotated[str, typer.Argument(help="Existing account name.")],
    db: DbOption = None,
) -> None:
    """Issue a bearer token for one user (replaces their previous token; shown once)."""
    engine = open_engine(db)
    try:
        with Session(engine) as session:
            token = issue_token(session, name)
    except AuthError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        engine.dispose()
    typer.echo(token)
