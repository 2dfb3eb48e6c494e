"""Review decisions on flagged discrepancies (approve, correct, reject, reopen) and the
views that the web page and the CLI render.

Each decision is one transaction: a conditional status update (the concurrency guard:
of two reviewers racing, exactly one sees the row change), the audit-log append and,
when the record changes, a new reviewed version of it whose SHA-256 the audit entry
carries. Either all of it commits or none of it does.

A correction is re-checked by the cross-checker before it is stored: if the source
still contradicts the corrected field, a field the correction changed, or anything the
correction newly broke, it is refused unless the reviewer overrides with a reason; the
briefing marks overridden values. Other open flags on the same item that the re-check
no longer raises are resolved with it. Reopening is itself an audited decision that
puts back what the decision changed; nothing is ever deleted.

The store's tables are reached only through `summarizer.store.discrepancies`; the
review area's own tables (audit log, record versions) are queried here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from summarizer import errors
from summarizer.crosscheck import check_record
from summarizer.domain import ArticleRecord, Discrepancy, Verdict, fields_from
from summarizer.fieldpath import format_path
from summarizer.review.audit import (
    AuditRecord,
    ChainReport,
    append_entry,
    audit_key,
    canonical_json,
    verify_chain,
)
from summarizer.review.corrections import (
    CorrectionError,
    JsonDict,
    apply_changes,
    apply_typed_value,
    check_correctable,
    drop_items,
    get_value,
    item_path,
    parse_path,
    parse_source_number,
    validate_record,
)
from summarizer.review.pages import change_summary
from summarizer.review.tables import AuditEntry, RecordVersionRow
from summarizer.store import discrepancies as stored
from summarizer.store.tables import DiscrepancyStatus
from summarizer.store.values import StoredDiscrepancy

MAX_ID = stored.MAX_ID


class Action(StrEnum):
    """What a reviewer did; each maps to the status the discrepancy ends in."""

    approve = "approve"
    correct = "correct"
    reject = "reject"
    reopen = "reopen"

    @property
    def status(self) -> DiscrepancyStatus:
        return {
            Action.approve: DiscrepancyStatus.approved,
            Action.correct: DiscrepancyStatus.corrected,
            Action.reject: DiscrepancyStatus.rejected,
            Action.reopen: DiscrepancyStatus.open,
        }[self]


DECISIONS = (Action.approve.value, Action.correct.value, Action.reject.value)


class ReviewError(errors.ReviewError):
    """A decision that cannot be made; the message is for the reviewer (CLI exit code 2)."""


class UnknownDiscrepancy(ReviewError):
    pass


class AlreadyResolved(ReviewError):
    pass


class InvalidDecision(ReviewError):
    pass


class ContradictedCorrection(InvalidDecision):
    """The re-check still finds the source against the correction; ``findings`` says how."""

    def __init__(self, message: str, findings: list[Discrepancy]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class Decision:
    """The outcome of a recorded decision; ``also`` lists flags resolved along with it."""

    discrepancy_id: int
    status: DiscrepancyStatus
    audit: AuditRecord
    version_id: int | None = None
    also: tuple[int, ...] = ()
    override: bool = False


@dataclass(frozen=True)
class ReviewedRecord:
    """A run's record after review: corrections applied in place, rejected items listed.

    ``intact`` is False when the stored version no longer matches the SHA-256 that its
    audit entry recorded (someone edited it in the database).
    """

    run_id: int
    article_id: str
    record: JsonDict
    removed: list[str]
    version_id: int | None
    intact: bool = True

    def for_briefing(self) -> ArticleRecord:
        """The record a briefing should show: corrected, rejected items dropped."""
        return ArticleRecord.model_validate(drop_items(self.record, self.removed))


def record_digest(record: JsonDict, removed: list[str]) -> str:
    """SHA-256 of a reviewed version's content, as its audit entry carries it."""
    payload = canonical_json({"record": record, "removed": sorted(removed)})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- reading


