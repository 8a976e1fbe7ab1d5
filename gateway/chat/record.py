"""The audit event of one chat request: who asked under which policy, what the model saw and said (masked)."""

from __future__ import annotations

from collections.abc import Mapping

from gateway.audit.events import Actions, AuditEvent, Citation, Outcome
from gateway.chat.service import ChatService, PreparedChat
from gateway.llm.types import Finished
from gateway.policy.principal import Principal


def chat_event(
    chat: ChatService,
    principal: Principal,
    request_id: str,
    *,
    outcome: Outcome,
    http_status: int,
    latency_ms: float,
    prepared: PreparedChat | None = None,
    masked_answer: str | None = None,
    finished: Finished | None = None,
    details: Mapping[str, object] | None = None,
) -> AuditEvent:
    model = chat.queue.model
    return AuditEvent(
        action=Actions.CHAT,
        outcome=outcome,
        request_id=request_id,
        user=principal.name,
        roles=principal.roles,
        policy_version=chat.policy.version,
        http_status=http_status,
        masked_query=prepared.masked_query if prepared else None,
        masked_answer=masked_answer,
        masked_entities=dict(prepared.entity_counts) if prepared else {},
        citations=tuple(
            Citation(h.document_id, h.title, h.version, h.chunk_id, h.chunk_hash, h.score)
            for h in (prepared.sources if prepared else [])
        ),
        model_file=chat.model_file,
        model_hash=model.file_sha256,
        prompt_tokens=finished.prompt_tokens if finished else None,
        completion_tokens=finished.completion_tokens if finished else None,
        latency_ms=latency_ms,
        details=dict(details or {}),
    )
