"""`summarizer review ...`: list, show and decide flagged discrepancies; verify and export.

Writes need a reviewer name (``--reviewer`` or ``$SUMMARIZER_REVIEWER``): it goes into
the audit log. Problems a reviewer can fix (unknown id, already resolved, a correction the
models refuse) exit with status 2; a broken audit chain makes ``verify`` exit 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from sqlalchemy.orm import Session

from summarizer.cli.app import app
from summarizer.cli.options import DbOption
from summarizer.review import service
from summarizer.review.audit import ChainReport, audit_key
from summarizer.review.regression import export_cases, load_regression_cases, write_cases
from summarizer.review.replay import replay_cases, summary_line
from summarizer.review.terminal import terminal_safe
from summarizer.store.engine import store_session

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
DiscrepancyId = Annotated[int, typer.Argument(metavar="ID")]
"""The discrepancy a command shows or decides (its number in `review list`)."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _run(db: str | None, action: Callable[[Session], T]) -> T:
    """Run a review action, turning reviewer-fixable problems into exit status 2."""
    with store_session(db, create=False) as session:  # never creates an empty store
        try:
            return action(session)
        except service.ReviewError as exc:
            raise _fail(str(exc)) from exc


def _reviewer(reviewer: str | None) -> str:
    if not reviewer or not reviewer.strip():
        raise _fail("say who you are: pass --reviewer NAME or set SUMMARIZER_REVIEWER")
    return reviewer.strip()


def _safe(text: object) -> str:
    """Every string from the store is untrusted: no escape sequence reaches the terminal."""
    return terminal_safe(str(text), single_line=True)


def _line(row: service.QueueItem) -> str:
    source = f" (source: {_safe(row.source)})" if row.source else ""
    resolved = f" -> {_safe(row.resolution)}" if row.resolution else ""
    return (
        f"#{row.id:<4} {row.status:<9} {_safe(row.code):<22} {_safe(row.field):<22} "
        f"{_safe(row.claim)}{source}{resolved}"
    )


@review_app.command("list")
def list_command(
    status: Annotated[
        str | None, typer.Option("--status", help="open, approved, corrected or rejected.")
    ] = None,
    db: DbOption = None,
) -> None:
    """List discrepancies (all, or those with one status) and how each was resolved."""
    rows = _run(db, lambda s: service.queue(s, status))
    if not rows:
        typer.echo("no discrepancies" + (f" with status {status}" if status else ""))
    for row in rows:
        typer.echo(_line(row))


def _context(text: str, spans: list[dict[str, object]], width: int = 90) -> list[str]:
    lines = []
    for span in spans:
        try:
            start, end = int(str(span.get("start", 0))), int(str(span.get("end", 0)))
        except ValueError:
            continue
        if not 0 <= start < end <= len(text):
            continue
        before = _safe(text[max(0, start - width) : start])
        after = _safe(text[end : end + width])
        lines.append(f"  …{before}[[{_safe(text[start:end])}]]{after}…")
    return lines


@review_app.command("show")
def show_command(discrepancy_id: DiscrepancyId, db: DbOption = None) -> None:
    """Show one discrepancy: claim, source value and context, message, decisions."""

    def show(session: Session) -> None:
        view = service.detail(session, discrepancy_id)
        d = view.d
        typer.echo(f"discrepancy #{d.id}  [{d.status}]  article {_safe(d.article_id)}")
        typer.echo(f"code:    {_safe(d.code)}")
        typer.echo(f"field:   {_safe(d.field)}")
        typer.echo(f"claim:   {_safe(d.claim)}")
        typer.echo(f"source:  {_safe(d.source) if d.source else '-'}")
        typer.echo(f"message: {_safe(d.message)}")
        if d.resolution:
            typer.echo(f"resolved: {_safe(d.resolution)}")
        context = _context(view.text, d.spans)
        if context:
            typer.echo("in the source:")
            for line in context:
                typer.echo(line)
        for entry in view.decisions:
            note = f" — {_safe(entry.reason)}" if entry.reason else ""
            typer.echo(f"decision: {entry.action} by {_safe(entry.who)} at {entry.at}{note}")

    _run(db, show)


