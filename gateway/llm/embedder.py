"""Sentence embeddings with llama.cpp (a BERT GGUF, mean-pooled), for the knowledge base."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from gateway.errors import ModelUnavailable


class LlamaCppEmbedder:
    """Unit-length embeddings from a GGUF embedding model; calls are serialised (llama.cpp contexts are not
    thread-safe), which is cheap: a short sentence embeds in milliseconds. ``n_threads`` is used for single
    tokens and batches alike (llama.cpp's own default takes every core for batches)."""

    def __init__(self, path: Path, *, n_threads: int | None = None, n_ctx: int = 512) -> None:
        import llama_cpp

        if not path.is_file():
            raise ModelUnavailable(f"embedding model file not found: {path} (run `gateway models fetch`)")
        self._llm = llama_cpp.Llama(
            model_path=str(path), embedding=True, n_ctx=n_ctx, n_batch=n_ctx, n_threads=n_threads,
            n_threads_batch=n_threads, verbose=False,
        )
        self.dimensions = self._llm.n_embd()
        self.max_tokens = n_ctx
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        with self._lock:
            result = self._llm.embed(list(texts), normalize=True, truncate=True)
        return cast(list[list[float]], result)

    def count_tokens(self, text: str) -> int:
        with self._lock:
            return len(self._llm.tokenize(text.encode("utf-8"), add_bos=True))
