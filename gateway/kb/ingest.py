"""The ingestion pipeline for a batch of documents: chunk, hash, embed, seal, write pending, flip, record.

Atomicity: chunks are written with ``active = false``; one Lance commit (``ChunkStore.activate``) makes a batch's new
versions served and their old versions unserved; only then does the SQL registry mark them active. A crash before
the flip leaves nothing of the batch searchable; a retry finds the pending versions (same content hash), discards
their orphaned rows and completes them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pyarrow as pa

from gateway.errors import InvalidInput, PayloadTooLarge
from gateway.kb.chunker import Chunker, sections_of
from gateway.kb.detections import ChunkCandidates, ChunkDetector, ChunkTexts, quoted_fields
from gateway.kb.documents import IngestOutcome, SourceDocument, chunk_id
from gateway.kb.keyring import KeyRing
from gateway.kb.lexical import BlindIndex
from gateway.kb.registry import DocumentRegistry, VersionClaim
from gateway.kb.sealing import chunk_aad, seal
from gateway.kb.settings import KbSettings
from gateway.kb.store import ChunkStore
from gateway.kb.validity import Window
from gateway.llm.protocol import Embedder
from gateway.pii.candidates import Candidates


def passage_text(title: str, chunk: str) -> str:
    """What is embedded for a chunk: its document's title, then the chunk (``gateway.kb.reembed`` does the same)."""
    return f"{title}\n{chunk}" if title else chunk


_BESIDE_BATCH = 8
"""Passages per embedding call while detection runs beside it, so that embedding takes every core soon after."""


