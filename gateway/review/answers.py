"""The audited answer a verdict or a piece of feedback is about: its chat event, found by sequence number or by the
response id the caller received (``chatcmpl-<request id>``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from gateway.audit.events import Actions, AuditRecord
from gateway.audit.trail import AuditTrail
from gateway.db.tables import AuditEntry
from gateway.errors import InvalidInput, NotFound

RESPONSE_PREFIX = "chatcmpl-"


@dataclass(frozen=True, slots=True)
class AuditedAnswer:
    seq: int
    request_id: str
    user: str | None
    answer_role: str | None
    """The role whose template shaped the answer (the event's ``details.answer_role``), else the caller's first."""
    model_file: str | None
    answered_at: datetime

    @classmethod
    def of(cls, record: AuditRecord) -> AuditedAnswer:
        event = record.event
        role = event.details.get("answer_role") or (event.roles[0] if event.roles else None)
        return cls(record.seq, event.request_id, event.user, role, event.model_file, event.at)


def answer_by_seq(trail: AuditTrail, seq: int) -> AuditedAnswer:
    """The chat event ``seq``; NotFound when there is none or it records something other than an answer."""
    record = trail.get(seq)
    if record.event.action != Actions.CHAT:
        raise NotFound("audit event is not a chat answer", param="seq")
    return AuditedAnswer.of(record)


def answer_by_response(trail: AuditTrail, response_id: str, user: str) -> AuditedAnswer:
    """The answer ``user`` received as ``response_id``; NotFound for anyone else's, so ids cannot be probed."""
    if not response_id.startswith(RESPONSE_PREFIX) or not 0 < len(response_id) - len(RESPONSE_PREFIX) <= 64:
        raise InvalidInput("response_id must be the id of a chat completion (chatcmpl-…)", param="response_id")
    request_id = response_id[len(RESPONSE_PREFIX):]
    with trail.db.session() as session:
        seqs = session.scalars(select(AuditEntry.seq).where(
            AuditEntry.request_id == request_id, AuditEntry.action == Actions.CHAT, AuditEntry.user_name == user,
        ).order_by(AuditEntry.seq.desc()).limit(1)).all()
    if not seqs:
        raise NotFound("no answer with this response id was given to you", param="response_id")
    return AuditedAnswer.of(trail.get(seqs[0]))
