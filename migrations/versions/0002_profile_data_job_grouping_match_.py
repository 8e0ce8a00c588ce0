"""profile data, job grouping, match freshness, tracker

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("history", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["job.id"], name=op.f("fk_application_job_id_job"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_application_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint("user_id", "job_id", name=op.f("uq_application_user_id_job_id")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("employment_type", sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column("group_key", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_job_group_key"), ["group_key"], unique=False)

    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_content_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("profile_version", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_match_user_id_job_id_scorer"), ["user_id", "job_id", "scorer"]
        )

    with op.batch_alter_table("user", schema=None) as batch_op:
        # Existing rows need a value: an empty profile, version 0.
        batch_op.add_column(
            sa.Column("profile_data", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch_op.add_column(
            sa.Column("profile_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("profile_version")
        batch_op.drop_column("profile_data")

    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_match_user_id_job_id_scorer"), type_="unique")
        batch_op.drop_column("profile_version")
        batch_op.drop_column("job_content_hash")

    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_group_key"))
        batch_op.drop_column("group_key")
        batch_op.drop_column("employment_type")

    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_user_id"))
        batch_op.drop_index(batch_op.f("ix_application_job_id"))

    op.drop_table("application")
