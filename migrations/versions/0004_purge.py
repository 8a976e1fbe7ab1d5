"""purge: resumable erasure jobs with their signed receipts, and the data-subject index (issue #7)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "purge_jobs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target", sa.String(length=128), nullable=False),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=True),
        sa.Column("signature", sa.LargeBinary(length=64), nullable=True),
        sa.Column("key_id", sa.String(length=32), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("updated_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("finished_at", UTC_TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purge_jobs")),
    )
    op.create_index(op.f("ix_purge_jobs_target"), "purge_jobs", ["target"], unique=False)
    op.create_index(op.f("ix_purge_jobs_status"), "purge_jobs", ["status"], unique=False)
    op.create_table(
        "subject_index",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chunk_id", sa.String(length=160), nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("value_hmac", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_index")),
    )
    for column in ("chunk_id", "doc_id", "value_hmac"):
        op.create_index(op.f(f"ix_subject_index_{column}"), "subject_index", [column], unique=False)


def downgrade() -> None:
    for column in ("chunk_id", "doc_id", "value_hmac"):
        op.drop_index(op.f(f"ix_subject_index_{column}"), table_name="subject_index")
    op.drop_table("subject_index")
    op.drop_index(op.f("ix_purge_jobs_status"), table_name="purge_jobs")
    op.drop_index(op.f("ix_purge_jobs_target"), table_name="purge_jobs")
    op.drop_table("purge_jobs")