def get_discrepancy(session: Session, discrepancy_id: int) -> StoredDiscrepancy:
    found = stored.get(session, discrepancy_id)
    if found is None:
        raise UnknownDiscrepancy(f"no discrepancy with id {discrepancy_id}")
    return found


def _status(status: str | None) -> DiscrepancyStatus | None:
    if status is None:
        return None
    if status not in DiscrepancyStatus.__members__:
        known = ", ".join(DiscrepancyStatus.__members__)
        raise ReviewError(f"unknown status {status!r}; use one of: {known}")
    return DiscrepancyStatus(status)


def list_discrepancies(session: Session, status: str | None = None) -> list[StoredDiscrepancy]:
    """Discrepancies in id order, optionally only those with one status."""
    return stored.listed(session, status=_status(status))


def neighbours(session: Session, discrepancy_id: int) -> tuple[int | None, int | None]:
    """Previous and next *open* discrepancy ids around one, for j/k navigation."""
    return stored.open_neighbours(session, discrepancy_id)


def article_text(session: Session, article_id: str) -> str:
    return stored.article_text(session, article_id)


def decisions_for(session: Session, discrepancy_id: int) -> list[AuditRecord]:
    rows = session.execute(
        select(AuditEntry)
        .where(AuditEntry.discrepancy_id == discrepancy_id)
        .order_by(AuditEntry.seq)
    ).scalars()
    return [AuditRecord.from_row(row) for row in rows]


def _entry(session: Session, seq: int) -> AuditRecord | None:
    row = session.get(AuditEntry, seq)
    if row is None:
        return None
    try:
        return AuditRecord.from_row(row)
    except (ValueError, TypeError):
        return None


def _expected_digest(entry: AuditRecord | None) -> str | None:
    after = entry.after if entry is not None and isinstance(entry.after, dict) else {}
    value = after.get("record_sha256")
    return value if isinstance(value, str) else None


