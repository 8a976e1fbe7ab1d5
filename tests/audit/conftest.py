"""Audit fixtures: a trail on the real database (SQLite and PostgreSQL via ``db_url``) with its own key file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from gateway.audit import AuditEvent, AuditSettings, AuditTrail, Citation
from gateway.db.session import Database

POLICY_VERSION = "a" * 64


def make_event(i: int = 0, **overrides: Any) -> AuditEvent:
    """A chat event holding placeholders only, as the masking layer would hand it over."""
    values: dict[str, Any] = {
        "action": "chat",
        "outcome": "ok",
        "http_status": 200,
        "request_id": f"req-{i}",
        "user": "alice",
        "roles": ("teller",),
        "policy_version": POLICY_VERSION,
        "masked_query": f"What is the balance of <PERSON_1>'s account <IBAN_CODE_1>? ({i})",
        "masked_answer": "I cannot see balances; ask <PERSON_1> to visit a branch.",
        "masked_entities": {"PERSON": 1, "IBAN_CODE": 1},
        "model_file": "SmolLM2-135M-Instruct.Q4_1.gguf",
        "model_hash": "b" * 64,
        "prompt_tokens": 42,
        "completion_tokens": 17,
        "latency_ms": 12.5,
        "details": {"stream": False},
    }
    values.update(overrides)
    return AuditEvent(**values)


def cited(*document_ids: str) -> tuple[Citation, ...]:
    return tuple(
        Citation(d, f"Title of {d}", 1, f"{d}-c{n}", "c" * 64, 0.5 + n / 10) for n, d in enumerate(document_ids)
    )


def days_ago(days: float) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


def sql(trail: AuditTrail, statement: str, **params: Any) -> Any:
    """Tamper with the database directly, as an attacker with write access would."""
    with trail.db.engine.begin() as conn:
        return conn.execute(text(statement), params)


def open_trail(db_url: str, key_path: Path, **settings: Any) -> AuditTrail:
    values: dict[str, Any] = {"checkpoint_every": 10, "checkpoint_on_read": False}
    values.update(settings)
    return AuditTrail(Database(db_url), AuditSettings(**values), key_path=key_path)


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "audit-signing.key"


@pytest.fixture
def trail(db_url: str, key_path: Path) -> Iterator[AuditTrail]:
    """Checkpoints every 10 events; no checkpoint on verify, so tests control exactly what is signed."""
    opened = open_trail(db_url, key_path)
    try:
        yield opened
    finally:
        opened.close()
        opened.db.dispose()
