"""Listing the documents a caller may read, with their titles: the registry's record (collection, level, versions,
chunks, when the served version went live) joined with the title, source and metadata sealed in each document's
first chunk of its served version.

The caller's clearance is part of the SQL query (one term per granted level), so ``limit`` and ``offset`` page
through exactly what the caller may read. Titles are ciphertext at rest, so listing decrypts one chunk's metadata per
document listed; ``limit`` bounds that work. Callers mask titles (and sources) before showing them: a title can name
a person. ``GET /v1/documents``, ``gateway kb list`` and the console all build on ``KnowledgeBase.list_documents``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import aliased

from gateway.db.tables import KbDocument, KbDocumentVersion
from gateway.kb.detections import ChunkCandidates
from gateway.kb.documents import chunk_id
from gateway.kb.keyring import KeyRing
from gateway.kb.registry import DocumentRegistry
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.store import ChunkStore, sql_list
from gateway.kb.validity import Validity, Window
from gateway.policy.policy_set import EffectiveRights

MAX_LISTED = 5000
"""The most documents one listing reads (newest first); titles of more would be decrypted for nothing."""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    collection: str
    classification: int
    """The highest level of any of its versions (what reading or purging it needs)."""
    active_version: int | None
    versions: int
    updated_at: datetime
    title: str | None = None
    """Plain title from the served version (None when no version is served); mask before showing it."""
    metadata: dict[str, Any] | None = None
    chunks: int = 0
    """Chunks of the served version (0 when none is served)."""
    ingested_at: datetime | None = None
    """When the served version went live."""
    source: str | None = None
    """Where the served version came from (a file path, an upload's name, a record id), sealed with its chunks;
    None for documents ingested before sources were recorded. Mask before showing it, like the title."""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    found: ChunkCandidates | None = None
    """The personal data found in the served version's first chunk at ingestion (its title's and source's spans),
    so a listing masks titles without running the PII engine; None for chunks stored without them."""

    def validity(self, now: datetime | None = None) -> Validity:
        """Whether the served version is in force (``current``), ``expired`` or not yet (``pending``)."""
        return Window(self.valid_from, self.valid_until).state(now or datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """Which of the readable documents to list: filters, then one page of them, newest first."""

    collection: str | None = None
    classification: int | None = None
    """Only documents whose (highest) level is exactly this one."""
    validity: Validity | None = None
    """Only documents whose served version is in force now, expired, or not yet in force."""
    limit: int = MAX_LISTED
    offset: int = 0


def readable_documents(registry: DocumentRegistry, rights: EffectiveRights, *, limit: int = MAX_LISTED,
                       query: DocumentQuery | None = None) -> list[DocumentSummary]:
    """Documents ``rights`` may read (every version at or below the caller's level in its collection), newest
    first, without titles: the page ``query`` asks for (``limit`` caps it)."""
    query = query or DocumentQuery(limit=limit)
    by_level: dict[int, list[str]] = {}
    for collection, level in rights.grants.items():
        if query.collection is None or collection == query.collection:
            by_level.setdefault(int(level), []).append(collection)
    if not by_level:
        return []
    highest = func.max(KbDocumentVersion.classification)
    cleared = or_(false(), *(and_(KbDocument.collection.in_(sorted(names)), highest <= level)
                             for level, names in sorted(by_level.items())))
    served = aliased(KbDocumentVersion)
    statement = (
        select(KbDocument.id, KbDocument.collection, KbDocument.active_version, KbDocument.updated_at, highest,
               func.count(KbDocumentVersion.version.distinct()), func.max(served.chunk_count),
               func.max(served.activated_at), func.max(served.valid_from), func.max(served.valid_until))
        .join(KbDocumentVersion, KbDocumentVersion.document_id == KbDocument.id)
        .outerjoin(served, and_(served.document_id == KbDocument.id, served.version == KbDocument.active_version))
        .where(KbDocument.collection.in_([c for names in by_level.values() for c in names]))
        .group_by(KbDocument.id, KbDocument.collection, KbDocument.active_version, KbDocument.updated_at)
        .having(and_(cleared, *_conditions(query, func.max(served.valid_from), func.max(served.valid_until))))
        .order_by(KbDocument.updated_at.desc(), KbDocument.id)
        .limit(min(query.limit, limit)).offset(query.offset))
    with registry.db.session() as session:
        rows = session.execute(statement).all()
    return [DocumentSummary(id=r[0], collection=r[1], active_version=r[2], updated_at=r[3], classification=r[4],
                            versions=r[5], chunks=r[6] or 0, ingested_at=r[7], valid_from=r[8], valid_until=r[9])
            for r in rows]


def _conditions(query: DocumentQuery, starts: Any, ends: Any) -> list[Any]:
    """The HAVING terms of the query's filters (on the grouped document row)."""
    terms: list[Any] = []
    if query.classification is not None:
        terms.append(func.max(KbDocumentVersion.classification) == query.classification)
    now = datetime.now(UTC)
    in_force_yet, not_expired = or_(starts.is_(None), starts <= now), or_(ends.is_(None), ends > now)
    if query.validity == "current":
        terms += [in_force_yet, not_expired]
    elif query.validity == "expired":
        terms.append(ends <= now)
    elif query.validity == "pending":
        terms += [starts > now, not_expired]
    return terms


def with_titles(store: ChunkStore, keyring: KeyRing, documents: list[DocumentSummary]) -> list[DocumentSummary]:
    """The same documents with title, source and metadata decrypted from their served version's first chunk."""
    served = [d for d in documents if d.active_version is not None]
    wanted = {chunk_id(d.id, d.active_version or 0, 0): d for d in served}
    metas: dict[str, bytes] = {}
    ids = list(wanted)
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        rows = (store.table.search().where(f"chunk_id IN ({sql_list(batch)})").select(["chunk_id", "meta_ct"])
                .limit(len(batch)).to_arrow().to_pylist())
        metas.update({row["chunk_id"]: row["meta_ct"] for row in rows})
    keys = keyring.document_keys([d.id for d in served])
    found: dict[str, dict[str, Any]] = {}
    for cid, document in wanted.items():
        key, blob = keys.get(document.id), metas.get(cid)
        if key is None or blob is None:
            continue
        found[document.id] = json.loads(unseal(key, blob, chunk_aad(document.id, document.active_version or 0, cid,
                                                                     "meta")))
    return [replace(d, title=found[d.id].get("title"), metadata=found[d.id].get("metadata") or {},
                    source=found[d.id].get("source"), found=ChunkCandidates.from_json(found[d.id].get("pii")))
            if d.id in found else d for d in documents]
