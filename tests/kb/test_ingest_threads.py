"""Embedding beside PII detection at ingestion: while the batch's detection runs, the embedder leaves it a core
(one thread fewer, small calls); once it is done, every thread and full batches. The vectors do not change."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from gateway.kb.ingest import Ingestor
from gateway.kb.settings import KbSettings
from gateway.llm.embedder import LlamaCppEmbedder

PASSAGES = [f"Article {n}. A bank shall keep records of each transaction for five years." for n in range(40)]


class Recording:
    def __init__(self, inner: LlamaCppEmbedder) -> None:
        self.inner = inner
        self.calls: list[tuple[int, bool]] = []

    def embed(self, texts: Sequence[str], *, spare_core: bool = False) -> list[list[float]]:
        self.calls.append((len(texts), spare_core))
        return self.inner.embed(texts, spare_core=spare_core)


def test_a_spare_core_changes_threads_not_vectors(models_dir: Path) -> None:
    import llama_cpp

    embedder = LlamaCppEmbedder(models_dir / "all-MiniLM-L6-v2.F16.gguf", n_threads=2)

    def threads() -> int:
        return int(llama_cpp.llama_n_threads_batch(embedder._llm._ctx.ctx))

    full = embedder.embed(PASSAGES[:4])
    assert threads() == 2
    spared = embedder.embed(PASSAGES[:4], spare_core=True)
    assert threads() == 1
    again = embedder.embed(PASSAGES[:4])
    assert threads() == 2
    for a, b, c in zip(full, spared, again, strict=True):
        assert float(np.dot(a, b)) > 0.99999 and float(np.dot(a, c)) > 0.99999


def test_embedding_leaves_a_core_while_detection_runs_and_takes_all_after(embedder: LlamaCppEmbedder) -> None:
    recording = Recording(embedder)
    ingestor = SimpleNamespace(settings=KbSettings(embed_batch_size=16), embedder=recording)
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        detecting: Future[None] = pool.submit(release.wait)
        original = recording.embed

        def embed_then_release(texts: Sequence[str], *, spare_core: bool = False) -> list[list[float]]:
            out = original(texts, spare_core=spare_core)
            if len(recording.calls) == 2:  # detection ends after the second call
                release.set()
                detecting.result()
            return out

        recording.embed = embed_then_release  # type: ignore[method-assign]
        vectors = Ingestor.embed(ingestor, PASSAGES, beside=detecting)  # type: ignore[arg-type]
    assert recording.calls == [(8, True), (8, True), (16, False), (8, False)]
    assert len(vectors) == len(PASSAGES)
    assert Ingestor.embed(ingestor, PASSAGES[:20]) and recording.calls[-2:] == [(16, False), (4, False)]  # type: ignore[arg-type]
