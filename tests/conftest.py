"""Shared fixtures: real SQLite and PostgreSQL databases, real model files, settings built explicitly."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from gateway.db.migrate import upgrade

PG_ADMIN_URL = os.environ.get("GATEWAY_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_available() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # pragma: no cover - depends on the machine
        return f"PostgreSQL not reachable at {make_url(PG_ADMIN_URL).host}: {type(exc).__name__}"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    reason = _postgres_available()
    if reason:
        pytest.skip(reason)
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"gw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'gateway.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs on SQLite and on PostgreSQL; the schema is migrated to head."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def models_dir() -> Path:
    chat = MODELS_DIR / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not chat.is_file():
        pytest.fail(f"default models missing in {MODELS_DIR}; run `make test` or `gateway models fetch`")
    return MODELS_DIR


from tests.support import (  # noqa: E402  (fixtures registered for every test)
    MODELS_DIR,
    chat_model,
    e5_embedder,
    e5_model_path,
    embedder,
    gateway,
    gateway_factory,
    masker,
    served_chat_model,
)

__all__ = ["chat_model", "e5_embedder", "e5_model_path", "embedder", "gateway", "gateway_factory", "masker",
           "served_chat_model"]
