"""Reviewer decisions as regression cases the evaluation can replay.

Each case is self-contained (JSON lines): the decision, the record value and the source
value, plus the reviewed record and the article text, so replaying needs no database.
`summarizer.review.replay` re-runs the cross-checker on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from summarizer.review.audit import read_entries
from summarizer.review.service import DECISIONS, article_text, reviewed_record
from summarizer.store import discrepancies


class RegressionCase(BaseModel):
    """One reviewed discrepancy: what the model said, what the source said, the decision."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    run_id: int
    discrepancy_id: int
    code: str
    field: str
    record_value: Any = None
    source_value: str | None = None
    decision: str
    decided_value: Any = None
    reason: str | None = None
    reviewer: str
    at: str
    audit_seq: int
    removed: list[str]
    record: dict[str, Any]
    source_text: str


def export_cases(session: Session, decision: str | None = None) -> list[RegressionCase]:
    """A case per standing reviewer decision in the audit log (optionally of one kind), in
    log order: reopened decisions, the reopenings themselves and flags that were only
    closed along with another correction are not cases."""
    cases: list[RegressionCase] = []
    entries = read_entries(session)
    reopened = {
        entry.before.get("decision")
        for entry in entries
        if entry.action == "reopen" and isinstance(entry.before, dict)
    }
    for entry in entries:
        if entry.discrepancy_id is None or (decision and entry.action != decision):
            continue
        if entry.action not in DECISIONS or entry.seq in reopened:
            continue
        if isinstance(entry.after, dict) and entry.after.get("resolved_with"):
            continue
        row = discrepancies.get(session, entry.discrepancy_id)
        if row is None:
            continue
        reviewed = reviewed_record(session, row.run_id)
        before: dict[str, Any] = entry.before if isinstance(entry.before, dict) else {}
        after: dict[str, Any] = entry.after if isinstance(entry.after, dict) else {}
        old_values = before.get("values") or {}
        new_values = after.get("values") or {}
        cases.append(
            RegressionCase(
                article_id=row.article_id,
                run_id=row.run_id,
                discrepancy_id=row.id,
                code=row.code,
                field=row.field,
                record_value=old_values.get(row.field, before.get("value")),
                source_value=row.source,
                decision=entry.action,
                decided_value=new_values.get(row.field, after.get("value")),
                reason=entry.reason,
                reviewer=entry.who,
                at=entry.at,
                audit_seq=entry.seq,
                removed=reviewed.removed if reviewed else [],
                record=reviewed.record if reviewed else {},
                source_text=article_text(session, row.article_id),
            )
        )
    return cases


def write_cases(cases: Iterable[RegressionCase], path: Path | None) -> str:
    """JSON lines, to a file or (path None) returned as text."""
    text = "".join(case.model_dump_json() + "\n" for case in cases)
    if path is not None:
        path.write_text(text, encoding="utf-8")
    return text


def load_regression_cases(path: Path) -> list[RegressionCase]:
    """Read cases written by `summarizer review export`; bad lines raise with their number."""
    cases: list[RegressionCase] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(RegressionCase.model_validate_json(line))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: not a regression case: {exc}") from exc
    return cases
