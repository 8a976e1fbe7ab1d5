"""``PurgeService``: the erasure workflow the API, the CLI and start-up call.

It is built in the app factory from the knowledge base's parts (``purge_service_for``): the chunk store, the key
ring, the document registry, the write lock and readers lock ingestion and searches share, and the subject index.
It signs receipts with the audit trail's key, asked for only when a purge completes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from gateway.audit.events import Actions, AuditEvent
from gateway.audit.signing import CheckpointSigner
from gateway.errors import InvalidInput
from gateway.kb.keyring import KeyRing
from gateway.kb.readwrite import ReadWriteLock
from gateway.kb.registry import DocumentRegistry
from gateway.kb.store import ChunkStore
from gateway.kb.subjects import SubjectIndex
from gateway.purge.jobs import Purger, StepHook
from gateway.purge.receipts import PurgeReceipt
from gateway.purge.subjects import ChunkMasker, Embed, SubjectMode, SubjectPurge, find_subject

if TYPE_CHECKING:
    from gateway.audit.trail import AuditTrail
    from gateway.kb.lexical import BlindIndex
    from gateway.kb.service import KnowledgeBase

Signer = Callable[[], CheckpointSigner]


class PurgeService:
    """Purges documents, collections and data subjects; each purge ends with a receipt signed by ``signer()``."""

    def __init__(
        self, *, store: ChunkStore, keyring: KeyRing, registry: DocumentRegistry, writes: threading.RLock,
        readers: ReadWriteLock, signer: Signer, subjects: SubjectIndex | None = None,
        blind_index: BlindIndex | None = None, embed: Embed | None = None,
    ) -> None:  # fmt: skip
        self.jobs = Purger(store=store, keyring=keyring, registry=registry, lock=writes, readers=readers)
        self.subjects = subjects
        self._signer = signer
        self._masker = (
            ChunkMasker(store=store, keyring=keyring, subjects=subjects, blind_index=blind_index, embed=embed,
                        writes=writes, readers=readers)
            if subjects is not None and blind_index is not None and embed is not None else None
        )  # fmt: skip

    @property
    def on_step(self) -> StepHook | None:
        return self.jobs.on_step

    @on_step.setter
    def on_step(self, hook: StepHook | None) -> None:
        """Called after each step's work, before it is recorded (tests kill the process there)."""
        self.jobs.on_step = hook

    def purge_document(self, doc_id: str, actor: str) -> PurgeReceipt:
        """Purge every version of a document (rows, older Lance versions, data key, registry); signed receipt."""
        return self.jobs.purge_document(doc_id, actor, self._signer())

    def purge_collection(self, collection: str, actor: str) -> PurgeReceipt:
        """Purge a whole collection the same way, destroying its collection key too."""
        return self.jobs.purge_collection(collection, actor, self._signer())

    def purge_subject(self, value: str, entity_type: str | None, mode: SubjectMode, actor: str) -> SubjectPurge:
        """Purge the documents mentioning a data subject, or mask the subject in those chunks. Safe to repeat: an
        interrupted run is finished by running it again (index entries go only once a chunk is rewritten)."""
        if self.subjects is None or self._masker is None:
            raise InvalidInput("the data-subject index is not enabled on this knowledge base")
        found = find_subject(self.subjects, value, entity_type, mode)
        doc_ids = found.doc_ids
        if mode == "purge_documents":
            receipts = ([self.jobs.purge_documents(doc_ids, f"subject:{found.label}", actor, self._signer()).id]
                        if doc_ids else [])
            return SubjectPurge(mode, found.label, len(found.matched), doc_ids, receipts, 0)
        masked = self._masker.mask([c for c, _ in found.matched], found.digests)
        return SubjectPurge(mode, found.label, len(found.matched), doc_ids, [], masked)

    def receipt(self, receipt_id: str) -> PurgeReceipt:
        return self.jobs.receipt(receipt_id)

    def resume(self) -> list[PurgeReceipt]:
        """Finish purges a crash interrupted; the signing key is loaded only if there is one to finish."""
        return self.jobs.resume(self._signer)

    def resume_and_record(self, audit: AuditTrail, policy_version: str) -> list[PurgeReceipt]:
        """Start-up: finish interrupted purges and record each in the audit trail (as its original actor)."""
        receipts = self.resume()
        for receipt in receipts:
            audit.append(AuditEvent(action=Actions.DOCUMENT_PURGE, outcome="ok",
                                    request_id=f"purge-resume-{receipt.id}"[:64], user=receipt.body["actor"],
                                    roles=(), policy_version=policy_version, http_status=None,
                                    **receipt.audit_fields()))
        return receipts


def purge_service_for(kb: KnowledgeBase, signer: Signer) -> PurgeService:
    """The purge service over ``kb``'s parts (store, key ring, registry, locks, subject index, re-indexing)."""
    return PurgeService(store=kb.store, keyring=kb.keyring, registry=kb.registry, writes=kb.writes,
                        readers=kb.readers, signer=signer, subjects=kb.subjects,
                        blind_index=kb.ingestor.blind_index, embed=kb.ingestor.embed)
