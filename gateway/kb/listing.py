"""Listing the documents a caller may read, with their titles: the registry's record (collection, level, versions)
joined with the title and metadata sealed in each document's first chunk of its served version.

Titles are ciphertext at rest, so listing decrypts one chunk's metadata per document listed; ``limit`` bounds that
work. Callers mask titles before showing them (a title can name a person). Kept small on purpose: the HTTP listing
of ``GET /v1/documents`` and the console both build on ``list_documents``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from gateway.db.tables import KbDocument, KbDocumentVersion
from gateway.kb.documents import chunk_id
from gateway.kb.keyring import KeyRing
from gateway.kb.registry import DocumentRegistry
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.store import ChunkStore, sql_list
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


def readable_documents(registry: DocumentRegistry, rights: EffectiveRights, *,
                       limit: int = MAX_LISTED) -> list[DocumentSummary]:
    """Documents ``rights`` may read (every version at or below the caller's level in its collection), newest
    first, without titles."""
    if not rights.collections:
        return []
    query = (select(KbDocument.id, KbDocument.collection, KbDocument.active_version, KbDocument.updated_at,
                    func.max(KbDocumentVersion.classification), func.count(KbDocumentVersion.version))
             .join(KbDocumentVersion, KbDocumentVersion.document_id == KbDocument.id)
             .where(KbDocument.collection.in_(sorted(rights.collections)))
             .group_by(KbDocument.id).order_by(KbDocument.updated_at.desc(), KbDocument.id).limit(limit))
    with registry.db.session() as session:
        rows = session.execute(query).all()
    return [DocumentSummary(id=r[0], collection=r[1], active_version=r[2], updated_at=r[3], classification=r[4],
                            versions=r[5]) for r in rows if rights.may_read(r[1], r[4])]


def with_titles(store: ChunkStore, keyring: KeyRing, documents: list[DocumentSummary]) -> list[DocumentSummary]:
    """The same documents with title and metadata decrypted from their served version's first chunk."""
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
    found: dict[str, tuple[str | None, dict[str, Any] | None]] = {}
    for cid, document in wanted.items():
        key, blob = keys.get(document.id), metas.get(cid)
        if key is None or blob is None:
            continue
        meta = json.loads(unseal(key, blob, chunk_aad(document.id, document.active_version or 0, cid, "meta")))
        found[document.id] = (meta.get("title"), meta.get("metadata") or {})
    return [replace(d, title=found[d.id][0], metadata=found[d.id][1]) if d.id in found else d for d in documents]
