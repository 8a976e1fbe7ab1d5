"""The audit events of one chat request: what the model saw and said (masked), under which model, with what cost.

A chat leaves two events: ``chat.started`` (the masked question, the citations, the model) committed before any
generation, so no answer byte can go out without a durable row; then ``chat`` (the masked answer, tokens,
latency) with outcome ``ok``, ``error``, ``denied`` or ``aborted`` (client gone, status 499), written in a
``finally``. A started event with no ``chat`` event (the process was killed) reads as aborted to officers.
Pseudonyms are relabelled under the audit linkage key, so one person carries one tag across the whole trail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gateway.audit.events import Actions, Citation, Outcome
from gateway.chat.ask import PreparedChat
from gateway.chat.grounding import Grounding
from gateway.llm.protocol import ChatModel
from gateway.llm.types import Finished

Relabel = Callable[[str], str]


def chat_event_fields(
    model: ChatModel,
    model_file: str | None,
    *,
    outcome: Outcome,
    http_status: int | None,
    latency_ms: float,
    prepared: PreparedChat | None = None,
    masked_answer: str | None = None,
    finished: Finished | None = None,
    grounding: Grounding | None = None,
    action: str = Actions.CHAT,
    details: dict[str, Any] | None = None,
    relabel: Relabel | None = None,
    minimal: bool = False,
) -> dict[str, Any]:
    """The fields of a chat event for ``RequestAuditor.record`` (who and which request it fills itself).

    ``details.grounding`` says what the answer stands on: which of the cited passages it names, the ``[n]`` it cited
    that named no source (removed), whether it complied with the role's template, whether it was a refusal; and
    ``details.answer_role`` the role whose template shaped it; ``details.lora`` the LoRA adapters (name, scale)
    it was generated under. Numbers, flags and rule names only.
    ``minimal`` leaves out everything but counts and the model: the fallback for an error event whose full form
    did not validate (so even then the request leaves a row)."""
    keep = relabel or (lambda text: text)
    adapters = prepared.params.adapters if prepared is not None else ()
    if minimal:
        prepared, masked_answer, grounding = None, None, None
    details = dict(details or {})
    if grounding is not None:
        details["grounding"] = grounding.as_json()
    if prepared is not None and prepared.answer_role is not None:
        details["answer_role"] = prepared.answer_role
    if adapters:  # part of which model answered: kept in the minimal form too
        details["lora"] = [{"name": name, "scale": scale} for name, scale in adapters]
    return {
        "action": action,
        "outcome": outcome,
        "http_status": http_status,
        "masked_query": keep(prepared.masked_query) if prepared else None,
        "masked_answer": keep(masked_answer) if masked_answer is not None else None,
        "masked_entities": dict(prepared.entity_counts) if prepared else {},
        "citations": tuple(
            Citation(h.document_id, h.title, h.version, h.chunk_id, h.chunk_hash, h.score)
            for h in (prepared.sources if prepared else [])
        ),
        "model_file": model_file,
        "model_hash": model.file_sha256,
        "prompt_tokens": finished.prompt_tokens if finished else prepared.prompt.n_tokens if prepared else None,
        "completion_tokens": finished.completion_tokens if finished else None,
        "latency_ms": latency_ms,
        "details": details,
    }
