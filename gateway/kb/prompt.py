"""Retrieved passages for the chat: a relevance cut-off and the numbered source block put into the prompt."""

from __future__ import annotations

from collections.abc import Sequence

from gateway.kb.search import Hit

NO_SOURCES = "No relevant sources were found in the knowledge base."
"""What the prompt says when nothing passed the relevance threshold, so the model can answer that it found nothing."""


def relevant(hits: Sequence[Hit], min_similarity: float) -> list[Hit]:
    """The hits whose cosine similarity to the question reaches ``min_similarity`` (``kb.min_relevance``)."""
    return [hit for hit in hits if hit.similarity >= min_similarity]


def render_sources(hits: Sequence[Hit]) -> str:
    """``[1] (title) text`` per hit, numbered from 1 in rank order, so the model can cite ``[n]``."""
    if not hits:
        return NO_SOURCES
    return "\n\n".join(f"[{n}] ({hit.title or 'untitled'}) {' '.join(hit.text.split())}"
                       for n, hit in enumerate(hits, start=1))
