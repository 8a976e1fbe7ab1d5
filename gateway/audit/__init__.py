"""The tamper-evident audit trail: one event per request and per access decision, hash-chained, with signed
checkpoints, verification, export, retention and legal holds. Events carry masked text only."""

from __future__ import annotations

from gateway.audit.events import Actions, AuditEvent, AuditRecord, Citation
from gateway.audit.passages import PassageSource
from gateway.audit.query import AuditFilter
from gateway.audit.settings import AuditSettings
from gateway.audit.trail import AuditTrail
from gateway.audit.verify import BrokenLink, VerifyReport

__all__ = [
    "Actions",
    "AuditEvent",
    "AuditFilter",
    "AuditRecord",
    "AuditSettings",
    "AuditTrail",
    "BrokenLink",
    "Citation",
    "PassageSource",
    "VerifyReport",
]
