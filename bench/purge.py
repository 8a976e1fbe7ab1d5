"""Purge benchmark: erasing one document from a 100k-chunk collection, a whole collection, and a data subject
mentioned in 1,000 chunks. Baselines: stock LanceDB ``delete`` + ``optimize`` with every older version cleaned up
(fast, but it leaves the bytes: compaction skips a fragment under 10 % deleted), and what erasure takes with
LanceDB's API alone (rewrite the rows that shared the document's files, then optimize with cleanup).

    .venv/bin/python bench/purge.py [--scale 100000] [--purges 3] [--subject-chunks 1000]

The corpus is bench/kb.py's synthetic one (real chunking, sealing and blind indexing; vectors are a small pool of
real embeddings plus noise), with the ANN index built. Each purge deletes the rows, destroys the key, rewrites the
Lance fragments that held the rows, vacuums every older version and signs a receipt. After each erasure, every file
under the table directory is scanned for the erased chunk's ciphertext. Not a test: prints numbers, asserts
nothing; the ratio (gateway purge / LanceDB-only erasure) is last.
"""


from __future__ import annotations

import argparse
import importlib.util
import statistics
import tempfile
import time
import warnings
from datetime import timedelta
from pathlib import Path

import numpy as np

from gateway.audit.signing import CheckpointSigner
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import text_document
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.paths import PROJECT_ROOT
from gateway.policy.schema import Classification
from gateway.purge.service import purge_service_for

RESIDENT_ID = "11010519491231002X"

_spec = importlib.util.spec_from_file_location("bench_kb", Path(__file__).with_name("kb.py"))
assert _spec is not None and _spec.loader is not None
bench_kb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_kb)


