"""answer quality: compliance officers' verdicts on audited answers and staff feedback (issue #16)

Revision ID: 0006_answer_quality
Revises: 0005_security_review
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_answer_quality"
down_revision = "0005_security_review"
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "answer_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(length=128), nullable=False),
        sa.Column("reviewed_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("answer_role", sa.String(length=64), nullable=True),
        sa.Column("model_file", sa.String(length=512), nullable=True),
        sa.Column("answered_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_reviews")),
    )
    for column in ("audit_seq", "request_id", "answer_role", "answered_at"):
        op.create_index(op.f(f"ix_answer_reviews_{column}"), "answer_reviews", [column], unique=False)
    op.create_table(
        "answer_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=128), nullable=False),
        sa.Column("rating", sa.String(length=8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("answer_role", sa.String(length=64), nullable=True),
        sa.Column("model_file", sa.String(length=512), nullable=True),
        sa.Column("answered_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_feedback")),
    )
    for column in ("audit_seq", "request_id", "answer_role", "answered_at"):
        op.create_index(op.f(f"ix_answer_feedback_{column}"), "answer_feedback", [column], unique=False)


def downgrade() -> None:
    for column in ("audit_seq", "request_id", "answer_role", "answered_at"):
        op.drop_index(op.f(f"ix_answer_feedback_{column}"), table_name="answer_feedback")
    op.drop_table("answer_feedback")
    for column in ("audit_seq", "request_id", "answer_role", "answered_at"):
        op.drop_index(op.f(f"ix_answer_reviews_{column}"), table_name="answer_reviews")
    op.drop_table("answer_reviews")
