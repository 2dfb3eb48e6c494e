"""What a batch shows while it runs (a rich progress bar) and when it ends (a summary table).

The runner reports through the small `ProgressSink` protocol, so tests and the Ray and
provider-batch paths can run silently or with the same display.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from summarizer.domain import OutcomeStatus, TokenUsage


@dataclass
class BatchSummary:
    """Counts of one batch run; `usage` is what this run spent (cache hits cost nothing)."""

    seen: int = 0
    skipped: int = 0
    processed: int = 0
    accepted: int = 0
    flagged: int = 0
    failed: int = 0
    input_failed: int = 0
    duplicates: int = 0
    cached: int = 0
    rechecked: int = 0
    recheck_changed: int = 0
    stored_failed: int = 0
    """Skipped articles whose stored run failed (retried only with ``--retry-failed``)."""
    elsewhere: int = 0
    """Articles another batch on the same store had claimed (it extracts them)."""
    usage: TokenUsage = field(default_factory=TokenUsage)
    elapsed_s: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(source, why) for each input or model failure of this run, to tell the person."""

    def count(self, status: OutcomeStatus, usage: TokenUsage, *, cached: bool) -> None:
        self.processed += 1
        if status == OutcomeStatus.accepted:
            self.accepted += 1
        elif status == OutcomeStatus.flagged:
            self.flagged += 1
        else:
            self.failed += 1
        if cached:
            self.cached += 1
        else:
            self.usage = self.usage + usage

    @property
    def per_minute(self) -> float:
        return 60.0 * self.processed / self.elapsed_s if self.elapsed_s > 0 else 0.0


class ProgressSink(Protocol):
    """Receives the runner's events; implementations must be cheap (called per article)."""

    def start(self, total: int) -> None: ...

    def advance(self, summary: BatchSummary) -> None: ...

    def finish(self, summary: BatchSummary) -> None: ...


class NullProgress:
    """Shows nothing (tests, benchmarks, `--quiet`)."""

    def start(self, total: int) -> None:
        """Nothing to draw."""

    def advance(self, summary: BatchSummary) -> None:
        """Nothing to draw."""

    def finish(self, summary: BatchSummary) -> None:
        """Nothing to draw."""


class RichProgress:
    """A live bar: done/total, accepted, flagged, failed, tokens spent, articles per minute."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "[green]✓ {task.fields[accepted]}[/] [yellow]⚑ {task.fields[flagged]}[/] "
                "[red]✗ {task.fields[failed]}[/]"
            ),
            TextColumn("{task.fields[tokens]:,} tok"),
            TextColumn("{task.fields[rate]:.1f}/min"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self._task: TaskID | None = None
        self._t0 = time.monotonic()

    def start(self, total: int) -> None:
        self._t0 = time.monotonic()
        self._progress.start()
        self._task = self._progress.add_task(
            "batch", total=total, accepted=0, flagged=0, failed=0, tokens=0, rate=0.0
        )

    def advance(self, summary: BatchSummary) -> None:
        if self._task is None:
            return
        elapsed = max(time.monotonic() - self._t0, 1e-9)
        self._progress.update(
            self._task,
            total=summary.seen + summary.input_failed + summary.duplicates,
            completed=summary.duplicates
            + summary.processed
            + summary.skipped
            + summary.input_failed,
            accepted=summary.accepted,
            flagged=summary.flagged,
            failed=summary.failed + summary.input_failed,
            tokens=summary.usage.total_tokens,
            rate=60.0 * summary.processed / elapsed,
        )

    def finish(self, summary: BatchSummary) -> None:
        self.advance(summary)
        self._progress.stop()
        self.console.print(summary_table(summary))

    def __enter__(self) -> RichProgress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._progress.stop()


def summary_table(summary: BatchSummary) -> Table:
    """The end-of-batch table (also what `--quiet` prints)."""
    table = Table(title="batch summary", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows: list[tuple[str, str]] = [
        ("articles seen", f"{summary.seen}"),
        ("already done (skipped)", f"{summary.skipped}"),
        ("  of which failed before", f"{summary.stored_failed}"),
        ("  claimed by another batch", f"{summary.elsewhere}"),
        ("duplicates in input", f"{summary.duplicates}"),
        ("processed now", f"{summary.processed}"),
        ("  accepted", f"{summary.accepted}"),
        ("  flagged", f"{summary.flagged}"),
        ("  failed (model)", f"{summary.failed}"),
        ("  from cache", f"{summary.cached}"),
        ("failed (input)", f"{summary.input_failed}"),
        ("re-checked", f"{summary.rechecked} ({summary.recheck_changed} changed)"),
        ("prompt tokens", f"{summary.usage.prompt_tokens:,}"),
        ("completion tokens", f"{summary.usage.completion_tokens:,}"),
        ("elapsed", f"{summary.elapsed_s:.1f} s"),
        ("rate", f"{summary.per_minute:.1f} articles/min"),
    ]
    for what, count in rows:
        table.add_row(what, count)
    return table


def failure_lines(summary: BatchSummary, limit: int = 20) -> list[str]:
    """One line per failure of this run (the first `limit`), so nobody has to open the store."""
    lines = [
        f"failed: {error}" if error.startswith(source) else f"failed: {source}: {error}"
        for source, error in summary.errors[:limit]
    ]
    if len(summary.errors) > limit:
        more = len(summary.errors) - limit
        lines.append(f"… and {more} more failure(s), stored with their errors")
    return lines


def retry_hint(summary: BatchSummary) -> str | None:
    """What to do about failures left in the store (this run's and earlier ones)."""
    failed = summary.failed + summary.stored_failed
    if failed:
        return (
            f"{failed} article(s) have a stored failure and no record; rerun the same "
            "command with --retry-failed to try them again"
        )
    if summary.input_failed:
        return f"{summary.input_failed} source(s) could not be read; fix them and rerun"
    return None


def has_failures(summary: BatchSummary) -> bool:
    """Exit 1 while any article of the input has no record because it failed."""
    return bool(summary.failed or summary.stored_failed or summary.input_failed)