def reviewed_record(session: Session, run_id: int) -> ReviewedRecord | None:
    """The newest reviewed version of a run's record, or the record as extracted."""
    version = session.execute(
        select(RecordVersionRow)
        .where(RecordVersionRow.run_id == run_id)
        .order_by(RecordVersionRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if version is not None:
        removed = list(version.removed)
        expected = _expected_digest(_entry(session, version.audit_seq))
        return ReviewedRecord(
            run_id=run_id,
            article_id=version.article_id,
            record=version.record,
            removed=removed,
            version_id=version.id,
            intact=expected is None or expected == record_digest(version.record, removed),
        )
    found = stored.extracted_record(session, run_id)
    if found is None:
        return None
    article_id, record = found
    return ReviewedRecord(
        run_id=run_id, article_id=article_id, record=record, removed=[], version_id=None
    )


def latest_run_id(session: Session, article_id: str) -> int | None:
    """The newest run of an article that produced a record."""
    return stored.latest_record_run(session, article_id)


def current_record(session: Session, article_id: str) -> ArticleRecord | None:
    """The record a briefing should use for an article: its newest run's record with every
    review decision applied (corrections in, rejected items out); None if there is none."""
    run_id = latest_run_id(session, article_id)
    if run_id is None:
        return None
    reviewed = reviewed_record(session, run_id)
    return reviewed.for_briefing() if reviewed is not None else None


def overrides_for_run(session: Session, run_id: int) -> dict[str, str]:
    """Field paths a reviewer set against the cross-check, with the reviewer's reason.

    Only decisions still standing count (a reopened override is no longer marked).
    """
    found: dict[str, str] = {}
    for row in stored.listed(session, status=DiscrepancyStatus.corrected, run_id=run_id):
        entries = decisions_for(session, row.id)
        last = entries[-1] if entries else None
        if last is None or last.action != Action.correct.value:
            continue
        after = last.after if isinstance(last.after, dict) else {}
        if after.get("override"):
            for path in after.get("values") or {}:
                found[str(path)] = last.reason or "reviewer override"
    return found


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class QueueItem:
    """One discrepancy as a list shows it, with how it was resolved (if it was)."""

    id: int
    article_id: str
    run_id: int
    status: str
    code: str
    field: str
    claim: str
    source: str | None
    spans: list[dict[str, Any]]
    message: str
    resolution: str | None
    article_title: str | None
    """Shown in the page's list; not part of the API's JSON."""

    def as_json(self) -> dict[str, Any]:
        """Every field but the article title, in field order."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "article_title"}


def _resolution(row: StoredDiscrepancy, entries: list[AuditRecord]) -> str | None:
    if row.status == DiscrepancyStatus.open or not entries:
        return None
    last = entries[-1]
    after = last.after if isinstance(last.after, dict) else {}
    if after.get("resolved_with"):
        return f"resolved with #{after['resolved_with']}"
    summary = change_summary(last)
    return f"{summary} (override)" if after.get("override") else summary


def _item(row: StoredDiscrepancy, title: str | None, entries: list[AuditRecord]) -> QueueItem:
    return QueueItem(
        **fields_from(
            row,
            (f.name for f in fields(QueueItem)),
            article_title=title,
            status=row.status.value,
            resolution=_resolution(row, entries),
        )
    )


def queue(session: Session, status: str | None = "open") -> list[QueueItem]:
    """The list view: discrepancies with their article's title and resolved value."""
    rows = list_discrepancies(session, status)
    titles = stored.article_titles(session, {row.article_id for row in rows})
    return [_item(row, titles.get(row.article_id), decisions_for(session, row.id)) for row in rows]


@dataclass(frozen=True)
class DetailView:
    """Everything one discrepancy's page (or `review show`) presents."""

    d: QueueItem
    text: str
    current_value: Any
    item: dict[str, Any] | None
    source_preview: dict[str, Any] | None
    prev_id: int | None
    next_id: int | None
    decisions: list[AuditRecord] = field(default_factory=list)


def detail(session: Session, discrepancy_id: int) -> DetailView:
    row = get_discrepancy(session, discrepancy_id)
    reviewed = reviewed_record(session, row.run_id)
    record = reviewed.record if reviewed else {}
    current_value = _safe_value(record, row.field)
    item = None
    path = _item_path(row.field)
    if path is not None:
        found = _safe_value(record, path)
        item = found if isinstance(found, dict) else None
    preview: dict[str, Any] | None = None
    if row.status == DiscrepancyStatus.open:
        try:
            preview = source_changes(row, record)
            apply_changes(record, preview)  # only offer what would validate
        except (ReviewError, CorrectionError):
            preview = None
    titles = stored.article_titles(session, {row.article_id})
    entries = decisions_for(session, row.id)
    prev_id, next_id = neighbours(session, discrepancy_id)
    return DetailView(
        d=_item(row, titles.get(row.article_id), entries),
        text=article_text(session, row.article_id),
        current_value=current_value,
        item=item,
        source_preview=preview,
        prev_id=prev_id,
        next_id=next_id,
        decisions=entries,
    )


@dataclass(frozen=True)
class RecordView:
    """An article's reviewed record and today's cross-check of it (``problem`` when the
    stored version cannot be shown)."""

    article_id: str
    record: ArticleRecord | None
    recheck: Verdict | None
    removed: list[str]
    version_id: int | None
    problem: str | None = None


def record_view(session: Session, article_id: str) -> RecordView:
    run_id = latest_run_id(session, article_id)
    reviewed = reviewed_record(session, run_id) if run_id is not None else None
    if reviewed is None:
        return RecordView(article_id, None, None, [], None)
    if not reviewed.intact:
        problem = (
            f"reviewed record version {reviewed.version_id} differs from what the audit "
            "log recorded; run `summarizer review verify`"
        )
        return RecordView(article_id, None, None, [], reviewed.version_id, problem)
    try:
        record = reviewed.for_briefing()
    except ValidationError as exc:
        problem = f"the stored record is invalid: {exc.title}"
        return RecordView(article_id, None, None, [], reviewed.version_id, problem)
    text = article_text(session, article_id)
    recheck = check_record(text, record) if text else None
    return RecordView(article_id, record, recheck, reviewed.removed, reviewed.version_id)


@dataclass(frozen=True)
class AuditView:
    """The chain's state and its entries, newest first, each with a one-line change."""

    report: ChainReport
    entries: list[dict[str, Any]]


def audit_view(session: Session) -> AuditView:
    """Verified with the audit key when this process has one (`$SUMMARIZER_AUDIT_KEY`)."""
    report = verify(session, audit_key())
    entries = [
        {**entry.as_dict(), "change": change_summary(entry)}
        for entry in reversed(_decision_entries(session))
    ]
    return AuditView(report, entries)


# --------------------------------------------------------------------------- writing


def _begin_write(session: Session) -> None:
    """Take SQLite's write lock up front so the whole decision sees one consistent state."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _claim(session: Session, discrepancy_id: int, action: Action) -> StoredDiscrepancy:
    """Move an open discrepancy to its resolved status, or explain why it cannot be."""
    row = get_discrepancy(session, discrepancy_id)
    if not stored.move_status(session, discrepancy_id, "open", action.status.value):
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
    status = row.status.value
    if entries:
        last = entries[-1]
        return (
            f"discrepancy {discrepancy_id} is already {status} "
            f"(by {last.who} at {last.at}); nothing was changed"
        )
    return f"discrepancy {discrepancy_id} is already {status}; nothing was changed"


def _require_reviewer(reviewer: str) -> str:
    if not reviewer or not reviewer.strip():
        raise ReviewError("a reviewer name is required to record a decision")
    return reviewer.strip()


def _safe_value(record: JsonDict, path: str) -> Any:
    try:
        return get_value(record, path)
    except CorrectionError:
        return None


def _item_path(path: str) -> str | None:
    try:
        return item_path(path)
    except CorrectionError:
        return None


def _base(session: Session, row: StoredDiscrepancy) -> ReviewedRecord:
    reviewed = reviewed_record(session, row.run_id)
    if reviewed is None:
        session.rollback()
        raise InvalidDecision(f"discrepancy {row.id} has no stored record to correct")
    return reviewed


def _before(row: StoredDiscrepancy, **extra: Any) -> JsonDict:
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
        record=json.loads(canonical_json(record)),  # stored exactly as hashed
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


def _findings(text: str, record: JsonDict, removed: list[str]) -> list[Discrepancy]:
    """The cross-checker's findings on a record, ignoring items a reviewer rejected."""
    verdict = check_record(text, validate_record(record))
    return [d for d in verdict.discrepancies if _item_path(d.field) not in removed]


def _same_place(a: str, b: str) -> bool:
    """Two field paths on the same list item (``figures[2].value``/``.text``), or equal."""
    item = _item_path(a)
    return a == b or (item is not None and item == _item_path(b))


def _contradictions(
    text: str, base: ReviewedRecord, new_record: JsonDict, flagged: str, changed: list[str]
) -> tuple[list[Discrepancy], set[tuple[str, str]]]:
    """What the source still says against a correction, and every finding after it.

    Against it: a finding on the flagged field or on a field the correction set, or one
    the correction introduced (absent before it); other, older findings stay their own
    discrepancies.
    """
    before = {(d.code.value, d.field) for d in _findings(text, base.record, base.removed)}
    after = _findings(text, new_record, base.removed)
    watched = {flagged, *changed}
    against = [d for d in after if d.field in watched or (d.code.value, d.field) not in before]
    return against, {(d.code.value, d.field) for d in after}


def _refusal(findings: list[Discrepancy]) -> str:
    said = "; ".join(d.message.rstrip(". ") for d in findings[:3])
    more = f" (+{len(findings) - 3} more)" if len(findings) > 3 else ""
    return (
        f"the source contradicts this correction: {said}{more}. Fix it, or store it anyway "
        "with an override and a reason (the briefing marks overridden values)"
    )


def _resolve_together(
    session: Session,
    row: StoredDiscrepancy,
    who: str,
    places: list[str],
    remaining: set[tuple[str, str]],
) -> tuple[int, ...]:
    """Close the other open flags on the corrected item that the re-check no longer
    raises (a figure flagged on its value and its text is fixed once)."""
    closed: list[int] = []
    for other in stored.listed(session, status=DiscrepancyStatus.open, run_id=row.run_id):
        if other.id == row.id or (other.code, other.field) in remaining:
            continue
        if not any(_same_place(other.field, place) for place in places):
            continue
        if not stored.move_status(session, other.id, "open", DiscrepancyStatus.corrected.value):
            continue
        append_entry(
            session,
            who=who,
            action=Action.correct.value,
            discrepancy_id=other.id,
            before=_before(other),
            after={
                "status": "corrected",
                "field": other.field,
                "values": {},
                "resolved_with": row.id,
            },
            reason=f"resolved with #{row.id}: the re-check no longer raises it",
        )
        closed.append(other.id)
    return tuple(closed)


def _record_correction(
    session: Session,
    row: StoredDiscrepancy,
    base: ReviewedRecord,
    who: str,
    new_record: JsonDict,
    old: JsonDict,
    reason: str | None,
    override: bool,
) -> Decision:
    changed = list(old)
    text = article_text(session, row.article_id)
    try:
        against, remaining = _contradictions(text, base, new_record, row.field, changed)
    except CorrectionError as exc:
        session.rollback()
        raise InvalidDecision(f"correction refused: {exc}") from exc
    if against and not override:
        session.rollback()
        raise ContradictedCorrection(_refusal(against), against)
    new_values = {path: get_value(new_record, path) for path in old}
    after: JsonDict = {
        "status": "corrected",
        "field": row.field,
        "values": new_values,
        "record_sha256": record_digest(new_record, base.removed),
    }
    if against:
        after["override"] = [f"{d.field}: {d.message}" for d in against]
    entry = append_entry(
        session,
        who=who,
        action=Action.correct.value,
        discrepancy_id=row.id,
        before=_before(row, values=old),
        after=after,
        reason=reason,
    )
    version_id = _store_version(session, base, new_record, base.removed, entry.seq)
    also = _resolve_together(session, row, who, [row.field, *changed], remaining)
    session.commit()
    return Decision(
        row.id, DiscrepancyStatus.corrected, entry, version_id, also, override=bool(against)
    )


def _check_not_removed(base: ReviewedRecord, field: str) -> None:
    item = item_path(field)
    if item is not None and item in base.removed:
        raise InvalidDecision(f"{item} was rejected earlier; it cannot be corrected")


def _override_reason(override: bool, reason: str | None) -> str | None:
    if override and not (reason and reason.strip()):
        raise ReviewError("an override needs a reason: say why the source is wrong here")
    return reason.strip() if reason and reason.strip() else None


def correct(
    session: Session,
    discrepancy_id: int,
    reviewer: str,
    value: str,
    field: str | None = None,
    reason: str | None = None,
    *,
    override: bool = False,
) -> Decision:
    """Set one reviewer-correctable field to a typed value, validated by the domain models
    and re-checked against the source (``override`` with a reason stores a contradicted
    value anyway)."""
    who = _require_reviewer(reviewer)
    why = _override_reason(override, reason)
    _begin_write(session)
    row = _claim(session, discrepancy_id, Action.correct)
    target = (field or row.field).strip()
    base = _base(session, row)
    try:
        target = check_correctable(target)
        _check_not_removed(base, target)
        new_record, old_value, _new = apply_typed_value(base.record, target, value)
    except (CorrectionError, InvalidDecision) as exc:
        session.rollback()
        raise InvalidDecision(f"correction refused: {exc}") from exc
    return _record_correction(
        session, row, base, who, new_record, {target: old_value}, why, override
    )


def _plain_number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def source_changes(row: StoredDiscrepancy, record: JsonDict) -> dict[str, Any]:
    """The field changes that make the record say what the source says.

    For a figure's value this is the source number in base units, plus the figure's
    scale word and quoted text taken from the source, so the corrected figure agrees
    with itself; for any other field it is the source text as written.
    """
    spans = row.spans
    source = row.source or (spans[0].get("text") if spans else None)
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
            if figure.get("text") and spans:
                changes[f"{figure_path}.text"] = spans[0].get("text")
        return changes
    return {row.field: source}


def accept_source(
    session: Session,
    discrepancy_id: int,
    reviewer: str,
    reason: str | None = None,
    *,
    override: bool = False,
) -> Decision:
    """Correct the record to the source's value (the common case for a wrong figure)."""
    who = _require_reviewer(reviewer)
    why = _override_reason(override, reason)
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
        session, row, base, who, new_record, old, why or "accepted the source value", override
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
        after={
            "status": "rejected",
            "field": row.field,
            "removed": item,
            "record_sha256": record_digest(base.record, removed),
        },
        reason=reason.strip(),
    )
    version_id = _store_version(session, base, base.record, removed, entry.seq)
    session.commit()
    return Decision(discrepancy_id, DiscrepancyStatus.rejected, entry, version_id)


def _last_decision(entries: list[AuditRecord]) -> AuditRecord | None:
    for entry in reversed(entries):
        if entry.action == Action.reopen.value:
            return None
        if entry.action in DECISIONS:
            return entry
    return None


def _undo(base: ReviewedRecord, decision: AuditRecord) -> tuple[JsonDict, list[str]] | None:
    """The record and removed list with one decision taken back; None if it changed none."""
    after = decision.after if isinstance(decision.after, dict) else {}
    before = decision.before if isinstance(decision.before, dict) else {}
    if decision.action == Action.correct.value and not after.get("resolved_with"):
        set_values = after.get("values") or {}
        for path, value in set_values.items():
            if _safe_value(base.record, path) != value:
                raise InvalidDecision(
                    f"{path} was changed again by a later decision; reopen that one first"
                )
        restored, _old = apply_changes(base.record, before.get("values") or {}, checked=False)
        return restored, base.removed
    if decision.action == Action.reject.value:
        return base.record, [item for item in base.removed if item != after.get("removed")]
    return None


def _reopen_one(
    session: Session, row: StoredDiscrepancy, who: str, reason: str, decision: AuditRecord
) -> tuple[AuditRecord, int | None]:
    if not stored.move_status(session, row.id, row.status.value, "open"):
        session.rollback()
        raise AlreadyResolved(f"discrepancy {row.id} changed meanwhile; nothing was changed")
    base = _base(session, row)
    try:
        undone = _undo(base, decision)
    except (CorrectionError, InvalidDecision) as exc:
        session.rollback()
        raise InvalidDecision(f"cannot reopen: {exc}") from exc
    after: JsonDict = {"status": "open", "field": row.field, "undoes": decision.seq}
    if undone is not None:
        after["record_sha256"] = record_digest(*undone)
    entry = append_entry(
        session,
        who=who,
        action=Action.reopen.value,
        discrepancy_id=row.id,
        before={"status": row.status.value, "field": row.field, "decision": decision.seq},
        after=after,
        reason=reason,
    )
    version_id = None
    if undone is not None:
        version_id = _store_version(session, base, undone[0], undone[1], entry.seq)
    return entry, version_id


def reopen(session: Session, discrepancy_id: int, reviewer: str, reason: str) -> Decision:
    """Take a decision back: the discrepancy is open again and what the decision changed
    in the record is put back, as a new audited entry and record version (append-only).
    Flags that were resolved together with a correction reopen with it."""
    who = _require_reviewer(reviewer)
    if not reason or not reason.strip():
        raise ReviewError("a reason is required to reopen a decision")
    _begin_write(session)
    row = get_discrepancy(session, discrepancy_id)
    decision = _last_decision(decisions_for(session, discrepancy_id))
    if row.status == DiscrepancyStatus.open or decision is None:
        session.rollback()
        raise InvalidDecision(f"discrepancy {discrepancy_id} is open; there is nothing to reopen")
    entry, version_id = _reopen_one(session, row, who, reason.strip(), decision)
    also: list[int] = []
    for other in stored.listed(session, status=DiscrepancyStatus.corrected, run_id=row.run_id):
        last = _last_decision(decisions_for(session, other.id))
        after = last.after if last is not None and isinstance(last.after, dict) else {}
        if last is not None and after.get("resolved_with") == discrepancy_id:
            _reopen_one(session, other, who, f"reopened with #{discrepancy_id}", last)
            also.append(other.id)
    session.commit()
    return Decision(discrepancy_id, DiscrepancyStatus.open, entry, version_id, tuple(also))


# --------------------------------------------------------------------------- verification


def _check_versions(session: Session, entries: list[AuditRecord], report: ChainReport) -> None:
    """Each reviewed record version must match the SHA-256 its (chained) entry recorded,
    and each entry that recorded one must still have its version."""
    by_seq = {entry.seq: entry for entry in entries}
    versions = session.execute(select(RecordVersionRow).order_by(RecordVersionRow.id)).scalars()
    seen: set[int] = set()
    for version in versions:
        seen.add(version.audit_seq)
        entry = by_seq.get(version.audit_seq)
        if entry is None:
            report.problems.append(
                f"reviewed record version {version.id} points at audit entry "
                f"{version.audit_seq}, which the log does not have"
            )
            continue
        expected = _expected_digest(entry)
        if expected is not None and expected != record_digest(
            version.record, list(version.removed)
        ):
            report.problems.append(
                f"reviewed record version {version.id} (article {version.article_id}) does "
                f"not match what audit entry {entry.seq} recorded (edited after the decision)"
            )
    for entry in entries:
        if _expected_digest(entry) is not None and entry.seq not in seen:
            report.problems.append(
                f"audit entry {entry.seq} recorded a reviewed record version that is missing "
                "(deleted, so an older version is shown)"
            )


def verify(session: Session, key: bytes | None = None) -> ChainReport:
    """Recompute the audit chain; check the discrepancies' statuses and the reviewed
    record versions against it.

    The chain alone cannot see its last entries being cut off; a resolved discrepancy
    with no decision in the log (or a status the log disagrees with) can. With the audit
    ``key``, every entry's MAC is checked too.
    """
    report = verify_chain(session, key)
    entries = _decision_entries(session)
    logged: dict[int, str] = {}
    for entry in entries:
        if entry.discrepancy_id is not None and entry.action in Action.__members__:
            logged[entry.discrepancy_id] = Action(entry.action).status.value
    for discrepancy_id, status in sorted(stored.statuses(session).items()):
        if status == DiscrepancyStatus.open:
            if logged.get(discrepancy_id, "open") != "open":
                report.problems.append(
                    f"discrepancy {discrepancy_id} is open but the audit log says "
                    f"{logged[discrepancy_id]}"
                )
        elif discrepancy_id not in logged:
            report.problems.append(
                f"discrepancy {discrepancy_id} is {status.value} but the audit log has no "
                "decision for it (entries removed from the end of the log?)"
            )
        elif logged[discrepancy_id] != status.value:
            report.problems.append(
                f"discrepancy {discrepancy_id} is {status.value} but the audit log says "
                f"{logged[discrepancy_id]}"
            )
    _check_versions(session, entries, report)
    return report


def chain_contains(report: ChainReport, session: Session, head: str) -> bool:
    """True if ``head`` (a hash printed by an earlier verify) is an entry of the chain:
    everything up to it is then exactly what was anchored."""
    if head == report.head_hash:
        return True
    return any(entry.hash == head for entry in _decision_entries(session))
