"""Helpers shared by the batch tests: article folders, the CLI in-process, store counts."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from summarizer.cli import app  # the real CLI, with every command registered
from summarizer.domain import SourceArticle
from summarizer.ingest import iter_sources
from summarizer.store.repository import Store
from summarizer.store.tables import ExtractionRunRow, RecordRow
from support.openai_server import FAIL_MARKER, FakeOpenAIServer


def write_articles(folder: Path, count: int, *, failing: frozenset[int] = frozenset()) -> None:
    """`count` distinct small articles; those in `failing` make the fake answer HTTP 500."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        marker = f" {FAIL_MARKER}" if i in failing else ""
        (folder / f"article-{i:03d}.txt").write_text(
            f"Ha Noi, March {i % 28 + 1}, 2025 - Viet Nam and Japan held trade talks, round {i}."
            f"{marker}\n\nTwo-way trade reached US$1.{i} billion in 2024, up 12 percent from a "
            "year earlier, the ministry said.\n",
            encoding="utf-8",
        )


def written_articles(
    folder: Path, count: int, *, failing: frozenset[int] = frozenset()
) -> list[SourceArticle]:
    """`write_articles`, then the articles as ingestion reads them back."""
    write_articles(folder, count, failing=failing)
    return [item for item in iter_sources([str(folder)]) if isinstance(item, SourceArticle)]


def run_cli(fake: FakeOpenAIServer, db: Path | str, *args: str) -> tuple[int, str]:
    """`summarizer batch ARGS --db DB` against the fake, in-process; (exit code, output).

    `db` is a SQLite file or any store URL (the tests parametrised over stores pass one).
    """
    result = CliRunner().invoke(
        app,
        ["batch", *args, "--db", str(db), "--base-url", fake.base_url, "--model", "fake", "-q"],
    )
    return result.exit_code, result.output


CLI = [sys.executable, "-m", "summarizer"]
"""The CLI as a separate process (for tests that kill it or run two at once)."""


def batch_command(fake: FakeOpenAIServer, folder: Path, db: Path | str, *args: str) -> list[str]:
    """`summarizer batch FOLDER --db DB` against the fake, quiet, as a process command line."""
    command = [*CLI, "batch", str(folder), "--db", str(db), "--base-url", fake.base_url]
    return [*command, "--model", "fake", *args, "-q"]


def no_retry_config(folder: Path) -> Path:
    """A config file with no transport retries, so an HTTP 500 fails the article at once."""
    path = folder / "summarizer.toml"
    path.write_text("[llm]\nmax_http_retries = 0\n", encoding="utf-8")
    return path


def counts(db: Path | str) -> tuple[int, int, int]:
    """(runs, distinct articles with a run, records) in the store at `db`."""
    store = Store.open(str(db))
    with store.session() as session:
        runs = session.scalar(select(func.count()).select_from(ExtractionRunRow)) or 0
        articles = session.scalar(select(func.count(func.distinct(ExtractionRunRow.article_id))))
        records = session.scalar(select(func.count()).select_from(RecordRow)) or 0
    store.close()
    return int(runs), int(articles or 0), int(records)