def _decide(
    db: str | None, reviewer: str | None, act: Callable[[Session, str], service.Decision]
) -> None:
    """Run one decision as the named reviewer and print what it did."""
    who = _reviewer(reviewer)
    _report(_run(db, lambda session: act(session, who)))


def _report(decision: service.Decision) -> None:
    status = "reopened" if decision.status.value == "open" else decision.status.value
    override = " as an OVERRIDE of the cross-check" if decision.override else ""
    typer.echo(
        f"discrepancy {decision.discrepancy_id} {status}{override} "
        f"by {_safe(decision.audit.who)} (audit entry {decision.audit.seq})"
    )
    if decision.also:
        listed = ", ".join(f"#{ident}" for ident in decision.also)
        typer.echo(f"  also {status}: {listed} (same item)")


@review_app.command("approve")
def approve_command(
    discrepancy_id: DiscrepancyId,
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db: DbOption = None,
) -> None:
    """The model's value stands: the discrepancy was a false alarm."""
    _decide(db, reviewer, lambda s, who: service.approve(s, discrepancy_id, who, reason))


@review_app.command("correct")
def correct_command(
    discrepancy_id: DiscrepancyId,
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
    override: Annotated[
        bool,
        typer.Option(
            "--override", help="Store it even though the source disagrees (needs --reason)."
        ),
    ] = False,
    reviewer: ReviewerOption = None,
    reason: ReasonOption = None,
    db: DbOption = None,
) -> None:
    """Set a record field to a value: validated, then re-checked against the source."""
    who = _reviewer(reviewer)
    if source == (value is not None):
        raise _fail("pass exactly one of --value V or --source")
    if source:
        decision = _run(
            db, lambda s: service.accept_source(s, discrepancy_id, who, reason, override=override)
        )
    else:
        assert value is not None
        decision = _run(
            db,
            lambda s: service.correct(
                s, discrepancy_id, who, value, field, reason, override=override
            ),
        )
    _report(decision)
    for path, new in (decision.audit.after.get("values") or {}).items():
        old = (decision.audit.before.get("values") or {}).get(path)
        typer.echo(f"  {path}: {_safe(json.dumps(old))} -> {_safe(json.dumps(new))}")


@review_app.command("reopen")
def reopen_command(
    discrepancy_id: DiscrepancyId,
    reason: Annotated[str, typer.Option("--reason", help="Why the decision was wrong.")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Take a decision back (audited; the log is never rewritten): open again, changes undone."""
    _decide(db, reviewer, lambda s, who: service.reopen(s, discrepancy_id, who, reason))


@review_app.command("reject")
def reject_command(
    discrepancy_id: DiscrepancyId,
    reason: Annotated[str, typer.Option("--reason", help="Why the item is wrong (required).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """The record item is wrong: remove it from the briefing."""
    _decide(db, reviewer, lambda s, who: service.reject(s, discrepancy_id, who, reason))


@review_app.command("verify")
def verify_command(
    db: DbOption = None,
    expect_head: Annotated[
        str | None,
        typer.Option(
            "--expect-head",
            help="A head hash printed by an earlier verify and kept outside the database.",
        ),
    ] = None,
    audit_key_file: Annotated[
        Path | None,
        typer.Option(
            "--audit-key-file",
            help="File holding the audit HMAC key (default $SUMMARIZER_AUDIT_KEY).",
        ),
    ] = None,
) -> None:
    """Recompute the audit log's hash chain; exit 1 if anything was tampered with."""
    key = audit_key()
    if audit_key_file is not None:
        try:
            key = audit_key_file.read_bytes().strip() or None
        except OSError as exc:
            raise _fail(f"cannot read the audit key file {audit_key_file}: {exc.strerror}") from exc
        if key is None:
            raise _fail(f"the audit key file {audit_key_file} is empty")

    def check(session: Session) -> ChainReport:
        report = service.verify(session, key)
        if expect_head and not service.chain_contains(report, session, expect_head.strip()):
            report.problems.append(
                f"the anchored hash {expect_head} is not in the chain (head is "
                f"{report.head_hash}): entries up to it were changed, cut off or rewritten"
            )
        return report

    report = _run(db, check)
    if report.ok:
        keyed = ", every MAC valid" if key is not None else ""
        typer.echo(f"audit log intact: {report.entries} entries, head {report.head_hash}{keyed}")
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
