"""Purge jobs: erase a document, a whole collection or a list of documents so nothing of it can be found, read or
recovered.

A purge is a job in ``purge_jobs``, advanced through these steps; each is idempotent and recorded once done, so a
process killed at any point finishes the job on restart (``Purger.resume``) and repeating a step is harmless:

    planned    what will go is recorded (versions, chunk count, Lance fragments, key fingerprints); nothing touched
    hidden     the rows are deleted in one Lance commit: no query returns them once the call returns
    shredded   the document keys (and, for a collection, its key) are destroyed: any copy left is undecipherable
    forgotten  the registry rows and the document's data-subject index entries are deleted
    rewritten  the Lance fragments that held the rows are rewritten without them (a delete only writes a deletion
               vector); the indices are remapped to the new files, dropping the deleted rows' entries
    vacuumed   indices brought up to date, every older version's files deleted, unfinished transactions' too
    scrubbed   the SQLite write-ahead log is checkpointed and truncated (deleted bytes were zeroed: secure_delete)
    done       a receipt is signed with the audit key and stored with the job

Vacuuming deletes every older version of the table: it is only safe while no other process writes to the
knowledge base. Within this process, purges and ingestion share one lock (``KnowledgeBase.writes``, handed to the
``Purger`` by the app factory).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select

from gateway.audit.signing import CheckpointSigner
from gateway.db.base import utcnow
from gateway.db.hygiene import checkpoint_wal
from gateway.db.tables import PurgeJob
from gateway.errors import InvalidInput, NotFound
from gateway.kb.keyring import KeyRing
from gateway.kb.readwrite import ReadWriteLock
from gateway.kb.registry import DocumentRegistry
from gateway.kb.store import ChunkStore, sql_list
from gateway.kb.subjects import forget_documents
from gateway.purge.receipts import PurgeReceipt, seal_receipt

STEPS = ("planned", "hidden", "shredded", "forgotten", "rewritten", "vacuumed", "scrubbed", "done")

StepHook = Callable[[str], None]
"""Called with a step's name after its work and before it is recorded (tests kill the process there)."""


