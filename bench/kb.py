"""Knowledge-base benchmark: ingest throughput, role-filtered search latency at 10k and 100k chunks, ANN recall
against exact search, and retrieval recall@10 of dense, lexical and fused ranking on a labelled question set.

    .venv/bin/python bench/kb.py [--scale 100000] [--real 10000]

The first ``--real`` chunks go through the whole pipeline (real embeddings). To reach ``--scale`` in minutes on two
cores, the rest reuse those vectors plus small Gaussian noise (re-normalised) but are otherwise ingested for real
(chunked, sealed, blind-indexed). Not a test: prints numbers, asserts nothing. The ratio is printed last.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import read_jsonl, text_document
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import load_policy_set
from gateway.policy.schema import Classification

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "kb"
TOPICS = ["account fees", "card limits", "mortgage terms", "branch opening", "cash handling", "savings interest",
          "loan approval", "identity checks", "complaints", "wire transfers", "sepsis care", "wound dressing"]
WARM_UP = [f"warm-up question {i} about {topic}" for i, topic in enumerate(TOPICS + TOPICS[:8])]
COLLECTIONS = ["retail-products", "branch-procedures", "regulations", "credit-policy", "aml-kyc", "internal-audit"]


class NoisyReuse:
    """Embedder stand-in for the synthetic bulk: a real vector from the pool plus noise (token counts are real)."""

    def __init__(self, real: LlamaCppEmbedder, pool: np.ndarray, sigma: float = 0.05) -> None:
        self.dimensions, self.max_tokens, self.count_tokens = real.dimensions, real.max_tokens, real.count_tokens
        self.identity, self.embed_query = real.identity, real.embed_query
        self._pool, self._sigma, self._rng = pool, sigma, np.random.default_rng(7)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        rows = self._pool[self._rng.integers(0, len(self._pool), len(texts))]
        rows = rows + self._rng.normal(0, self._sigma, rows.shape).astype(np.float32)
        return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).tolist()


def synthetic(n: int, start: int) -> list:
    rng = random.Random(start)
    docs = []
    for i in range(start, start + n):
        topic = rng.choice(TOPICS)
        text = (f"Procedure {i} on {topic}: staff in unit {rng.randint(1, 400)} follow step {rng.randint(1, 9)} "
                f"and record reference REF-{i:06d}. The limit is {rng.randint(1, 99) * 100} EUR under section "
                f"{rng.randint(1, 30)}.{rng.randint(1, 9)}.")
        docs.append(text_document(text, title=f"Note {i} {topic}", collection=COLLECTIONS[i % len(COLLECTIONS)],
                                  level=Classification(i % 4), metadata={}, source=f"syn-{i}", label=f"syn {i}",
                                  max_bytes=1 << 20))
    return docs


def latency(kb: KnowledgeBase, rights: object, queries: list[str], **kw: object) -> tuple[float, float]:
    """Median and p95 over ``queries``, after 20 unmeasured warm-up queries (the server is long-running: its
    first queries after start-up read the indices from disk)."""
    for q in WARM_UP:
        kb.search(q, rights, 10, **kw)  # type: ignore[arg-type]
    times = []
    for q in queries:
        t = time.perf_counter()
        kb.search(q, rights, 10, **kw)  # type: ignore[arg-type]
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--real", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    url = f"sqlite:///{work / 'gateway.db'}"
    upgrade(url)
    model = PROJECT_ROOT / "models" / "all-MiniLM-L6-v2.F16.gguf"
    # As deployed: `gateway kb ingest` embeds with every core, the server embeds queries with one thread.
    embedder = LlamaCppEmbedder(model, n_threads=os.cpu_count())
    query_embedder = LlamaCppEmbedder(model, n_threads=1)
    bank = load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")
    settings = KbSettings(ann_min_rows=max(args.scale // 2, 256), ingest_batch_documents=1000)
    open_kb = lambda emb: open_knowledge_base(settings, data_dir=work, kb_uri=str(work / "kb"),  # noqa: E731
                                              db=Database(url), embedder=emb)
    kb = open_kb(embedder)
    fixture = list(read_jsonl(FIXTURES / "docs.jsonl", collection=None, level=None, max_bytes=1 << 20))
    labelled = kb.ingest_many(fixture)
    doc_ids = {json.loads(line)["id"]: o.document_id
               for line, o in zip((FIXTURES / "docs.jsonl").read_text().splitlines(), labelled.outcomes, strict=True)}

    t = time.perf_counter()
    report = kb.ingest_many(synthetic(args.real - labelled.chunks, 0))
    ingest_s = time.perf_counter() - t
    print(f"ingest (real embeddings): {report.chunks} chunks in {ingest_s:.1f} s = {report.chunks / ingest_s:.0f} "
          "chunks/s")

    teller, admin = bank.rights(["teller"]), bank.rights(["admin"])
    kb = open_kb(query_embedder)
    queries = [f"{random.Random(i).choice(TOPICS)} limit section {i % 30}" for i in range(200)]
    med, p95 = latency(kb, teller, queries)
    print(f"search @ {kb.store.count():>6} chunks, teller filter, fused, exact: median {med:.1f} ms, p95 {p95:.1f} ms")

    pool = np.array(kb.store.table.search().select(["vector"]).limit(5000).to_arrow().column("vector").to_pylist(),
                    dtype=np.float32)
    bulk = open_kb(NoisyReuse(embedder, pool))
    t = time.perf_counter()
    extra = bulk.ingest_many(synthetic(args.scale - kb.store.count(), args.real))
    print(f"ingest (reused vectors + noise, ANN build included): {extra.chunks} chunks in "
          f"{time.perf_counter() - t:.1f} s")
    kb = open_kb(query_embedder)
    ann = kb.store.has_index("vector_idx")
    for label, kw in [("ANN" if ann else "exact", {}), ("exact", {"exact": True})]:
        med, p95 = latency(kb, teller, queries, **kw)
        print(f"search @ {kb.store.count():>6} chunks, teller filter, fused, {label}: median {med:.1f} ms, "
              f"p95 {p95:.1f} ms")
    med, p95 = latency(kb, teller, queries, ranking="dense")
    print(f"search @ {kb.store.count():>6} chunks, teller filter, dense only: median {med:.1f} ms, p95 {p95:.1f} ms")

    overlap = []
    for q in queries[:100]:
        exact = {h.chunk_id for h in kb.search(q, teller, 10, ranking="dense", exact=True)}
        approx = {h.chunk_id for h in kb.search(q, teller, 10, ranking="dense")}
        overlap.append(len(exact & approx) / max(len(exact), 1))
    print(f"ANN ({settings.ann_index_type}, nprobes {settings.ann_nprobes}, refine {settings.ann_refine_factor}) "
          f"recall@10 vs exact, teller filter: {statistics.mean(overlap):.3f}")

    questions = [json.loads(line) for line in (FIXTURES / "questions.jsonl").read_text().splitlines()]
    recall = {}
    for ranking in ("dense", "lexical", "fused"):
        found = sum(doc_ids[q["document"]] in {h.document_id for h in kb.search(q["question"], admin, 10,
                                                                                ranking=ranking)}
                    for q in questions)
        recall[ranking] = found / len(questions)
        print(f"retrieval recall@10 ({len(questions)} questions, {kb.store.count()} chunks), {ranking}: "
              f"{recall[ranking]:.3f}")
    print(f"ratio fused/dense recall@10: {recall['fused'] / recall['dense']:.3f}")


if __name__ == "__main__":
    main()
