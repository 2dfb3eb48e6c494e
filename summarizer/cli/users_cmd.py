"""`summarizer users ...`: reviewer accounts for the web review page, and their lifecycle.

Accounts are created, listed, disabled and enabled, removed, given a new password; bearer
tokens are issued with an expiry, listed and revoked. Every problem a person can fix (an
unknown user, a weak password) is one line on stderr and exit status 2.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer
from sqlalchemy.orm import Session

from summarizer.cli.app import app
from summarizer.cli.options import DbOption
from summarizer.review import accounts
from summarizer.review.auth import AuthError
from summarizer.store.engine import store_session

users_app = typer.Typer(help="Reviewer accounts for `summarizer serve`.", no_args_is_help=True)
app.add_typer(users_app, name="users")

T = TypeVar("T")

NameArgument = Annotated[str, typer.Argument(help="Existing account name.")]
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


def _run(db: str | None, action: Callable[[Session], T]) -> T:
    """Run an account action; an `AuthError` becomes one line and exit status 2."""
    with store_session(db) as session:
        try:
            return action(session)
        except AuthError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "-"


@users_app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="Lower-case account name, e.g. alice.")],
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Create a reviewer account (the password is stored as an argon2 hash)."""
    password = _password(password_stdin)
    user = _run(db, lambda s: accounts.add_user(s, name, password))
    typer.echo(f"created reviewer {user.name}")


@users_app.command("list")
def list_command(db: DbOption = None) -> None:
    """List accounts: state, live tokens, open browser sessions."""
    users = _run(db, accounts.list_users)
    if not users:
        typer.echo("no reviewers; create one with `summarizer users add NAME`")
    for user in users:
        state = "disabled" if user.disabled else "active"
        typer.echo(
            f"{user.name:<20} {state:<8} created {_when(user.created_at)}  "
            f"{user.live_tokens} live token(s), {user.sessions} session(s)"
        )


@users_app.command("passwd")
def passwd_command(
    name: NameArgument, password_stdin: PasswordStdin = False, db: DbOption = None
) -> None:
    """Set a new password; the user's browser sessions end."""
    password = _password(password_stdin)
    _run(db, lambda s: accounts.set_password(s, name, password))
    typer.echo(f"password changed for {name}; their sessions were ended")


@users_app.command("disable")
def disable_command(name: NameArgument, db: DbOption = None) -> None:
    """Block an account: no sign-in, sessions ended, tokens refused (kept for `enable`)."""
    _run(db, lambda s: accounts.set_disabled(s, name, True))
    typer.echo(f"disabled {name}")


@users_app.command("enable")
def enable_command(name: NameArgument, db: DbOption = None) -> None:
    """Allow a disabled account again (its unexpired, unrevoked tokens work again)."""
    _run(db, lambda s: accounts.set_disabled(s, name, False))
    typer.echo(f"enabled {name}")


@users_app.command("remove")
def remove_command(name: NameArgument, db: DbOption = None) -> None:
    """Delete an account, its sessions and tokens; the audit log keeps its decisions."""
    _run(db, lambda s: accounts.remove_user(s, name))
    typer.echo(f"removed {name}")


@users_app.command("token")
def token_command(
    name: NameArgument,
    days: Annotated[
        int, typer.Option("--days", help="Lifetime in days (1-366).", min=1, max=366)
    ] = accounts.TOKEN_LIFETIME.days,
    keep_others: Annotated[
        bool, typer.Option("--keep-others", help="Do not revoke the user's earlier tokens.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Issue a bearer token (shown once); it expires, and replaces earlier ones by default."""
    lifetime = dt.timedelta(days=days)
    token = _run(
        db, lambda s: accounts.issue_token(s, name, lifetime=lifetime, keep_others=keep_others)
    )
    typer.echo(token)


@users_app.command("tokens")
def tokens_command(
    name: Annotated[str | None, typer.Argument(help="Only this user's tokens.")] = None,
    db: DbOption = None,
) -> None:
    """List tokens (id, user, state, created, expires); never the tokens themselves."""
    tokens = _run(db, lambda s: accounts.list_tokens(s, name))
    if not tokens:
        typer.echo("no tokens")
    for token in tokens:
        typer.echo(
            f"#{token.id:<4} {token.user:<20} {token.state:<8} "
            f"created {_when(token.created_at)}  expires {_when(token.expires_at)}"
        )


@users_app.command("revoke")
def revoke_command(
    name: NameArgument,
    token_id: Annotated[
        int | None, typer.Option("--id", help="Only this token (see `users tokens`).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Revoke a user's tokens (all, or one by id): they stop working at once."""
    count = _run(db, lambda s: accounts.revoke_tokens(s, name, token_id))
    typer.echo(f"revoked {count} token(s) of {name}")