class Ingestor:
    def __init__(
        self, *, store: ChunkStore, registry: DocumentRegistry, keyring: KeyRing, embedder: Embedder,
        settings: KbSettings, collections: frozenset[str] | None,
    ) -> None:
        self.store = store
        self.registry = registry
        self.keyring = keyring
        self.embedder = embedder
        self.settings = settings
        self.collections = collections
        self.chunker = Chunker(embedder.count_tokens, max_tokens=min(settings.chunk_tokens, embedder.max_tokens - 2),
                               overlap_tokens=settings.chunk_overlap_tokens)
        self.blind_index = BlindIndex(keyring.derive("lexical"))
        self._identity_key = keyring.derive("identity")
        self._content_key = keyring.derive("content")
        self.detector: ChunkDetector | None = None
        """Finds the PII candidates sealed with each chunk (``gateway.kb.detections``), beside embedding."""
        self.on_chunks: Callable[[list[tuple[str, str, str, Candidates]]], None] | None = None
        """Called with (chunk id, doc id, chunk text, its candidates) of a batch before it is served, on the
        detection thread: the data-subject index (gateway.kb.subjects). If it raises, the batch is not served."""
        self._hooks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-detect")

    def identity(self, document: SourceDocument) -> bytes:
        return self.identity_of(document.collection, document.source)

    def identity_of(self, collection: str, source: str) -> bytes:
        """The keyed identity a document from ``source`` in ``collection`` is found by on re-ingest."""
        return hmac.new(self._identity_key, f"{collection}\x00{source}".encode(), hashlib.sha256).digest()

    def origin(self, collection: str, folder: str) -> bytes:
        """The keyed digest a folder mirrored by ``gateway kb sync`` is recorded under (no path in the clear)."""
        return hmac.new(self._identity_key, f"origin\x00{collection}\x00{folder}".encode(), hashlib.sha256).digest()

    def content_hash(self, document: SourceDocument) -> bytes:
        fields: list[object] = [document.title, document.text, document.metadata, int(document.classification)]
        if document.valid_from is not None or document.valid_until is not None:
            # Only when given, so documents ingested before validity existed keep their hashes (no new versions).
            fields.append([document.valid_from, document.valid_until])
        canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
        return hmac.new(self._content_key, canonical.encode(), hashlib.sha256).digest()

    def check(self, document: SourceDocument) -> list[str]:
        """Validate and chunk one document; raises InvalidInput/PayloadTooLarge naming it."""
        if self.collections is not None and document.collection not in self.collections:
            raise InvalidInput(f"{document.label}: collection {document.collection!r} is not declared by the policy "
                               "set", param="collection")
        chunks = self.chunker.split(document.blocks)
        if not chunks:
            raise InvalidInput(f"{document.label}: the document contains no text")
        if len(chunks) > self.settings.max_chunks_per_document:
            raise PayloadTooLarge(f"{document.label}: {len(chunks)} chunks exceeds kb.max_chunks_per_document "
                                  f"({self.settings.max_chunks_per_document})")
        return chunks

    def ingest_batch(self, documents: Sequence[SourceDocument]) -> list[IngestOutcome]:
        """Ingest documents with distinct identities; bad ones are rejected by name, the rest are stored."""
        outcomes: dict[int, IngestOutcome] = {}
        accepted: list[tuple[int, SourceDocument, list[str]]] = []
        for position, document in enumerate(documents):
            try:
                accepted.append((position, document, self.check(document)))
            except (InvalidInput, PayloadTooLarge) as exc:
                outcomes[position] = IngestOutcome(document.label, "rejected", error=exc.message)
        claims = [VersionClaim(self.identity(d), d.collection, self.content_hash(d), int(d.classification), len(c),
                               Window(d.valid_from, d.valid_until),
                               self.origin(d.collection, d.origin) if d.origin is not None else None)
                  for _, d, c in accepted]
        plans = self.registry.plan(claims) if claims else []
        work = []
        for (position, document, chunks), plan in zip(accepted, plans, strict=True):
            if plan.status == "unchanged":
                outcomes[position] = IngestOutcome(document.label, "unchanged", plan.document_id, plan.version)
            else:
                work.append((position, document, chunks, plan))
                outcomes[position] = IngestOutcome(document.label, plan.status, plan.document_id, plan.version,
                                                   chunks=len(chunks))
        if work:
            self._write([(d, c, p.document_id, p.version) for _, d, c, p in work])
            self.registry.commit([p for *_, p in work])
        # Superseded rows go, for unchanged documents too: a crash after the registry commit left them behind.
        self.store.drop_inactive([p.document_id for p in plans])
        return [outcomes[i] for i in range(len(documents))]

    def _write(self, items: list[tuple[SourceDocument, list[str], str, int]]) -> None:
        texts = [passage_text(d.title, chunk) for d, chunks, _, _ in items for chunk in chunks]
        # Each chunk's metadata names the sections it holds, so an answer can cite "title > section".
        sections = []
        for document, chunks, _, _ in items:
            paths = self.chunker.heading_paths(document.blocks)
            sections.append([sections_of(chunk, paths) for chunk in chunks])
        # PII detection (the candidates sealed with each chunk, and the data-subject index made from them) runs
        # beside embedding, not after it: both spend their time in native code that releases the GIL. Its failure
        # still fails the batch before any write.
        detected = None
        if self.detector is not None:
            detected = self._hooks.submit(self._detect, items, sections)
        try:
            vectors = self.embed(texts, beside=detected)
        finally:
            if detected is not None:
                detected.exception()  # wait for it either way: a failed embed must not leave it running
        found = iter(detected.result()) if detected is not None else None  # re-raises: nothing is written
        batch_id = uuid.uuid4().hex
        columns: dict[str, list[object]] = {name: [] for name in self.store.schema.names}
        row = 0
        keys = self.keyring.ensure_document_keys((doc_id, d.collection) for d, _, doc_id, _ in items)
        for (document, chunks, doc_id, version), chunk_sections in zip(items, sections, strict=True):
            key = keys[doc_id]
            title_tokens = self.blind_index.blind(document.title)
            for index, (chunk, held) in enumerate(zip(chunks, chunk_sections, strict=True)):
                meta: dict[str, object] = {"title": document.title, "metadata": document.metadata,
                                           "source": document.source, "sections": held}
                if found is not None:
                    meta["pii"] = next(found).to_json()
                cid = chunk_id(doc_id, version, index)
                columns["chunk_id"].append(cid)
                columns["doc_id"].append(doc_id)
                columns["version"].append(version)
                columns["collection"].append(document.collection)
                columns["classification"].append(int(document.classification))
                columns["active"].append(False)
                columns["batch_id"].append(batch_id)
                columns["vector"].append(vectors[row])
                headings = "\n".join([document.title, *held])
                columns["lex"].append(f"{title_tokens} {self.blind_index.blind(chunk, headings=headings)}".strip())
                columns["text_ct"].append(seal(key, chunk.encode(), chunk_aad(doc_id, version, cid, "text")))
                sealed_meta = json.dumps(meta, ensure_ascii=False, default=str).encode()
                columns["meta_ct"].append(seal(key, sealed_meta, chunk_aad(doc_id, version, cid, "meta")))
                row += 1
        doc_ids = [doc_id for _, _, doc_id, _ in items]
        self.store.discard_pending(doc_ids)
        self.store.write_pending(pa.table(columns, schema=self.store.schema))
        self.store.activate(doc_ids, batch_id)

    def _detect(self, items: list[tuple[SourceDocument, list[str], str, int]], sections: list[list[list[str]]]
                ) -> list[ChunkCandidates]:  # fmt: skip
        """The candidates of every chunk of the batch, in order; then the data-subject index's entries from them."""
        assert self.detector is not None
        texts = [ChunkTexts(chunk, document.title, tuple(held), quoted_fields(document.metadata), document.source)
                 for (document, chunks, _, _), per_chunk in zip(items, sections, strict=True)
                 for chunk, held in zip(chunks, per_chunk, strict=True)]
        found = self.detector.find(texts)
        if self.on_chunks is not None:
            ids = [(chunk_id(doc_id, version, i), doc_id) for _, chunks, doc_id, version in items
                   for i in range(len(chunks))]
            self.on_chunks([(cid, doc_id, t.text, f.text) for (cid, doc_id), t, f in zip(ids, texts, found,
                                                                                        strict=True)])
        return found

    def embed(self, texts: list[str], beside: Future[Any] | None = None) -> list[list[float]]:
        """Embeddings of passages, in batches of ``kb.embed_batch_size``; while ``beside`` (the batch's PII
        detection) runs, in small batches with one embedding thread fewer, so each has a core of its own."""
        size = self.settings.embed_batch_size
        vectors: list[list[float]] = []
        start = 0
        while start < len(texts):
            busy = beside is not None and not beside.done()
            step = min(size, _BESIDE_BATCH) if busy else size
            vectors.extend(self.embedder.embed(texts[start : start + step], spare_core=busy))
            start += step
        return vectors
