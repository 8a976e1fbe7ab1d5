"""knowledge base: document registry, versions and the wrapped-key store

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "kb_keys",
        sa.Column("id", sa.String(length=160), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("collection", sa.String(length=128), nullable=True),
        sa.Column("wrapped", sa.LargeBinary(), nullable=True),
        sa.Column("wrapped_by", sa.String(length=160), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("destroyed_at", UTC_TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_keys")),
    )
    op.create_index(op.f("ix_kb_keys_collection"), "kb_keys", ["collection"], unique=False)
    op.create_table(
        "kb_documents",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("collection", sa.String(length=128), nullable=False),
        sa.Column("identity", sa.LargeBinary(length=32), nullable=False),
        sa.Column("active_version", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("updated_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_documents")),
        sa.UniqueConstraint("identity", name=op.f("uq_kb_documents_identity")),
    )
    op.create_index(op.f("ix_kb_documents_collection"), "kb_documents", ["collection"], unique=False)
    op.create_table(
        "kb_document_versions",
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("classification", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("chunk_count", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("activated_at", UTC_TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["kb_documents.id"], name=op.f("fk_kb_document_versions_document_id_kb_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "version", name=op.f("pk_kb_document_versions")),
    )


def downgrade() -> None:
    op.drop_table("kb_document_versions")
    op.drop_index(op.f("ix_kb_documents_collection"), table_name="kb_documents")
    op.drop_table("kb_documents")
    op.drop_index(op.f("ix_kb_keys_collection"), table_name="kb_keys")
    op.drop_table("kb_keys")
