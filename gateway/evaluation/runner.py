"""Running a labelled question set through the real pipeline: each question is asked under its role, as a member
of staff would, through ``ChatService`` (masking, retrieval, the template, generation, the citation check, the
answer's masking and its audit event), and what came back is recorded for the metrics."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from gateway.audit.recorder import RequestAuditor
from gateway.audit.trail import AuditTrail
from gateway.chat.ask import ChatAsk
from gateway.chat.service import ChatService
from gateway.chat.templates import AnswerShape
from gateway.chat.turn import CompletedAnswer
from gateway.errors import GatewayError, InvalidInput
from gateway.evaluation.leaks import leaked
from gateway.evaluation.questions import LabelledQuestion, PersonalValue
from gateway.llm.protocol import Embedder
from gateway.policy.policy_set import PolicySet
from gateway.policy.principal import Principal


@dataclass(slots=True)
class RetrievedSource:
    """A passage the answer was given, by what the labels name: its document's ``source_id`` and its sections."""

    source_id: str
    title: str
    sections: list[str]


@dataclass(slots=True)
class QuestionResult:
    """What one labelled question got; ``gateway.evaluation.metrics`` computes the metrics from a list of these."""

    id: str
    role: str
    category: str
    language: str
    expect_refusal: bool
    expected_documents: list[str]
    expected_sections: list[str]
    status: str = "ok"
    """``ok``, or the error code the request failed with (e.g. ``answer_format_invalid``)."""
    refused: bool = False
    from_knowledge_base: bool = False
    sources: list[RetrievedSource] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)
    invalid_citations: list[int] = field(default_factory=list)
    format: str | None = None
    format_valid: bool | None = None
    attempts: int = 0
    leaked: list[str] = field(default_factory=list)
    """Where each leaked value came from and its type (``doc:<file>:<TYPE>``, ``question:<TYPE>``); never the value."""
    relevance_reference: float | None = None
    relevance_question: float | None = None
    latency_ms: float = 0.0
    answer: str | None = None
    """The answer as the audit trail keeps it (masked)."""

    @property
    def declined(self) -> bool:
        """Refused by policy, or answered without any knowledge-base passage (which the response flags)."""
        return self.status == "ok" and (self.refused or not self.from_knowledge_base)

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "declined": self.declined}


async def _never() -> None:
    await asyncio.Event().wait()


class EvalRunner:
    def __init__(self, chat: ChatService, trail: AuditTrail, policy: PolicySet, embedder: Embedder | None, *,
                 max_tokens: int, planted: Sequence[PersonalValue] = (),
                 question_values: Sequence[PersonalValue] = ()) -> None:
        self.chat = chat
        self.trail = trail
        self.policy = policy
        self.embedder = embedder
        self.max_tokens = max_tokens
        self.planted = list(planted)
        self.question_values: dict[str, list[PersonalValue]] = {}
        for value in question_values:
            self.question_values.setdefault(value.id or "", []).append(value)

    def check_roles(self, questions: Sequence[LabelledQuestion]) -> None:
        unknown = sorted({q.role for q in questions} - set(self.policy.role_names))
        if unknown:
            raise InvalidInput(f"questions name roles the policy set {self.policy.name!r} does not declare: {unknown}")

    async def run(self, questions: Sequence[LabelledQuestion],
                  on_result: Callable[[QuestionResult], None] | None = None) -> list[QuestionResult]:
        """Every question, one after the other (the model answers one at a time anyway)."""
        self.check_roles(questions)
        results = []
        for question in questions:
            result = await self.ask(question)
            results.append(result)
            if on_result is not None:
                on_result(result)
        return results

    async def ask(self, question: LabelledQuestion) -> QuestionResult:
        result = QuestionResult(question.id, question.role, question.kind, question.language,
                                question.expect_refusal, list(question.expected_documents),
                                list(question.expected_sections))
        principal = Principal(name=f"eval:{question.role}"[:128], roles=(question.role,))
        auditor = RequestAuditor(self.trail, request_id=uuid.uuid4().hex, principal=principal,
                                 policy_version=self.policy.version)
        ask = ChatAsk(messages=[("user", question.question)], max_tokens=self.max_tokens, temperature=0.0,
                      top_p=1.0, stop=(), seed=0)
        started = time.perf_counter()
        text = ""
        try:
            async with self.chat.turn(principal, auditor) as turn:
                try:
                    answer = await turn.answer(ask, stream=False, disconnected=_never)
                    assert isinstance(answer, CompletedAnswer)
                    text = answer.text
                finally:
                    result.sources = [RetrievedSource(str(hit.metadata.get("source_id") or hit.document_id),
                                                      hit.title, list(hit.sections)) for hit in turn.sources]
                    if turn.grounding is not None:
                        g = turn.grounding
                        result.refused, result.from_knowledge_base = g.refused, g.from_knowledge_base
                        result.cited, result.invalid_citations = list(g.cited), list(g.invalid_citations)
                        result.format, result.format_valid, result.attempts = g.format, g.format_valid, g.attempts
                    result.answer = turn.masked_answer
        except GatewayError as exc:
            result.status = exc.code or type(exc).__name__
        result.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        if result.status == "ok":
            exposed = [*self.planted, *self._question_values(question)]
            result.leaked = [f"doc:{v.doc}:{v.entity_type}" if v.doc else f"question:{v.entity_type}"
                             for v in leaked(text, exposed)]
            if not result.declined and self.embedder is not None:
                self._relevance(question, text, result)
        return result

    def _question_values(self, question: LabelledQuestion) -> list[PersonalValue]:
        """A question's own values, except the types its role may see restored (``pii.reveal``): those the
        caller wrote and is allowed to read back."""
        role = self.policy.role(question.role)
        revealed = set(role.pii.reveal) if role is not None else set()
        return [v for v in self.question_values.get(question.id, []) if v.entity_type not in revealed]

    def _relevance(self, question: LabelledQuestion, answer: str, result: QuestionResult) -> None:
        assert self.embedder is not None
        generation = self.policy.generation_role([question.role])[1]
        shape = (AnswerShape(generation.answer_template, [], generation.answer_format)
                 if generation.answer_template is not None or generation.answer_format is not None else None)
        written = shape.model_text(answer) if shape is not None else answer
        reference = question.reference_answer
        if shape is not None and reference:
            reference = shape.model_text(reference)
        texts = [written or " ", question.question] + ([reference] if reference else [])
        vectors = self.embedder.embed(texts)
        result.relevance_question = round(_cosine(vectors[0], vectors[1]), 4)
        if reference and not question.expect_refusal:
            result.relevance_reference = round(_cosine(vectors[0], vectors[2]), 4)


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = (sum(x * x for x in a) ** 0.5) * (sum(y * y for y in b) ** 0.5)
    return dot / norm if norm else 0.0
