"""agents: review cache, outbound log, vibe messages

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("cache_key", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=300), nullable=False),
        sa.Column("review", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["job.id"], name=op.f("fk_review_cache_job_id_job"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_review_cache_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_cache")),
        sa.UniqueConstraint("user_id", "cache_key", name=op.f("uq_review_cache_user_id_cache_key")),
    )
    with op.batch_alter_table("review_cache", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_cache_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_cache_user_id"), ["user_id"], unique=False)

    op.create_table(
        "vibe_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_vibe_message_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vibe_message")),
    )
    with op.batch_alter_table("vibe_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vibe_message_user_id"), ["user_id"], unique=False)

    op.create_table(
        "outbound_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("provider", sa.String(length=50), nullable=False),
        sa.Column("model", sa.String(length=300), nullable=False),
        sa.Column("host", sa.String(length=300), nullable=True),
        sa.Column("local", sa.Boolean(), nullable=False),
        sa.Column("purpose", sa.String(length=50), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("input_tokens", sa.Integer(), nullable=False),
        sa.Column("output_tokens", sa.Integer(), nullable=False),
        sa.Column("sent", sa.JSON(), nullable=False),
        sa.Column("redacted", sa.JSON(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["run.id"], name=op.f("fk_outbound_call_run_id_run"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_outbound_call_user_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_call")),
    )
    with op.batch_alter_table("outbound_call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbound_call_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbound_call_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbound_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbound_call_user_id"))
        batch_op.drop_index(batch_op.f("ix_outbound_call_at"))

    op.drop_table("outbound_call")
    with op.batch_alter_table("vibe_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vibe_message_user_id"))

    op.drop_table("vibe_message")
    with op.batch_alter_table("review_cache", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_cache_user_id"))
        batch_op.drop_index(batch_op.f("ix_review_cache_job_id"))

    op.drop_table("review_cache")
