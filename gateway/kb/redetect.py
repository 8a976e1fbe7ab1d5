"""Re-detection: bringing the PII candidates sealed with each chunk up to the running engine.

When the PII engine changes (its code, word lists, model or libraries: ``gateway.pii.candidates.engine_version``)
or the policy set starts using a lower threshold than chunks were detected at, stored candidates stop being used:
readers of those chunks are detected afresh on every request (correct, but NER is back on the request path). This
job finds those chunks, detects them again in small batches and rewrites their sealed metadata, under the
knowledge base's write lock (ingestion and purges wait between batches, never the other way round). ``gateway kb
redetect`` runs it in the foreground; the gateway runs it in the background at start-up (``kb.redetect_on_start``).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from gateway.kb.detections import ChunkCandidates, ChunkDetector, ChunkTexts, quoted_fields
from gateway.kb.keyring import KeyRing
from gateway.kb.sealing import chunk_aad, seal, unseal
from gateway.kb.store import ChunkStore, sql_list

log = logging.getLogger("gateway.kb")

FOLD_EVERY_ROWS = 2_000
"""Rewritten rows are folded into the search indices this often (unindexed rows are searched by a scan)."""


@dataclass
class RedetectReport:
    checked: int = 0
    """Served chunks looked at."""
    stale: int = 0
    """Of those, chunks whose candidates were missing, of another engine or found above the floor."""
    redetected: int = 0
    """Chunks detected again and rewritten (fewer than ``stale`` when stopped, or when chunks went meanwhile)."""


class Redetector:
    def __init__(self, *, store: ChunkStore, keyring: KeyRing, detector: ChunkDetector, writes: threading.RLock,
                 batch_size: int = 32) -> None:
        self.store = store
        self.keyring = keyring
        self.detector = detector
        self.writes = writes
        self.batch_size = batch_size
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def stale(self) -> tuple[int, list[str]]:
        """(served chunks, ids of those whose stored candidates this engine would not use)."""
        rows = (self.store.table.search().where("active = true").select(["chunk_id", "doc_id", "version", "meta_ct"])
                .limit(None).to_arrow().to_pylist())
        keys = self.keyring.document_keys(sorted({row["doc_id"] for row in rows}))
        stale = []
        for row in rows:
            key = keys.get(row["doc_id"])
            if key is None:
                continue  # crypto-shredded by a purge: nothing to read, nothing to serve
            meta = json.loads(unseal(key, row["meta_ct"], chunk_aad(row["doc_id"], row["version"], row["chunk_id"],
                                                                    "meta")))
            if not self.detector.current(ChunkCandidates.from_json(meta.get("pii"))):
                stale.append(row["chunk_id"])
        return len(rows), stale

    def run(self, on_batch: Callable[[int], None] | None = None) -> RedetectReport:
        """Re-detect every stale served chunk (until :meth:`stop`); ``on_batch(rewritten so far)`` after each batch."""
        checked, stale = self.stale()
        report = RedetectReport(checked=checked, stale=len(stale))
        since_fold = 0
        for start in range(0, len(stale), self.batch_size):
            if self._stop.is_set():
                break
            with self.writes:
                done = self._rewrite(stale[start:start + self.batch_size])
            report.redetected += done
            since_fold += done
            if since_fold >= FOLD_EVERY_ROWS:
                with self.writes:
                    self.store.fold_into_indices()
                since_fold = 0
            if on_batch is not None:
                on_batch(report.redetected)
        if report.redetected:
            with self.writes:
                self.store.maintain()
        return report

    def _rewrite(self, chunk_ids: list[str]) -> int:
        """Detect these chunks again and store their new candidates (rows read inside the write lock, so a version
        switched or purged meanwhile is neither resurrected nor written back)."""
        rows = (self.store.table.search().where(f"active = true AND chunk_id IN ({sql_list(chunk_ids)})")
                .limit(None).to_arrow().to_pylist())
        keys = self.keyring.document_keys(sorted({row["doc_id"] for row in rows}))
        rows = [row for row in rows if row["doc_id"] in keys]
        if not rows:
            return 0
        metas, texts = [], []
        for row in rows:
            key, aad = keys[row["doc_id"]], (row["doc_id"], row["version"], row["chunk_id"])
            meta = json.loads(unseal(key, row["meta_ct"], chunk_aad(*aad, "meta")))
            text = unseal(key, row["text_ct"], chunk_aad(*aad, "text")).decode()
            metas.append(meta)
            texts.append(ChunkTexts(text, meta["title"], tuple(meta.get("sections", ())),
                                    quoted_fields(meta.get("metadata") or {}), meta.get("source") or ""))
        for row, meta, found in zip(rows, metas, self.detector.find(texts), strict=True):
            meta["pii"] = found.to_json()
            row["meta_ct"] = seal(keys[row["doc_id"]], json.dumps(meta, ensure_ascii=False).encode(),
                                  chunk_aad(row["doc_id"], row["version"], row["chunk_id"], "meta"))
        table = pa.Table.from_pylist(rows, schema=self.store.schema)
        self.store.table.merge_insert("chunk_id").when_matched_update_all().execute(table)
        return len(rows)

    # -- in the background --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Run the job on a daemon thread; it logs counts only, and a failure stops the job, not the gateway (the
        chunks it did not reach are detected afresh on every read, as before)."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._background, name="kb-redetect", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _background(self) -> None:
        try:
            report = self.run()
        except Exception as exc:
            log.error("re-detection of stored PII candidates stopped: %s", type(exc).__name__)
            return
        if report.stale:
            log.info("re-detected PII candidates of %d of %d stale chunks (%d served)", report.redetected,
                     report.stale, report.checked)
