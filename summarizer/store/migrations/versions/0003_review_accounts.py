"""review accounts and keyed audit: disabled reviewers, expiring tokens, entry HMACs

Revision ID: 0003_review_accounts
Revises: 0002_review
Create Date: 2026-12-01 09:45:00

A reviewer had one token that never expired, kept on the account row. Tokens move to
their own table (several per reviewer, each with an expiry and a revocation time; the
old column stays, emptied: see below); a token that existed before this migration is
kept and expires 90 days after it.

The audit log gains an optional ``mac`` (HMAC of the entry's hash under a key kept
outside the database). It is a plain ADD COLUMN, not a batch (copy-and-move) alteration:
on SQLite a batch would recreate the table and drop its append-only triggers.
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
    # Plain ALTERs only: a batch rebuild of review_users would, on SQLite, delete every
    # row of the tables pointing at it (ON DELETE CASCADE), sessions and tokens included.
    # So the old column stays, emptied and unused.
    op.add_column(
        "review_users", sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True)
    )
    bind.execute(sa.update(users).values(token_hash=None))

    op.add_column("review_audit_log", sa.Column("mac", sa.String(length=64), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # on SQLite it would rebuild the table
        op.drop_column("review_audit_log", "mac")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_column("review_users", "disabled_at")
    with op.batch_alter_table("review_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_tokens_user_id"))
    op.drop_table("review_tokens")
