"""Every error the tool raises for a user, in one small tree, each with its exit status.

Like httpx and instructor, callers catch one base (`SummarizerError`) or one branch
(`InputError`, `ConfigurationError`, `ModelError`, `StoreError`, `ReviewError`); the CLI
has one handler (`summarizer.cli.app`) that turns any of them into one line on stderr
and the documented exit status, so no traceback reaches a user.

Exit statuses: 2 bad input, configuration, store or review request; 4 the model failed;
1 anything else (an internal error, a batch with failures). 0 and 3 (accepted, flagged)
are results, not errors.
"""

from __future__ import annotations

from typing import ClassVar

EXIT_FAILURES = 1
EXIT_BAD_INPUT = 2
EXIT_MODEL_FAILED = 4


class SummarizerError(Exception):
    """Base of every error meant for a user: a message that says what and what to do.

    `hint` is an optional next step ("pass --db PATH", "pip install ..."), printed after
    the message; `exit_code` is the CLI's exit status for this kind of error.
    """

    exit_code: ClassVar[int] = EXIT_FAILURES

    def __init__(self, message: str = "", *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def user_message(self) -> str:
        """One line for stderr: the message, then the hint when there is one."""
        text = " ".join(str(self).split()) or type(self).__name__
        return f"{text}; {self.hint}" if self.hint else text


class InputError(SummarizerError, ValueError):
    """Input that cannot be an article (file, URL, feed, record, gold annotation)."""

    exit_code = EXIT_BAD_INPUT


class ConfigurationError(SummarizerError, ValueError):
    """A setting, flag combination, config file or missing optional dependency."""

    exit_code = EXIT_BAD_INPUT


class ModelError(SummarizerError, RuntimeError):
    """The language model could not be started, reached or made to answer validly."""

    exit_code = EXIT_MODEL_FAILED


class StoreError(SummarizerError, RuntimeError):
    """The store cannot be opened or used: bad URL, missing driver, unreachable, absent."""

    exit_code = EXIT_BAD_INPUT


class ReviewError(SummarizerError, ValueError):
    """A review request that cannot be done: unknown id, resolved, refused, not allowed."""

    exit_code = EXIT_BAD_INPUT


__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILURES",
    "EXIT_MODEL_FAILED",
    "ConfigurationError",
    "InputError",
    "ModelError",
    "ReviewError",
    "StoreError",
    "SummarizerError",
]
