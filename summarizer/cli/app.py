"""The typer application that every command module registers itself on.

It also holds the CLI's one error handler: every command (and every subcommand of
`review` and `users`) runs inside `ErrorHandlingGroup.invoke`, which turns a
`summarizer.errors.SummarizerError` into one line on stderr and its exit status, and
anything unexpected into one line and exit 1, so no traceback reaches a user.
``SUMMARIZER_DEBUG=1`` lets the traceback through for a developer.
"""

from __future__ import annotations

import os
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from summarizer.errors import EXIT_BAD_INPUT, EXIT_FAILURES, StoreError, SummarizerError

DEBUG_ENV_VAR = "SUMMARIZER_DEBUG"


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _one_line(exc: BaseException) -> str:
    """The first line of an exception's text; library messages can run to pages."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def handle_error(exc: Exception) -> NoReturn:
    """Map an exception raised by a command to one stderr line and an exit status."""
    if isinstance(exc, SummarizerError):
        _fail(exc.user_message(), exc.exit_code)
    try:
        from sqlalchemy.exc import SQLAlchemyError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        SQLAlchemyError = ()  # type: ignore[assignment,misc]
    if isinstance(exc, SQLAlchemyError):
        store = StoreError(f"the store failed: {_one_line(exc)}")
        _fail(store.user_message(), EXIT_BAD_INPUT)
    if isinstance(exc, OSError):
        _fail(_one_line(exc), EXIT_BAD_INPUT)
    _fail(
        f"internal error ({type(exc).__name__}: {_one_line(exc)}); "
        f"rerun with {DEBUG_ENV_VAR}=1 for the traceback and report it",
        EXIT_FAILURES,
    )


class ErrorHandlingGroup(TyperGroup):
    """The root command group; its `invoke` is where every command's errors end up."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as exc:
            if os.environ.get(DEBUG_ENV_VAR):
                raise
            handle_error(exc)


app = typer.Typer(
    name="summarizer",
    help="Turn economic-diplomacy news into validated, cross-checked records and briefings.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=ErrorHandlingGroup,
)


@app.callback()
def root() -> None:
    """Briefing-grade structured news summaries with a deterministic numeric cross-check."""
