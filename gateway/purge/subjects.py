"""Erasure by data subject: find every chunk that mentions a person or identifier (through the knowledge base's
subject index), then purge those documents or rewrite those chunks with the subject masked.

Masking rewrites a chunk in place: the subject's spans become ``<TYPE>``, the text is resealed, its blind-index
tokens recomputed and its vector re-embedded; then the Lance fragments that held the old rows are rewritten and
older versions vacuumed, as a purge does. Titles and metadata are not rewritten (limitation: use purge_documents).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from gateway.db.hygiene import checkpoint_wal
from gateway.errors import InvalidInput
from gateway.kb.keyring import KeyRing
from gateway.kb.lexical import BlindIndex
from gateway.kb.readwrite import ReadWriteLock
from gateway.kb.sealing import chunk_aad, seal, unseal
from gateway.kb.store import ChunkStore, sql_list
from gateway.kb.subjects import SubjectIndex
from gateway.policy.schema import SubjectErasureMode

SubjectMode = SubjectErasureMode
MODES: tuple[SubjectMode, ...] = ("purge_documents", "mask_chunks")

Embed = Callable[[list[str]], list[list[float]]]


@dataclass(frozen=True, slots=True)
class SubjectPurge:
    """What a subject request did; ``subject`` is a keyed HMAC prefix, never the value."""

    mode: SubjectMode
    subject: str
    chunks_matched: int
    documents: list[str]
    receipts: list[str]
    chunks_masked: int

    def as_json(self) -> dict[str, Any]:
        return {"object": "purge.subject", "mode": self.mode, "subject": self.subject,
                "chunks_matched": self.chunks_matched, "documents": self.documents, "receipts": self.receipts,
                "chunks_masked": self.chunks_masked}


@dataclass(frozen=True, slots=True)
class SubjectRequest:
    """A subject to erase, resolved to the index: the digests it may be indexed under and the chunks they find."""

    digests: set[bytes]
    matched: list[tuple[str, str]]
    label: str
    """A keyed hash prefix naming the request in receipts and the audit trail (never the value)."""

    @property
    def doc_ids(self) -> list[str]:
        return sorted({d for _, d in self.matched})


def find_subject(subjects: SubjectIndex, value: str, entity_type: str | None, mode: str) -> SubjectRequest:
    if mode not in MODES:
        raise InvalidInput("mode must be purge_documents or mask_chunks", param="mode")
    if not value.strip():
        raise InvalidInput("value must not be empty", param="value")
    digests = subjects.digests(value, entity_type)
    label = hashlib.sha256(b"".join(sorted(digests))).hexdigest()[:16]
    return SubjectRequest(digests, subjects.find(digests), label)


class ChunkMasker:
    """Rewrites the chunks that mention a subject with the subject masked, and erases the old rows for good."""

    def __init__(self, *, store: ChunkStore, keyring: KeyRing, subjects: SubjectIndex, blind_index: BlindIndex,
                 embed: Embed, writes: threading.RLock, readers: ReadWriteLock) -> None:
        self.store = store
        self.keyring = keyring
        self.subjects = subjects
        self.blind_index = blind_index
        self.embed = embed
        self.writes = writes
        self.readers = readers

    def mask(self, chunk_ids: list[str], digests: set[bytes]) -> int:
        with self.writes:
            return self._mask(chunk_ids, digests)

    def _mask(self, chunk_ids: list[str], digests: set[bytes]) -> int:
        store = self.store
        if not chunk_ids:
            return 0
        where = f"chunk_id IN ({sql_list(chunk_ids)})"
        rows = store.table.search().where(where).limit(None).to_arrow().to_pylist()
        keys = self.keyring.document_keys({r["doc_id"] for r in rows})
        rows = [row for row in rows if row["doc_id"] in keys]  # a key already destroyed: nothing left to read
        texts = [unseal(keys[r["doc_id"]], r["text_ct"], chunk_aad(r["doc_id"], r["version"], r["chunk_id"], "text"))
                 .decode() for r in rows]
        rewritten: list[dict[str, Any]] = []
        passages: list[str] = []
        blind = self.blind_index
        for row, text, spans in zip(rows, texts, self.subjects.spans(texts, digests), strict=True):
            if not spans:
                continue
            for start, end, entity_type in sorted(spans, reverse=True):
                text = f"{text[:start]}<{entity_type}>{text[end:]}"
            key, doc_id, version, chunk_id = keys[row["doc_id"]], row["doc_id"], row["version"], row["chunk_id"]
            meta = json.loads(unseal(key, row["meta_ct"], chunk_aad(doc_id, version, chunk_id, "meta")))
            title = meta["title"]
            # The PII spans found at ingestion are offsets into the old text: dropped, so readers detect afresh
            # until the re-detection job stores new ones (gateway.kb.detections).
            meta.pop("pii", None)
            rewritten.append({**row, "text_ct": seal(key, text.encode(), chunk_aad(doc_id, version, chunk_id, "text")),
                              "meta_ct": seal(key, json.dumps(meta, ensure_ascii=False).encode(),
                                              chunk_aad(doc_id, version, chunk_id, "meta")),
                              "lex": f"{blind.blind(title)} {blind.blind(text)}".strip()})
            passages.append(f"{title}\n{text}" if title else text)
        for row, vector in zip(rewritten, self.embed(passages), strict=True):  # one batched embedding pass
            row["vector"] = vector
        if rewritten:
            table = pa.Table.from_pylist(rewritten, schema=store.schema)
            with self.readers.exclusive():
                store.table.merge_insert("chunk_id").when_matched_update_all().execute(table)
            store.compact(materialize_all_deletions=True)
            with self.readers.exclusive():
                store.vacuum()
        self.subjects.forget_subject(chunk_ids, digests)
        checkpoint_wal(self.subjects.db)
        return len(rewritten)