def files_holding(root: Path, needle: bytes) -> int:
    return sum(1 for path in root.rglob("*") if path.is_file() and needle in path.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--purges", type=int, default=3)
    parser.add_argument("--subject-chunks", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="purge-bench-"))
    url = f"sqlite:///{work / 'gateway.db'}"
    upgrade(url)
    embedder = LlamaCppEmbedder(PROJECT_ROOT / "models" / "all-MiniLM-L6-v2.F16.gguf")
    settings = KbSettings(ann_min_rows=max(args.scale // 2, 256), ingest_batch_documents=1000)
    seed = bench_kb.synthetic(200, 0)
    pool = np.array(embedder.embed([d.text for d in seed]), dtype=np.float32)
    kb = open_knowledge_base(settings, data_dir=work, kb_uri=str(work / "kb"), db=Database(url),
                             embedder=bench_kb.NoisyReuse(embedder, pool))
    signer = CheckpointSigner.load_or_create(work / "keys" / "audit-signing.key")
    purge = purge_service_for(kb, lambda: signer)
    t = time.perf_counter()
    report = kb.ingest_many(bench_kb.synthetic(args.scale, 0))
    stats = kb.store.table.stats()["fragment_stats"]
    print(f"corpus: {report.chunks} chunks in {len(bench_kb.COLLECTIONS)} collections, {stats['num_fragments']} "
          f"fragments, ingested in {time.perf_counter() - t:.1f} s; ANN index: {kb.store.has_index('vector_idx')}")
    ids = [o.document_id for o in report.outcomes if o.document_id]
    victims, stock_victims = ids[: args.purges], ids[-args.purges :]
    table_dir = work / "kb"

    def ciphertext(doc_id: str) -> bytes:
        rows = kb.store.table.search().where(f"doc_id = '{doc_id}'").select(["text_ct"]).limit(1).to_arrow()
        return bytes(rows.column("text_ct")[0].as_py())

    purges, left = [], []
    for doc_id in victims:
        needle = ciphertext(doc_id)
        t = time.perf_counter()
        purge.purge_document(doc_id, "bench")
        purges.append(time.perf_counter() - t)
        left.append(files_holding(table_dir, needle))
    collection = bench_kb.COLLECTIONS[-1]
    rows = kb.store.count(f"collection = '{collection}'")
    t = time.perf_counter()
    purge.purge_collection(collection, "bench")
    whole = time.perf_counter() - t
    subject_lines = subject_purges(kb, args.subject_chunks, signer)

    # Stock LanceDB, last: its optimize() merges the fragments toward 1M rows, changing the layout for what follows.
    stock, stock_left = [], []
    for doc_id in stock_victims[:-1]:
        needle = ciphertext(doc_id)
        t = time.perf_counter()
        kb.store.table.delete(f"doc_id = '{doc_id}'")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kb.store.table.optimize(cleanup_older_than=timedelta(0), delete_unverified=True)
        stock.append(time.perf_counter() - t)
        stock_left.append(files_holding(table_dir, needle))
    # What erasure takes with LanceDB's API alone: the rows that shared the document's files are rewritten (an
    # update), so compaction can drop those files; then optimize() with every older version cleaned up.
    doc_id = stock_victims[-1]
    needle = ciphertext(doc_id)
    t = time.perf_counter()
    fragments = kb.store.fragments_of(f"doc_id = '{doc_id}'")
    kb.store.table.delete(f"doc_id = '{doc_id}'")
    for fragment in fragments:
        kb.store.table.update(where=f"_rowid >= {fragment << 32} AND _rowid < {(fragment + 1) << 32}",
                              values_sql={"active": "active"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kb.store.table.optimize(cleanup_older_than=timedelta(0), delete_unverified=True)
    erase = time.perf_counter() - t
    erase_left = files_holding(table_dir, needle)
    ours = statistics.median(purges)
    print(f"stock LanceDB delete + optimize(cleanup_older_than=0): median {statistics.median(stock):.2f} s over "
          f"{len(stock)}; files still holding the deleted chunk's ciphertext afterwards: {stock_left}")
    print(f"LanceDB-only erasure (delete, rewrite the rows sharing its fragment, optimize with cleanup): {erase:.2f} s;"
          f" files still holding its ciphertext: {erase_left}")
    print(f"gateway purge of one document (delete, shred key, rewrite its fragment, vacuum, signed receipt): "
          f"median {ours:.2f} s over {len(purges)}; files still holding its ciphertext: {left}")
    print(f"gateway purge of collection {collection!r} ({rows} chunks): {whole:.2f} s")
    for line in subject_lines:
        print(line)
    print(f"ratio gateway purge / LanceDB-only erasure (time, one document of {report.chunks} chunks): "
          f"{ours / erase:.3f}")


def subject_purges(kb: KnowledgeBase, n: int, signer: CheckpointSigner) -> list[str]:
    """One data subject mentioned in ``n`` chunks (its Chinese resident ID in every one; its name in English in half,
    in Chinese in the other half), indexed at ingestion with the real PII detector: masked in place, then (after
    re-ingesting) purged with its documents."""
    from gateway.pii.detector import PiiDetector

    kb.attach_subject_index(PiiDetector.create())
    lines = []
    for mode in ("mask_chunks", "purge_documents"):
        docs = [text_document(
            f"Case {mode} {i}: Ms. Ingrid Halvorsen (resident ID {RESIDENT_ID}) asked branch {i % 40} to defer "
            f"payment {i}." if i % 2 else f"案例{i}：客户张伟先生的身份证号码是{RESIDENT_ID}，第{i}号申请。",
            title=f"Case {mode} {i}", collection="credit-policy", level=Classification.internal, metadata={},
            source=f"subject-{mode}-{i}", label=f"subject {i}", max_bytes=1 << 20) for i in range(n)]
        t = time.perf_counter()
        kb.ingest_many(docs)
        ingest_s = time.perf_counter() - t
        t = time.perf_counter()
        result = purge_service_for(kb, lambda: signer).purge_subject(RESIDENT_ID, None, mode, "bench")  # type: ignore[arg-type]
        took = time.perf_counter() - t
        done = (f"{result.chunks_masked} chunks rewritten with the subject masked" if mode == "mask_chunks" else
                f"{len(result.documents)} documents purged under {len(result.receipts)} receipt")
        lines.append(f"subject {mode} (by CN resident ID): {result.chunks_matched} chunks matched, {done}, in "
                     f"{took:.2f} s (subject index built at ingestion: {n} chunks in {ingest_s:.1f} s)")
    return lines


if __name__ == "__main__":
    main()
