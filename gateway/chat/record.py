"""The audit event of one chat request: what the model saw and said (masked), under which model, with what cost."""

from __future__ import annotations

from typing import Any

from gateway.audit.events import Actions, Citation, Outcome
from gateway.chat.ask import PreparedChat
from gateway.chat.grounding import Grounding
from gateway.llm.protocol import ChatModel
from gateway.llm.types import Finished


def chat_event_fields(
    model: ChatModel,
    model_file: str | None,
    *,
    outcome: Outcome,
    http_status: int,
    latency_ms: float,
    prepared: PreparedChat | None = None,
    masked_answer: str | None = None,
    finished: Finished | None = None,
    grounding: Grounding | None = None,
) -> dict[str, Any]:
    """The fields of a ``chat`` event for ``RequestAuditor.record`` (who and which request it fills itself).

    ``details.grounding`` says what the answer stands on: which of the cited passages it names, the ``[n]`` it cited
    that named no source (removed), whether it complied with the role's template, whether it was a refusal; and
    ``details.answer_role`` the role whose template shaped it. Numbers, flags and rule names only."""
    details: dict[str, Any] = {}
    if grounding is not None:
        details["grounding"] = grounding.as_json()
    if prepared is not None and prepared.answer_role is not None:
        details["answer_role"] = prepared.answer_role
    return {
        "details": details,
        "action": Actions.CHAT,
        "outcome": outcome,
        "http_status": http_status,
        "masked_query": prepared.masked_query if prepared else None,
        "masked_answer": masked_answer,
        "masked_entities": dict(prepared.entity_counts) if prepared else {},
        "citations": tuple(
            Citation(h.document_id, h.title, h.version, h.chunk_id, h.chunk_hash, h.score)
            for h in (prepared.sources if prepared else [])
        ),
        "model_file": model_file,
        "model_hash": model.file_sha256,
        "prompt_tokens": finished.prompt_tokens if finished else None,
        "completion_tokens": finished.completion_tokens if finished else None,
        "latency_ms": latency_ms,
    }
