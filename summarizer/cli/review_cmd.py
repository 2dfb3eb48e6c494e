"""`summarizer review ...`: list, show and decide flagged discrepancies; verify and export.

Writes need a reviewer name (``--reviewer`` or ``$SUMMARIZER_REVIEWER``): it goes into
the audit log. Problems a reviewer can fix (unknown id, already resolved, a correction the
models refuse) exit with status 2; a broken audit chain makes ``verify`` exit 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from sqlalchemy.orm import Session

from summarizer.cli.app import app
from summarizer.cli.options import DbOption
from summarizer.review import service
from summarizer.review.regression import export_cases, load_regression_cases, write_cases
from summarizer.review.replay import replay_cases, summary_line
from summarizer.store.engine import open_engine
from summarizer.store.tables import DiscrepancyRow

review_app = typer.Typer(
    help="Review flagged discrepancies: approve, correct or reject, with an audit trail.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

T = TypeVar("T")

ReviewerOption = Annotated[
    str | None,
    typer.Option("--reviewer", envvar="SUMMARIZER_REVIEWER", help="Your name, for the audit log."),
]
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why (kept in the log).")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def _session(db: str | None) -> Iterator[Session]:
    engine = open_engine(db, create=False)  # review never creates an empty store
    try:
        with Session(engine, expire_on_commit=False) as session:
            yield session
    finally:
        engine.dispose()


def _run(db: str | None, action: Callable[[Session], T]) -> T:
    """Run a review action, turning reviewer-fixable problems into exit status 2."""
    with _session(db) as session:
        try:
            return action(session)
        except service.ReviewError as exc:
            raise _fail(str(exc)) from exc


def _reviewer(reviewer: str | None) -> str:
    if not reviewer or not reviewer.strip():
        raise _fail("say who you are: pass --reviewer NAME or set SUMMARIZER_REVIEWER")
    return reviewer.strip()


def _line(row: DiscrepancyRow) -> str:
    source = f" (source: {row.source})" if row.source else ""
    return f"#{row.id:<4} {row.status:<9} {row.code:<22} {row.field:<22} {row.claim}{source}"


@review_app.command("list")
def list_command(
    status: Annotated[
        str | None, typer.Option("--status", help="open, approved, corrected or rejected.")
    ] = None,
    db: DbOption = None,
) -> None:
    """List discrepancies (all, or those with one status)."""
    rows = _run(db, lambda s: service.list_discrepancies(s, status))
    if not rows:
        typer.echo("no discrepancies" + (f" with status {status}" if status else ""))
    for row in rows:
        typer.echo(_line(row))


def _context(text: str, spans: list[dict[str, object]], width: int = 90) -> list[str]:
    lines = []
    for span in spans:
        start, end = int(str(span.get("start", 0))), int(str(span.get("end", 0)))
        if not 0 <= start < end <= len(text):
            continue
        before = text[max(0, start - width) : start].replace("\n", " ")
        after = text[end : end + width].replace("\n", " ")
        lines.append(f"  …{before}[[{text[start:end]}]]{after}…")
    return lines


@review_app.command("show")
def show_command(
    discrepancy_id: Annotated[int, typer.Argument(metavar="ID")], db: DbOption = None
) -> None:
    """Show one discrepancy: claim, source value and context, message, decisions."""

    def show(session: Session) -> None:
        row = service.get_discrepancy(session, discrepancy_id)
        typer.echo(f"discrepancy #{row.id}  [{row.status}]  article {row.article_id}")
        typer.echo(f"code:    {row.code}")
        typer.echo(f"field:   {row.field}")
        typer.echo(f"claim:   {row.claim}")
        typer.echo(f"source:  {row.source or '-'}")
        typer.echo(f"message: {row.message}")
        context = _context(service.article_text(session, row.article_id), row.spans)
        if context:
            typer.echo("in the source:")
            for line in context:
                typer.echo(line)
        for entry in service.decisions_for(session, row.id):
            note = f" — {entry.reason}" if entry.reason else ""
            typer.echo(f"decision: {entry.action} by {entry.who} at {entry.at}{note}")

    _run(db, show)


def _report(decision: service.Decision) -> None:
    typer.echo(
        f"discrepancy {decision.discrepancy_id} {decision.status.value} "
        f"by {decision.audit.who} (audit entry {decision.audit.seq})"
    )


@review_app.command("approve")
def approve_command(
    discrepancy_id: Annotated[int, typer.Argument(metavar="ID")],
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db: DbOption = None,
) -> None:
    """The model's value stands: the discrepancy was a false alarm."""
    who = _reviewer(reviewer)
    _report(_run(db, lambda s: service.approve(s, discrepancy_id, who, reason)))


