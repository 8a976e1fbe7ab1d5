"""ChatService: turn an authorised chat request into a prompt under the caller's policy, and generate."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from gateway.errors import InvalidInput
from gateway.llm.queue import ModelQueue
from gateway.llm.types import ChatMessage, GenerationEvent, Prompt, SamplingParams, StageTimer
from gateway.policy.policy_set import PolicySet
from gateway.policy.principal import Principal
from gateway.settings import LlmSettings

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


@dataclass(frozen=True, slots=True)
class PreparedChat:
    prompt: Prompt
    params: SamplingParams


class ChatService:
    def __init__(self, queue: ModelQueue, policy: PolicySet, llm: LlmSettings) -> None:
        self.queue = queue
        self.policy = policy
        self.llm = llm

    @property
    def model_id(self) -> str:
        return self.queue.model.model_id

    def prepare(self, principal: Principal, ask: ChatAsk) -> PreparedChat:
        """Apply the role's generation policy and render the prompt; raises on an empty or oversized conversation."""
        if not ask.messages:
            raise InvalidInput("messages must contain at least one message", param="messages")
        if not any(role == "user" and text.strip() for role, text in ask.messages):
            raise InvalidInput("messages must contain a non-empty user message", param="messages")
        generation = self.policy.generation(principal.roles)
        messages = [ChatMessage("system", generation.system_prompt)] if generation.system_prompt else []
        messages += [ChatMessage(_ROLE_MAP[role], text) for role, text in ask.messages]  # type: ignore[arg-type]
        messages = _merge_system_messages(messages)
        cap = min(self.llm.max_tokens_cap, generation.max_tokens)
        params = SamplingParams(
            max_tokens=min(ask.max_tokens or self.llm.default_max_tokens, cap),
            temperature=ask.temperature,
            top_p=ask.top_p,
            stop=ask.stop,
            seed=ask.seed,
            json_schema=generation.answer_format,
        )
        return PreparedChat(prompt=self.queue.model.prepare(messages), params=params)

    def generate(self, prepared: PreparedChat, timer: StageTimer) -> AsyncIterator[GenerationEvent]:
        return self.queue.generate(prepared.prompt, prepared.params, timer)


def _merge_system_messages(messages: list[ChatMessage]) -> list[ChatMessage]:
    """Small chat templates expect one leading system message: the policy's prompt first, then the caller's."""
    system = [m.content for m in messages if m.role == "system"]
    rest = [m for m in messages if m.role != "system"]
    return ([ChatMessage("system", "\n\n".join(system))] if system else []) + rest
