"""The batch's own table: work claims, so concurrent batches extract each article once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from summarizer.store.base import Base


class ClaimRow(Base):
    """An article being extracted right now, for one run key, by one batch process.

    The primary key makes taking a claim an atomic insert on SQLite and PostgreSQL alike;
    a claim whose lease ran out (its holder died or hung) may be taken over.
    """

    __tablename__ = "batch_claims"

    article_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    run_key: Mapped[str] = mapped_column(String(400), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
