"""The canonical form of an audit event and the hash that chains it to its predecessor.

``hash = sha256(canonical_bytes)`` where ``canonical_bytes`` is sorted-key, compact JSON in UTF-8 of the event's
content together with its sequence number and the previous event's hash, times formatted as
``YYYY-MM-DDTHH:MM:SS.ffffffZ``. Anyone with an export can recompute it with a few lines of code.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from gateway.audit.events import AuditEvent

FORMAT_VERSION = 1
GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the very first event."""

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


CONTENT_FIELDS = (
    "at", "request_id", "user", "roles", "policy_version", "action", "outcome", "http_status", "masked_query",
    "masked_answer", "citations", "masked_entities", "model_file", "model_hash", "prompt_tokens",
    "completion_tokens", "latency_ms", "document_id", "details",
)
"""The keys of ``event_content``, in the column order exports use."""


def event_content(event: AuditEvent) -> dict[str, Any]:
    """Everything an event says, as JSON-ready values; also the body of exports and API responses."""
    return {
        "at": format_time(event.at),
        "request_id": event.request_id,
        "user": event.user,
        "roles": list(event.roles),
        "policy_version": event.policy_version,
        "action": event.action,
        "outcome": event.outcome,
        "http_status": event.http_status,
        "masked_query": event.masked_query,
        "masked_answer": event.masked_answer,
        "citations": [
            {
                "document_id": c.document_id,
                "title": c.title,
                "version": c.version,
                "chunk_id": c.chunk_id,
                "chunk_hash": c.chunk_hash,
                "score": c.score,
            }
            for c in event.citations
        ],
        "masked_entities": dict(event.masked_entities),
        "model_file": event.model_file,
        "model_hash": event.model_hash,
        "prompt_tokens": event.prompt_tokens,
        "completion_tokens": event.completion_tokens,
        "latency_ms": event.latency_ms,
        "document_id": event.document_id,
        "details": dict(event.details),
    }


def event_hash(seq: int, prev_hash: str, event: AuditEvent) -> str:
    document = {"v": FORMAT_VERSION, "seq": seq, "prev_hash": prev_hash, "event": event_content(event)}
    return hashlib.sha256(canonical_json(document)).hexdigest()


def checkpoint_message(seq: int, head_hash: str, at: datetime | str, reason: str, key_id: str,
                       event_mac: str | None = None) -> bytes:  # fmt: skip
    """The bytes a checkpoint signs. The reason is signed too, so a periodic checkpoint cannot be relabelled as a
    pruning anchor to excuse deleted rows. Checkpoints over a MAC'd event (format 2) sign its MAC as well, so the
    MACs of the signed part cannot be removed to pass it off as written before MACs existed."""
    document: dict[str, object] = {"v": FORMAT_VERSION, "seq": seq, "hash": head_hash,
                                   "at": at if isinstance(at, str) else format_time(at), "reason": reason,
                                   "key_id": key_id}
    if event_mac is not None:
        document.update(v=2, mac=event_mac)
    return canonical_json(document)
