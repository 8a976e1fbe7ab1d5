"""security review (issue 15): a keyed MAC on every audit event, and the MAC each checkpoint signs

Revision ID: 0005_security_review
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_security_review"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: events written before this migration carry none (verification accepts a MAC-less prefix only).
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("mac", sa.String(length=64), nullable=True))
    with op.batch_alter_table("audit_checkpoints") as batch:
        batch.add_column(sa.Column("event_mac", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_checkpoints") as batch:
        batch.drop_column("event_mac")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("mac")
