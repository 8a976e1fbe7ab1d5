"""Plain data passed between the API, the queue and the chat model backends."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant"]
FinishReason = Literal["stop", "length", "cancelled", "timeout"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class SamplingParams:
    max_tokens: int
    temperature: float = 0.7
    top_p: float = 0.95
    stop: tuple[str, ...] = ()
    seed: int | None = None
    json_schema: dict[str, object] | None = None
    """When set, decoding is constrained (llama.cpp grammar) so the output is JSON valid against this schema."""
    grammar: str | None = None
    """A GBNF grammar the output must follow (llama.cpp); a remote upstream ignores it, so callers still check."""
    adapters: tuple[tuple[str, float], ...] = ()
    """LoRA adapters (name, scale) to generate under; a backend that cannot apply them per request refuses."""


@dataclass(frozen=True, slots=True)
class Prompt:
    """A conversation rendered for one model: its chat template applied and, for local models, tokenized."""

    messages: tuple[ChatMessage, ...]
    n_tokens: int
    tokens: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class Finished:
    reason: FinishReason
    prompt_tokens: int
    completion_tokens: int


GenerationEvent = TextDelta | Finished


@dataclass(slots=True)
class StageTimer:
    """Seconds spent in each stage of one request, reported in the ``Server-Timing`` header."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def header(self) -> str:
        return ", ".join(f"{name};dur={seconds * 1000:.1f}" for name, seconds in self.stages.items())
