"""The data-subject index: which chunks mention which personal values, as keyed digests only.

At ingestion each chunk's text goes through the PII detector (its candidates, ``gateway.kb.detections``); for every
direct identifier found, the keyed digest of
``entity type + normalised value`` (``gateway.pii.digest``: case-folded, spaces collapsed, separators of identifiers
dropped) is stored in ``subject_index`` with the chunk and document ids. An erasure request names the value (and
optionally its type); the same digests find the chunks without the index ever holding the value. Erasure itself is
``gateway.purge.subjects``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from gateway.db.hygiene import secure_delete
from gateway.db.session import Database
from gateway.db.tables import SubjectIndexEntry
from gateway.errors import InvalidInput
from gateway.pii import entities
from gateway.pii.candidates import Candidates, reader_spans
from gateway.pii.digest import value_digest
from gateway.pii.rules import PiiRules

INDEXED = PiiRules(entities_masked=entities.DIRECT_IDENTIFIERS)
"""What the index records: direct identifiers only (a date or an employer names no one by itself)."""

if TYPE_CHECKING:
    from gateway.pii.detector import PiiDetector


class SubjectIndex:
    """The ``subject_index`` table: which chunks mention which (HMAC'd) personal values."""

    def __init__(self, db: Database, key: bytes, detector: PiiDetector) -> None:
        self.db = db
        self._key = key
        self.detector = detector

    def digest(self, entity_type: str, value: str) -> bytes:
        return value_digest(self._key, entity_type, value)

    def digests(self, value: str, entity_type: str | None) -> set[bytes]:
        """The HMACs a value could be indexed under: for its type, or for every supported type."""
        if entity_type is not None and entity_type not in entities.DIRECT_IDENTIFIERS:
            raise InvalidInput("unknown entity type", param="entity_type")
        types = [entity_type] if entity_type else sorted(entities.DIRECT_IDENTIFIERS)
        return {self.digest(t, value) for t in types}

    def spans(self, texts: Sequence[str], digests: set[bytes]) -> list[list[tuple[int, int, str]]]:
        """Where in each of ``texts`` the subject appears: (start, end, entity type); one detector batch."""
        found_all = self.detector.detect_batch(texts, rules=INDEXED)
        return [[(d.start, d.end, d.entity_type) for d in found if self.digest(d.entity_type, text[d.start : d.end])
                 in digests] for text, found in zip(texts, found_all, strict=True)]

    def index(self, chunks: Sequence[tuple[str, str, str, Candidates]]) -> None:
        """Record the personal values of (chunk id, doc id, text, its candidates); the ingestion hook. The values
        are the candidates the index's rules keep (``INDEXED``): no second detection."""
        rows: list[SubjectIndexEntry] = []
        for chunk_id, doc_id, text, found in chunks:
            if not found.covers(INDEXED, found.engine):
                raise ValueError("candidates found above the subject index's threshold")
            digests = {self.digest(d.entity_type, text[d.start : d.end]) for d in reader_spans(text, found, INDEXED)}
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
