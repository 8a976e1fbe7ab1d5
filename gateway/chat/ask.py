"""What a chat request asks for, and what the gateway made of it before generation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from gateway.chat.reveal import RevealScopes
from gateway.chat.templates import AnswerShape
from gateway.kb.search import Hit
from gateway.llm.types import Prompt, SamplingParams
from gateway.pii.rules import PiiRules
from gateway.pii.vault import PseudonymVault


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
    reveal: RevealScopes | None = None
    """Which placeholders the answer may restore, by where each value came from (None: nothing is restored)."""
    entity_counts: Counter[str] = field(default_factory=Counter)
    sources: list[Hit] = field(default_factory=list)
    """The passages put into the prompt, numbered [1].. in this order; the answer's citations."""
    answer_role: str | None = None
    """The role whose generation settings (template, no-sources rule) shape this answer; metrics name it."""
    shape: AnswerShape | None = None
    """The role's answer template (or json ``answer_format``) under these sources; None for free text."""
    refusal: str | None = None
    """The policy's no-sources message when the role refuses to answer without sources: the model is not called."""
    on_invalid: Literal["retry", "fail"] = "retry"
    retry_params: SamplingParams | None = None
    """How a non-compliant answer is generated once more: greedy, with the role's full token budget."""
