"""Sentence embeddings with llama.cpp (a BERT GGUF, mean-pooled), for the knowledge base.

Two embedding models are known (``EMBEDDING_MODELS``): all-MiniLM-L6-v2, the default (English only), and
multilingual-e5-small, opt-in (``embedding.model``), which expects ``query: `` before a question and ``passage: ``
before a passage, and NFKC-normalised text (its GGUF has no normaliser of its own: ``gateway.model_files.e5_gguf``).
The embedder applies both, so callers only say which of the two a text is: ``embed`` (passages) or ``embed_query``.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

from gateway.errors import ModelUnavailable
from gateway.model_files import manifest
from gateway.model_files.files import sha256_file

EmbeddingModelName = Literal["all-MiniLM-L6-v2", "multilingual-e5-small"]
DEFAULT_EMBEDDING_MODEL: EmbeddingModelName = "all-MiniLM-L6-v2"


@dataclass(frozen=True, slots=True)
class EmbeddingModel:
    """How one embedding model is used: its file, the prefixes it was trained with, its input normalisation, and
    the retrieval settings measured best with it (``bench/retrieval.py``)."""

    name: EmbeddingModelName
    file: manifest.ModelFile
    query_prefix: str = ""
    passage_prefix: str = ""
    nfkc: bool = False
    dense_weight_cjk: float = 0.05
    """Default of ``kb.dense_weight_cjk`` with this model."""
    min_relevance: float = 0.30
    """Default of ``kb.min_relevance`` with this model (its cosine similarities have their own scale)."""


EMBEDDING_MODELS: dict[str, EmbeddingModel] = {
    "all-MiniLM-L6-v2": EmbeddingModel("all-MiniLM-L6-v2", manifest.EMBEDDING_MODEL),
    "multilingual-e5-small": EmbeddingModel(
        "multilingual-e5-small", manifest.E5_EMBEDDING_MODEL, query_prefix="query: ", passage_prefix="passage: ",
        nfkc=True, dense_weight_cjk=1.5, min_relevance=0.80,
    ),
}
assert set(EMBEDDING_MODELS) == set(get_args(EmbeddingModelName))

_DIGESTS: dict[tuple[str, int, int], str] = {}
_DIGESTS_LOCK = threading.Lock()


def file_digest(path: Path) -> str:
    """sha256 of a model file, hashed once per process for a given size and modification time."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    with _DIGESTS_LOCK:
        if key not in _DIGESTS:
            _DIGESTS[key] = sha256_file(path)
        return _DIGESTS[key]


class LlamaCppEmbedder:
    """Unit-length embeddings from a GGUF embedding model; calls are serialised (llama.cpp contexts are not
    thread-safe), which is cheap: a short sentence embeds in milliseconds. ``n_threads`` is used for single
    tokens and batches alike (llama.cpp's own default takes every core for batches).

    ``identity`` says what produced the vectors (the model's name, its file's sha256, prefixes and normalisation):
    the knowledge base records it with its table and refuses to search a table built by another
    (``gateway.kb.store``)."""

    def __init__(self, path: Path, *, n_threads: int | None = None, n_ctx: int = 512,
                 model: EmbeddingModelName | EmbeddingModel = DEFAULT_EMBEDDING_MODEL) -> None:
        import llama_cpp

        self.model = model if isinstance(model, EmbeddingModel) else EMBEDDING_MODELS[model]
        if not path.is_file():
            fetch = ("`gateway models fetch`" if self.model.name == DEFAULT_EMBEDDING_MODEL
                     else f"`gateway models fetch --embedder {self.model.name}`")
            raise ModelUnavailable(f"embedding model file not found: {path} (run {fetch})")
        self._llm = llama_cpp.Llama(
            model_path=str(path), embedding=True, n_ctx=n_ctx, n_batch=n_ctx, n_threads=n_threads,
            n_threads_batch=n_threads, verbose=False,
        )
        self.dimensions = self._llm.n_embd()
        self.max_tokens = n_ctx
        self.identity = {
            "model": self.model.name, "sha256": file_digest(path), "dimensions": str(self.dimensions),
            "query_prefix": self.model.query_prefix, "passage_prefix": self.model.passage_prefix,
            "normalization": "NFKC" if self.model.nfkc else "none",
        }
        self._threads = (self._llm.n_threads, self._llm.n_threads_batch)
        """The context's own thread counts (single tokens, batches), restored after a ``spare_core`` call."""
        self._spared = False
        self._lock = threading.Lock()

    def _prepare(self, prefix: str, text: str) -> str:
        return prefix + (unicodedata.normalize("NFKC", text) if self.model.nfkc else text)

    def _embed(self, texts: list[str], spare_core: bool = False) -> list[list[float]]:
        with self._lock:
            if spare_core != self._spared:
                single, batch = self._threads
                if spare_core:
                    single, batch = max(1, single - 1), max(1, batch - 1)
                self._llm._ctx.set_n_threads(single, batch)
                self._spared = spare_core
            result = self._llm.embed(texts, normalize=True, truncate=True)
        return cast(list[list[float]], result)

    def embed(self, texts: Sequence[str], *, spare_core: bool = False) -> list[list[float]]:
        """Embeddings of passages (what is stored and searched). ``spare_core``: one thread fewer than configured
        (at least one), because another thread is busy on a core (PII detection beside ingestion): llama.cpp's
        threads wait for each other at every layer, so one of them sharing a core stalls them all."""
        return self._embed([self._prepare(self.model.passage_prefix, t) for t in texts], spare_core)

    def embed_query(self, text: str) -> list[float]:
        """The embedding of a search query."""
        return self._embed([self._prepare(self.model.query_prefix, text)])[0]

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` embedded as a passage (its prefix included), for the chunker's limit."""
        with self._lock:
            return len(self._llm.tokenize(self._prepare(self.model.passage_prefix, text).encode("utf-8"),
                                          add_bos=True))
