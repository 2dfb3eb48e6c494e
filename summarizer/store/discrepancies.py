"""Discrepancy and article queries inside a caller's transaction, for review.

Review decisions must read and move a discrepancy's status in the same transaction as
their audit entry, so these functions take the caller's `Session`; like the rest of the
store they hand back `StoredDiscrepancy` values and plain data, never rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from summarizer.store.tables import (
    ArticleRow,
    DiscrepancyRow,
    DiscrepancyStatus,
    ExtractionRunRow,
    RecordRow,
)
from summarizer.store.values import StoredDiscrepancy, discrepancy_of

MAX_ID = 2**63 - 1
"""Ids beyond a signed 64-bit integer cannot exist (SQLite would overflow on them)."""


def get(session: Session, discrepancy_id: int) -> StoredDiscrepancy | None:
    if not 1 <= discrepancy_id <= MAX_ID:
        return None
    row = session.get(DiscrepancyRow, discrepancy_id)
    return discrepancy_of(row) if row is not None else None


def listed(
    session: Session,
    *,
    status: DiscrepancyStatus | None = None,
    article_id: str | None = None,
    run_id: int | None = None,
) -> list[StoredDiscrepancy]:
    """Discrepancies in id order, filtered by review status, article or run."""
    query = select(DiscrepancyRow).order_by(DiscrepancyRow.id)
    if status is not None:
        query = query.where(DiscrepancyRow.status == status.value)
    if article_id is not None:
        query = query.where(DiscrepancyRow.article_id == article_id)
    if run_id is not None:
        query = query.where(DiscrepancyRow.run_id == run_id)
    return [discrepancy_of(row) for row in session.scalars(query)]


def statuses(session: Session) -> dict[int, DiscrepancyStatus]:
    """Every discrepancy's review status, by id (for audit verification)."""
    rows = session.execute(select(DiscrepancyRow.id, DiscrepancyRow.status)).all()
    return {int(ident): DiscrepancyStatus(status) for ident, status in rows}


def move_status(session: Session, discrepancy_id: int, from_status: str, to_status: str) -> bool:
    """``UPDATE ... WHERE status = from_status``: True for the one writer that moved it.

    The conditional update is the concurrency guard of review: of two reviewers racing
    on one discrepancy, exactly one sees the row change.
    """
    result = session.execute(
        update(DiscrepancyRow)
        .where(DiscrepancyRow.id == discrepancy_id, DiscrepancyRow.status == from_status)
        .values(status=to_status)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def open_neighbours(session: Session, discrepancy_id: int) -> tuple[int | None, int | None]:
    """Previous and next *open* discrepancy ids around one."""
    open_ = DiscrepancyStatus.open.value
    prev_id = session.execute(
        select(DiscrepancyRow.id)
        .where(DiscrepancyRow.status == open_, DiscrepancyRow.id < discrepancy_id)
        .order_by(DiscrepancyRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    next_id = session.execute(
        select(DiscrepancyRow.id)
        .where(DiscrepancyRow.status == open_, DiscrepancyRow.id > discrepancy_id)
        .order_by(DiscrepancyRow.id)
        .limit(1)
    ).scalar_one_or_none()
    return prev_id, next_id


def article_text(session: Session, article_id: str) -> str:
    row = session.get(ArticleRow, article_id)
    return row.text if row is not None else ""


def article_titles(session: Session, article_ids: set[str]) -> dict[str, str | None]:
    if not article_ids:
        return {}
    rows = session.execute(
        select(ArticleRow.article_id, ArticleRow.title).where(
            ArticleRow.article_id.in_(article_ids)
        )
    ).all()
    return {article_id: title for article_id, title in rows}


def latest_record_run(session: Session, article_id: str) -> int | None:
    """The newest run of an article that produced a record."""
    return session.execute(
        select(ExtractionRunRow.id)
        .join(RecordRow, RecordRow.run_id == ExtractionRunRow.id)
        .where(ExtractionRunRow.article_id == article_id)
        .order_by(ExtractionRunRow.finished_at.desc(), ExtractionRunRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def extracted_record(session: Session, run_id: int) -> tuple[str, dict[str, Any]] | None:
    """(article id, record JSON) as the run extracted it, or None without a record."""
    row = session.get(RecordRow, run_id)
    if row is None:
        return None
    run = session.get(ExtractionRunRow, run_id)
    article_id = run.article_id if run is not None else str(row.record.get("article_id", ""))
    return article_id, row.record
