"""Review decisions on flagged discrepancies: approve, correct, reject.

Each decision is one transaction: a conditional ``UPDATE discrepancies SET status=...
WHERE id=? AND status='open'`` (the concurrency guard: of two reviewers racing, exactly
one sees a row change), the audit-log append and, for corrections and rejections, a new
reviewed version of the record. Either all of it commits or none of it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from summarizer import errors
from summarizer.domain import ArticleRecord
from summarizer.review.audit import AuditRecord, ChainReport, append_entry, verify_chain
from summarizer.review.corrections import (
    CorrectionError,
    JsonDict,
    apply_changes,
    apply_typed_value,
    drop_items,
    format_path,
    get_value,
    item_path,
    parse_path,
    parse_source_number,
    validate_record,
)
from summarizer.review.tables import AuditEntry, RecordVersionRow
from summarizer.store.tables import (
    ArticleRow,
    DiscrepancyRow,
    DiscrepancyStatus,
    ExtractionRunRow,
    RecordRow,
)


class Action(StrEnum):
    """What a reviewer decided; each maps to the discrepancy's resolved status."""

    approve = "approve"
    correct = "correct"
    reject = "reject"

    @property
    def status(self) -> DiscrepancyStatus:
        return {
            Action.approve: DiscrepancyStatus.approved,
            Action.correct: DiscrepancyStatus.corrected,
            Action.reject: DiscrepancyStatus.rejected,
        }[self]


class ReviewError(errors.ReviewError):
    """A decision that cannot be made; the message is for the reviewer (CLI exit code 2)."""


class UnknownDiscrepancy(ReviewError):
    pass


class AlreadyResolved(ReviewError):
    pass


class InvalidDecision(ReviewError):
    pass


@dataclass(frozen=True)
class Decision:
    """The outcome of a recorded decision."""

    discrepancy_id: int
    status: DiscrepancyStatus
    audit: AuditRecord
    version_id: int | None = None


@dataclass(frozen=True)
class ReviewedRecord:
    """A run's record after review: corrections applied in place, rejected items listed."""

    run_id: int
    article_id: str
    record: JsonDict
    removed: list[str]
    version_id: int | None

    def for_briefing(self) -> ArticleRecord:
        """The record a briefing should show: corrected, rejected items dropped."""
        return ArticleRecord.model_validate(drop_items(self.record, self.removed))


# --------------------------------------------------------------------------- reading


MAX_ID = 2**63 - 1
"""Ids beyond a 64-bit integer cannot exist (and SQLite would overflow on them)."""


def get_discrepancy(session: Session, discrepancy_id: int) -> DiscrepancyRow:
    if not 1 <= discrepancy_id <= MAX_ID:
        raise UnknownDiscrepancy(f"no discrepancy with id {discrepancy_id}")
    row = session.get(DiscrepancyRow, discrepancy_id)
    if row is None:
        raise UnknownDiscrepancy(f"no discrepancy with id {discrepancy_id}")
    return row


def list_discrepancies(session: Session, status: str | None = None) -> list[DiscrepancyRow]:
    """Discrepancies in id order, optionally only those with one status."""
    query = select(DiscrepancyRow).order_by(DiscrepancyRow.id)
    if status is not None:
        if status not in DiscrepancyStatus.__members__:
            known = ", ".join(DiscrepancyStatus.__members__)
            raise ReviewError(f"unknown status {status!r}; use one of: {known}")
        query = query.where(DiscrepancyRow.status == status)
    return list(session.execute(query).scalars())


