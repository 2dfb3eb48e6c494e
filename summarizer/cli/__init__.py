"""Command-line entry point; each command lives in its own module and registers on `app`."""

from __future__ import annotations

from summarizer.cli import (
    batch_cmd,  # noqa: F401  (registers commands)
    brief_cmd,  # noqa: F401  (registers commands)
    check_cmd,  # noqa: F401  (registers commands)
    eval_cmd,  # noqa: F401  (registers commands)
    numbers_cmd,  # noqa: F401  (registers commands)
    review_cmd,  # noqa: F401  (registers commands)
    schemas_cmd,  # noqa: F401  (registers commands)
    serve_cmd,  # noqa: F401  (registers commands)
    summarize_cmd,  # noqa: F401  (registers commands)
    users_cmd,  # noqa: F401  (registers commands)
)
from summarizer.cli.app import app

# Command modules register themselves on import; add new ones above this line.


def main() -> None:
    app()
