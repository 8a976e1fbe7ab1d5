"""knowledge base: validity windows of document versions, and the folder a synced document is mirrored from

Revision ID: 0009_retrieval
Revises: 0008_console
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_retrieval"
down_revision = "0008_console"
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("kb_document_versions") as table:
        table.add_column(sa.Column("valid_from", UTC_TIMESTAMP, nullable=True))
        table.add_column(sa.Column("valid_until", UTC_TIMESTAMP, nullable=True))
    with op.batch_alter_table("kb_documents") as table:
        table.add_column(sa.Column("origin", sa.LargeBinary(length=32), nullable=True))
        table.create_index(op.f("ix_kb_documents_origin"), ["origin"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("kb_documents") as table:
        table.drop_index(op.f("ix_kb_documents_origin"))
        table.drop_column("origin")
    with op.batch_alter_table("kb_document_versions") as table:
        table.drop_column("valid_until")
        table.drop_column("valid_from")
