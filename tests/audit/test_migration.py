"""The audit tables' migration matches the ORM models and downgrades cleanly."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from gateway.db.base import Base
from gateway.db.migrate import alembic_config, upgrade
from gateway.db.session import create_db_engine

AUDIT_TABLES = {"audit_events", "audit_citations", "audit_checkpoints", "audit_holds"}


def test_migrated_audit_tables_match_the_models(db_url: str) -> None:
    engine = create_db_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    audit_diff = [d for d in diff if AUDIT_TABLES & set(_tables(d))]
    assert audit_diff == []


def test_audit_migration_downgrades_and_upgrades_again(db_url: str) -> None:
    engine = create_db_engine(db_url)
    with engine.begin() as conn:
        config = alembic_config(db_url)
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    assert not AUDIT_TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    upgrade(db_url)
    engine = create_db_engine(db_url)
    assert set(inspect(engine).get_table_names()) >= AUDIT_TABLES
    engine.dispose()


def _tables(diff: Any) -> list[str]:
    """Table names an autogenerate diff entry mentions (entries are tuples, or lists of tuples for columns)."""
    found: list[str] = []
    items: list[Any] = diff if isinstance(diff, list) else [diff]
    for item in items:
        for part in item:
            name = getattr(part, "name", None) if not isinstance(part, str) else part
            table = getattr(getattr(part, "table", None), "name", None)
            found.extend(x for x in (name, table) if isinstance(x, str))
    return found