@review_app.command("correct")
def correct_command(
    discrepancy_id: Annotated[int, typer.Argument(metavar="ID")],
    value: Annotated[
        str | None,
        typer.Option("--value", help="New value as text or JSON; 'null' clears a field."),
    ] = None,
    field: Annotated[
        str | None,
        typer.Option("--field", help="Record field, e.g. figures[2].value (default: flagged)."),
    ] = None,
    source: Annotated[
        bool, typer.Option("--source", help="Use the source's value instead of --value.")
    ] = False,
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db: DbOption = None,
) -> None:
    """Set a record field to a value (validated by the domain models)."""
    who = _reviewer(reviewer)
    if source == (value is not None):
        raise _fail("pass exactly one of --value V or --source")
    if source:
        decision = _run(db, lambda s: service.accept_source(s, discrepancy_id, who, reason))
    else:
        assert value is not None
        decision = _run(db, lambda s: service.correct(s, discrepancy_id, who, value, field, reason))
    _report(decision)
    for path, new in (decision.audit.after.get("values") or {}).items():
        old = (decision.audit.before.get("values") or {}).get(path)
        typer.echo(f"  {path}: {json.dumps(old)} -> {json.dumps(new)}")


@review_app.command("reject")
def reject_command(
    discrepancy_id: Annotated[int, typer.Argument(metavar="ID")],
    reason: Annotated[str, typer.Option("--reason", help="Why the item is wrong (required).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """The record item is wrong: remove it from the briefing."""
    who = _reviewer(reviewer)
    _report(_run(db, lambda s: service.reject(s, discrepancy_id, who, reason)))


@review_app.command("verify")
def verify_command(
    db: DbOption = None,
    expect_head: Annotated[
        str | None,
        typer.Option("--expect-head", help="Hash printed by an earlier verify, kept elsewhere."),
    ] = None,
) -> None:
    """Recompute the audit log's hash chain; exit 1 if anything was tampered with."""
    report = _run(db, service.verify)
    if expect_head and expect_head != report.head_hash:
        report.problems.append(
            f"head hash is {report.head_hash}, expected {expect_head} (entries changed or cut off)"
        )
    if report.ok:
        typer.echo(f"audit log intact: {report.entries} entries, head {report.head_hash}")
        return
    typer.echo(f"audit log BROKEN ({len(report.problems)} problem(s)):", err=True)
    for problem in report.problems:
        typer.echo(f"  {problem}", err=True)
    raise typer.Exit(1)


@review_app.command("export")
def export_command(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSON lines file (default stdout).")
    ] = None,
    decision: Annotated[
        str | None, typer.Option("--decision", help="Only approve, correct or reject.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write review decisions as regression cases (JSON lines) for the evaluation."""
    cases = _run(db, lambda s: export_cases(s, decision))
    text = write_cases(cases, output)
    if output is None:
        typer.echo(text, nl=False)
    else:
        typer.echo(f"wrote {len(cases)} case(s) to {output}", err=True)


@review_app.command("replay")
def replay_command(
    cases_file: Annotated[Path, typer.Argument(metavar="FILE", help="From `review export`.")],
) -> None:
    """Re-run the cross-checker on each exported case's reviewed record."""
    try:
        cases = load_regression_cases(cases_file)
    except (OSError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    results = replay_cases(cases)
    for result in results:
        state = "still flagged" if result.field_still_flagged else "no longer flagged"
        verdict = "record accepted" if result.record_accepted else "record flagged"
        typer.echo(
            f"#{result.discrepancy_id:<4} {result.decision:<8} {result.field:<22} "
            f"{state}; {verdict}"
        )
    typer.echo(summary_line(results))