def neighbours(session: Session, discrepancy_id: int) -> tuple[int | None, int | None]:
    """Previous and next *open* discrepancy ids around one, for j/k navigation."""
    prev_id = session.execute(
        select(DiscrepancyRow.id)
        .where(DiscrepancyRow.status == "open", DiscrepancyRow.id < discrepancy_id)
        .order_by(DiscrepancyRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    next_id = session.execute(
        select(DiscrepancyRow.id)
        .where(DiscrepancyRow.status == "open", DiscrepancyRow.id > discrepancy_id)
        .order_by(DiscrepancyRow.id)
        .limit(1)
    ).scalar_one_or_none()
    return prev_id, next_id


def article_text(session: Session, article_id: str) -> str:
    row = session.get(ArticleRow, article_id)
    return row.text if row is not None else ""


def decisions_for(session: Session, discrepancy_id: int) -> list[AuditRecord]:
    rows = session.execute(
        select(AuditEntry)
        .where(AuditEntry.discrepancy_id == discrepancy_id)
        .order_by(AuditEntry.seq)
    ).scalars()
    return [AuditRecord.from_row(row) for row in rows]


def reviewed_record(session: Session, run_id: int) -> ReviewedRecord | None:
    """The newest reviewed version of a run's record, or the record as extracted."""
    version = session.execute(
        select(RecordVersionRow)
        .where(RecordVersionRow.run_id == run_id)
        .order_by(RecordVersionRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if version is not None:
        return ReviewedRecord(
            run_id=run_id,
            article_id=version.article_id,
            record=version.record,
            removed=list(version.removed),
            version_id=version.id,
        )
    row = session.get(RecordRow, run_id)
    if row is None:
        return None
    run = session.get(ExtractionRunRow, run_id)
    article_id = run.article_id if run is not None else str(row.record.get("article_id", ""))
    return ReviewedRecord(
        run_id=run_id, article_id=article_id, record=row.record, removed=[], version_id=None
    )


def latest_run_id(session: Session, article_id: str) -> int | None:
    """The newest run of an article that produced a record."""
    return session.execute(
        select(ExtractionRunRow.id)
        .join(RecordRow, RecordRow.run_id == ExtractionRunRow.id)
        .where(ExtractionRunRow.article_id == article_id)
        .order_by(ExtractionRunRow.finished_at.desc(), ExtractionRunRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def current_record(session: Session, article_id: str) -> ArticleRecord | None:
    """The record a briefing should use for an article: its newest run's record with every
    review decision applied (corrections in, rejected items out); None if there is none."""
    run_id = latest_run_id(session, article_id)
    if run_id is None:
        return None
    reviewed = reviewed_record(session, run_id)
    return reviewed.for_briefing() if reviewed is not None else None


# --------------------------------------------------------------------------- writing


def _begin_write(session: Session) -> None:
    """Take SQLite's write lock up front so the whole decision sees one consistent state."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _claim(session: Session, discrepancy_id: int, action: Action) -> DiscrepancyRow:
    """Move an open discrepancy to its resolved status, or explain why it cannot be."""
    row = get_discrepancy(session, discrepancy_id)
    result = session.execute(
        update(DiscrepancyRow)
        .where(DiscrepancyRow.id == discrepancy_id, DiscrepancyRow.status == "open")
        .values(status=action.status.value)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        session.rollback()
        raise AlreadyResolved(resolved_message(session, discrepancy_id))
    return row


def _decision_entries(session: Session) -> list[AuditRecord]:
    """Entries whose JSON still parses (verify_chain reports the others)."""
    entries = []
    for row in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        try:
            entries.append(AuditRecord.from_row(row))
        except (ValueError, TypeError):
            continue
    return entries


def resolved_message(session: Session, discrepancy_id: int) -> str:
    """Who resolved a discrepancy and when, for the reviewer who came second."""
    row = get_discrepancy(session, discrepancy_id)
    entries = decisions_for(session, discrepancy_id)
    if entries:
        last = entries[-1]
        return (
            f"discrepancy {discrepancy_id} is already {row.status} "
            f"(by {last.who} at {last.at}); nothing was changed"
        )
    return f"discrepancy {discrepancy_id} is already {row.status}; nothing was changed"


def _require_reviewer(reviewer: str) -> str:
    if not reviewer or not reviewer.strip():
        raise ReviewError("a reviewer name is required to record a decision")
    return reviewer.strip()


def _safe_value(record: JsonDict, path: str) -> Any:
    try:
        return get_value(record, path)
    except CorrectionError:
        return None


def _base(session: Session, row: DiscrepancyRow) -> ReviewedRecord:
    reviewed = reviewed_record(session, row.run_id)
    if reviewed is None:
        session.rollback()
        raise InvalidDecision(f"discrepancy {row.id} has no stored record to correct")
    return reviewed


def _before(row: DiscrepancyRow, **extra: Any) -> JsonDict:
    return {
        "status": "open",
        "field": row.field,
        "code": row.code,
        "claim": row.claim,
        "source": row.source,
        **extra,
    }


def _store_version(
    session: Session, base: ReviewedRecord, record: JsonDict, removed: list[str], seq: int
) -> int:
    version = RecordVersionRow(
        run_id=base.run_id,
        article_id=base.article_id,
        audit_seq=seq,
        record=record,
        removed=removed,
    )
    session.add(version)
    session.flush()
    return version.id


def approve(
    session: Session, discrepancy_id: int, reviewer: str, reason: str | None = None
) -> Decision:
    """The model's value stands: the discrepancy was a false alarm."""
    who = _require_reviewer(reviewer)
    _begin_write(session)
    row = _claim(session, discrepancy_id, Action.approve)
    base = reviewed_record(session, row.run_id)
    value = _safe_value(base.record, row.field) if base is not None else None
    entry = append_entry(
        session,
        who=who,
        action=Action.approve.value,
        discrepancy_id=discrepancy_id,
        before=_before(row, value=value),
        after={"status": "approved", "field": row.field, "value": value},
        reason=reason,
    )
    session.commit()
    return Decision(discrepancy_id, DiscrepancyStatus.approved, entry)


def _record_correction(
    session: Session,
    row: DiscrepancyRow,
    base: ReviewedRecord,
    who: str,
    new_record: JsonDict,
    old: JsonDict,
    reason: str | None,
) -> Decision:
    new_values = {path: get_value(new_record, path) for path in old}
    entry = append_entry(
        session,
        who=who,
        action=Action.correct.value,
        discrepancy_id=row.id,
        before=_before(row, values=old),
        after={"status": "corrected", "field": row.field, "values": new_values},
        reason=reason,
    )
    version_id = _store_version(session, base, new_record, base.removed, entry.seq)
    session.commit()
    return Decision(row.id, DiscrepancyStatus.corrected, entry, version_id)


def _check_not_removed(base: ReviewedRecord, field: str) -> None:
    item = item_path(field)
    if item is not None and item in base.removed:
        raise InvalidDecision(f"{item} was rejected earlier; it cannot be corrected")


def correct(
    session: Session,
    discrepancy_id: int,
    reviewer: str,
    value: str,
    field: str | None = None,
    reason: str | None = None,
) -> Decision:
    """Set one record field to a typed value, validated by the domain models."""
    who = _require_reviewer(reviewer)
    _begin_write(session)
    row = _claim(session, discrepancy_id, Action.correct)
    target = (field or row.field).strip()
    base = _base(session, row)
    try:
        _check_not_removed(base, target)
        new_record, old_value, _new = apply_typed_value(base.record, target, value)
    except (CorrectionError, InvalidDecision) as exc:
        session.rollback()
        raise InvalidDecision(f"correction refused: {exc}") from exc
    return _record_correction(session, row, base, who, new_record, {target: old_value}, reason)


def _plain_number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def source_changes(row: DiscrepancyRow, record: JsonDict) -> dict[str, Any]:
    """The field changes that make the record say what the source says.

    For a figure's value this is the source number in base units, plus the figure's
    scale word and quoted text taken from the source, so the corrected figure agrees
    with itself; for any other field it is the source text as written.
    """
    source = row.source or (row.spans[0].get("text") if row.spans else None)
    if not source:
        raise InvalidDecision(
            f"discrepancy {row.id} has no source value to accept; approve, edit or reject it"
        )
    parts = parse_path(row.field)
    if parts[0] == "figures" and len(parts) == 3 and parts[-1] == "value":
        parsed = parse_source_number(source)
        if parsed is None:
            raise InvalidDecision(f"no number in the source value {source!r}; use edit instead")
        number, scale = parsed
        claimed = _safe_value(record, row.field)
        if claimed is not None and Decimal(str(claimed)) < 0 < number:
            number = -number  # a decrease stays a decrease: the source states its size
        figure_path = format_path(parts[:2])
        figure = get_value(record, figure_path)
        changes: dict[str, Any] = {row.field: _plain_number(number)}
        if isinstance(figure, dict):
            if scale is not None:
                changes[f"{figure_path}.scale"] = scale
            if figure.get("text") and row.spans:
                changes[f"{figure_path}.text"] = row.spans[0].get("text")
        return changes
    return {row.field: source}


def accept_source(
    session: Session, discrepancy_id: int, reviewer: str, reason: str | None = None
) -> Decision:
    """Correct the record to the source's value (the common case for a wrong figure)."""
    who = _require_reviewer(reviewer)
    _begin_write(session)
    row = _claim(session, discrepancy_id, Action.correct)
    base = _base(session, row)
    try:
        _check_not_removed(base, row.field)
        changes = source_changes(row, base.record)
        new_record, old = apply_changes(base.record, changes)
    except (CorrectionError, InvalidDecision) as exc:
        session.rollback()
        raise InvalidDecision(f"cannot accept the source value: {exc}") from exc
    return _record_correction(
        session, row, base, who, new_record, old, reason or "accepted the source value"
    )


def reject(session: Session, discrepancy_id: int, reviewer: str, reason: str) -> Decision:
    """The record item is wrong: drop it from the briefing, with the reviewer's reason."""
    who = _require_reviewer(reviewer)
    if not reason or not reason.strip():
        raise ReviewError("a reason is required to reject an item")
    _begin_write(session)
    row = _claim(session, discrepancy_id, Action.reject)
    base = _base(session, row)
    try:
        item = item_path(row.field)
        if item is None:
            raise InvalidDecision(
                f"{row.field} is not a list item (figure, meeting, agreement); correct it instead"
            )
        removed = base.removed if item in base.removed else [*base.removed, item]
        validate_record(drop_items(base.record, removed))
        item_value = get_value(base.record, item)
    except (CorrectionError, InvalidDecision) as exc:
        session.rollback()
        raise InvalidDecision(f"cannot reject: {exc}") from exc
    entry = append_entry(
        session,
        who=who,
        action=Action.reject.value,
        discrepancy_id=discrepancy_id,
        before=_before(row, item=item, value=item_value),
        after={"status": "rejected", "field": row.field, "removed": item},
        reason=reason.strip(),
    )
    version_id = _store_version(session, base, base.record, removed, entry.seq)
    session.commit()
    return Decision(discrepancy_id, DiscrepancyStatus.rejected, entry, version_id)


# --------------------------------------------------------------------------- verification


def verify(session: Session) -> ChainReport:
    """Recompute the audit chain and check it against the discrepancies' statuses.

    The chain alone cannot see its last entries being cut off; a resolved discrepancy
    with no decision in the log (or a status the log disagrees with) can.
    """
    report = verify_chain(session)
    logged: dict[int, str] = {}
    for entry in _decision_entries(session):
        if entry.discrepancy_id is not None and entry.action in Action.__members__:
            logged[entry.discrepancy_id] = Action(entry.action).status.value
    resolved = session.execute(
        select(DiscrepancyRow.id, DiscrepancyRow.status).where(DiscrepancyRow.status != "open")
    ).all()
    for discrepancy_id, status in resolved:
        if discrepancy_id not in logged:
            report.problems.append(
                f"discrepancy {discrepancy_id} is {status} but the audit log has no decision "
                "for it (entries removed from the end of the log?)"
            )
        elif logged[discrepancy_id] != status:
            report.problems.append(
                f"discrepancy {discrepancy_id} is {status} but the audit log says "
                f"{logged[discrepancy_id]}"
            )
    return report
