"""``ChatService``: answers staff questions by composing policy, masking, retrieval, generation and audit.

``prompts`` turns a request into the masked prompt (``gateway.chat.prepare``); ``turn`` runs one request's answer
loop (``gateway.chat.turn``); the model queue admits and generates.
"""

from __future__ import annotations

from gateway.audit.recorder import RequestAuditor
from gateway.chat.ask import ChatAsk, PreparedChat
from gateway.chat.prepare import PromptBuilder
from gateway.chat.turn import ChatTurn, TurnParts
from gateway.kb.service import KnowledgeBase
from gateway.llm.queue import ModelQueue
from gateway.llm.settings import LlmSettings
from gateway.observability.metrics import Metrics
from gateway.pii.service import MaskingService
from gateway.policy.limits import RequestLimits
from gateway.policy.policy_set import PolicySet
from gateway.policy.principal import Principal


class ChatService:
    def __init__(
        self,
        queue: ModelQueue,
        policy: PolicySet,
        llm: LlmSettings,
        masking: MaskingService,
        *,
        model_file: str | None = None,
        kb: KnowledgeBase | None = None,
        metrics: Metrics | None = None,
        limits: RequestLimits | None = None,
    ) -> None:
        self.queue = queue
        self.policy = policy
        self.masking = masking
        self.metrics = metrics
        self.kb = kb
        self.model_file = model_file
        """The chat model's file name (or upstream URL), recorded in the audit trail."""
        self.prompts = PromptBuilder(queue.model, policy, llm, masking, kb, limits or RequestLimits())
        self._parts = TurnParts(self.prompts, queue, masking, model_file, metrics)

    @property
    def model_id(self) -> str:
        return self.queue.model.model_id

    def turn(self, principal: Principal, auditor: RequestAuditor) -> ChatTurn:
        """One request's answer loop; use as ``async with``, so a gateway error inside is audited."""
        return ChatTurn(self._parts, principal, auditor)

    async def prepare(self, principal: Principal, ask: ChatAsk) -> PreparedChat:
        """The masked prompt for ``ask`` under ``principal``'s policy (what the model would see)."""
        return await self.prompts.prepare(principal, ask)
