"""Turning an authorised chat request into the masked prompt the model will see, under the caller's policy."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from functools import partial

from gateway.chat.ask import ChatAsk, PreparedChat
from gateway.chat.reveal import RevealScopes
from gateway.chat.templates import AnswerShape
from gateway.errors import ConfigurationError, InvalidInput
from gateway.kb.detections import QUOTED_METADATA
from gateway.kb.prompt import render_sources
from gateway.kb.search import Hit
from gateway.kb.service import KnowledgeBase
from gateway.llm.factory import model_adapters
from gateway.llm.protocol import ChatModel
from gateway.llm.settings import LlmSettings
from gateway.llm.types import ChatMessage, SamplingParams
from gateway.pii.rules import PiiRules
from gateway.pii.service import MaskingService
from gateway.pii.vault import PseudonymVault
from gateway.policy.limits import RequestLimits
from gateway.policy.pii_rules import revealed_for_source
from gateway.policy.policy_set import PolicySet
from gateway.policy.principal import Principal
from gateway.policy.schema import Classification

SOURCES_HEADER = (
    "Sources from the knowledge base follow. Answer only from them and cite them by number, like [1]. "
    "If they do not answer the question, say that the knowledge base has no answer to it.\n\n"
)

CHAT = "chat"
"""The permission a chat request is made under: only roles holding it lend their knowledge grants to it."""

NOT_SENT = "personal data detection failed; the request was not sent to the model"

_ROLE_MAP = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}


def check_adapters_apply(policy: PolicySet, llm: LlmSettings, model: ChatModel) -> None:
    """At start-up: every LoRA adapter a role names is declared and applied per request by this model; otherwise
    ConfigurationError (fail closed: a role is never answered without the adapter its policy asks for)."""
    policy.check_adapters(llm.lora_adapters)
    applied = model_adapters(model)
    for role, names in policy.adapters_used().items():
        for name in names:
            if name not in applied:
                raise ConfigurationError(
                    f"{policy.source}: roles.{role}.generation.lora: adapter {name!r} cannot be applied per request "
                    f"by llm.backend = {llm.backend!r}; use llm.backend = 'llama-server'"
                )


class PromptBuilder:
    """Masks what the model will see, retrieves the caller's permitted passages, adds the system prompt."""

    def __init__(self, model: ChatModel, policy: PolicySet, llm: LlmSettings, masking: MaskingService,
                 kb: KnowledgeBase | None, limits: RequestLimits) -> None:
        check_adapters_apply(policy, llm, model)
        self.limits = limits
        self.model = model
        self.policy = policy
        self.llm = llm
        self.masking = masking
        self.kb = kb

    async def prepare(self, principal: Principal, ask: ChatAsk) -> PreparedChat:
        """Apply the role's policy: mask what the model will see, add the system prompt, render the prompt."""
        if not ask.messages:
            raise InvalidInput("messages must contain at least one message", param="messages")
        if not any(role == "user" and text.strip() for role, text in ask.messages):
            raise InvalidInput("messages must contain a non-empty user message", param="messages")
        if any("\x00" in text for _, text in ask.messages) or any("\x00" in s for s in ask.stop):
            raise InvalidInput("messages may not contain NUL characters", param="messages")
        # Before any masking: one huge request must not hold the shared PII worker for everyone (413).
        self.limits.check_text(sum(len(text) for _, text in ask.messages) + sum(len(s) for s in ask.stop),
                               param="messages")
        rules = self.masking.rules_for(principal.roles)
        vault = PseudonymVault()
        reveal = RevealScopes(vault, rules.entities_revealed,
                              partial(revealed_for_source, self.policy, principal.roles, permission=CHAT))
        answer_role, generation = self.policy.generation_role(principal.roles)
        template = generation.answer_template
        loop = asyncio.get_running_loop()
        # Retrieval (embedding + vector search) and masking the messages run side by side on the two cores.
        top_k = template.max_sources if template is not None else None
        retrieval = loop.run_in_executor(None, self._retrieve, principal, ask, top_k)
        masking = self.masking.run(self._mask_messages, ask, rules, vault, failure=NOT_SENT)
        (masked, stops, counts), hits = await asyncio.gather(masking, retrieval)
        sources_block = None
        if hits is not None:
            sources_block, hits = await self._mask_sources(hits, rules, reveal, counts)
        shape = None
        if template is not None or generation.answer_format is not None:
            shape = AnswerShape(template, hits or [], generation.answer_format)
        system = [generation.system_prompt] if generation.system_prompt else []
        if shape is not None and shape.instructions():
            system.append(shape.instructions())
        if sources_block is not None:
            system.append(sources_block)
        messages = [ChatMessage("system", "\n\n".join(system))] if system else []
        messages += masked
        cap = min(self.llm.max_tokens_cap, generation.max_tokens)
        params = SamplingParams(
            max_tokens=min(ask.max_tokens or self.llm.default_max_tokens, cap),
            temperature=ask.temperature,
            top_p=ask.top_p,
            stop=stops,
            seed=ask.seed,
            json_schema=shape.model_schema() if shape is not None else None,
            grammar=shape.grammar() if shape is not None else None,
            adapters=tuple((adapter.name, adapter.scale) for adapter in generation.lora),
        )
        prompt = self.model.prepare(_merge_system_messages(messages))
        masked_query = "\n".join(m.content for m in masked if m.role == "user")
        # A role that refuses without sources refuses when it has none, the knowledge base being off included.
        refusal = generation.no_sources_message if generation.on_no_sources == "refuse" and not hits else None
        return PreparedChat(prompt, params, rules, vault, masked_query, reveal, counts, list(hits or []),
                            answer_role=answer_role, shape=shape, refusal=refusal,
                            on_invalid=template.on_invalid if template is not None else "retry",
                            retry_params=replace(params, temperature=0.0, max_tokens=cap))

    def _retrieve(self, principal: Principal, ask: ChatAsk, top_k: int | None = None) -> list[Hit] | None:
        """Passages for the latest question, filtered inside the vector search by the caller's rights; None when
        the caller has no knowledge-base access (then the prompt carries no sources section at all)."""
        rights = self.policy.rights(principal.roles, CHAT)
        if self.kb is None or not rights.collections:
            return None
        question = next(text for role, text in reversed(ask.messages) if role == "user" and text.strip())
        return self.kb.retrieve_for_chat(question, rights, top_k)

    def _mask_messages(
        self, ask: ChatAsk, rules: PiiRules, vault: PseudonymVault
    ) -> tuple[list[ChatMessage], tuple[str, ...], Counter[str]]:
        """Every message the caller sent is masked, system and earlier assistant turns included: the caller
        controls all of them; so are the stop sequences, which reach the model (or an upstream) and the audit
        trail only as placeholders (the model writes a placeholder where it would write the person, so a masked
        stop still stops). Runs on the PII worker; an error fails the request (``MaskingService.run``)."""
        counts: Counter[str] = Counter()
        masked = []
        for role, text in ask.messages:
            result = self.masking.masker.mask(text, rules, vault)
            counts.update(result.entity_counts)
            masked.append(ChatMessage(_ROLE_MAP[role], result.text))  # type: ignore[arg-type]
        stops = []
        for stop in ask.stop:
            result = self.masking.masker.mask(stop, rules, vault)
            counts.update(result.entity_counts)
            stops.append(result.text)
        return masked, tuple(stops), counts

    async def _mask_sources(self, hits: list[Hit], rules: PiiRules, reveal: RevealScopes, counts: Counter[str]
                            ) -> tuple[str, list[Hit]]:  # fmt: skip
        """The numbered sources block, every passage and title masked under the caller's rules, each into the vault
        of its source, so what an answer may restore follows the passage's collection; and the masked hits:
        citations (in the response and the audit trail) carry masked titles only, and a template quotes title,
        section headings, version label and effective date each masked on its own (a heading next to "Account" and
        a date is not an account number; a name still is). The spans come from those found at ingestion (no NER
        here); a passage stored without usable ones is detected afresh, on the PII worker."""
        items = [hit.texts_to_mask() for hit in hits]
        vaults = [reveal.vault_for(hit.collection, Classification[hit.classification]) for hit in hits]
        results = await self.masking.mask_found([item for per_hit in items for item in per_hit], rules,
                                                [v for v, per_hit in zip(vaults, items, strict=True) for _ in per_hit],
                                                failure=NOT_SENT)
        masked = iter(results)
        quoted = []
        for hit, per_hit in zip(hits, items, strict=True):
            mine = [next(masked) for _ in per_hit]
            counts.update(mine[0].entity_counts)
            values = [result.text for result in mine[2:]]
            metadata = {**hit.metadata, **{key: v for key, v in zip(QUOTED_METADATA, values, strict=False) if v}}
            quoted.append(replace(hit, text=mine[0].text, title=mine[1].text, metadata=metadata,
                                  sections=tuple(values[len(QUOTED_METADATA):])))
        return SOURCES_HEADER + render_sources(quoted), quoted


def _merge_system_messages(messages: list[ChatMessage]) -> list[ChatMessage]:
    """Small chat templates expect one leading system message: the policy's prompt first, then the caller's."""
    system = [m.content for m in messages if m.role == "system"]
    rest = [m for m in messages if m.role != "system"]
    return ([ChatMessage("system", "\n\n".join(system))] if system else []) + rest
