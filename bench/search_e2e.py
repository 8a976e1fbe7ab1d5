"""``POST /v1/search`` end to end at 100,000 chunks, beside the retrieval alone, in one run.

End to end is the real server (``gateway serve`` in a subprocess) over HTTP with a teller's API key: authentication,
the role's prefilter, query embedding, both rankings, decryption, masking the passages and titles under the teller's
rules (from the PII spans sealed at ingestion: no NER), the audit write, JSON. The baseline is ``KnowledgeBase.search``
called in this process on the same table (embedding, both rankings, decryption: nothing else). Requests alternate
between the two so machine noise hits both alike; 20 warm-up queries each first.

Also, in this process and side by side: masking the five passages of a search from their stored spans against
detecting them afresh (what every search and chat request paid before spans were sealed at ingestion).

    .venv/bin/python bench/search_e2e.py [--scale 100000] [--real 2000] [--queries 200] [--top-k 5] [--data DIR]

``--data DIR`` keeps the built knowledge base in DIR and, when DIR already holds one, measures it without building
(building 100,000 chunks with PII detection takes about half an hour on two cores).

The first ``--real`` chunks are embedded for real; the rest reuse those vectors plus small noise (``bench/kb.py``),
but are otherwise ingested for real: chunked, PII-detected, sealed, blind-indexed. Not a test. The ratio is last.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.kb import TOPICS, WARM_UP, NoisyReuse, synthetic  # noqa: E402
from bench.llm_overhead import ROLE, server_timing, start_gateway  # noqa: E402
from gateway.db.migrate import upgrade  # noqa: E402
from gateway.db.session import Database  # noqa: E402
from gateway.kb.service import open_knowledge_base  # noqa: E402
from gateway.kb.settings import KbSettings  # noqa: E402
from gateway.llm.embedder import LlamaCppEmbedder  # noqa: E402
from gateway.paths import PROJECT_ROOT  # noqa: E402
from gateway.pii.detector import PiiDetector  # noqa: E402
from gateway.pii.masker import Masker  # noqa: E402
from gateway.pii.service import MaskingService  # noqa: E402
from gateway.pii.vault import PseudonymVault  # noqa: E402
from gateway.policy.pii_rules import detection_floor, pii_rules_for  # noqa: E402
from gateway.policy.policy_set import load_policy_set  # noqa: E402


def build(data_dir: Path, scale: int, real: int, detector: PiiDetector) -> None:
    """The knowledge base as ``gateway kb ingest`` builds it (every core embeds), in ``data_dir``."""
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    model = PROJECT_ROOT / "models" / "all-MiniLM-L6-v2.F16.gguf"
    embedder = LlamaCppEmbedder(model, n_threads=os.cpu_count())
    bank = load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")
    settings = KbSettings(ann_min_rows=max(scale // 2, 256), ingest_batch_documents=1000)

    def open_kb(emb: object):
        return open_knowledge_base(settings, data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=Database(url),
                                   embedder=emb, collections=bank.decl.collections, detector=detector,  # type: ignore[arg-type]
                                   detection_floor=detection_floor(bank))

    t = time.perf_counter()
    kb = open_kb(embedder)
    kb.ingest_many(synthetic(real, 0))
    pool = np.array(kb.store.table.search().select(["vector"]).limit(5000).to_arrow().column("vector").to_pylist(),
                    dtype=np.float32)
    bulk = open_kb(NoisyReuse(embedder, pool))
    bulk.ingest_many(synthetic(scale - kb.store.count(), real))
    print(f"built {bulk.store.count()} chunks in {time.perf_counter() - t:.0f} s "
          f"(ANN index: {bulk.store.has_index('vector_idx')})", flush=True)


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def p95_ms(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.95) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--real", type=int, default=2_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--top-k", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    detector = PiiDetector.create()
    with tempfile.TemporaryDirectory(prefix="search-e2e-") as tmp:
        data_dir = args.data or Path(tmp)
        if not (data_dir / "gateway.db").exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            build(data_dir, args.scale, args.real, detector)
        bank = load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")
        url = f"sqlite:///{data_dir / 'gateway.db'}"
        kb = open_knowledge_base(KbSettings(), data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=Database(url),
                                 embedder=LlamaCppEmbedder(PROJECT_ROOT / "models" / "all-MiniLM-L6-v2.F16.gguf",
                                                           n_threads=1), collections=bank.decl.collections)
        rights = bank.rights([ROLE], "search")
        chunks = kb.store.count()
        sample = [hit for q in WARM_UP for hit in kb.search(q, rights, args.top_k)]
        stale = sum(1 for hit in sample if hit.candidates is None or hit.candidates.engine != detector.version)
        if stale:  # the server would detect these afresh (and start re-detecting the table): not what is measured
            raise SystemExit(f"{stale} of {len(sample)} sampled hits carry spans of another PII engine version; "
                             "rebuild the table (or run `gateway kb redetect`) with this code before measuring")
        queries = [f"{random.Random(i).choice(TOPICS)} limit section {i % 30}" for i in range(args.queries)]
        proc, base, key = start_gateway(data_dir, user=f"bench-{time.time_ns()}")  # --data: one user per run
        client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60)
        try:
            for q in WARM_UP:
                client.post("/v1/search", json={"query": q, "top_k": args.top_k}).raise_for_status()
                kb.search(q, rights, args.top_k)
            e2e, alone = [], []
            stages: dict[str, list[float]] = {}
            for q in queries:
                t = time.perf_counter()
                response = client.post("/v1/search", json={"query": q, "top_k": args.top_k})
                e2e.append(time.perf_counter() - t)
                response.raise_for_status()
                for stage, ms in server_timing(response.headers.get("server-timing", "")):
                    stages.setdefault(stage, []).append(ms)
                t = time.perf_counter()
                kb.search(q, rights, args.top_k)
                alone.append(time.perf_counter() - t)
        finally:
            client.close()
            proc.terminate()
            proc.wait(30)

        # Masking a search's passages: from the stored spans vs detecting afresh, interleaved, same hits.
        masking = MaskingService(Masker(detector, b"bench-pseudonym-key-32-bytes-ok!"),
                                 lambda roles: pii_rules_for(bank, roles))
        rules = masking.rules_for([ROLE])
        stored_t, fresh_t = [], []

        async def compare() -> None:
            for q in queries[:100]:
                hits = kb.search(q, rights, args.top_k)
                items = [pair for hit in hits for pair in hit.texts_to_mask()[:2]]
                t = time.perf_counter()
                await masking.mask_found(items, rules, [PseudonymVault()] * len(items))
                stored_t.append(time.perf_counter() - t)
                t = time.perf_counter()
                await masking.mask_found([(text, None) for text, _ in items], rules, [PseudonymVault()] * len(items))
                fresh_t.append(time.perf_counter() - t)

        asyncio.run(compare())
        masking.close()

    print(f"POST /v1/search end to end @ {chunks} chunks, k={args.top_k}, {ROLE}: median {median_ms(e2e):.1f} ms, "
          f"p95 {p95_ms(e2e):.1f} ms")
    print(f"KnowledgeBase.search alone      @ {chunks} chunks, k={args.top_k}, {ROLE}: median {median_ms(alone):.1f} "
          f"ms, p95 {p95_ms(alone):.1f} ms")
    print("server stages (Server-Timing), median ms: "
          + ", ".join(f"{stage} {statistics.median(values):.1f}" for stage, values in stages.items()))
    print(f"masking {args.top_k} passages + titles: from stored spans median {median_ms(stored_t):.2f} ms, detected "
          f"afresh median {median_ms(fresh_t):.2f} ms (ratio {median_ms(stored_t) / median_ms(fresh_t):.3f})")
    print(f"ratio end-to-end / search alone (median): {median_ms(e2e) / median_ms(alone):.3f}")


if __name__ == "__main__":
    main()
