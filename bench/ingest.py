"""Ingest throughput beside embedding alone: the same passages embedded by the bundled MiniLM on its own, and
ingested through the knowledge base as the server does it (chunk, embed, blind-index, seal, data-subject index with
the PII engine, write, flip, record). Rounds alternate between the two; prints passages/s of each (median of the
rounds) and the ratio ingest / embedding last.

    .venv/bin/python bench/ingest.py [--rounds 3] [--copies 2] [--threads N]

``--threads``: embedding threads, every core by default (as ``gateway kb ingest`` runs); 1 is the server's default
(``embedding.n_threads``), where detection has the other core to itself. While a batch's PII detection runs, ingestion
embeds with one thread fewer (``Ingestor.embed``); embedding alone always uses all ``--threads``.

The passages are the 120 English regulatory passages of ``bench/data/retrieval_en.jsonl`` (``--copies`` times, each
copy numbered so that no two documents are the same).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import text_document
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.paths import PROJECT_ROOT
from gateway.pii.detector import PiiDetector
from gateway.policy.schema import Classification

DATA = Path(__file__).parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (DATA / "retrieval_en.jsonl").open(encoding="utf-8")]
    passages = [(f"{r['title']} ({n})", f"{r['text']} Copy {n}.") for n in range(args.copies) for r in rows]
    models = Path(os.environ.get("GATEWAY_MODELS_DIR", PROJECT_ROOT / "models"))
    embedder = LlamaCppEmbedder(models / "all-MiniLM-L6-v2.F16.gguf", n_threads=args.threads)
    detector = PiiDetector.create()
    settings = KbSettings()
    embed_rates, ingest_rates = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            texts = [f"{title}\n{text}" for title, text in passages]
            started = time.perf_counter()
            for i in range(0, len(texts), settings.embed_batch_size):
                embedder.embed(texts[i:i + settings.embed_batch_size])
            embed_rates.append(len(texts) / (time.perf_counter() - started))

            data_dir = Path(tmp) / f"round{round_}"
            data_dir.mkdir()
            url = f"sqlite:///{data_dir / 'gateway.db'}"
            upgrade(url)
            kb = open_knowledge_base(settings, data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=Database(url),
                                     embedder=embedder, detector=detector)
            documents = [text_document(text, title=title, collection="regulations", level=Classification.public,
                                       metadata=None, source=f"p{i}", label=f"p{i}", max_bytes=1 << 20)
                         for i, (title, text) in enumerate(passages)]
            started = time.perf_counter()
            report = kb.ingest_many(documents)
            elapsed = time.perf_counter() - started
            chunks = report.chunks
            ingest_rates.append(len(documents) / elapsed)
            print(f"round {round_ + 1}: embedding alone {embed_rates[-1]:.1f} passages/s; "
                  f"ingest {ingest_rates[-1]:.1f} passages/s ({chunks} chunks)")
    embedding, ingest = statistics.median(embed_rates), statistics.median(ingest_rates)
    print(f"embedding threads: {args.threads} of {os.cpu_count()} cores")
    print(f"median: embedding alone {embedding:.1f} passages/s, ingest {ingest:.1f} passages/s")
    print(f"ratio ingest / embedding alone: {ingest / embedding:.2f}")


if __name__ == "__main__":
    main()
