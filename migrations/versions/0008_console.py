"""web console: signed-in sessions (issue #18)

Revision ID: 0008_console
Revises: 0006_answer_quality
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_console"
down_revision = "0006_answer_quality"
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "console_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=128), nullable=False),
        sa.Column("roles", sa.String(length=1024), nullable=False),
        sa.Column("auth_method", sa.String(length=16), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=True),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("last_seen_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("expires_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_console_sessions")),
    )
    for column in ("user_name", "expires_at"):
        op.create_index(op.f(f"ix_console_sessions_{column}"), "console_sessions", [column], unique=False)


def downgrade() -> None:
    for column in ("user_name", "expires_at"):
        op.drop_index(op.f(f"ix_console_sessions_{column}"), table_name="console_sessions")
    op.drop_table("console_sessions")
