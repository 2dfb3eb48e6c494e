"""Append-only, hash-chained audit log of review decisions, and its verification.

Each entry's hash is SHA-256 over a canonical JSON of the entry including the previous
entry's hash, so editing, deleting, inserting or renumbering any row breaks the chain
from that row on. The code only ever INSERTs into the table; on SQLite the migration adds
triggers that abort UPDATE and DELETE, so tampering needs deliberate work on the file.

The chain alone cannot stop someone who can write the database from rewriting history
and recomputing every hash. Two defences live outside the database (docs/review.md says
which attacker each one stops): a head hash kept elsewhere (``review verify
--expect-head``), and a keyed chain: with ``$SUMMARIZER_AUDIT_KEY`` set, each entry also
carries an HMAC of its hash that nobody without the key can forge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from summarizer.review.tables import AuditEntry
from summarizer.settings import env_value

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first entry."""

AUDIT_KEY_ENV = "SUMMARIZER_AUDIT_KEY"
"""The HMAC key of the keyed chain; never stored in the database."""


def audit_key() -> bytes | None:
    """The keyed chain's key from the environment, or None (hash chain only)."""
    value = env_value(AUDIT_KEY_ENV)
    return value.encode("utf-8") if value else None


def entry_mac(key: bytes, entry_digest: str) -> str:
    """HMAC-SHA256 of an entry's hash (which already covers the entry and its link)."""
    return hmac.new(key, entry_digest.encode("ascii"), hashlib.sha256).hexdigest()


HASHED_FIELDS = (
    "seq",
    "who",
    "at",
    "action",
    "discrepancy_id",
    "before",
    "after",
    "reason",
    "prev_hash",
)


def _default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot put {type(value).__name__} in the audit log")


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept, NaN refused."""
    return json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_default,
    )


def entry_hash(entry: Mapping[str, Any]) -> str:
    """SHA-256 hex of the canonical JSON of the hashed fields (prev_hash included)."""
    payload = {name: entry[name] for name in HASHED_FIELDS}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def utc_now_iso() -> str:
    """Current UTC time as ISO 8601 with offset; stored as text so hashes round-trip."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class AuditRecord:
    """One audit entry as plain data (JSON columns parsed)."""

    seq: int
    who: str
    at: str
    action: str
    discrepancy_id: int | None
    before: Any
    after: Any
    reason: str | None
    prev_hash: str
    hash: str
    mac: str | None = None

    @classmethod
    def from_row(cls, row: AuditEntry) -> AuditRecord:
        return cls(
            seq=row.seq,
            who=row.who,
            at=row.at,
            action=row.action,
            discrepancy_id=row.discrepancy_id,
            before=json.loads(row.before_json),
            after=json.loads(row.after_json),
            reason=row.reason,
            prev_hash=row.prev_hash,
            hash=row.hash,
            mac=row.mac,
        )

    def as_dict(self) -> dict[str, Any]:
        """Every field but the MAC (which signs them), in field order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "mac"}


def append_entry(
    session: Session,
    *,
    who: str,
    action: str,
    discrepancy_id: int | None,
    before: Any,
    after: Any,
    reason: str | None = None,
    at: str | None = None,
) -> AuditRecord:
    """Append one entry in the caller's transaction (the decision commits with it).

    ``seq`` is the table's primary key, so two writers racing for the same position make
    one transaction fail instead of forking the chain.
    """
    last = session.execute(
        select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
    ).scalar_one_or_none()
    fields: dict[str, Any] = {
        "seq": (last.seq + 1) if last else 1,
        "who": who,
        "at": at or utc_now_iso(),
        "action": action,
        "discrepancy_id": discrepancy_id,
        # Round-trip through canonical JSON so the hash covers exactly what is stored.
        "before": json.loads(canonical_json(before)),
        "after": json.loads(canonical_json(after)),
        "reason": reason,
        "prev_hash": last.hash if last else GENESIS_HASH,
    }
    digest = entry_hash(fields)
    key = audit_key()
    mac = entry_mac(key, digest) if key is not None else None
    session.add(
        AuditEntry(
            seq=fields["seq"],
            who=who,
            at=fields["at"],
            action=action,
            discrepancy_id=discrepancy_id,
            before_json=canonical_json(fields["before"]),
            after_json=canonical_json(fields["after"]),
            reason=reason,
            prev_hash=fields["prev_hash"],
            hash=digest,
            mac=mac,
        )
    )
    session.flush()
    return AuditRecord(**fields, hash=digest, mac=mac)


def read_entries(session: Session) -> list[AuditRecord]:
    """All entries in chain order."""
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    return [AuditRecord.from_row(row) for row in rows]


@dataclass
class ChainReport:
    """Outcome of recomputing the chain; ``problems`` is empty when it is intact."""

    entries: int = 0
    head_hash: str = GENESIS_HASH
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_records(records: Iterable[AuditRecord], key: bytes | None = None) -> ChainReport:
    """Recompute every hash and link (and, given the key, every MAC); report each place
    the chain breaks."""
    report = ChainReport()
    expected_seq, prev = 1, GENESIS_HASH
    for record in records:
        report.entries += 1
        if record.seq != expected_seq:
            report.problems.append(
                f"entry {record.seq}: expected sequence number {expected_seq} "
                "(entries deleted, inserted or renumbered)"
            )
        if record.prev_hash != prev:
            report.problems.append(
                f"entry {record.seq}: prev_hash does not match the entry before it "
                "(entries deleted, inserted or reordered)"
            )
        if entry_hash(record.as_dict()) != record.hash:
            report.problems.append(f"entry {record.seq}: content does not match its hash (edited)")
        if key is not None:
            if record.mac is None:
                report.problems.append(
                    f"entry {record.seq}: no MAC (written without the audit key, or stripped)"
                )
            elif not hmac.compare_digest(record.mac, entry_mac(key, record.hash)):
                report.problems.append(
                    f"entry {record.seq}: MAC does not match (rewritten without the audit key)"
                )
        expected_seq, prev = record.seq + 1, record.hash
    report.head_hash = prev
    return report


def verify_chain(session: Session, key: bytes | None = None) -> ChainReport:
    """Verify the stored chain; unparseable rows count as tampering, not as a crash."""
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars().all()
    records: list[AuditRecord] = []
    bad: list[str] = []
    for row in rows:
        try:
            records.append(AuditRecord.from_row(row))
        except (ValueError, TypeError) as exc:
            bad.append(f"entry {row.seq}: stored JSON is unreadable ({exc})")
    report = verify_records(records, key)
    report.entries = len(rows)
    report.problems = bad + report.problems
    return report
