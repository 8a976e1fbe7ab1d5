"""Alembic migrations on real SQLite and PostgreSQL: up, up again, down, up; the start-up schema check."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Float, inspect

from gateway.db import tables  # noqa: F401  (registers every table on Base.metadata)
from gateway.db.base import Base
from gateway.db.migrate import alembic_config, is_current, upgrade
from gateway.db.session import create_db_engine

TABLES = {"users", "user_roles", "api_keys"}


def _tables(url: str) -> set[str]:
    engine = create_db_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _current(url: str) -> bool:
    engine = create_db_engine(url)
    try:
        return is_current(engine, url)
    finally:
        engine.dispose()


def _downgrade(url: str, revision: str) -> None:
    engine = create_db_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_upgrade_to_head_creates_every_table(db_url: str) -> None:
    assert _tables(db_url) >= TABLES
    assert _current(db_url)


def test_upgrade_twice_is_a_no_op(db_url: str) -> None:
    before = _tables(db_url)
    upgrade(db_url)
    assert _tables(db_url) == before
    assert _current(db_url)


def test_downgrade_to_base_drops_the_tables_and_upgrade_restores_them(db_url: str) -> None:
    _downgrade(db_url, "base")
    assert not (TABLES & _tables(db_url))
    assert not _current(db_url)
    upgrade(db_url)
    assert _tables(db_url) >= TABLES
    assert _current(db_url)


def test_api_keys_table_has_no_column_for_the_plaintext_key(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        columns = {c["name"] for c in inspect(engine).get_columns("api_keys")}
    finally:
        engine.dispose()
    assert columns == {"id", "user_id", "salt", "secret_hash", "created_at", "revoked_at"}


def _float_family_is_one_type_on_sqlite(
    context: MigrationContext, _inspected: object, _metadata: object, inspected_type: object, metadata_type: object
) -> bool | None:
    """SQLite stores FLOAT and DOUBLE alike (REAL affinity), so ``sa.Float()`` in a migration against a
    ``Mapped[float]`` (Double) column is no drift there; PostgreSQL still compares types exactly."""
    if context.dialect.name == "sqlite" and isinstance(inspected_type, Float) and isinstance(metadata_type, Float):
        return False
    return None  # Alembic's own comparison


def test_migrated_schema_matches_the_orm_models(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": _float_family_is_one_type_on_sqlite})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_empty_sqlite_database_is_not_current(sqlite_url: str) -> None:
    assert not _current(sqlite_url)


def test_empty_postgresql_database_is_not_current(pg_url: str) -> None:
    assert not _current(pg_url)
