"""ChatService: turn an authorised chat request into a masked prompt under the caller's policy, and generate."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncGenerator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from gateway.chat.answer import AnswerGuard
from gateway.errors import InvalidInput, MaskingFailed
from gateway.kb.prompt import render_sources
from gateway.kb.search import Hit
from gateway.kb.service import KnowledgeBase
from gateway.llm.queue import ModelQueue
from gateway.llm.types import ChatMessage, GenerationEvent, Prompt, SamplingParams, StageTimer
from gateway.pii.masker import Masker
from gateway.pii.rules import PiiRules
from gateway.pii.vault import PseudonymVault
from gateway.policy.pii_rules import pii_rules_for
from gateway.policy.policy_set import PolicySet
from gateway.policy.principal import Principal
from gateway.settings import LlmSettings

SOURCES_HEADER = (
    "Sources from the knowledge base follow. Answer only from them and cite them by number, like [1]. "
    "If they do not answer the question, say that the knowledge base has no answer to it.\n\n"
)

_ROLE_MAP = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}


@dataclass(frozen=True, slots=True)
class ChatAsk:
    """What the caller asked for, already decoded from the wire format."""

    messages: Sequence[tuple[str, str]]
    max_tokens: int | None
    temperature: float
    top_p: float
    stop: tuple[str, ...]
    seed: int | None


@dataclass(slots=True)
class PreparedChat:
    prompt: Prompt
    params: SamplingParams
    rules: PiiRules
    vault: PseudonymVault
    masked_query: str
    """The caller's messages as the model saw them (masked): what the audit trail records."""
    entity_counts: Counter[str] = field(default_factory=Counter)
    sources: list[Hit] = field(default_factory=list)
    """The passages put into the prompt, numbered [1].. in this order; the answer's citations."""


class ChatService:
    def __init__(
        self,
        queue: ModelQueue,
        policy: PolicySet,
        llm: LlmSettings,
        masker: Masker,
        *,
        model_file: str | None = None,
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.queue = queue
        self.kb = kb
        self.model_file = model_file
        """The chat model's file name (or upstream URL), recorded in the audit trail."""
        self.policy = policy
        self.llm = llm
        self.masker = masker
        # spaCy pipelines are not meant for concurrent calls; one worker keeps detection off the event loop.
        self.pii_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pii")

    @property
    def model_id(self) -> str:
        return self.queue.model.model_id

    async def prepare(self, principal: Principal, ask: ChatAsk) -> PreparedChat:
        """Apply the role's policy: mask what the model will see, add the system prompt, render the prompt."""
        if not ask.messages:
            raise InvalidInput("messages must contain at least one message", param="messages")
        if not any(role == "user" and text.strip() for role, text in ask.messages):
            raise InvalidInput("messages must contain a non-empty user message", param="messages")
        rules = pii_rules_for(self.policy, principal.roles)
        vault = PseudonymVault()
        loop = asyncio.get_running_loop()
        # Retrieval (embedding + vector search) and masking the messages run side by side on the two cores.
        retrieval = loop.run_in_executor(None, self._retrieve, principal, ask)
        masking = loop.run_in_executor(self.pii_executor, self._mask_messages, ask, rules, vault)
        (masked, counts), hits = await asyncio.gather(masking, retrieval)
        sources_block = None
        if hits is not None:
            sources_block = await loop.run_in_executor(
                self.pii_executor, self._mask_sources, hits, rules, vault, counts
            )
        generation = self.policy.generation(principal.roles)
        system = [generation.system_prompt] if generation.system_prompt else []
        if sources_block is not None:
            system.append(sources_block)
        messages = [ChatMessage("system", "\n\n".join(system))] if system else []
        messages += masked
        cap = min(self.llm.max_tokens_cap, generation.max_tokens)
        params = SamplingParams(
            max_tokens=min(ask.max_tokens or self.llm.default_max_tokens, cap),
            temperature=ask.temperature,
            top_p=ask.top_p,
            stop=ask.stop,
            seed=ask.seed,
            json_schema=generation.answer_format,
        )
        prompt = self.queue.model.prepare(_merge_system_messages(messages))
        masked_query = "\n".join(m.content for m in masked if m.role == "user")
        return PreparedChat(prompt, params, rules, vault, masked_query, counts, list(hits or []))

    def answer_guard(self, prepared: PreparedChat) -> AnswerGuard:
        return AnswerGuard(self.masker, prepared.rules, prepared.vault)

    def generate(self, prepared: PreparedChat, timer: StageTimer) -> AsyncGenerator[GenerationEvent, None]:
        return self.queue.generate(prepared.prompt, prepared.params, timer)

    def _retrieve(self, principal: Principal, ask: ChatAsk) -> list[Hit] | None:
        """Passages for the latest question, filtered inside the vector search by the caller's rights; None when
        the caller has no knowledge-base access (then the prompt carries no sources section at all)."""
        rights = self.policy.rights(principal.roles)
        if self.kb is None or not rights.collections:
            return None
        question = next(text for role, text in reversed(ask.messages) if role == "user" and text.strip())
        return self.kb.retrieve_for_chat(question, rights)

    def _mask_messages(
        self, ask: ChatAsk, rules: PiiRules, vault: PseudonymVault
    ) -> tuple[list[ChatMessage], Counter[str]]:
        """Every message the caller sent is masked, system and earlier assistant turns included: the caller
        controls all of them. Fails closed: an error in detection fails the request."""
        counts: Counter[str] = Counter()
        masked = []
        try:
            for role, text in ask.messages:
                result = self.masker.mask(text, rules, vault)
                counts.update(result.entity_counts)
                masked.append(ChatMessage(_ROLE_MAP[role], result.text))  # type: ignore[arg-type]
        except Exception as exc:
            raise MaskingFailed("personal data detection failed; the request was not sent to the model") from exc
        return masked, counts

    def _mask_sources(self, hits: list[Hit], rules: PiiRules, vault: PseudonymVault, counts: Counter[str]) -> str:
        """The numbered sources block, every passage and title masked under the caller's rules (one NLP batch)."""
        texts = [hit.text for hit in hits] + [hit.title for hit in hits]
        try:
            found = list(self.masker.detector.detect_batch(texts, rules=rules))
            masked = [self.masker.apply(text, spans, rules, vault) for text, spans in zip(texts, found, strict=True)]
        except Exception as exc:
            raise MaskingFailed("personal data detection failed; the request was not sent to the model") from exc
        for result in masked[: len(hits)]:
            counts.update(result.entity_counts)
        passages = [
            replace(hit, text=text.text, title=title.text)
            for hit, text, title in zip(hits, masked[: len(hits)], masked[len(hits) :], strict=True)
        ]
        return SOURCES_HEADER + render_sources(passages)

    def close(self) -> None:
        self.pii_executor.shutdown(wait=True, cancel_futures=True)


def _merge_system_messages(messages: list[ChatMessage]) -> list[ChatMessage]:
    """Small chat templates expect one leading system message: the policy's prompt first, then the caller's."""
    system = [m.content for m in messages if m.role == "system"]
    rest = [m for m in messages if m.role != "system"]
    return ([ChatMessage("system", "\n\n".join(system))] if system else []) + rest
