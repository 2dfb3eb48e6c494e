"""review accounts: disabled reviewers, bearer tokens with expiry and revocation

Revision ID: 0003_review_accounts
Revises: 0002_review
Create Date: 2026-12-01 09:45:00

A reviewer had one token that never expired, kept on the account row. Tokens move to
their own table (several per reviewer, each with an expiry and a revocation time); a
token that existed before this migration is kept and expires 90 days after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_review_accounts"
down_revision: str | Sequence[str] | None = "0002_review"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LEGACY_TOKEN_LIFETIME = dt.timedelta(days=90)


def upgrade() -> None:
    op.create_table(
        "review_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["review_users.id"],
            name=op.f("fk_review_tokens_user_id_review_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_review_tokens_token_hash")),
    )
    with op.batch_alter_table("review_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_tokens_user_id"), ["user_id"], unique=False)
    bind = op.get_bind()
    now = dt.datetime.now(dt.UTC)
    users = sa.table(
        "review_users",
        sa.column("id", sa.Integer()),
        sa.column("token_hash", sa.String()),
    )
    tokens = sa.table(
        "review_tokens",
        sa.column("user_id", sa.Integer()),
        sa.column("token_hash", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("expires_at", sa.DateTime(timezone=True)),
    )
    legacy = bind.execute(
        sa.select(users.c.id, users.c.token_hash).where(users.c.token_hash.is_not(None))
    ).all()
    for user_id, token_hash in legacy:
        bind.execute(
            tokens.insert().values(
                user_id=user_id,
                token_hash=token_hash,
                created_at=now,
                expires_at=now + _LEGACY_TOKEN_LIFETIME,
            )
        )
    with op.batch_alter_table("review_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(batch_op.f("uq_review_users_token_hash"), type_="unique")
        batch_op.drop_column("token_hash")


def downgrade() -> None:
    with op.batch_alter_table("review_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_review_users_token_hash"), ["token_hash"])
        batch_op.drop_column("disabled_at")
    with op.batch_alter_table("review_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_tokens_user_id"))
    op.drop_table("review_tokens")
