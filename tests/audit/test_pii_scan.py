"""The trail holds what it is given (masked text) and nothing else, and never logs event contents."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from gateway.audit import AuditTrail
from gateway.errors import AuditFailed

from .conftest import cited, make_event, sql

RAW_IDENTIFIERS = [
    "Zhang Wei", "Margaret Thornbury", "john.smith@example.com", "+1 212 555 0199", "4111 1111 1111 1111",
    "4111111111111111", "GB82WEST12345698765432", "110101199003074578", "078-05-1120", "13800138000",
    "221B Baker Street",
]
MASKED_MARKER = "<PERSON_1> asked about <IBAN_CODE_1> (marker 7f3a9c)"


def _stored_bytes(trail: AuditTrail) -> bytes:
    """Everything the database holds for the trail: the SQLite files themselves, or every PostgreSQL row as text."""
    url = make_url(trail.db.url)
    if url.get_backend_name() == "sqlite":
        base = Path(url.database or "")
        return b"".join(p.read_bytes() for p in (base, Path(f"{base}-wal")) if p.exists())
    with trail.db.engine.connect() as conn:
        rows = [
            conn.execute(text(f"SELECT string_agg(t::text, '\n') FROM {table} t")).scalar() or ""
            for table in ("audit_events", "audit_citations", "audit_checkpoints", "audit_holds")
        ]
    return "\n".join(rows).encode()


def test_database_holds_no_raw_identifiers_only_placeholders(trail: AuditTrail) -> None:
    for i in range(30):
        trail.append(make_event(i, masked_query=MASKED_MARKER, masked_answer="Ask <PERSON_1> to call <PHONE_1>.",
                                masked_entities={"PERSON": 1, "IBAN_CODE": 1}, citations=cited("doc-1")))
    trail.close()
    stored = _stored_bytes(trail)
    assert MASKED_MARKER.encode() in stored  # the scan does see what was written
    for raw in RAW_IDENTIFIERS:
        assert raw.encode() not in stored, raw


def test_event_contents_never_reach_the_logs(trail: AuditTrail, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for i in range(12):
        trail.append(make_event(i, masked_query=MASKED_MARKER))
    trail.verify()
    sql(trail, "UPDATE audit_events SET masked_answer = 'x' WHERE seq = 3")
    trail.verify()
    sql(trail, "DROP TABLE audit_citations")
    sql(trail, "DROP TABLE audit_events")
    with pytest.raises(AuditFailed):
        trail.append(make_event(99, masked_query=MASKED_MARKER))
    assert any(r.name == "gateway.audit" for r in caplog.records)  # the failure was logged ...
    assert "7f3a9c" not in caplog.text  # ... without what the event said
    assert "PRIVATE KEY" not in caplog.text
