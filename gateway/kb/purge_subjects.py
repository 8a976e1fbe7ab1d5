"""Erasure by data subject (issue #7): find every chunk that mentions a person or identifier, then purge those
documents or rewrite those chunks with the subject masked.

At ingestion each chunk's text goes through the PII detector; for every value found, the keyed HMAC of
``entity type + normalised value`` (``gateway.pii.masker.normalise``: case-folded, spaces collapsed, separators of
identifiers dropped) is stored in ``subject_index`` with the chunk and document ids. A request names the value
(and optionally its type); the same HMACs find the chunks without the index ever holding the value.

Masking rewrites a chunk in place: the subject's spans become ``<TYPE>``, the text is resealed, its blind-index
tokens recomputed and its vector re-embedded; then the Lance fragments that held the old rows are rewritten and
older versions vacuumed, as a purge does. Titles and metadata are not rewritten (limitation: use purge_documents).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from sqlalchemy import delete, select

from gateway.db.models import SubjectIndexEntry
from gateway.db.session import Database
from gateway.errors import InvalidInput
from gateway.kb.purge_sql import checkpoint_wal, secure_delete
from gateway.kb.sealing import chunk_aad, seal, unseal
from gateway.kb.store import sql_list
from gateway.pii import entities
from gateway.pii.masker import normalise
from gateway.policy.schema import SubjectErasureMode

if TYPE_CHECKING:
    from gateway.audit.signing import CheckpointSigner
    from gateway.kb.service import KnowledgeBase
    from gateway.pii.detector import PiiDetector

SubjectMode = SubjectErasureMode
MODES: tuple[SubjectMode, ...] = ("purge_documents", "mask_chunks")


class SubjectIndex:
    """The ``subject_index`` table: which chunks mention which (HMAC'd) personal values."""

    def __init__(self, db: Database, key: bytes, detector: PiiDetector) -> None:
        self.db = db
        self._key = key
        self.detector = detector

    def digest(self, entity_type: str, value: str) -> bytes:
        message = f"{entity_type}\x1f{normalise(entity_type, value)}".encode()
        return hmac.new(self._key, message, hashlib.sha256).digest()

    def digests(self, value: str, entity_type: str | None) -> set[bytes]:
        """The HMACs a value could be indexed under: for its type, or for every supported type."""
        if entity_type is not None and entity_type not in entities.SUPPORTED_ENTITIES:
            raise InvalidInput("unknown entity type", param="entity_type")
        types = [entity_type] if entity_type else sorted(entities.SUPPORTED_ENTITIES)
        return {self.digest(t, value) for t in types}

    def spans(self, texts: Sequence[str], digests: set[bytes]) -> list[list[tuple[int, int, str]]]:
        """Where in each of ``texts`` the subject appears: (start, end, entity type); one detector batch."""
        return [[(d.start, d.end, d.entity_type) for d in found if self.digest(d.entity_type, text[d.start : d.end])
                 in digests] for text, found in zip(texts, self.detector.detect_batch(texts), strict=True)]

    def index(self, chunks: Sequence[tuple[str, str, str]]) -> None:
        """Record the personal values of (chunk id, doc id, text) triples; the ingestion hook."""
        rows: list[SubjectIndexEntry] = []
        for (chunk_id, doc_id, text), found in zip(chunks, self.detector.detect_batch(t for _, _, t in chunks),
                                                   strict=True):
            digests = {self.digest(d.entity_type, text[d.start : d.end]) for d in found}
            rows.extend(SubjectIndexEntry(chunk_id=chunk_id, doc_id=doc_id, value_hmac=h) for h in sorted(digests))
        if rows:
            with self.db.session() as session:
                session.add_all(rows)

    def find(self, digests: Iterable[bytes]) -> list[tuple[str, str]]:
        """(chunk id, doc id) of the chunks mentioning any of these HMACs."""
        with self.db.session() as session:
            rows = session.execute(select(SubjectIndexEntry.chunk_id, SubjectIndexEntry.doc_id).distinct()
                                   .where(SubjectIndexEntry.value_hmac.in_(list(digests)))).all()
        return sorted((r[0], r[1]) for r in rows)

    def forget_subject(self, chunk_ids: Sequence[str], digests: Iterable[bytes]) -> None:
        if chunk_ids:
            with self.db.session() as session:
                secure_delete(session)
                session.execute(delete(SubjectIndexEntry).where(SubjectIndexEntry.chunk_id.in_(list(chunk_ids)),
                                                                SubjectIndexEntry.value_hmac.in_(list(digests))))


def forget_documents(db: Database, doc_ids: Sequence[str]) -> None:
    """Drop the index entries of purged documents (a purge step; needs no detector)."""
    if doc_ids:
        with db.session() as session:
            secure_delete(session)
            session.execute(delete(SubjectIndexEntry).where(SubjectIndexEntry.doc_id.in_(list(doc_ids))))


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


def purge_subject(kb: KnowledgeBase, subjects: SubjectIndex, value: str, entity_type: str | None,
                  mode: SubjectMode, actor: str, signer: CheckpointSigner) -> SubjectPurge:
    """Purge the documents that mention the subject, or mask the subject in the chunks that do. Safe to repeat:
    an interrupted run is finished by running it again (the index entries go only once a chunk is rewritten)."""
    if mode not in MODES:
        raise InvalidInput("mode must be purge_documents or mask_chunks", param="mode")
    if not value.strip():
        raise InvalidInput("value must not be empty", param="value")
    digests = subjects.digests(value, entity_type)
    matched = subjects.find(digests)
    doc_ids = sorted({d for _, d in matched})
    label = hashlib.sha256(b"".join(sorted(digests))).hexdigest()[:16]
    if mode == "purge_documents":
        receipts = [kb.purger.purge_documents(doc_ids, f"subject:{label}", actor, signer).id] if doc_ids else []
        return SubjectPurge(mode, label, len(matched), doc_ids, receipts, 0)
    with kb.writes:
        masked = _mask_chunks(kb, subjects, [c for c, _ in matched], digests)
    return SubjectPurge(mode, label, len(matched), doc_ids, [], masked)


def _mask_chunks(kb: KnowledgeBase, subjects: SubjectIndex, chunk_ids: list[str], digests: set[bytes]) -> int:
    store = kb.store
    if not chunk_ids:
        return 0
    where = f"chunk_id IN ({sql_list(chunk_ids)})"
    rows = store.table.search().where(where).limit(None).to_arrow().to_pylist()
    keys = kb.keyring.document_keys({r["doc_id"] for r in rows})
    rows = [row for row in rows if row["doc_id"] in keys]  # a key already destroyed: nothing left to read
    texts = [unseal(keys[r["doc_id"]], r["text_ct"], chunk_aad(r["doc_id"], r["version"], r["chunk_id"], "text"))
             .decode() for r in rows]
    rewritten: list[dict[str, Any]] = []
    passages: list[str] = []
    blind = kb.ingestor.blind_index
    for row, text, spans in zip(rows, texts, subjects.spans(texts, digests), strict=True):
        if not spans:
            continue
        for start, end, entity_type in sorted(spans, reverse=True):
            text = f"{text[:start]}<{entity_type}>{text[end:]}"
        key, doc_id, version, chunk_id = keys[row["doc_id"]], row["doc_id"], row["version"], row["chunk_id"]
        title = json.loads(unseal(key, row["meta_ct"], chunk_aad(doc_id, version, chunk_id, "meta")))["title"]
        rewritten.append({**row, "text_ct": seal(key, text.encode(), chunk_aad(doc_id, version, chunk_id, "text")),
                          "lex": f"{blind.blind(title)} {blind.blind(text)}".strip()})
        passages.append(f"{title}\n{text}" if title else text)
    for row, vector in zip(rewritten, kb.ingestor.embed(passages), strict=True):  # one batched embedding pass
        row["vector"] = vector
    if rewritten:
        table = pa.Table.from_pylist(rewritten, schema=store.schema)
        with kb.readers.exclusive():
            store.table.merge_insert("chunk_id").when_matched_update_all().execute(table)
        store.compact(materialize_all_deletions=True)
        with kb.readers.exclusive():
            store.vacuum()
    subjects.forget_subject(chunk_ids, digests)
    checkpoint_wal(subjects.db)
    return len(rewritten)