class Purger:
    """Runs purge jobs against the knowledge base's store, key ring and registry."""

    def __init__(self, *, store: ChunkStore, keyring: KeyRing, registry: DocumentRegistry,
                 lock: threading.RLock, readers: ReadWriteLock, on_step: StepHook | None = None) -> None:
        self.store = store
        self.readers = readers
        self.keyring = keyring
        self.registry = registry
        self.db = registry.db
        self.lock = lock
        self.on_step = on_step

    # -- entry points -------------------------------------------------------------------------------------------------
    def purge_document(self, doc_id: str, actor: str, signer: CheckpointSigner) -> PurgeReceipt:
        """Purge every version of one document; a document already purged returns its earlier receipt."""
        return self._purge("document", doc_id, actor, signer)

    def purge_collection(self, collection: str, actor: str, signer: CheckpointSigner) -> PurgeReceipt:
        """Purge every document of a collection and destroy the collection key (the name may be used again)."""
        return self._purge("collection", collection, actor, signer)

    def purge_documents(self, doc_ids: Sequence[str], label: str, actor: str,
                        signer: CheckpointSigner) -> PurgeReceipt:
        """Purge several documents in one job, one receipt, one rewrite and one vacuum (a data subject's
        documents); ``label`` names the request in the receipt (a keyed hash, never a personal value)."""
        if not doc_ids:
            raise InvalidInput("no documents to purge")
        return self._purge("documents", label, actor, signer, sorted(set(doc_ids)))

    def resume(self, signer: Callable[[], CheckpointSigner]) -> list[PurgeReceipt]:
        """Finish every job a crash interrupted, oldest first (call at start-up, before serving). ``signer`` is
        asked for the signing key only if there is a job to finish, so a normal start-up loads no key for this."""
        with self.db.session() as session:
            ids = list(session.scalars(select(PurgeJob.id).where(PurgeJob.status == "running")
                                       .order_by(PurgeJob.created_at)))
        if not ids:
            return []
        key = signer()
        with self.lock:
            return [self._run(job_id, key) for job_id in ids]

    def receipt(self, receipt_id: str) -> PurgeReceipt:
        with self.db.session() as session:
            job = session.get(PurgeJob, receipt_id)
            if job is None or job.receipt is None or job.signature is None or job.key_id is None:
                raise NotFound("no purge receipt with that id")
            return PurgeReceipt(job.id, json.loads(job.receipt), job.signature, job.key_id)

    # -- the job ------------------------------------------------------------------------------------------------------
    def _purge(self, kind: str, target: str, actor: str, signer: CheckpointSigner,
               doc_ids: list[str] | None = None) -> PurgeReceipt:
        if not target or len(target) > 128 or not actor or len(actor) > 128:
            raise InvalidInput("the purge target and actor must be 1 to 128 characters")
        with self.lock:
            with self.db.session() as session:
                jobs = session.scalars(select(PurgeJob).where(PurgeJob.kind == kind, PurgeJob.target == target)
                                       .order_by(PurgeJob.created_at.desc())).all()
            running = next((j for j in jobs if j.status == "running"), None)
            if running is not None:
                return self._run(running.id, signer)
            plan = self._plan(kind, target, doc_ids)
            if plan is None:
                if jobs and kind == "document":
                    return self.receipt(jobs[0].id)
                raise NotFound({"document": "no document with that id", "collection": "no such collection"}
                               .get(kind, "none of those documents exists"))
            job_id = uuid.uuid4().hex
            now = utcnow()
            with self.db.session() as session:
                session.add(PurgeJob(id=job_id, kind=kind, target=target, actor=actor, step="planned",
                                     status="running", plan=json.dumps(plan, sort_keys=True), created_at=now,
                                     updated_at=now))
            return self._run(job_id, signer)

    @staticmethod
    def _where(kind: str, target: str, doc_ids: Sequence[str] = ()) -> str:
        if kind == "documents":
            return f"doc_id IN ({sql_list(doc_ids)})"
        column = "doc_id" if kind == "document" else "collection"
        return f"{column} = {sql_list([target])}"

    def _plan(self, kind: str, target: str, named: list[str] | None = None) -> dict[str, Any] | None:
        """What the job will destroy, read before anything is touched; None when there is nothing to purge."""
        where = self._where(kind, target, named or ())
        rows = self.store.table.search().where(where).select(["doc_id"]).limit(None).to_arrow()
        chunks = Counter(rows.column("doc_id").to_pylist())
        doc_ids = set(chunks)
        if kind == "document":
            doc_ids.add(target)
        elif kind == "documents":
            doc_ids |= set(named or ())
        else:
            doc_ids |= set(self.registry.documents_in(target))
        registered = self.registry.versions_of(sorted(doc_ids))
        if kind == "document" and target not in registered and not chunks[target]:
            return None
        if kind == "documents" and not registered and not chunks:
            return None
        key_ids = [f"document:{d}" for d in sorted(doc_ids)]
        if kind == "collection":
            key_ids.append(f"collection:{target}")
        fingerprints = self.keyring.fingerprints(key_ids)
        if kind == "collection" and not doc_ids and not fingerprints:
            return None
        collection = target if kind == "collection" else registered.get(target, ("", []))[0] or None
        if kind == "documents":
            collection = None
        return {
            "collection": collection,
            "documents": [{"id": d, "versions": registered.get(d, ("", []))[1], "chunks": chunks[d]}
                          for d in sorted(doc_ids)],
            "chunks": sum(chunks.values()),
            "keys": [{"key": k, "sha256": fingerprints[k]} for k in key_ids if k in fingerprints],
            "fragments": self.store.fragments_of(where) if chunks else [],
            "lance_versions_before": self.store.version_count(),
            "results": {},
        }

    def _run(self, job_id: str, signer: CheckpointSigner) -> PurgeReceipt:
        with self.db.session() as session:
            job = session.get(PurgeJob, job_id)
            assert job is not None
            kind, target, actor, step, plan = job.kind, job.target, job.actor, job.step, json.loads(job.plan)
            requested_at = job.created_at
        for name in STEPS[STEPS.index(step) + 1 :]:
            result = self._do(name, kind, target, plan)
            if name == "done":
                body = {
                    "id": job_id, "kind": kind, "target": target, "collection": plan["collection"],
                    "documents": plan["documents"], "chunks": plan["chunks"], "keys_destroyed": plan["keys"],
                    "lance": {"fragments_rewritten": plan["results"].get("rewritten", len(plan["fragments"])),
                              "versions_before": plan["lance_versions_before"],
                              "versions_after": plan["results"].get("vacuumed")},
                    "sqlite_wal_truncated": plan["results"].get("scrubbed"),
                    "actor": actor, "requested_at": requested_at.isoformat(), "completed_at": utcnow().isoformat(),
                }
                receipt = seal_receipt(job_id, body, signer)
            if self.on_step is not None:
                self.on_step(name)
            if result is not None:
                plan["results"][name] = result
            with self.db.session() as session:
                job = session.get(PurgeJob, job_id)
                assert job is not None
                job.step, job.updated_at, job.plan = name, utcnow(), json.dumps(plan, sort_keys=True)
                if name == "done":
                    job.status, job.finished_at = "done", utcnow()
                    job.receipt, job.signature, job.key_id = receipt.canonical(), receipt.signature, receipt.key_id
        return self.receipt(job_id)

    def _do(self, step: str, kind: str, target: str, plan: dict[str, Any]) -> Any:
        doc_ids = [d["id"] for d in plan["documents"]]
        if step == "hidden":
            with self.readers.exclusive():  # searches already running finish first; later ones see the delete
                return self.store.hide(self._where(kind, target, doc_ids))
        if step == "shredded":
            keys = [k["key"] for k in plan["keys"]]
            if kind == "collection":
                keys.append(f"collection:{target}")
            self.keyring.destroy_keys(keys, forget=kind == "collection")
        elif step == "forgotten":
            self.registry.forget(doc_ids)
            forget_documents(self.db, doc_ids)
        elif step == "rewritten":
            return self.store.compact(materialize_all_deletions=True)
        elif step == "vacuumed":
            with self.readers.exclusive():  # no search is reading the files of the versions it deletes
                return self.store.vacuum()
        elif step == "scrubbed":
            return checkpoint_wal(self.db)
        return None
