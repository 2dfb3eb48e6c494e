"""batch: work claims (article, run key) with an owner and a lease

Revision ID: b001_batch_claims
Revises: 0003_review_accounts
Create Date: 2026-12-01 10:00:00

Kept in the one linear history (one row in ``alembic_version``); a later revision of any
area revises this one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b001_batch_claims"
down_revision: str | Sequence[str] | None = "0003_review_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "batch_claims",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("run_key", sa.String(length=400), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "run_key", name=op.f("pk_batch_claims")),
    )


def downgrade() -> None:
    op.drop_table("batch_claims")
