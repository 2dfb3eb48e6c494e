"""Replay exported review decisions through today's cross-checker.

For each case the reviewed record (corrections in, rejected items out) is checked against
the article text again; the result says whether the whole record is now accepted and
whether the decided field is still flagged. An approved case whose field is still
flagged is a known false alarm of the checker: a regression target for the evaluation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from pydantic import BaseModel

from summarizer.crosscheck import check_record
from summarizer.domain import ArticleRecord, Verdict, VerdictStatus
from summarizer.review.corrections import drop_items, parse_path
from summarizer.review.regression import RegressionCase

CheckFn = Callable[[str, ArticleRecord], Verdict]


class ReplayResult(BaseModel):
    """What the cross-checker says about a case's reviewed record today."""

    discrepancy_id: int
    article_id: str
    field: str
    decision: str
    record_accepted: bool
    field_still_flagged: bool
    codes: list[str]


def _shifted_field(field: str, removed: list[str]) -> str | None:
    """Where a field sits once rejected items are dropped (None if its item was dropped)."""
    parts = parse_path(field)
    if len(parts) < 2 or not isinstance(parts[1], int):
        return field
    name, index = parts[0], parts[1]
    gone = sorted(
        int(path.split("[")[1].rstrip("]")) for path in removed if path.startswith(f"{name}[")
    )
    if index in gone:
        return None
    shift = sum(1 for g in gone if g < index)
    return field.replace(f"{name}[{index}]", f"{name}[{index - shift}]", 1)


def replay_case(case: RegressionCase, check: CheckFn | None = None) -> ReplayResult:
    """Re-check the case's reviewed record against its source text."""
    record = ArticleRecord.model_validate(drop_items(case.record, case.removed))
    verdict = (check or _check)(case.source_text, record)
    where = _shifted_field(case.field, case.removed)
    flagged = [d for d in verdict.discrepancies if where is not None and d.field == where]
    return ReplayResult(
        discrepancy_id=case.discrepancy_id,
        article_id=case.article_id,
        field=case.field,
        decision=case.decision,
        record_accepted=verdict.status == VerdictStatus.accepted,
        field_still_flagged=bool(flagged),
        codes=[d.code.value for d in flagged],
    )


def replay_cases(
    cases: Iterable[RegressionCase], check: CheckFn | None = None
) -> list[ReplayResult]:
    return [replay_case(case, check) for case in cases]


def _check(source_text: str, record: ArticleRecord) -> Verdict:
    return check_record(source_text, record)


def summary_line(results: list[ReplayResult]) -> str:
    """One line for a person: how many cases the checker now gets right."""
    fixed = sum(1 for r in results if not r.field_still_flagged)
    accepted = sum(1 for r in results if r.record_accepted)
    return (
        f"{len(results)} case(s): field no longer flagged in {fixed}, "
        f"whole record accepted in {accepted}"
    )


def dumps(results: list[ReplayResult]) -> str:
    return json.dumps([r.model_dump() for r in results], indent=2)
