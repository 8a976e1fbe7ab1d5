"""Mapping between audit events and their database rows, in both directions, so that what is hashed at append
time is exactly what verification rebuilds from the database."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from gateway.audit.events import AuditEvent, AuditRecord, Citation
from gateway.db.tables import AuditCitation, AuditEntry


def encode_roles(roles: Sequence[str]) -> str:
    """``,a,b,``: the leading and trailing commas let a role filter be one ``LIKE '%,role,%'``."""
    return "," + ",".join(roles) + "," if roles else ""


def decode_roles(stored: str) -> tuple[str, ...]:
    return tuple(part for part in stored.split(",") if part)


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def entry_values(seq: int, prev_hash: str, digest: str, event: AuditEvent) -> dict[str, Any]:
    """Column values of ``audit_events`` for one event (Core insert and ORM alike)."""
    return {
        "seq": seq,
        "at": event.at,
        "request_id": event.request_id,
        "user_name": event.user,
        "roles": encode_roles(event.roles),
        "policy_version": event.policy_version,
        "action": event.action,
        "outcome": event.outcome,
        "http_status": event.http_status,
        "masked_query": event.masked_query,
        "masked_answer": event.masked_answer,
        "masked_entities": _json(event.masked_entities),
        "model_file": event.model_file,
        "model_hash": event.model_hash,
        "prompt_tokens": event.prompt_tokens,
        "completion_tokens": event.completion_tokens,
        "latency_ms": event.latency_ms,
        "document_id": event.document_id,
        "details": _json(event.details),
        "prev_hash": prev_hash,
        "hash": digest,
    }


def citation_values(seq: int, citations: Sequence[Citation]) -> list[dict[str, Any]]:
    return [
        {
            "event_seq": seq,
            "position": position,
            "document_id": c.document_id,
            "title": c.title,
            "version": c.version,
            "chunk_id": c.chunk_id,
            "chunk_hash": c.chunk_hash,
            "score": c.score,
        }
        for position, c in enumerate(citations)
    ]


def event_from_row(row: Any, citations: Sequence[Any]) -> AuditEvent:
    """Rebuild an event from an ``audit_events`` row (ORM object or Core row) and its citation rows, in order."""
    return AuditEvent(
        action=row.action,
        outcome=row.outcome,
        request_id=row.request_id,
        user=row.user_name,
        roles=decode_roles(row.roles),
        policy_version=row.policy_version,
        http_status=row.http_status,
        masked_query=row.masked_query,
        masked_answer=row.masked_answer,
        citations=tuple(
            Citation(c.document_id, c.title, c.version, c.chunk_id, c.chunk_hash, c.score) for c in citations
        ),
        masked_entities=json.loads(row.masked_entities),
        model_file=row.model_file,
        model_hash=row.model_hash,
        prompt_tokens=row.prompt_tokens,
        completion_tokens=row.completion_tokens,
        latency_ms=row.latency_ms,
        document_id=row.document_id,
        details=json.loads(row.details),
        at=row.at,
    )


def record_from_entry(entry: AuditEntry) -> AuditRecord:
    return AuditRecord(entry.seq, entry.prev_hash, entry.hash, event_from_row(entry, entry.citations))


def new_entry(seq: int, prev_hash: str, digest: str, event: AuditEvent) -> AuditEntry:
    entry = AuditEntry(**entry_values(seq, prev_hash, digest, event))
    entry.citations = [AuditCitation(**values) for values in citation_values(seq, event.citations)]
    return entry
