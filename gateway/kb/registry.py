"""DocumentRegistry: the SQL record of documents and versions — what is pending, what is served, content hashes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from gateway.db.base import utcnow
from gateway.db.hygiene import secure_delete
from gateway.db.session import Database
from gateway.db.tables import KbDocument, KbDocumentVersion
from gateway.kb.validity import Window


@dataclass(frozen=True, slots=True)
class VersionClaim:
    """What ingestion wants to store for one document: found by its keyed identity, compared by keyed hash."""

    identity: bytes
    collection: str
    content_hash: bytes
    classification: int
    chunk_count: int
    window: Window = field(default_factory=Window)
    origin: bytes | None = None
    """Keyed digest of the folder ``gateway kb sync`` mirrors the document from (recorded on the document)."""


@dataclass(frozen=True, slots=True)
class VersionPlan:
    document_id: str
    version: int
    status: Literal["added", "updated", "unchanged"]


class DocumentRegistry:
    def __init__(self, db: Database) -> None:
        self._db = db

    def plan(self, claims: Sequence[VersionClaim]) -> list[VersionPlan]:
        """Register a pending version for each changed document (one transaction); unchanged ones are no-ops.

        A pending version with the same content (left by a crashed attempt) is reused, so a retry completes it."""
        plans: list[VersionPlan] = []
        with self._db.session() as session:
            identities = [c.identity for c in claims]
            documents = {d.identity: d for d in session.scalars(
                select(KbDocument).where(KbDocument.identity.in_(identities))
                .options(selectinload(KbDocument.versions)))}
            for claim in claims:
                document = documents.get(claim.identity)
                if document is None:
                    document = KbDocument(id=uuid.uuid4().hex, collection=claim.collection, identity=claim.identity)
                    session.add(document)
                    documents[claim.identity] = document
                versions = {v.version: v for v in document.versions} if document.versions else {}
                active = versions.get(document.active_version) if document.active_version else None
                if active is not None and active.content_hash == claim.content_hash:
                    plans.append(VersionPlan(document.id, active.version, "unchanged"))
                    continue
                retry = next((v for v in versions.values()
                              if v.state == "pending" and v.content_hash == claim.content_hash), None)
                if retry is None:
                    number = max(versions, default=0) + 1
                    retry = KbDocumentVersion(version=number, content_hash=claim.content_hash,
                                              classification=claim.classification, state="pending",
                                              chunk_count=claim.chunk_count, valid_from=claim.window.valid_from,
                                              valid_until=claim.window.valid_until)
                    document.versions.append(retry)
                if claim.origin is not None:
                    document.origin = claim.origin
                plans.append(VersionPlan(document.id, retry.version,
                                         "added" if document.active_version is None else "updated"))
        return plans

    def commit(self, plans: Sequence[VersionPlan]) -> None:
        """Record that these versions are now served and their predecessors are not."""
        changed = {p.document_id: p.version for p in plans if p.status != "unchanged"}
        if not changed:
            return
        now = utcnow()
        with self._db.session() as session:
            query = select(KbDocument).where(KbDocument.id.in_(changed)).options(selectinload(KbDocument.versions))
            for document in session.scalars(query):
                target = changed[document.id]
                for version in document.versions:
                    if version.version == target:
                        version.state, version.activated_at = "active", now
                    elif version.state == "active":
                        version.state = "superseded"
                document.active_version = target
                document.updated_at = now

    def served_windows(self) -> dict[str, Window]:
        """doc id → validity window of its served version, for the documents whose served version has one."""
        query = (select(KbDocument.id, KbDocumentVersion.valid_from, KbDocumentVersion.valid_until)
                 .join(KbDocumentVersion, (KbDocumentVersion.document_id == KbDocument.id)
                       & (KbDocumentVersion.version == KbDocument.active_version))
                 .where(KbDocumentVersion.valid_from.is_not(None) | KbDocumentVersion.valid_until.is_not(None)))
        with self._db.session() as session:
            return {row[0]: Window(row[1], row[2]) for row in session.execute(query)}

    def mirrored_from(self, origin: bytes) -> dict[bytes, str]:
        """identity → doc id of the documents mirrored from one folder (``gateway kb sync``)."""
        with self._db.session() as session:
            return {row[0]: row[1] for row in session.execute(
                select(KbDocument.identity, KbDocument.id).where(KbDocument.origin == origin))}

    def active_version(self, document_id: str) -> int | None:
        with self._db.session() as session:
            document = session.get(KbDocument, document_id)
            return document.active_version if document else None

    # -- purge (issue #7) ---------------------------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        return self._db

    def versions_of(self, document_ids: Sequence[str]) -> dict[str, tuple[str, list[int]]]:
        """doc id → (collection, its version numbers) for the documents that exist."""
        with self._db.session() as session:
            query = (select(KbDocument).where(KbDocument.id.in_(list(document_ids)))
                     .options(selectinload(KbDocument.versions)))
            return {d.id: (d.collection, [v.version for v in d.versions]) for d in session.scalars(query)}

    def describe(self, document_id: str) -> dict[str, Any] | None:
        """A document's registry record: collection, served version, highest classification of any of its
        versions, and each version (number, state, chunks, level, when); None when there is no such document."""
        with self._db.session() as session:
            document = session.get(KbDocument, document_id, options=[selectinload(KbDocument.versions)])
            if document is None:
                return None
            return {"id": document.id, "collection": document.collection, "active_version": document.active_version,
                    "classification": max((v.classification for v in document.versions), default=0),
                    "updated_at": document.updated_at,
                    "versions": [{"version": v.version, "state": v.state, "chunks": v.chunk_count,
                                  "classification": v.classification, "created_at": v.created_at.isoformat(),
                                  "activated_at": v.activated_at, "valid_from": v.valid_from,
                                  "valid_until": v.valid_until}
                                 for v in document.versions]}

    def highest_level_in(self, collection: str) -> int | None:
        """The highest classification of any version of any document in ``collection``; None when it is empty."""
        with self._db.session() as session:
            return session.scalar(select(func.max(KbDocumentVersion.classification)).join(KbDocument)
                                  .where(KbDocument.collection == collection))

    def documents_in(self, collection: str) -> list[str]:
        with self._db.session() as session:
            return list(session.scalars(select(KbDocument.id).where(KbDocument.collection == collection)))

    def forget(self, document_ids: Sequence[str]) -> None:
        """Delete documents and their versions (overwritten on SQLite); absent ones are skipped."""
        if not document_ids:
            return
        with self._db.session() as session:
            secure_delete(session)
            session.execute(delete(KbDocumentVersion).where(KbDocumentVersion.document_id.in_(list(document_ids))))
            session.execute(delete(KbDocument).where(KbDocument.id.in_(list(document_ids))))
