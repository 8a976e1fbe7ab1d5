"""What the audit trail records: one ``AuditEvent`` per request and per access decision.

The writer is handed text that is already masked (``masked_query``, ``masked_answer``) and identifiers, never raw
personal data, document text or keys; it stores exactly what it is given, so the caller that masks is the one
that guarantees this. Validation here only keeps the shape honest (UTC times, bounded sizes, JSON-safe details).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

Outcome = Literal["ok", "denied", "error", "aborted"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "denied", "error", "aborted")
"""``aborted``: the request ended before its answer was complete because the client went away."""

DETAILS_MAX_BYTES = 4096
"""``details`` is for a few identifiers and counts, not for payloads."""

_ACTION = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")
_NAME = re.compile(r"^[A-Za-z0-9_.:@/-]{1,128}$")


class Actions:
    """The actions the gateway records; other modules may use further names of the same shape (``domain.verb``)."""

    CHAT = "chat"
    CHAT_STARTED = "chat.started"
    """Written before generation starts; its request's ``chat`` event says how it ended."""
    SEARCH = "search"
    MASK = "mask"
    DOCUMENT_INGEST = "document.ingest"
    DOCUMENT_READ = "document.read"
    DOCUMENT_LIST = "document.list"
    DOCUMENT_PURGE = "document.purge"
    KB_MASTER_KEY_ROTATE = "kb.master_key.rotate"
    KB_REEMBED = "kb.reembed"
    USER_CREATE = "user.create"
    USER_UPDATE = "user.update"
    KEY_ISSUE = "key.issue"
    KEY_REVOKE = "key.revoke"
    ACCESS_DENIED = "access.denied"
    ACCESS_GRANTED = "access.granted"
    AUDIT_LIST = "audit.list"
    AUDIT_READ = "audit.read"
    AUDIT_PASSAGES = "audit.passages"
    AUDIT_VERIFY = "audit.verify"
    AUDIT_EXPORT = "audit.export"
    AUDIT_PRUNE = "audit.prune"
    AUDIT_HOLD_ADD = "audit.hold.add"
    AUDIT_HOLD_REMOVE = "audit.hold.remove"


@dataclass(frozen=True, slots=True)
class Citation:
    """One passage an answer cited, by reference only: the passage text is never stored in the trail."""

    document_id: str
    title: str
    version: int
    chunk_id: str
    chunk_hash: str
    """sha256 of the chunk's plaintext, so a reviewer can prove which text was cited without the trail holding it."""
    score: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "score", float(self.score))  # stored as a double; 1 and 1.0 must hash alike
        if not self.document_id or len(self.document_id) > 128 or len(self.chunk_id) > 128:
            raise ValueError("citation ids must be 1 to 128 characters")
        if len(self.title) > 512 or len(self.chunk_hash) > 64:
            raise ValueError("citation title or chunk hash too long")


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One request or decision. Every text field is already masked; see the module docstring."""

    action: str
    outcome: Outcome
    request_id: str
    user: str | None
    roles: tuple[str, ...]
    policy_version: str
    http_status: int | None = None
    masked_query: str | None = None
    """The caller's question after masking: placeholders such as ``<PERSON_1>``, never the raw text."""
    masked_answer: str | None = None
    """The answer as the caller received it, after masking."""
    citations: tuple[Citation, ...] = ()
    masked_entities: Mapping[str, int] = field(default_factory=dict)
    """How many entities of each type were masked, e.g. ``{"PERSON": 2}``."""
    model_file: str | None = None
    model_hash: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float | None = None
    document_id: str | None = None
    """The document an ingest or purge acted on (cited documents are in ``citations``)."""
    details: Mapping[str, Any] = field(default_factory=dict)
    """A few identifiers and counts (JSON, at most ``DETAILS_MAX_BYTES``); never request or document text."""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        if not _ACTION.match(self.action):
            raise ValueError("action must look like 'domain.verb' (lower case, at most 64 characters)")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}")
        if not self.request_id or len(self.request_id) > 64:
            raise ValueError("request_id must be 1 to 64 characters")
        if self.user is not None and not 0 < len(self.user) <= 128:
            raise ValueError("user must be 1 to 128 characters")
        roles = tuple(self.roles)
        if any(not _NAME.match(r) for r in roles):
            raise ValueError("roles must be identifiers")
        object.__setattr__(self, "roles", roles)
        if len(self.policy_version) > 64 or (self.document_id is not None and len(self.document_id) > 128):
            raise ValueError("policy_version or document_id too long")
        if self.at.tzinfo is None:
            raise ValueError("audit times must be timezone-aware")
        object.__setattr__(self, "at", self.at.astimezone(UTC))
        object.__setattr__(self, "citations", tuple(self.citations))
        counts = {str(k): int(v) for k, v in self.masked_entities.items()}
        object.__setattr__(self, "masked_entities", counts)
        if self.latency_ms is not None:
            object.__setattr__(self, "latency_ms", float(self.latency_ms))
        details = dict(self.details)
        encoded = json.dumps(details, sort_keys=True, allow_nan=False, separators=(",", ":")).encode()
        if len(encoded) > DETAILS_MAX_BYTES:
            raise ValueError(f"details must stay under {DETAILS_MAX_BYTES} bytes of JSON")
        # Round-trip once so what we hash is exactly what the database hands back (tuples become lists, etc.).
        object.__setattr__(self, "details", json.loads(encoded))
        for text in (self.masked_query, self.masked_answer):
            if text is not None and "\x00" in text:
                raise ValueError("audit text cannot contain NUL characters")


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """An event as stored: its place in the chain and the hashes that bind it there."""

    seq: int
    prev_hash: str
    hash: str
    event: AuditEvent
