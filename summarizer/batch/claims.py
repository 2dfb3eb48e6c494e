"""Claim an article before extracting it, so two batches on one store never both do it.

A claim is a row keyed by (article, run key): taking it is one atomic INSERT (SQLite and
PostgreSQL alike), so of two batches that both planned an article exactly one gets it.
The holder renews its leases while it works (`Heartbeat`) and deletes each claim once
the outcome is stored; the loser skips the article. After taking a claim the batch looks
again whether the article is now stored (the other batch may have finished it between
planning and claiming), so it is extracted once.

A claim whose lease ran out, or whose holder is a dead process on this machine (a batch
killed with SIGKILL), is taken over, so a kill never strands an article.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, delete, select, update
from sqlalchemy.exc import IntegrityError

from summarizer.batch.tables import ClaimRow
from summarizer.domain import OutcomeStatus
from summarizer.store.repository import RunKey, Store
from summarizer.store.tables import ExtractionRunRow, utcnow
from summarizer.store.values import of_run_key

LEASE_S = 120.0
"""How long a claim holds without renewal; the heartbeat renews it every third of that."""
RELEASE_BATCH = 32
"""Claims of stored articles are deleted this many at a time (and by the heartbeat)."""


def run_key_text(key: RunKey) -> str:
    return f"{key.model}\x1f{key.prompt_version}\x1f{key.schema_version}"


def _owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _holder_is_dead(owner: str) -> bool:
    """The claim's process ran on this machine and no longer exists."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Claims:
    """This batch's claims on one store and run key."""

    def __init__(self, store: Store, key: RunKey, *, lease_s: float = LEASE_S) -> None:
        self.store = store
        self.key = key
        self.run_key = run_key_text(key)
        self.owner = _owner_id()
        self.lease = dt.timedelta(seconds=lease_s)
        self.held: set[str] = set()
        self._released: list[str] = []
        self._lock = threading.Lock()

    def _status_query(self, article_id: str) -> Select[Any]:
        return select(ExtractionRunRow.status).where(
            ExtractionRunRow.article_id == article_id, of_run_key(ExtractionRunRow, self.key)
        )

    def _stored(self, article_id: str, *, retry_failed: bool) -> bool:
        with self.store.session() as session:
            status: str | None = session.scalar(self._status_query(article_id))
        if status is None:
            return False
        return not (retry_failed and status == OutcomeStatus.failed.value)

    def _insert(self, article_id: str, *, retry_failed: bool) -> bool | None:
        """Take a free claim and look whether the article is stored, in one transaction.

        True: claimed and still to do; False: claimed but already stored (released again);
        None: someone else holds the claim.
        """
        try:
            with self.store.session() as session:
                session.add(
                    ClaimRow(
                        article_id=article_id,
                        run_key=self.run_key,
                        owner=self.owner,
                        expires_at=utcnow() + self.lease,
                    )
                )
                session.flush()
                status: str | None = session.scalar(self._status_query(article_id))
                if status is not None and not (
                    retry_failed and status == OutcomeStatus.failed.value
                ):
                    session.delete(session.get(ClaimRow, (article_id, self.run_key)))
                    return False
            return True
        except IntegrityError:
            return None

    def _take_over(self, article_id: str) -> bool:
        """Replace a stale claim (lease expired or holder dead) atomically."""
        where = (ClaimRow.article_id == article_id, ClaimRow.run_key == self.run_key)
        with self.store.session() as session:
            row = session.execute(
                select(ClaimRow.owner, ClaimRow.expires_at).where(*where)
            ).one_or_none()
            if row is None:
                return False  # released meanwhile: the caller inserts again
            owner, expires_at = row
            if expires_at.tzinfo is None:
                expires_at = expires_at.replace(tzinfo=dt.UTC)
            if expires_at > utcnow() and not _holder_is_dead(owner):
                return False
            result = session.execute(
                update(ClaimRow)
                .where(*where, ClaimRow.owner == owner)
                .values(owner=self.owner, expires_at=utcnow() + self.lease)
            )
            return bool(getattr(result, "rowcount", 0) == 1)

    def claim(self, article_id: str, *, retry_failed: bool) -> bool:
        """True when this batch should extract the article (claimed and still not stored)."""
        inserted = self._insert(article_id, retry_failed=retry_failed)
        if inserted is None:
            if not self._take_over(article_id):
                inserted = self._insert(article_id, retry_failed=retry_failed)  # freed since
                if not inserted:
                    return False
            elif self._stored(article_id, retry_failed=retry_failed):
                self._delete([article_id])
                return False
        elif not inserted:
            return False
        with self._lock:
            self.held.add(article_id)
        return True

    def release(self, article_id: str) -> None:
        """The outcome is stored: the claim goes with the next flush (a held claim on a
        stored article only makes another batch skip it, which is right)."""
        with self._lock:
            self.held.discard(article_id)
            self._released.append(article_id)
            due = len(self._released) >= RELEASE_BATCH
        if due:
            self.flush()

    def flush(self) -> None:
        """Delete the claims of stored articles in one statement."""
        with self._lock:
            ids, self._released = self._released, []
        self._delete(ids)

    def _delete(self, article_ids: Iterable[str]) -> None:
        ids = list(article_ids)
        if not ids:
            return
        with self.store.session() as session:
            session.execute(
                delete(ClaimRow).where(
                    ClaimRow.run_key == self.run_key,
                    ClaimRow.owner == self.owner,
                    ClaimRow.article_id.in_(ids),
                )
            )

    def renew(self) -> None:
        """Push the lease of every claim held forward (called by the heartbeat)."""
        with self._lock:
            ids = list(self.held)
        if not ids:
            return
        with self.store.session() as session:
            session.execute(
                update(ClaimRow)
                .where(
                    ClaimRow.run_key == self.run_key,
                    ClaimRow.owner == self.owner,
                    ClaimRow.article_id.in_(ids),
                )
                .values(expires_at=utcnow() + self.lease)
            )

    def release_all(self) -> None:
        with self._lock:
            ids = list(self.held) + self._released
            self.held.clear()
            self._released = []
        self._delete(ids)


class Heartbeat:
    """A daemon thread renewing the claims' leases while the batch runs."""

    def __init__(self, claims: Claims) -> None:
        self.claims = claims
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="batch-claims", daemon=True)

    def _run(self) -> None:
        interval = max(self.claims.lease.total_seconds() / 3, 0.05)
        while not self._stop.wait(interval):
            try:
                self.claims.renew()
                self.claims.flush()
            except Exception:  # a missed renewal only shortens the lease; never kill the batch
                continue

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        try:
            self.claims.release_all()
        except Exception:  # the store is gone; the leases expire on their own
            return
