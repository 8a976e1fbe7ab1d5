"""Re-embedding: moving a knowledge base to another embedding model of the same dimension, in place.

``embedding.model`` chooses the model (``gateway.llm.embedder``); a table records the model that built its vectors
and refuses to be searched with another (``gateway.kb.store``). ``gateway kb reembed``, run with the new model
configured and the gateway stopped, opens the table for re-embedding (which marks it as under way: nothing else opens
it until the job is done), decrypts every row's passage and title in batches, embeds them exactly as ingestion does
(``Ingestor.passage``), writes the new vectors in place, rebuilds the vector index, then records the new model as
the table's. Text, blind index, sealed metadata and versions are untouched; rows of crypto-shredded documents
(purged: their key is gone) are left as they are, unreadable and unserved. An interrupted run is finished by running
it again (it re-embeds every row once more: the vectors it already wrote are not told apart from the old ones).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from gateway.errors import InvalidInput
from gateway.kb.ingest import passage_text
from gateway.kb.keyring import KeyRing
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.store import ChunkStore, sql_list
from gateway.llm.protocol import Embedder


@dataclass
class ReembedReport:
    rows: int = 0
    """Rows of the table (served, superseded and pending versions)."""
    reembedded: int = 0
    """Rows given new vectors."""
    shredded: int = 0
    """Rows of purged documents, left as they were (no key to read them with)."""


class Reembedder:
    def __init__(self, *, store: ChunkStore, keyring: KeyRing, embedder: Embedder, batch_size: int = 64) -> None:
        self.store = store
        self.keyring = keyring
        self.embedder = embedder
        self.batch_size = batch_size

    def run(self, on_batch: Callable[[int, int], None] | None = None) -> ReembedReport:
        """Re-embed every row; ``on_batch(done, total)`` after each batch. Raises InvalidInput when the table is
        not open for re-embedding (it was built by the configured model already)."""
        if self.store.reembedding_to() is None:
            model = self.embedder.identity.get("model", "?")
            raise InvalidInput(f"the knowledge base was built with {model} already: nothing to re-embed")
        ids = sorted(self.store.table.search().select(["chunk_id"]).limit(None).to_arrow()
                     .column("chunk_id").to_pylist())
        report = ReembedReport(rows=len(ids))
        for start in range(0, len(ids), self.batch_size):
            done, shredded = self._rewrite(ids[start:start + self.batch_size])
            report.reembedded += done
            report.shredded += shredded
            if on_batch is not None:
                on_batch(start + done + shredded, len(ids))
        if report.reembedded:
            self.store.retrain_vector_index()  # trained on the old model's vectors, its partitions mean nothing now
        self.store.finish_reembedding()
        return report

    def _rewrite(self, chunk_ids: list[str]) -> tuple[int, int]:
        rows = (self.store.table.search().where(f"chunk_id IN ({sql_list(chunk_ids)})").limit(None).to_arrow()
                .to_pylist())
        keys = self.keyring.document_keys(sorted({row["doc_id"] for row in rows}))
        readable = [row for row in rows if row["doc_id"] in keys]
        texts = []
        for row in readable:
            key, aad = keys[row["doc_id"]], (row["doc_id"], row["version"], row["chunk_id"])
            meta = json.loads(unseal(key, row["meta_ct"], chunk_aad(*aad, "meta")))
            chunk = unseal(key, row["text_ct"], chunk_aad(*aad, "text")).decode()
            texts.append(passage_text(meta.get("title") or "", chunk))
        if readable:
            for row, vector in zip(readable, self.embedder.embed(texts), strict=True):
                row["vector"] = vector
            table = pa.Table.from_pylist(readable, schema=self.store.schema)
            self.store.table.merge_insert("chunk_id").when_matched_update_all().execute(table)
        return len(readable), len(rows) - len(readable)
