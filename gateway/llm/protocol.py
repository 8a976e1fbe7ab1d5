"""The small interfaces the rest of the gateway codes against, so backends can be swapped without touching callers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Protocol

from gateway.llm.types import ChatMessage, GenerationEvent, Prompt, SamplingParams


class ChatModel(Protocol):
    """A chat model: local llama.cpp, or a remote OpenAI-compatible server."""

    model_id: str
    context_window: int
    file_sha256: str | None
    """Hash of the model file, recorded in the audit trail (None for a remote model)."""
    concurrency: int
    """Generations it runs at once: 1 in process, the slot count of a llama-server, the pool's for upstreams."""

    def prepare(self, messages: Sequence[ChatMessage]) -> Prompt:
        """Render and measure the conversation; raises ContextLengthExceeded when it cannot fit."""
        ...

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        """Blocking generator of text deltas ending with one ``Finished``; checks ``should_stop`` every token."""
        ...


class Embedder(Protocol):
    """Turns text into unit-length vectors for the knowledge base."""

    dimensions: int
    max_tokens: int
    @property
    def identity(self) -> Mapping[str, str]:
        """What produces the vectors (model, file sha256, prefixes, normalisation): recorded with the knowledge
        base's table, which refuses to be searched with vectors of another."""
        ...

    def embed(self, texts: Sequence[str], *, spare_core: bool = False) -> list[list[float]]:
        """Embeddings of passages (stored, searched); ``spare_core``: leave a core to a busy thread beside it."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """The embedding of a search query (models such as e5 embed queries and passages differently)."""
        ...

    def count_tokens(self, text: str) -> int: ...
