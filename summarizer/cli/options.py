"""Options shared by several commands, declared once so their flag, help and default agree."""

from __future__ import annotations

from typing import Annotated

import typer

from summarizer.store.engine import DB_ENV_VAR, DEFAULT_DB_FILE

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=f"Store: SQLite file or SQLAlchemy URL "
        f"(default ${DB_ENV_VAR}, else ./{DEFAULT_DB_FILE}).",
    ),
]
"""`--db`: where the store is; resolved by `summarizer.store.engine.resolve_db_url`."""
