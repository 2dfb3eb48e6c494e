"""review: reviewer accounts, sessions, hash-chained audit log, reviewed record versions

Revision ID: 0002_review
Revises: 0001_store
Create Date: 2026-11-23 10:55:00

On SQLite, triggers make the audit log append-only at the database level: any UPDATE or
DELETE on it aborts, so a bug or a careless script cannot rewrite history.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_review"
down_revision: str | Sequence[str] | None = "0001_store"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY_TRIGGERS = {
    "review_audit_log_no_update": "UPDATE",
    "review_audit_log_no_delete": "DELETE",
}


def upgrade() -> None:
    op.create_table(
        "review_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_users")),
        sa.UniqueConstraint("name", name=op.f("uq_review_users_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_review_users_token_hash")),
    )
    op.create_table(
        "review_sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["review_users.id"],
            name=op.f("fk_review_sessions_user_id_review_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_review_sessions")),
    )
    with op.batch_alter_table("review_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "review_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_review_settings")),
    )
    op.create_table(
        "review_audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("who", sa.String(length=40), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("discrepancy_id", sa.Integer(), nullable=True),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.Column("after_json", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_review_audit_log")),
        sa.UniqueConstraint("hash", name=op.f("uq_review_audit_log_hash")),
    )
    with op.batch_alter_table("review_audit_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_audit_log_discrepancy_id"), ["discrepancy_id"], unique=False
        )

    op.create_table(
        "review_record_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("removed", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["extraction_runs.id"],
            name=op.f("fk_review_record_versions_run_id_extraction_runs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["audit_seq"],
            ["review_audit_log.seq"],
            name=op.f("fk_review_record_versions_audit_seq_review_audit_log"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_record_versions")),
        sa.UniqueConstraint("audit_seq", name=op.f("uq_review_record_versions_audit_seq")),
    )
    with op.batch_alter_table("review_record_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_record_versions_run_id"), ["run_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_record_versions_article_id"), ["article_id"], unique=False
        )

    if op.get_bind().dialect.name == "sqlite":
        for name, event in _APPEND_ONLY_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {event} ON review_audit_log "
                "BEGIN SELECT RAISE(ABORT, 'review_audit_log is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _APPEND_ONLY_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("review_record_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_record_versions_article_id"))
        batch_op.drop_index(batch_op.f("ix_review_record_versions_run_id"))
    op.drop_table("review_record_versions")
    with op.batch_alter_table("review_audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_audit_log_discrepancy_id"))
    op.drop_table("review_audit_log")
    op.drop_table("review_settings")
    with op.batch_alter_table("review_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_sessions_user_id"))
    op.drop_table("review_sessions")
    op.drop_table("review_users")
